"""A fast, single-line-per-row list: the base of every list in the app.

It is a line-API widget: it draws only the rows on screen, so a day of 10,000 sessions costs
no more to show than a day of ten. Rows are the plain dataclasses of :mod:`confterm.present.rows`
(a day's come as a :class:`~confterm.present.day_rows.DayRows`, which makes each row when
first read);
text from data is put into :class:`~textual.content.Content` as plain strings, never markup.
"""

from __future__ import annotations

from collections.abc import Sequence
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
from confterm.present.rows import (
    BoothRow,
    Heading,
    MissingRow,
    NowLine,
    PaperRow,
    Row,
    SessionRow,
)

STAR = "★"
CLASH = "⚠"
NOW_STYLE = "bold $text-error"  # the calendar convention: a red line at the current time


def _fit(text: str, width: int) -> str:
    """``text`` cut to ``width`` cells with an ellipsis, padded to exactly ``width``."""
    if width <= 0:
        return ""
    content = Content(text)
    if content.cell_length > width:
        return content.truncate(width - 1).plain + "…"
    return text + " " * (width - content.cell_length)


def render_row(row: Row, width: int, time_width: int = 11) -> Content:
    """One row as styled content exactly ``width`` cells wide."""
    if isinstance(row, Heading):
        label = f"── {row.text} "
        return Content.styled(
            _fit(label + "─" * max(0, width - len(label)), width), "bold $text-accent"
        )
    if isinstance(row, NowLine):
        label = f"── now {row.time} "
        return Content.styled(_fit(label + "─" * max(0, width - len(label)), width), NOW_STYLE)
    if isinstance(row, SessionRow):
        marks = Content.assemble(
            (STAR if row.bookmarked else " ", "bold $text-warning"),
            (CLASH if row.clash else " ", "bold $text-error"),
        )
        fixed = 2 + 1 + time_width + 1 + 9 + 1
        rest = max(0, width - fixed)
        room_width = min(Content(row.room).cell_length, 18, rest // 3) if row.room else 0
        title_width = rest - (room_width + 1 if room_width else 0)
        parts: list[Content | tuple[str, str] | str] = [
            marks,
            " ",
            (_fit(row.time, time_width), "$text-muted"),
            " ",
            (_fit(row.kind, 9), "italic $text-secondary"),
            " ",
            _fit(row.title, title_width),
        ]
        if room_width:
            parts += [" ", (_fit(row.room, room_width), "$text-muted")]
        return _pad(Content.assemble(*parts), width)
    if isinstance(row, BoothRow):
        mark = (STAR if row.to_visit else " ", "bold $text-warning")
        rest = max(0, width - 2)
        level_width = min(10, rest // 5)
        location_width = min(26, rest // 3)
        name_width = max(0, rest - level_width - location_width - 2)
        return _pad(
            Content.assemble(
                mark,
                " ",
                _fit(row.organisation, name_width),
                " ",
                (_fit(row.level, level_width), "italic $text-secondary"),
                " ",
                (_fit(row.location, location_width), "$text-muted"),
            ),
            width,
        )
    if isinstance(row, PaperRow):
        rest = max(0, width - 1)
        authors_width = rest // 4
        session_width = rest // 4
        title_width = max(0, rest - authors_width - session_width - 2)
        return _pad(
            Content.assemble(
                (STAR if row.starred else " ", "bold $text-warning"),
                _fit(row.title, title_width),
                " ",
                (_fit(row.authors, authors_width), "$text-secondary"),
                " ",
                (_fit(row.session, session_width), "$text-muted"),
            ),
            width,
        )
    assert isinstance(row, MissingRow)
    text = f"  {row.label or f'{row.kind} {row.item_id!r}'} is no longer in the program"
    return Content.styled(_fit(text, width), "$text-muted")


def _pad(content: Content, width: int) -> Content:
    return content.truncate(width, pad=True)


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
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.rows: Sequence[Row] = []
        self.empty = empty
        self._time_width = 11
        self._cache: dict[tuple[int, int, bool, bool], Strip] = {}

    # -- data ---------------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[Row], cursor_to: JumpTarget | None = None) -> None:
        """Show ``rows``; put the cursor on ``cursor_to`` if present, else the first item."""
        self.rows = rows
        self._cache.clear()
        if isinstance(rows, DayRows):
            self._time_width = rows.time_width
        else:
            times = [len(r.time) for r in rows if isinstance(r, SessionRow)]
            self._time_width = max([11, *times]) if times else 11
        self.virtual_size = _virtual_size(rows)
        index = self.index_of(cursor_to) if cursor_to is not None else None
        if index is None:
            index = self._next_item(-1, 1)
        self.scroll_to(y=0, animate=False, immediate=True)
        self.cursor = index
        self.refresh()

    def rows_moved(self, target: JumpTarget | None) -> None:
        """The rows changed places (a line came, went or moved): redraw, the cursor kept on
        ``target`` (the item it was on before the change), without scrolling to the top."""
        self._cache.clear()
        self.virtual_size = _virtual_size(self.rows)
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
            self.refresh_line(index)
        if announce and self.cursor in gone:
            self.post_message(self.Highlighted(self, self.current_row))

    def index_of(self, target: JumpTarget) -> int | None:
        """The index of the row leading to ``target``."""
        if isinstance(self.rows, DayRows):
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
                self.refresh_line(index)
        if new is not None:
            self._scroll_to_cursor(new)
        self.post_message(self.Highlighted(self, self.current_row))

    def _scroll_to_cursor(self, index: int) -> None:
        height = self.scrollable_content_region.height or self.size.height
        top = index
        # Keep the heading above the first item of a group in view.
        if index > 0 and isinstance(self.rows[index - 1], Heading):
            top = index - 1
        if top < self.scroll_offset.y:
            self.scroll_to(y=top, animate=False, immediate=True)
        elif height and index >= self.scroll_offset.y + height:
            self.scroll_to(y=index - height + 1, animate=False, immediate=True)

    def on_resize(self) -> None:
        self._cache.clear()
        self.virtual_size = _virtual_size(self.rows)
        if self.cursor is not None:
            self._scroll_to_cursor(self.cursor)

    def action_cursor_up(self) -> None:
        """Previous item."""
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
        index = self._next_item(-1 if self.cursor is None else self.cursor, 1)
        if index is not None:
            self.cursor = index

    def _jump(self, start: int, step: int) -> None:
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

    def action_page_up(self) -> None:
        """Up one screen."""
        self._jump((self.cursor or 0) - max(1, self.size.height - 1), -1)

    def action_page_down(self) -> None:
        """Down one screen."""
        self._jump((self.cursor or 0) + max(1, self.size.height - 1), 1)

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

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        index = self.scroll_offset.y + y
        base = self.get_visual_style("row-list--row")
        if not self.rows:
            if y == 0:
                content = Content.styled(_fit(f" {self.empty}", width), "$text-muted")
                return Strip(list(content.render_segments(base)), width)
            return Strip.blank(width, base.rich_style)
        if index >= len(self.rows):
            return Strip.blank(width, base.rich_style)
        at_cursor = index == self.cursor
        key = (index, width, at_cursor, self.has_focus)
        strip = self._cache.get(key)
        if strip is None:
            style = (
                self.get_visual_style("row-list--row", "row-list--cursor") if at_cursor else base
            )
            content = render_row(self.rows[index], width, self._time_width)
            if at_cursor and self.has_focus and not self.app.current_theme.dark:
                # A light theme's cursor is as dark as the row's muted and secondary text:
                # the cursor row takes the cursor's own (contrasting) colour throughout.
                content = Content(content.plain)
            # The row is exactly one line of ``width`` cells: its segments make the strip
            # directly (Visual.to_strips would wrap and pad it again: most of a line's cost).
            segments = list(content.render_segments(style))
            strip = Strip(segments, width).apply_meta({"row": index})
            if len(self._cache) > 4000:
                self._cache.clear()
            self._cache[key] = strip
        return strip

    def on_focus(self) -> None:
        if self.cursor is not None:
            self.refresh_line(self.cursor)

    def on_blur(self) -> None:
        if self.cursor is not None:
            self.refresh_line(self.cursor)


def _virtual_size(rows: Sequence[Row]) -> Size:
    # Rows are drawn to the width shown and never scroll sideways: the virtual width stays 0,
    # so a resize changes nothing here and costs no second layout pass (as on the first frame).
    return Size(0, max(len(rows), 1))
