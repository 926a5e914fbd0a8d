"""The top line: conference, the day shown, the current time in the display zone and, when
some sessions have no announced time, how many do (quietly, at the right)."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from confterm.model.program import Program
from confterm.present.formatting import clock_time, completeness_forms, zone_label
from confterm.text import one_line
from confterm.tui.state import AppState


class ConfHeader(Static):
    """``MLSys 2025 · Tue 13 May · now 10:42 America/Los_Angeles (PDT)``, kept up to date,
    and at the right ``5 of 22 sessions have an announced time`` (shortened to fit, down to
    ``5/22 timed``, left out when even that does not fit)."""

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
        # Counted once per program, not on every tick (a program may hold 50,000 sessions).
        self._counted: Program | None = None
        self._forms: list[str] = []

    def on_mount(self) -> None:
        self.tick()
        self.set_interval(1.0, self.tick)
        self.watch(self.state, "zone", self.tick, init=False)

    def on_resize(self) -> None:
        self.tick()

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
        left = Content.assemble(*parts)
        room = self.size.width - left.cell_length - 2
        for text in self._completeness():
            if len(text) <= room:
                return Content.assemble(left, " " * (room - len(text) + 2), (text, "$text-muted"))
        return left

    def _completeness(self) -> list[str]:
        """How many sessions have an announced time, longest wording first; [] when all do."""
        program = self.state.program
        if self._counted is not program:
            self._counted = program
            self._forms = completeness_forms(program.sessions)
            self.tooltip = f"{self._forms[0]}; the others say time TBA." if self._forms else None
        return self._forms

    def tick(self) -> None:
        """Redraw when the shown minute (or day) changed."""
        content = self.line()
        if content != self._shown:
            self._shown = content
            self.update(content)
