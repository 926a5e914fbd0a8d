"""A day's timetable as the printed program shows it: rooms as columns, time running down.

:func:`~confterm.present.grid_layout.build_layout` places each timed session of the day as a
block sized by its duration; :class:`TimetableGrid` draws only the lines and columns on
screen (line API), keeps the room names and the time gutter in view while scrolling, and
moves a cursor from block to block.
"""

from __future__ import annotations

from collections.abc import Callable
from collections.abc import Set as AbstractSet
from datetime import date, datetime, tzinfo
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style as RichStyle
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.style import Style

from confterm.model.program import Program, Session
from confterm.present.formatting import kind_label
from confterm.present.grid_layout import (
    MIN_COLUMN_WIDTH,
    GridLayouts,
    column_width,
    neighbour,
)
from confterm.queries.agenda import find_clashes
from confterm.text import one_line

STAR = "★"
CLASH = "⚠"
#: The now-line: drawn across empty cells and the time axis at the current time.
NOW_RULE = "─"
#: How often the now-line is moved (it moves a row every 5 or 15 minutes).
NOW_LINE_SECONDS = 30
#: Rows kept above the block (or now-line) the grid opens at: the hour it is in shows.
LEAD_ROWS = 2


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
    TimetableGrid > .timetable-grid--now { color: $accent; text-style: bold; }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "timetable-grid--header",
        "timetable-grid--gutter",
        "timetable-grid--block",
        "timetable-grid--marked",
        "timetable-grid--clash",
        "timetable-grid--cursor",
        "timetable-grid--now",
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
        now: Callable[[], datetime] | None = None,
        id: str | None = None,
    ) -> None:
        """``bookmarked``: the app state's own set of bookmarks, read whenever the grid is
        drawn (never copied); call :meth:`marks_changed` when it changes. ``now``: the app's
        clock, for the now-line (none without it)."""
        super().__init__(id=id)
        self.layouts = layouts
        self.program = layouts.index.program
        self.bookmarked = bookmarked
        self.grid = layouts.get(day, zone)
        self._now = now
        self.now_row: int | None = None
        self._now_label = ""
        self._sized = False
        self._fitted_for: Size | None = None
        self.column_width = MIN_COLUMN_WIDTH
        self._lines: dict[int, list[str]] = {}
        self._clashes: set[str] = set()
        self._update_clashes()
        self._fit_columns()
        self._update_now()

    def _virtual_size(self) -> Size:
        # Wide enough that the last column scrolls fully into view, and no more.
        width = self.grid.gutter + self.column_width * len(self.grid.columns)
        return Size(width + self._leftover(), self.grid.row_count + 1)

    def _available(self, size: Size | None = None) -> int:
        """The cells left of the time axis for the room columns (at ``size``, default the
        widget's)."""
        size = size or self.size
        width = size.width
        if self.grid.row_count + 1 > size.height:  # a vertical scrollbar takes its share
            width -= self.styles.scrollbar_size_vertical
        return max(0, width - self.grid.gutter)

    def _leftover(self) -> int:
        """The cells right of the last whole column on screen."""
        shown = self.shown_columns
        return max(0, self._available() - shown * self.column_width) if shown else 0

    @property
    def shown_columns(self) -> int:
        """How many whole columns fit on screen."""
        return max(1, self._available() // self.column_width) if self.column_width else 1

    def _fit_columns(self, size: Size | None = None) -> None:
        """Size the columns to the width available (they change with the terminal's width
        and the number of rooms); block texts are wrapped again when they do."""
        width = column_width(self._available(size), len(self.grid.columns))
        if width != self.column_width:
            self.column_width = width
            self._lines.clear()
        self.virtual_size = self._virtual_size()

    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        # Textual lays the widget out here and draws it next; the Resize event comes only
        # after that frame. Fitting the columns to the new size here, and scrolling to where
        # the grid opens, draws the first frame once and right (on a busy day a frame is
        # most of what opening the grid costs).
        refit = size != self._fitted_for
        if refit:
            self._fitted_for = size
            self._fit_columns(size)
        changed = super()._size_updated(size, virtual_size, container_size, layout)
        if size.area and not self._sized:
            self._sized = True
            self._scroll_to_start()
        elif size.area and refit:
            self._scroll_to_cursor()  # the columns may have changed width
        return changed

    def _update_clashes(self) -> None:
        # A clash matters between sessions the attendee means to attend: their bookmarks.
        # From the bookmarks (hundreds) rather than the day's blocks (thousands).
        on_grid, by_id = self.grid.block_index, self.program.session_by_id
        marked = [by_id[i] for i in self.bookmarked if i in on_grid]
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
        """Replace the grid with ``day``'s, the cursor on its earliest block (on today, on
        the first block still on at the now-line, which is then near the top)."""
        self.grid = self.layouts.get(day, self.grid.zone)
        self._lines.clear()
        self._update_clashes()
        self._fit_columns()
        self._update_now()
        self.scroll_to(0, 0, animate=False, immediate=True)
        self.cursor = self._block_at_now()
        if self.now_row is not None:
            self._scroll_to_start()
        self.refresh()

    def _block_at_now(self) -> int | None:
        """The block on at the now-line that started last (an all-day block would take the
        view back to the morning), else the next to start, else the day's first block."""
        now_row, blocks = self.now_row, self.grid.blocks
        if now_row is None:
            return self.grid.first
        on = [n for n, b in enumerate(blocks) if b.row <= now_row < b.row + b.height]
        if on:
            return max(on, key=lambda n: (blocks[n].row, -blocks[n].column))
        later = [n for n, b in enumerate(blocks) if b.row > now_row]
        return min(later, key=lambda n: (blocks[n].row, blocks[n].column), default=self.grid.first)

    def on_mount(self) -> None:
        if self.cursor is None:
            self.cursor = self.grid.first
        if self._now is not None:
            self.set_interval(NOW_LINE_SECONDS, self._tick)

    # -- the now-line -------------------------------------------------------------------------

    def _update_now(self) -> None:
        """The row the current time falls in, when it is on this grid."""
        self.now_row = None
        top = self.grid.top
        if self._now is None or top is None:
            return
        now = self._now()
        row = (now - top) // self.grid.slot
        if 0 <= row < self.grid.row_count:
            self.now_row = row
            self._now_label = f"{now.astimezone(self.grid.zone):%H:%M}"

    def _tick(self) -> None:
        before = (self.now_row, self._now_label)
        self._update_now()
        if (self.now_row, self._now_label) != before:
            self.refresh()

    # -- the cursor ---------------------------------------------------------------------------

    def _scroll_to_cursor(self) -> None:
        if self.cursor is not None:
            self._scroll_to_block(self.cursor)

    def _scroll_to_start(self) -> None:
        """Open with the now-line (or else the cursor's block) near the top: what is on and
        what follows is on screen, not what has passed; the cursor's block stays in view."""
        if self.cursor is None:
            return
        self._scroll_to_block(self.cursor)
        block = self.grid.blocks[self.cursor]
        rows = max(1, self.scrollable_content_region.height - 1)
        top = block.row if self.now_row is None else self.now_row
        top -= LEAD_ROWS
        if not top <= block.row < top + rows and not block.row <= top < block.row + block.height:
            top = block.row - LEAD_ROWS
        self.scroll_to(y=max(0, top), animate=False, immediate=True, force=True)

    def watch_cursor(self, old: int | None, new: int | None) -> None:
        self.refresh()
        if new is not None and self._sized:
            self._scroll_to_block(new)

    @property
    def first_column(self) -> int:
        """The leftmost column on screen: the view scrolls sideways by whole columns, so no
        column is ever half hidden behind the time axis."""
        if not self.column_width:
            return 0
        last = max(0, len(self.grid.columns) - self.shown_columns)
        return min(last, round(self.scroll_offset.x / self.column_width))

    def _scroll_to_block(self, index: int) -> None:
        block = self.grid.blocks[index]
        first, shown = self.first_column, self.shown_columns
        if block.column < first:
            first = block.column
        elif block.column >= first + shown:
            first = block.column - shown + 1
        # The room names take the first line: the rows below it show the blocks.
        rows = max(1, self.scrollable_content_region.height - 1)
        top = round(self.scroll_offset.y)
        height = min(block.height, rows)
        if block.row < top:
            top = block.row
        elif block.row + height > top + rows:
            top = block.row + height - rows
        self.scroll_to(first * self.column_width, top, animate=False, immediate=True, force=True)

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
    # Lines are built from segments directly: a busy day fills every cell of the screen with
    # a block, and going through Content for each cell cost more than the rest of a redraw.

    def _text(self, index: int) -> list[str]:
        """A block's lines, each cut or padded to the column (a mark goes before each)."""
        lines = self._lines.get(index)
        if lines is None:
            session = self.program.session_by_id[self.grid.blocks[index].session_id]
            width = self.column_width - 2
            lines = [
                _fit(line, width)
                for line in _block_lines(self.program, session, self.grid.zone, width)
            ]
            self._lines[index] = lines
        return lines

    def _palette(self) -> dict[str, RichStyle]:
        """The rich styles of one redraw, from the component classes (they follow the theme)."""
        base = self.get_visual_style("timetable-grid--gutter")
        header = self.get_visual_style("timetable-grid--header")
        clash = self.get_visual_style("timetable-grid--clash")
        now = self.get_visual_style("timetable-grid--now")
        bold = Style(bold=True)
        palette = {
            "base": base.rich_style,
            "header": header.rich_style,
            "header-bold": (header + bold).rich_style,
            "now": (base + now).rich_style,
        }
        for name in ("block", "marked", "cursor"):
            style = base + self.get_visual_style(f"timetable-grid--{name}")
            palette[name] = style.rich_style
            palette[f"{name}-bold"] = (style + bold).rich_style
            palette[f"{name}-clash"] = (style + clash).rich_style
        return palette

    def _cell(self, column: int, row: int, palette: dict[str, RichStyle]) -> list[Segment]:
        width = self.column_width
        index = self.grid.cells[column][row]
        if index == -1:
            if row == self.now_row:
                return [Segment(NOW_RULE * width, palette["now"])]
            return [Segment(" " * width, palette["base"])]
        block = self.grid.blocks[index]
        session_id = block.session_id
        offset = row - block.row
        lines = self._text(index)
        text = lines[offset] if offset < len(lines) else " " * (width - 2)
        if index == self.cursor:
            name = "cursor"
        elif session_id in self.bookmarked:
            name = "marked"
        else:
            name = "block"
        style, gap = palette[name], palette["base"]
        if offset != 0:
            return [Segment(" " + text, style), Segment(" ", gap)]
        if session_id in self._clashes:
            mark = Segment(CLASH, palette[f"{name}-clash"])
        else:
            mark = Segment(STAR if session_id in self.bookmarked else " ", style)
        # The start time (the first five cells) in bold.
        return [
            mark,
            Segment(text[:5], palette[f"{name}-bold"]),
            Segment(text[5:], style),
            Segment(" ", gap),
        ]

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        palette = self._palette()
        base = palette["base"]
        columns = self.grid.columns
        if not columns:
            text = " No timed sessions on this day." if y == 0 else ""
            return Strip([Segment(_fit(text, width), base)], width)
        first = self.first_column
        # Whole columns only: the few cells left at the right stay blank rather than show
        # the first letters of the next room.
        shown = range(first, min(first + self.shown_columns, len(columns)))
        gutter = self.grid.gutter
        segments: list[Segment]
        if y == 0:
            segments = [Segment(" " * gutter, palette["header"])]
            headers = self.grid.headers(self.column_width - 1)
            for column in shown:
                header = _fit(headers[column], self.column_width - 1) + " "
                segments.append(Segment(header, palette["header-bold"]))
            fill = palette["header"]
        else:
            row = round(self.scroll_offset.y) + y - 1
            if row >= self.grid.row_count:
                return Strip.blank(width, base)
            if row == self.now_row:
                label = Segment(self._now_label.ljust(gutter, NOW_RULE), palette["now"])
            else:
                label = Segment(self.grid.axis_label(row).ljust(gutter), base)
            segments = [label]
            for column in shown:
                segments += self._cell(column, row, palette)
            fill = base
        return Strip(segments).crop(0, width).extend_cell_length(width, fill)
