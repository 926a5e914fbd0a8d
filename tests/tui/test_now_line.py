"""The now-line of today's list: where it sits, that it moves with the clock, that the cursor
skips it, and that other days (and days outside the conference) have none."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from app_clock import BEFORE, DURING, AppFactory

from confterm.clock import parse_now
from confterm.model.program import Program
from confterm.present.day_rows import day_rows
from confterm.present.rows import TBA_HEADING, Heading, NowLine, Row, SessionRow
from confterm.queries.agenda import sessions_by_day
from confterm.queries.index import ProgramIndex
from confterm.tui.app import ConftermApp
from confterm.tui.widgets.row_list import render_row
from confterm.tui.widgets.session_list import SessionList

WIDE = (120, 40)
DAY1 = date(2026, 3, 7)


def now_lines(rows: Sequence[Row]) -> list[int]:
    return [i for i, row in enumerate(rows) if isinstance(row, NowLine)]


def around(rows: Sequence[Row], index: int) -> tuple[str, str]:
    """What is just above and just below ``index``: a session id or a heading's text."""

    def name(row: Row) -> str:
        if isinstance(row, SessionRow):
            return row.session_id
        assert isinstance(row, Heading), row
        return row.text

    return name(rows[index - 1]), name(rows[index + 1])


def highlighted(app: ConftermApp) -> str | None:
    target = app.main.query_one(SessionList).current_target
    return target.item_id if target else None


async def test_line_between_sessions_started_and_to_come(make_app: AppFactory) -> None:
    app = make_app("2026-03-07T10:50:30")  # Sat 7 Mar 10:50
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        rows = app.main.query_one(SessionList).rows
        [index] = now_lines(rows)
        line = rows[index]
        assert isinstance(line, NowLine)
        assert line.time == "10:50"
        # Started at 10:45 (still running) above; the 12:00 group below.
        assert around(rows, index) == ("caches-talk", "12:00")


async def test_no_line_on_other_days_and_back_on_today(make_app: AppFactory) -> None:
    app = make_app(DURING)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await pilot.press("right")
        await pilot.pause()
        assert app.main.current_tab == "day-1"
        assert now_lines(app.main.query_one(SessionList).rows) == []
        await pilot.press("left")
        await pilot.pause()
        assert len(now_lines(app.main.query_one(SessionList).rows)) == 1


async def test_no_line_outside_the_conference(make_app: AppFactory) -> None:
    app = make_app(BEFORE)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        for _ in app.main.days:
            assert now_lines(app.main.query_one(SessionList).rows) == []
            await pilot.press("right")
            await pilot.pause()


async def test_cursor_skips_the_line(make_app: AppFactory) -> None:
    app = make_app(DURING)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        assert highlighted(app) == "parsing-schedules"  # in progress at 10:40
        await pilot.press("down")
        assert highlighted(app) == "caches-talk"  # over the now-line and the 10:45 heading
        await pilot.press("down")
        assert highlighted(app) == "lunch-1"
        await pilot.press("up")
        assert highlighted(app) == "caches-talk"


async def test_line_moves_with_the_clock_and_keeps_the_cursor(make_app: AppFactory) -> None:
    app = make_app(DURING)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await pilot.press("down")
        assert highlighted(app) == "caches-talk"
        app.state.clock.advance(timedelta(hours=1, minutes=30))  # 12:10
        app.main.day_pane.move_now_line()  # what the screen's interval calls
        await pilot.pause()
        session_list = app.main.query_one(SessionList)
        [index] = now_lines(session_list.rows)
        line = session_list.rows[index]
        assert isinstance(line, NowLine)
        assert line.time == "12:10"
        assert around(session_list.rows, index) == ("lunch-1", "14:00")
        assert highlighted(app) == "caches-talk"
        assert session_list.cursor is not None
        cursor_row = session_list.rows[session_list.cursor]
        assert isinstance(cursor_row, SessionRow)
        assert cursor_row.session_id == "caches-talk"
        # Late in the evening: after every timed session, above those with no time yet.
        app.state.clock.advance(timedelta(hours=8))
        app.main.day_pane.move_now_line()
        rows = session_list.rows
        [index] = now_lines(rows)
        assert around(rows, index) == ("posters-a", TBA_HEADING)


def test_line_on_top_before_the_first_session(tinyconf: Program) -> None:
    zone = tinyconf.conference.zone
    early = parse_now("2026-03-07T07:15:00", zone)
    rows = day_rows(tinyconf, sessions_by_day(ProgramIndex(tinyconf))[DAY1], zone, set(), early)
    assert now_lines(rows) == [0]
    assert isinstance(rows[1], Heading)
    assert rows[1].text == "08:00"
    # A session starting right now is above the line: it has begun.
    at_eight = parse_now("2026-03-07T08:00:00", zone)
    assert rows.set_now(at_eight)
    assert around(rows, now_lines(rows)[0]) == ("registration", "09:00")
    assert not rows.set_now(at_eight)  # nothing changed, nothing to redraw
    assert rows.set_now(None)
    assert now_lines(rows) == []


def test_line_text() -> None:
    assert render_row(NowLine("10:47"), 24).plain == "── now 10:47 " + "─" * 11
