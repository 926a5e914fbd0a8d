"""Which bookmarked sessions are due a reminder, and each only once."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from confterm.model.program import Program, Session
from confterm.queries.reminders import Reminders, due_reminders

NY = ZoneInfo("America/New_York")
TEN = timedelta(minutes=10)
MARKED = {"opening-keynote", "parsing-schedules", "caches-talk", "lightning-1", "gone"}


def at(hour: int, minute: int, day: int = 7) -> datetime:
    return datetime(2026, 3, day, hour, minute, tzinfo=NY)


def ids(sessions: list[Session]) -> list[str]:
    return [s.id for s in sessions]


def test_due_within_the_lead_before_start(tinyconf: Program) -> None:
    assert ids(due_reminders(tinyconf, MARKED, at(8, 49), TEN, set())) == []
    assert ids(due_reminders(tinyconf, MARKED, at(8, 50), TEN, set())) == ["opening-keynote"]
    assert ids(due_reminders(tinyconf, MARKED, at(8, 59), TEN, set())) == ["opening-keynote"]
    assert ids(due_reminders(tinyconf, MARKED, at(9, 0), TEN, set())) == ["opening-keynote"]


def test_not_after_start_and_not_unbookmarked(tinyconf: Program) -> None:
    assert ids(due_reminders(tinyconf, MARKED, at(9, 1), TEN, set())) == []
    # Registration starts at 08:00 but is not bookmarked.
    assert ids(due_reminders(tinyconf, MARKED, at(7, 55), TEN, set())) == []


def test_a_longer_lead_catches_several_in_time_order(tinyconf: Program) -> None:
    due = due_reminders(tinyconf, MARKED, at(10, 20), timedelta(minutes=30), set())
    assert ids(due) == ["parsing-schedules", "caches-talk"]


def test_already_shown_are_skipped(tinyconf: Program) -> None:
    due = due_reminders(tinyconf, MARKED, at(10, 25), TEN, {"parsing-schedules"})
    assert ids(due) == []


def test_reminders_fire_once(tinyconf: Program) -> None:
    reminders = Reminders(TEN)
    assert ids(reminders.check(tinyconf, MARKED, at(10, 21))) == ["parsing-schedules"]
    assert ids(reminders.check(tinyconf, MARKED, at(10, 22))) == []
    assert ids(reminders.check(tinyconf, MARKED, at(10, 36))) == ["caches-talk"]
    assert reminders.shown == {"parsing-schedules", "caches-talk"}
