"""The keys of the screen shown, on the bottom line: what Textual's ``Footer`` shows, as one widget.

``Footer`` composes one widget per key, and only after the screen's first refresh (it waits
for the bindings, then recomposes): the first screen was drawn twice, the second time with ten
more widgets, and again whenever the focus moved. This bar draws the same line itself from the
screen's active bindings and redraws it, in place, when they change. A click runs the key, as
the footer's keys do; hovering a key shows its tooltip.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual.events import Click, Leave, MouseMove
from textual.screen import Screen
from textual.strip import Strip
from textual.widget import Widget

from confterm.tui.widgets.active_keys import ActiveKey, active_keys

SEPARATOR = "▏"


@dataclass(frozen=True, slots=True)
class _Entry:
    key: str
    key_display: str
    description: str
    tooltip: str
    enabled: bool


class KeyBar(Widget):
    """One line of keys (``b Bookmark  a Agenda …``), the command palette's key on the right."""

    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        width: 1fr;
        color: $footer-foreground;
        background: $footer-background;
        & > .key-bar--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        & > .key-bar--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        & > .key-bar--hover { background: $block-hover-background; }
        & > .key-bar--separator { color: $foreground 20%; }
    }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "key-bar--key",
        "key-bar--description",
        "key-bar--hover",
        "key-bar--separator",
    }

    def __init__(self, *, compact: bool = False, id: str | None = None) -> None:
        """``compact``: no padding around keys (the main screen, where every cell counts)."""
        super().__init__(id=id)
        self.compact = compact
        self._spans: list[tuple[int, int, _Entry]] = []  # cells of each key as last drawn
        self._hover: _Entry | None = None

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        # The keys may have moved under the pointer: nothing is hovered until it moves again.
        self._hover = None
        self.tooltip = None
        self.refresh()

    def entries(self) -> tuple[list[_Entry], _Entry | None]:
        """The keys shown (one per action, the first bound), and the command palette's key."""
        app = self.app
        active = active_keys(self.screen)
        by_action: dict[str, _Entry] = {}
        for key in active.values():
            if key.binding.show and key.binding.action not in by_action:
                by_action[key.binding.action] = self._entry(key)
        palette = None
        if app.ENABLE_COMMAND_PALETTE and app.COMMAND_PALETTE_BINDING in active:
            key = active[app.COMMAND_PALETTE_BINDING]
            palette = self._entry(key)
            by_action.pop(key.binding.action, None)
        return list(by_action.values()), palette

    def _entry(self, key: ActiveKey) -> _Entry:
        binding, enabled, tooltip = key.binding, key.enabled, key.tooltip
        return _Entry(
            key=binding.key,
            key_display=self.app.get_key_display(binding),
            description=binding.description,
            tooltip=tooltip or binding.tooltip or binding.description,
            enabled=enabled,
        )

    def _parts(self, entry: _Entry, *, compact: bool) -> tuple[str, str]:
        if compact:
            return entry.key_display, f" {entry.description}" if entry.description else ""
        return f" {entry.key_display} ", f"{entry.description} " if entry.description else ""

    def _segments(self, entry: _Entry, *, compact: bool) -> list[Segment]:
        key, description = self._parts(entry, compact=compact)
        key_style = self.get_component_rich_style("key-bar--key")
        text_style = self.get_component_rich_style("key-bar--description")
        if entry == self._hover:
            hover = self.get_component_rich_style("key-bar--hover", partial=True)
            key_style, text_style = key_style + hover, text_style + hover
        if not entry.enabled:
            key_style, text_style = key_style + Style(dim=True), text_style + Style(dim=True)
        return [Segment(key, key_style), Segment(description, text_style)]

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        base = self.rich_style
        if y != 0:
            return Strip.blank(width, base)
        keys, palette = self.entries()
        gap = 1 if self.compact else 0
        right: list[Segment] = []
        if palette is not None:
            separator = self.get_component_rich_style("key-bar--separator")
            # The palette's key is drawn compact, one cell from the edge, as the footer draws it.
            right = [
                Segment(SEPARATOR, separator),
                *self._segments(palette, compact=True),
                Segment(" ", base),
            ]
        room = width - sum(len(s.text) for s in right)
        left: list[Segment] = []
        spans: list[tuple[int, int, _Entry]] = []
        x = 0
        for entry in keys:
            segments = self._segments(entry, compact=self.compact)
            length = sum(len(s.text) for s in segments)
            if x + length > room:
                break  # what does not fit is left out whole, never cut
            spans.append((x, x + length, entry))
            left += segments
            x += length
            if gap and x + gap <= room:
                left.append(Segment(" " * gap, base))
                x += gap
        if x < room:
            left.append(Segment(" " * (room - x), base))
        if palette is not None:
            start = max(room, 0) + len(SEPARATOR)
            spans.append((start, width, palette))
        self._spans = spans
        return Strip([*left, *right]).crop(0, width).extend_cell_length(width, base)

    def entry_at(self, x: int) -> _Entry | None:
        """The key drawn at column ``x``, if any."""
        for start, end, entry in self._spans:
            if start <= x < end:
                return entry
        return None

    def on_click(self, event: Click) -> None:
        entry = self.entry_at(event.x)
        if entry is None:
            return
        if entry.enabled:
            self.app.simulate_key(entry.key)
        else:
            self.app.bell()

    def on_mouse_move(self, event: MouseMove) -> None:
        entry = self.entry_at(event.x)
        self.tooltip = entry.tooltip if entry else None
        if entry != self._hover:
            self._hover = entry
            self.refresh()

    def on_leave(self, event: Leave) -> None:
        self.tooltip = None
        if self._hover is not None:
            self._hover = None
            self.refresh()
