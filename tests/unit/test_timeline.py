"""The timeline `confterm now` answers from gives the answer the loaded program gives.

The reference is the app's own now & next (:func:`confterm.queries.nownext.now_and_next` over
a :class:`ProgramIndex`) with the bookmarks-first rule applied here, at every five minutes of
each conference (and a day either side), with and without bookmarks, for three programs.
"""

from __future__ import annotations

import sys
from datetime import datetime, time, timedelta
from pathlib import Path

import pytest

from confterm import paths
from confterm.glance.build import build_timeline
from confterm.glance.timeline import (
    Glance,
    SourceStamp,
    Timeline,
    source_stamp,
    timeline_path,
)
from confterm.model.loading import load_program_file
from confterm.model.program import Program
from confterm.queries.index import ProgramIndex
from confterm.queries.nownext import now_and_next

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from benchmarks.generate import generate, write_confterm_json

TINYCONF = Path(__file__).resolve().parents[1] / "data" / "tinyconf.json"
WINDOW = timedelta(minutes=90)


def _reference(index: ProgramIndex, now: datetime, bookmarked: set[str]) -> tuple[object, ...]:
    result = now_and_next(index, now, WINDOW)
    on = [(s.id, left) for s, left in result.in_progress]
    soon = [s.id for s in result.upcoming]
    mine_on = [(i, left) for i, left in on if i in bookmarked]
    mine_next = [i for i in soon if i in bookmarked]
    if mine_on or mine_next:
        return ("bookmarks", mine_on, mine_next)
    return ("program", on, soon)


def _answer(glance: Glance) -> tuple[object, ...]:
    on = [(entry.id, glance.left(entry)) for entry in glance.in_progress]
    return (glance.source, on, [entry.id for entry in glance.upcoming])


def _moments(program: Program) -> list[datetime]:
    zone = program.conference.zone
    first = datetime.combine(program.conference.start_date - timedelta(days=1), time(0), zone)
    last = datetime.combine(program.conference.end_date + timedelta(days=1), time(0), zone)
    moments = []
    while first <= last:
        moments.append(first)
        first += timedelta(minutes=5)
    return moments


def _source(which: str, folder: Path) -> Path:
    if which == "tinyconf":
        return TINYCONF
    if which == "bundled":
        return paths.bundled_file("mlsys2025.json")
    return write_confterm_json(generate(400), folder / "generated.json")


@pytest.mark.parametrize("which", ["tinyconf", "bundled", "generated"])
def test_the_timeline_answers_as_the_loaded_program_does(which: str, tmp_path: Path) -> None:
    source = _source(which, tmp_path)
    program = load_program_file(source)
    index = ProgramIndex(program)
    timeline = build_timeline(ProgramIndex(program), source, None, None)
    timed = [s.id for s in program.sessions if s.start and s.end]
    marked = set(timed[:: max(1, len(timed) // 7)])
    compared = 0
    for now in _moments(program):
        for bookmarked in (set(), marked):
            expected = _reference(index, now, bookmarked)
            assert _answer(timeline.glance(now, bookmarked, WINDOW)) == expected, now
            compared += bool(expected[1] or expected[2])
    assert compared > 20  # the sweep went through the program, not only around it


def test_a_kept_timeline_is_the_one_made(tmp_path: Path) -> None:
    source = tmp_path / "tinyconf.json"
    source.write_bytes(TINYCONF.read_bytes())
    fresh = source_stamp(source)
    assert fresh is not None
    keep_at = Path(timeline_path(tmp_path / "cache", source))
    program = load_program_file(source)
    # Written just now: too new to be trusted, so not kept (it still answers this run).
    assert not fresh.settled
    build_timeline(ProgramIndex(program), source, fresh, keep_at)
    assert not keep_at.exists()
    stamp = SourceStamp(fresh.text, settled=True)  # as if it had been written long ago
    made = build_timeline(ProgramIndex(program), source, stamp, keep_at)
    kept = Timeline.open(keep_at, source, stamp)
    assert kept is not None
    now = datetime.fromisoformat("2026-03-07T10:50-05:00")
    assert _answer(kept.glance(now, set(), WINDOW)) == _answer(made.glance(now, set(), WINDOW))
    entries = kept.glance(now, set(), WINDOW).in_progress
    assert [record["id"] for record in kept.records(entries).values()] == [e.id for e in entries]


def test_a_timeline_is_not_used_for_another_state_of_the_file(tmp_path: Path) -> None:
    source = tmp_path / "tinyconf.json"
    source.write_bytes(TINYCONF.read_bytes())
    stamp = source_stamp(source)
    assert stamp is not None
    keep_at = Path(timeline_path(tmp_path / "cache", source))
    stamp = SourceStamp(stamp.text, settled=True)  # as if it had been written long ago
    build_timeline(ProgramIndex(load_program_file(source)), source, stamp, keep_at)
    assert Timeline.open(keep_at, source, stamp) is not None
    source.write_bytes(TINYCONF.read_bytes().replace(b"Opening Keynote", b"Opening Talk!!!"))
    changed = source_stamp(source)
    assert changed is not None
    assert changed.text != stamp.text
    assert Timeline.open(keep_at, source, changed) is None
    # Another file (same content) does not take it either.
    other = tmp_path / "other.json"
    other.write_bytes(source.read_bytes())
    assert Timeline.open(keep_at, other, changed) is None


@pytest.mark.parametrize("which", ["tinyconf", "bundled", "generated"])
def test_each_entry_keeps_its_times_as_the_conference_zone_shows_them(
    which: str, tmp_path: Path
) -> None:
    """`confterm now` shows times in the conference's zone from these, without zoneinfo:
    each is the session's own start and end, at the offset the zone has then (TinyConf
    crosses a daylight saving change)."""
    source = _source(which, tmp_path)
    program = load_program_file(source)
    zone = program.conference.zone
    timeline = build_timeline(ProgramIndex(program), source, None, None)
    seen = {}
    for now in _moments(program):
        glance = timeline.glance(now, set(), WINDOW)
        seen.update((entry.id, entry) for entry in [*glance.in_progress, *glance.upcoming])
    sessions = {s.id: s for s in program.sessions if s.start and s.end}
    assert seen.keys() == sessions.keys()
    offsets = set()
    for session_id, entry in seen.items():
        session = sessions[session_id]
        assert session.start is not None
        assert session.end is not None
        for kept, moment in ((entry.start_local, session.start), (entry.end_local, session.end)):
            local = moment.astimezone(zone)
            shown = datetime.fromisoformat(kept)
            assert shown == moment
            assert shown.utcoffset() == local.utcoffset()
            assert shown.strftime("%H:%M") == f"{local.hour:02d}:{local.minute:02d}"
            offsets.add(local.utcoffset())
    if which == "tinyconf":
        assert len(offsets) == 2  # both sides of the change


def test_a_glance_counts_and_firsts_agree_with_its_lists(tmp_path: Path) -> None:
    """A line reads two sessions of the thousands on at once: the counts and the first
    ones are those of the whole lists (which --json reads)."""
    source = _source("generated", tmp_path)
    program = load_program_file(source)
    timeline = build_timeline(ProgramIndex(program), source, None, None)
    timed = [s.id for s in program.sessions if s.start and s.end]
    marked = set(timed[::5])
    seen = 0
    for now in _moments(program)[::3]:
        for bookmarked in (set(), marked):
            glance = timeline.glance(now, bookmarked, WINDOW)
            first_on, first_next = glance.first_in_progress(), glance.first_upcoming()
            on, soon = glance.in_progress, glance.upcoming
            assert (glance.count_in_progress, glance.count_upcoming) == (len(on), len(soon))
            assert first_on == (on[0] if on else None)
            assert first_next == (soon[0] if soon else None)
            assert glance.is_empty == (not on and not soon)
            seen += len(on) > 1
    assert seen > 10
