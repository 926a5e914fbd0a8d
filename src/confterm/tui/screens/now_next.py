"""Now & next (``n``): what is on across all rooms by the app's clock, and what starts soon.

The list refreshes every 30 seconds as the clock runs. Outside the conference it says when the
conference starts or that it has ended, and ``f`` jumps to the first day. It dismisses with a
:class:`~confterm.model.targets.JumpTarget` (the session picked, or the first session of the
first day) or None on Esc.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from confterm.model.targets import JumpTarget
from confterm.present.formatting import clock_time, zone_label
from confterm.queries.nownext import (
    DEFAULT_WINDOW,
    NowNext,
    duration_text,
    first_session_id,
    now_and_next,
    outside_message,
)
from confterm.tui.screens.search import result_option, session_prompt
from confterm.tui.state import AppState

REFRESH_SECONDS = 30.0


class NowNextScreen(ModalScreen[JumpTarget | None]):
    """Sessions in progress (with time left) and starting within 90 minutes."""

    DEFAULT_CSS = """
    NowNextScreen { align: center middle; }
    NowNextScreen > Vertical {
        width: 90%; max-width: 130; height: 80%;
        border: thick $accent; background: $surface; padding: 0 1;
    }
    NowNextScreen #now-title { text-style: bold; height: 1; }
    NowNextScreen #now-message { color: $text-muted; height: auto; }
    NowNextScreen OptionList { height: 1fr; border: none; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,n", "cancel", "Back", id="now.back"),
        Binding("f", "first_day", "First day", id="now.first_day"),
    ]

    def __init__(self, state: AppState) -> None:
        super().__init__()
        self.state = state
        self.result: NowNext | None = None
        self._targets: list[str] = []

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label("", id="now-title")
            yield Label("", id="now-message")
            yield OptionList(id="now-list")

    def on_mount(self) -> None:
        # A bookmark made elsewhere (another confterm, the CLI) or the zone: redraw.
        self.state.subscribe(self, lambda _change: self.refresh_list())
        self.refresh_list()
        self.query_one(OptionList).focus()
        self.set_interval(REFRESH_SECONDS, self.refresh_list)

    def refresh_list(self) -> None:
        """Recompute now & next at the clock's current time and redraw, keeping the
        highlighted session when it is still listed."""
        state = self.state
        now = state.now()
        zone = state.zone
        result = now_and_next(state.index, now, DEFAULT_WINDOW)
        self.result = result
        bookmarked = state.bookmarks
        self.query_one("#now-title", Label).update(
            Content(f"Now {clock_time(now, zone)} · {zone_label(zone, now)}")
        )
        message = outside_message(state.program, result, zone)
        if message is not None:
            message += " Press f to jump to the first day."
        elif result.is_empty:
            message = "Nothing on now or in the next 90 minutes."
        self.query_one("#now-message", Label).update(Content(message or ""))
        options: list[Option | None] = []
        targets: list[str] = []
        if result.in_progress:
            options.append(Option(Content.styled("In progress", "bold $accent"), disabled=True))
            targets.append("")
            for session, left in result.in_progress:
                note = f"{duration_text(left)} left"
                prompt = session_prompt(
                    state.program, session, zone, session.id in bookmarked, note
                )
                options.append(result_option(prompt, id=f"now:{session.id}"))
                targets.append(session.id)
        if result.upcoming:
            options.append(
                Option(Content.styled("Starting within 90 minutes", "bold $accent"), disabled=True)
            )
            targets.append("")
            for session in result.upcoming:
                assert session.start is not None
                note = f"in {duration_text(session.start - now)}"
                prompt = session_prompt(
                    state.program, session, zone, session.id in bookmarked, note
                )
                options.append(result_option(prompt, id=f"next:{session.id}"))
                targets.append(session.id)
        results = self.query_one(OptionList)
        previous = self.highlighted_session
        results.set_options(options)
        self._targets = targets
        selectable = [n for n, t in enumerate(targets) if t]
        if selectable:
            keep = [n for n in selectable if targets[n] == previous]
            results.highlighted = keep[0] if keep else selectable[0]

    @property
    def highlighted_session(self) -> str | None:
        """The id of the highlighted session, if any."""
        index = self.query_one(OptionList).highlighted
        if index is None or index >= len(self._targets):
            return None
        return self._targets[index] or None

    @on(OptionList.OptionSelected, "#now-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        session_id = self._targets[event.option_index]
        if session_id:
            self.dismiss(JumpTarget("session", session_id))

    def action_first_day(self) -> None:
        """Jump to the first session of the first day."""
        first = first_session_id(self.state.index)
        if first is not None:
            self.dismiss(JumpTarget("session", first))

    def action_cancel(self) -> None:
        """Close without moving."""
        self.dismiss(None)
