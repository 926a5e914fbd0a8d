"""Now & next (``n``): what is on across all rooms by the app's clock, and what starts soon.

Each session takes two lines, as in the day list: time, kind and title, then room, speakers
and how long it has left or how soon it starts. The list draws only what is on screen and makes
a row when it is first drawn, so the thousands of sessions on at once at a very large
conference cost no more to show than a handful. The list refreshes every 30 seconds as the
clock runs. Outside the conference it says when the conference starts or that it has ended,
and ``f`` jumps to the first day. It dismisses with a
:class:`~confterm.model.targets.JumpTarget` (the session picked, or the first session of the
first day) or None on Esc.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta, tzinfo
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label

from confterm.model.program import Session
from confterm.model.targets import JumpTarget
from confterm.present.formatting import clock_time, zone_label
from confterm.present.lazy_rows import LazyRows
from confterm.present.rows import Heading, SessionRow, session_row
from confterm.queries.nownext import (
    DEFAULT_WINDOW,
    NowNext,
    duration_text,
    first_session_id,
    now_and_next,
    outside_message,
)
from confterm.tui.access import confterm_app
from confterm.tui.state import AppState
from confterm.tui.widgets.key_bar import KeyBar
from confterm.tui.widgets.row_list import RowList
from confterm.tui.widgets.session_list import SessionList

REFRESH_SECONDS = 30.0
IN_PROGRESS = "In progress"
STARTING = "Starting within 90 minutes"
#: The time column: ``09:30–10:30``, or ``Sun 00:30–01:15`` when a session listed starts or
#: ends on another date than today's.
NARROW_TIME, WIDE_TIME = len("00:00–00:00"), len("Sun 00:00–00:00")


class NowNextScreen(ModalScreen[JumpTarget | None]):
    """Sessions in progress (with time left) and starting within 90 minutes."""

    DEFAULT_CSS = """
    /* Opaque, over the whole screen: a translucent one would draw the screen beneath it
       again, tinted, on every frame (most of the cost of opening it), and the list gets
       every line of the terminal. */
    NowNextScreen { align: center top; background: $background; }
    NowNextScreen > Vertical {
        width: 100%; max-width: 130; height: 1fr;
        border: thick $accent; background: $surface; padding: 0 1;
    }
    NowNextScreen #now-title { text-style: bold; height: 1; }
    NowNextScreen #now-message { color: $text-muted; width: 1fr; height: auto; }
    NowNextScreen SessionList { height: 1fr; }
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

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label("", id="now-title")
            yield Label("", id="now-message")
            yield SessionList(empty="", two_lines=True, id="now-list")
        yield KeyBar(compact=True)

    @property
    def sessions(self) -> SessionList:
        """The list of sessions on now and next."""
        return self.query_one(SessionList)

    def on_mount(self) -> None:
        # A bookmark made elsewhere (another confterm, the CLI) or the zone: redraw.
        self.state.subscribe(self, lambda _change: self.refresh_list())
        self.watch(self.state, "zone", lambda _zone: self.refresh_list(), init=False)
        self.refresh_list()
        self.sessions.focus()
        self.set_interval(REFRESH_SECONDS, self.refresh_list)

    def refresh_list(self) -> None:
        """Recompute now & next at the clock's current time and redraw, keeping the
        highlighted session when it is still listed."""
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
        entries: list[Heading | Session] = []
        if result.in_progress:
            entries.append(Heading(IN_PROGRESS))
            entries += [session for session, _left in result.in_progress]
        if result.upcoming:
            entries.append(Heading(STARTING))
            entries += result.upcoming
        sessions = self.sessions
        previous = sessions.current_target
        rows = LazyRows(entries, NowNextRow(state, now, zone), self._time_width(entries, now))
        sessions.set_rows(rows, cursor_to=previous, in_place=previous is not None)

    def _time_width(self, sessions: list[Heading | Session], now: datetime) -> int:
        """The time column's width: wider when a session listed starts or ends on another
        date than today in the zone shown (compared as timestamps: no time is formatted)."""
        local = now.astimezone(self.state.zone)
        midnight = datetime.combine(local.date(), time(0), tzinfo=self.state.zone)
        today = (midnight.timestamp(), (midnight + timedelta(days=1)).timestamp())
        index = self.state.index
        for entry in sessions:
            span = index.span(entry) if isinstance(entry, Session) else None
            if span is not None and (span[0] < today[0] or span[1] > today[1]):
                return WIDE_TIME
        return NARROW_TIME

    @property
    def highlighted_session(self) -> str | None:
        """The id of the highlighted session, if any."""
        target = self.sessions.current_target
        return target.item_id if target is not None else None

    @on(RowList.Selected, "#now-list")
    def _selected(self, event: RowList.Selected) -> None:
        event.stop()
        target = event.row.target
        if isinstance(target, JumpTarget):
            self.dismiss(target)

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


class NowNextRow:
    """Makes a now & next row when the list first draws it: the session's row as in the day
    list (dated when not today), with how long it has left or how soon it starts."""

    def __init__(self, state: AppState, now: datetime, zone: tzinfo) -> None:
        self.state = state
        self.now = now
        self.zone = zone
        self.today = now.astimezone(zone).date()

    def __call__(self, session: Session) -> SessionRow:
        now = self.now
        start, end = session.start or now, session.end or now
        on = start <= now
        note = f"{duration_text(end - now)} left" if on else f"in {duration_text(start - now)}"
        return session_row(
            self.state.program,
            session,
            self.zone,
            bookmarked=session.id in self.state.bookmarks,
            clash=False,
            in_progress=on,
            note=note,
            listed_on=self.today,
        )
