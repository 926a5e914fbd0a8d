"""The iCalendar export, parsed back with icalendar: events, zone, stable UIDs, alarms."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from agenda_marks import MARKS, Mark
from icalendar import Calendar, Event

from confterm.export import render
from confterm.export.ics import left_out
from confterm.model.program import Program
from confterm.queries.agenda import build_agenda
from confterm.queries.index import ProgramIndex

FIRST = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
LATER = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def export(program: Program, marks: list[Mark], **options: object) -> Calendar:
    data = render(
        build_agenda(ProgramIndex(program), marks), "ics", ZoneInfo("Asia/Tokyo"), **options
    )  # type: ignore[arg-type]
    assert isinstance(data, bytes)
    return Calendar.from_ical(data)


def events_by_uid(calendar: Calendar) -> dict[str, Event]:
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def test_one_event_per_timed_session(tinyconf: Program) -> None:
    events = events_by_uid(export(tinyconf, MARKS, now=FIRST))
    assert sorted(events) == sorted(
        f"{sid}@tinyconf.confterm"
        for sid in (
            "opening-keynote",
            "parsing-schedules",
            "caches-talk",
            "markup-title",
            "textual-workshop",
            "night-social",
        )
    )
    keynote = events["opening-keynote@tinyconf.confterm"]
    assert str(keynote["SUMMARY"]) == "Opening Keynote: Terminals Forever"
    assert str(keynote["LOCATION"]) == "Main Hall, Example Hall"
    description = str(keynote["DESCRIPTION"])
    assert "Speakers: Ada Lovelace (Analytical Engines Ltd)" in description
    assert "Why the terminal is still the fastest interface." in description
    assert "Slides: https://tinyconf.example.org/slides/keynote" in description
    assert str(keynote["URL"]) == "https://tinyconf.example.org/program"
    assert keynote.categories == ["Keynote", "Plenary"]
    markup = events["markup-title@tinyconf.confterm"]
    assert "\x1b" not in str(markup["SUMMARY"])


def test_times_are_in_the_conference_zone_with_its_vtimezone(tinyconf: Program) -> None:
    # The display zone (Tokyo here) does not matter: a calendar gets the conference's zone.
    calendar = export(tinyconf, MARKS, now=FIRST)
    assert [tz.tz_name for tz in calendar.timezones] == ["America/New_York"]
    events = events_by_uid(calendar)
    keynote = events["opening-keynote@tinyconf.confterm"]
    assert keynote["DTSTART"].params["TZID"] == "America/New_York"
    assert keynote.start == datetime(2026, 3, 7, 14, 0, tzinfo=UTC)
    assert keynote.end == datetime(2026, 3, 7, 15, 0, tzinfo=UTC)
    # After the DST change: 09:30 EDT is 13:30 UTC.
    assert events["markup-title@tinyconf.confterm"].start == datetime(
        2026, 3, 8, 13, 30, tzinfo=UTC
    )
    social = events["night-social@tinyconf.confterm"]
    assert social.end - social.start == timedelta(hours=3)
    assert social.start.astimezone(tinyconf.conference.zone).date() == date(2026, 3, 8)


def test_uids_are_stable_and_sequence_grows_between_exports(tinyconf: Program) -> None:
    first = events_by_uid(export(tinyconf, MARKS, now=FIRST))
    second = events_by_uid(export(tinyconf, MARKS[:3], now=LATER))
    assert set(second) <= set(first)
    for uid, event in second.items():
        before = first[uid]
        assert event["SEQUENCE"] > before["SEQUENCE"]
        assert event["DTSTAMP"].dt == LATER
        assert event["LAST-MODIFIED"].dt == LATER
        assert before["DTSTAMP"].dt == FIRST


def test_untimed_sessions_are_left_out(tinyconf: Program) -> None:
    agenda = build_agenda(ProgramIndex(tinyconf), MARKS)
    assert [s.id for s in left_out(agenda)] == ["lightning-1", "bof-tba"]
    events = events_by_uid(export(tinyconf, MARKS, now=FIRST))
    assert "lightning-1@tinyconf.confterm" not in events
    assert "bof-tba@tinyconf.confterm" not in events


def test_alarm_only_when_asked(tinyconf: Program) -> None:
    without = export(tinyconf, MARKS, now=FIRST)
    assert not list(without.walk("VALARM"))
    with_alarm = export(tinyconf, MARKS, now=FIRST, alarm_minutes=15)
    for event in with_alarm.walk("VEVENT"):
        alarms = event.walk("VALARM")
        assert len(alarms) == 1
        assert alarms[0].decoded("TRIGGER") == timedelta(minutes=-15)
        assert str(alarms[0]["ACTION"]) == "DISPLAY"
        assert str(alarms[0]["DESCRIPTION"]) == str(event["SUMMARY"])


def test_calendar_headers(tinyconf: Program) -> None:
    calendar = export(tinyconf, MARKS, now=FIRST)
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["PRODID"]).startswith("-//confterm//")
    assert str(calendar["X-WR-CALNAME"]) == "My agenda: Tiny Conference 2026"
