"""``confterm agenda`` through the installed script: formats, files, errors, terminal output."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar
from tty_run import run_on_tty

RunCli = Callable[..., subprocess.CompletedProcess[str]]
CONFTERM = Path(sys.executable).parent / "confterm"
TINYCONF = str(Path(__file__).resolve().parents[1] / "data" / "tinyconf.json")
MARKED = ["opening-keynote", "parsing-schedules", "caches-talk", "lightning-1", "markup-title"]
MARKUP_TITLE = "[bold]Not bold[/] and [@click=app.quit]no action[/] red"
COLOUR = re.compile(r"\x1b\[[0-9;]*(?:3[0-79]|38;[0-9;]+)m")


def tiny(run_cli: RunCli, *args: str, **kwargs: Any) -> subprocess.CompletedProcess[str]:
    return run_cli(*args, "--data", TINYCONF, **kwargs)


def error_line(result: subprocess.CompletedProcess[str], code: int) -> str:
    assert result.returncode == code, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, lines
    return lines[0].removeprefix("confterm: error: ")


@pytest.fixture
def marked(run_cli: RunCli) -> RunCli:
    """``run_cli`` after bookmarking a few sessions (with a clash and a TBA) and a booth."""
    result = tiny(run_cli, "bookmark", "add", *MARKED, "acme")
    assert result.returncode == 0, result.stderr
    return run_cli


def test_piped_text_is_plain_and_complete(marked: RunCli) -> None:
    result = tiny(marked, "agenda")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "\x1b" not in out
    assert out.startswith("My agenda: Tiny Conference 2026\nMade from Tiny Conference 2026, ")
    assert "Saturday 7 March 2026 — times in America/New_York (EST)\n" in out
    assert "Sunday 8 March 2026 — times in America/New_York (EDT)\n" in out
    assert "! clashes with Clashing Talk About Caches (10:45–11:30)" in out
    assert "! clashes with Parsing Schedules Without Tears (10:30–11:15)" in out
    assert "  time TBA       Lightning Talks\n" in out
    assert MARKUP_TITLE in out
    assert out.endswith("Booths to visit\n  Acme Corp (Gold) — Booth 12\n")
    assert "Registration" not in out


def test_empty_agenda_says_how_to_add_bookmarks(run_cli: RunCli) -> None:
    result = tiny(run_cli, "agenda")
    assert result.returncode == 0
    assert "Nothing bookmarked for TinyConf yet" in result.stdout
    assert "confterm bookmark add ID" in result.stdout


def test_all_and_day(marked: RunCli) -> None:
    everything = tiny(marked, "agenda", "--all").stdout
    assert everything.startswith("Program: Tiny Conference 2026")
    assert "Registration" in everything
    assert "Closing Keynote" in everything
    day_two = tiny(marked, "agenda", "--day", "2").stdout
    assert "Sunday 8 March 2026" in day_two
    assert "Saturday" not in day_two
    assert "Booths to visit" not in day_two
    nothing = tiny(marked, "agenda", "--day", "2026-03-09")
    assert nothing.stdout == "Nothing bookmarked on Monday 9 March 2026.\n"


def test_tz_changes_the_times(marked: RunCli) -> None:
    out = tiny(marked, "agenda", "--tz", "Europe/Paris").stdout
    assert "Saturday 7 March 2026 — times in Europe/Paris (CET)" in out
    assert "  15:00–16:00    Opening Keynote: Terminals Forever" in out


def test_json(marked: RunCli) -> None:
    data = json.loads(tiny(marked, "agenda", "--format", "json").stdout)
    sessions = [s["id"] for day in data["days"] for s in day["sessions"]]
    assert sessions == MARKED
    assert data["days"][0]["sessions"][1]["clashes_with"] == ["caches-talk"]
    assert [b["id"] for b in data["booths"]] == ["acme"]


def test_ics_to_stdout_with_alarm_and_a_note_for_untimed(marked: RunCli) -> None:
    result = tiny(marked, "agenda", "--format", "ics", "--alarm", "15")
    assert result.returncode == 0
    assert result.stderr == (
        "confterm: note: left out of the calendar (no announced time): "
        "Lightning Talks [lightning-1]\n"
    )
    calendar = Calendar.from_ical(result.stdout)
    uids = sorted(str(e["UID"]) for e in calendar.walk("VEVENT"))
    assert uids == sorted(f"{s}@tinyconf.confterm" for s in MARKED if s != "lightning-1")
    assert len(calendar.walk("VALARM")) == 4


def test_ics_uids_stable_and_stamp_on_the_real_clock(marked: RunCli) -> None:
    # A simulated clock going backwards between two real exports must not lower SEQUENCE.
    first = tiny(marked, "agenda", "--format", "ics", "--now", "2030-03-05T10:00")
    second = tiny(marked, "agenda", "--format", "ics", "--now", "2021-03-01T10:00")
    events = [
        {str(e["UID"]): e for e in Calendar.from_ical(r.stdout).walk("VEVENT")}
        for r in (first, second)
    ]
    assert events[0].keys() == events[1].keys()
    for uid, event in events[1].items():
        assert event["SEQUENCE"] >= events[0][uid]["SEQUENCE"]
        # Generous: the point is "today", not 2021 or 2030.
        assert abs(event.decoded("DTSTAMP") - datetime.now(UTC)) < timedelta(days=1)


@pytest.mark.parametrize(
    ("format", "suffix", "needle"),
    [
        ("text", "txt", "Opening Keynote"),
        ("markdown", "md", "## Saturday 7 March 2026"),
        ("html", "html", "<!DOCTYPE html>"),
        ("ics", "ics", "BEGIN:VCALENDAR"),
        ("json", "json", '"scope": "bookmarks"'),
    ],
)
def test_output_file_replaces_an_existing_one(
    marked: RunCli, tmp_path: Path, format: str, suffix: str, needle: str
) -> None:
    target = tmp_path / f"agenda.{suffix}"
    target.write_text("old content", encoding="utf-8")
    result = tiny(marked, "agenda", "--format", format, "-o", str(target))
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"Agenda written to {target}\n"
    assert needle in target.read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == [target.name]


def test_missing_directory_is_a_clear_error(marked: RunCli, tmp_path: Path) -> None:
    result = tiny(marked, "agenda", "-o", "nowhere/agenda.md", cwd=tmp_path)
    message = error_line(result, 1)
    assert message == "cannot write nowhere/agenda.md: directory nowhere does not exist"
    assert not (tmp_path / "nowhere").exists()


def test_failed_run_keeps_the_existing_file(marked: RunCli, tmp_path: Path) -> None:
    target = tmp_path / "agenda.txt"
    target.write_text("old content", encoding="utf-8")
    # The target is a directory's name here: the write fails, the file beside it is untouched.
    (tmp_path / "sub").mkdir()
    result = tiny(marked, "agenda", "-o", str(tmp_path / "sub"))
    assert "it is a directory" in error_line(result, 1)
    bad_day = tiny(marked, "agenda", "--day", "7", "-o", str(target))
    assert "there is no day 7" in error_line(bad_day, 2)
    assert target.read_text(encoding="utf-8") == "old content"


@pytest.mark.parametrize("value", ["-1", "ten", "1.5", ""])
def test_bad_alarm_is_a_usage_error(run_cli: RunCli, value: str) -> None:
    result = tiny(run_cli, "agenda", "--format", "ics", "--alarm", value)
    assert "is not a whole number of minutes" in error_line(result, 2)


@pytest.mark.parametrize("value", ["10081", "99999999999999"])
def test_alarm_more_than_a_week_early_is_a_usage_error(run_cli: RunCli, value: str) -> None:
    result = tiny(run_cli, "agenda", "--format", "ics", "--alarm", value)
    assert error_line(result, 2).startswith(
        f"argument --alarm: {value} minutes is too early for an alarm (at most 10080, one week)"
    )


def test_alarm_one_week_early_is_accepted(marked: RunCli) -> None:
    result = tiny(marked, "agenda", "--format", "ics", "--alarm", "10080")
    assert result.returncode == 0, result.stderr
    alarms = Calendar.from_ical(result.stdout).walk("VALARM")
    assert alarms
    assert {alarm.decoded("TRIGGER") for alarm in alarms} == {-timedelta(minutes=10080)}


def test_alarm_needs_ics(run_cli: RunCli) -> None:
    result = tiny(run_cli, "agenda", "--alarm", "5")
    assert error_line(result, 2) == "--alarm only applies to the ics format"


def test_terminal_gets_rich_output_and_no_color_is_honoured(marked: RunCli) -> None:
    coloured = run_on_tty("agenda", "--data", TINYCONF, env={}, columns=120)
    assert COLOUR.search(coloured)
    plain = re.sub(r"\x1b\[[0-9;]*m", "", coloured)
    assert MARKUP_TITLE in plain
    assert "! clashes with Clashing Talk About Caches (10:45–11:30)" in plain
    no_colour = run_on_tty("agenda", "--data", TINYCONF, env={"NO_COLOR": "1"}, columns=120)
    assert "Opening Keynote: Terminals Forever" in no_colour
    assert not COLOUR.search(no_colour)
