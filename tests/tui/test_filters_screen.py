"""The filter dialog and bar: each filter, their combination, clearing, hidden places kept."""

from __future__ import annotations

from pathlib import Path

from app_clock import DURING, AppFactory
from finder_host import HostApp, make_state
from textual.app import App, ComposeResult

from confterm.model.program import Program, SessionKind
from confterm.model.targets import JumpTarget
from confterm.paths import user_data_dir
from confterm.present.rows import SessionRow
from confterm.queries.filters import Filters, load_hidden
from confterm.store.bookmarks import BookmarkStore
from confterm.tui.app import ConftermApp
from confterm.tui.screens.filters import FilterScreen
from confterm.tui.widgets.filter_bar import FilterBar
from confterm.tui.widgets.session_list import SessionList


def day_ids(app: ConftermApp) -> list[str]:
    rows = app.main.query_one(SessionList).rows
    return [r.session_id for r in rows if isinstance(r, SessionRow)]


async def test_kind_filter(tinyconf: Program) -> None:
    app = HostApp(make_state(tinyconf), FilterScreen)
    async with app.run_test(size=(120, 40)) as pilot:
        # Kinds by label: Break, Invited talk, Keynote, Lightning talk, Oral, ...
        await pilot.press("down", "down", "space", "down", "down", "space", "enter")
        (chosen,) = app.results
        assert chosen == Filters(kinds=frozenset({SessionKind.KEYNOTE, SessionKind.ORAL}))
        assert [s.id for s in chosen.apply(tinyconf.sessions)] == [
            "opening-keynote",
            "parsing-schedules",
            "oral-systems",
            "closing-keynote",
        ]


async def test_track_room_and_bookmarked_combined(tinyconf: Program) -> None:
    state = make_state(tinyconf)
    app = HostApp(state, FilterScreen)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("tab", "down", "space")  # track: Plenary, Systems, Tooling
        await pilot.press("tab", *"rooma", "space")  # room: typed to narrow to Room A
        await pilot.press("tab", "space")  # bookmarked only
        await pilot.press("enter")
        (chosen,) = app.results
        assert chosen == Filters(
            tracks=frozenset({"systems"}), rooms=frozenset({"room-a"}), bookmarked_only=True
        )
        assert chosen.describe(tinyconf) == "Track: Systems · Room: Room A · ★ only"
        shown = chosen.apply(tinyconf.sessions, {"oral-systems", "caches-talk"})
        assert [s.id for s in shown] == ["oral-systems"]


async def test_clear_key_and_cancel(tinyconf: Program) -> None:
    current = Filters(
        kinds=frozenset({SessionKind.PANEL}),
        rooms=frozenset({"lobby"}),
        bookmarked_only=True,
        hidden_tracks=frozenset({"tooling"}),
    )
    app = HostApp(make_state(tinyconf), lambda state: FilterScreen(state, current))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("escape")
        assert app.results == [None]
        app.open()
        await pilot.pause()
        await pilot.press("ctrl+x", "enter")
        assert app.results[1] == current.cleared()
        assert app.results[1] == Filters(hidden_tracks=frozenset({"tooling"}))


async def test_hidden_rooms_are_remembered(tinyconf: Program) -> None:
    state = make_state(tinyconf)
    app = HostApp(state, FilterScreen)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press(*["tab"] * 4, "down", "space", "enter")  # Hall B, Lobby, ...
        assert app.results[0].hidden_rooms == {"lobby"}
        state.set_filters(app.results[0])  # what the main screen does with the result
    # A new store on the same data dir: as after restarting the app.
    with BookmarkStore.open(user_data_dir()) as store:
        remembered = load_hidden(store, "tinyconf")
    assert remembered.hidden_rooms == {"lobby"}
    assert load_hidden(store, "another-conf").hidden_rooms == frozenset()
    shown = remembered.apply(tinyconf.sessions)
    assert not any(s.room == "lobby" for s in shown)
    # The dialog opens with the remembered choice ticked.
    again = HostApp(make_state(tinyconf), lambda v: FilterScreen(v, remembered))
    async with again.run_test(size=(120, 40)):
        screen = again.screen
        assert isinstance(screen, FilterScreen)
        assert screen.chosen().hidden_rooms == {"lobby"}
        assert "Hide rooms 1" in screen._sections_line()


class BarApp(App[None]):
    def compose(self) -> ComposeResult:
        yield FilterBar(id="bar")


async def test_filter_bar_shows_active_filters_only(tinyconf: Program) -> None:
    app = BarApp()
    async with app.run_test(size=(100, 5)) as pilot:
        bar = app.query_one(FilterBar)
        bar.show_filters(Filters(), tinyconf)
        await pilot.pause()
        assert not bar.display or bar.has_class("-inactive")
        assert bar.region.height == 0
        bar.show_filters(Filters(rooms=frozenset({"room-a"}), bookmarked_only=True), tinyconf)
        await pilot.pause()
        assert bar.region.height == 1
        assert bar.text == "Room: Room A · ★ only"
        assert "Filters: Room: Room A · ★ only" in str(bar.render())


async def test_filters_in_the_app(make_app: AppFactory) -> None:
    app = make_app(DURING)
    async with app.run_test(size=(120, 40)) as pilot:
        main = app.main
        bar = main.query_one(FilterBar)
        assert bar.region.height == 0
        everything = day_ids(app)
        assert "lunch-1" in everything
        await pilot.press("f")
        assert isinstance(app.screen, FilterScreen)
        await pilot.press("tab", "tab", *"room a", "enter")  # typed "room", space ticks Room A
        await pilot.pause()
        assert day_ids(app) == ["parsing-schedules"]
        assert bar.region.height == 1
        assert bar.text == "Room: Room A"
        # Jumping to a session the filters hide shows it rather than landing elsewhere.
        app.jump_to(JumpTarget("session", "lunch-1"))
        await pilot.pause()
        assert main.query_one(SessionList).current_target == JumpTarget("session", "lunch-1")
        assert not app.state.filters.is_active
        await pilot.press("f", *"keyn", "space", "enter")  # Keynote
        await pilot.pause()
        assert day_ids(app) == ["opening-keynote"]
        await pilot.press("x")
        await pilot.pause()
        assert day_ids(app) == everything
        assert bar.region.height == 0


async def test_hidden_rooms_apply_when_the_app_starts(
    make_app: AppFactory, isolated_user_data: Path
) -> None:
    with BookmarkStore.open(isolated_user_data) as store:
        store.set_pref("tinyconf", "hidden_rooms", '["lobby"]')
    app = make_app(DURING)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert "lunch-1" not in day_ids(app)
        assert "registration" not in day_ids(app)
        assert app.main.query_one(FilterBar).text == "1 hidden"


async def test_x_clears_hidden_rooms_and_tracks_too(
    make_app: AppFactory, isolated_user_data: Path
) -> None:
    # Issue 15, item 4: the banner says "x: clear", so x brings the whole program back.
    with BookmarkStore.open(isolated_user_data) as store:
        store.set_pref("tinyconf", "hidden_rooms", '["lobby"]')
        store.set_pref("tinyconf", "hidden_tracks", '["plenary"]')
    app = make_app(DURING)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        bar = app.main.query_one(FilterBar)
        assert bar.text == "2 hidden"
        assert "lunch-1" not in day_ids(app)
        await pilot.press("x")
        await pilot.pause()
        assert "lunch-1" in day_ids(app)
        assert bar.region.height == 0
        assert not app.state.filters.is_active
    # ...and forgets them, so the next start shows everything too.
    with BookmarkStore.open(isolated_user_data) as store:
        assert load_hidden(store, "tinyconf") == Filters()
