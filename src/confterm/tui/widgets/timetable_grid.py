"""A day's timetable as the printed program shows it: rooms as columns, time running down.

:func:`~confterm.present.grid_layout.build_layout` places each timed session of the day as a
block sized by its duration; :class:`TimetableGrid` draws only the lines and columns on
screen (line API), keeps the room names and the time gutter in view while scrolling, and
moves a cursor from block to block.
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from datetime import date, tzinfo
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.visual import Visual

from confterm.model.program import Program, Session
from confterm.present.formatting import kind_label
from confterm.present.grid_layout import GridLayouts, neighbour
from confterm.queries.agenda import find_clashes
from confterm.text import one_line

COLUMN_WIDTH = 24
STAR = "★"
CLASH = "⚠"


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
    extra = [f"{kind_label(session)} until {end}".lstrip()]
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
        layouts: GridLayouts,
        day: date | None,
        zone: tzinfo,
        bookmarked: AbstractSet[str] = frozenset(),
        *,
        id: str | None = None,
    ) -> None:
        """``bookmarked``: the app state's own set of bookmarks, read whenever the grid is
        drawn (never copied); call :meth:`marks_changed` when it changes."""
        super().__init__(id=id)
        self.layouts = layouts
        self.program = layouts.index.program
        self.bookmarked = bookmarked
        self.grid = layouts.get(day, zone)
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

    def marks_changed(self) -> None:
        """Redraw after the bookmarks changed."""
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
        self.grid = self.layouts.get(day, self.grid.zone)
        self._lines.clear()
        self._update_clashes()
        self.virtual_size = self._virtual_size()
        self.scroll_to(0, 0, animate=False, immediate=True)
        self.cursor = self._first_block()
        self.refresh()

    def _first_block(self) -> int | None:
        return self.grid.first

    def on_mount(self) -> None:
        if self.cursor is None:
            self.cursor = self._first_block()
        # A cursor set before mounting was not scrolled to; the screen may still move it to
        # the session it opens on, so the block is read once the first frame is drawn.
        self.call_after_refresh(self._scroll_to_cursor)

    def _scroll_to_cursor(self) -> None:
        if self.cursor is not None:
            self._scroll_to_block(self.cursor)

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
