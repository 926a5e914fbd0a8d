"""The day pane: one day's sessions under their start times (today with a now-line), and the
highlighted session's detail.

A day's rows are made when first shown and kept while no filter is set, so going back to a
day costs next to nothing; the other days are put in time order in a thread once the first
screen is up. The pane redraws the rows a mark touches, rebuilds on a new zone or filters, and
moves the now-line every half minute.
"""

from __future__ import annotations

import gc
from datetime import date, tzinfo

from textual import on

from confterm.model.targets import JumpTarget
from confterm.present.day_rows import DayRows, day_rows, now_on_day
from confterm.queries.agenda import current_or_next, day_sessions, program_days, session_times
from confterm.tui.messages import FiltersChanged, MarksChanged, StateChange
from confterm.tui.panes.base import Pane
from confterm.tui.state import AppState
from confterm.tui.widgets.row_list import RowList
from confterm.tui.widgets.session_detail import SessionDetail
from confterm.tui.widgets.session_list import SessionList

NOW_LINE_SECONDS = 30  # how often the now-line is checked (it shows minutes)
SORT_AHEAD_DELAY = 0.2  # seconds after mounting before the other days are sorted
#: A program this large has its index frozen out of the garbage collector once built.
FREEZE_FROM_SESSIONS = 2_000


class DayPane(Pane):
    """The sessions of one day (or of no announced day), and the highlighted one's detail."""

    def __init__(self, state: AppState, *, id: str = "day-pane") -> None:
        super().__init__(
            state,
            SessionList(
                empty="No sessions on this day.", two_lines=True, id="sessions", classes="list"
            ),
            SessionDetail("No session selected.", id="session-detail", classes="detail"),
            id=id,
        )
        self.days: list[date] = program_days(state.index)
        #: The day shown, or last shown while another tab is (None: the undated sessions).
        self.day: date | None = None
        self._rows: dict[tuple[date | None, tzinfo], DayRows] = {}
        self._cursor: dict[date | None, JumpTarget] = {}

    def on_mount(self) -> None:
        # (Pane's own on_mount, which subscribes to the state, runs too: Textual calls the
        # handler of every class of the pane.)
        self.set_interval(NOW_LINE_SECONDS, self.move_now_line)
        # Once the first screen is up (a thread still holds the interpreter's lock by turns).
        self.set_timer(
            SORT_AHEAD_DELAY,
            lambda: self.run_worker(
                self._sort_days, thread=True, group="sort-days", exit_on_error=False
            ),
        )

    @property
    def sessions(self) -> SessionList:
        """The day's list."""
        return self.query_one(SessionList)

    @property
    def detail(self) -> SessionDetail:
        """The highlighted session's detail."""
        return self.query_one(SessionDetail)

    def show_day(self, day: date | None, target: JumpTarget | None = None) -> None:
        """Show ``day``'s sessions, the cursor on ``target`` (else where it was on that day;
        on today shown first, the session on now). Today's list keeps the now-line and what
        follows it on screen below the cursor's session."""
        sessions = self.sessions
        if sessions.current_target is not None:
            self._cursor[self.day] = sessions.current_target
        self.day = day
        rows = self._rows_of(day)
        target = target or self._cursor.get(day)
        if target is None and rows.now_index is not None:
            target = self._now_target(day)
        sessions.set_rows(rows, cursor_to=target, also_show=rows.now_index)

    def _now_target(self, day: date | None) -> JumpTarget | None:
        """The session in progress that started last (else the next) on ``day``."""
        session = current_or_next(self.state.index.sessions_on(day), self.state.now())
        return JumpTarget("session", session.id) if session is not None else None

    def show_now(self) -> None:
        """The day shown again, on today back at now (``x`` cleared the filters: the whole
        day is back, and with it now): the cursor on the session in progress, the now-line
        and what follows on screen."""
        sessions = self.sessions
        rows = self._rows_of(self.day)
        target = sessions.current_target
        if rows.now_index is not None:
            target = self._now_target(self.day) or target
        sessions.set_rows(rows, cursor_to=target, also_show=rows.now_index)

    def show(self, target: JumpTarget | None = None) -> None:
        """Show the day of the session ``target`` with the cursor on it (else the day last
        shown)."""
        session = self.state.program.session_by_id.get(target.item_id) if target else None
        self.show_day(session.day if session else self.day, target)

    def _rows_of(self, day: date | None) -> DayRows:
        """The rows of ``day``; kept while no filter is set (their marks are remade when
        drawn, their now-line moved)."""
        state = self.state
        program, zone, filters = state.program, state.zone, state.filters
        # Days are the conference's: today is today in its zone, whatever zone times show in.
        now = now_on_day(day, state.now(), program.conference.zone)
        key = (day, zone)
        rows = self._rows.get(key)
        if rows is not None:
            rows.reset_marks(state.bookmarks)
            rows.set_now(now)
            return rows
        shown = day_sessions(state.index, day)
        if filters.is_active:
            shown = filters.apply(shown, state.bookmarks)
        times = session_times(state.index)
        rows = day_rows(program, shown, zone, state.bookmarks, now, times, state.changes)
        if not filters.is_active:
            self._rows[key] = rows
        return rows

    def _sort_days(self) -> None:
        """Build the program's index ahead of time, nearest days first, and the shown day's
        grid (in a thread: on 50,000 sessions a day takes tens of milliseconds to sort and
        to lay out, and the search index most of a second). Other days' grids are laid out
        when first shown: each is megabytes on such a program."""
        here = self.days.index(self.day) if self.day in self.days else 0
        nearest = sorted(self.days, key=lambda d: abs(self.days.index(d) - here))
        state = self.state
        for day in nearest:
            day_sessions(state.index, day)
        if nearest:
            state.layouts.get(nearest[0], state.zone)
        state.index.prepare(nearest)
        if len(state.program.sessions) >= FREEZE_FROM_SESSIONS:
            # Out of the collector's way, as the program itself is once loaded: on 50,000
            # sessions the index adds some 40,000 objects that every full collection would
            # walk again (about 25 ms, in whichever key press set it off).
            gc.freeze()

    def move_now_line(self) -> None:
        """Keep the now-line of today's list at the current time (it appears at midnight)."""
        sessions = self.sessions
        if isinstance(sessions.rows, DayRows):
            zone = self.state.program.conference.zone
            now = now_on_day(self.day, self.state.now(), zone)
            # Read before the line moves: a line leaving from above shifts the rows below.
            target = sessions.current_target
            if sessions.rows.set_now(now):
                sessions.rows_moved(target)

    def grid_start(self, shown: date | None) -> tuple[date | None, str | None]:
        """The day a timetable grid opens on, and the session it opens at: the day shown
        (``shown``), else the day last shown (the pane keeps its rows while another tab is),
        else today or the first day."""
        target = self.sessions.current_target
        session = self.state.program.session_by_id.get(target.item_id) if target else None
        day = shown or (session.day if session else None)
        if day is None and self.days:
            today = self.state.now().astimezone(self.state.zone).date()
            day = today if today in self.days else self.days[0]
        return day, session.id if session is not None and session.day == day else None

    def refresh_detail(self, *, keep_scroll: bool = False) -> None:
        """Show the highlighted session again (its marks or times changed)."""
        self.detail.show_target(self.state, self.sessions.current_target, keep_scroll=keep_scroll)

    def current_target(self) -> JumpTarget | None:
        focused = self.screen.focused
        if isinstance(focused, SessionDetail):
            return focused.target
        return self.sessions.current_target

    def state_changed(self, change: StateChange) -> None:
        sessions = self.sessions
        if isinstance(change, MarksChanged):
            if isinstance(sessions.rows, DayRows):
                rows, marks = sessions.rows, self.state.bookmarks
                changed = (
                    rows.remark_all(marks)
                    if change.elsewhere
                    else rows.remark(change.sessions, marks)
                )
                # The detail is refreshed below, keeping its scroll position.
                sessions.update_rows(changed, announce=False)
            self.refresh_detail(keep_scroll=True)
            return
        if isinstance(change, FiltersChanged):
            self._rows.clear()  # made through the old filters
        if self.shown:  # otherwise remade for the new filters when next shown
            self.show_day(self.day)

    def zone_changed(self) -> None:
        if self.shown:  # otherwise remade in the new zone when next shown
            self.show_day(self.day)
        self.refresh_detail()

    @on(RowList.Highlighted, "#sessions")
    def _highlighted(self, event: RowList.Highlighted) -> None:
        event.stop()
        target = event.row.target if event.row is not None else None
        self.detail.show_target(self.state, target)
