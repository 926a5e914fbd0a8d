"""Switching conference from the command palette."""

from __future__ import annotations

from pathlib import Path

from app_clock import DURING, AppFactory

from confterm.store.bookmarks import BookmarkStore
from confterm.tui.commands import conference_entries
from confterm.tui.screens.main import MainScreen


def test_the_palette_offers_the_other_conferences(isolated_user_data: Path) -> None:
    entries = conference_entries(isolated_user_data, "tinyconf")
    assert [conference_id for _, _, conference_id in entries] == ["mlsys2025"]
    label, help_text, _ = entries[0]
    assert label == "Conference: Eighth Conference on Machine Learning and Systems (MLSys 2025)"
    assert "2025-05-12 to 2025-05-15" in help_text
    assert conference_entries(isolated_user_data, "mlsys2025") == []


async def test_switching_shows_the_other_program_and_keeps_bookmarks_apart(
    make_app: AppFactory, isolated_user_data: Path
) -> None:
    app = make_app(DURING)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("b")  # Parsing Schedules, in tinyconf
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Conference: Eighth")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert app.state.conference_id == "mlsys2025"
        assert isinstance(app.screen, MainScreen)
        assert app.screen.state is app.state
        header = str(app.screen.query_one("#header").render())
        assert "MLSys 2025" in header
        await pilot.press("b")
        await pilot.pause()
    with BookmarkStore.open(isolated_user_data) as store:
        assert store.ids("tinyconf") == {"parsing-schedules"}
        assert len(store.ids("mlsys2025")) == 1


async def test_a_broken_conference_is_reported_and_the_app_stays(
    make_app: AppFactory, isolated_user_data: Path
) -> None:
    app = make_app(DURING)
    async with app.run_test(size=(120, 40)) as pilot:
        app.switch_conference("no-such-conference")
        await pilot.pause()
        assert app.state.conference_id == "tinyconf"
        errors = [n.message for n in app._notifications if n.severity == "error"]
        assert any("no-such-conference" in message for message in errors)


async def test_switching_back_and_forth_keeps_one_main_screen(make_app: AppFactory) -> None:
    app = make_app(DURING, reminders=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("question_mark")  # a screen above the main one goes with its program
        await pilot.pause()
        app.switch_conference("mlsys2025")
        await pilot.pause()
        first = app.main
        app.switch_conference("mlsys2025")  # again: a fresh screen, as after an import
        await pilot.pause()
        assert app.state.conference_id == "mlsys2025"
        assert app.main is not first
        assert [type(screen) for screen in app.screen_stack] == [MainScreen]
        assert app.main.state is app.state
        # Only the mode shown is left: the earlier ones (and their screens) were removed.
        assert sum(len(stack) for stack in app._screen_stacks.values()) == 1
