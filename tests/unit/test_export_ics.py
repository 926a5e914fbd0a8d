"""The iCalendar export, parsed back with icalendar: events, zone, stable UIDs, alarms."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from agenda_marks import MARKS, Mark
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from icalendar import Calendar, Event

from confterm.export import ExportOptions, render
from confterm.export.files import store_revisions
from confterm.export.ics import _escape, _fold, left_out, render_ics
from confterm.model.program import Program
from confterm.model.validation import build_record, program_json
from confterm.queries.agenda import build_agenda
from confterm.queries.index import ProgramIndex
from confterm.store.bookmarks import BookmarkStore

FIRST = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
LATER = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def export(program: Program, marks: list[Mark], **options: Any) -> Calendar:
    agenda = build_agenda(ProgramIndex(program), marks)
    data = render(agenda, "ics", ZoneInfo("Asia/Tokyo"), ExportOptions(**options))
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


def test_sequence_grows_only_when_an_event_changed(tinyconf: Program, tmp_path: Path) -> None:
    store = BookmarkStore(tmp_path / "store.sqlite3")
    imported = datetime(2026, 2, 20, 10, 0, tzinfo=UTC)

    def export_at(program: Program, moment: datetime) -> dict[str, Event]:
        revisions = store_revisions(store, "tinyconf", moment, imported)
        return events_by_uid(export(program, MARKS, now=moment, revisions=revisions))

    first = export_at(tinyconf, FIRST)
    again = export_at(tinyconf, LATER)
    for uid, event in again.items():
        assert event["SEQUENCE"] == first[uid]["SEQUENCE"] == 0
        # First seen with the program imported on 20 February: that is when it last changed.
        assert event["LAST-MODIFIED"].dt == imported
        assert event["DTSTAMP"].dt == LATER
    # The keynote moves by an hour: only its event changes.
    data = json.loads(program_json(tinyconf))
    for session in data["sessions"]:
        if session["id"] == "opening-keynote":
            session["start"] = "2026-03-07T10:00:00-05:00"
            session["end"] = "2026-03-07T11:00:00-05:00"
    moved = build_record(Program, **data)
    third_moment = LATER + timedelta(days=1)
    third = export_at(moved, third_moment)
    keynote = "opening-keynote@tinyconf.confterm"
    assert third[keynote]["SEQUENCE"] == 1
    assert third[keynote]["LAST-MODIFIED"].dt == third_moment
    for uid, event in third.items():
        if uid != keynote:
            assert event["SEQUENCE"] == 0
            assert event["LAST-MODIFIED"].dt == imported
    # Exported again unchanged: the keynote keeps sequence 1 and its modification time.
    fourth = export_at(moved, third_moment + timedelta(hours=1))
    assert fourth[keynote]["SEQUENCE"] == 1
    assert fourth[keynote]["LAST-MODIFIED"].dt == third_moment


def test_include_tba_adds_all_day_transparent_events(tinyconf: Program) -> None:
    events = events_by_uid(export(tinyconf, MARKS, now=FIRST, include_tba=True, alarm_minutes=5))
    lightning = events["lightning-1@tinyconf.confterm"]
    assert lightning.decoded("DTSTART") == date(2026, 3, 7)
    assert lightning.decoded("DTEND") == date(2026, 3, 8)
    assert str(lightning["TRANSP"]) == "TRANSPARENT"
    assert str(lightning["SUMMARY"]) == "Lightning Talks (time to be announced)"
    assert str(lightning["DESCRIPTION"]).startswith("The time to be announced.")
    assert not lightning.walk("VALARM")  # an alarm before midnight would mislead
    # A session with no day at all still has nowhere to go.
    assert "bof-tba@tinyconf.confterm" not in events
    agenda = build_agenda(ProgramIndex(tinyconf), MARKS)
    assert [s.id for s in left_out(agenda, include_tba=True)] == ["bof-tba"]


def test_hostile_text_is_escaped_and_long_lines_folded(tinyconf: Program) -> None:
    data = json.loads(program_json(tinyconf))
    title = "Semi; colon, comma \\ backslash — " + "é" * 80
    for session in data["sessions"]:
        if session["id"] == "opening-keynote":
            session["title"] = title
    program = build_record(Program, **data)
    raw = render(
        build_agenda(ProgramIndex(program), MARKS), "ics", ZoneInfo("UTC"), ExportOptions(now=FIRST)
    )
    assert isinstance(raw, bytes)
    for line in raw.split(b"\r\n"):
        assert len(line) <= 75
        line.decode("utf-8")  # never cut inside a character
    event = events_by_uid(Calendar.from_ical(raw))["opening-keynote@tinyconf.confterm"]
    assert str(event["SUMMARY"]) == title


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


@settings(max_examples=300, deadline=None)
@given(
    st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\n"), max_size=300)
    | st.text(st.sampled_from("ab é€😀"), max_size=300)
)
def test_a_folded_line_holds_75_octets_a_line_and_unfolds_to_itself(line: str) -> None:
    # ASCII lines are cut as text, others by their UTF-8 bytes: both by RFC 5545 3.1. (No
    # surrogate: the model removes lone ones.)
    physical = _fold(line).split("\r\n")
    assert all(len(part.encode()) <= 75 for part in physical)
    assert all(part.startswith(" ") for part in physical[1:])
    assert physical[0] + "".join(part[1:] for part in physical[1:]) == line


ASCII_LINE = st.characters(max_codepoint=127, blacklist_characters="\r\n")


@settings(max_examples=200, deadline=None)
@given(st.text(ASCII_LINE, max_size=80) | st.text(ASCII_LINE, min_size=140, max_size=400))
def test_an_ascii_line_is_cut_every_74_characters_after_the_first_75(line: str) -> None:
    # The cuts of earlier exports (a calendar app compares the bytes of a re-import): the
    # first 75 characters, then 74 after each continuation's space, held to plain slicing.
    pieces = [line[:75]] + [line[at : at + 74] for at in range(75, len(line), 74)]
    assert _fold(line) == "\r\n ".join(pieces)


HOSTILE = st.text(st.sampled_from("ab ;,\\\n\r\té€😀" + "x" * 10), max_size=120)


@settings(max_examples=300, deadline=None)
@given(HOSTILE)
def test_escaping_is_every_replacement_of_rfc_5545_in_turn(value: str) -> None:
    # _escape skips the replacements of characters it does not find: held to making all of
    # them, in the order that keeps each escape's backslash and CRLF as one line break.
    expected = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    expected = expected.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")
    assert _escape(value) == expected


def test_speakers_and_chairs_are_named_in_every_session_they_are_in(tinyconf: Program) -> None:
    # Each person's text is made once, at the first session naming them, then reused: the
    # sessions after it name them the same; an id the program does not know is left out.
    data = json.loads(program_json(tinyconf))
    named = [s for s in data["sessions"] if s.get("start")][:4]
    named[0].update(speakers=["ada", "grace"], chairs=["linus"])
    named[1].update(speakers=["nobody", "grace"], chairs=[])
    named[2].update(speakers=["grace", "ada"], chairs=["ada"])
    named[3].update(speakers=["nobody"], chairs=["nobody"])
    program = build_record(Program, **data)
    agenda = build_agenda(ProgramIndex(program), MARKS, whole_program=True)
    events = events_by_uid(Calendar.from_ical(render_ics(agenda, now=FIRST)))
    texts = [
        str(events[f"{s['id']}@{program.conference.id}.confterm"]["DESCRIPTION"]) for s in named
    ]
    ada, grace = "Ada Lovelace (Analytical Engines Ltd)", "Grace Hopper (US Navy)"
    paragraphs = [text.split("\n\n") for text in texts]
    assert paragraphs[0][:2] == [f"Speakers: {ada}, {grace}", "Chairs: Linus Example"]
    assert paragraphs[1][0] == f"Speakers: {grace}"
    assert not any(paragraph.startswith("Chairs") for paragraph in paragraphs[1])
    assert paragraphs[2][:2] == [f"Speakers: {grace}, {ada}", "Chairs: Ada Lovelace"]
    assert not any(paragraph.startswith(("Speakers", "Chairs")) for paragraph in paragraphs[3])


# tinyconf is only read (as JSON), never changed: sharing it between examples is safe.
@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    title=HOSTILE,
    description=HOSTILE,
    room=HOSTILE.filter(str.strip),
    track=HOSTILE.filter(str.strip),
    speaker=HOSTILE.filter(str.strip),
    affiliation=HOSTILE,
    venue=HOSTILE,
    zone=st.sampled_from(["America/New_York", "America/Argentina/ComodRivadavia", "UTC"]),
    alarm=st.none() | st.integers(0, 10_000),
)
def test_events_are_every_content_line_folded_and_digested_unfolded(
    tinyconf: Program,
    title: str,
    description: str,
    room: str,
    track: str,
    speaker: str,
    affiliation: str,
    venue: str,
    zone: str,
    alarm: int | None,
) -> None:
    # The writer folds only the lines whose length depends on the program and builds each
    # event's digest text beside it: hold both to the obvious way, every line folded, and the
    # digest made of the unfolded lines of the event (what earlier exports stored).
    data = json.loads(program_json(tinyconf))
    data["conference"].update(timezone=zone, venue=venue or None)
    data["rooms"][0]["name"] = room
    data["tracks"][0]["name"] = track
    data["speakers"][0].update(name=speaker, affiliation=affiliation or None)
    for session in data["sessions"]:
        session["title"] = title.strip() or "t"
        session["description"] = description
    program = build_record(Program, **data)
    digests: dict[str, str] = {}

    def remember(given_digests: Mapping[str, str]) -> dict[str, tuple[int, datetime]]:
        digests.update(given_digests)
        return dict.fromkeys(given_digests, (0, FIRST))

    agenda = build_agenda(ProgramIndex(program), MARKS, whole_program=True)
    raw = render_ics(
        agenda, now=FIRST, alarm_minutes=alarm, include_tba=True, revisions=remember
    ).decode()
    logical = raw.replace("\r\n ", "").split("\r\n")[:-1]
    assert raw == "".join(_fold(line) + "\r\n" for line in logical)
    events, current = {}, None
    for line in logical:
        if line.startswith("UID:"):
            current = events[line.removeprefix("UID:").replace("\\,", ",")] = []
        elif line == "END:VEVENT":
            current = None
        elif current is not None and not line.startswith(
            ("DTSTAMP:", "LAST-MODIFIED:", "SEQUENCE:")
        ):
            current.append(line)
    assert events.keys() == digests.keys()
    for key, lines in events.items():
        expected = hashlib.blake2b("\n".join(lines).encode(), digest_size=12).hexdigest()
        assert digests[key] == expected
    assert Calendar.from_ical(raw.encode()).walk("VEVENT")
