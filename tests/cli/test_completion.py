"""Shell completion and the man page."""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from confterm.cli import build_parser

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
TINYCONF = ROOT / "tests" / "data" / "tinyconf.json"


def _confterm(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BIN / "confterm"), *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
        env={**os.environ, **(env or {})},
    )


@pytest.mark.parametrize(
    ("shell", "marker"),
    [
        ("bash", "complete -o"),
        ("zsh", "#compdef confterm"),
        ("fish", "complete --command confterm"),
    ],
)
def test_the_completion_script_is_printed(shell: str, marker: str) -> None:
    done = _confterm("completion", shell)
    assert done.returncode == 0, done.stderr
    assert marker in done.stdout
    assert "_ARGCOMPLETE" in done.stdout


def test_an_unknown_shell_is_a_usage_error() -> None:
    assert _confterm("completion", "tcsh").returncode == 2


BASH = shutil.which("bash")


def _bash_complete(words: list[str]) -> list[str]:
    """What bash offers for the last of ``words``, through the printed script."""
    assert BASH is not None
    line = " ".join(words)
    script = (
        "source <(confterm completion bash)\n"
        f'COMP_LINE="{line}"; COMP_POINT=${{#COMP_LINE}}\n'
        f"COMP_WORDS=({' '.join(repr(w) for w in words)}); COMP_CWORD={len(words) - 1}\n"
        f'_python_argcomplete confterm "{words[-1]}" "{words[-2]}"\n'
        'printf "%s\\n" "${COMPREPLY[@]}"\n'
    )
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}"}
    done = subprocess.run(
        [BASH, "-c", script], capture_output=True, text=True, env=env, check=False, timeout=60
    )
    assert done.returncode == 0, done.stderr
    return [w.strip() for w in done.stdout.splitlines() if w.strip()]


@pytest.mark.skipif(BASH is None, reason="bash is not installed")
def test_bash_completes_session_ids_after_show() -> None:
    offered = _bash_complete(["confterm", "show", "--data", str(TINYCONF), ""])
    assert {"opening-keynote", "caches-talk", "bof-tba"} <= set(offered)
    assert _bash_complete(["confterm", "show", "--data", str(TINYCONF), "cach"]) == ["caches-talk"]
    # The bundled program, with no --data.
    assert "keynote-stoica-ai-stack" in _bash_complete(["confterm", "show", ""])


@pytest.mark.skipif(BASH is None, reason="bash is not installed")
def test_bash_completes_commands_options_and_conference_ids() -> None:
    assert set(_bash_complete(["confterm", "boo"])) == {"booths", "bookmark"}
    assert "--format" in _bash_complete(["confterm", "now", "--f"])
    assert _bash_complete(["confterm", "list", "--conference", "mls"]) == ["mlsys2025"]
    offered = _bash_complete(["confterm", "bookmark", "--data", str(TINYCONF), "add", "ac"])
    assert offered == ["acme"]


def test_a_normal_start_does_not_import_argcomplete() -> None:
    probe = (
        "import sys, contextlib, io\n"
        "from confterm.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(['schema'])\n"
        "print('argcomplete' in sys.modules)\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "_ARGCOMPLETE"}
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=True
    )
    assert done.stdout.strip() == "False"


def test_the_man_page_is_written_from_the_parser() -> None:
    done = _confterm("man")
    assert done.returncode == 0
    page = done.stdout
    assert page.startswith('.TH CONFTERM 1 "" "confterm ')
    # Every command and every option of the parser is in it: it cannot fall behind.
    parser = build_parser()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                assert f"\n.SS {name}\n" in page
                for option in sub._actions:
                    for flag in option.option_strings:
                        assert flag.replace("-", "\\-") in page, (name, flag)
        for flag in action.option_strings:
            assert flag.replace("-", "\\-") in page
    # No body line can be taken for a roff request.
    body = page.split("\n.SH DESCRIPTION\n", 1)[1]
    requests = {line.split()[0] for line in body.splitlines() if line.startswith((".", "'"))}
    assert requests <= {".SH", ".SS", ".TP", ".PP", ".RS", ".RE"}
    man = shutil.which("man")
    if man is not None:
        shown = subprocess.run(
            [man, "-l", "-"],
            input=page,
            capture_output=True,
            text=True,
            check=False,
            env={**os.environ, "MANWIDTH": "80"},
            timeout=60,
        )
        assert "bookmark" in shown.stdout
