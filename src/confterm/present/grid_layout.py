"""Where a day's timetable blocks go: rooms as columns, rows of a fixed slot in real time.

Pure data for :class:`~confterm.tui.widgets.timetable_grid.TimetableGrid` (no drawing):
:func:`build_layout` places each timed session of a conference day as a block sized by its
duration (sessions overlapping in one room get side-by-side lanes) and :func:`neighbour` says
where the arrow keys go from a block.
"""

from __future__ import annotations

import threading
import unicodedata
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import NamedTuple

from confterm.model.program import Session
from confterm.queries.index import ProgramIndex
from confterm.queries.lookup import common_prefix_length
from confterm.text import one_line

GUTTER_WIDTH = 6
#: The narrowest a room's column gets: a block's first line still shows ``10:30 Title``.
MIN_COLUMN_WIDTH = 22
#: The widest: with few rooms, columns share the screen up to this width each.
MAX_COLUMN_WIDTH = 44
#: The time axis of a day that runs into another date in the display zone: ``Mon 00:00``.
DATED_GUTTER_WIDTH = 10
NO_ROOM = "(no room)"


class Block(NamedTuple):
    """One session on the grid: its column, first row and height in rows (a named tuple: a
    busy day has ten thousand of them, made each time the day is shown)."""

    session_id: str
    column: int
    row: int
    height: int
    start: datetime


@dataclass(frozen=True)
class GridColumn:
    """One column: a room, or one lane of a room whose sessions overlap."""

    room_name: str
    lane: int


@dataclass
class GridLayout:
    """Where every block of a day goes. Pure data, computed once per day and zone."""

    day: date | None
    zone: tzinfo
    slot: timedelta = timedelta(minutes=15)
    top: datetime | None = None
    row_count: int = 0
    columns: list[GridColumn] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    # cells[column][row]: index into blocks, or -1 for an empty cell.
    cells: list[list[int]] = field(default_factory=list)
    gutter: int = GUTTER_WIDTH  # the time axis's width
    first: int | None = None  # the earliest block (by row, then column): where the cursor starts
    #: The day's sessions without a time (listed under the grid), in the day's order.
    untimed: tuple[Session, ...] = ()
    #: Each block's index by session id.
    block_index: dict[str, int] = field(default_factory=dict)
    _headers: dict[int, list[str]] = field(default_factory=dict, repr=False, compare=False)

    def axis_label(self, row: int) -> str:
        """The time axis at ``row``: ``10:00`` on whole hours (and on the first row); the
        first row of a date other than the conference day's in the display zone names its
        weekday (``Mon 00:00``), as list rows do."""
        moment = self.time_at(row)
        if moment is None or (moment.minute != 0 and row != 0):
            return ""
        local = moment.astimezone(self.zone)
        if local.date() != self.day:
            before = self.time_at(row - 1) if row else None
            if before is None or before.astimezone(self.zone).date() != local.date():
                return f"{local:%a %H:%M}"
        return f"{local:%H:%M}"

    def headers(self, width: int) -> list[str]:
        """The columns' headers at ``width`` cells (see :func:`column_headers`), made once
        per width: a busy day has a thousand lanes."""
        made = self._headers.get(width)
        if made is None:
            made = self._headers[width] = column_headers(self.columns, width)
        return made

    def block_of(self, session_id: str) -> int | None:
        """The index of the session's block, if it is on the grid."""
        return self.block_index.get(session_id)

    def time_at(self, row: int) -> datetime | None:
        """The moment the row starts, in the display zone.

        Rows are real time (blocks are placed by the time between two instants): adding in
        UTC keeps the axis right past a DST change in the display zone, where adding to a
        local time would read an hour off."""
        if self.top is None:
            return None
        return (self.top.astimezone(UTC) + self.slot * row).astimezone(self.zone)


def _slot_for(spans: list[tuple[int, int]]) -> timedelta:
    """15-minute rows, or 5-minute rows when a session is shorter than 15 minutes."""
    shortest = min((end - start for start, end in spans if end != start), default=_HOUR_US)
    return timedelta(minutes=5) if shortest < _QUARTER_US else timedelta(minutes=15)


_MICRO = 1_000_000
_HOUR_US = 3600 * _MICRO
_QUARTER_US = 900 * _MICRO


def _micros(span: tuple[float, float]) -> tuple[int, int]:
    """A (start, end) of POSIX timestamps in whole microseconds (exact: a float timestamp of
    this century is within a quarter of a microsecond of the instant it was made from)."""
    return round(span[0] * _MICRO), round(span[1] * _MICRO)


def build_layout(index: ProgramIndex, day: date | None, zone: tzinfo) -> GridLayout:
    """The grid of ``day``'s timed sessions in ``zone``, rooms in the program's order."""
    program = index.program
    # The day's sessions in time order come from the index: no sort of the whole program.
    # Times are compared and divided as integers (microseconds): arithmetic on aware datetimes
    # converts both to UTC each time, which a 10,000-session day cannot afford.
    on_day = index.sessions_on(day)
    timed = [(s, s.start) for s in on_day if s.start is not None and s.end is not None]
    sessions = [s for s, _ in timed]
    times = index.times  # sessions_on filled it for each of these
    spans = [_micros(times[s.id]) for s in sessions]
    layout = GridLayout(day=day, zone=zone, slot=_slot_for(spans))
    # A day's sessions without a time come last in its order (see queries.index.sort_key).
    layout.untimed = tuple(on_day[len(timed) :])
    if not sessions:
        return layout
    earliest = min(range(len(timed)), key=lambda n: spans[n][0])
    first = timed[earliest][1].astimezone(zone)
    # Rows start on a whole slot in the display zone, so times line up with the clock.
    minutes = first.hour * 60 + first.minute
    slot_minutes = int(layout.slot.total_seconds() // 60)
    top = first.replace(minute=0, second=0, microsecond=0) + timedelta(
        minutes=(minutes % 60) // slot_minutes * slot_minutes
    )
    layout.top = top
    top_us = round(top.timestamp() * _MICRO)
    slot_us = int(layout.slot.total_seconds()) * _MICRO
    order = {room.id: n for n, room in enumerate(program.rooms)}
    by_room: dict[str | None, list[tuple[int, int, Session, datetime]]] = {}
    for (session, begins), (start, end) in zip(timed, spans, strict=True):
        by_room.setdefault(session.room, []).append((start, end, session, begins))
    rooms = sorted(by_room, key=lambda r: (r is None, order.get(r or "", len(order)), r or ""))
    columns, blocks = layout.columns, layout.blocks
    last_row = 0
    for room in rooms:
        name = (program.room_by_id[room].name if room in program.room_by_id else room) or NO_ROOM
        name = one_line(name)
        base = len(columns)  # this room's first column
        lanes: list[int] = []  # when each lane of this room is free again
        for start, end, session, begins in by_room[room]:
            for lane, free in enumerate(lanes):  # noqa: B007 (the lane found is used below)
                if free <= start:
                    break
            else:
                lane = len(lanes)
                lanes.append(end)
                columns.append(GridColumn(name, lane))
            lanes[lane] = end
            row = (start - top_us) // slot_us
            height = (end - start + slot_us - 1) // slot_us
            if height < 1:
                height = 1
            blocks.append(Block(session.id, base + lane, row, height, begins))
            if row + height > last_row:
                last_row = row + height
    layout.row_count = last_row
    dates = {top.date(), (top + layout.slot * max(0, last_row - 1)).astimezone(zone).date()}
    if dates != {day}:
        layout.gutter = DATED_GUTTER_WIDTH
    layout.first = min(
        range(len(blocks)), key=lambda n: (blocks[n].row, blocks[n].column), default=None
    )
    layout.block_index = {block.session_id: n for n, block in enumerate(blocks)}
    layout.cells = grid = [[-1] * last_row for _ in columns]
    for number, (_, column, top_row, height, _) in enumerate(blocks):
        cells = grid[column]
        for row in range(top_row, top_row + height):
            if cells[row] == -1:
                cells[row] = number
    return layout


def column_width(available: int, columns: int) -> int:
    """The width of each room's column when ``available`` cells are left of the time axis:
    as many whole columns as fit at :data:`MIN_COLUMN_WIDTH` or more share the width (no
    column is cut at the right edge), up to :data:`MAX_COLUMN_WIDTH` each."""
    shown = max(1, min(columns, available // MIN_COLUMN_WIDTH))
    return max(MIN_COLUMN_WIDTH, min(MAX_COLUMN_WIDTH, available // shown))


def cell_width(text: str) -> int:
    """How many terminal cells ``text`` takes: wide East Asian characters take two,
    combining marks none."""
    if text.isascii():
        return len(text)  # names are on one line: no control characters
    return sum(
        0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1
        for c in text
    )


def shorten(text: str, width: int) -> str:
    """``text`` cut to ``width`` cells, ending in "…" when cut."""
    if cell_width(text) <= width:
        return text
    return _cut(text, width - 1) + "…"


def _cut(text: str, width: int) -> str:
    """The start of ``text`` that fits in ``width`` cells."""
    kept = ""
    for char in text:
        if cell_width(kept + char) > width:
            break
        kept += char
    return kept


def column_headers(columns: list[GridColumn], width: int) -> list[str]:
    """One header per column, at most ``width`` cells each. A lane of a room keeps its
    number (``Room A (2)``); rooms whose names are cut to the same text show where they
    differ instead (``Saal A - Lötstation… 2``), so no two rooms get one header."""
    suffixes = [f" ({c.lane + 1})" if c.lane else "" for c in columns]
    names = [c.room_name for c in columns]
    # A room with many lanes has many columns of one name: each name is cut once per room.
    cut: dict[tuple[str, int], str] = {}
    heads = []
    for name, suffix in zip(names, suffixes, strict=True):
        key = (name, max(1, width - len(suffix)))
        if key not in cut:
            cut[key] = shorten(*key)
        heads.append(cut[key])
    by_head: dict[str, set[str]] = {}
    for name, head in zip(names, heads, strict=True):
        by_head.setdefault(head, set()).add(name)
    parted: dict[tuple[str, int], str] = {}
    for n, name in enumerate(names):
        clashing = by_head[heads[n]] - {name}
        if not clashing:
            continue
        key = (name, len(suffixes[n]))
        if key in parted:
            heads[n] = parted[key]
            continue
        room = max(1, width - cell_width(suffixes[n]))
        differs = max(common_prefix_length(name, other) for other in clashing)
        rest = name[differs:]
        if not rest:  # a name that is the start of another: its cut end tells them apart
            continue
        # Keep the start, then "…", then from where the names part (cut too if long).
        tail_room = max(1, room // 2)
        tail = rest if cell_width(rest) <= tail_room else shorten(rest, tail_room)
        head = _cut(name[:differs], max(0, room - cell_width(tail) - 1)) + "…"
        heads[n] = parted[key] = head + tail
    return [head + suffix for head, suffix in zip(heads, suffixes, strict=True)]


class GridLayouts:
    """The grid layouts of one program, by day and display zone, each built once: a
    10,000-session day takes tens of milliseconds to lay out, too long for every opening of
    the grid or every ``]``. The app builds some ahead of time in threads; a layout asked for
    while a thread builds it is waited for, never built twice."""

    def __init__(self, index: ProgramIndex) -> None:
        self.index = index
        self._built: dict[tuple[date | None, tzinfo], GridLayout] = {}
        self._locks: dict[tuple[date | None, tzinfo], threading.Lock] = {}
        self._locks_lock = threading.Lock()

    def has(self, day: date | None, zone: tzinfo) -> bool:
        """True when ``day``'s layout in ``zone`` is built already."""
        return (day, zone) in self._built

    def get(self, day: date | None, zone: tzinfo) -> GridLayout:
        """The layout of ``day`` in ``zone`` (built now if it was not before)."""
        key = (day, zone)
        layout = self._built.get(key)
        if layout is None:
            with self._locks_lock:
                lock = self._locks.setdefault(key, threading.Lock())
            with lock:
                layout = self._built.get(key)
                if layout is None:
                    layout = self._built[key] = build_layout(self.index, day, zone)
        return layout


def neighbour(layout: GridLayout, current: int, direction: str) -> int | None:
    """The block to move to from block ``current``: up/down within its column (or, at the end
    of the column, to the previous/next block in time in any room), left/right to the
    nearest column that has a block, picking the one nearest in time."""
    block = layout.blocks[current]
    if direction in ("up", "down"):
        step = -1 if direction == "up" else 1
        same = sorted((b.row, n) for n, b in enumerate(layout.blocks) if b.column == block.column)
        position = same.index((block.row, current))
        if 0 <= position + step < len(same):
            return same[position + step][1]
        # Nothing above or below in this room: an arrow that did nothing felt broken.
        in_time = sorted(range(len(layout.blocks)), key=lambda n: time_key(layout, n))
        position = in_time.index(current) + step
        return in_time[position] if 0 <= position < len(in_time) else None
    step = -1 if direction == "left" else 1
    column = block.column + step
    while 0 <= column < len(layout.columns):
        candidates = [n for n, b in enumerate(layout.blocks) if b.column == column]
        if candidates:

            def distance(n: int) -> tuple[int, int]:
                other = layout.blocks[n]
                overlapping = (
                    other.row < block.row + block.height and block.row < other.row + other.height
                )
                return (0 if overlapping else 1, abs(other.row - block.row))

            return min(candidates, key=distance)
        column += step
    return None


def time_key(layout: GridLayout, index: int) -> tuple[int, int]:
    """Blocks in time order: by first row, then column."""
    block = layout.blocks[index]
    return (block.row, block.column)
