"""The main screen's tabs (days, booths, papers, my agenda) as one widget.

Textual's ``Tabs`` is a container of one widget per tab plus an animated underline: with eight
tabs it was a tenth of the app's start (about 20 ms before the first frame). This draws the
same two lines itself: the labels, then a bar with the active tab's part highlighted.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import ClassVar

from rich.segment import Segment
from textual.events import Click, Resize
from textual.message import Message
from textual.strip import Strip
from textual.widget import Widget

PAD = 1  # cells either side of a label


def cells_needed(labels: Iterable[str]) -> int:
    """The width of tabs labelled ``labels``, padding included."""
    return sum(len(label) + 2 * PAD for label in labels)


class TabBar(Widget):
    """Labels on the first line; under them a bar, highlighted under the active tab."""

    DEFAULT_CSS = """
    TabBar {
        width: 1fr;
        height: 2;
        pointer: pointer;
        & > .tab-bar--tab { color: $foreground 50%; }
        & > .tab-bar--active { color: $foreground; }
        & > .tab-bar--bar { color: $foreground 10%; }
        & > .tab-bar--highlight { color: $block-cursor-background; }
        &:ansi {
            & > .tab-bar--tab { text-style: dim; }
            & > .tab-bar--active { text-style: not dim bold; }
            & > .tab-bar--bar { color: $border-blurred; }
        }
    }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "tab-bar--tab",
        "tab-bar--active",
        "tab-bar--bar",
        "tab-bar--highlight",
    }

    class Clicked(Message):
        """A tab other than the active one was clicked."""

        def __init__(self, tab_id: str) -> None:
            super().__init__()
            self.tab_id = tab_id

    def __init__(
        self,
        tabs: Iterable[tuple[str, str]],
        *,
        active: str,
        labels_for: Callable[[int], Iterable[tuple[str, str]]] | None = None,
        id: str | None = None,
    ) -> None:
        """``tabs``: (tab id, label) pairs, in order. ``labels_for``: the labels for a width
        (shorter on a narrow terminal), asked again whenever the bar's width changes."""
        super().__init__(id=id)
        self._labels = dict(tabs)
        self._active = active
        self._labels_for = labels_for

    def on_resize(self, event: Resize) -> None:
        if self._labels_for is not None:
            self.set_labels(dict(self._labels_for(event.size.width)))

    @property
    def tab_ids(self) -> list[str]:
        """Every tab's id, in order."""
        return list(self._labels)

    @property
    def active(self) -> str:
        """The id of the highlighted tab."""
        return self._active

    @active.setter
    def active(self, tab_id: str) -> None:
        if tab_id != self._active and tab_id in self._labels:
            self._active = tab_id
            self.refresh()

    def label(self, tab_id: str) -> str:
        """The label shown for ``tab_id``."""
        return self._labels[tab_id]

    def set_labels(self, labels: dict[str, str]) -> None:
        """Relabel tabs (by id); tabs not named keep their label."""
        new = {k: v for k, v in labels.items() if k in self._labels and self._labels[k] != v}
        if new:
            self._labels.update(new)
            self.refresh()

    def _total(self) -> int:
        """The width of every tab, before any scrolling."""
        return cells_needed(self._labels.values())

    def _spans(self) -> list[tuple[str, int, int]]:
        """(tab id, first cell of its label, cell after it), before any scrolling."""
        spans = []
        x = 0
        for tab_id, label in self._labels.items():
            start = x + PAD
            end = start + len(label)
            spans.append((tab_id, start, end))
            x = end + PAD
        return spans

    def _shift(self, spans: list[tuple[str, int, int]]) -> int:
        """How far the tabs are moved left so the active one is seen on a narrow screen: to
        the start of a tab at or before it, so none is cut on the left, leaving a cell for
        the › when tabs remain beyond the right edge."""
        width = self.size.width
        total = self._total()
        active_end = next((e for t, _, e in spans if t == self._active), None)
        if total <= width or active_end is None:
            return 0
        for tab_id, start, _ in spans:
            shift = start - PAD
            room = width if total - shift <= width else width - 1
            if active_end + PAD - shift <= room:
                return shift
            if tab_id == self._active:
                return shift  # a label wider than the screen: it starts at the left edge
        return 0

    def _right_edge(self, spans: list[tuple[str, int, int]], shift: int) -> int:
        """The first column, before scrolling, past the tabs that can be drawn whole."""
        total = self._total()
        width = self.size.width
        return shift + width - (1 if total - shift > width else 0)

    def _shown(self, spans: list[tuple[str, int, int]], shift: int) -> list[str]:
        """The tabs drawn whole between the edges (a cut tab is not drawn at all), in order."""
        right = self._right_edge(spans, shift)
        return [
            tab_id
            for tab_id, start, end in spans
            if (start - PAD >= shift and end + PAD <= right) or tab_id == self._active
        ]

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        spans = self._spans()
        shift = self._shift(spans)
        if y == 1:
            segments = self._bar_segments(spans, shift + width)
            return Strip(segments).crop(shift, shift + width).extend_cell_length(width)
        if y != 0:
            return Strip.blank(width, self.rich_style)
        segments = self._label_segments(spans, self._shown(spans, shift))
        line = Strip(segments).crop(shift, shift + width)
        line = line.extend_cell_length(width, self.rich_style)
        # Tabs left out at either edge are announced there, as the list does with "…".
        muted = self.get_component_rich_style("tab-bar--tab")
        total = self._total()
        if shift > 0:
            line = Strip.join([Strip([Segment("‹", muted)]), line.crop(1, width)])
        if total - shift > width:
            line = Strip.join([line.crop(0, width - 1), Strip([Segment("›", muted)])])
        return line

    def _label_segments(self, spans: list[tuple[str, int, int]], shown: list[str]) -> list[Segment]:
        base = self.rich_style
        muted = self.get_component_rich_style("tab-bar--tab")
        bright = self.get_component_rich_style("tab-bar--active")
        segments = []
        for tab_id, _, _ in spans:
            label = self._labels[tab_id]
            style = bright if tab_id == self._active else muted
            segments.append(Segment(" " * PAD, base))
            segments.append(Segment(label if tab_id in shown else " " * len(label), style))
            segments.append(Segment(" " * PAD, base))
        return segments

    def _bar_segments(self, spans: list[tuple[str, int, int]], length: int) -> list[Segment]:
        bar = self.get_component_rich_style("tab-bar--bar")
        lit = self.get_component_rich_style("tab-bar--highlight")
        start, end = next(((s, e) for t, s, e in spans if t == self._active), (0, 0))
        length = max(length, end + PAD)
        if start == end:
            return [Segment("━" * length, bar)]
        before, after = start - 1, length - end - 1
        return [
            Segment("━" * before, bar),
            Segment("╸", bar),
            Segment("━" * (end - start), lit),
            Segment("╺", bar),
            Segment("━" * after, bar),
        ]

    def tab_at(self, x: int) -> str | None:
        """The tab drawn at column ``x`` of the widget (label or padding); on a ‹ or › the
        tab hidden just beyond that edge; None on empty cells."""
        spans = self._spans()
        shift = self._shift(spans)
        shown = self._shown(spans, shift)
        order = [tab_id for tab_id, _, _ in spans]
        if not shown:
            return None
        if shift > 0 and x == 0:
            before = order.index(shown[0]) - 1
            return order[before] if before >= 0 else None
        total = self._total()
        if total - shift > self.size.width and x == self.size.width - 1:
            after = order.index(shown[-1]) + 1
            return order[after] if after < len(order) else None
        x += shift
        for tab_id, start, end in spans:
            if tab_id in shown and start - PAD <= x < end + PAD:
                return tab_id
        return None

    def on_click(self, event: Click) -> None:
        tab_id = self.tab_at(event.x)
        if tab_id is not None and tab_id != self._active:
            self.post_message(self.Clicked(tab_id))
