"""A list of ticks, narrowed as you type: the filter dialog's kinds, tracks and rooms.

Each line is ``› [x] Systems``: the ``[x]`` / ``[ ]`` mark shows what is ticked without
colour (NO_COLOR, a monochrome terminal) and ``›`` shows the cursor. Printable keys other than
space narrow the list to the names that contain what was typed (see
:func:`confterm.queries.filters.narrow`); Backspace takes a letter back; Space ticks. Lines are
drawn only when seen (line API): FOSDEM has over a hundred rooms and tracks, and a widget per
row made the dialog slow to open.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.segment import Segment
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from confterm.queries.filters import Choice, narrow

TICKED = "[x]"
UNTICKED = "[ ]"
CURSOR = "›"


class CheckList(ScrollView, can_focus=True):
    """Choices with a tick each; the ticked values live in a set the owner keeps."""

    DEFAULT_CSS = """
    CheckList { background: $surface; }
    CheckList > .check-list--cursor { background: $primary; color: $text; text-style: bold; }
    CheckList > .check-list--ticked { text-style: bold; }
    CheckList > .check-list--empty { color: $text-muted; }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "check-list--cursor",
        "check-list--ticked",
        "check-list--empty",
    }
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "tick", "Tick", tooltip="Tick or untick", id="filters.tick"),
        Binding("up", "move(-1)", "Up", show=False, id="filters.up"),
        Binding("down", "move(1)", "Down", show=False, id="filters.down"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="filters.page_up"),
        Binding("pagedown", "page(1)", "Page down", show=False, id="filters.page_down"),
        Binding("home", "first", "First", show=False, id="filters.first"),
        Binding("end", "last", "Last", show=False, id="filters.last"),
        Binding("backspace", "erase", "Erase", show=False, id="filters.erase"),
    ]

    cursor: reactive[int] = reactive(0)

    class Changed(Message):
        """What is typed or ticked changed (the dialog updates its lines)."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.choices: Sequence[Choice] = ()
        self.ticked: set[str] = set()
        self.typed = ""
        self.shown: list[Choice] = []

    # -- data ---------------------------------------------------------------------------------

    def show(self, choices: Sequence[Choice], ticked: set[str]) -> None:
        """Show ``choices`` (in their order), ticking from and into ``ticked``; what was
        typed is cleared."""
        self.choices = choices
        self.ticked = ticked
        self.typed = ""
        self._narrow()

    def _narrow(self) -> None:
        self.shown = narrow(self.choices, self.typed)
        self.virtual_size = Size(0, max(1, len(self.shown)))
        self.scroll_to(y=0, animate=False, immediate=True)
        self.cursor = 0
        self.refresh()
        self.post_message(self.Changed())

    @property
    def current(self) -> Choice | None:
        """The choice under the cursor."""
        return self.shown[self.cursor] if 0 <= self.cursor < len(self.shown) else None

    # -- keys ---------------------------------------------------------------------------------

    def on_key(self, event: events.Key) -> None:
        # Letters, digits and punctuation narrow the list; space is the tick key.
        if event.is_printable and event.character and event.character != " ":
            event.stop()
            event.prevent_default()
            self.typed += event.character
            self._narrow()

    def action_erase(self) -> None:
        """Take back the last letter typed."""
        if self.typed:
            self.typed = self.typed[:-1]
            self._narrow()

    def clear_query(self) -> bool:
        """Forget what was typed; False when nothing was."""
        if not self.typed:
            return False
        self.typed = ""
        self._narrow()
        return True

    def action_tick(self) -> None:
        """Tick or untick the choice under the cursor."""
        choice = self.current
        if choice is None:
            return
        self.ticked.symmetric_difference_update({choice.value})
        self.refresh_line(self.cursor)
        self.post_message(self.Changed())

    def action_move(self, step: int) -> None:
        """One line up (-1) or down (1)."""
        self.cursor = max(0, min(len(self.shown) - 1, self.cursor + step))

    def action_page(self, step: int) -> None:
        """A screenful up (-1) or down (1)."""
        self.action_move(step * max(1, self.scrollable_content_region.height - 1))

    def action_first(self) -> None:
        """The first choice."""
        self.cursor = 0

    def action_last(self) -> None:
        """The last choice."""
        self.cursor = max(0, len(self.shown) - 1)

    def watch_cursor(self, old: int, new: int) -> None:
        self.refresh_line(old)
        self.refresh_line(new)
        height = self.scrollable_content_region.height
        if not height:
            return
        top = round(self.scroll_offset.y)
        if new < top:
            self.scroll_to(y=new, animate=False, immediate=True)
        elif new >= top + height:
            self.scroll_to(y=new - height + 1, animate=False, immediate=True)

    def refresh_line(self, index: int) -> None:
        """Redraw the line of choice ``index``."""
        self.refresh_lines(index - round(self.scroll_offset.y))

    # -- drawing ------------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        index = round(self.scroll_offset.y) + y
        base = self.rich_style
        if not self.shown:
            text = f"  Nothing matches “{self.typed}”." if y == 0 and self.typed else ""
            style = base + self.get_component_rich_style("check-list--empty")
            return Strip([Segment(text[:width], style)]).extend_cell_length(width, base)
        if index >= len(self.shown):
            return Strip.blank(width, base)
        choice = self.shown[index]
        ticked = choice.value in self.ticked
        at_cursor = index == self.cursor and self.has_focus
        pointer = CURSOR if index == self.cursor else " "
        text = f"{pointer} {TICKED if ticked else UNTICKED} {choice.label}"
        style = base
        if ticked:
            style += self.get_component_rich_style("check-list--ticked")
        if at_cursor:
            style += self.get_component_rich_style("check-list--cursor")
        strip = Strip([Segment(text, style)])
        return strip.crop(0, width).extend_cell_length(width, style)

    async def _on_click(self, event: events.Click) -> None:
        # A click on a line moves there and ticks it, as Space would.
        index = round(self.scroll_offset.y) + event.y
        if 0 <= index < len(self.shown):
            self.cursor = index
            self.action_tick()

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()
