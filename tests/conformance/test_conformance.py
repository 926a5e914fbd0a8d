"""Every real schedule in ../shared/conformance imports as the file means it.

The expected counts are the ones the folder's README gives (computed there with the stdlib,
not by confterm); ``None`` where the README gives none. Beyond counts, every event is compared
with an independent, stdlib-only reading of the file (``independent.py``, which never calls
confterm). The files are public schedules kept outside the repository (never copied into it);
these tests skip, saying so, when the folder is not there.
"""

from __future__ import annotations

import importlib
import json
import re
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import independent_reading as independent
import pytest

from confterm.errors import UsageError
from confterm.model.cache_rows import decode_program, encode_program
from confterm.model.loading import validate_program
from confterm.model.program import Program
from confterm.model.validation import program_json
from confterm.queries.index import ProgramIndex
from confterm.sources import ImportResult, import_bytes, import_source

REPO_ROOT = Path(__file__).resolve().parents[2]
CONFORMANCE = REPO_ROOT.parent / "shared" / "conformance"


@dataclass(frozen=True)
class Sample:
    """One README row: --tz (the README's venue zone where the file names none), counts."""

    name: str
    tz: str | None
    events: int
    days: int
    zone: str
    rooms: int | None = None
    untimed: int = 0
    no_speaker: int | None = None


SAMPLES = [
    Sample("pentabarf-fosdem-2021.xml", "Europe/Brussels", 773, 2, "Europe/Brussels", 106, 0, 102),
    Sample("frab-31c3-2014.xml", None, 138, 4, "Etc/GMT-1", 4),
    Sample("frab-debconf23-2023-wafer.xml", None, 117, 8, "Asia/Kolkata", 5, 0, 32),
    Sample("frabjson-camp-2019.json", None, 79, 5, "Europe/Berlin", 2),
    Sample("pretalxjson-democon-2020.json", None, 36, 3, "Etc/GMT-1", 2),
    Sample("sessionize-all-scottishsummit-2026.json", "Europe/London", 61, 2, "Europe/London", 7),
    Sample("ics-lca-2020.ics", None, 262, 6, "Australia/Brisbane"),
    Sample("ics-jres-2022.ics", None, 120, 4, "Europe/Paris", 15),
    # The seven awkward files: every column of the README's second table.
    Sample("frab-36c3-merged-2019.xml", "Europe/Berlin", 1351, 4, "Europe/Berlin", 92, 0, 83),
    Sample(
        "frabjson-31c3-everything-2014.json", "Europe/Berlin", 321, 4, "Europe/Berlin", 12, 0, 4
    ),
    Sample("frabjson-30c3-2013.json", "Europe/Berlin", 124, 4, "Europe/Berlin", 4, 0, 2),
    Sample("c3voc-jev22-everything-2022.json", None, 433, 6, "Europe/Amsterdam", 43, 0, 20),
    Sample(
        "sessionize-qaorthehwy-2026-unscheduled.json",
        "America/New_York",
        35,
        0,
        "America/New_York",
        0,
        35,
        0,
    ),
    Sample("ics-moca-2024.ics", "Europe/Rome", 88, 3, "Europe/Rome", 4, 0, 88),
    Sample("ics-kielux-2020.ics", "Europe/Berlin", 24, 2, "Europe/Berlin", 4, 0, 0),
]

# The README counts the file's own days[] entries. 31C3 files three angel meetings of Dec 26
# and two DJ sets that start at 05:00 and 06:30 on Dec 31 under Dec 27's entry; confterm
# shows each on the day it happens (by the one day-change rule), so two days hold only them.
DAYS_OUTSIDE_THE_FILES_DAYS = {
    "frabjson-31c3-everything-2014.json": {date(2014, 12, 26), date(2014, 12, 31)},
}

pytestmark = pytest.mark.skipif(
    not CONFORMANCE.is_dir(), reason=f"conformance samples not found at {CONFORMANCE}"
)

_CACHE: dict[str, ImportResult] = {}


def _result(sample: Sample) -> ImportResult:
    if sample.name not in _CACHE:
        _CACHE[sample.name] = import_source(
            str(CONFORMANCE / sample.name), conference_id=None, tz=sample.tz
        )
    return _CACHE[sample.name]


def _import(name: str) -> Program:
    return _result(next(s for s in SAMPLES if s.name == name)).program


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda s: s.name)
def test_sample_imports_with_readme_counts(sample: Sample) -> None:
    result = _result(sample)
    program = result.program
    validate_program(program, sample.name)
    sessions = program.sessions
    assert len(sessions) == sample.events
    days = {s.day for s in sessions if s.day is not None}
    outside = DAYS_OUTSIDE_THE_FILES_DAYS.get(sample.name, set())
    assert outside <= days
    assert len(days - outside) == sample.days
    assert program.conference.timezone == sample.zone
    assert result.skipped == []
    assert sum(1 for s in sessions if not s.is_timed) == sample.untimed
    if sample.rooms is not None:
        assert len({s.room for s in sessions if s.room}) == sample.rooms
    if sample.no_speaker is not None:
        assert sum(1 for s in sessions if not s.speakers) == sample.no_speaker
    assert len({s.id for s in sessions}) == len(sessions)


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda s: s.name)
def test_every_event_matches_an_independent_reading(sample: Sample) -> None:
    program = _result(sample).program
    zone = ZoneInfo(sample.tz or sample.zone)
    expected = Counter(independent.read(CONFORMANCE / sample.name, zone))
    names = {speaker.id: speaker.name for speaker in program.speakers}
    rooms = {room.id: room.name for room in program.rooms}
    got = Counter(
        independent.Event(
            s.title,
            s.start.astimezone(UTC) if s.start else None,
            s.end.astimezone(UTC) if s.end else None,
            rooms.get(s.room or "", ""),
            tuple(sorted(names[p].casefold() for p in s.speakers)),
            s.start.utcoffset() if s.start else None,
            s.source_url,
            tuple(sorted(link.url for link in s.links)),
        )
        for s in program.sessions
    )
    assert got - expected == Counter(), "confterm shows events the file does not have"
    assert expected - got == Counter(), "events of the file are missing or differ"


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda s: s.name)
def test_sample_rebuilds_from_the_cache_as_imported(sample: Sample) -> None:
    program = _result(sample).program
    written = program_json(program)
    rebuilt = decode_program(json.loads(json.dumps(encode_program(program))))
    assert rebuilt == program
    assert program_json(rebuilt) == written


def test_every_sample_is_listed() -> None:
    listed = {sample.name for sample in SAMPLES}
    present = {p.name for p in CONFORMANCE.iterdir() if p.suffix in (".xml", ".json", ".ics")}
    assert present == listed


def test_no_entity_or_tag_survives_in_any_text() -> None:
    for sample in SAMPLES:
        program = _result(sample).program
        texts = [s.title for s in program.sessions] + [s.description for s in program.sessions]
        texts += [r.name for r in program.rooms] + [t.name for t in program.tracks]
        texts += [p.name for p in program.speakers]
        for value in texts:
            for left in ("&quot;", "&amp;", "&#x27;", "&hellip;", "&lt;p&gt;", "<p>", "</a>"):
                assert left not in value, (sample.name, value[:80])


# -- the first eight ---------------------------------------------------------------------------


def test_31c3_after_midnight_stays_on_its_day() -> None:
    program = _import("frab-31c3-2014.xml")
    citizenfour = next(s for s in program.sessions if "Citizenfour" in s.title)
    assert citizenfour.start is not None
    assert citizenfour.start.isoformat() == "2014-12-28T00:00:00+01:00"
    assert str(citizenfour.day) == "2014-12-27"


def test_wafer_local_days_and_times() -> None:
    program = _import("frab-debconf23-2023-wafer.xml")
    opening = next(s for s in program.sessions if s.title == "Opening Ceremony")
    assert opening.start is not None
    local = opening.start.astimezone(program.conference.zone)
    assert (local.date().isoformat(), local.time()) == ("2023-09-10", time(10, 30))
    assert str(opening.day) == "2023-09-10"
    assert str(program.conference.start_date) == "2023-09-10"


def test_pretalx_trusts_offsets_over_declared_utc() -> None:
    program = _import("pretalxjson-democon-2020.json")
    first = min(s.start for s in program.sessions if s.start is not None)
    assert first.utcoffset() is not None
    assert program.conference.zone.utcoffset(datetime(2020, 12, 14)) == first.utcoffset()


def test_fosdem_needs_a_zone_and_keeps_html_out() -> None:
    program = _import("pentabarf-fosdem-2021.xml")
    assert not any("<p>" in s.description for s in program.sessions)
    welcome = next(s for s in program.sessions if s.title == "Welcome to FOSDEM 2021")
    assert welcome.id == "11795"
    assert welcome.description.startswith("FOSDEM welcome and opening talk.")


def test_jres_fold_inside_utf8_and_breaks() -> None:
    program = _import("ics-jres-2022.ics")
    assert any("d’exploitation" in s.title + s.description for s in program.sessions)
    assert any(s.kind.value == "break" for s in program.sessions)


# -- the seven awkward files -------------------------------------------------------------------


def _speaker_names(program: Program, title: str) -> list[str]:
    session = next(s for s in program.sessions if s.title == title)
    names = {speaker.id: speaker.name for speaker in program.speakers}
    return [names[p] for p in session.speakers]


def test_36c3_person_ids_reused_across_sources_are_different_people() -> None:
    program = _import("frab-36c3-merged-2019.xml")
    names = {speaker.name for speaker in program.speakers}
    # id 135 stands for all three in different merged sources.
    assert {"Heiko Borchers", "Lars Rokita", "Pina Merkert"} <= names
    # Two spellings that differ only in case are one person.
    folded = Counter(name.casefold() for name in names)
    assert folded["thasti"] == 1
    assert len({s.id for s in program.sessions}) == 1351  # 3 GUIDs appear twice


def test_31c3_json_speakers_from_full_public_name() -> None:
    program = _import("frabjson-31c3-everything-2014.json")
    assert _speaker_names(program, "31C3 Opening Event") == ["erdgeist", "Geraldine de Bastion"]
    angels = [s for s in program.sessions if s.day == date(2014, 12, 26)]
    assert {s.title for s in angels} == {"Engelmeeting"}
    assert sorted(s.start.isoformat() for s in angels if s.start) == [
        "2014-12-26T14:00:00+01:00",
        "2014-12-26T21:00:00+01:00",
        "2014-12-26T22:00:00+01:00",
    ]


def test_30c3_after_midnight_text_and_speakers() -> None:
    program = _import("frabjson-30c3-2013.json")
    berlin = ZoneInfo("Europe/Berlin")
    opening = next(s for s in program.sessions if s.title == "Opening Event")
    assert opening.start == datetime(2013, 12, 27, 11, 0, tzinfo=berlin)
    assert _speaker_names(program, "Opening Event") == ["Tim Pritlove"]
    # Subtitle, then the abstract; the description is an empty quoted string, left out.
    assert opening.description == (
        "Welcome to the 30th Chaos Communication Congress\n\n"
        '"Introductory event to say hello to everybody, give a brief overview of the '
        "event's features and look into history and future alike\""
    )
    late = [s for s in program.sessions if s.start and s.start.astimezone(berlin).hour < 4]
    assert len(late) == 5
    for session in late:
        assert session.start is not None
        assert session.day is not None
        # Filed under the evening's day: the night after it, never 24 hours earlier.
        assert session.start.astimezone(berlin).date() == session.day + timedelta(days=1)
    assert "Security & Safety" in {track.name for track in program.tracks}
    first = min(s.start for s in program.sessions if s.start)
    assert first.astimezone(berlin).time() >= time(4)


def test_30c3_without_tz_says_the_file_names_no_zone() -> None:
    with pytest.raises(UsageError, match="names no time zone and its times carry no offset"):
        import_source(str(CONFORMANCE / "frabjson-30c3-2013.json"), conference_id=None, tz=None)


def test_jev22_trusts_the_zone_most_events_agree_with() -> None:
    result = _result(next(s for s in SAMPLES if s.name.startswith("c3voc-jev22")))
    stream = next(s for s in result.program.sessions if s.title == "Intro to Solar Protocol")
    assert stream.start is not None
    assert stream.start.isoformat() == "2022-12-27T10:30:00-05:00"
    amsterdam = stream.start.astimezone(ZoneInfo("Europe/Amsterdam"))
    assert amsterdam.time() == time(16, 30)
    assert any("1 of 433 events" in note for note in result.notes)


def test_unscheduled_sessionize_imports_as_to_be_announced() -> None:
    notes: list[str] = []
    for tz in (None, "America/New_York"):
        result = import_source(
            str(CONFORMANCE / "sessionize-qaorthehwy-2026-unscheduled.json"),
            conference_id=None,
            tz=tz,
        )
        sessions = result.program.sessions
        assert len(sessions) == 35
        assert not any(s.is_timed or s.day for s in sessions)
        assert all(s.speakers for s in sessions)
        # No placeholder day to open on: the app and the CLI show the "day not announced" list.
        assert ProgramIndex(result.program).days == []
        notes += result.notes
    assert any("time to be announced" in note for note in notes)


def test_moca_repeated_uids_kept_and_organizer_is_no_speaker() -> None:
    program = _import("ics-moca-2024.ics")
    assert len(program.sessions) == 88
    assert not program.speakers
    assert {room.name for room in program.rooms} >= {"XOR", "MOV"}
    assert all(len(s.id) <= 80 for s in program.sessions)
    assert program.conference.name != "ics-moca-2024"


@pytest.mark.parametrize("name", ["ics-moca-2024.ics", "ics-kielux-2020.ics"])
def test_all_utc_files_say_that_only_the_venue_zone_is_missing(name: str) -> None:
    with pytest.raises(UsageError, match="names no time zone and all its times are in UTC"):
        import_source(str(CONFORMANCE / name), conference_id=None, tz=None)


def test_kielux_speakers_from_attendee_and_name_from_the_file() -> None:
    program = _import("ics-kielux-2020.ics")
    title = "OpenCelium - Der generische OpenSoure API-Hub"
    assert _speaker_names(program, title) == ["Jakob Semere"]
    session = next(s for s in program.sessions if s.title == title)
    assert not session.description.startswith("von:")
    assert program.conference.name == "18. Kieler Open Source und Linux Tage"


def test_import_name_overrides_the_files_name() -> None:
    result = import_source(
        str(CONFORMANCE / "ics-kielux-2020.ics"), conference_id=None, tz="Europe/Berlin", name="KL"
    )
    assert result.program.conference.name == "KL"


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda s: s.name)
async def test_app_opens_on_sample(sample: Sample, tmp_path: Path) -> None:
    try:
        importlib.import_module("confterm.tui")
    except ImportError as error:
        pytest.skip(f"confterm.tui cannot be imported yet ({error})")
    from confterm.clock import Clock
    from confterm.store.bookmarks import BookmarkStore
    from confterm.tui.app import ConftermApp
    from confterm.tui.state import AppState

    program = _result(sample).program
    starts = [s.start for s in program.sessions if s.start is not None]
    first = min(starts) if starts else datetime(2026, 1, 1, tzinfo=UTC)
    state = AppState(program=program, store=BookmarkStore.open(tmp_path), clock=Clock(first))
    app = ConftermApp(state)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.main.is_mounted


# -- ids that do not depend on the order of the file ---------------------------------------------


def _ids(program: Program) -> dict[str, tuple[str, datetime | None, str | None]]:
    return {s.id: (s.title, s.start, s.room) for s in program.sessions}


def test_frab_ids_do_not_depend_on_event_order() -> None:
    # 36C3 has three GUIDs used twice: those must not take each other's id when reordered.
    raw = (CONFORMANCE / "frab-36c3-merged-2019.xml").read_bytes()
    tree = ET.ElementTree(ET.fromstring(raw))  # noqa: S314  (our own sample file)
    for room in tree.getroot().iter("room"):
        children = list(room)
        for child in children:
            room.remove(child)
        room.extend(reversed(children))
    dropped = next(tree.getroot().iter("room"))
    dropped.remove(dropped[0])  # an unrelated event removed
    reordered = ET.tostring(tree.getroot(), encoding="utf-8", xml_declaration=True)
    before = _ids(_import("frab-36c3-merged-2019.xml"))
    after = _ids(import_bytes(reordered, "x.xml", conference_id=None, tz="Europe/Berlin").program)
    assert len(after) == len(before) - 1
    assert all(before[session_id] == place for session_id, place in after.items())


def test_ical_ids_do_not_depend_on_event_order() -> None:
    raw = (CONFORMANCE / "ics-moca-2024.ics").read_bytes()
    events = re.findall(rb"BEGIN:VEVENT\r?\n.*?END:VEVENT\r?\n", raw, re.S)
    head = raw[: raw.index(events[0])]
    foot = raw[raw.rindex(events[-1]) + len(events[-1]) :]
    reordered = head + b"".join(reversed(events[1:])) + foot
    before = _ids(_import("ics-moca-2024.ics"))
    after = _ids(import_bytes(reordered, "x.ics", conference_id=None, tz="Europe/Rome").program)
    assert len(after) == 87
    assert all(before[session_id] == place for session_id, place in after.items())
