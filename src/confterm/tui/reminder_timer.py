"""Reminders while the app runs: a notification and the bell before each bookmarked session.

The app wires it with one line in ``on_mount``::

    self.reminders = install_reminders(self, self.state, minutes=10)

The check runs once right away and then every :data:`CHECK_EVERY` seconds against the app's
clock (so ``--now`` moves it too); which sessions are due is
:mod:`confterm.queries.reminders`'s pure logic, and each session is announced once per run.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from textual.app import App

from confterm.model.program import Session
from confterm.present.formatting import time_range
from confterm.queries.reminders import Reminders
from confterm.text import one_line
from confterm.tui.state import AppState

#: Seconds between checks: well under a minute, so a reminder is never late by much.
CHECK_EVERY = 20.0
#: How long a reminder stays on screen, in seconds: long enough to read, short enough not to
#: hide a dialog on an 80x24 terminal for long.
SHOW_FOR = 10.0


class ReminderTimer:
    """Checks for sessions about to start and notifies the app about each one once (those
    due at the same check share one notification and one bell)."""

    def __init__(self, app: App[Any], state: AppState, minutes: int = 10) -> None:
        self.app = app
        self.state = state
        self.reminders = Reminders(timedelta(minutes=minutes))

    def check(self) -> list[Session]:
        """Notify about every session now due, in one notification; return them (empty when
        none)."""
        due = self.reminders.check(self.state.program, self.state.bookmarks, self.state.now())
        if due:
            # One toast for sessions due together: a stack of them would cover the screen.
            title = "Starting soon" if len(due) == 1 else f"{len(due)} sessions starting soon"
            text = "\n".join(self.message(session) for session in due)
            self.app.notify(text, title=title, markup=False, timeout=SHOW_FOR)
            self.app.bell()
        return due

    def message(self, session: Session) -> str:
        """``09:00–10:00 Opening Keynote · Main Hall``; ``Sun 00:05–00:50 ...`` when the
        session starts on another date than today's in the display zone."""
        zone = self.state.zone
        today = self.state.now().astimezone(zone).date()
        text = f"{time_range(session, zone, today)} {one_line(session.title)}"
        room = self.state.program.room_name(session)
        return f"{text} · {one_line(room)}" if room else text


def install_reminders(app: App[Any], state: AppState, minutes: int = 10) -> ReminderTimer:
    """Start reminding ``minutes`` before each bookmarked session; call from ``on_mount``."""
    timer = ReminderTimer(app, state, minutes)
    app.set_interval(CHECK_EVERY, timer.check, name="reminders")
    app.call_later(timer.check)
    return timer
