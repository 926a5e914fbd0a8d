"""The timetable of one day (``g``): rooms as columns, time running down, Enter opens.

``[`` / ``]`` and ``1``–``9`` switch the day in place, ``b`` bookmarks the block under the
cursor, and sessions of the day without a time are listed under the grid, where ``u`` (or Tab)
moves the cursor to open or bookmark them too. It dismisses with a
:class:`~confterm.model.targets.JumpTarget` for the session picked, or None on Esc.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Label

from confterm.model.targets import JumpTarget
from confterm.present.day_rows import day_rows
from confterm.present.formatting import long_day_label, zone_label
from confterm.present.rows import Row
from confterm.queries.agenda import program_days
from confterm.tui.access import confterm_app
from confterm.tui.messages import MarksChanged, StateChange
from confterm.tui.state import AppState
from confterm.tui.widgets.key_bar import KeyBar
from confterm.tui.widgets.row_list import RowList
from confterm.tui.widgets.session_list import SessionList
from confterm.tui.widgets.timetable_grid import TimetableGrid


class GridScreen(Screen[JumpTarget | None]):
    """A full-screen timetable of one day, starting on ``session_id`` when given."""

    HELP_TITLE = "Timetable grid"

    DEFAULT_CSS = """
    GridScreen #grid-title { height: 1; width: 1fr; background: $primary; color: $text;
        text-style: bold; padding: 0 1; }
    GridScreen TimetableGrid { height: 1fr; }
    GridScreen #grid-untimed { height: auto; max-height: 5; background: $panel;
        border-top: hkey $panel-lighten-2; }
    GridScreen #grid-untimed.-empty { display: none; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "b,space",
            "toggle_mark",
            "Bookmark",
            tooltip="Bookmark the session under the cursor",
            id="grid.bookmark",
        ),
        Binding(
            "left_square_bracket",
            "other_day(-1)",
            "Previous day",
            show=False,
            id="grid.previous_day",
        ),
        Binding(
            "right_square_bracket",
            "other_day(1)",
            "Day",
            tooltip="Next day",
            key_display="[]",
            id="grid.next_day",
        ),
        Binding(
            "u",
            "untimed",
            "TBA",
            tooltip="Sessions without a time, and back",
            id="grid.untimed",
        ),
        Binding("escape,g", "back", "Back", tooltip="Back to the list", id="grid.back"),
        Binding(
            "s",
            "speaker",
            "Speakers",
            tooltip="Speakers of the session",
            show=False,
            id="grid.speaker",
        ),
        *[
            Binding(
                str(n), f"day({n})", f"Day {n}", tooltip=f"Day {n}", show=False, id=f"grid.day_{n}"
            )
            for n in range(1, 10)
        ],
    ]

    def __init__(self, state: AppState, day: date | None, session_id: str | None = None) -> None:
        super().__init__()
        self.state = state
        self.day = day
        self.session_id = session_id
        self.days = program_days(state.index)

    def compose(self) -> ComposeResult:
        state = self.state
        yield Label(self._title(), id="grid-title", markup=False)
        grid = TimetableGrid(
            state.layouts, self.day, state.zone, state.bookmarks, now=state.now, id="grid"
        )
        if self.session_id is not None:
            grid.move_to(self.session_id)  # before the first frame: it opens there
        yield grid
        # Filled before the first layout: a list appearing after it would resize the grid
        # and draw it twice.
        untimed = SessionList(id="grid-untimed")
        self._fill_untimed(untimed, self._untimed_rows(grid))
        yield untimed
        yield KeyBar()

    def on_mount(self) -> None:
        grid = self.query_one(TimetableGrid)
        self.refresh_bindings()
        grid.focus()
        self.state.subscribe(self, self._state_changed)

    def _state_changed(self, change: StateChange) -> None:
        if isinstance(change, MarksChanged):
            self.grid.marks_changed()
            self._show_untimed()

    @property
    def grid(self) -> TimetableGrid:
        """The timetable widget."""
        return self.query_one(TimetableGrid)

    def _title(self) -> str:
        conference = self.state.program.conference
        # The zone's abbreviation in force on the day shown, not today (DST may differ).
        noon = (
            datetime.combine(self.day, time(12), conference.zone)
            if self.day is not None
            else self.state.now()
        )
        return (
            f"{conference.short_name} · {long_day_label(self.day)} · "
            f"times in {zone_label(self.state.zone, noon)}"
        )

    @property
    def untimed(self) -> SessionList:
        """The list of the day's sessions that have no time yet."""
        return self.query_one("#grid-untimed", SessionList)

    def _untimed_rows(self, grid: TimetableGrid) -> Sequence[Row]:
        """The day's sessions without a time under their heading; made as the list draws
        them (a day of a large program has hundreds)."""
        untimed = grid.grid.untimed
        if not untimed:
            return []
        state = self.state
        return day_rows(state.program, untimed, state.zone, state.bookmarks)

    def _show_untimed(self) -> None:
        untimed = self.untimed
        rows = self._untimed_rows(self.grid)
        self._fill_untimed(untimed, rows)
        if not rows and untimed.has_focus:
            self.grid.focus()
        self.refresh_bindings()

    @staticmethod
    def _fill_untimed(untimed: SessionList, rows: Sequence[Row]) -> None:
        untimed.set_rows(rows, cursor_to=untimed.current_target)
        untimed.set_class(not rows, "-empty")
        untimed.can_focus = bool(rows)

    def show_day(self, day: date) -> None:
        """Show ``day``'s timetable in place."""
        self.day = day
        self.query_one("#grid-title", Label).update(Content(self._title()))
        self.grid.show_day(day)
        self._show_untimed()

    @on(TimetableGrid.Selected)
    def _selected(self, event: TimetableGrid.Selected) -> None:
        self._open(JumpTarget("session", event.session_id))

    @on(RowList.Selected, "#grid-untimed")
    def _untimed_selected(self, event: RowList.Selected) -> None:
        if event.row.target is not None:
            self._open(event.row.target)

    def _open(self, target: JumpTarget) -> None:
        """The session's detail: on a narrow terminal as a screen over the grid (Esc comes
        back here), on a wide one the day list with its detail pane beside it."""
        from confterm.tui.screens.main import NARROW_WIDTH

        if self.app.size.width < NARROW_WIDTH:
            from confterm.tui.screens.detail_screen import DetailScreen

            self.app.push_screen(DetailScreen(self.state, target), self._after_detail)
        else:
            self.dismiss(target)

    def _after_detail(self, result: JumpTarget | None) -> None:
        # A related session picked in the detail: the grid closes and the app goes there.
        if result is not None:
            self.dismiss(result)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # u is shown only on days with sessions that have no time yet.
        if action == "untimed":
            return bool(self.untimed.rows)
        return True

    def action_untimed(self) -> None:
        """Move between the grid and the sessions without a time."""
        untimed = self.untimed
        if untimed.has_focus or not untimed.rows:
            self.grid.focus()
        else:
            untimed.focus()

    def action_back(self) -> None:
        """Close without moving."""
        self.dismiss(None)

    def action_other_day(self, step: int) -> None:
        """The day before (-1) or after (1) the one shown."""
        if self.day in self.days:
            index = self.days.index(self.day) + step
        else:
            index = 0 if step > 0 else len(self.days) - 1
        if 0 <= index < len(self.days):
            self.show_day(self.days[index])

    def action_day(self, number: int) -> None:
        """Day ``number`` (1-based) of the conference."""
        if 1 <= number <= len(self.days):
            self.show_day(self.days[number - 1])

    def _session_under_cursor(self) -> str | None:
        untimed = self.untimed
        if untimed.has_focus:
            target = untimed.current_target
            return target.item_id if target is not None else None
        return self.grid.current_session

    def action_speaker(self) -> None:
        """The speakers of the session under the cursor (or a line saying it lists none)."""
        session_id = self._session_under_cursor()
        target = JumpTarget("session", session_id) if session_id else None
        confterm_app(self).open_speakers(target)

    def action_toggle_mark(self) -> None:
        """Bookmark (or un-bookmark) the session under the cursor; saved before it is shown."""
        session_id = self._session_under_cursor()
        if session_id is None:
            return
        # Saved before it is shown; the grid and the list under it are redrawn when the
        # state announces it (as are the main screen's lists underneath).
        self.state.toggle(JumpTarget("session", session_id))
