"""The papers pane: every accepted paper (title, authors, the session presenting it) and the
highlighted paper's detail. Enter goes to the presenting session; ``b`` bookmarks it."""

from __future__ import annotations

from textual import on
from textual.widgets import Static

from confterm.model.targets import JumpTarget
from confterm.present.rows import paper_rows
from confterm.text import one_line
from confterm.tui.access import confterm_app
from confterm.tui.messages import MarksChanged, StateChange, ZoneChanged
from confterm.tui.panes.base import Pane
from confterm.tui.state import AppState
from confterm.tui.widgets.paper_detail import PaperDetail
from confterm.tui.widgets.paper_list import PaperList
from confterm.tui.widgets.row_list import RowList


class PapersPane(Pane):
    """The papers and the highlighted one's detail."""

    def __init__(self, state: AppState, *, id: str = "papers-pane") -> None:
        # A program may have no papers (most imports): the tab stays and says so.
        super().__init__(
            state,
            PaperList(empty="No papers announced.", id="papers", classes="list"),
            PaperDetail("No paper selected.", id="paper-detail", classes="detail"),
            Static("No papers in this program", classes="pane-empty", markup=False),
            id=id,
            empty=not state.program.papers,
        )
        self._stale = True  # its rows show times: made again after the zone changes

    @property
    def detail(self) -> PaperDetail:
        """The highlighted paper's detail."""
        return self.query_one(PaperDetail)

    def show(self, target: JumpTarget | None = None) -> None:
        if self._stale:
            self._stale = False
            self.list.set_rows(paper_rows(self.state.program, self.state.zone), target)
        elif target is not None:
            self.list.move_to(target)

    def refresh_detail(self) -> None:
        """Show the highlighted paper again (its session's bookmark or time changed)."""
        target = self.list.current_target
        self.detail.show_paper(self.state, target.item_id if target else None, keep_scroll=True)

    def state_changed(self, change: StateChange) -> None:
        if isinstance(change, ZoneChanged):
            self._stale = True
            if self.shown:
                self.show()
        if isinstance(change, (MarksChanged, ZoneChanged)):
            self.refresh_detail()

    def toggle_mark(self) -> None:
        """Bookmark the session presenting the paper (said in a notification: nothing else
        on the tab shows it)."""
        target = self.current_target()
        program = self.state.program
        paper = program.paper_by_id.get(target.item_id) if target else None
        session = program.session_by_id.get(paper.session or "") if paper else None
        if session is None:
            if paper is not None:
                self.notify(
                    "This paper's session is not announced: nothing to bookmark",
                    severity="warning",
                )
            return
        marked = self.state.toggle(JumpTarget("session", session.id))
        if marked is not None:
            done = "Bookmarked" if marked else "Removed bookmark"
            self.notify(
                f'{done} "{one_line(session.title)}" (the session presenting this paper)',
                markup=False,
            )

    def selected(self, target: JumpTarget, control: RowList) -> None:
        """Enter on a paper: its session, in its day."""
        program = self.state.program
        paper = program.paper_by_id.get(target.item_id)
        if paper is None or paper.session not in program.session_by_id:
            self.notify("This paper's session is not announced yet.", severity="warning")
            return
        confterm_app(self).jump_to(JumpTarget("session", paper.session or ""))

    @on(RowList.Highlighted, "#papers")
    def _highlighted(self, event: RowList.Highlighted) -> None:
        event.stop()
        target = event.row.target if event.row is not None else None
        self.detail.show_paper(self.state, target.item_id if target else None)
