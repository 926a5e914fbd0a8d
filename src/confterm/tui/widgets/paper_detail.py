"""The detail of one paper."""

from __future__ import annotations

from confterm.present.detail_text import paper_text
from confterm.tui.state import AppState
from confterm.tui.widgets.detail_content import detail_content
from confterm.tui.widgets.detail_pane import DetailPane


class PaperDetail(DetailPane):
    """Shows a paper: authors, the session presenting it (and whether it is bookmarked),
    links."""

    paper_id: str | None = None

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
        paper = state.program.paper_by_id.get(paper_id or "")
        if paper is None:
            self.show(self._empty_content())
        else:
            text = paper_text(state.program, paper, state.zone, state.bookmarks)
            self.show(detail_content(text), keep_scroll=same)
