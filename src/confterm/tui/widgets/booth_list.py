"""The list of sponsor and exhibitor booths."""

from __future__ import annotations

from confterm.tui.widgets.row_list import RowList


class BoothList(RowList):
    """A :class:`RowList` of booth rows (see :func:`confterm.present.rows.booth_rows`)."""
