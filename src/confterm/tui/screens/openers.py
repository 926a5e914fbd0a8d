"""The screens the main screen opens (search, now & next, grid, filters, export, speakers), one
function each: what it opens on, and what it does with the screen's answer.

Each screen is imported when first opened, so the first frame does not wait for them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from confterm.model.targets import JumpTarget
from confterm.queries.filters import Filters
from confterm.tui.access import confterm_app

if TYPE_CHECKING:
    from textual.screen import Screen

    from confterm.tui.screens.main import MainScreen


def _open(main: MainScreen, screen: Screen[JumpTarget | None]) -> None:
    """Push ``screen``; the item it returns, if any, is gone to."""
    app = confterm_app(main)
    app.push_screen(screen, app.jump_result)


def open_search(main: MainScreen) -> None:
    """Search the program; Enter on a hit goes there and opens its detail (a hit is picked
    to be read, not only found; Esc then goes back to its list, and again to where the
    search began)."""
    from confterm.tui.screens.search import SearchScreen

    def chosen(result: JumpTarget | None) -> None:
        if result is None:
            return
        app = confterm_app(main)
        app.jump_to(result)
        if app.screen is main and main.current_target() == result:
            main.shown_pane().open_detail(result)

    main.app.push_screen(SearchScreen(main.state), chosen)


def open_now_next(main: MainScreen) -> None:
    """What is on now, and next."""
    from confterm.tui.screens.now_next import NowNextScreen

    _open(main, NowNextScreen(main.state))


def open_grid(main: MainScreen) -> None:
    """The day last shown as a timetable grid (from other tabs too; else today or day 1)."""
    from confterm.tui.screens.grid import GridScreen

    day, session_id = main.day_pane.grid_start(main.shown_day())
    _open(main, GridScreen(main.state, day, session_id))


def open_export(main: MainScreen) -> None:
    """Export my agenda, the whole program or a day; the dialog says where."""
    from confterm.tui.screens.export_dialog import ExportDialog

    app = confterm_app(main)
    app.push_screen(
        ExportDialog(main.state, alarm_minutes=app.remind_minutes, data_dir=app.data_dir)
    )


def open_filters(main: MainScreen) -> None:
    """Choose kinds, tracks, rooms, bookmarked-only, and rooms/tracks never to show."""
    from confterm.tui.screens.filters import FilterScreen

    state = main.state

    def done(filters: Filters | None) -> None:
        if filters is not None:
            state.set_filters(filters)

    main.app.push_screen(FilterScreen(state, state.filters), done)


def open_speakers(main: MainScreen) -> None:
    """The highlighted session's speakers and chairs: all their sessions and papers (or a
    line saying why not)."""
    confterm_app(main).open_speakers(main.current_target())


#: What ``open('name')`` of the main screen's keys opens.
OPENERS: dict[str, Callable[[MainScreen], None]] = {
    "search": open_search,
    "now_next": open_now_next,
    "grid": open_grid,
    "export": open_export,
    "filters": open_filters,
    "speaker": open_speakers,
}
