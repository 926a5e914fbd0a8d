"""The list of accepted papers: title, authors, and the session presenting each.

In the papers pane the title has a line to itself, or two when it is longer (readable at 80
and 120 columns), and the authors and the session share the line below. The session column
says which session and when in a few cells (``Session 1 · Tue 08:45``): that is what a reader
scanning the list needs; the full date, room and title are in the detail.
"""

from __future__ import annotations

from textual.content import Content

from confterm.present.rows import NOT_ANNOUNCED, SEPARATOR, PaperRow, Row
from confterm.tui.widgets.row_list import STAR, RowList
from confterm.tui.widgets.row_render import paper_lines, paper_title_lines


def fit_session(text: str, width: int) -> str:
    """``text`` in ``width`` cells, shortening the name and keeping the day and time."""
    if Content(text).cell_length <= width:
        return text
    name, sep, when = text.rpartition(SEPARATOR)
    if sep and name and width - len(sep + when) >= 2:
        room = width - len(sep + when)
        return Content(name).truncate(room - 1).plain + "…" + sep + when
    return Content(text).truncate(width - 1).plain + "…" if width > 0 else ""


def columns(width: int, session_width: int) -> tuple[int, int, int]:
    """The title, authors and session widths of a row ``width`` cells wide.

    The session column gets what its longest entry needs, up to a third of the row (never
    less than "session not announced" where that fits); authors a fifth; the title the rest.
    """
    rest = max(0, width - 3)  # a leading space and two gaps
    session = min(session_width, max(rest // 3, min(len(NOT_ANNOUNCED), rest // 2)))
    authors = rest // 5
    return max(0, rest - session - authors), authors, session


class PaperList(RowList):
    """A :class:`RowList` of paper rows (see :func:`confterm.present.rows.paper_rows`)."""

    _widths: tuple[int, int] = (0, 0)  # (id of the rows measured, their longest session)

    def _session_width(self) -> int:
        if self._widths[0] != id(self.rows):
            longest = max(
                (Content(r.session).cell_length for r in self.rows if isinstance(r, PaperRow)),
                default=0,
            )
            self._widths = (id(self.rows), longest)
        return self._widths[1]

    def row_height(self, row: Row, width: int) -> int:
        # A title longer than the line goes on to a second one: every title readable whole
        # (or nearly) at any width, authors and session below.
        if isinstance(row, PaperRow) and self.two_lines:
            return 1 + paper_title_lines(row, width)
        return super().row_height(row, width)

    def row_lines(self, row: Row, width: int) -> list[Content]:
        if not isinstance(row, PaperRow):
            return super().row_lines(row, width)
        if self.two_lines:
            # The title has the first line; the session, cut where it must keep its day and
            # time, goes at the right of the second, after the authors.
            session_width = min(self._session_width(), max(0, (width - 1) // 2))
            return paper_lines(row, width, fit_session(row.session, session_width))
        title_width, authors_width, session_width = columns(width, self._session_width())
        return [
            Content.assemble(
                (STAR if row.starred else " ", "bold $text-warning"),
                Content(row.title).truncate(title_width, ellipsis=True, pad=True),
                " ",
                (
                    Content(row.authors).truncate(authors_width, ellipsis=True, pad=True).plain,
                    "$text-secondary",
                ),
                " ",
                (fit_session(row.session, session_width), "$text-muted"),
            ).truncate(width, pad=True)
        ]
