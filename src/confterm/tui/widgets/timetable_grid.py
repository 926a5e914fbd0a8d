"""A day's timetable as the printed program shows it: rooms as columns, time running down.

:func:`build_layout` places each timed session of the day as a block sized by its duration
(sessions overlapping in one room get side-by-side lanes); :class:`TimetableGrid` draws only
the lines and columns on screen (line API), keeps the room names and the time gutter in view
while scrolling, and moves a cursor from block to block.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.visual import Visual

from confterm.agenda import find_clashes, in_time_order
from confterm.model.program import Program, Session
from confterm.text import one_line

COLUMN_WIDTH = 24
GUTTER_WIDTH = 6
#: The time axis of a day that runs into another date in the display zone: ``Mon 00:00``.
DATED_GUTTER_WIDTH = 10
NO_ROOM = "(no room)"
STAR = "★"
CLASH = "⚠"


@dataclass(frozen=True)
class Block:
    """One session on the grid: its column, first row and height in rows."""

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

    def block_of(self, session_id: str) -> int | None:
        """The index of the session's block, if it is on the grid."""
        for index, block in enumerate(self.blocks):
            if block.session_id == session_id:
                return index
        return None

    def time_at(self, row: int) -> datetime | None:
        """The moment the row starts, in the display zone.

        Rows are real time (blocks are placed by the time between two instants): adding in
        UTC keeps the axis right past a DST change in the display zone, where adding to a
        local time would read an hour off."""
        if self.top is None:
            return None
        return (self.top.astimezone(UTC) + self.slot * row).astimezone(self.zone)


def _slot_for(sessions: list[Session]) -> timedelta:
    """15-minute rows, or 5-minute rows when a session is shorter than 15 minutes."""
    shortest = min((s.duration for s in sessions if s.duration), default=timedelta(hours=1))
    return timedelta(minutes=5) if shortest < timedelta(minutes=15) else timedelta(minutes=15)


def build_layout(program: Program, day: date | None, zone: tzinfo) -> GridLayout:
    """The grid of ``day``'s timed sessions in ``zone``, rooms in the program's order."""
    sessions = [
        s
        for s in in_time_order(program.sessions)
        if s.day == day and s.start is not None and s.end is not None
    ]
    layout = GridLayout(day=day, zone=zone, slot=_slot_for(sessions))
    if not sessions:
        return layout
    first = min(s.start for s in sessions if s.start is not None).astimezone(zone)
    # Rows start on a whole slot in the display zone, so times line up with the clock.
    minutes = first.hour * 60 + first.minute
    slot_minutes = int(layout.slot.total_seconds() // 60)
    top = first.replace(minute=0, second=0, microsecond=0) + timedelta(
        minutes=(minutes % 60) // slot_minutes * slot_minutes
    )
    layout.top = top
    order = {room.id: n for n, room in enumerate(program.rooms)}
    by_room: dict[str | None, list[Session]] = {}
    for session in sessions:
        by_room.setdefault(session.room, []).append(session)
    rooms = sorted(by_room, key=lambda r: (r is None, order.get(r or "", len(order)), r or ""))
    last_row = 0
    for room in rooms:
        name = (program.room_by_id[room].name if room in program.room_by_id else room) or NO_ROOM
        lanes: list[datetime] = []  # when each lane of this room is free again
        for session in by_room[room]:
            assert session.start is not None
            assert session.end is not None
            lane = next((n for n, free in enumerate(lanes) if free <= session.start), None)
            if lane is None:
                lane = len(lanes)
                lanes.append(session.end)
                layout.columns.append(GridColumn(one_line(name), lane))
            lanes[lane] = session.end
            column = len(layout.columns) - len(lanes) + lane
            row = int((session.start - top) // layout.slot)
            height = max(1, math.ceil((session.end - session.start) / layout.slot))
            layout.blocks.append(Block(session.id, column, row, height, session.start))
            last_row = max(last_row, row + height)
    layout.row_count = last_row
    dates = {top.date(), (top + layout.slot * max(0, last_row - 1)).astimezone(zone).date()}
    if dates != {day}:
        layout.gutter = DATED_GUTTER_WIDTH
    layout.cells = [[-1] * last_row for _ in layout.columns]
    for index, block in enumerate(layout.blocks):
        cells = layout.cells[block.column]
        for row in range(block.row, block.row + block.height):
            if cells[row] == -1:
                cells[row] = index
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
        in_time = sorted(range(len(layout.blocks)), key=lambda n: _time_key(layout, n))
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


def _time_key(layout: GridLayout, index: int) -> tuple[int, int]:
    block = layout.blocks[index]
    return (block.row, block.column)


def _fit(text: str, width: int) -> str:
    content = Content(text)
    if content.cell_length > width:
        return content.truncate(width - 1).plain + "…"
    return text + " " * (width - content.cell_length)


def _block_lines(program: Program, session: Session, zone: tzinfo, width: int) -> list[str]:
    """The text of a block, line by line: time and title, then speakers and room notes."""
    assert session.start is not None
    assert session.end is not None
    start = session.start.astimezone(zone).strftime("%H:%M")
    end = session.end.astimezone(zone).strftime("%H:%M")
    words = one_line(session.title).split()
    lines: list[str] = []
    current = f"{start}"
    for word in words:
        if Content(f"{current} {word}").cell_length <= width:
            current = f"{current} {word}"
        else:
            lines.append(current)
            current = word
    lines.append(current)
    speakers = ", ".join(one_line(s.name) for s in program.speakers_of(session))
    extra = [f"{session.kind.label} until {end}"]
    if speakers:
        extra.insert(0, speakers)
    return lines + extra


class TimetableGrid(ScrollView, can_focus=True):
    """The grid of one day; posts :class:`TimetableGrid.Selected` on Enter."""

    DEFAULT_CSS = """
    TimetableGrid { background: $surface; }
    TimetableGrid > .timetable-grid--header { background: $panel; text-style: bold; }
    TimetableGrid > .timetable-grid--gutter { color: $text-muted; }
    TimetableGrid > .timetable-grid--block { background: $boost; }
    TimetableGrid > .timetable-grid--marked { background: $warning 25%; }
    TimetableGrid > .timetable-grid--clash { color: $error; }
    TimetableGrid > .timetable-grid--cursor { background: $primary; color: $text; }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "timetable-grid--header",
        "timetable-grid--gutter",
        "timetable-grid--block",
        "timetable-grid--marked",
        "timetable-grid--clash",
        "timetable-grid--cursor",
    }
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "up,k",
            "move('up')",
            "Up",
            tooltip="Block above, else the one before",
            show=False,
            id="grid.up",
        ),
        Binding(
            "down,j",
            "move('down')",
            "Down",
            tooltip="Block below, else the one after",
            show=False,
            id="grid.down",
        ),
        Binding(
            "left,h",
            "move('left')",
            "Left",
            tooltip="Nearest block in a room to the left",
            show=False,
            id="grid.left",
        ),
        Binding(
            "right,l",
            "move('right')",
            "Right",
            tooltip="Nearest block in a room to the right",
            show=False,
            id="grid.right",
        ),
        Binding("enter", "select", "Open", tooltip="Open the session", id="grid.open"),
    ]

    cursor: reactive[int | None] = reactive(None)

    class Selected(Message):
        """The user pressed Enter on a block."""

        def __init__(self, session_id: str) -> None:
            super().__init__()
            self.session_id = session_id

    def __init__(
        self,
        program: Program,
        day: date | None,
        zone: tzinfo,
        bookmarked: set[str] | None = None,
        *,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.program = program
        self.bookmarked = bookmarked or set()
        self.grid = build_layout(program, day, zone)
        self._lines: dict[int, list[str]] = {}
        self._clashes: set[str] = set()
        self._update_clashes()
        self.virtual_size = self._virtual_size()

    def _virtual_size(self) -> Size:
        width = self.grid.gutter + COLUMN_WIDTH * len(self.grid.columns)
        return Size(width, self.grid.row_count + 1)

    def _update_clashes(self) -> None:
        # A clash matters between sessions the attendee means to attend: their bookmarks.
        marked = [
            self.program.session_by_id[b.session_id]
            for b in self.grid.blocks
            if b.session_id in self.bookmarked
        ]
        self._clashes = set(find_clashes(marked))

    def set_bookmarks(self, bookmarked: set[str]) -> None:
        """Redraw with a new set of bookmarked ids."""
        self.bookmarked = set(bookmarked)
        self._update_clashes()
        self.refresh()

    @property
    def current_session(self) -> str | None:
        """The id of the session under the cursor."""
        return None if self.cursor is None else self.grid.blocks[self.cursor].session_id

    def move_to(self, session_id: str) -> bool:
        """Put the cursor on ``session_id``'s block; False when it is not on this grid."""
        index = self.grid.block_of(session_id)
        if index is not None:
            self.cursor = index
        return index is not None

    def show_day(self, day: date | None) -> None:
        """Replace the grid with ``day``'s, the cursor on its earliest block."""
        self.grid = build_layout(self.program, day, self.grid.zone)
        self._lines.clear()
        self._update_clashes()
        self.virtual_size = self._virtual_size()
        self.scroll_to(0, 0, animate=False, immediate=True)
        self.cursor = self._first_block()
        self.refresh()

    def _first_block(self) -> int | None:
        blocks = range(len(self.grid.blocks))
        return min(blocks, key=lambda n: _time_key(self.grid, n), default=None)

    def on_mount(self) -> None:
        if self.cursor is None:
            self.cursor = self._first_block()

    def watch_cursor(self, old: int | None, new: int | None) -> None:
        self.refresh()
        if new is not None and self.is_mounted:
            self.call_after_refresh(self._scroll_to_block, new)

    def _scroll_to_block(self, index: int) -> None:
        block = self.grid.blocks[index]
        # The header and gutter are drawn over the scrolled area, so leave room for them.
        region = Region(
            block.column * COLUMN_WIDTH,
            block.row,
            COLUMN_WIDTH + self.grid.gutter,
            min(block.height, max(1, self.scrollable_content_region.height - 1)) + 1,
        )
        self.scroll_to_region(region, animate=False, immediate=True, force=True)

    def action_move(self, direction: str) -> None:
        """Move the cursor to the neighbouring block in ``direction``."""
        if self.cursor is None:
            return
        target = neighbour(self.grid, self.cursor, direction)
        if target is not None:
            self.cursor = target

    def action_select(self) -> None:
        """Open the session under the cursor."""
        if self.current_session is not None:
            self.post_message(self.Selected(self.current_session))

    # -- drawing ------------------------------------------------------------------------------

    def _text(self, index: int) -> list[str]:
        lines = self._lines.get(index)
        if lines is None:
            session = self.program.session_by_id[self.grid.blocks[index].session_id]
            lines = _block_lines(self.program, session, self.grid.zone, COLUMN_WIDTH - 3)
            self._lines[index] = lines
        return lines

    def _cell(self, column: int, row: int) -> Content:
        index = self.grid.cells[column][row]
        if index == -1:
            return Content(" " * COLUMN_WIDTH)
        block = self.grid.blocks[index]
        session_id = block.session_id
        offset = row - block.row
        lines = self._text(index)
        text = lines[offset] if offset < len(lines) else ""
        mark = " "
        if offset == 0 and session_id in self._clashes:
            mark = CLASH
        elif offset == 0 and session_id in self.bookmarked:
            mark = STAR
        if index == self.cursor:
            style = "timetable-grid--cursor"
        elif session_id in self.bookmarked:
            style = "timetable-grid--marked"
        else:
            style = "timetable-grid--block"
        body = Content.styled(_fit(f"{mark}{text}", COLUMN_WIDTH - 1), self.get_visual_style(style))
        if offset == 0:
            body = body.stylize("bold", 0, 6)
        if mark == CLASH:
            body = body.stylize("$error", 0, 1)
        return Content.assemble(body, " ")

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        scroll_x, scroll_y = self.scroll_offset
        base = self.get_visual_style("timetable-grid--gutter")
        if not self.grid.columns:
            text = " No timed sessions on this day." if y == 0 else ""
            return Strip(list(Content(_fit(text, width)).render_segments(base)), width)
        first = scroll_x // COLUMN_WIDTH
        skip = scroll_x % COLUMN_WIDTH
        count = (width - self.grid.gutter) // COLUMN_WIDTH + 2
        columns = range(first, min(first + count, len(self.grid.columns)))
        if y == 0:
            gutter = Content(" " * self.grid.gutter)
            cells = [
                Content.styled(_fit(self._header(c), COLUMN_WIDTH - 1) + " ", "bold")
                for c in columns
            ]
        else:
            row = scroll_y + y - 1
            if row >= self.grid.row_count:
                return Strip.blank(width, base.rich_style)
            label = self.grid.axis_label(row)
            gutter = Content.styled(label.ljust(self.grid.gutter), "$text-muted")
            cells = [self._cell(c, row) for c in columns]
        body = Content("").join(cells)[skip:]
        line = Content.assemble(gutter, body)
        style = base if y else self.get_visual_style("timetable-grid--header")
        strips = Visual.to_strips(self, line, width, 1, style, pad=True)
        return strips[0].crop(0, width) if strips else Strip.blank(width)

    def _header(self, column: int) -> str:
        info = self.grid.columns[column]
        return info.room_name if info.lane == 0 else f"{info.room_name} ({info.lane + 1})"
