"""Change marks: bookmarked sessions a refresh found moved, retitled or cancelled, kept until
the user has seen them.

An import over an existing conference (``import --refresh``, or importing the same id again)
records one mark per bookmarked session that changed, with what the session looked like
before. The app marks those sessions in the day view and My agenda until they are *seen*:
the session's detail was opened (Enter on its row, or a search hit), or every mark was
dismissed at once (the palette's "Changes seen"). Seeing deletes the mark.

A session that changes again before it is seen keeps the look it had when the user last saw
it, and gains the new kinds of change: the mark tells what changed since then.

No Textual here: this is a domain module.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime

from confterm.store.bookmarks import BookmarkStore, LastKnown
from confterm.text import one_line

#: The schema version that added the change_marks table (see store.db._MIGRATIONS).
CHANGE_MARKS_VERSION = 4
#: The kinds of change, in the order a mark names them (the first is the one a row shows).
KINDS = ("cancelled", "moved", "retitled")


@dataclass(frozen=True)
class ChangeMark:
    """A bookmarked session changed by a refresh and not yet seen."""

    session_id: str
    #: Some of :data:`KINDS`, in that order.
    kinds: tuple[str, ...]
    #: What the session looked like before (its title, day, times and room).
    before: LastKnown
    changed_at: datetime


def _kinds(text: object) -> tuple[str, ...]:
    found = set(text.split(",")) if isinstance(text, str) else set()
    return tuple(kind for kind in KINDS if kind in found)


def unseen_changes(store: BookmarkStore, conference_id: str) -> dict[str, ChangeMark]:
    """The change marks of a conference not yet seen, by session id (none before a store is
    migrated to the version that keeps them)."""
    rows = store.database.read(
        "SELECT session_id, kinds, title, day, start, end, room, changed_at FROM change_marks"
        " WHERE conference_id = ?",
        (conference_id,),
        since=CHANGE_MARKS_VERSION,
    )
    marks: dict[str, ChangeMark] = {}
    for session_id, kinds, title, day, start, end, room, changed_at in rows:
        found = _kinds(kinds)
        if not isinstance(session_id, str) or not found:
            continue  # not a row confterm writes (a file edited by hand)
        try:
            before = LastKnown(
                title=one_line(title) if isinstance(title, str) else session_id,
                day=date.fromisoformat(day) if day else None,
                start=datetime.fromisoformat(start) if start else None,
                end=datetime.fromisoformat(end) if end else None,
                room=one_line(room) if isinstance(room, str) and room else None,
            )
            when = datetime.fromisoformat(changed_at)
        except (TypeError, ValueError):
            continue
        marks[session_id] = ChangeMark(session_id, found, before, when)
    return marks


def record_changes(
    store: BookmarkStore,
    conference_id: str,
    changes: Mapping[str, tuple[tuple[str, ...], LastKnown]],
    now: datetime | None = None,
) -> None:
    """Mark sessions changed by an import, in one transaction: ``changes`` maps a session id
    to its kinds of change and what it looked like before. A session already marked and not
    yet seen keeps its older look and adds the new kinds."""
    if not changes:
        return
    stamp = (now or datetime.now(UTC)).astimezone(UTC).isoformat(timespec="seconds")
    known = unseen_changes(store, conference_id)
    with store.database.write() as conn:
        for session_id, (kinds, before) in changes.items():
            old = known.get(session_id)
            if old is not None:
                kinds = tuple(k for k in KINDS if k in kinds or k in old.kinds)
                before = old.before
            conn.execute(
                "INSERT OR REPLACE INTO change_marks VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    conference_id,
                    session_id,
                    ",".join(k for k in KINDS if k in kinds),
                    before.title,
                    before.day.isoformat() if before.day else None,
                    before.start.isoformat() if before.start else None,
                    before.end.isoformat() if before.end else None,
                    before.room,
                    stamp,
                ),
            )


def mark_seen(store: BookmarkStore, conference_id: str, session_ids: Iterable[str]) -> int:
    """Forget the change marks of ``session_ids`` (they have been seen); return how many."""
    ids = list(dict.fromkeys(session_ids))
    if not ids:
        return 0
    removed = 0
    with store.database.write() as conn:
        for session_id in ids:
            cursor = conn.execute(
                "DELETE FROM change_marks WHERE conference_id = ? AND session_id = ?",
                (conference_id, session_id),
            )
            removed += cursor.rowcount
    return removed
