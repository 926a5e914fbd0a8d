"""The first screen says how complete the program is: how many sessions have an announced
time, once, quietly at the right of the header, in the longest wording that fits."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from app_clock import DURING, AppFactory

from confterm.clock import Clock, parse_now
from confterm.model.program import Program
from confterm.store.bookmarks import BookmarkStore
from confterm.store.catalog import open_program
from confterm.tui.app import ConftermApp
from confterm.tui.state import AppState
from confterm.tui.widgets.header import ConfHeader

WIDE = (120, 40)
NARROW = (80, 24)


def _app_on(program: Program, data_dir: Path) -> ConftermApp:
    start = parse_now("2025-05-13T09:00:30", program.conference.zone)
    state = AppState(
        program=program, store=BookmarkStore.open(data_dir), clock=Clock(start, frozen=True)
    )
    return ConftermApp(state, reminders=False)


def _header(app: ConftermApp) -> str:
    return app.screen.query_one(ConfHeader).line().plain


async def test_the_bundled_program_says_5_of_22_wide_and_short_when_narrow(
    isolated_user_data: Path,
) -> None:
    program = open_program(None, None, isolated_user_data)
    app = _app_on(program, isolated_user_data)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        header = _header(app)
        assert header.endswith("5 of 22 sessions have an announced time")
        assert header.count("announced time") == 1
        assert len(header) <= WIDE[0] - 2
        assert app.screen.query_one(ConfHeader).tooltip == (
            "5 of 22 sessions have an announced time; the others say time TBA."
        )
        # It stays through a change of day; it is about the program, not the day.
        await pilot.press("right")
        await pilot.pause()
        assert _header(app).endswith("5 of 22 sessions have an announced time")
    app = _app_on(program, isolated_user_data)
    async with app.run_test(size=NARROW) as pilot:
        await pilot.pause()
        header = _header(app)
        assert header.endswith("5/22 timed")
        assert len(header) <= NARROW[0] - 2


async def test_any_program_with_tba_sessions_says_it(make_app: AppFactory) -> None:
    # tinyconf: 14 sessions, 2 of them ("Lightning Talks", "Birds of a Feather") without a time.
    app = make_app(DURING, reminders=False)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        assert _header(app).endswith("12 of 14 sessions have an announced time")


async def test_switching_conference_counts_the_new_program(make_app: AppFactory) -> None:
    app = make_app(DURING, reminders=False)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        app.switch_conference("mlsys2025")
        await pilot.pause(0.3)
        assert _header(app).endswith("5 of 22 sessions have an announced time")


async def test_a_fully_timed_program_says_nothing_more(
    tinyconf: Program, isolated_user_data: Path
) -> None:
    timed = [session for session in tinyconf.sessions if session.is_timed]
    program = replace(tinyconf, sessions=timed)
    app = _app_on(program, isolated_user_data)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        header = _header(app)
        assert "timed" not in header
        assert "announced" not in header
        assert app.screen.query_one(ConfHeader).tooltip is None
