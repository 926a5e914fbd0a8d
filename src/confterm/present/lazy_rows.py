"""Rows made when read, for lists that can run to thousands (no Textual here).

Now & next at a conference of 50,000 sessions lists some 2,000 at once; making every row
(times formatted, titles cleaned, speakers named) before the first frame would hold the list
back, and a list widget draws only what is on screen anyway. A :class:`LazyRows` keeps the
headings and sessions in order and makes each session's row the first time it is read.
"""

from __future__ import annotations

from abc import abstractmethod
from collections.abc import Callable, Sequence
from itertools import accumulate
from typing import overload

from confterm.model.program import Session
from confterm.model.targets import JumpTarget
from confterm.present.rows import Heading, Row, SessionRow


class MadeOnRead(Sequence[Row]):
    """Rows over entries (headings and sessions) whose sessions' rows are made when first
    read, then kept: indexes, slices and the keeping are handled here once for every such
    list; a subclass says how a session's row is made and which entry row ``index`` is."""

    _entries: Sequence[Heading | Session]
    _made: dict[int, SessionRow]
    #: :meth:`line_starts`, kept until the rows change places.
    _starts: list[int] | None = None

    @abstractmethod
    def item_flags(self) -> list[bool]:
        """For each row, True where it is a session (an item the cursor lands on, which a
        list may draw on two lines), without making any row."""

    def line_starts(self) -> list[int]:
        """The first line of each row when sessions take two lines and the others one, then
        the number of lines: worked out once (10,000 rows take milliseconds), then kept."""
        if self._starts is None:
            self._starts = list(accumulate([1 + item for item in self.item_flags()], initial=0))
        return self._starts

    @abstractmethod
    def _make(self, session: Session) -> SessionRow:
        """The row of ``session``."""

    def _row(self, index: int) -> Row:
        """Row ``index`` (within bounds): by default, the entry at ``index``."""
        return self._entry_row(index)

    def _entry_row(self, entry_index: int) -> Row:
        entry = self._entries[entry_index]
        if isinstance(entry, Heading):
            return entry
        row = self._made.get(entry_index)
        if row is None:
            row = self._made[entry_index] = self._make(entry)
        return row

    @overload
    def __getitem__(self, index: int) -> Row: ...

    @overload
    def __getitem__(self, index: slice) -> list[Row]: ...

    def __getitem__(self, index: int | slice) -> Row | list[Row]:
        if isinstance(index, slice):
            return [self._row(i) for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        return self._row(index)


class LazyRows(MadeOnRead):
    """Headings and sessions in list order; a session's row is made by ``make`` when read."""

    def __init__(
        self,
        entries: Sequence[Heading | Session],
        make: Callable[[Session], SessionRow],
        time_width: int = 11,
    ) -> None:
        """``time_width``: the width of the time column, which the caller knows without
        formatting every time (see :func:`confterm.present.day_rows.DayRows.time_width`)."""
        self._entries = entries
        self._maker = make
        self._made: dict[int, SessionRow] = {}
        self._position = {
            entry.id: n for n, entry in enumerate(entries) if isinstance(entry, Session)
        }
        self.time_width = time_width

    def __len__(self) -> int:
        return len(self._entries)

    def _make(self, session: Session) -> SessionRow:
        return self._maker(session)

    def index_of(self, target: JumpTarget) -> int | None:
        """The index of the row leading to ``target`` (without making any row)."""
        return self._position.get(target.item_id) if target.kind == "session" else None

    def item_flags(self) -> list[bool]:
        return [isinstance(entry, Session) for entry in self._entries]


__all__ = ["LazyRows", "MadeOnRead"]
