"""Reminders while the app runs: an alert that stays until dismissed, and the bell, before
each bookmarked session; the reminders shown are kept for the "recent reminders" list.

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
from confterm.tui.screens.reminders import Reminded, ReminderAlert
from confterm.tui.state import AppState

#: Seconds between checks: well under a minute, so a reminder is never late by much.
CHECK_EVERY = 20.0
#: How many reminders the recent list keeps (a long day of bookmarks is a few dozen).
KEEP_RECENT = 100


class ReminderTimer:
    """Checks for sessions about to start and alerts the app about each one once (those due
    at the same check share one alert and one bell; an alert still open takes in more)."""

    def __init__(self, app: App[Any], state: AppState, minutes: int = 10) -> None:
        self.app = app
        self.state = state
        self.reminders = Reminders(timedelta(minutes=minutes))
        #: Every reminder shown in this run, oldest first (the recent list shows them).
        self.recent: list[Reminded] = []

    def check(self) -> list[Session]:
        """Alert about every session now due; return them (empty when none)."""
        due = self.reminders.check(self.state.program, self.state.bookmarks, self.state.now())
        if due:
            lines = [self.message(session) for session in due]
            now = self.state.now()
            self.recent += [Reminded(now, s.id, line) for s, line in zip(due, lines, strict=True)]
            del self.recent[:-KEEP_RECENT]
            screen = self.app.screen
            if isinstance(screen, ReminderAlert):
                screen.add(lines)
            else:
                self.app.push_screen(ReminderAlert(lines))
            self.app.bell()
            self.app.refresh_bindings()  # the key to the recent list shows from now on
        return due

    def message(self, session: Session) -> str:
        """``09:00–10:00 Opening Keynote · Main Hall``; ``Sun 00:05–00:50 ...`` when the
        session starts on another date than today's in the display zone."""
        zone = self.state.zone
        today = self.state.now().astimezone(zone).date()
        text = f"{time_range(session, zone, today)} {one_line(session.title)}"
        room = self.state.program.room_name(session)
        return f"{text} · {one_line(room)}" if room else f"{text} · room not announced"


def install_reminders(app: App[Any], state: AppState, minutes: int = 10) -> ReminderTimer:
    """Start reminding ``minutes`` before each bookmarked session; call from ``on_mount``."""
    timer = ReminderTimer(app, state, minutes)
    app.set_interval(CHECK_EVERY, timer.check, name="reminders")
    app.call_later(timer.check)
    return timer
