"""The pure data-to-rows functions behind the app's lists."""

from __future__ import annotations

from datetime import date

from confterm.agenda import sessions_by_day
from confterm.model.program import Program
from confterm.tui.rows import (
    NO_LOCATION,
    TBA_HEADING,
    BoothRow,
    Heading,
    PaperRow,
    SessionRow,
    booth_rows,
    day_rows,
    paper_rows,
    remark,
)


def day1(tinyconf: Program, bookmarked: set[str]) -> list[Heading | SessionRow]:
    rows = day_rows(
        tinyconf, sessions_by_day(tinyconf)[date(2026, 3, 7)], tinyconf.conference.zone, bookmarked
    )
    assert all(isinstance(r, (Heading, SessionRow)) for r in rows)
    return rows  # type: ignore[return-value]


def test_day_rows_group_by_start_with_tba_last(tinyconf: Program) -> None:
    rows = day1(tinyconf, set())
    headings = [r.text for r in rows if isinstance(r, Heading)]
    assert headings == ["08:00", "09:00", "10:30", "10:45", "12:00", "14:00", TBA_HEADING]
    first = rows[1]
    assert isinstance(first, SessionRow)
    assert (first.time, first.kind, first.title, first.room) == (
        "08:00–09:00",
        "Reg.",
        "Registration",
        "Lobby",
    )
    last = rows[-1]
    assert isinstance(last, SessionRow)
    assert (last.session_id, last.time) == ("lightning-1", "time TBA")


def test_clash_marks_overlap_with_a_bookmark(tinyconf: Program) -> None:
    rows = {
        r.session_id: r for r in day1(tinyconf, {"parsing-schedules"}) if isinstance(r, SessionRow)
    }
    assert rows["parsing-schedules"].bookmarked
    assert not rows["parsing-schedules"].clash  # alone, it clashes with nothing
    assert rows["caches-talk"].clash  # overlaps the bookmark
    assert not rows["lunch-1"].clash


def test_remark_updates_only_affected_rows(tinyconf: Program) -> None:
    rows: list = day1(tinyconf, set())
    changed = remark(tinyconf, rows, ["caches-talk"], {"caches-talk"})
    ids = {rows[i].session_id for i in changed}
    assert ids == {"caches-talk", "parsing-schedules"}
    assert rows[changed[0]].clash or rows[changed[1]].clash


def test_markup_titles_stay_plain_and_lose_escapes(tinyconf: Program) -> None:
    rows = day_rows(
        tinyconf, sessions_by_day(tinyconf)[date(2026, 3, 8)], tinyconf.conference.zone, set()
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
    assert papers[0].session == "Sat 7 Mar 14:00 · Poster Session A"
    assert isinstance(papers[-1], PaperRow)
    assert papers[-1].session == "session not announced"
