"""Now & next at moved clocks: before, during, between sessions and days, after."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from confterm.model.program import Program
from confterm.queries.index import ProgramIndex
from confterm.queries.nownext import (
    duration_text,
    first_session_id,
    now_and_next,
    outside_message,
)

NY = ZoneInfo("America/New_York")


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=NY)


def test_before_the_conference(tinyconf: Program) -> None:
    result = now_and_next(ProgramIndex(tinyconf), at("2026-03-05T12:00"))
    assert result.state == "before"
    assert result.is_empty
    assert result.starts_at == at("2026-03-07T08:00")
    assert outside_message(tinyconf, result, NY) == (
        "TinyConf starts Sat 7 Mar at 08:00 (in 44 h 00 min)."
    )


def test_just_before_the_first_session_lists_it_as_next(tinyconf: Program) -> None:
    result = now_and_next(ProgramIndex(tinyconf), at("2026-03-07T07:30"))
    assert result.state == "before"
    assert [s.id for s in result.upcoming] == ["registration", "opening-keynote"]
    assert "in 30 min" in (outside_message(tinyconf, result, NY) or "")


def test_during_a_session_with_time_left_and_next_ones(tinyconf: Program) -> None:
    result = now_and_next(ProgramIndex(tinyconf), at("2026-03-07T10:50"))
    assert result.state == "during"
    assert outside_message(tinyconf, result, NY) is None
    assert [(s.id, left) for s, left in result.in_progress] == [
        ("parsing-schedules", timedelta(minutes=25)),
        ("caches-talk", timedelta(minutes=40)),
    ]
    assert [s.id for s in result.upcoming] == ["lunch-1"]  # 12:00 is within 90 minutes


def test_window_edges(tinyconf: Program) -> None:
    # Lunch starts exactly 90 minutes after 10:30: included; the keynote ends at 10:00 sharp.
    result = now_and_next(ProgramIndex(tinyconf), at("2026-03-07T10:30"))
    assert [s.id for s, _ in result.in_progress] == ["parsing-schedules"]
    assert [s.id for s in result.upcoming] == ["caches-talk", "lunch-1"]
    narrow = now_and_next(
        ProgramIndex(tinyconf), at("2026-03-07T10:30"), window=timedelta(minutes=15)
    )
    assert [s.id for s in narrow.upcoming] == ["caches-talk"]


def test_between_sessions(tinyconf: Program) -> None:
    result = now_and_next(ProgramIndex(tinyconf), at("2026-03-07T13:30"))
    assert result.state == "during"
    assert result.in_progress == []
    assert [s.id for s in result.upcoming] == ["posters-a"]


def test_between_days_is_during_and_may_be_empty(tinyconf: Program) -> None:
    result = now_and_next(ProgramIndex(tinyconf), at("2026-03-07T20:00"))
    assert result.state == "during"
    assert result.is_empty


def test_across_midnight_and_dst(tinyconf: Program) -> None:
    # The social runs 22:00-01:00 on the day after the DST change.
    result = now_and_next(ProgramIndex(tinyconf), at("2026-03-09T00:30"))
    assert [(s.id, left) for s, left in result.in_progress] == [
        ("night-social", timedelta(minutes=30))
    ]


def test_after_the_conference(tinyconf: Program) -> None:
    result = now_and_next(ProgramIndex(tinyconf), at("2026-03-09T17:00"))
    assert result.state == "after"
    assert result.is_empty
    assert outside_message(tinyconf, result, NY) == "TinyConf ended Mon 9 Mar at 17:00."
    tokyo = ZoneInfo("Asia/Tokyo")
    assert outside_message(tinyconf, result, tokyo) == "TinyConf ended Tue 10 Mar at 06:00."


def test_first_session_and_durations(tinyconf: Program) -> None:
    assert first_session_id(ProgramIndex(tinyconf)) == "registration"
    assert duration_text(timedelta(seconds=61)) == "2 min"
    assert duration_text(timedelta(minutes=65)) == "1 h 05 min"
    assert duration_text(timedelta(days=3, hours=1)) == "3 days"
    assert duration_text(timedelta(seconds=-5)) == "0 min"


def test_finder_domain_modules_do_not_import_textual() -> None:
    import subprocess
    import sys

    code = (
        "import sys, confterm.queries.search, confterm.queries.filters, confterm.queries.nownext; "
        "print(any(m == 'textual' or m.startswith('textual.') for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
