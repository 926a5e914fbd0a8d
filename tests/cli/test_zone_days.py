"""Sessions shown in a zone other than the conference's keep their conference day as the
group, but never a wrong date: a start on another local date names its weekday."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

RunCli = Callable[..., subprocess.CompletedProcess[str]]
TINYCONF = str(Path(__file__).resolve().parents[1] / "data" / "tinyconf.json")
# A time cell that begins with a weekday: "Sun 00:30–01:15".
WEEKDAY_TIME = re.compile(r"\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d\d:\d\d–")


def tiny(run_cli: RunCli, *args: str, **kwargs: Any) -> str:
    result = run_cli(*args, "--data", TINYCONF, **kwargs)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return result.stdout


def block(text: str, heading: str, next_heading: str) -> str:
    """The part of ``text`` from the line starting ``heading`` up to ``next_heading``."""
    start = text.index(heading)
    return text[start : text.index(next_heading, start)]


# --- show -------------------------------------------------------------------------------------


def test_show_dates_the_session_in_the_display_zone(run_cli: RunCli) -> None:
    out = tiny(run_cli, "--tz", "UTC", "show", "night-social")
    assert "When:        Monday 9 March 2026, 02:00–05:00 (UTC) · conference day Sun 8 Mar\n" in out


def test_show_with_tz_local_uses_the_machine_date(run_cli: RunCli) -> None:
    out = tiny(run_cli, "--tz", "local", "show", "parsing-schedules", env={"TZ": "Asia/Tokyo"})
    assert "Sunday 8 March 2026, 00:30–01:15 (Asia/Tokyo) · conference day Sat 7 Mar" in out


def test_show_in_the_conference_zone_has_no_conference_day_note(run_cli: RunCli) -> None:
    out = tiny(run_cli, "show", "night-social")
    assert "When:        Sunday 8 March 2026, 22:00–01:00+1 (America/New_York)\n" in out
    assert "conference day" not in out


# --- list -------------------------------------------------------------------------------------


def test_list_in_utc_names_the_next_day_under_the_conference_day(run_cli: RunCli) -> None:
    out = tiny(run_cli, "--tz", "UTC", "list")
    sunday = block(out, "Sunday 8 March 2026 (UTC)", "Monday 9 March 2026 (UTC)")
    assert re.search(r"^  future-panel  18:00–19:00 +Panel", sunday, re.M)
    # No "Social" kind beside a title that says it.
    assert re.search(r"^  night-social  Mon 02:00–05:00 +Night Social", sunday, re.M)


def test_list_in_tokyo_names_sunday_under_saturday(run_cli: RunCli) -> None:
    out = tiny(run_cli, "--tz", "Asia/Tokyo", "list", "--day", "1")
    assert out.startswith("Saturday 7 March 2026 (Asia/Tokyo)\n")
    assert re.search(r"^  registration  22:00–23:00 +Registration", out, re.M)
    assert re.search(r"^  opening +23:00–00:00\+1 +Opening Keynote", out, re.M)
    assert re.search(r"^  parsing +Sun 00:30–01:15 +Oral +Parsing Schedules", out, re.M)


def test_list_search_keeps_the_day_column_and_names_the_weekday(run_cli: RunCli) -> None:
    out = tiny(run_cli, "--tz", "UTC", "list", "--search", "night social")
    assert re.search(r"Sun 8 Mar +Mon 02:00–05:00 +Night Social", out)


def test_list_in_the_conference_zone_names_no_weekday(run_cli: RunCli) -> None:
    assert not WEEKDAY_TIME.search(tiny(run_cli, "list"))


def test_bookmark_list_names_the_weekday_in_another_zone(run_cli: RunCli) -> None:
    tiny(run_cli, "bookmark", "add", "night-social", "registration")
    out = tiny(run_cli, "--tz", "UTC", "bookmark", "list")
    assert re.search(r"Sat 7 Mar +13:00–14:00 +Registration", out)
    assert re.search(r"Sun 8 Mar +Mon 02:00–05:00 +Night Social", out)


# --- agenda -----------------------------------------------------------------------------------


def test_agenda_text_in_tokyo(run_cli: RunCli) -> None:
    out = tiny(run_cli, "--tz", "Asia/Tokyo", "agenda", "--all")
    saturday = block(out, "Saturday 7 March 2026 — times in Asia/Tokyo (JST)", "Sunday 8 March")
    # The time column widens to fit the weekday; details stay aligned under the titles.
    assert "  22:00–23:00      Registration\n                   Reg. · Lobby\n" in saturday
    assert "  23:00–00:00+1    Opening Keynote" in saturday
    assert "  Sun 00:30–01:15  Parsing Schedules Without Tears\n" in saturday
    monday = block(out, "Monday 9 March 2026 — times in Asia/Tokyo (JST)", "Day not announced")
    assert "  Tue 05:00–06:00  Closing Keynote\n" in monday


def test_agenda_text_clash_notes_name_the_weekday(run_cli: RunCli) -> None:
    tiny(run_cli, "bookmark", "add", "parsing-schedules", "caches-talk")
    out = tiny(run_cli, "--tz", "Asia/Tokyo", "agenda")
    assert "! clashes with Clashing Talk About Caches (Sun 00:45–01:30)" in out


def test_agenda_text_in_utc(run_cli: RunCli) -> None:
    out = tiny(run_cli, "--tz", "UTC", "agenda", "--all")
    sunday = block(out, "Sunday 8 March 2026 — times in UTC", "Monday 9 March")
    assert "  Mon 02:00–05:00  Night Social\n" in sunday


def test_agenda_markdown_in_tokyo(run_cli: RunCli) -> None:
    out = tiny(run_cli, "--tz", "Asia/Tokyo", "agenda", "--all", "--format", "markdown")
    saturday = block(out, "## Saturday 7 March 2026", "## Sunday 8 March 2026")
    assert "Times in Asia/Tokyo (JST)." in saturday
    assert "- **22:00–23:00** Registration" in saturday
    assert "- **Sun 00:30–01:15** Parsing Schedules Without Tears" in saturday


def test_agenda_markdown_in_utc(run_cli: RunCli) -> None:
    out = tiny(run_cli, "--tz", "UTC", "agenda", "--all", "--format", "markdown")
    sunday = block(out, "## Sunday 8 March 2026", "## Monday 9 March 2026")
    assert "- **Mon 02:00–05:00** Night Social" in sunday


@pytest.mark.parametrize(
    ("zone", "heading", "next_heading", "cell", "title"),
    [
        ("Asia/Tokyo", "Saturday 7 March", "Sunday 8 March", "Sun 00:30–01:15", "Parsing"),
        ("UTC", "Sunday 8 March", "Monday 9 March", "Mon 02:00–05:00", "Night Social"),
    ],
)
def test_agenda_html_names_the_weekday(
    run_cli: RunCli, zone: str, heading: str, next_heading: str, cell: str, title: str
) -> None:
    out = tiny(run_cli, "--tz", zone, "agenda", "--all", "--format", "html")
    day = block(out, f"<h2>{heading} 2026</h2>", f"<h2>{next_heading} 2026</h2>")
    assert f'<p class="zone">Times in {zone}' in day
    assert re.search(
        f'<td class="time">{cell}</td><td class="session"><span class="title">{title}', day
    )


@pytest.mark.parametrize("format", ["text", "markdown", "html"])
def test_agenda_in_the_conference_zone_names_no_weekday(run_cli: RunCli, format: str) -> None:
    out = tiny(run_cli, "agenda", "--all", "--format", format)
    assert not WEEKDAY_TIME.search(out)
