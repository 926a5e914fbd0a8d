"""What each exported calendar event last looked like: the memory behind SEQUENCE and
LAST-MODIFIED in the iCalendar export.

A calendar app replaces an event it holds only with one whose SEQUENCE is not lower, and
shows LAST-MODIFIED as when the event changed. So for each event UID the store keeps the
digest of its content at the last export, its sequence and when that content was first seen.
An export with the same content says the same; a changed one gets sequence + 1 and "now".

The memory is pruned (:func:`prune_revisions`) when a conference is removed, and at each
import of its program, of the events that left the program and are not bookmarked. An event
forgotten there may still come back (a session restored at the next refresh, a conference
imported again) into a calendar app that holds it: so that its SEQUENCE is still not lower
than the one that app holds, each conference keeps a floor above every sequence it forgot,
and an event seen for the first time starts at that floor (0 until something is forgotten).

No Textual here: this is a domain module.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from datetime import UTC, datetime
from typing import Any

from confterm.errors import StoreError
from confterm.store.bookmarks import BookmarkStore

#: The per-conference preference holding the sequence an event seen for the first time gets.
FLOOR_PREF = "event_sequence_floor"
#: The store's schema version that made the event_revisions table.
_REVISIONS_VERSION = 3


def event_revisions(
    store: BookmarkStore,
    conference_id: str,
    digests: Mapping[str, str],
    now: datetime,
    first_known: datetime | None = None,
) -> dict[str, tuple[int, datetime]]:
    """(SEQUENCE, LAST-MODIFIED) for each UID in ``digests``, remembering the new ones.

    An event seen for the first time gets the conference's floor (0 unless events were
    forgotten, see the module docstring), modified at ``first_known`` (when the program it
    comes from was imported, if known) or ``now``. A store that cannot be written (read-only,
    newer schema) still answers from what it holds; nothing is lost but memory.
    """
    now = now.astimezone(UTC)
    first = min(first_known.astimezone(UTC), now) if first_known else now
    try:
        rows = store.database.read(
            "SELECT uid, digest, sequence, modified_at FROM event_revisions"
            " WHERE conference_id = ?",
            (conference_id,),
            since=_REVISIONS_VERSION,
        )
        floor = _floor(store, conference_id)
    except StoreError:
        rows, floor = [], 0  # unreadable: answered as if nothing were known
    # A whole program's events (50,000) mostly share a few (sequence, modified) pairs: each
    # pair is read once, and its answer shared.
    unchanged = _all_unchanged(rows, digests)
    if unchanged is not None:
        return unchanged
    answers: dict[tuple[object, str], tuple[int, datetime]] = {}
    known = {uid: (digest, sequence, modified) for uid, digest, sequence, modified in rows}
    result: dict[str, tuple[int, datetime]] = {}
    changed: list[tuple[str, str, str, int, str]] = []
    fresh = (floor, first)
    for uid, digest in digests.items():
        old = known.get(uid)
        if old is None:
            result[uid] = fresh
        elif old[0] == digest:
            pair = (old[1], old[2])
            answer = answers.get(pair)
            if answer is None:
                answer = answers[pair] = (int(old[1]), datetime.fromisoformat(old[2]))
            result[uid] = answer
            continue
        else:
            result[uid] = (int(old[1]) + 1, now)
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


def _all_unchanged(
    rows: list[tuple[Any, ...]], digests: Mapping[str, str]
) -> dict[str, tuple[int, datetime]] | None:
    """The answer when every event in ``digests`` is stored with the same digest (nothing
    to write: the export of a program unchanged since the last one), else None.

    Asked first, in a few calls over whole columns instead of a step per event (a whole
    program's 50,000 events: about half the time of that loop)."""
    if not rows or len(rows) < len(digests):
        return None
    uids, stored_digests, sequences, modified = zip(*rows, strict=True)
    if not digests.items() <= dict(zip(uids, stored_digests, strict=True)).items():
        return None
    if len(set(sequences)) == 1 and len(set(modified)) == 1:  # usual: one answer for all
        answer = (int(sequences[0]), datetime.fromisoformat(modified[0]))
        return dict.fromkeys(digests, answer)
    pairs = list(zip(sequences, modified, strict=True))
    answers = {pair: (int(pair[0]), datetime.fromisoformat(pair[1])) for pair in set(pairs)}
    by_uid = dict(zip(uids, map(answers.__getitem__, pairs), strict=True))
    return {uid: by_uid[uid] for uid in digests}


def _floor(store: BookmarkStore, conference_id: str) -> int:
    value = store.get_pref(conference_id, FLOOR_PREF)
    return int(value) if value is not None and value.isdigit() else 0


def prune_revisions(
    store: BookmarkStore, conference_id: str, keep: Collection[str] = frozenset()
) -> int:
    """Forget the revisions of ``conference_id``'s events whose UID is not in ``keep`` (by
    default all of them, as when the conference is removed); return how many were forgotten.

    The conference's floor rises above the highest sequence forgotten, in the same
    transaction. Nothing is written (and no store file created) when there is nothing to
    forget; a store that cannot be read or written keeps its memory (the caller's work does
    not fail for it).
    """
    try:
        rows = store.database.read(
            "SELECT uid, sequence FROM event_revisions WHERE conference_id = ?",
            (conference_id,),
            since=_REVISIONS_VERSION,
        )
    except StoreError:
        return 0
    if all(uid in keep for uid, _sequence in rows):
        return 0
    try:
        with store.database.write() as conn:
            # Read again inside the write transaction: another process may have exported
            # (and so raised a sequence) since the read above.
            rows = conn.execute(
                "SELECT uid, sequence FROM event_revisions WHERE conference_id = ?",
                (conference_id,),
            ).fetchall()
            gone = [(uid, int(sequence)) for uid, sequence in rows if uid not in keep]
            if not gone:
                return 0
            conn.executemany(
                "DELETE FROM event_revisions WHERE conference_id = ? AND uid = ?",
                [(conference_id, uid) for uid, _sequence in gone],
            )
            floor = conn.execute(
                "SELECT value FROM prefs WHERE conference_id = ? AND key = ?",
                (conference_id, FLOOR_PREF),
            ).fetchone()
            old_floor = int(floor[0]) if floor and str(floor[0]).isdigit() else 0
            new_floor = max(old_floor, 1 + max(sequence for _uid, sequence in gone))
            conn.execute(
                "INSERT OR REPLACE INTO prefs VALUES (?, ?, ?)",
                (conference_id, FLOOR_PREF, str(new_floor)),
            )
    except StoreError:
        return 0
    return len(gone)
