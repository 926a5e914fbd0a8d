"""frab/Pentabarf XML and frab/pretalx JSON importers, on small fixtures written for the tests."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from confterm.errors import DataError, UsageError
from confterm.model.loading import validate_program
from confterm.model.program import SessionKind
from confterm.sources import ImportResult, import_source
from confterm.sources.slugs import stable_id

DATA = Path(__file__).parents[1] / "data" / "import"
BERLIN = ZoneInfo("Europe/Berlin")


def _import(name: str, tz: str | None = None, conference_id: str | None = None) -> ImportResult:
    return import_source(str(DATA / name), conference_id=conference_id, tz=tz)


def test_frab_xml_after_midnight_filed_under_its_day() -> None:
    result = _import("frab_midnight.xml")
    program = result.program
    validate_program(program, "test")
    conference = program.conference
    assert (conference.id, conference.name, conference.short_name) == (
        "nc24",
        "Night Congress 2024",
        "nc24",
    )
    assert conference.timezone == "Europe/Berlin"
    assert (conference.start_date, conference.end_date) == (date(2024, 12, 27), date(2024, 12, 28))
    late = program.session_by_id[stable_id("GUID-Late-0002")]
    assert late.day == date(2024, 12, 27)
    assert late.start == datetime(2024, 12, 28, 0, 30, tzinfo=BERLIN)
    assert late.duration == timedelta(hours=1, minutes=30)  # D:HH:MM "0:01:30"
    workshop = program.session_by_id[stable_id("GUID-Workshop-0003")]
    assert workshop.duration == timedelta(hours=1, minutes=15)  # HH:MM:SS
    assert workshop.kind is SessionKind.WORKSHOP
    assert program.room_name(workshop) == "Saal 2"


def test_frab_xml_texts_links_speakers_and_kinds() -> None:
    program = _import("frab_midnight.xml").program
    opening = program.session_by_id[stable_id("GUID-Opening-0001")]
    assert opening.description == "Welcome & hello.\n\n- one\n- two"
    assert [s.name for s in program.speakers_of(opening)] == ["Ada", "Grace"]
    assert [link.url for link in opening.links] == ["https://example.org/slides"]
    assert program.track_name(opening) == "CCC"
    # The same person id is one speaker across events.
    late = program.session_by_id[stable_id("GUID-Late-0002")]
    assert late.speakers == [opening.speakers[1]]
    # No guid: the event id is the stable id; a "Lunch" title is a break.
    lunch = program.session_by_id["104"]
    assert lunch.kind is SessionKind.BREAK


def test_frab_xml_skips_untitled_with_reason() -> None:
    result = _import("frab_midnight.xml")
    assert stable_id("GUID-Untitled-0005") not in result.program.session_by_id
    assert result.skipped == ["untitled (GUID-Untitled-0005): no title"]


def test_ids_are_stable_across_imports_and_from_source_ids() -> None:
    first = _import("frab_midnight.xml").program
    second = _import("frab_midnight.xml", conference_id="other").program
    assert [s.id for s in first.sessions] == [s.id for s in second.sessions]
    assert second.conference.id == "other"


def test_pentabarf_without_date_needs_tz_and_applies_day_change() -> None:
    with pytest.raises(UsageError, match=r"names no time zone and its times carry no offset"):
        _import("pentabarf_nodate.xml")
    program = _import("pentabarf_nodate.xml", tz="Europe/Brussels").program
    brussels = ZoneInfo("Europe/Brussels")
    assert program.conference.id == "free-software-meeting-2025"
    welcome = program.session_by_id["9001"]
    assert welcome.start == datetime(2025, 2, 1, 9, 30, tzinfo=brussels)
    assert welcome.kind is SessionKind.KEYNOTE
    night = program.session_by_id["9002"]
    # 01:00 is before the 04:00 day change: the next calendar date, filed under day 1.
    assert night.start == datetime(2025, 2, 2, 1, 0, tzinfo=brussels)
    assert night.day == date(2025, 2, 1)
    assert program.session_by_id["9003"].kind is SessionKind.LIGHTNING
    # Empty rooms are not created.
    assert [room.name for room in program.rooms] == ["Janson", "K.1.105"]


def test_wafer_utc_dates_with_local_start() -> None:
    program = _import("wafer_utc.xml").program
    kolkata = ZoneInfo("Asia/Kolkata")
    assert program.conference.timezone == "Asia/Kolkata"
    opening = program.session_by_id["455d075f-48c0-2ec2-24b3-f5add30c383a"]
    assert opening.start == datetime(2023, 9, 10, 10, 30, tzinfo=kolkata)
    # day@date is the UTC date (09-09); the local day is 09-10.
    assert opening.day == date(2023, 9, 10)
    assert opening.description == "Welcome to the \u201cmeeting\u201d"
    night = program.session_by_id["8f8f8f8f-0000-0000-0000-000000000036"]
    assert night.start == datetime(2023, 9, 11, 1, 30, tzinfo=kolkata)
    assert night.day == date(2023, 9, 10)
    assert night.kind is SessionKind.WORKSHOP  # "BoF" in the title
    assert program.conference.start_date == program.conference.end_date == date(2023, 9, 10)


def test_offsets_only_use_a_matching_etc_zone_and_say_so() -> None:
    result = _import("pretalx_utc_offsets.json")
    program = result.program
    # time_zone_name says UTC but every offset is +01:00: the offsets win.
    assert program.conference.timezone == "Etc/GMT-1"
    assert any("Etc/GMT-1" in note for note in result.notes)
    talk = program.session_by_id["8079583e-8321-506c-95af-fd2903a5f075"]
    assert talk.start == datetime(2020, 12, 14, 9, 0, tzinfo=timezone(timedelta(hours=1)))
    assert program.conference.zone.utcoffset(talk.start) == timedelta(hours=1)
    # No guid: the pretalx code is the stable id.
    workshop = program.session_by_id[stable_id("ABCDEF")]
    assert workshop.kind is SessionKind.WORKSHOP
    assert [s.name for s in program.speakers_of(talk)] == ["Brian Robinson"]


def test_offsets_only_with_tz_uses_the_given_zone() -> None:
    program = _import("pretalx_utc_offsets.json", tz="Europe/Berlin").program
    assert program.conference.timezone == "Europe/Berlin"


def test_frab_json_days_and_after_midnight() -> None:
    result = _import("frab.json")
    program = result.program
    assert result.format_name == "frab/pretalx JSON"
    assert program.conference.id == "camp24"
    assert program.conference.timezone == "Europe/Berlin"
    assert program.conference.url == "https://camp.example.org/"
    night = program.session_by_id["aaaaaaaa-0000-0000-0000-000000000002"]
    assert night.start == datetime(2024, 8, 22, 1, 30, tzinfo=BERLIN)
    assert night.day == date(2024, 8, 21)
    opening = program.session_by_id["aaaaaaaa-0000-0000-0000-000000000001"]
    assert opening.description == "Hello campers"
    assert opening.source_url == "https://camp.example.org/events/1.html"
    assert [link.title for link in opening.links] == ["More"]
    assert program.room_name(opening) == "Curie"
    assert {room.name for room in program.rooms} == {"Curie", "Lovelace"}
    workshop = program.session_by_id["aaaaaaaa-0000-0000-0000-000000000003"]
    assert workshop.kind is SessionKind.WORKSHOP
    assert workshop.day == date(2024, 8, 22)


def test_broken_xml_names_line_and_column() -> None:
    with pytest.raises(DataError) as caught:
        _import("broken.xml")
    assert caught.value.message == (
        f"{DATA / 'broken.xml'}: line 6 column 41: not well-formed XML (mismatched tag)"
    )


def test_bad_value_in_xml_names_its_line() -> None:
    with pytest.raises(DataError, match=r"bad_duration.xml: line 9 column 9: <duration>: expected"):
        _import("bad_duration.xml")


def test_bad_value_in_json_names_its_path() -> None:
    with pytest.raises(DataError) as caught:
        _import("frab_bad_start.json")
    assert caught.value.message.endswith(
        "frab_bad_start.json: schedule.conference.days[0].rooms['A'][1].date: expected a "
        "date-time with an offset (2024-02-03T10:00:00+01:00), got 'tomorrow'"
    )


@pytest.mark.parametrize("name", ["entities.xml", "external_entity.xml"])
def test_xml_entities_are_refused(name: str) -> None:
    with pytest.raises(DataError, match=r"XML entity declarations .* are refused"):
        _import(name)
