"""What a list shows, row by row, as text (shared by the tests of the lists' screens)."""

from __future__ import annotations

from confterm.present.rows import Heading
from confterm.tui.widgets.row_list import RowList


def drawn_rows(rows: RowList) -> list[str]:
    """Each row of ``rows``: a heading's text, or an item's lines as drawn, joined by a space
    (an empty list: its empty text)."""
    if not rows.rows:
        return [rows.empty] if rows.empty else []
    width = rows.scrollable_content_region.width
    return [
        row.text
        if isinstance(row, Heading)
        else " ".join(line.plain.rstrip() for line in rows.row_lines(row, width))
        for row in rows.rows
    ]
