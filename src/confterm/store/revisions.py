"""What each exported calendar event last looked like: the memory behind SEQUENCE and
LAST-MODIFIED in the iCalendar export.

A calendar app replaces an event it holds only with one whose SEQUENCE is not lower, and
shows LAST-MODIFIED as when the event changed. So for each event UID the store keeps the
digest of its content at the last export, its sequence and when that content was first seen.
An export with the same content says the same; a changed one gets sequence + 1 and "now".

No Textual here: this is a domain module.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime

from confterm.errors import StoreError
from confterm.store.bookmarks import BookmarkStore


def event_revisions(
    store: BookmarkStore,
    conference_id: str,
    digests: Mapping[str, str],
    now: datetime,
    first_known: datetime | None = None,
) -> dict[str, tuple[int, datetime]]:
    """(SEQUENCE, LAST-MODIFIED) for each UID in ``digests``, remembering the new ones.

    An event seen for the first time is sequence 0, modified at ``first_known`` (when the
    program it comes from was imported, if known) or ``now``. A store that cannot be written
    (read-only, newer schema) still answers from what it holds; nothing is lost but memory.
    """
    now = now.astimezone(UTC)
    first = min(first_known.astimezone(UTC), now) if first_known else now
    known: dict[str, tuple[str, int, datetime]] = {}
    try:
        rows = store.database.read(
            "SELECT uid, digest, sequence, modified_at FROM event_revisions"
            " WHERE conference_id = ?",
            (conference_id,),
        )
    except StoreError:
        rows = []  # a file from before this table: the first write below adds it
    for uid, digest, sequence, modified in rows:
        known[uid] = (digest, int(sequence), datetime.fromisoformat(modified))
    result: dict[str, tuple[int, datetime]] = {}
    changed: list[tuple[str, str, str, int, str]] = []
    for uid, digest in digests.items():
        old = known.get(uid)
        if old is None:
            result[uid] = (0, first)
        elif old[0] == digest:
            result[uid] = (old[1], old[2])
            continue
        else:
            result[uid] = (old[1] + 1, now)
        sequence, modified = result[uid]
        changed.append((conference_id, uid, digest, sequence, modified.isoformat()))
    if changed:
        try:
            with store.database.write() as conn:
                conn.executemany(
                    "INSERT OR REPLACE INTO event_revisions VALUES (?, ?, ?, ?, ?)", changed
                )
        except StoreError:
            pass  # see the docstring: the export itself must not fail for this
    return result
