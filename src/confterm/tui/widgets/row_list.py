"""A fast list of rows on one line each or, for sessions and papers, two: the base of every
list in the app.

It is a line-API widget: it draws only the lines on screen, so a day of 10,000 sessions costs
no more to show than a day of ten. In a two-line list a session or paper row takes two lines
(what they show: :mod:`confterm.tui.widgets.row_render`); where each row starts is kept as
running totals, so the row at a line is found by bisection. Rows are the plain dataclasses of
:mod:`confterm.present.rows` (a day's come as a :class:`~confterm.present.day_rows.DayRows`,
which makes each row when first read).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from itertools import accumulate
from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from confterm.model.targets import JumpTarget
from confterm.present.day_rows import DayRows
from confterm.present.lazy_rows import LazyRows, MadeOnRead
from confterm.present.rows import Heading, MissingRow, PaperRow, Row, SessionRow
from confterm.tui.widgets.row_render import CLASH, STAR, fit, render_lines, render_row

#: Re-exported: the lists' marks and one-line rendering are named from here too.
__all__ = ["CLASH", "STAR", "RowList", "render_row"]


class RowList(ScrollView, can_focus=True):
    """A cursor over a list of rows; headings are shown but skipped by the cursor."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up,k", "cursor_up", "Up", show=False, id="list.up"),
        Binding("down,j", "cursor_down", "Down", show=False, id="list.down"),
        Binding("pageup", "page_up", "Page up", show=False, id="list.page_up"),
        Binding("pagedown", "page_down", "Page down", show=False, id="list.page_down"),
        Binding("home", "first", "First", show=False, id="list.first"),
        Binding("end", "last", "Last", show=False, id="list.last"),
        Binding(
            "enter",
            "select",
            "Open",
            tooltip="Open detail, or go to the session",
            show=False,
            id="list.open",
        ),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {"row-list--cursor", "row-list--row"}

    DEFAULT_CSS = """
    RowList {
        background: $surface;
        overflow-x: hidden;
        & > .row-list--cursor { background: $block-cursor-blurred-background; }
        &:focus > .row-list--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
        }
    }
    """

    cursor: reactive[int | None] = reactive(None, always_update=True, init=False)

    class Highlighted(Message):
        """The cursor moved to a new item (or to nothing)."""

        def __init__(self, row_list: RowList, row: Row | None) -> None:
            super().__init__()
            self.row_list = row_list
            self.row = row

        @property
        def control(self) -> RowList:
            """The list that sent it."""
            return self.row_list

    class Selected(Message):
        """Enter (or a click) on an item."""

        def __init__(self, row_list: RowList, row: Row) -> None:
            super().__init__()
            self.row_list = row_list
            self.row = row

        @property
        def control(self) -> RowList:
            """The list that sent it."""
            return self.row_list

    def __init__(
        self,
        *,
        empty: str = "Nothing here.",
        two_lines: bool = False,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        """``two_lines``: sessions and papers take two lines (who and where, a long title)."""
        super().__init__(name=name, id=id, classes=classes)
        self.rows: Sequence[Row] = []
        self.empty = empty
        self.two_lines = two_lines
        self._time_width = 11
        #: The first line of each row, then the number of lines (None: one line per row).
        self._starts: list[int] | None = None
        #: Where set_rows or show_at last wanted the list scrolled, once its height is known.
        self._wanted_top: tuple[int, int | None] | None = None
        self._cache: dict[tuple[int, int, bool, bool], list[Strip]] = {}

    # -- data ---------------------------------------------------------------------------------

    def set_rows(
        self,
        rows: Sequence[Row],
        cursor_to: JumpTarget | None = None,
        *,
        also_show: int | None = None,
        in_place: bool = False,
    ) -> None:
        """Show ``rows``; put the cursor on ``cursor_to`` if present (near the top, with
        what follows below it), else on the first item. ``also_show``: a row to bring on
        screen too, with as much as fits after it, as long as the cursor stays on screen
        (today's now-line). ``in_place``: the same list again, redrawn (a clock's refresh):
        where it is scrolled stays, as long as the cursor's row stays on screen."""
        self.rows = rows
        self._cache.clear()
        if isinstance(rows, (DayRows, LazyRows)):
            self._time_width = rows.time_width
        else:
            times = [len(r.time) for r in rows if isinstance(r, SessionRow)]
            self._time_width = max([11, *times]) if times else 11
        self._measure()
        index = self.index_of(cursor_to) if cursor_to is not None else None
        if in_place and index is not None:
            self.cursor = index  # scrolls only as far as the row needs to be seen
            self.refresh()
            return
        self.scroll_to(y=0, animate=False, immediate=True)
        if index is None:
            self.cursor = self._next_item(-1, 1)
            return
        self.set_reactive(RowList.cursor, index)
        self.show_at(index, also_show)
        self.cursor = index

    def show_at(self, index: int, also_show: int | None = None, *, retry: bool = True) -> None:
        """Scroll so that row ``index`` (with the heading above it) is at the top, or higher
        up when ``also_show`` would otherwise be below the screen."""
        height = self.scrollable_content_region.height
        if not height:
            self._wanted_top = (index, also_show)
            return  # not laid out yet: done on the first resize
        self._wanted_top = None
        top = self.line_of(index - 1 if index > 0 and self._is_heading(index - 1) else index)
        if also_show is not None and also_show > index:
            # Room for the line and the row after it; the cursor's row stays on screen.
            wanted_end = self.line_of(min(also_show + 2, len(self.rows)))
            top = max(top, min(wanted_end - height, self.line_of(index)))
        self.scroll_to(y=top, animate=False, immediate=True)
        if retry and self.scroll_offset.y != min(top, self.max_scroll_y):
            # Refused: a list that was empty has no scrollbar until it is laid out again.
            self.call_after_refresh(self._show_again, index, also_show)

    def _show_again(self, index: int, also_show: int | None) -> None:
        if self.cursor == index:
            self.show_at(index, also_show, retry=False)

    def _is_heading(self, index: int) -> bool:
        return isinstance(self.rows[index], Heading)

    def rows_moved(self, target: JumpTarget | None) -> None:
        """The rows changed places (a line came, went or moved): redraw, the cursor kept on
        ``target`` (the item it was on before the change), without scrolling to the top."""
        self._cache.clear()
        self._measure()
        index = self.index_of(target) if target is not None else None
        self.set_reactive(RowList.cursor, index if index is not None else self.cursor)
        self.refresh()

    def update_rows(self, indexes: list[int], *, announce: bool = True) -> None:
        """Redraw only the rows at ``indexes`` (after their data changed in place).

        When the row under the cursor is among them, Highlighted is posted again, unless
        ``announce`` is False (the caller refreshes what shows that row itself).
        """
        gone = set(indexes)
        self._cache = {k: v for k, v in self._cache.items() if k[0] not in gone}
        for index in indexes:
            self._refresh_row(index)
        if announce and self.cursor in gone:
            self.post_message(self.Highlighted(self, self.current_row))

    def index_of(self, target: JumpTarget) -> int | None:
        """The index of the row leading to ``target``."""
        if isinstance(self.rows, (DayRows, LazyRows)):
            return self.rows.index_of(target)
        for index, row in enumerate(self.rows):
            if row.target == target:
                return index
        return None

    @property
    def current_row(self) -> Row | None:
        """The row under the cursor."""
        if self.cursor is None or not 0 <= self.cursor < len(self.rows):
            return None
        return self.rows[self.cursor]

    @property
    def current_target(self) -> JumpTarget | None:
        """Where the row under the cursor leads."""
        row = self.current_row
        return row.target if row is not None else None

    def move_to(self, target: JumpTarget) -> bool:
        """Put the cursor on ``target``; False when it is not in the list."""
        index = self.index_of(target)
        if index is None:
            return False
        self.cursor = index
        return True

    # -- lines --------------------------------------------------------------------------------

    def _measure(self) -> None:
        """Count the lines each row takes (two for sessions and papers in a two-line list)
        and size the scrolled area to them."""
        rows = self.rows
        if not self.two_lines:
            self._starts = None
        elif isinstance(rows, MadeOnRead):
            self._starts = rows.line_starts()  # kept by the rows: a day shown again is free
        else:
            width = self.scrollable_content_region.width
            heights = [self.row_height(row, width) for row in rows]
            self._starts = list(accumulate(heights, initial=0))
        # Rows are drawn to the width shown and never scroll sideways: the virtual width
        # stays 0, so a resize costs no second layout pass (as on the first frame).
        self.virtual_size = Size(0, max(self.line_of(len(rows)), 1))

    def row_height(self, row: Row, width: int) -> int:
        """The lines ``row`` takes in a two-line list ``width`` wide (0: not laid out yet);
        always the number of contents :meth:`row_lines` gives for it."""
        return 2 if isinstance(row, (SessionRow, PaperRow)) else 1

    def line_of(self, index: int) -> int:
        """The first line of row ``index`` (``len(rows)``: the number of lines)."""
        return index if self._starts is None else self._starts[index]

    def row_at(self, line: int) -> tuple[int, int]:
        """The row at ``line`` and which of its lines it is."""
        if self._starts is None:
            return line, 0
        index = bisect_right(self._starts, line) - 1
        return index, line - self._starts[index]

    def _lines(self, index: int) -> int:
        return 1 if self._starts is None else self._starts[index + 1] - self._starts[index]

    def _refresh_row(self, index: int) -> None:
        if 0 <= index < len(self.rows):
            self.refresh_lines(self.line_of(index), self._lines(index))

    # -- cursor -------------------------------------------------------------------------------

    def _selectable(self, index: int) -> bool:
        return self.rows[index].target is not None or isinstance(self.rows[index], MissingRow)

    def _next_item(self, start: int, step: int) -> int | None:
        index = start + step
        while 0 <= index < len(self.rows):
            if self._selectable(index):
                return index
            index += step
        return None

    def watch_cursor(self, old: int | None, new: int | None) -> None:
        for index in (old, new):
            if index is not None:
                self._cache = {k: v for k, v in self._cache.items() if k[0] != index}
                self._refresh_row(index)
        if new is not None:
            self._scroll_to_cursor(new)
        self.post_message(self.Highlighted(self, self.current_row))

    def _scroll_to_cursor(self, index: int) -> None:
        height = self.scrollable_content_region.height or self.size.height
        if not 0 <= index < len(self.rows):
            return
        top = self.line_of(index)
        # Keep the heading above the first item of a group in view.
        if index > 0 and self._is_heading(index - 1):
            top = self.line_of(index - 1)
        bottom = self.line_of(index + 1)  # the line after the row
        if top < self.scroll_offset.y:
            self.scroll_to(y=top, animate=False, immediate=True)
        elif height and bottom > self.scroll_offset.y + height:
            self.scroll_to(y=bottom - height, animate=False, immediate=True)

    def on_resize(self) -> None:
        self._cache.clear()
        self._measure()
        if self._wanted_top is not None and self.scrollable_content_region.height:
            index, also_show = self._wanted_top
            self._wanted_top = None
            if index == self.cursor:
                self.show_at(index, also_show)
        if self.cursor is not None:
            self._scroll_to_cursor(self.cursor)

    def action_cursor_up(self) -> None:
        """Previous item."""
        self._wanted_top = None
        if self.cursor is None:
            self.cursor = self._next_item(len(self.rows), -1)
            return
        index = self._next_item(self.cursor, -1)
        if index is not None:
            self.cursor = index
        else:
            self.scroll_to(y=0, animate=False)

    def action_cursor_down(self) -> None:
        """Next item."""
        self._wanted_top = None
        index = self._next_item(-1 if self.cursor is None else self.cursor, 1)
        if index is not None:
            self.cursor = index

    def _jump(self, start: int, step: int) -> None:
        self._wanted_top = None
        start = max(0, min(start, len(self.rows) - 1))
        index = self._next_item(start - step, step)
        if index is None:
            index = self._next_item(start, -step)
        if index is not None:
            self.cursor = index

    def move_near(self, index: int) -> None:
        """Put the cursor on the item at ``index`` or the next one after (else before): where
        an item that left the list was."""
        self._jump(min(index, len(self.rows) - 1), 1)

    def _page(self, step: int) -> None:
        """One screen up (``step`` -1) or down (1), by lines."""
        if not self.rows:
            return
        line = self.line_of(self.cursor or 0) + step * max(1, self.size.height - 1)
        line = max(0, min(line, self.line_of(len(self.rows)) - 1))
        self._jump(self.row_at(line)[0], step)

    def action_page_up(self) -> None:
        """Up one screen."""
        self._page(-1)

    def action_page_down(self) -> None:
        """Down one screen."""
        self._page(1)

    def action_first(self) -> None:
        """First item."""
        self._jump(0, 1)

    def action_last(self) -> None:
        """Last item."""
        self._jump(len(self.rows) - 1, -1)

    def action_select(self) -> None:
        """Open the item under the cursor."""
        row = self.current_row
        if row is not None:
            self.post_message(self.Selected(self, row))

    async def _on_click(self, event: events.Click) -> None:
        index = event.style.meta.get("row")
        if index is None or not 0 <= index < len(self.rows) or not self._selectable(index):
            return
        if self.cursor == index and event.chain >= 2:
            self.action_select()
        self.cursor = index

    # -- drawing ------------------------------------------------------------------------------

    def row_lines(self, row: Row, width: int) -> list[Content]:
        """What ``row`` shows, one content per line (a list may draw some rows its way)."""
        two = self.two_lines and isinstance(row, (SessionRow, PaperRow))
        return render_lines(row, width, self._time_width, two_lines=two)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.get_visual_style("row-list--row")
        if not self.rows:
            if y == 0:
                content = Content.styled(fit(f" {self.empty}", width), "$text-muted")
                return Strip(list(content.render_segments(base)), width)
            return Strip.blank(width, base.rich_style)
        line = self.scroll_offset.y + y
        if line >= self.line_of(len(self.rows)):
            return Strip.blank(width, base.rich_style)
        index, part = self.row_at(line)
        at_cursor = index == self.cursor
        key = (index, width, at_cursor, self.has_focus)
        strips = self._cache.get(key)
        if strips is None:
            style = (
                self.get_visual_style("row-list--row", "row-list--cursor") if at_cursor else base
            )
            strips = []
            for content in self.row_lines(self.rows[index], width):
                if at_cursor and self.has_focus and not self.app.current_theme.dark:
                    # A light theme's cursor is as dark as the row's muted and secondary
                    # text: the cursor row takes the cursor's own (contrasting) colour.
                    content = Content(content.plain)
                # Each line is exactly ``width`` cells: its segments make the strip directly
                # (Visual.to_strips would wrap and pad it again: most of a line's cost).
                segments = list(content.render_segments(style))
                strips.append(Strip(segments, width).apply_meta({"row": index}))
            if len(self._cache) > 4000:
                self._cache.clear()
            self._cache[key] = strips
        return strips[part] if part < len(strips) else Strip.blank(width, base.rich_style)

    def on_focus(self) -> None:
        if self.cursor is not None:
            self._refresh_row(self.cursor)

    def on_blur(self) -> None:
        if self.cursor is not None:
            self._refresh_row(self.cursor)
