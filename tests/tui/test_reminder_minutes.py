"""The app reminds as many minutes ahead as ``--remind`` says (10 by default; 0: never)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from app_clock import AppFactory

from confterm.store.bookmarks import BookmarkStore
from confterm.tui.app import ConftermApp
from confterm.tui.screens.reminders import ReminderAlert

SIX_BEFORE = "2026-03-07T08:54:00"  # the 09:00 keynote is 6 minutes away


def bookmark_keynote(data_dir: Path) -> None:
    with BookmarkStore.open(data_dir) as store:
        store.add("tinyconf", ["opening-keynote"])


def shown(app: ConftermApp) -> list[str]:
    """The lines of the reminder alert on top, if one is."""
    screen = app.screen
    return screen.lines if isinstance(screen, ReminderAlert) else []


async def test_five_minutes_reminds_at_five_not_six(
    make_app: AppFactory, isolated_user_data: Path
) -> None:
    bookmark_keynote(isolated_user_data)
    app = make_app(SIX_BEFORE, remind_minutes=5)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.pause()
        timer = app.reminder_timer
        assert timer is not None
        # The check at start ran 6 minutes before: too early for a 5-minute reminder.
        assert shown(app) == []
        assert timer.check() == []
        app.state.clock.advance(timedelta(minutes=1))  # 08:55
        assert [s.id for s in timer.check()] == ["opening-keynote"]
        await pilot.pause()
        assert shown(app) == ["09:00–10:00 Opening Keynote: Terminals Forever · Main Hall"]


async def test_the_default_reminds_six_minutes_before(
    make_app: AppFactory, isolated_user_data: Path
) -> None:
    bookmark_keynote(isolated_user_data)
    app = make_app(SIX_BEFORE)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert app.remind_minutes == 10
        assert shown(app) == ["09:00–10:00 Opening Keynote: Terminals Forever · Main Hall"]


async def test_zero_minutes_never_reminds(make_app: AppFactory, isolated_user_data: Path) -> None:
    bookmark_keynote(isolated_user_data)
    app = make_app("2026-03-07T08:59:00", remind_minutes=0)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert app.reminder_timer is None
        assert shown(app) == []
