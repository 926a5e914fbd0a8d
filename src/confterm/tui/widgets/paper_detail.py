"""The detail of one paper."""

from __future__ import annotations

from confterm.tui.detail_text import paper_content
from confterm.tui.view import View
from confterm.tui.widgets.detail_pane import DetailPane


class PaperDetail(DetailPane):
    """Shows a paper: authors, the session presenting it, links."""

    def show_paper(self, view: View, paper_id: str | None) -> None:
        """Show the paper ``paper_id`` (or nothing)."""
        paper = view.program.paper_by_id.get(paper_id or "")
        self.show(paper_content(view, paper) if paper else self._empty_content())
