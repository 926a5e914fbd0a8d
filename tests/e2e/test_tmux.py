"""The installed ``confterm`` in a real terminal (tmux): open, bookmark a session, quit, and
check the bookmark with ``confterm bookmark list --json``."""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

CONFTERM = Path(sys.executable).parent / "confterm"
TINYCONF = Path(__file__).parents[1] / "data" / "tinyconf.json"
DEADLINE = 20.0

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


def capture(session: str) -> str:
    result = subprocess.run(
        ["tmux", "capture-pane", "-p", "-t", session], capture_output=True, text=True, check=False
    )
    return result.stdout


def wait_for(session: str, *texts: str, deadline: float = DEADLINE) -> str:
    """Poll the pane until every one of ``texts`` is on screen at once (the app paints in
    several frames); fail with the last screen after ``deadline``."""
    end = time.monotonic() + deadline
    screen = ""
    while time.monotonic() < end:
        screen = capture(session)
        if all(text in screen for text in texts):
            return screen
        time.sleep(0.1)
    raise AssertionError(f"{texts!r} did not all appear within {deadline} s; screen:\n{screen}")


def send(session: str, *keys: str) -> None:
    subprocess.run(["tmux", "send-keys", "-t", session, *keys], check=True)


@pytest.fixture
def tmux_session(tmp_path: Path) -> Iterator[str]:
    name = f"confterm-e2e-{uuid.uuid4().hex[:8]}"
    yield name
    subprocess.run(["tmux", "kill-session", "-t", name], capture_output=True, check=False)


def test_bookmark_in_the_app_then_list_it(tmux_session: str, isolated_user_data: Path) -> None:
    command = " ".join(
        [
            "env",
            f"CONFTERM_DATA_DIR={shlex.quote(str(isolated_user_data))}",
            "TERM=xterm-256color",
            shlex.quote(str(CONFTERM)),
            "--data",
            shlex.quote(str(TINYCONF)),
            "--now",
            "2026-03-07T10:40",
        ]
    )
    subprocess.run(
        ["tmux", "new-session", "-d", "-s", tmux_session, "-x", "120", "-y", "40", command],
        check=True,
        env={**os.environ, "CONFTERM_DATA_DIR": str(isolated_user_data)},
    )
    # Opens on day 1 with the session in progress highlighted and its detail shown.
    screen = wait_for(
        tmux_session,
        "TinyConf",
        "Parsing Schedules Without Tears",
        "Not bookmarked (b to bookmark)",
    )
    assert "Sat 7 Mar" in screen
    send(tmux_session, "b")
    wait_for(tmux_session, "★ Bookmarked")
    send(tmux_session, "q")
    end = time.monotonic() + DEADLINE
    while (
        time.monotonic() < end
        and tmux_session
        in subprocess.run(
            ["tmux", "list-sessions", "-F", "#{session_name}"],
            capture_output=True,
            text=True,
            check=False,
        ).stdout.split()
    ):
        time.sleep(0.1)
    result = subprocess.run(
        [str(CONFTERM), "--data", str(TINYCONF), "bookmark", "list", "--json"],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "CONFTERM_DATA_DIR": str(isolated_user_data)},
    )
    marks = json.loads(result.stdout)
    assert [(m["id"], m["kind"]) for m in marks] == [("parsing-schedules", "session")]


def _start(session: str, data_dir: Path, width: int, height: int) -> None:
    command = " ".join(
        [
            "env",
            f"CONFTERM_DATA_DIR={shlex.quote(str(data_dir))}",
            "TERM=xterm-256color",
            shlex.quote(str(CONFTERM)),
            "--data",
            shlex.quote(str(TINYCONF)),
            "--now",
            "2026-03-07T10:40",
        ]
    )
    subprocess.run(
        ["tmux", "new-session", "-d", "-s", session, "-x", str(width), "-y", str(height), command],
        check=True,
        env={**os.environ, "CONFTERM_DATA_DIR": str(data_dir)},
    )


def _quit(session: str) -> None:
    send(session, "q")
    end = time.monotonic() + DEADLINE
    while time.monotonic() < end:
        names = subprocess.run(
            ["tmux", "list-sessions", "-F", "#{session_name}"],
            capture_output=True,
            text=True,
            check=False,
        ).stdout.split()
        if session not in names:
            return
        time.sleep(0.1)


def test_star_two_papers_of_one_session_at_80x24(
    tmux_session: str, isolated_user_data: Path
) -> None:
    # Issue 15, item 1: starring two papers of one oral session stars both, not the session.
    _start(tmux_session, isolated_user_data, 80, 24)
    wait_for(tmux_session, "TinyConf", "Parsing Schedules")
    send(tmux_session, "P")
    wait_for(tmux_session, "Fast Lists for Slow Terminals")
    send(tmux_session, "Down", "b", "Down", "b")
    screen = wait_for(tmux_session, "★Bookmarks That Survive", "★Time Zones Considered")
    # Enter opens the paper's own detail at 80 columns, starred.
    send(tmux_session, "Enter")
    screen = wait_for(tmux_session, "★ Time Zones Considered Harmful", "★ Starred")
    assert "Enter: go to the session" in screen
    send(tmux_session, "Escape")  # alone: Escape then a key at once reads as alt+key
    wait_for(tmux_session, "Fast Lists for Slow Terminals")
    time.sleep(0.3)
    send(tmux_session, "a")
    screen = wait_for(tmux_session, "Oral Session: Systems", "★Bookmarks That Survive")
    _quit(tmux_session)
    result = subprocess.run(
        [str(CONFTERM), "--data", str(TINYCONF), "bookmark", "list", "--json"],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "CONFTERM_DATA_DIR": str(isolated_user_data)},
    )
    marks = json.loads(result.stdout)
    assert [(m["id"], m["kind"]) for m in marks] == [
        ("sqlite-bookmarks", "paper"),
        ("timezone-pain", "paper"),
    ]
