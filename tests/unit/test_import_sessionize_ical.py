"""Sessionize and iCalendar importers, on small fixtures written for the tests."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from confterm.errors import UsageError
from confterm.model.program import SessionKind
from confterm.sources import ImportResult, import_source
from confterm.sources.slugs import stable_id

DATA = Path(__file__).parents[1] / "data" / "import"
LONDON = ZoneInfo("Europe/London")
PARIS = ZoneInfo("Europe/Paris")


def _import(name: str, tz: str | None = None, conference_id: str | None = None) -> ImportResult:
    return import_source(str(DATA / name), conference_id=conference_id, tz=tz)


def test_sessionize_naive_times_need_tz() -> None:
    with pytest.raises(UsageError) as caught:
        _import("sessionize.json")
    assert caught.value.message == (
        f"{DATA / 'sessionize.json'}: the file names no time zone and its times carry no "
        "offset: pass --tz ZONE with the venue's zone (e.g. --tz Europe/London)"
    )
    assert caught.value.exit_code == 2


def test_sessionize_sessions_rooms_tracks_kinds() -> None:
    result = _import("sessionize.json", tz="Europe/London", conference_id="summit")
    program = result.program
    assert result.format_name == "Sessionize JSON"
    assert program.conference.id == "summit"
    assert program.conference.timezone == "Europe/London"
    keynote = program.session_by_id["1001"]
    assert keynote.title == "Keynote: The Future"
    assert keynote.kind is SessionKind.KEYNOTE
    assert keynote.start == datetime(2026, 10, 3, 9, 0, tzinfo=LONDON)
    assert keynote.description == "Line one\nLine two"
    # The track comes from the session question about tracks, not the level question.
    assert program.track_name(keynote) == "Azure"
    assert program.room_name(keynote) == "Main Hall"
    assert [s.name for s in program.speakers_of(keynote)] == ["Ada Lovelace"]
    assert program.speakers_of(keynote)[0].affiliation == "Engines Ltd"
    coffee = program.session_by_id["1002"]
    assert coffee.kind is SessionKind.BREAK
    assert program.room_name(coffee) == "Foyer"
    tips = program.session_by_id["1003"]
    assert tips.kind is SessionKind.LIGHTNING
    assert tips.track is None
    assert [s.name for s in program.speakers_of(tips)] == ["Ada Lovelace", "Grace Hopper"]
    unscheduled = program.session_by_id["1004"]
    assert (unscheduled.day, unscheduled.start, unscheduled.room) == (None, None, None)
    assert {t.name for t in program.tracks} == {"Azure"}


def test_sessionize_bad_zone_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="unknown time zone 'Mars/Base'"):
        _import("sessionize.json", tz="Mars/Base")


def test_ical_fold_inside_utf8_tzid_without_vtimezone() -> None:
    result = _import("ical_tzid.ics")
    program = result.program
    assert result.format_name == "iCalendar"
    assert program.conference.id == "rencontres-2022"
    assert program.conference.timezone == "Europe/Paris"
    first = program.session_by_id[stable_id("presentation_1@conf.example.org")]
    assert first.title == "182 - Sécurité d’exploitation"
    assert first.start == datetime(2022, 5, 17, 14, 0, tzinfo=PARIS)
    assert first.end == datetime(2022, 5, 17, 15, 30, tzinfo=PARIS)  # DURATION
    assert program.room_name(first) == "Amphithéâtre 1600"
    assert program.track_name(first) == "Sécurité"
    assert first.description == "Un exposé\n\nDeux, trois\n\nfin"
    pause = program.session_by_id[stable_id("presentation_2@conf.example.org")]
    assert pause.kind is SessionKind.BREAK
    assert pause.end == datetime(2022, 5, 17, 16, 30, tzinfo=PARIS)  # DTEND


def test_ical_utc_all_day_speaker_and_skipped() -> None:
    result = _import("ical_tzid.ics")
    program = result.program
    utc = program.session_by_id[stable_id("utc-3@conf.example.org")]
    assert utc.start == datetime(2022, 5, 18, 9, 0, tzinfo=PARIS)
    assert utc.day == date(2022, 5, 18)
    assert [s.name for s in program.speakers_of(utc)] == ["Jean Dupont"]
    assert utc.description == "Un atelier."
    assert utc.kind is SessionKind.WORKSHOP
    all_day = program.session_by_id[stable_id("allday-4@conf.example.org")]
    assert (all_day.day, all_day.start) == (date(2022, 5, 19), None)
    assert result.skipped == ["No uid here: no UID to keep bookmarks stable"]


def test_ical_floating_times_need_tz() -> None:
    with pytest.raises(UsageError, match=r"ical_floating.ics: the file names no time zone and"):
        _import("ical_floating.ics")
    program = _import("ical_floating.ics", tz="America/Chicago").program
    talk = program.session_by_id["f1"]
    assert talk.start == datetime(2025, 6, 10, 9, 30, tzinfo=ZoneInfo("America/Chicago"))
    assert program.room_name(talk) == "Room A"


def test_ical_with_vtimezone_across_dst() -> None:
    program = _import("ical_vtimezone.ics").program
    new_york = ZoneInfo("America/New_York")
    session = program.session_by_id["ny-1"]
    assert program.conference.timezone == "America/New_York"
    assert session.start == datetime(2026, 3, 8, 1, 30, tzinfo=new_york)
    assert session.end == datetime(2026, 3, 8, 3, 30, tzinfo=new_york)
    assert session.start is not None
    assert session.end is not None
    # One real hour: 02:00-03:00 does not exist that night.
    assert (session.end.astimezone(UTC) - session.start.astimezone(UTC)).total_seconds() == 3600
