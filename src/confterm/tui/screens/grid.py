"""The timetable of one day (``g``): rooms as columns, time running down, Enter opens.

It dismisses with a :class:`~confterm.tui.messages.JumpTarget` for the session picked, or
None on Esc.
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Footer, Label

from confterm.errors import StoreError
from confterm.formatting import long_day_label, zone_label
from confterm.tui.messages import JumpTarget
from confterm.tui.view import View
from confterm.tui.widgets.timetable_grid import TimetableGrid


class GridScreen(Screen[JumpTarget | None]):
    """A full-screen timetable of one day, starting on ``session_id`` when given."""

    DEFAULT_CSS = """
    GridScreen #grid-title { height: 1; width: 1fr; background: $primary; color: $text;
        text-style: bold; padding: 0 1; }
    GridScreen TimetableGrid { height: 1fr; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,g", "back", "Back", id="grid.back"),
    ]

    def __init__(self, view: View, day: date | None, session_id: str | None = None) -> None:
        super().__init__()
        self.view = view
        self.day = day
        self.session_id = session_id

    def compose(self) -> ComposeResult:
        try:
            bookmarked = self.view.bookmarked_sessions()
        except StoreError:
            bookmarked = set()
        conference = self.view.program.conference
        # The zone's abbreviation in force on the day shown, not today (DST may differ).
        noon = (
            datetime.combine(self.day, time(12), conference.zone)
            if self.day is not None
            else self.view.now()
        )
        title = (
            f"{conference.short_name} · {long_day_label(self.day)} · "
            f"times in {zone_label(self.view.zone, noon)}"
        )
        yield Label(title, id="grid-title", markup=False)
        yield TimetableGrid(self.view.program, self.day, self.view.zone, bookmarked, id="grid")
        yield Footer()

    def on_mount(self) -> None:
        grid = self.query_one(TimetableGrid)
        if self.session_id is not None:
            grid.move_to(self.session_id)
        grid.focus()

    @property
    def grid(self) -> TimetableGrid:
        """The timetable widget."""
        return self.query_one(TimetableGrid)

    @on(TimetableGrid.Selected)
    def _selected(self, event: TimetableGrid.Selected) -> None:
        self.dismiss(JumpTarget("session", event.session_id))

    def action_back(self) -> None:
        """Close without moving."""
        self.dismiss(None)
