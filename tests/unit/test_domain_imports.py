"""The domain never imports Textual, and neither do the CLI commands that do not open the app.

Each check runs in a fresh interpreter, because this test process may already hold Textual.
"""

from __future__ import annotations

import json
import pkgutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

TINYCONF = Path(__file__).resolve().parents[1] / "data" / "tinyconf.json"

# Everything under confterm except what may reach Textual: the app itself, and the CLI and its
# ``python -m`` entry (whose commands are checked one by one below, since one opens the app).
TEXTUAL_PACKAGES = ("confterm.tui", "confterm.cli", "confterm.__main__")


def _domain_modules() -> list[str]:
    """Every module of confterm, found by walking the package, outside TEXTUAL_PACKAGES."""
    import confterm

    names = ["confterm"]
    for info in pkgutil.walk_packages(confterm.__path__, prefix="confterm."):
        if not any(info.name == p or info.name.startswith(f"{p}.") for p in TEXTUAL_PACKAGES):
            names.append(info.name)
    return names


_PROBE = """
import contextlib, io, sys
target = sys.argv[1]
with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
    if target == "--cli":
        from confterm.cli import main
        try:
            main(sys.argv[2:])
        except SystemExit:
            pass
    else:
        __import__(target)
loaded = sorted(sys.modules)  # before json, which the probe itself needs to answer
import json
print(json.dumps(loaded))
"""


def _modules_after(*target: str) -> list[str]:
    """Every module loaded by a fresh interpreter after importing ``target`` (or, after
    ``--cli``, running confterm with the remaining arguments)."""
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, *target],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    result: list[str] = json.loads(done.stdout)
    return result


def _within(modules: list[str], *packages: str) -> list[str]:
    return [m for m in modules if any(m == p or m.startswith(f"{p}.") for p in packages)]


def _textual_modules_after(*target: str) -> list[str]:
    return _within(_modules_after(*target), "textual")


def test_the_walk_finds_every_domain_package() -> None:
    names = _domain_modules()
    for package in ("model", "sources", "store", "queries", "export", "present"):
        assert f"confterm.{package}" in names
    assert "confterm.store.bookmarks" in names
    assert "confterm.queries.search" in names
    assert not [n for n in names if n.startswith(TEXTUAL_PACKAGES)]


@pytest.mark.parametrize("module", _domain_modules())
def test_domain_module_imports_no_textual(module: str) -> None:
    assert _textual_modules_after(module) == []


def test_the_probe_sees_textual_when_it_is_imported() -> None:
    # Guards the test above: a probe that never saw Textual would prove nothing.
    assert "textual.app" in _textual_modules_after("textual.app")


@pytest.mark.parametrize(
    "argv",
    [
        ["--help"],
        ["--version"],
        ["list"],
        ["list", "--data", str(TINYCONF), "--json"],
        ["show", "--data", str(TINYCONF), "opening-keynote"],
        ["validate", str(TINYCONF)],
        ["now", "--data", str(TINYCONF), "--now", "2026-03-07T09:30"],
    ],
    ids=lambda argv: " ".join(a for a in argv if not a.startswith("/")),
)
def test_cli_commands_import_no_textual(argv: list[str]) -> None:
    assert _textual_modules_after("--cli", *argv) == []


# Slow to import and needed only by the commands that use them (agenda --format ics, import):
# neither opening the app nor listing the program should pay for them.
START_UP_EXCLUDED = ("icalendar", "confterm.sources", "confterm.export.ics")


@pytest.mark.parametrize(
    "argv",
    [["--help"], ["list"], ["list", "--data", str(TINYCONF), "--search", "keynote"]],
    ids=lambda argv: " ".join(a for a in argv if not a.startswith("/")),
)
def test_start_up_and_list_skip_the_importers_and_icalendar(argv: list[str]) -> None:
    assert _within(_modules_after("--cli", *argv), *START_UP_EXCLUDED) == []


def test_the_commands_that_need_them_still_load_them(tmp_path: Path) -> None:
    # Guards the test above: the probe sees these modules when a command does import them.
    output = str(tmp_path / "agenda.ics")
    ics = _modules_after("--cli", "agenda", "--all", "--format", "ics", "-o", output)
    assert "confterm.export.ics" in ics
    # The export writes iCalendar text itself: the library is only for reading (import).
    assert "icalendar" not in ics
    assert Path(output).read_bytes().startswith(b"BEGIN:VCALENDAR")
    imported = _modules_after("--cli", "import", str(TINYCONF), "--tz", "UTC", "--id", "probe")
    assert "confterm.sources" in imported


def test_a_program_validated_before_opens_without_pydantic() -> None:
    # The first start validates (pydantic) and caches; the next start, and the app's modules,
    # never import pydantic: it is a third of the app's start-up time.
    first = _modules_after("--cli", "list", "--data", str(TINYCONF))
    assert "pydantic" in first
    again = _modules_after("--cli", "list", "--data", str(TINYCONF))
    assert _within(again, "pydantic", "pydantic_core") == []
    assert _within(_modules_after("confterm.tui.app"), "pydantic", "pydantic_core") == []


def test_validate_always_validates() -> None:
    _modules_after("--cli", "list", "--data", str(TINYCONF))
    assert "pydantic" in _modules_after("--cli", "validate", str(TINYCONF))


# What only the commands need: the parser, built on every start (the app's too), declares
# every command from confterm.cli.commands and imports an implementation when it runs.
COMMAND_ONLY = (
    "confterm.cli.program_cmd",
    "confterm.cli.agenda_cmd",
    "confterm.cli.bookmarks_cmd",
    "confterm.cli.imports_cmd",
    "confterm.cli.output",
    "confterm.queries.search",
)


def test_the_cli_imports_no_command_implementation() -> None:
    assert [m for m in _modules_after("confterm.cli") if m in COMMAND_ONLY] == []
    assert [m for m in _modules_after("--cli", "--help") if m in COMMAND_ONLY] == []


def test_a_command_imports_its_implementation() -> None:
    # Guards the test above: the probe sees a command module once its command runs.
    listed = _modules_after("--cli", "list", "--data", str(TINYCONF))
    assert "confterm.cli.program_cmd" in listed
    assert "confterm.cli.agenda_cmd" not in listed


def _big_program(folder: Path) -> Path:
    """TinyConf with long descriptions, some 9 MB: a program that takes long to load (what
    `confterm now` must never do once warm)."""
    program = json.loads(TINYCONF.read_text(encoding="utf-8"))
    session = program["sessions"][0]
    long_text = "A description long enough to fill the file. " * 2_000  # ~90,000 characters
    program["sessions"] += [
        {**session, "id": f"extra-{n}", "description": long_text} for n in range(100)
    ]
    path = folder / "big.json"
    path.write_text(json.dumps(program), encoding="utf-8")
    assert path.stat().st_size > 8_000_000
    return path


@pytest.mark.parametrize("size", ["small", "large"])
def test_now_imports_neither_textual_nor_rich_nor_the_model_once_warm(
    size: str, tmp_path: Path
) -> None:
    # `confterm now` runs every few seconds in a status line: it answers from its timeline,
    # with the standard library, at any program size.
    data = TINYCONF if size == "small" else _big_program(tmp_path)
    # With its offset: a naive --now is in the conference's zone, which needs zoneinfo.
    argv = ("now", "--data", str(data), "--now", "2026-03-07T09:30-05:00")
    first = _modules_after("--cli", *argv)  # loads the program, makes and keeps the timeline
    assert "confterm.glance.build" in first
    if data is not TINYCONF:
        time.sleep(0.2)  # a file this new is not trusted yet (see glance.timeline)
        _modules_after("--cli", *argv)
    loaded = _modules_after("--cli", *argv)
    assert "confterm.cli.now_cmd" in loaded
    assert _within(loaded, "textual", "rich", "pydantic", "confterm.model") == []
    assert "confterm.glance.build" not in loaded
    assert "confterm.queries.index" not in loaded
    # Nor what other commands need, all costly to import: the parser of every command
    # (argparse), dataclasses (which imports inspect), hashlib (which loads OpenSSL), json
    # (only --json prints it).
    slow = ("argparse", "confterm.cli.parsing", "dataclasses", "inspect", "hashlib", "json")
    assert _within(loaded, *slow) == []
    # Nor what most of confterm uses but costs a status line more than its answer: the
    # platform's directories (platformdirs, with tempfile, shutil, random...), pathlib (with
    # urllib), typing, re, the store's checks and locks (confterm.store.db, threading), and
    # zoneinfo (times in the conference's zone come from the timeline).
    costly = (
        "platformdirs",
        "tempfile",
        "pathlib",
        "urllib",
        "typing",
        "re",
        "enum",
        "confterm.store.db",
        "threading",
        "zoneinfo",
        "tomllib",
        "string",
    )
    assert _within(loaded, *costly) == []


def test_now_imports_zoneinfo_only_for_another_zone_or_a_naive_moment() -> None:
    """Guards the test above: the probe sees zoneinfo once a time needs it."""
    aware = ("now", "--data", str(TINYCONF), "--now", "2026-03-07T09:30-05:00")
    _modules_after("--cli", *aware)
    assert "zoneinfo" not in _modules_after("--cli", *aware)
    assert "zoneinfo" in _modules_after("--cli", *aware, "--tz", "Asia/Tokyo")
    assert "zoneinfo" in _modules_after("--cli", *aware[:-1], "2026-03-07T09:30")


def test_now_reads_a_plain_settings_file_without_tomllib(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "config-plain"
    config.mkdir()
    monkeypatch.setenv("CONFTERM_CONFIG_DIR", str(config))
    argv = ("now", "--data", str(TINYCONF), "--now", "2026-03-07T09:30-05:00")
    (config / "settings.toml").write_text('# saved by the app\ntheme = "nord"\n')
    _modules_after("--cli", *argv)
    assert "tomllib" not in _modules_after("--cli", *argv)
    # Guard: a file beyond the plain lines is read by tomllib.
    (config / "settings.toml").write_text('theme = "nord"  # saved by the app\n')
    assert "tomllib" in _modules_after("--cli", *argv)
