"""Which bookmarked sessions are about to start, each reminded once. Pure: no Textual, no clock.

The app asks every few seconds with its own clock's ``now``; a session is due from ``lead``
before its start until it starts, so a check that comes a little late still reminds, and a
session already under way is never announced as "starting soon".
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime, timedelta

from confterm.model.program import Program, Session
from confterm.queries.index import in_time_order

DEFAULT_LEAD = timedelta(minutes=10)


def due_reminders(
    program: Program,
    bookmarked_ids: Collection[str],
    now: datetime,
    lead: timedelta,
    already_shown: Collection[str],
) -> list[Session]:
    """Bookmarked sessions starting within ``lead`` of ``now`` (not yet started), not yet
    shown, in time order."""
    due = [
        session
        for session_id in bookmarked_ids
        if session_id not in already_shown
        and (session := program.session_by_id.get(session_id)) is not None
        and session.start is not None
        and now <= session.start <= now + lead
    ]
    return in_time_order(due)


class Reminders:
    """Remembers which sessions were reminded, so each one is announced once per run."""

    def __init__(self, lead: timedelta = DEFAULT_LEAD) -> None:
        self.lead = lead
        self.shown: set[str] = set()

    def check(
        self, program: Program, bookmarked_ids: Collection[str], now: datetime
    ) -> list[Session]:
        """The sessions to announce now; they will not be returned again."""
        due = due_reminders(program, bookmarked_ids, now, self.lead, self.shown)
        self.shown.update(session.id for session in due)
        return due
