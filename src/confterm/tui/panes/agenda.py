"""The agenda pane ("My agenda"): the bookmarked sessions by day (clashes marked), the booths
to visit, and bookmarks no longer in the program; the highlighted item's detail. It is made
again whenever it is shown or a mark changes while it is."""

from __future__ import annotations

from textual import on

from confterm.errors import StoreError
from confterm.model.targets import JumpTarget
from confterm.present.detail_text import BOOKMARK
from confterm.present.rows import agenda_rows
from confterm.queries.agenda import build_agenda
from confterm.tui.access import confterm_app
from confterm.tui.messages import MarksChanged, StateChange
from confterm.tui.panes.base import Pane
from confterm.tui.state import AppState
from confterm.tui.widgets.agenda_view import AgendaList
from confterm.tui.widgets.row_list import RowList
from confterm.tui.widgets.session_detail import SessionDetail


class AgendaPane(Pane):
    """My agenda and the highlighted item's detail (a session or a booth)."""

    def __init__(self, state: AppState, *, id: str = "agenda-pane") -> None:
        # Never "empty": with no bookmarks it says how to add some.
        key = state.keys(BOOKMARK, "b")
        super().__init__(
            state,
            AgendaList(
                empty=f"No bookmarks yet: press {key} on a session to add it.",
                two_lines=True,
                id="agenda",
                classes="list",
            ),
            SessionDetail("Nothing selected.", id="agenda-detail", classes="detail"),
            id=id,
        )

    @property
    def detail(self) -> SessionDetail:
        """The highlighted item's detail."""
        return self.query_one(SessionDetail)

    def show(self, target: JumpTarget | None = None) -> None:
        """Make the agenda from the store's bookmarks, the cursor on ``target`` (else where it
        was; if that item left the agenda, at the same place)."""
        agenda_list = self.list
        try:
            marks = self.state.stored_bookmarks()
        except StoreError as error:
            self.notify(error.message, severity="error")
            marks = []
        agenda = build_agenda(self.state.index, marks)
        rows = agenda_rows(agenda, self.state.zone, self.state.changes)
        keep = target or agenda_list.current_target
        old_cursor = agenda_list.cursor
        agenda_list.set_rows(rows, cursor_to=keep)
        if keep is not None and agenda_list.index_of(keep) is None and old_cursor is not None:
            agenda_list.move_near(old_cursor)

    def current_target(self) -> JumpTarget | None:
        focused = self.screen.focused
        if isinstance(focused, SessionDetail):
            return focused.target
        return self.list.current_target

    def state_changed(self, change: StateChange) -> None:
        if isinstance(change, MarksChanged):
            self._redraw(keep_scroll=True)

    def zone_changed(self) -> None:
        self._redraw(keep_scroll=False)

    def _redraw(self, *, keep_scroll: bool) -> None:
        if self.shown:  # otherwise made again when next shown
            self.show()
        self.detail.show_target(self.state, self.list.current_target, keep_scroll=keep_scroll)

    def selected(self, target: JumpTarget, control: RowList) -> None:
        """Enter on an item: go to it (its day, or the booths)."""
        confterm_app(self).jump_to(target)

    @on(RowList.Highlighted, "#agenda")
    def _highlighted(self, event: RowList.Highlighted) -> None:
        event.stop()
        target = event.row.target if event.row is not None else None
        self.detail.show_target(self.state, target)
