"""The program-reading commands through the installed script: output, exit codes, errors, JSON."""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from tty_run import run_on_tty

from confterm import __version__
from confterm.cli import build_parser
from confterm.cli.program_cmd import schema_text

RunCli = Callable[..., subprocess.CompletedProcess[str]]
CONFTERM = Path(sys.executable).parent / "confterm"

TESTS = Path(__file__).resolve().parents[1]
TINYCONF = str(TESTS / "data" / "tinyconf.json")
INVALID = TESTS / "data" / "invalid"
REPO = TESTS.parent
MARKUP_TITLE = "[bold]Not bold[/] and [@click=app.quit]no action[/] red"


def ok(result: subprocess.CompletedProcess[str]) -> str:
    """The stdout of a successful run (asserting it was clean)."""
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert "\x1b" not in result.stdout
    return result.stdout


def error_line(result: subprocess.CompletedProcess[str], code: int) -> str:
    """The single error line of a failed run, without its ``confterm: error: `` prefix."""
    assert result.returncode == code, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith("confterm: error: ")
    return lines[0].removeprefix("confterm: error: ")


def tiny(run_cli: RunCli, *args: str, **kwargs: Any) -> subprocess.CompletedProcess[str]:
    """Run a command on tinyconf."""
    return run_cli(*args, "--data", TINYCONF, **kwargs)


def tiny_json(run_cli: RunCli, *args: str, **kwargs: Any) -> Any:
    """Run a ``--json`` command on tinyconf and parse its output."""
    return json.loads(ok(tiny(run_cli, *args, "--json", **kwargs)))


# --- help and version -------------------------------------------------------------------------


def test_version(run_cli: RunCli) -> None:
    assert ok(run_cli("--version")) == f"confterm {__version__}\n"


@pytest.mark.parametrize(
    "command", [[], ["list"], ["show"], ["booths"], ["papers"], ["validate"], ["schema"]]
)
def test_help(run_cli: RunCli, command: list[str]) -> None:
    out = ok(run_cli(*command, "--help"))
    assert out.startswith(f"usage: confterm {' '.join(command)}".rstrip())
    # Global options are accepted on every command.
    for option in ("--data", "--tz", "--now", "--data-dir"):
        assert option in out


def _all_commands() -> list[str]:
    parser = build_parser()
    (action,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return sorted(action.choices)


@pytest.mark.parametrize("command", _all_commands())
def test_every_command_has_help(run_cli: RunCli, command: str) -> None:
    out = ok(run_cli(command, "--help"))
    assert out.startswith(f"usage: confterm {command}")
    assert "--data-dir" in out


def test_top_level_help_lists_the_commands(run_cli: RunCli) -> None:
    out = ok(run_cli("--help"))
    for command in ("list", "show", "booths", "papers", "validate", "schema"):
        assert re.search(rf"^\s+{command}\s", out, re.MULTILINE), command


# --- list -------------------------------------------------------------------------------------


def test_list_plain_text(run_cli: RunCli) -> None:
    lines = ok(tiny(run_cli, "list")).splitlines()
    assert lines[0] == "Saturday 7 March 2026 (America/New_York)"
    # The first column is the short id that `show` and `bookmark add` accept.
    # The kind is left out where the title says it ("Reg." beside "Registration").
    assert lines[1] == "  registration  08:00–09:00             Registration  · Lobby"
    assert (
        "  opening       09:00–10:00             Opening Keynote: Terminals Forever  · Main Hall"
        in lines
    )
    assert "  caches-talk   10:45–11:30    Invited  Clashing Talk About Caches  · Room B" in lines
    assert "  night-social  22:00–01:00+1           Night Social  · Lobby" in lines
    # The untimed session of a day comes after its timed ones, under its own heading, in the
    # same columns.
    tba = lines.index("  Time to be announced")
    assert lines[tba + 1] == "  lightning-1   time TBA                Lightning Talks"
    assert lines.index("  posters-a     14:00–16:00             Poster Session A  · Hall B") < tba
    assert tba < lines.index("Sunday 8 March 2026 (America/New_York)")
    # Sessions with no known day come last; then, after a blank line, how complete the
    # program is.
    assert lines[-4:] == [
        "Day not announced",
        "  bof-tba       time TBA       Other    Birds of a Feather",
        "",
        "12 of 14 sessions have an announced time; the others say time TBA.",
    ]
    headings = [line for line in lines[:-1] if line and not line.startswith(" ")]
    assert headings == [
        "Saturday 7 March 2026 (America/New_York)",
        "Sunday 8 March 2026 (America/New_York)",
        "Monday 9 March 2026 (America/New_York)",
        "Day not announced",
    ]


def test_list_shows_markup_literally_and_strips_escapes(run_cli: RunCli) -> None:
    out = ok(tiny(run_cli, "list"))
    assert f"{MARKUP_TITLE}  · Room A" in out


def test_list_in_time_order_within_a_day(run_cli: RunCli) -> None:
    data = tiny_json(run_cli, "list", "--day", "1")
    ids = [s["id"] for s in data["sessions"]]
    assert ids == [
        "registration",
        "opening-keynote",
        "parsing-schedules",
        "caches-talk",
        "lunch-1",
        "posters-a",
        "lightning-1",
    ]


@pytest.mark.parametrize("day", ["2", "2026-03-08"])
def test_list_day(run_cli: RunCli, day: str) -> None:
    lines = ok(tiny(run_cli, "list", "--day", day)).splitlines()
    assert lines[0] == "Sunday 8 March 2026 (America/New_York)"
    assert len(lines) == 5
    assert "Saturday" not in "\n".join(lines)


@pytest.mark.parametrize(
    ("day", "message"),
    [
        ("9", "--day: there is no day 9 (the conference has 3 days)"),
        (
            "2026-04-01",
            "--day: 2026-04-01 is not a day of the conference (2026-03-07 to 2026-03-09)",
        ),
        (
            "yesterday",
            "--day: 'yesterday' is neither a date (YYYY-MM-DD), a day number, today nor tomorrow",
        ),
    ],
)
def test_list_bad_day_is_a_usage_error(run_cli: RunCli, day: str, message: str) -> None:
    assert error_line(tiny(run_cli, "list", "--day", day), 2) == message


def test_list_kind(run_cli: RunCli) -> None:
    data = tiny_json(run_cli, "list", "--kind", "keynote")
    assert [s["id"] for s in data["sessions"]] == ["opening-keynote", "closing-keynote"]


def test_list_bad_kind_is_a_usage_error(run_cli: RunCli) -> None:
    line = error_line(tiny(run_cli, "list", "--kind", "banquet"), 2)
    assert "invalid choice: 'banquet'" in line


def test_list_search_plain(run_cli: RunCli) -> None:
    lines = ok(tiny(run_cli, "list", "--search", "keynote")).splitlines()
    assert lines[0] == "2 sessions matching 'keynote' (America/New_York)"
    # Each result still says its day and time.
    # No "Keynote" kind beside a title that says it.
    assert lines[1] == (
        "  opening  Sat 7 Mar  09:00–10:00  Opening Keynote: Terminals Forever  · Main Hall"
    )
    assert lines[2].startswith("  closing  Mon 9 Mar  16:00–17:00  Closing Keynote")


def test_list_search_combines_with_day_and_kind(run_cli: RunCli) -> None:
    data = tiny_json(run_cli, "list", "--search", "keynote", "--day", "3")
    assert [s["id"] for s in data["sessions"]] == ["closing-keynote"]
    data = tiny_json(run_cli, "list", "--search", "ada", "--kind", "panel")
    assert [s["id"] for s in data["sessions"]] == ["future-panel"]


def test_list_search_with_no_match(run_cli: RunCli) -> None:
    out = ok(tiny(run_cli, "list", "--search", "zzzz-nothing"))
    # No "No match for 0 sessions ...": the count would disagree with its noun.
    assert out == "No session matches 'zzzz-nothing'.\n"
    assert tiny_json(run_cli, "list", "--search", "zzzz-nothing")["sessions"] == []


def test_list_json(run_cli: RunCli) -> None:
    data = tiny_json(run_cli, "list")
    assert data["conference"] == "tinyconf"
    assert data["zone"] == "America/New_York"
    sessions = {s["id"]: s for s in data["sessions"]}
    assert len(sessions) == 14
    for session in sessions.values():
        for key in ("id", "title", "kind", "day", "start", "end", "room", "speakers"):
            assert key in session
    keynote = sessions["opening-keynote"]
    assert keynote["kind"] == "keynote"
    assert keynote["start"] == "2026-03-07T09:00:00-05:00"
    assert keynote["end"] == "2026-03-07T10:00:00-05:00"
    assert keynote["room"] == {"id": "main-hall", "name": "Main Hall"}
    assert keynote["track"] == {"id": "plenary", "name": "Plenary"}
    assert keynote["speakers"] == [
        {"id": "ada", "name": "Ada Lovelace", "affiliation": "Analytical Engines Ltd"}
    ]
    assert keynote["links"] == [
        {"title": "Slides", "url": "https://tinyconf.example.org/slides/keynote"}
    ]
    # After the DST change the offset follows the zone.
    assert sessions["oral-systems"]["start"] == "2026-03-09T09:00:00-04:00"
    assert sessions["lightning-1"]["start"] is None
    assert sessions["lightning-1"]["end"] is None
    assert sessions["lightning-1"]["day"] == "2026-03-07"
    assert sessions["bof-tba"]["day"] is None
    assert sessions["bof-tba"]["room"] is None
    assert sessions["markup-title"]["title"] == MARKUP_TITLE
    assert "\x1b" not in sessions["markup-title"]["description"]


@pytest.mark.parametrize(
    ("zone", "start", "heading"),
    [
        ("UTC", "2026-03-07T14:00:00+00:00", "Saturday 7 March 2026 (UTC)"),
        ("Asia/Tokyo", "2026-03-07T23:00:00+09:00", "Saturday 7 March 2026 (Asia/Tokyo)"),
    ],
)
def test_tz_changes_times_and_offsets(run_cli: RunCli, zone: str, start: str, heading: str) -> None:
    data = tiny_json(run_cli, "list", "--tz", zone)
    assert data["zone"] == zone
    assert {s["id"]: s["start"] for s in data["sessions"]}["opening-keynote"] == start
    out = ok(tiny(run_cli, "list", "--tz", zone, "--day", "1"))
    assert out.splitlines()[0] == heading


def test_tz_local_uses_the_machine_zone(run_cli: RunCli) -> None:
    data = tiny_json(run_cli, "list", "--tz", "local", env={"TZ": "Europe/Paris"})
    assert data["zone"] == "Europe/Paris"
    assert data["sessions"][0]["start"] == "2026-03-07T14:00:00+01:00"


def test_bad_tz_is_a_usage_error(run_cli: RunCli) -> None:
    line = error_line(tiny(run_cli, "list", "--tz", "Mars/Base"), 2)
    assert line == (
        "argument --tz: unknown time zone 'Mars/Base' (use conference, local or an IANA name) "
        "(see 'confterm list --help')"
    )


def test_global_options_work_before_the_command(run_cli: RunCli) -> None:
    result = run_cli("--data", TINYCONF, "--tz", "UTC", "list", "--json")
    assert json.loads(ok(result))["zone"] == "UTC"


def test_list_bundled_program(run_cli: RunCli) -> None:
    data = json.loads(ok(run_cli("list", "--json")))
    assert data["conference"] == "mlsys2025"
    assert data["zone"] == "America/Los_Angeles"
    starts = [s["start"] for s in data["sessions"] if s["start"]]
    assert starts
    assert all(start.endswith("-07:00") for start in starts)
    assert ok(run_cli("list")).startswith("Monday 12 May 2025 (America/Los_Angeles)\n")


# --- show -------------------------------------------------------------------------------------


def test_show_plain(run_cli: RunCli) -> None:
    out = ok(tiny(run_cli, "show", "textual-workshop"))
    lines = out.splitlines()
    assert lines[0] == "Hands-on Textual Workshop"
    assert "When:        Sunday 8 March 2026, 11:00–13:00 (America/New_York)" in lines
    assert "Room:        Room B" in lines
    assert "Track:       Tooling" in lines
    assert "  Ada Lovelace (Analytical Engines Ltd)" in lines
    assert "  Grace Hopper (US Navy)" in lines
    assert "Chairs:      Margaret Hamilton (MIT)" in lines
    assert "  Build a small app with Textual." in lines
    assert "Booths:      Acme Corp (Booth 12)" in lines


def test_show_papers_and_awards(run_cli: RunCli) -> None:
    out = ok(tiny(run_cli, "show", "oral-systems"))
    assert "Bookmarks That Survive kill -9 [Best Paper] — Linus Example (Kernel Co)" in out
    assert "Time Zones Considered Harmful — Margaret Hamilton (MIT)" in out


def test_show_untimed_and_unscheduled(run_cli: RunCli) -> None:
    assert "When:        Saturday 7 March 2026, time TBA" in ok(
        tiny(run_cli, "show", "lightning-1")
    )
    out = ok(tiny(run_cli, "show", "bof-tba"))
    assert "When:        day not announced" in out
    assert "Room:        not announced" in out


def test_show_markup_literally(run_cli: RunCli) -> None:
    out = ok(tiny(run_cli, "show", "markup-title"))
    assert out.splitlines()[0] == MARKUP_TITLE
    assert "A description with [i]markup[/i], <b>tags</b> and escapes." in out


def test_show_json(run_cli: RunCli) -> None:
    data = tiny_json(run_cli, "show", "oral-systems")
    assert data["id"] == "oral-systems"
    assert data["start"] == "2026-03-09T09:00:00-04:00"
    assert data["chairs"] == [{"id": "grace", "name": "Grace Hopper", "affiliation": "US Navy"}]
    assert [p["id"] for p in data["papers"]] == ["sqlite-bookmarks", "timezone-pain"]
    assert data["papers"][0]["award"] == "Best Paper"
    assert data["papers"][0]["authors"] == [{"name": "Linus Example", "affiliation": "Kernel Co"}]
    assert tiny_json(run_cli, "show", "opening-keynote")["booths"] == [
        {"id": "acme", "organisation": "Acme Corp"}
    ]


def test_show_unknown_id(run_cli: RunCli) -> None:
    line = error_line(tiny(run_cli, "show", "no-such-talk"), 1)
    assert line == (
        "tinyconf: no session with the id or title 'no-such-talk' (see 'confterm list' for the ids)"
    )


def test_show_without_id_is_a_usage_error(run_cli: RunCli) -> None:
    line = error_line(tiny(run_cli, "show"), 2)
    assert "required: ID" in line


# --- booths and papers ------------------------------------------------------------------------


def test_booths(run_cli: RunCli) -> None:
    assert ok(tiny(run_cli, "booths")).splitlines() == [
        "  acme    Acme Corp  Gold    Booth 12",
        "  globex  Globex     Silver  location not announced",
    ]


def test_booths_json(run_cli: RunCli) -> None:
    data = tiny_json(run_cli, "booths")
    acme, globex = data["booths"]
    assert acme["id"] == "acme"
    assert acme["location"] == "Booth 12"
    assert acme["people"] == [{"name": "Wile E. Coyote", "role": "Engineer"}]
    assert acme["sessions"] == ["textual-workshop", "opening-keynote"]
    assert globex["location"] is None


def test_papers(run_cli: RunCli) -> None:
    lines = ok(tiny(run_cli, "papers")).splitlines()
    assert len(lines) == 4
    assert lines[0] == (
        "  fast-lists    Fast Lists for Slow Terminals  — Grace Hopper (US Navy), Alan Turing"
        "  @ Poster Session A (Sat 7 Mar, 14:00–16:00)"
    )
    assert lines[3] == "  orphan-paper  A Paper Without a Session  — Ada Lovelace"


def test_papers_search(run_cli: RunCli) -> None:
    data = tiny_json(run_cli, "papers", "--search", "margaret zones")
    assert [p["id"] for p in data["papers"]] == ["timezone-pain"]
    assert ok(tiny(run_cli, "papers", "--search", "nothing-like-this")) == "No papers to show.\n"


def test_papers_json(run_cli: RunCli) -> None:
    papers = {p["id"]: p for p in tiny_json(run_cli, "papers")["papers"]}
    assert papers["fast-lists"]["session"] == "posters-a"
    assert papers["fast-lists"]["authors"][1] == {"name": "Alan Turing", "affiliation": None}
    assert papers["orphan-paper"]["session"] is None


# --- validate and schema ----------------------------------------------------------------------


def test_validate_valid(run_cli: RunCli) -> None:
    assert ok(run_cli("validate", TINYCONF)) == (
        f"{TINYCONF}: valid: 14 sessions, 4 papers, 2 booths, 3 days\n"
    )


def test_validate_bundled(run_cli: RunCli) -> None:
    out = ok(run_cli("validate", "data/mlsys2025.json", cwd=REPO))
    # One booth: counted in the singular.
    assert out == "data/mlsys2025.json: valid: 22 sessions, 61 papers, 1 booth, 4 days\n"


def test_validate_invalid_one_line_per_problem(run_cli: RunCli) -> None:
    path = str(INVALID / "many-problems.json")
    result = run_cli("validate", path)
    assert result.returncode == 1
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 5
    assert all(line.startswith(f"confterm: error: {path}: ") for line in lines)
    assert lines[0].endswith("sessions[1].id: duplicate id 'one' (first used by sessions[0])")


def test_validate_end_before_start(run_cli: RunCli) -> None:
    result = run_cli("validate", "tests/data/invalid/end-before-start.json", cwd=REPO)
    assert error_line(result, 1) == (
        "tests/data/invalid/end-before-start.json: sessions[1].end: "
        "ends before it starts (09:30 < 10:00)"
    )


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("not-json.json", "line 5 column 3: not valid JSON"),
        ("naive-datetime.json", "sessions[0].start: naive date-time"),
        ("unknown-timezone.json", "conference.timezone: unknown time zone 'Atlantis/Capital'"),
    ],
)
def test_validate_broken_files(run_cli: RunCli, name: str, message: str) -> None:
    path = str(INVALID / name)
    assert error_line(run_cli("validate", path), 1).startswith(f"{path}: {message}")


def test_validate_missing_file(run_cli: RunCli, tmp_path: Path) -> None:
    path = tmp_path / "absent.json"
    assert error_line(run_cli("validate", str(path)), 1) == f"{path}: no such file"


def test_bad_data_file_for_any_command(run_cli: RunCli, tmp_path: Path) -> None:
    path = tmp_path / "absent.json"
    assert error_line(run_cli("list", "--data", str(path)), 1) == f"{path}: no such file"
    broken = str(INVALID / "end-before-start.json")
    assert error_line(run_cli("show", "ok", "--data", broken), 1).startswith(broken)


def test_schema(run_cli: RunCli) -> None:
    out = ok(run_cli("schema"))
    assert out == schema_text()
    assert out == (REPO / "data" / "schema.json").read_text(encoding="utf-8")
    assert json.loads(out)["title"] == "Program"


def test_unknown_command_is_a_usage_error(run_cli: RunCli) -> None:
    assert "invalid choice: 'lsit'" in error_line(run_cli("lsit"), 2)


# --- on a terminal ----------------------------------------------------------------------------


COLOUR = re.compile(r"\x1b\[[0-9;]*(?:3[0-79]|38;[0-9;]+)m")


def test_terminal_output_uses_rich_and_shows_markup_literally(isolated_user_data: Path) -> None:
    out = run_on_tty("list", "--data", TINYCONF, "--day", "2", env={})
    assert "\x1b[" in out
    assert COLOUR.search(out)
    plain = re.sub(r"\x1b\[[0-9;]*m", "", out)
    assert "Sunday 8 March 2026 (America/New_York)" in plain
    assert MARKUP_TITLE in plain
    assert "Not bold[/]" in plain


def test_no_color_on_a_terminal(isolated_user_data: Path) -> None:
    out = run_on_tty("list", "--data", TINYCONF, "--day", "2", env={"NO_COLOR": "1"})
    assert "Hands-on Textual Workshop" in out
    assert not COLOUR.search(out)
