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

from confterm.model.program import Session
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
from confterm.tui.access import confterm_app
from confterm.tui.screens.search import result_option, session_prompt
from confterm.tui.state import AppState

REFRESH_SECONDS = 30.0
#: Rows drawn with the list; the rest are added after the frame, MORE_ROWS at a time.
FIRST_ROWS = 80
MORE_ROWS = 500


class NowNextScreen(ModalScreen[JumpTarget | None]):
    """Sessions in progress (with time left) and starting within 90 minutes."""

    DEFAULT_CSS = """
    NowNextScreen { align: center middle; }
    NowNextScreen > Vertical {
        width: 90%; max-width: 130; height: 80%;
        border: thick $accent; background: $surface; padding: 0 1;
    }
    NowNextScreen #now-title { text-style: bold; height: 1; }
    NowNextScreen #now-message { color: $text-muted; width: 1fr; height: auto; }
    NowNextScreen OptionList { height: 1fr; border: none; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,n", "cancel", "Back", id="now.back"),
        Binding("f", "first_day", "First day", id="now.first_day"),
        Binding(
            "b,space",
            "toggle_mark",
            "Bookmark",
            tooltip="Bookmark the highlighted session",
            id="now.bookmark",
        ),
        Binding(
            "s",
            "speaker",
            "Speakers",
            tooltip="Speakers of the session",
            show=False,
            id="now.speaker",
        ),
    ]

    def __init__(self, state: AppState) -> None:
        super().__init__()
        self.state = state
        self.result: NowNext | None = None
        self._targets: list[str] = []
        self._entries: list[str | tuple[Session, str, str]] = []
        self._highlight: int | None = None  # the row to highlight once it is added
        self._generation = 0  # counts redraws, so a stale batch of rows is dropped

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
        highlighted session when it is still listed.

        The first :data:`FIRST_ROWS` rows are drawn at once and the rest added after the
        frame, :data:`MORE_ROWS` at a time: at a conference with thousands of sessions on at
        once, building every row first would hold the list back for a moment.
        """
        state = self.state
        now = state.now()
        zone = state.zone
        result = now_and_next(state.index, now, DEFAULT_WINDOW)
        self.result = result
        self.query_one("#now-title", Label).update(
            Content(f"Now {clock_time(now, zone)} · {zone_label(zone, now)}")
        )
        message = outside_message(state.program, result, zone)
        if message is not None:
            message += " Press f to jump to the first day."
        elif result.is_empty:
            message = "Nothing on now or in the next 90 minutes."
        self.query_one("#now-message", Label).update(Content(message or ""))
        # (heading, or session with its note and option id), in list order; rows are built
        # from these as they are shown.
        entries: list[str | tuple[Session, str, str]] = []
        if result.in_progress:
            entries.append("In progress")
            entries += [
                (session, f"{duration_text(left)} left", f"now:{session.id}")
                for session, left in result.in_progress
            ]
        if result.upcoming:
            entries.append("Starting within 90 minutes")
            entries += [
                (session, f"in {duration_text((session.start or now) - now)}", f"next:{session.id}")
                for session in result.upcoming
            ]
        targets = ["" if isinstance(entry, str) else entry[0].id for entry in entries]
        previous = self.highlighted_session
        self._generation += 1
        self._entries, self._targets = entries, targets
        results = self.query_one(OptionList)
        results.set_options(self._options(0, FIRST_ROWS))
        selectable = [n for n, t in enumerate(targets) if t]
        keep = [n for n in selectable if targets[n] == previous]
        self._highlight = keep[0] if keep else (selectable[0] if selectable else None)
        self._show_highlight()
        if len(entries) > FIRST_ROWS:
            self.call_after_refresh(self._add_rows, FIRST_ROWS, self._generation)

    def _options(self, start: int, stop: int) -> list[Option]:
        """The rows of entries ``start`` to ``stop``."""
        program, zone, bookmarked = self.state.program, self.state.zone, self.state.bookmarks
        options = []
        for entry in self._entries[start:stop]:
            if isinstance(entry, str):
                options.append(Option(Content.styled(entry, "bold $accent"), disabled=True))
            else:
                session, note, option_id = entry
                prompt = session_prompt(program, session, zone, session.id in bookmarked, note)
                options.append(result_option(prompt, id=option_id))
        return options

    def _add_rows(self, start: int, generation: int) -> None:
        """Add the next rows after the frame (unless the list was redrawn since)."""
        if generation != self._generation or not self.is_mounted:
            return
        stop = start + MORE_ROWS
        self.query_one(OptionList).add_options(self._options(start, stop))
        self._show_highlight()
        if stop < len(self._entries):
            self.call_after_refresh(self._add_rows, stop, generation)

    def _show_highlight(self) -> None:
        """Highlight the row chosen by the last redraw once it is in the list."""
        results = self.query_one(OptionList)
        wanted = self._highlight
        if wanted is not None and wanted < results.option_count:
            results.highlighted = wanted
            self._highlight = None

    @property
    def filling(self) -> bool:
        """True while rows are still being added after a redraw."""
        return self.query_one(OptionList).option_count < len(self._entries)

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

    def action_toggle_mark(self) -> None:
        """Bookmark (or un-bookmark) the highlighted session; saved before it is shown."""
        session_id = self.highlighted_session
        if session_id is None:
            self.notify("No session highlighted to bookmark.", severity="warning")
            return
        # The list is redrawn (highlight kept) when the state announces the change.
        self.state.toggle(JumpTarget("session", session_id))

    def action_speaker(self) -> None:
        """The highlighted session's speakers (or a line saying it lists none)."""
        session_id = self.highlighted_session
        target = JumpTarget("session", session_id) if session_id else None
        confterm_app(self).open_speakers(target)

    def action_cancel(self) -> None:
        """Close without moving."""
        self.dismiss(None)
