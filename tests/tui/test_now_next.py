"""Now & next at moved clocks: before, during, between sessions, after; refresh; jumps."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from app_clock import DURING, AppFactory
from finder_host import HostApp, make_state
from row_text import drawn_rows
from textual.geometry import Region
from textual.widgets import Label

from confterm.model.program import Program
from confterm.model.targets import JumpTarget
from confterm.present.rows import Heading, SessionRow
from confterm.queries.nownext import now_and_next
from confterm.tui.screens.now_next import NowNextScreen
from confterm.tui.widgets.session_list import SessionList

NY = ZoneInfo("America/New_York")


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=NY)


def listing(app: HostApp) -> list[str]:
    return drawn_rows(app.screen.query_one(SessionList))


def message(app: HostApp) -> str:
    return str(app.screen.query_one("#now-message", Label).content)


async def test_during_a_session(tinyconf: Program) -> None:
    app = HostApp(make_state(tinyconf, at("2026-03-07T10:50")), NowNextScreen)
    async with app.run_test(size=(120, 30)):
        shown = listing(app)
        assert shown[0] == "In progress"
        assert "Parsing Schedules Without Tears" in shown[1]
        assert shown[1].endswith("25 min left")
        assert shown[2].endswith("40 min left")
        assert shown[3] == "Starting within 90 minutes"
        assert "Lunch" in shown[4]
        assert shown[4].endswith("in 1 h 10 min")
        assert message(app) == ""
        assert "Now 10:50" in str(app.screen.query_one("#now-title", Label).content)


async def test_between_sessions_and_refresh_as_time_passes(tinyconf: Program) -> None:
    state = make_state(tinyconf, at("2026-03-07T13:10"))
    app = HostApp(state, NowNextScreen)
    async with app.run_test(size=(120, 30)) as pilot:
        assert listing(app)[0] == "Starting within 90 minutes"
        assert "Poster Session A" in listing(app)[1]
        assert listing(app)[1].endswith("in 50 min")
        state.clock.advance(timedelta(hours=1))
        screen = app.screen
        assert isinstance(screen, NowNextScreen)
        screen.refresh_list()
        await pilot.pause()
        assert listing(app)[0] == "In progress"
        assert listing(app)[1].endswith("1 h 50 min left")
        await pilot.press("enter")
        assert app.results == [JumpTarget("session", "posters-a")]


async def test_between_days(tinyconf: Program) -> None:
    app = HostApp(make_state(tinyconf, at("2026-03-07T20:00")), NowNextScreen)
    async with app.run_test(size=(120, 30)) as pilot:
        assert listing(app) == []
        assert message(app) == "Nothing on now or in the next 90 minutes."
        await pilot.press("enter", "escape")
        assert app.results == [None]


async def test_before_the_conference_offers_the_first_day(tinyconf: Program) -> None:
    app = HostApp(make_state(tinyconf, at("2026-03-01T09:00")), NowNextScreen)
    async with app.run_test(size=(120, 30)) as pilot:
        assert listing(app) == []
        assert message(app) == (
            "TinyConf starts Sat 7 Mar at 08:00 (in 5 days). Press f to jump to the first day."
        )
        await pilot.press("f")
        assert app.results == [JumpTarget("session", "registration")]


async def test_after_the_conference(tinyconf: Program) -> None:
    app = HostApp(make_state(tinyconf, at("2026-04-01T09:00")), NowNextScreen)
    async with app.run_test(size=(120, 30)) as pilot:
        assert message(app).startswith("TinyConf ended Mon 9 Mar at 17:00.")
        await pilot.press("n")
        assert app.results == [None]


async def test_the_conference_is_over_line_fits_80_columns(tinyconf: Program) -> None:
    """The whole line, "Press f ..." included, is on screen at 80x24: it wraps, never cut."""
    long_name = replace(
        tinyconf,
        conference=replace(tinyconf.conference, short_name="The Long-Named Conference 2026"),
    )
    app = HostApp(make_state(long_name, at("2026-04-01T09:00")), NowNextScreen)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        label = app.screen.query_one("#now-message", Label)
        text = message(app)
        assert text.endswith("Press f to jump to the first day.")
        assert len(text) > label.parent.content_region.width  # type: ignore[union-attr]
        assert label.region.right <= label.parent.content_region.right  # type: ignore[union-attr]
        assert label.region.height == 2  # wrapped onto a second line
        region = Region(0, 0, label.size.width, label.size.height)
        shown = " ".join(" ".join(strip.text.split()) for strip in label.render_lines(region))
        assert "Press f to jump to the first day." in shown


async def test_refreshes_on_a_timer(tinyconf: Program) -> None:
    app = HostApp(make_state(tinyconf, at("2026-03-07T10:50")), NowNextScreen)
    async with app.run_test(size=(120, 30)):
        screen = app.screen
        assert any(abs(timer._interval - 30.0) < 1e-9 for timer in screen._timers)


def _crowded(tinyconf: Program, count: int) -> Program:
    """tinyconf plus ``count`` sessions on at 10:50 on day one, each in its own slot."""
    template = tinyconf.session_by_id["parsing-schedules"]
    start = at("2026-03-07T10:00")
    extra = [
        replace(
            template,
            id=f"crowd-{n}",
            title=f"Crowd talk {n}",
            start=start + timedelta(minutes=n % 60),
            end=start + timedelta(minutes=60 + n % 60),
        )
        for n in range(count)
    ]
    return replace(tinyconf, sessions=[*tinyconf.sessions, *extra])


async def test_a_long_list_makes_only_the_rows_it_draws(tinyconf: Program) -> None:
    # 2,000 sessions on at once (as at 50,000 sessions): the list is whole at once, in order,
    # but only the rows on screen are made; a row further down is made when reached.
    program = _crowded(tinyconf, 2000)
    state = make_state(program, at("2026-03-07T10:50"))
    result = now_and_next(state.index, at("2026-03-07T10:50"))
    expected = ["In progress", *(s.id for s, _ in result.in_progress)]
    expected += ["Starting within 90 minutes", *(s.id for s in result.upcoming)]
    app = HostApp(state, NowNextScreen)
    async with app.run_test(size=(120, 30)) as pilot:
        screen = app.screen
        assert isinstance(screen, NowNextScreen)
        await pilot.pause()
        sessions = screen.sessions
        assert len(sessions.rows) == len(expected)
        assert sessions.cursor == 1
        made = sessions.rows._made  # type: ignore[attr-defined]
        assert 0 < len(made) <= sessions.size.height
        shown = [row.text if isinstance(row, Heading) else row.session_id for row in sessions.rows]
        assert shown == expected
        # Moving far down keeps the highlight across a redraw (the clock's refresh).
        await pilot.press("end")
        wanted = screen.highlighted_session
        assert wanted == expected[-1]
        scrolled = sessions.scroll_offset.y
        assert scrolled > 0
        screen.refresh_list()
        await pilot.pause()
        assert screen.highlighted_session == wanted
        assert sessions.scroll_offset.y == scrolled  # the list did not jump
        await pilot.press("enter")
        assert app.results == [JumpTarget("session", wanted)]


async def test_b_and_space_bookmark_the_highlighted_session(tinyconf: Program) -> None:
    state = make_state(tinyconf, at("2026-03-07T10:50"))
    app = HostApp(state, NowNextScreen)
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.screen, NowNextScreen)
        assert app.screen.highlighted_session == "parsing-schedules"
        await pilot.press("b")
        await pilot.pause()
        assert set(state.bookmarks) == {"parsing-schedules"}
        assert listing(app)[1].startswith("★")
        assert app.screen.highlighted_session == "parsing-schedules"  # the highlight stays
        await pilot.press("down", "space")
        await pilot.pause()
        second = app.screen.highlighted_session
        assert second is not None
        assert second != "parsing-schedules"
        assert set(state.bookmarks) == {"parsing-schedules", second}
        await pilot.press("b")  # again: removed
        await pilot.pause()
        assert set(state.bookmarks) == {"parsing-schedules"}
        assert not listing(app)[2].startswith("★")
        assert app.results == []  # still open


async def test_b_in_now_and_next_stars_the_day_list_underneath(make_app: AppFactory) -> None:
    app = make_app(DURING)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        assert isinstance(app.screen, NowNextScreen)
        await pilot.press("b")
        await pilot.pause()
        assert set(app.state.bookmarks) == {"parsing-schedules"}
        await pilot.press("escape")
        await pilot.pause()
        rows = app.main.query_one(SessionList).rows
        marked = {r.session_id for r in rows if isinstance(r, SessionRow) and r.bookmarked}
        assert marked == {"parsing-schedules"}
