"""Tests of the pure agenda queries: time order, clashes, --day, opening position, my agenda."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, date, datetime

import pytest

from confterm.errors import UsageError
from confterm.model.program import Program, Session
from confterm.queries.agenda import (
    build_agenda,
    clashes_with,
    current_or_next,
    day_sessions,
    find_clashes,
    opening_position,
    overlaps,
    program_days,
    resolve_day,
    session_times,
    sessions_by_day,
)
from confterm.queries.index import ProgramIndex, in_time_order


@dataclass(frozen=True)
class Mark:
    kind: str
    item_id: str
    added_at: datetime = datetime(2026, 1, 1, tzinfo=UTC)


def ids(sessions: object) -> list[str]:
    return [s.id for s in sessions]  # type: ignore[attr-defined]


def test_day_groups_put_timed_sessions_first_then_time_to_be_announced(tinyconf: Program) -> None:
    day1 = sessions_by_day(ProgramIndex(tinyconf))[date(2026, 3, 7)]
    assert ids(day1) == [
        "registration",
        "opening-keynote",
        "parsing-schedules",
        "caches-talk",
        "lunch-1",
        "posters-a",
        "lightning-1",
    ]
    assert ids(sessions_by_day(ProgramIndex(tinyconf))[None]) == ["bof-tba"]


def test_untimed_sessions_sort_numbers_naturally(tinyconf: Program) -> None:
    base = tinyconf.sessions[6]
    titles = ["Session 10", "Session 9", "Session 1"]
    sessions = [replace(base, id=f"s{i}", title=t) for i, t in enumerate(titles)]
    assert [s.title for s in in_time_order(sessions)] == ["Session 1", "Session 9", "Session 10"]


def test_program_days_are_the_conference_days(tinyconf: Program) -> None:
    assert program_days(ProgramIndex(tinyconf)) == [
        date(2026, 3, 7),
        date(2026, 3, 8),
        date(2026, 3, 9),
    ]


@pytest.mark.parametrize(
    ("spec", "expected"),
    [("1", date(2026, 3, 7)), ("3", date(2026, 3, 9)), ("2026-03-08", date(2026, 3, 8))],
)
def test_resolve_day_accepts_numbers_and_dates(
    tinyconf: Program, spec: str, expected: date
) -> None:
    assert resolve_day(ProgramIndex(tinyconf), spec) == expected


@pytest.mark.parametrize(
    ("spec", "message"),
    [("0", "no day 0"), ("4", "no day 4"), ("2026-03-10", "not a day"), ("monday", "neither")],
)
def test_resolve_day_rejects_days_outside_the_conference(
    tinyconf: Program, spec: str, message: str
) -> None:
    with pytest.raises(UsageError, match=message):
        resolve_day(ProgramIndex(tinyconf), spec)


def test_clashes_are_symmetric_and_touching_ends_do_not_clash(tinyconf: Program) -> None:
    day1 = sessions_by_day(ProgramIndex(tinyconf))[date(2026, 3, 7)]
    clashes = find_clashes(day1)
    assert clashes == {"parsing-schedules": ["caches-talk"], "caches-talk": ["parsing-schedules"]}
    # registration ends at 09:00 exactly when the keynote starts: no clash
    assert "registration" not in clashes


def test_clashes_with_only_looks_at_the_given_ids(tinyconf: Program) -> None:
    talk = tinyconf.session_by_id["parsing-schedules"]
    assert ids(clashes_with(ProgramIndex(tinyconf), talk, {"caches-talk", "lunch-1"})) == [
        "caches-talk"
    ]
    assert clashes_with(ProgramIndex(tinyconf), talk, {"lunch-1", "parsing-schedules"}) == []


def test_current_or_next(tinyconf: Program) -> None:
    day1 = sessions_by_day(ProgramIndex(tinyconf))[date(2026, 3, 7)]
    during = datetime(2026, 3, 7, 15, 0, tzinfo=UTC)  # 10:00 in New York: keynote just ended
    session = current_or_next(day1, during)
    assert session is not None
    assert session.id == "parsing-schedules"
    in_progress = datetime(2026, 3, 7, 14, 30, tzinfo=UTC)  # 09:30 New York
    session = current_or_next(day1, in_progress)
    assert session is not None
    assert session.id == "opening-keynote"
    assert current_or_next(day1, datetime(2026, 3, 8, tzinfo=UTC)) is None


def test_current_prefers_the_session_that_started_last(tinyconf: Program) -> None:
    # FOSDEM at 14:05: an all-day Infodesk (09:00–18:00) and a 14:00 talk are both on; the
    # talk is what "now" means.
    zone = tinyconf.conference.zone
    base = tinyconf.session_by_id["registration"]

    def at(session_id: str, start: tuple[int, int], end: tuple[int, int]) -> Session:
        return replace(
            base,
            **{
                "id": session_id,
                "start": datetime(2026, 3, 7, *start, tzinfo=zone),
                "end": datetime(2026, 3, 7, *end, tzinfo=zone),
            },
        )

    infodesk = at("infodesk", (9, 0), (18, 0))
    talk = at("talk", (14, 0), (14, 50))
    long_talk = at("long-talk", (14, 0), (15, 30))
    later = at("later", (14, 30), (15, 0))
    sessions = [infodesk, long_talk, talk, later]  # in time order, as a day's are
    now = datetime(2026, 3, 7, 14, 5, tzinfo=zone)
    # Same start: the one ending first.
    assert current_or_next(sessions, now) is talk
    assert current_or_next([infodesk, long_talk], now) is long_talk
    assert current_or_next([infodesk], now) is infodesk
    # "Next" is unchanged: nothing in progress, the earliest start after now.
    assert current_or_next([later, at("last", (16, 0), (17, 0))], now) is later
    # On tinyconf at 10:50 both Parsing (10:30) and Caches (10:45) are on: Caches began last.
    day1 = sessions_by_day(ProgramIndex(tinyconf))[date(2026, 3, 7)]
    current = current_or_next(day1, datetime(2026, 3, 7, 10, 50, tzinfo=zone))
    assert current is not None
    assert current.id == "caches-talk"


def test_opening_position_inside_and_outside_the_conference(tinyconf: Program) -> None:
    inside = datetime(2026, 3, 8, 15, 0, tzinfo=UTC)  # 11:00 EDT on day 2: the workshop
    assert opening_position(ProgramIndex(tinyconf), inside) == (
        date(2026, 3, 8),
        "textual-workshop",
    )
    before = datetime(2025, 1, 1, tzinfo=UTC)
    assert opening_position(ProgramIndex(tinyconf), before) == (date(2026, 3, 7), None)


def test_agenda_keeps_missing_bookmarks_and_lists_booths(tinyconf: Program) -> None:
    marks = [
        Mark("session", "caches-talk"),
        Mark("session", "parsing-schedules"),
        Mark("session", "lightning-1"),
        Mark("session", "gone-session"),
        Mark("booth", "acme"),
        Mark("booth", "gone-booth"),
    ]
    agenda = build_agenda(ProgramIndex(tinyconf), marks)
    assert [d.day for d in agenda.days] == [date(2026, 3, 7)]
    assert ids(agenda.days[0].timed) == ["parsing-schedules", "caches-talk"]
    assert ids(agenda.days[0].tba) == ["lightning-1"]
    assert agenda.clashes["caches-talk"] == ["parsing-schedules"]
    assert [b.id for b in agenda.booths] == ["acme"]
    assert [(m.kind, m.item_id) for m in agenda.missing] == [
        ("session", "gone-session"),
        ("booth", "gone-booth"),
    ]


def test_whole_program_agenda_for_one_day(tinyconf: Program) -> None:
    agenda = build_agenda(
        ProgramIndex(tinyconf),
        [Mark("session", "night-social")],
        whole_program=True,
        day=date(2026, 3, 8),
    )
    assert ids(agenda.days[0].sessions) == [
        "markup-title",
        "textual-workshop",
        "future-panel",
        "night-social",
    ]
    assert agenda.booths == []
    assert agenda.clashes == {}


def test_empty_agenda_is_empty(tinyconf: Program) -> None:
    agenda = build_agenda(ProgramIndex(tinyconf), [])
    assert agenda.is_empty
    assert agenda.days == []


def test_day_sessions_are_sorted_once_and_copied(tinyconf: Program) -> None:
    day = date(2026, 3, 7)
    index = ProgramIndex(tinyconf)
    first = day_sessions(index, day)
    assert first == in_time_order(s for s in tinyconf.sessions if s.day == day)
    first.clear()  # a caller's copy: the cache is untouched
    assert day_sessions(index, day) == sessions_by_day(index)[day]
    assert list(sessions_by_day(index)) == [*program_days(index), None]
    assert day_sessions(index, date(1999, 1, 1)) == []


def test_session_times_are_the_sort_timestamps(tinyconf: Program) -> None:
    index = ProgramIndex(tinyconf)
    sessions = day_sessions(index, date(2026, 3, 8))
    times = session_times(index)
    for session in sessions:
        if session.start is None or session.end is None:
            assert session.id not in times
        else:
            assert times[session.id] == (session.start.timestamp(), session.end.timestamp())


def test_clashes_with_matches_overlaps(tinyconf: Program) -> None:
    everyone = [s.id for s in tinyconf.sessions]
    for session in tinyconf.sessions:
        expected = in_time_order(
            other
            for other in tinyconf.sessions
            if other.id != session.id and overlaps(session, other)
        )
        assert clashes_with(ProgramIndex(tinyconf), session, [*everyone, "no-such-id"]) == expected


def test_my_agenda_lists_clashes_in_time_order_whatever_the_set_order(tinyconf: Program) -> None:
    # Bookmarks come as a set, whose order changes from one process to the next: sessions
    # starting and ending together used to be listed in that order, so two exports of the
    # same agenda differed. They follow the time order now (same times: by title).
    talk = tinyconf.session_by_id["caches-talk"]
    twins = [replace(talk, id=f"twin-{n}", title=f"Twin {n}") for n in ("c", "a", "b", "d")]
    program = replace(tinyconf, sessions=[*tinyconf.sessions, *twins])
    chosen = ["parsing-schedules", "caches-talk", *(t.id for t in twins)]
    for marks in (chosen, chosen[::-1]):
        agenda = build_agenda(ProgramIndex(program), [Mark("session", i) for i in marks])
        assert agenda.clashes["parsing-schedules"] == [
            "caches-talk",
            "twin-a",
            "twin-b",
            "twin-c",
            "twin-d",
        ]
