"""Sessionize and iCalendar file a session after midnight under the evening's day, like frab."""

from __future__ import annotations

import json
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from confterm.sources import import_bytes
from confterm.sources.days import place_event, start_on_day

LONDON = ZoneInfo("Europe/London")


def _days(raw: bytes, tz: str | None = None) -> dict[str, date | None]:
    result = import_bytes(raw, "src", conference_id="x", tz=tz)
    assert result.skipped == []
    return {session.title: session.day for session in result.program.sessions}


def test_sessionize_party_after_midnight_is_on_the_evenings_day() -> None:
    sessions = [
        {"id": "1", "title": "Talk", "startsAt": "2026-10-03T18:00:00",
         "endsAt": "2026-10-03T19:00:00"},
        {"id": "2", "title": "Party", "startsAt": "2026-10-04T00:30:00",
         "endsAt": "2026-10-04T02:00:00"},
        {"id": "3", "title": "Breakfast", "startsAt": "2026-10-04T08:00:00",
         "endsAt": "2026-10-04T09:00:00"},
    ]  # fmt: skip
    raw = json.dumps({"sessions": sessions, "speakers": [], "rooms": []}).encode()
    assert _days(raw, tz="Europe/London") == {
        "Talk": date(2026, 10, 3),
        "Party": date(2026, 10, 3),
        "Breakfast": date(2026, 10, 4),
    }


def test_ical_party_after_midnight_is_on_the_evenings_day() -> None:
    raw = (
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nX-WR-TIMEZONE:Europe/London\r\n"
        b"BEGIN:VEVENT\r\nUID:a\r\nSUMMARY:Talk\r\nDTSTART:20261003T180000\r\n"
        b"DTEND:20261003T190000\r\nEND:VEVENT\r\n"
        b"BEGIN:VEVENT\r\nUID:b\r\nSUMMARY:Party\r\nDTSTART:20261003T233000Z\r\n"
        b"DTEND:20261004T010000Z\r\nEND:VEVENT\r\n"
        b"END:VCALENDAR\r\n"
    )
    # 23:30 UTC is 00:30 on the 4th in London (summer time).
    assert _days(raw) == {"Talk": date(2026, 10, 3), "Party": date(2026, 10, 3)}


def test_place_event_prefers_the_sources_day_then_the_day_change() -> None:
    late = datetime(2026, 10, 4, 0, 30, tzinfo=LONDON)
    assert place_event(late, LONDON, time(4)) == date(2026, 10, 3)
    assert place_event(late, LONDON, time(0)) == date(2026, 10, 4)
    assert place_event(late, LONDON, time(0), filed=date(2026, 10, 3)) == date(2026, 10, 3)
    # A source day that disagrees with the time is not trusted.
    assert place_event(late, LONDON, time(4), filed=date(2026, 9, 1)) == date(2026, 10, 3)
    assert start_on_day(date(2026, 10, 3), time(0, 30), LONDON, time(4)) == late
    assert start_on_day(date(2026, 10, 3), time(9), LONDON, time(4)) == datetime(
        2026, 10, 3, 9, tzinfo=LONDON
    )
