"""My agenda: bookmarked sessions by day, booths to visit, bookmarks no longer in the program."""

from __future__ import annotations

from confterm.tui.widgets.row_list import RowList


class AgendaList(RowList):
    """A :class:`RowList` of agenda rows (see :func:`confterm.present.rows.agenda_rows`)."""
