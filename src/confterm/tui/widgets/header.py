"""The top line: conference, the day shown, and the current time in the display zone."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from confterm.present.formatting import clock_time, zone_label
from confterm.text import one_line
from confterm.tui.state import AppState


class ConfHeader(Static):
    """``MLSys 2025 · Tue 13 May · now 10:42 America/Los_Angeles (PDT)``, kept up to date."""

    DEFAULT_CSS = """
    ConfHeader {
        height: 1;
        width: 1fr;
        background: $panel;
        color: $foreground;
        padding: 0 1;
    }
    """

    def __init__(self, state: AppState, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.state = state
        self.day_text = ""
        self._shown: Content | None = None

    def on_mount(self) -> None:
        self.tick()
        self.set_interval(1.0, self.tick)

    def set_day(self, text: str) -> None:
        """Name the day (or tab) being shown."""
        self.day_text = text
        self.tick()

    def line(self) -> Content:
        """The header's content at the current time."""
        now = self.state.now()
        parts: list[Content | str | tuple[str, str]] = [
            (one_line(self.state.program.conference.short_name), "bold $text-accent"),
        ]
        if self.day_text:
            parts += [("  ·  ", "$text-muted"), (self.day_text, "bold")]
        parts += [
            ("  ·  now ", "$text-muted"),
            (clock_time(now, self.state.zone), "bold"),
            " ",
            (zone_label(self.state.zone, now), "$text-muted"),
        ]
        return Content.assemble(*parts)

    def tick(self) -> None:
        """Redraw when the shown minute (or day) changed."""
        content = self.line()
        if content != self._shown:
            self._shown = content
            self.update(content)
