"""``confterm now``: one line for a status bar, bookmarks first, nothing when nothing is on."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

RunCli = Callable[..., "subprocess.CompletedProcess[str]"]
TINYCONF = Path(__file__).resolve().parents[1] / "data" / "tinyconf.json"

DATA = ("--data", str(TINYCONF))
# TinyConf, Saturday 7 March 2026 (New York): keynote 09:00-10:00 in Main Hall; "parsing
# schedules" 10:30-11:15 in Room A and the caches talk 10:45-11:30 in Room B.
DURING_KEYNOTE = "2026-03-07T09:40"
DURING_BOTH_TALKS = "2026-03-07T10:50"


def test_prints_what_is_on_and_what_is_next_in_one_line(run_cli: RunCli) -> None:
    done = run_cli("now", *DATA, "--now", DURING_KEYNOTE)
    assert done.returncode == 0, done.stderr
    assert done.stdout.count("\n") == 1
    line = done.stdout.rstrip("\n")
    assert line.startswith("Now: Opening Keynote")
    assert "(20 min left)" in line
    assert "Next 10:30: " in line
    assert "Room A" in line


@pytest.mark.parametrize("when", ["2026-03-01T12:00", "2026-03-07T17:00", "2026-04-01T12:00"])
@pytest.mark.parametrize("shape", [[], ["--json"], ["--format", "{title}"]])
def test_prints_nothing_and_succeeds_when_nothing_is_on(
    run_cli: RunCli, when: str, shape: list[str]
) -> None:
    done = run_cli("now", *DATA, "--now", when, *shape)
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")


def test_the_format_string_names_fields_of_the_first_session(run_cli: RunCli) -> None:
    done = run_cli(
        "now", *DATA, "--now", DURING_BOTH_TALKS, "--format", "{title} · {room} · {start} {more}"
    )
    assert done.returncode == 0, done.stderr
    title = json.loads(TINYCONF.read_text())["sessions"][2]["title"]
    # Both talks are on; the one ending first is shown, the other counted.
    assert done.stdout == f"{title} · Room A · 10:30 +1 more\n"


def test_the_format_string_shows_the_next_session_when_none_is_on(run_cli: RunCli) -> None:
    done = run_cli("now", *DATA, "--now", "2026-03-07T10:10", "--format", "{state} {left} {id}")
    assert done.stdout == "next in 20 min parsing-schedules\n"


@pytest.mark.parametrize(
    "template", ["{title.__class__}", "{nope}", "{title[0]}", "{title", "{room:{start}}"]
)
def test_a_bad_format_string_is_a_usage_error(run_cli: RunCli, template: str) -> None:
    done = run_cli("now", *DATA, "--now", DURING_KEYNOTE, "--format", template)
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.startswith("confterm: error: --format: ")
    assert done.stderr.count("\n") == 1


def test_bookmarked_sessions_come_first(run_cli: RunCli) -> None:
    added = run_cli("bookmark", "add", "caches-talk", *DATA)
    assert added.returncode == 0, added.stderr
    done = run_cli("now", *DATA, "--now", DURING_BOTH_TALKS, "--json")
    result = json.loads(done.stdout)
    assert result["source"] == "bookmarks"
    assert [s["id"] for s in result["now"]] == ["caches-talk"]
    assert result["now"][0]["minutes_left"] == 40
    # With no bookmarked session on or near, the whole program is shown.
    later = json.loads(run_cli("now", *DATA, "--now", "2026-03-07T13:30", "--json").stdout)
    assert later["source"] == "program"
    assert [s["id"] for s in later["next"]] == ["posters-a"]


def test_json_lists_every_session_on_and_next(run_cli: RunCli) -> None:
    done = run_cli("now", *DATA, "--now", DURING_BOTH_TALKS, "--json")
    result = json.loads(done.stdout)
    assert result["conference"] == "tinyconf"
    assert result["zone"] == "America/New_York"
    assert [s["id"] for s in result["now"]] == ["parsing-schedules", "caches-talk"]
    assert [s["id"] for s in result["next"]] == ["lunch-1"]
    assert result["now"][0]["start"] == "2026-03-07T10:30:00-05:00"


def test_the_window_sets_how_far_next_looks(run_cli: RunCli) -> None:
    at = "2026-03-07T13:00"  # posters start at 14:00
    assert run_cli("now", *DATA, "--now", at, "--window", "30").stdout == ""
    assert "Next 14:00" in run_cli("now", *DATA, "--now", at, "--window", "60").stdout
    assert run_cli("now", *DATA, "--window", "0").returncode == 2


def test_json_and_format_exclude_each_other(run_cli: RunCli) -> None:
    done = run_cli("now", *DATA, "--json", "--format", "{title}")
    assert done.returncode == 2
