"""``confterm show`` prints OSC 8 hyperlinks on a terminal, plain URLs when piped."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path

from tty_run import run_on_tty

from confterm.present.links import link_url

RunCli = Callable[..., "subprocess.CompletedProcess[str]"]
TINYCONF = Path(__file__).resolve().parents[1] / "data" / "tinyconf.json"
SLIDES = "https://tinyconf.example.org/slides/keynote"


def test_a_terminal_gets_hyperlinks(isolated_user_data: Path) -> None:
    env = {"CONFTERM_DATA_DIR": str(isolated_user_data)}
    out = run_on_tty("show", "opening-keynote", "--data", str(TINYCONF), env=env)
    assert f";{SLIDES}\x1b\\{SLIDES}\x1b]8;;\x1b\\" in out
    dumb = run_on_tty(
        "show", "opening-keynote", "--data", str(TINYCONF), env={**env, "TERM": "dumb"}
    )
    assert SLIDES in dumb
    assert "\x1b]8;" not in dumb


def test_piped_output_has_plain_urls(run_cli: RunCli) -> None:
    done = run_cli("show", "opening-keynote", "--data", str(TINYCONF))
    assert f"Slides: {SLIDES}" in done.stdout
    assert "\x1b" not in done.stdout


def test_a_hostile_url_never_reaches_the_terminal_raw(
    isolated_user_data: Path, tmp_path: Path
) -> None:
    env = {"CONFTERM_DATA_DIR": str(isolated_user_data)}
    data = json.loads(TINYCONF.read_text())
    # Plain http(s) but not ASCII: the target is percent-encoded.
    data["sessions"][1]["links"] = [{"title": "a", "url": "https://ex.org/ü"}]
    path = tmp_path / "awkward.json"
    path.write_text(json.dumps(data))
    out = run_on_tty("show", "opening-keynote", "--data", str(path), env=env)
    targets = [part.split("\x1b\\")[0] for part in out.split("\x1b]8;")[1:]]
    urls = [t.split(";", 1)[1] for t in targets if t.split(";", 1)[1]]
    assert "https://ex.org/%C3%BC" in urls
    for url in urls:
        assert link_url(url) == url
    # A URL with an escape sequence or another scheme never enters the model: the file is
    # refused, in one clean line naming the field (see the Safety section of the README).
    for url in ("https://ex.org/\x1b]8;;https://evil.example\x07x", "javascript:alert(1)"):
        data["sessions"][1]["links"] = [{"title": "a", "url": url}]
        path.write_text(json.dumps(data))
        out = run_on_tty(
            "show",
            "opening-keynote",
            "--data",
            str(path),
            env=env,
            stderr_too=True,
            expect_code=1,
        )
        assert "sessions[1].links[0].url: not a plain http(s) URL" in out
        assert "evil" not in out
        assert "\x1b" not in out


def test_link_url_keeps_only_safe_web_addresses() -> None:
    assert link_url("https://ex.org/a b") is None
    assert link_url("file:///etc/passwd") is None
    assert link_url("https://") is None
    assert link_url("https://ex.org/ü") == "https://ex.org/%C3%BC"
    assert link_url("https://ex.org/(x)'\"") == "https://ex.org/%28x%29%27%22"


def test_a_long_url_is_cut_not_folded_on_a_narrow_terminal(
    isolated_user_data: Path, tmp_path: Path
) -> None:
    long_url = "https://ex.org/" + "very-long-path/" * 8
    data = json.loads(TINYCONF.read_text())
    data["sessions"][1]["links"] = [{"title": "Long", "url": long_url}]
    path = tmp_path / "long.json"
    path.write_text(json.dumps(data))
    out = run_on_tty(
        "show",
        "opening-keynote",
        "--data",
        str(path),
        env={"CONFTERM_DATA_DIR": str(isolated_user_data)},
        columns=60,
    )
    assert "8;id=" in out
    visible = [line for line in out.split("\x1b]8;") if line.split(";", 2)[-1].startswith(long_url)]
    assert visible, "the link's target is the whole URL"
    shown = [line for line in out.splitlines() if "very-long-path" in line]
    assert len(shown) == 1  # one line of the screen, cut with an ellipsis
    assert "…" in shown[0]
