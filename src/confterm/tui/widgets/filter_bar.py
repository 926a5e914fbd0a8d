"""The one-line bar under the tabs that says which filters are active.

Shown only while a filter is active, so the user always knows why sessions are missing.
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from confterm.model.program import Program
from confterm.queries.filters import Filters
from confterm.text import one_line


class FilterBar(Static):
    """``Filters: Kind: Oral · Room: Room A · ★ only`` and the keys that change them."""

    DEFAULT_CSS = """
    FilterBar { height: 1; width: 1fr; background: $warning 20%; color: $text; padding: 0 1; }
    FilterBar.-inactive { display: none; }
    """

    def __init__(self, hint: str = "f: change · x: clear", *, id: str | None = None) -> None:
        super().__init__("", id=id, classes="-inactive", markup=False)
        self.hint = hint
        self.text = ""

    def show_filters(self, filters: Filters, program: Program | None = None) -> None:
        """Show ``filters`` (names from ``program``), or hide the bar when none is active."""
        self.text = one_line(filters.describe(program))
        self.set_class(not filters.is_active, "-inactive")
        self.update(
            Content.assemble(("Filters: ", "bold"), self.text, ("   " + self.hint, "$text-muted"))
        )
