"""The detail of one paper."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType

from confterm.model.targets import JumpTarget
from confterm.present.detail_text import paper_text
from confterm.tui.access import confterm_app
from confterm.tui.state import AppState
from confterm.tui.widgets.detail_content import detail_content
from confterm.tui.widgets.detail_pane import DetailPane


class PaperDetail(DetailPane):
    """Shows a paper: its star, authors, the session presenting it (and whether that is
    bookmarked), links. Enter goes to the session."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter",
            "go_to_session",
            "Session",
            tooltip="Go to the session presenting this paper",
            id="paper.session",
        ),
    ]

    paper_id: str | None = None
    _state: AppState | None = None

    def action_go_to_session(self) -> None:
        """Jump to the session presenting the paper shown (wherever the paper is shown)."""
        state = self._state
        paper = state.program.paper_by_id.get(self.paper_id or "") if state else None
        if state is None or paper is None or paper.session not in state.program.session_by_id:
            self.notify("This paper's session is not announced yet.", severity="warning")
            return
        confterm_app(self).jump_to(JumpTarget("session", paper.session or ""))

    def show_paper(
        self,
        state: AppState,
        paper_id: str | None,
        *,
        keep_scroll: bool = False,
    ) -> None:
        """Show the paper ``paper_id`` (or nothing), with its session's bookmark."""
        same = keep_scroll and paper_id == self.paper_id
        self.paper_id = paper_id
        self._state = state
        paper = state.program.paper_by_id.get(paper_id or "")
        if paper is None:
            self.show(self._empty_content())
        else:
            text = paper_text(state.program, paper, state.zone, state.bookmarks, state.starred)
            self.show(detail_content(text, state.keys), keep_scroll=same)
