"""Time ranges and "When" lines in a display zone other than the conference's: a session stays
under its conference day, but its shown date is never wrong."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from confterm.model.program import Program
from confterm.present.formatting import time_range, when_label, zone_label
from confterm.timezones import zone_key, zone_name

UTC = ZoneInfo("UTC")
TOKYO = ZoneInfo("Asia/Tokyo")
NEW_YORK = ZoneInfo("America/New_York")
SAT, SUN = date(2026, 3, 7), date(2026, 3, 8)


def test_without_a_day_the_range_is_unchanged(tinyconf: Program) -> None:
    social = tinyconf.session_by_id["night-social"]
    assert time_range(social, NEW_YORK) == "22:00–01:00+1"
    assert time_range(social, UTC) == "02:00–05:00"


@pytest.mark.parametrize(
    ("session_id", "zone", "day", "expected"),
    [
        # In the conference zone the start is on the conference day: no weekday.
        ("night-social", NEW_YORK, SUN, "22:00–01:00+1"),
        ("parsing-schedules", NEW_YORK, SAT, "10:30–11:15"),
        # 22:00 EDT Sunday is Monday 02:00 UTC.
        ("night-social", UTC, SUN, "Mon 02:00–05:00"),
        # 10:30 EST Saturday is Sunday 00:30 in Tokyo.
        ("parsing-schedules", TOKYO, SAT, "Sun 00:30–01:15"),
        # Starts on the day, ends on the next: the +1 stays, no weekday.
        ("opening-keynote", TOKYO, SAT, "23:00–00:00+1"),
        # Both: another start date and an end one day later.
        ("opening-keynote", TOKYO, date(2026, 3, 6), "Sat 23:00–00:00+1"),
        ("lightning-1", TOKYO, SAT, "time TBA"),
    ],
)
def test_a_start_on_another_date_names_its_weekday(
    tinyconf: Program, session_id: str, zone: ZoneInfo, day: date, expected: str
) -> None:
    assert time_range(tinyconf.session_by_id[session_id], zone, day) == expected


@pytest.mark.parametrize(
    ("session_id", "zone", "expected"),
    [
        (
            "night-social",
            UTC,
            "Monday 9 March 2026, 02:00–05:00 (UTC) · conference day Sun 8 Mar",
        ),
        (
            "night-social",
            NEW_YORK,
            "Sunday 8 March 2026, 22:00–01:00+1 (America/New_York)",
        ),
        (
            "parsing-schedules",
            TOKYO,
            "Sunday 8 March 2026, 00:30–01:15 (Asia/Tokyo) · conference day Sat 7 Mar",
        ),
        ("registration", TOKYO, "Saturday 7 March 2026, 22:00–23:00 (Asia/Tokyo)"),
        ("lightning-1", NEW_YORK, "Saturday 7 March 2026, time TBA (America/New_York)"),
        ("bof-tba", NEW_YORK, "day not announced"),
    ],
)
def test_when_label_dates_the_session_in_the_display_zone(
    tinyconf: Program, session_id: str, zone: ZoneInfo, expected: str
) -> None:
    assert when_label(tinyconf.session_by_id[session_id], zone) == expected


def test_when_label_notes_a_conference_day_other_than_the_local_date(tinyconf: Program) -> None:
    # A programme may list an after-midnight session under the previous day; even in the
    # conference zone the line then gives the real date and names the conference day.
    social = tinyconf.session_by_id["night-social"]
    late = replace(social, day=SAT)
    assert when_label(late, NEW_YORK) == (
        "Sunday 8 March 2026, 22:00–01:00+1 (America/New_York) · conference day Sat 7 Mar"
    )
    assert time_range(late, NEW_YORK, SAT) == "Sun 22:00–01:00+1"


# --- zone names -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        # POSIX signs: Etc/GMT-1 is one hour ahead of UTC.
        ("Etc/GMT-1", "UTC+01:00"),
        ("Etc/GMT-14", "UTC+14:00"),
        ("Etc/GMT+5", "UTC-05:00"),
        ("Etc/GMT+0", "UTC+00:00"),
        ("Etc/GMT-0", "UTC+00:00"),
        ("UTC", "UTC"),
        ("America/New_York", "America/New_York"),
    ],
)
def test_fixed_offset_zones_are_named_by_their_real_offset(key: str, expected: str) -> None:
    assert zone_name(ZoneInfo(key)) == expected
    assert zone_key(ZoneInfo(key)) == key


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("Etc/GMT-1", "UTC+01:00"),
        ("Etc/GMT+10", "UTC-10:00"),
        ("Asia/Tokyo", "Asia/Tokyo (JST)"),
    ],
)
def test_zone_label_of_a_fixed_offset_zone_has_no_abbreviation(key: str, expected: str) -> None:
    assert zone_label(ZoneInfo(key), datetime(2026, 3, 7, 12, tzinfo=UTC)) == expected


def test_when_label_names_a_fixed_offset_zone_by_its_offset(tinyconf: Program) -> None:
    social = tinyconf.session_by_id["night-social"]
    assert when_label(social, ZoneInfo("Etc/GMT-1")) == (
        "Monday 9 March 2026, 03:00–06:00 (UTC+01:00) · conference day Sun 8 Mar"
    )
