"""The list of accepted papers."""

from __future__ import annotations

from confterm.tui.widgets.row_list import RowList


class PaperList(RowList):
    """A :class:`RowList` of paper rows (see :func:`confterm.tui.rows.paper_rows`)."""
