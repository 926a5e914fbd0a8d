"""Reminders in the real app: the alert names the room and stays until dismissed; the
reminders shown can be listed again (``r``, shown in the key bar once there is one, and the
palette's "Reminders"); Enter there goes to the session."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from app_clock import AppFactory

from confterm.model.targets import JumpTarget
from confterm.store.bookmarks import BookmarkStore
from confterm.tui.screens.main import MainScreen
from confterm.tui.screens.reminders import RecentReminders, ReminderAlert
from confterm.tui.widgets.key_bar import KeyBar

BEFORE_KEYNOTE = "2026-03-07T08:40:00"  # the 09:00 keynote is 20 minutes away


def _bookmark(data_dir: Path) -> None:
    with BookmarkStore.open(data_dir) as store:
        store.add("tinyconf", ["opening-keynote", "parsing-schedules"])


def _keys(screen: object) -> set[str]:
    assert isinstance(screen, MainScreen)
    keys, _palette = screen.query_one(KeyBar).entries()
    return {key.description for key in keys}


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_a_reminder_stays_then_the_recent_list_reopens_it(
    make_app: AppFactory, isolated_user_data: Path, size: tuple[int, int]
) -> None:
    _bookmark(isolated_user_data)
    app = make_app(BEFORE_KEYNOTE)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        main = app.screen
        assert "Reminders" not in _keys(main)
        # r before any reminder says when they come.
        await pilot.press("r")
        await pilot.pause()
        assert app.screen is main
        assert (
            "No reminder yet: one comes 10 minutes before" in list(app._notifications)[-1].message
        )
        timer = app.reminder_timer
        assert timer is not None
        app.state.clock.advance(timedelta(minutes=11))  # 08:51
        timer.check()
        await pilot.pause()
        alert = app.screen
        assert isinstance(alert, ReminderAlert)
        assert alert.lines == ["09:00–10:00 Opening Keynote: Terminals Forever · Main Hall"]
        # Keys meant for the screen below do nothing to it: it stays until dismissed.
        await pilot.press("down", "a", "x")
        await pilot.pause(0.3)
        assert app.screen is alert
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is main
        # The key to the list is on screen now.
        assert "Reminders" in _keys(main)
        app.state.clock.advance(timedelta(minutes=90))  # 10:21
        timer.check()
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        recent = app.screen
        assert isinstance(recent, RecentReminders)
        assert [r.session_id for r in recent.reminded] == ["parsing-schedules", "opening-keynote"]
        await pilot.press("down", "enter")  # the older one: the keynote
        await pilot.pause()
        assert app.screen is main
        assert main.current_target() == JumpTarget("session", "opening-keynote")


async def test_the_palette_lists_recent_reminders(
    make_app: AppFactory, isolated_user_data: Path
) -> None:
    _bookmark(isolated_user_data)
    app = make_app("2026-03-07T08:55:00")  # the keynote is due at start
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, ReminderAlert)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"reminders")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, RecentReminders)
        assert [r.session_id for r in app.screen.reminded] == ["opening-keynote"]
