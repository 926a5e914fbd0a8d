"""Dates near year 1 or 9999: refused by the model with a path, never an OverflowError."""

from __future__ import annotations

import json
from typing import Any

import pytest

from confterm.errors import DataError
from confterm.model.loading import load_program_bytes
from confterm.sources import import_bytes

RANGE = "outside the supported dates (1970-01-01 to 2199-12-31)"


def _program(day: str, start: str, end: str) -> bytes:
    document: dict[str, Any] = {
        "format": "confterm/1",
        "conference": {
            "id": "y",
            "name": "Y",
            "short_name": "Y",
            "start_date": day,
            "end_date": day,
            "timezone": "Etc/UTC",
        },
        "sessions": [{"id": "a1", "title": "Talk", "day": day, "start": start, "end": end}],
    }
    return json.dumps(document).encode()


def test_year_9999_is_refused_with_paths() -> None:
    raw = _program("9999-12-31", "9999-12-31T23:30:00-05:00", "9999-12-31T23:30:00-05:00")
    with pytest.raises(DataError) as caught:
        load_program_bytes(raw, "y.json")
    assert caught.value.lines() == [
        f"y.json: conference.start_date: 9999-12-31 is {RANGE}",
        f"y.json: conference.end_date: 9999-12-31 is {RANGE}",
        f"y.json: sessions[0].day: 9999-12-31 is {RANGE}",
        f"y.json: sessions[0].start: 9999-12-31T23:30:00-05:00 is {RANGE}",
        f"y.json: sessions[0].end: 9999-12-31T23:30:00-05:00 is {RANGE}",
    ]


def test_session_in_year_1_inside_a_normal_conference_is_refused() -> None:
    document = json.loads(_program("2025-05-12", "2025-05-12T09:00:00Z", "2025-05-12T10:00:00Z"))
    document["sessions"][0]["start"] = "0001-01-01T00:30:00+01:00"
    with pytest.raises(DataError) as caught:
        load_program_bytes(json.dumps(document).encode(), "y.json")
    assert caught.value.lines() == [
        f"y.json: sessions[0].start: 0001-01-01T00:30:00+01:00 is {RANGE}"
    ]


def test_window_edges_are_accepted() -> None:
    for day in ("1970-01-01", "2199-12-31"):
        program = load_program_bytes(_program(day, f"{day}T09:00:00Z", f"{day}T10:00:00Z"), "y")
        assert str(program.conference.start_date) == day


OUT = "date out of range (supported: 1970-01-01 to 2199-12-31)"
ICAL_HUGE_DURATION = b"""BEGIN:VCALENDAR\r
VERSION:2.0\r
X-WR-TIMEZONE:Europe/Berlin\r
BEGIN:VEVENT\r
UID:a1\r
SUMMARY:Talk\r
DTSTART:20240601T100000\r
DURATION:P9999999D\r
END:VEVENT\r
END:VCALENDAR\r
"""


def _frab_json(day: dict[str, Any], zone: str | None = "Europe/Berlin") -> bytes:
    conference: dict[str, Any] = {"title": "X", "days": [day]}
    if zone:
        conference["time_zone_name"] = zone
    return json.dumps({"schedule": {"conference": conference}}).encode()


@pytest.mark.parametrize(
    ("raw", "where"),
    [
        (ICAL_HUGE_DURATION, "VEVENT[0]"),
        (
            _frab_json(
                {
                    "index": 1,
                    "date": "9999-12-31",
                    "rooms": {
                        "A": [
                            {"guid": "g1", "title": "Late", "start": "23:30", "duration": "02:00"}
                        ]
                    },
                }
            ),
            "schedule.conference.days[0].rooms['A'][0]",
        ),
        (
            _frab_json(
                {
                    "date": "2024-06-01",
                    "rooms": {
                        "A": [
                            {
                                "guid": "g1",
                                "title": "T",
                                "date": "0001-01-01T00:30:00+01:00",
                                "start": "00:30",
                                "duration": "00:30",
                            }
                        ]
                    },
                },
                zone=None,
            ),
            "schedule.conference.days[0].rooms['A'][0]",
        ),
        (
            b'<?xml version="1.0"?>\n<schedule><conference><title>X</title>'
            b"<time_zone_name>Europe/Berlin</time_zone_name></conference>\n"
            b'<day index="1" date="9999-12-31"><room name="A">\n'
            b'<event guid="g1"><title>Late</title><start>23:30</start>'
            b"<duration>02:00</duration></event></room></day></schedule>\n",
            "line 4 column 1: <event>",
        ),
    ],
)
def test_importers_report_overflow_naming_the_event(raw: bytes, where: str) -> None:
    with pytest.raises(DataError) as caught:
        import_bytes(raw, "src", conference_id=None, tz=None)
    assert caught.value.message == f"src: {where}: {OUT}"


def test_an_imported_conference_out_of_range_names_the_conference_field() -> None:
    raw = (
        b'<?xml version="1.0"?><schedule><conference><title>X</title>'
        b"<start>2300-12-27</start><end>2300-12-27</end>"
        b"<time_zone_name>Europe/Berlin</time_zone_name></conference>"
        b'<day index="1" date="2300-12-27"><room name="A"><event guid="g1" id="1">'
        b"<date>2300-12-27T10:00:00+01:00</date><start>10:00</start><duration>00:30</duration>"
        b"<title>T</title><room>A</room></event></room></day></schedule>"
    )
    with pytest.raises(DataError) as caught:
        import_bytes(raw, "x.xml", conference_id=None, tz=None)
    assert caught.value.lines() == [f"x.xml: conference.start_date: 2300-12-27 is {RANGE}"]
