"""The pure data-to-rows functions behind the app's lists."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from confterm.model.program import Program, Session
from confterm.model.targets import JumpTarget
from confterm.present.day_rows import day_rows
from confterm.present.rows import (
    NO_LOCATION,
    PAPERS_NOT_PLACED,
    TBA_HEADING,
    BoothRow,
    Heading,
    PaperRow,
    SessionRow,
    agenda_rows,
    author_line,
    booth_rows,
    paper_rows,
    session_row,
)
from confterm.queries.agenda import build_agenda, overlaps, sessions_by_day
from confterm.queries.index import ProgramIndex
from confterm.store.bookmarks import Bookmark, ItemKind
from confterm.text import one_line


def day1(tinyconf: Program, bookmarked: set[str]) -> list[Heading | SessionRow]:
    rows = day_rows(
        tinyconf,
        sessions_by_day(ProgramIndex(tinyconf))[date(2026, 3, 7)],
        tinyconf.conference.zone,
        bookmarked,
    )
    assert all(isinstance(r, (Heading, SessionRow)) for r in rows)
    return list(rows)  # type: ignore[arg-type]


def has_clash(session: Session, bookmarked: Iterable[Session]) -> bool:
    """True when ``session`` overlaps a bookmarked session other than itself (what a row's
    clash mark means), worked out here on datetimes as a check of DayRows's timestamps."""
    return any(other.id != session.id and overlaps(session, other) for other in bookmarked)


def test_day_rows_group_by_start_with_tba_last(tinyconf: Program) -> None:
    rows = day1(tinyconf, set())
    headings = [r.text for r in rows if isinstance(r, Heading)]
    assert headings == ["08:00", "09:00", "10:30", "10:45", "12:00", "14:00", TBA_HEADING]
    first = rows[1]
    assert isinstance(first, SessionRow)
    # No "Reg." beside "Registration": the kind is left out where the title says it.
    assert (first.time, first.kind, first.title, first.room) == (
        "08:00–09:00",
        "",
        "Registration",
        "Lobby",
    )
    caches = next(r for r in rows if isinstance(r, SessionRow) and r.session_id == "caches-talk")
    assert (caches.kind, caches.title) == ("Invited", "Clashing Talk About Caches")
    last = rows[-1]
    assert isinstance(last, SessionRow)
    assert (last.session_id, last.time, last.kind) == ("lightning-1", "time TBA", "")


def test_clash_marks_overlap_with_a_bookmark(tinyconf: Program) -> None:
    rows = {
        r.session_id: r for r in day1(tinyconf, {"parsing-schedules"}) if isinstance(r, SessionRow)
    }
    assert rows["parsing-schedules"].bookmarked
    assert not rows["parsing-schedules"].clash  # alone, it clashes with nothing
    assert rows["caches-talk"].clash  # overlaps the bookmark
    assert not rows["lunch-1"].clash


def test_remark_updates_only_affected_rows(tinyconf: Program) -> None:
    rows = day_rows(
        tinyconf,
        sessions_by_day(ProgramIndex(tinyconf))[date(2026, 3, 7)],
        tinyconf.conference.zone,
        set(),
    )
    list(rows)  # every row made, as if all were on screen
    changed = rows.remark(["caches-talk"], {"caches-talk"})
    by_index = {i: rows[i] for i in changed}
    assert {r.session_id for r in by_index.values() if isinstance(r, SessionRow)} == {
        "caches-talk",
        "parsing-schedules",
    }
    caches = next(r for r in rows if isinstance(r, SessionRow) and r.session_id == "caches-talk")
    parsing = rows[rows.index_of(JumpTarget("session", "parsing-schedules")) or 0]
    assert caches.bookmarked
    assert not caches.clash
    assert isinstance(parsing, SessionRow)
    assert parsing.clash
    assert not parsing.bookmarked


def test_rows_not_yet_made_see_the_new_bookmarks(tinyconf: Program) -> None:
    rows = day_rows(
        tinyconf,
        sessions_by_day(ProgramIndex(tinyconf))[date(2026, 3, 7)],
        tinyconf.conference.zone,
        set(),
    )
    assert rows.remark(["caches-talk"], {"caches-talk"}) == []  # nothing made, nothing redrawn
    parsing = rows[rows.index_of(JumpTarget("session", "parsing-schedules")) or 0]
    assert isinstance(parsing, SessionRow)
    assert parsing.clash


def test_lazy_rows_match_an_eager_build(tinyconf: Program) -> None:
    zone = tinyconf.conference.zone
    marks = {"parsing-schedules", "closing-keynote"}
    for day, sessions in sessions_by_day(ProgramIndex(tinyconf)).items():
        rows = day_rows(tinyconf, sessions, zone, marks)
        made = list(rows)
        assert len(made) == len(rows) == len(sessions) + len({s.start for s in sessions})
        for session in sessions:
            index = rows.index_of(JumpTarget("session", session.id))
            assert index is not None, (day, session.id)
            row = made[index]
            assert row == session_row(
                tinyconf,
                session,
                zone,
                bookmarked=session.id in marks,
                clash=has_clash(session, [tinyconf.session_by_id[m] for m in marks]),
            )
        assert rows[-1] == made[-1]
        assert rows[1:3] == made[1:3]


def test_time_column_widens_for_sessions_past_midnight(tinyconf: Program) -> None:
    zone = tinyconf.conference.zone
    sessions = sessions_by_day(ProgramIndex(tinyconf))[date(2026, 3, 7)]
    assert day_rows(tinyconf, sessions, zone, set()).time_width == 11
    late = replace(
        sessions[-3],
        **{
            "id": "late-party",
            "start": datetime(2026, 3, 7, 22, 0, tzinfo=zone),
            "end": datetime(2026, 3, 8, 1, 0, tzinfo=zone),
        },
    )
    rows = day_rows(tinyconf, [*sessions[:-2], late, *sessions[-2:]], zone, set())
    assert rows.time_width == len("22:00–01:00+1")


def test_markup_titles_stay_plain_and_lose_escapes(tinyconf: Program) -> None:
    rows = day_rows(
        tinyconf,
        sessions_by_day(ProgramIndex(tinyconf))[date(2026, 3, 8)],
        tinyconf.conference.zone,
        set(),
    )
    titles = [r.title for r in rows if isinstance(r, SessionRow)]
    assert titles[0] == "[bold]Not bold[/] and [@click=app.quit]no action[/] red"


def test_booth_and_paper_rows(tinyconf: Program) -> None:
    booths = booth_rows(tinyconf, {"acme"})
    assert booths == [
        BoothRow("acme", "Acme Corp", "Gold", "Booth 12", to_visit=True),
        BoothRow("globex", "Globex", "Silver", NO_LOCATION, to_visit=False),
    ]
    papers = paper_rows(tinyconf, tinyconf.conference.zone)
    assert isinstance(papers[0], PaperRow)
    assert papers[0].session == "Poster Session A · Sat 14:00"
    assert isinstance(papers[-1], PaperRow)
    assert papers[-1].session == "session not announced"


def test_papers_without_a_known_session_come_last_under_their_own_heading(
    tinyconf: Program,
) -> None:
    # The orphan filed first, where it would read as the next session's paper.
    orphan = next(p for p in tinyconf.papers if p.session is None)
    program = replace(tinyconf, papers=[orphan, *(p for p in tinyconf.papers if p is not orphan)])
    rows = paper_rows(program, program.conference.zone, {"orphan-paper"})
    placed = [p.id for p in tinyconf.papers if p.session is not None]
    assert [r.paper_id for r in rows[: len(placed)] if isinstance(r, PaperRow)] == placed
    assert rows[len(placed)] == Heading(PAPERS_NOT_PLACED)
    assert rows[len(placed) + 1 :] == [
        PaperRow(
            "orphan-paper",
            one_line(orphan.title),
            author_line(orphan),
            "session not announced",
            starred=True,
        )
    ]
    # Every paper placed: no heading at all.
    placed_only = replace(tinyconf, papers=[p for p in tinyconf.papers if p.session])
    assert not any(
        isinstance(r, Heading) for r in paper_rows(placed_only, tinyconf.conference.zone)
    )


def test_kept_rows_show_bookmarks_changed_meanwhile(tinyconf: Program) -> None:
    rows = day_rows(
        tinyconf,
        sessions_by_day(ProgramIndex(tinyconf))[date(2026, 3, 7)],
        tinyconf.conference.zone,
        set(),
    )
    index = rows.index_of(JumpTarget("session", "parsing-schedules"))
    assert index is not None
    before = rows[index]
    assert isinstance(before, SessionRow)
    assert not before.bookmarked
    rows.reset_marks({"parsing-schedules", "caches-talk"})  # another day was shown meanwhile
    after = rows[index]
    assert isinstance(after, SessionRow)
    assert after.bookmarked
    assert after.clash


def test_rows_on_another_local_date_name_its_weekday(tinyconf: Program) -> None:
    # Day 1 in Tokyo: 08:00 in New York is 22:00 on Saturday, 10:30 is 00:30 on Sunday.
    tokyo = ZoneInfo("Asia/Tokyo")
    sessions = sessions_by_day(ProgramIndex(tinyconf))[date(2026, 3, 7)]
    rows = day_rows(tinyconf, sessions, tokyo, set())
    headings = [r.text for r in rows if isinstance(r, Heading)]
    assert headings[:3] == ["22:00", "23:00", "Sun 00:30"]
    times = {r.session_id: r.time for r in rows if isinstance(r, SessionRow)}
    assert times["registration"] == "22:00–23:00"
    assert times["opening-keynote"] == "23:00–00:00+1"
    assert times["parsing-schedules"] == "Sun 00:30–01:15"
    assert rows.time_width == len("Sun 00:30–01:15")
    # Only the late ones (not past midnight themselves) need the weekday: still measured.
    assert day_rows(tinyconf, sessions[3:4], tokyo, set()).time_width == len("Sun 00:45–01:30")
    assert day_rows(tinyconf, sessions[:1], tokyo, set()).time_width == 11


def test_agenda_rows_name_the_weekday_under_the_conference_day(tinyconf: Program) -> None:
    marks = [
        Bookmark(
            "tinyconf", ItemKind.SESSION, "parsing-schedules", datetime(2026, 1, 1, tzinfo=UTC)
        )
    ]
    rows = agenda_rows(build_agenda(ProgramIndex(tinyconf), marks), ZoneInfo("Asia/Tokyo"))
    assert rows[0] == Heading("Sat 7 Mar")
    assert isinstance(rows[1], SessionRow)
    assert rows[1].time == "Sun 00:30–01:15"
