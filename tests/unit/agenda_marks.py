"""The bookmarks behind the hand-written expected agendas in tests/data/expected/.

Sessions: a clash (parsing-schedules / caches-talk), a day-only session (lightning-1), a title
full of markup and escapes, a session with chairs, one past midnight, one with no day at all,
and one that left the program; booths: one with a location, one without, one that left.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime


@dataclass(frozen=True)
class Mark:
    """A stand-in for :class:`confterm.store.bookmarks.Bookmark` with a fixed ``added_at``."""

    kind: str
    item_id: str
    added_at: datetime = datetime(2026, 2, 20, 12, 0, tzinfo=UTC)


SESSION_IDS = [
    "opening-keynote",
    "parsing-schedules",
    "caches-talk",
    "lightning-1",
    "markup-title",
    "textual-workshop",
    "night-social",
    "bof-tba",
]

MARKS = [
    *(Mark("session", session_id) for session_id in SESSION_IDS),
    Mark("session", "removed-talk", datetime(2026, 3, 1, 15, 0, tzinfo=UTC)),
    Mark("booth", "acme"),
    Mark("booth", "globex"),
    # 03:00 UTC on 3 March is still 2 March in New York: the date is shown in the display zone.
    Mark("booth", "closed-booth", datetime(2026, 3, 3, 3, 0, tzinfo=UTC)),
]
