"""The papers pane: every accepted paper (title, authors, the session presenting it) and the
highlighted paper's detail. Enter opens the paper's detail (Enter again goes to its session);
``b`` stars the paper itself."""

from __future__ import annotations

from dataclasses import replace

from textual import on

from confterm.model.targets import JumpTarget
from confterm.present.rows import PaperRow, paper_rows
from confterm.tui.messages import MarksChanged, StateChange
from confterm.tui.panes.base import Pane
from confterm.tui.state import AppState
from confterm.tui.widgets.paper_detail import PaperDetail
from confterm.tui.widgets.paper_list import PaperList
from confterm.tui.widgets.row_list import RowList


class PapersPane(Pane):
    """The papers and the highlighted one's detail."""

    def __init__(self, state: AppState, *, id: str = "papers-pane") -> None:
        super().__init__(
            state,
            PaperList(empty="No papers announced.", two_lines=True, id="papers", classes="list"),
            PaperDetail("No paper selected.", id="paper-detail", classes="detail"),
            id=id,
        )
        self._stale = True  # its rows show times: made again after the zone changes

    @property
    def detail(self) -> PaperDetail:
        """The highlighted paper's detail."""
        return self.query_one(PaperDetail)

    def show(self, target: JumpTarget | None = None) -> None:
        if self._stale:
            self._stale = False
            rows = paper_rows(self.state.program, self.state.zone, self.state.starred)
            self.list.set_rows(rows, target)
        elif target is not None:
            self.list.move_to(target)

    def refresh_detail(self) -> None:
        """Show the highlighted paper again (its session's bookmark or time changed)."""
        target = self.list.current_target
        self.detail.show_paper(self.state, target.item_id if target else None, keep_scroll=True)

    def state_changed(self, change: StateChange) -> None:
        if isinstance(change, MarksChanged):
            if change.papers and not self._stale:
                self._restar(change.papers)
            self.refresh_detail()

    def zone_changed(self) -> None:
        self._stale = True
        if self.shown:
            self.show()
        self.refresh_detail()

    def toggle_mark(self) -> None:
        """Star the highlighted paper on its own: its session shows on My agenda because of
        it, but the session's bookmark and the session's other papers are left alone."""
        target = self.current_target()
        if target is not None and target.kind == "paper":
            self.state.toggle(target)

    def _restar(self, papers: frozenset[str]) -> None:
        """Redraw the rows of ``papers``, whose star flipped."""
        rows = list(self.list.rows)
        changed = []
        for index, row in enumerate(rows):
            if isinstance(row, PaperRow) and row.paper_id in papers:
                rows[index] = replace(row, starred=row.paper_id in self.state.starred)
                changed.append(index)
        if changed:
            self.list.rows = rows
            self.list.update_rows(changed, announce=False)

    def selected(self, target: JumpTarget, control: RowList) -> None:
        """Enter on a paper: its own detail, at any width (Enter there goes to the session)."""
        self.open_detail(target)

    @on(RowList.Highlighted, "#papers")
    def _highlighted(self, event: RowList.Highlighted) -> None:
        event.stop()
        target = event.row.target if event.row is not None else None
        self.detail.show_paper(self.state, target.item_id if target else None)
