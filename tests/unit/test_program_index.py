"""The program index answers exactly as the old scans of the whole program did.

Each "old" function below is the straightforward definition the queries used before the index
(sort every session, then filter): the index must agree with it on the hand-written fixture
and on a generated program of a few thousand sessions, including sessions that last for days,
sessions filed under a day other than their start's, and sessions with no day at all.
"""

from __future__ import annotations

import ast
import json
import sys
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from confterm.model.cache_rows import decode_program, encode_program
from confterm.model.loading import load_program_file
from confterm.model.program import Program, Session
from confterm.queries.agenda import build_agenda, opening_position
from confterm.queries.index import ProgramIndex, in_time_order
from confterm.queries.nownext import NowNext, conference_bounds, first_session_id, now_and_next

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from benchmarks.generate import generate, write_confterm_json  # noqa: E402


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Program:
    """A generated program with a week-long session and one filed under the day before."""
    path = tmp_path_factory.mktemp("index") / "generated.json"
    program = load_program_file(write_confterm_json(generate(3000), path))
    timed = [s for s in program.sessions if s.start is not None and s.end is not None]
    first, second = timed[0], timed[1]
    assert first.start is not None
    assert second.day is not None
    long = replace(first, id="week-long", end=first.start + timedelta(days=4))
    moved = replace(second, id="filed-before", day=second.day - timedelta(days=1))
    return replace(program, sessions=[*program.sessions, long, moved])


@pytest.fixture(params=["tinyconf", "generated", "generated-from-the-cache"])
def program(request: pytest.FixtureRequest, tinyconf: Program) -> Program:
    if request.param == "tinyconf":
        return tinyconf
    result: Program = request.getfixturevalue("generated")
    if request.param == "generated-from-the-cache":
        # Rebuilt as a cached program is: sessions share their day, start and end objects.
        result = decode_program(json.loads(json.dumps(encode_program(result))))
        timed = [s for s in result.sessions if s.start is not None]
        assert len({id(s.start) for s in timed}) < len(timed)
    return result


def ids(sessions: object) -> list[str]:
    return [s.id for s in sessions]  # type: ignore[attr-defined]


# -- the old definitions ----------------------------------------------------------------------


def old_days(program: Program) -> list[date]:
    return sorted(set(program.conference.days) | {s.day for s in program.sessions if s.day})


def old_now_and_next(program: Program, now: datetime, window: timedelta) -> NowNext:
    result = NowNext("during", now, now, now)
    for session in in_time_order(program.sessions):
        if session.start is None or session.end is None:
            continue
        if session.start <= now < session.end:
            result.in_progress.append((session, session.end - now))
        elif now < session.start <= now + window:
            result.upcoming.append(session)
    result.in_progress.sort(key=lambda pair: (pair[1], pair[0].start or now))
    return result


def old_sessions_of(program: Program, speaker_id: str) -> list[tuple[Session, str]]:
    found = []
    for session in in_time_order(program.sessions):
        if speaker_id in session.speakers:
            found.append((session, "speaker"))
        elif speaker_id in session.chairs:
            found.append((session, "chair"))
    return found


def moments(program: Program) -> list[datetime]:
    """Moments worth asking about: before, during (on starts, ends and between) and after."""
    timed = [s for s in program.sessions if s.start is not None and s.end is not None]
    picks = timed[:: max(1, len(timed) // 15)]
    found = []
    for session in picks:
        assert session.start is not None
        assert session.end is not None
        found += [session.start, session.end, session.start + timedelta(minutes=7)]
    first = min(s.start for s in timed if s.start is not None)
    last = max(s.end for s in timed if s.end is not None)
    return [first - timedelta(days=1), first, *found, last, last + timedelta(days=1)]


# -- the tests --------------------------------------------------------------------------------


def test_days_and_each_days_sessions(program: Program) -> None:
    index = ProgramIndex(program)
    everything = in_time_order(program.sessions)
    assert index.days == old_days(program)
    assert list(index.in_order) == everything
    for day in [*index.days, None, date(1999, 1, 1)]:
        expected = [s for s in everything if s.day == day]
        assert list(index.sessions_on(day)) == expected
        assert index.has_sessions_on(day) == bool(expected)


def test_timestamps_match_the_sessions(program: Program) -> None:
    index = ProgramIndex(program)
    for session in program.sessions:
        span = index.span(session)
        if session.start is None or session.end is None:
            assert span is None
        else:
            assert span == (session.start.timestamp(), session.end.timestamp())


def test_now_and_next_matches_a_scan_of_every_session(program: Program) -> None:
    index = ProgramIndex(program)
    for window in (timedelta(minutes=90), timedelta(minutes=15)):
        for now in moments(program):
            got = now_and_next(index, now, window)
            expected = old_now_and_next(program, now, window)
            assert [(s.id, left) for s, left in got.in_progress] == [
                (s.id, left) for s, left in expected.in_progress
            ], now
            assert ids(got.upcoming) == ids(expected.upcoming), now


def test_bounds_first_session_and_opening_position(program: Program) -> None:
    index = ProgramIndex(program)
    timed = [s for s in program.sessions if s.start is not None and s.end is not None]
    start, end = conference_bounds(index)
    assert start == min(s.start for s in timed if s.start is not None)
    assert end == max(s.end for s in timed if s.end is not None)
    first_day = next(s for s in in_time_order(program.sessions) if s.day is not None)
    assert first_session_id(index) == first_day.id
    for now in moments(program):
        day, session_id = opening_position(index, now)
        assert day in index.days
        if session_id is not None:
            assert program.session_by_id[session_id].day == day


def test_speakers_sessions_and_papers(program: Program) -> None:
    index = ProgramIndex(program)
    for speaker in program.speakers[:: max(1, len(program.speakers) // 40)]:
        got = [(s.id, role) for s, role in index.sessions_of_person(speaker.id)]
        assert got == [(s.id, role) for s, role in old_sessions_of(program, speaker.id)]
        name = " ".join(speaker.name.casefold().split())
        expected = [
            p
            for p in program.papers
            if any(" ".join(a.name.casefold().split()) == name for a in p.authors)
        ]
        assert index.papers_of_person(speaker.id) == expected
    assert index.sessions_of_person("nobody") == []
    assert index.papers_of_person("nobody") == []


def test_rooms_tracks_and_kinds(program: Program) -> None:
    index = ProgramIndex(program)
    for room in [*program.rooms, None]:
        room_id = room.id if room else None
        assert list(index.sessions_in_room(room_id)) == [
            s for s in program.sessions if s.room == room_id
        ]
    for track in program.tracks:
        assert list(index.sessions_in_track(track.id)) == [
            s for s in program.sessions if s.track == track.id
        ]
    assert index.kinds == {s.kind for s in program.sessions}


def test_agenda_and_ordering_of_a_few(program: Program) -> None:
    index = ProgramIndex(program)

    class Mark:
        def __init__(self, item_id: str) -> None:
            self.kind, self.item_id, self.added_at = "session", item_id, datetime(2026, 1, 1)

    chosen = program.sessions[::7]
    marks = [Mark(s.id) for s in chosen]
    agenda = build_agenda(index, marks)
    assert [s.id for d in agenda.days for s in d.sessions] == ids(in_time_order(chosen))
    whole = build_agenda(index, marks, whole_program=True)
    assert [s.id for d in whole.days for s in d.sessions] == ids(in_time_order(program.sessions))
    # A session that is not the program's own (a copy) is sorted, not looked up.
    stranger = replace(program.sessions[0], id="stranger")
    assert index.ordered([stranger, *chosen]) == in_time_order([stranger, *chosen])


def test_the_search_index_is_built_once_and_on_demand(tinyconf: Program) -> None:
    index = ProgramIndex(tinyconf)
    assert not index.search_ready
    search = index.search
    assert index.search_ready
    assert index.search is search


def test_prepare_builds_every_part_once(tinyconf: Program) -> None:
    index = ProgramIndex(tinyconf)
    index.prepare([date(2026, 3, 8)])
    assert index.search_ready
    assert set(index._ordered) == set(index.filed_days)
    search, in_order = index.search, index.in_order
    index.prepare()
    assert index.search is search
    assert index.in_order is in_order


def _module_level_id_keys(source: str) -> list[int]:
    """Lines where a module-level dict is indexed or filled with ``id(...)`` as the key."""
    tree = ast.parse(source)
    module_names = {
        target.id
        for node in tree.body
        if isinstance(node, ast.Assign | ast.AnnAssign)
        for target in (node.targets if isinstance(node, ast.Assign) else [node.target])
        if isinstance(target, ast.Name)
    }
    found = []
    for node in ast.walk(tree):
        key: ast.expr | None = None
        holder: ast.expr | None = None
        if isinstance(node, ast.Subscript):
            key, holder = node.slice, node.value
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in ("get", "pop", "setdefault")
            and node.args
        ):
            key, holder = node.args[0], node.func.value
        if (
            isinstance(holder, ast.Name)
            and holder.id in module_names
            and isinstance(key, ast.Call | ast.Name)
            and _is_id_call(key, tree)
        ):
            found.append(node.lineno)
    return sorted(found)


def _is_id_call(key: ast.expr, tree: ast.Module) -> bool:
    """True when ``key`` is ``id(...)``, or a name assigned ``id(...)`` somewhere in ``tree``."""

    def is_id(expr: ast.expr) -> bool:
        return (
            isinstance(expr, ast.Call) and isinstance(expr.func, ast.Name) and expr.func.id == "id"
        )

    if is_id(key):
        return True
    if isinstance(key, ast.Name):
        return any(
            isinstance(node, ast.Assign)
            and is_id(node.value)
            and any(isinstance(t, ast.Name) and t.id == key.id for t in node.targets)
            for node in ast.walk(tree)
        )
    return False


def test_no_module_level_cache_is_keyed_by_id() -> None:
    # Derived data belongs to the program's index; a global dict keyed by id() outlives the
    # program (or needs weakref tricks) and hides which program an answer came from.
    source_root = ROOT / "src" / "confterm"
    offenders = [
        f"{path.relative_to(source_root)}:{line}"
        for path in sorted(source_root.rglob("*.py"))
        for line in _module_level_id_keys(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_the_id_cache_check_finds_one() -> None:
    old = (
        "_CACHE = {}\n"
        "def get(program):\n"
        "    key = id(program)\n"
        "    if key not in _CACHE:\n"
        "        _CACHE[key] = 1\n"
        "    return _CACHE.get(id(program))\n"
    )
    assert _module_level_id_keys(old) == [5, 6]
    assert _module_level_id_keys("CACHE = {}\ndef f(x):\n    return CACHE[x.id]\n") == []


_TINYCONF = load_program_file(Path(__file__).parents[1] / "data" / "tinyconf.json")
# Titles alike but for case, digits (some only digits to str.isdigit, as "²"), and nothing.
_TITLE = st.text(alphabet="aAbB 19²٣ß", max_size=6)


@settings(max_examples=80, deadline=None)
@given(st.lists(st.tuples(_TITLE, st.sampled_from([0, 30, None])), min_size=1, max_size=12))
def test_a_days_order_is_sort_keys_whatever_the_titles(rows: list[tuple[str, int | None]]) -> None:
    """The day's sort uses the folded titles as keys when none has a digit and natural_key
    otherwise: either way the order is in_time_order's (by sort_key)."""
    first = _TINYCONF.sessions[0]
    assert first.start is not None
    sessions = [
        replace(
            first,
            id=f"s{n}",
            title=title,
            start=None if minutes is None else first.start + timedelta(minutes=minutes),
            end=None if minutes is None else first.start + timedelta(minutes=minutes + 30),
        )
        for n, (title, minutes) in enumerate(rows)
    ]
    index = ProgramIndex(replace(_TINYCONF, sessions=sessions))
    assert ids(index.sessions_on(first.day)) == ids(in_time_order(sessions))


@pytest.mark.parametrize("whole_program", [True, False])
def test_agenda_days_split_timed_and_tba_as_a_scan_does(
    program: Program, whole_program: bool
) -> None:
    """The whole program's days are cut from the index's days (timed ones first), a few
    bookmarks' grouped one by one: both hold the days a plain scan of the sorted sessions
    finds, with every day and every session kept."""

    class Mark:
        def __init__(self, item_id: str) -> None:
            self.kind, self.item_id, self.added_at = "session", item_id, datetime(2026, 1, 1)

    index = ProgramIndex(program)
    chosen = program.sessions if whole_program else program.sessions[::5]
    marks = [Mark(s.id) for s in chosen]
    assert any(not s.is_timed for s in program.sessions)  # TBA sessions to split off
    for day in [None, *index.days]:
        agenda = build_agenda(index, marks, whole_program=whole_program, day=day)
        scan: dict[date | None, tuple[list[str], list[str]]] = {}
        for session in in_time_order(chosen):
            if day is None or session.day == day:
                timed, tba = scan.setdefault(session.day, ([], []))
                (timed if session.is_timed else tba).append(session.id)
        assert {d.day: (ids(d.timed), ids(d.tba)) for d in agenda.days} == scan
        assert [d.day for d in agenda.days] == list(scan)
