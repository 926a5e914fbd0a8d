"""The app state: a bookmark made anywhere shows everywhere at once, and only the state writes
the bookmark store."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from pathlib import Path

import pytest
from app_clock import DURING, AppFactory
from row_text import drawn_rows
from textual.widgets import OptionList

from confterm.model.targets import JumpTarget
from confterm.present.rows import BoothRow, SessionRow
from confterm.store.bookmarks import BookmarkStore, ItemKind
from confterm.tui.app import ConftermApp
from confterm.tui.messages import StateChange
from confterm.tui.panes.agenda import AgendaPane
from confterm.tui.panes.base import Pane
from confterm.tui.panes.booths import BoothsPane
from confterm.tui.panes.day import DayPane
from confterm.tui.panes.papers import PapersPane
from confterm.tui.screens.grid import GridScreen
from confterm.tui.screens.now_next import NowNextScreen
from confterm.tui.screens.search import SearchScreen
from confterm.tui.widgets.agenda_view import AgendaList
from confterm.tui.widgets.booth_list import BoothList
from confterm.tui.widgets.row_list import RowList
from confterm.tui.widgets.session_detail import SessionDetail
from confterm.tui.widgets.session_list import SessionList
from confterm.tui.widgets.timetable_grid import STAR, TimetableGrid

WIDE = (120, 40)
TALK = "parsing-schedules"  # in progress at DURING, highlighted when the app opens


def day_list_marks(app: ConftermApp) -> dict[str, bool]:
    """Each session of the day list shown, and whether its row shows a bookmark."""
    rows = app.main.query_one(SessionList).rows
    return {r.session_id: r.bookmarked for r in rows if isinstance(r, SessionRow)}


def starred_options(app: ConftermApp) -> list[str]:
    """The rows of the screen's list (search's options, now & next's rows) that show a star."""
    if app.screen.query(OptionList):
        options = app.screen.query_one(OptionList)
        count = options.option_count
        lines = [str(options.get_option_at_index(i).prompt) for i in range(count)]
    else:
        lines = drawn_rows(app.screen.query_one(RowList))
    return [line for line in lines if line.startswith(STAR)]


async def test_a_bookmark_made_in_the_day_list_shows_everywhere_at_once(
    make_app: AppFactory,
) -> None:
    app = make_app(DURING, reminders=False)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        assert not day_list_marks(app)[TALK]
        await pilot.press("b")
        await pilot.pause()
        assert day_list_marks(app)[TALK]
        detail = app.main.query_one("#session-detail", SessionDetail)
        assert "★ Bookmarked" in detail.text
        await pilot.press("g")  # the grid
        await pilot.pause()
        assert isinstance(app.screen, GridScreen)
        assert TALK in app.screen.query_one(TimetableGrid).bookmarked
        await pilot.press("escape", "n")  # now & next
        await pilot.pause()
        assert isinstance(app.screen, NowNextScreen)
        assert [TALK in line or "Parsing" in line for line in starred_options(app)] == [True]
        await pilot.press("escape", "slash", *"parsing")  # search
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)
        assert any("Parsing Schedules" in line for line in starred_options(app))
        await pilot.press("escape", "a")  # my agenda
        await pilot.pause()
        agenda = app.main.query_one(AgendaList)
        assert agenda.current_target == JumpTarget("session", TALK)


async def test_a_bookmark_made_in_the_grid_shows_in_the_lists_underneath_at_once(
    make_app: AppFactory,
) -> None:
    app = make_app(DURING, reminders=False)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("a", "g")  # my agenda (empty), and the grid of day 1 over it
        await pilot.pause()
        grid = app.screen.query_one(TimetableGrid)
        grid.move_to("caches-talk")
        await pilot.press("b")
        await pilot.pause()
        # No poll of the store: the state announced it to the screen underneath.
        assert day_list_marks(app)["caches-talk"]
        agenda_rows = app.main.query_one(AgendaList).rows
        assert [r.session_id for r in agenda_rows if isinstance(r, SessionRow)] == ["caches-talk"]
        assert STAR in grid.render_line(1 + grid.grid.blocks[grid.cursor or 0].row).text


async def test_a_bookmark_made_by_another_process_shows_everywhere(
    make_app: AppFactory, isolated_user_data: Path
) -> None:
    app = make_app(DURING, reminders=False)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("B", "1", "n")  # the booths are built; now & next on top
        await pilot.pause()
        assert starred_options(app) == []
        # The CLI (or a second confterm) bookmarks the talk and marks a booth to visit.
        with BookmarkStore.open(isolated_user_data) as other:
            other.toggle("tinyconf", TALK)
            other.toggle("tinyconf", "globex", ItemKind.BOOTH)
        app.poll_store()  # what the app's interval timer does
        await pilot.pause()
        assert len(starred_options(app)) == 1  # the screen on top
        assert day_list_marks(app)[TALK]  # and the screen underneath
        booths = app.main.query_one(BoothList).rows
        assert {r.booth_id: r.to_visit for r in booths if isinstance(r, BoothRow)} == {
            "acme": False,
            "globex": True,
        }
        await pilot.press("escape", "g")
        await pilot.pause()
        assert TALK in app.screen.query_one(TimetableGrid).bookmarked
        # Removed elsewhere: gone everywhere.
        with BookmarkStore.open(isolated_user_data) as other:
            other.toggle("tinyconf", TALK)
        app.poll_store()
        await pilot.pause()
        assert TALK not in app.screen.query_one(TimetableGrid).bookmarked
        assert not day_list_marks(app)[TALK]


WRITERS = ("toggle", "add", "remove", "add_items", "remove_items", "purge", "set_pref", "set_prefs")


@pytest.fixture
def store_writers(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The modules that called a BookmarkStore write method, one entry per call."""
    callers: list[str] = []
    for name in WRITERS:
        original = getattr(BookmarkStore, name)

        def recording(self: BookmarkStore, *args: object, _original=original, **kw: object):  # type: ignore[no-untyped-def]
            # The app's module that asked (a query helper may stand between it and the store).
            modules = [frame.frame.f_globals["__name__"] for frame in inspect.stack()[1:]]
            callers.append(next(m for m in modules if m.startswith("confterm.tui")))
            return _original(self, *args, **kw)

        monkeypatch.setattr(BookmarkStore, name, recording)
    return callers


async def test_the_state_is_the_only_writer_of_the_store(
    make_app: AppFactory, store_writers: list[str]
) -> None:
    app = make_app(DURING, reminders=False)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("b")  # the day list
        await pilot.press("g", "b", "escape")  # the grid
        await pilot.press("B", "b")  # a booth to visit
        await pilot.press("P", "b")  # a paper's session
        await pilot.press("1", "f")  # the filters: hide a room (remembered)
        await pilot.press("tab", "tab", "tab", "tab", "space", "enter")
        await pilot.pause()
    async with make_app(DURING, reminders=False).run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "b")  # the narrow detail screen
        await pilot.pause()
    assert len(store_writers) >= 6
    assert set(store_writers) == {"confterm.tui.state"}


async def test_search_keeps_the_highlighted_hit_when_marks_change_elsewhere(
    make_app: AppFactory, isolated_user_data: Path
) -> None:
    app = make_app(DURING, reminders=False)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("slash", *"keyn")
        await pilot.pause()
        results = app.screen.query_one(OptionList)
        first, second = (results.get_option_at_index(i).id for i in range(2))
        await pilot.press("down")
        assert results.highlighted == 1
        with BookmarkStore.open(isolated_user_data) as other:
            other.toggle("tinyconf", (second or "").removeprefix("session:"))
        app.poll_store()
        await pilot.pause()
        # Bookmarked hits rank first: the hit moved up, and the highlight went with it.
        assert [results.get_option_at_index(i).id for i in range(2)] == [second, first]
        assert results.highlighted == 0
        assert len(starred_options(app)) == 1


async def test_each_pane_hears_each_change_once(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    heard: list[str] = []
    for pane_class in (DayPane, BoothsPane, PapersPane, AgendaPane):
        original = pane_class.state_changed

        def record(self: Pane, change: StateChange, _original=original) -> None:  # type: ignore[no-untyped-def]
            heard.append(self.id or "")
            _original(self, change)

        monkeypatch.setattr(pane_class, "state_changed", record)
    app = make_app(DURING, reminders=False)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("B", "P", "a", "1")
        await pilot.pause()
        app.state.toggle(JumpTarget("session", TALK))
        await pilot.pause()
    assert sorted(heard) == ["agenda-pane", "booths-pane", "day-pane", "papers-pane"]


async def test_the_display_zone_is_a_reactive_every_pane_and_the_header_watch(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    from zoneinfo import ZoneInfo

    from textual.reactive import Reactive

    from confterm.tui.state import AppState
    from confterm.tui.widgets.header import ConfHeader

    assert isinstance(AppState.__dict__["zone"], Reactive)
    heard: list[str] = []

    def recording(original: Callable[[Pane], None]) -> Callable[[Pane], None]:
        def record(self: Pane) -> None:  # no other parameter: Textual counts them
            heard.append(self.id or "")
            original(self)

        return record

    for pane_class in (DayPane, BoothsPane, PapersPane, AgendaPane):
        monkeypatch.setattr(pane_class, "zone_changed", recording(pane_class.zone_changed))
    app = make_app(DURING, reminders=False)
    app.state.local = ZoneInfo("Asia/Tokyo")
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("B", "P", "a", "1")
        await pilot.pause()
        header = app.main.query_one(ConfHeader)
        assert "Asia/Tokyo" not in header.line().plain
        await pilot.press("t")
        await pilot.pause()
        assert app.state.zone == ZoneInfo("Asia/Tokyo")
        assert "Asia/Tokyo" in header.line().plain
        assert "Asia/Tokyo" in str(header.render())
    assert sorted(heard) == ["agenda-pane", "booths-pane", "day-pane", "papers-pane"]
