"""The search dialog: ranked hits as you type, day and time shown, Enter jumps, Esc restores."""

from __future__ import annotations

import copy

import pytest
from app_clock import AppFactory
from finder_host import HostApp, make_state
from textual.widgets import Input, Label, OptionList

from confterm.model.program import Program
from confterm.model.targets import JumpTarget
from confterm.tui.screens.detail_screen import DetailScreen
from confterm.tui.screens.search import SearchScreen
from confterm.tui.widgets.session_detail import SessionDetail


def prompts(app: HostApp) -> list[str]:
    results = app.screen.query_one(OptionList)
    return [str(results.get_option_at_index(i).prompt) for i in range(results.option_count)]


def ids(app: HostApp) -> list[str | None]:
    results = app.screen.query_one(OptionList)
    return [results.get_option_at_index(i).id for i in range(results.option_count)]


async def test_ranked_as_you_type_with_bookmarks_first(tinyconf: Program) -> None:
    state = make_state(tinyconf)
    state.toggle(JumpTarget("session", "closing-keynote"))
    app = HostApp(state, SearchScreen)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press(*"keyn")
        assert app.screen.query_one(Input).value == "keyn"
        assert ids(app) == ["session:closing-keynote", "session:opening-keynote"]
        first, second = prompts(app)
        assert first.startswith("★ Mon 9 Mar 16:00–17:00")
        assert "Closing Keynote" in first
        assert second.startswith("  Sat 7 Mar 09:00–10:00")
        await pilot.press("backspace", "backspace", "backspace", "backspace", *"acme")
        assert ids(app) == ["booth:acme"]
        assert "Booth 12" in prompts(app)[0]
        await pilot.press(*"zzz")
        assert ids(app) == []


async def test_enter_jumps_to_the_highlighted_hit(tinyconf: Program) -> None:
    app = HostApp(make_state(tinyconf), SearchScreen)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press(*"ada lovelace")
        assert ids(app)[:3] == [
            "session:opening-keynote",
            "session:textual-workshop",
            "session:future-panel",
        ]
        await pilot.press("down", "down", "up", "enter")
        assert app.results == [JumpTarget("session", "textual-workshop")]
        assert app.screen.query_one("#underneath")


async def test_escape_restores_where_the_user_was(tinyconf: Program) -> None:
    app = HostApp(make_state(tinyconf), SearchScreen)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press(*"caches", "escape")
        assert app.results == [None]
        assert not isinstance(app.screen, SearchScreen)
        # Enter with no hit does nothing.
        app.open()
        await pilot.pause()
        await pilot.press(*"zzz", "enter")
        assert isinstance(app.screen, SearchScreen)


async def test_data_is_shown_literally(tinyconf: Program) -> None:
    app = HostApp(make_state(tinyconf), SearchScreen)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press(*"not bold")
        shown = prompts(app)[0]
        assert "[bold]Not bold[/] and [@click=app.quit]no action[/] red" in shown
        assert "\x1b" not in shown


async def test_a_large_program_is_indexed_in_the_background(
    tinyconf: Program, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("confterm.tui.screens.search.BACKGROUND_INDEX_FROM", 0)
    app = HostApp(make_state(copy.deepcopy(tinyconf)), lambda v: SearchScreen(v, "lunch"))
    async with app.run_test(size=(120, 30)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert ids(app) == ["session:lunch-1"]
        await pilot.press("enter")
        assert app.results == [JumpTarget("session", "lunch-1")]


async def test_only_the_best_hits_are_listed_then_how_many_more(
    tinyconf: Program, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = HostApp(make_state(tinyconf), SearchScreen)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press(*"ada lovelace")
        ranked = ids(app)
        assert len(ranked) >= 3
        # Fewer lines listed: the same ranking, cut, and a line saying what is left.
        monkeypatch.setattr("confterm.tui.screens.search.RESULTS_SHOWN", 2)
        await pilot.press("backspace", "e")
        assert ids(app) == [*ranked[:2], "more"]
        assert prompts(app)[-1] == f"  {len(ranked) - 2} more — keep typing to narrow the search"
        # The last line is never highlighted nor chosen.
        await pilot.press("down", "down", "down", "enter")
        assert app.results == [JumpTarget(*ranked[1].split(":"))]  # type: ignore[union-attr]


async def test_b_in_the_list_and_ctrl_t_in_the_input_bookmark_the_hit(tinyconf: Program) -> None:
    """Not ctrl+b, tmux's prefix (tmux keeps it); the key is named in the status line."""
    state = make_state(tinyconf)
    app = HostApp(state, SearchScreen)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*"ada lovelace", "b")
        assert app.screen.query_one(Input).value == "ada lovelaceb"  # a letter in the input
        assert set(state.bookmarks) == set()
        await pilot.press("backspace")
        status = str(app.screen.query_one("#search-status", Label).render())
        assert "ctrl+t bookmarks" in status
        await pilot.press("down", "ctrl+b")  # tmux's prefix: nothing here
        await pilot.pause()
        assert set(state.bookmarks) == set()
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert set(state.bookmarks) == {"textual-workshop"}
        # Bookmarks rank first: the hit moves up, starred, and stays highlighted.
        assert ids(app)[0] == "session:textual-workshop"
        assert prompts(app)[0].startswith("★")
        results = app.screen.query_one(OptionList)
        assert results.highlighted == 0
        results.focus()
        await pilot.press("b")
        await pilot.pause()
        assert set(state.bookmarks) == set()
        assert app.screen.query_one(Input).value == "ada lovelace"
        assert app.results == []  # still open


async def test_enter_on_a_hit_opens_its_detail_in_the_app(make_app: AppFactory) -> None:
    app = make_app(reminders=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("slash", *"closing keynote")
        for _ in range(50):
            await pilot.pause(0.05)
            if getattr(app.screen, "hits", None):
                break
        await pilot.press("enter")
        await pilot.pause()
        # At 80 columns the detail is a screen of its own, over the hit's row.
        assert isinstance(app.screen, DetailScreen)
        assert app.screen.target == JumpTarget("session", "closing-keynote")
        assert "Closing Keynote" in app.screen.query_one(SessionDetail).text
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is app.main
        assert app.main.current_target() == JumpTarget("session", "closing-keynote")


async def test_the_screen_beneath_is_not_drawn_through_search(tinyconf: Program) -> None:
    # A translucent search screen drew the whole main screen again, tinted, on every frame
    # (most of the cost of opening it on a large program); it is opaque, as now & next is.
    app = HostApp(make_state(tinyconf), SearchScreen)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press(*"keyn")
        assert isinstance(app.screen, SearchScreen)
        assert app.screen.styles.background.a == 1
        shown = "\n".join(strip.text for strip in app.screen._compositor.render_strips())
        assert "Keynote" in shown
        assert "where the user was" not in shown
