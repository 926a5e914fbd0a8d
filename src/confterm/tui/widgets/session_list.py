"""The list of a day's sessions, grouped under their start times."""

from __future__ import annotations

from confterm.tui.widgets.row_list import RowList


class SessionList(RowList):
    """A :class:`RowList` of session rows (see :class:`confterm.present.day_rows.DayRows`)."""
