"""Bookmarks and small per-conference preferences, kept in one SQLite file.

The store is shared by every confterm process of a user (the app in one terminal, the CLI in
another), so it is built for that:

* WAL journal, a busy timeout and ``BEGIN IMMEDIATE`` for every write: writers queue instead
  of failing, and no process ever loses another's commit;
* :meth:`BookmarkStore.change_token` is a cheap number that changes whenever any process
  commits, so a UI can poll it and reload only when needed;
* the schema is versioned (``PRAGMA user_version``) and migrated forward in a transaction; a
  file written by a *newer* confterm is read but never written;
* a damaged file is moved aside (kept, with its ``-wal``/``-shm``), a fresh store is started and
  :attr:`BookmarkStore.recovery_message` says so in one line;
* reading never creates anything: a missing store reads as empty and a read-only one is read.

This module is the API and its queries; how the file is opened, checked, recovered and
migrated is in :mod:`confterm.store.db`.

No Textual here: this is a domain module.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from confterm import paths
from confterm.errors import ConftermError
from confterm.store.db import BUSY_TIMEOUT_MS, SCHEMA_VERSION, StoreDatabase
from confterm.store.marks_read import IDS_SQL, is_item_id
from confterm.text import one_line

if TYPE_CHECKING:
    from confterm.queries.index import ProgramIndex

# The schema version that added the last_known table (see store.db._MIGRATIONS).
_LAST_KNOWN_VERSION = 2

__all__ = [
    "BUSY_TIMEOUT_MS",
    "SCHEMA_VERSION",
    "Bookmark",
    "BookmarkStore",
    "ItemKind",
    "LastKnown",
]


class ItemKind(StrEnum):
    """What a bookmark points at."""

    SESSION = "session"
    BOOTH = "booth"
    #: A paper starred on its own: its session is on the agenda because of it, but the
    #: session's own bookmark (and the paper's siblings) are separate rows. Older confterms
    #: skip kinds they do not know, so adding one needs no schema change.
    PAPER = "paper"


class LastKnown(NamedTuple):
    """What a bookmarked item last looked like when a program holding it was imported."""

    title: str
    day: date | None = None
    start: datetime | None = None
    end: datetime | None = None
    room: str | None = None


class Bookmark(NamedTuple):
    """One bookmarked session, booth or paper of a conference."""

    conference_id: str
    kind: ItemKind
    item_id: str
    added_at: datetime  # aware, UTC
    last_known: LastKnown | None = None


def _now_text() -> str:
    # Fixed-width ISO text in UTC sorts lexically in time order.
    return datetime.now(UTC).isoformat(timespec="microseconds")


#: When a bookmark was added, for a row whose time cannot be read (a file edited by hand).
_UNKNOWN_TIME = datetime(1970, 1, 1, tzinfo=UTC)


def _remembered_text(value: object) -> str | None:
    return (one_line(value) or None) if isinstance(value, str) else None


def _added_at(value: object) -> datetime:
    """The time a bookmark was added, as written by :func:`_now_text`; a value confterm did
    not write (another type, another format, an absurd year) reads as the Unix epoch."""
    try:
        stamp = datetime.fromisoformat(value) if isinstance(value, str) else _UNKNOWN_TIME
    except ValueError:
        return _UNKNOWN_TIME
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=UTC)
    if not 1970 <= stamp.year <= 9000:
        return _UNKNOWN_TIME
    return stamp


class BookmarkStore:
    """The bookmark store at ``path``; opened on first use, safe to share between processes."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._db = StoreDatabase(self.path)
        #: Programs already in memory (their index), by conference id: the calendar file
        #: hook uses them instead of loading the program again (the app and CLI set theirs).
        self.loaded: dict[str, ProgramIndex] = {}
        #: Why the registered calendar file could not be rewritten after the last bookmark
        #: change (None: it was, or none is registered); callers show it as a warning.
        self.calendar_problem: str | None = None

    @classmethod
    def open(cls, data_dir: Path) -> BookmarkStore:
        """The store in the user data directory ``data_dir``."""
        return cls(paths.bookmarks_db(data_dir))

    def __enter__(self) -> BookmarkStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def database(self) -> StoreDatabase:
        """The SQLite file itself, for the other tables kept in it (event revisions)."""
        return self._db

    @property
    def recovery_message(self) -> str | None:
        """One line naming the damaged file and where it was moved, when that happened."""
        return self._db.recovery_message

    # -- reading ------------------------------------------------------------------------------

    def bookmarks(self, conference_id: str, kind: ItemKind | None = None) -> list[Bookmark]:
        """The bookmarks of a conference (of one kind, if given), oldest first."""
        sql = "SELECT kind, item_id, added_at FROM bookmarks WHERE conference_id = ?"
        params: tuple[str, ...] = (conference_id,)
        if kind is not None:
            sql += " AND kind = ?"
            params += (str(kind),)
        known = self.last_known(conference_id)
        result = []
        for kind_text, item_id, added_at in self._db.read(
            sql + " ORDER BY added_at, rowid", params
        ):
            if kind_text not in ItemKind._value2member_map_:
                continue  # a kind added by a newer confterm
            if not is_item_id(item_id):
                continue  # not an id confterm writes: the file was edited by hand
            stamp = _added_at(added_at)
            item_kind = ItemKind(kind_text)
            result.append(
                Bookmark(conference_id, item_kind, item_id, stamp, known.get((item_kind, item_id)))
            )
        return result

    def last_known(self, conference_id: str) -> dict[tuple[ItemKind, str], LastKnown]:
        """What each remembered item of a conference last looked like."""
        sql = (
            "SELECT kind, item_id, title, day, start, end, room FROM last_known "
            "WHERE conference_id = ?"
        )
        found: dict[tuple[ItemKind, str], LastKnown] = {}
        # A store not yet migrated (read only, or never written since) remembers nothing.
        rows = self._db.read(sql, (conference_id,), since=_LAST_KNOWN_VERSION)
        for kind_text, item_id, title, day, start, end, room in rows:
            if kind_text not in ItemKind._value2member_map_:
                continue
            try:
                found[(ItemKind(kind_text), item_id)] = LastKnown(
                    # Shown when the session has left the program: cleaned like the model's
                    # own text, since the file may have been edited by hand.
                    title=_remembered_text(title) or item_id,
                    day=date.fromisoformat(day) if day else None,
                    start=datetime.fromisoformat(start) if start else None,
                    end=datetime.fromisoformat(end) if end else None,
                    room=_remembered_text(room),
                )
            except (ValueError, TypeError):
                continue  # a damaged row: the bookmark is still listed, by id
        return found

    def ids(self, conference_id: str, kind: ItemKind = ItemKind.SESSION) -> set[str]:
        """The bookmarked item ids of one kind."""
        rows = self._db.read(IDS_SQL, (conference_id, str(kind)))
        return {row[0] for row in rows if is_item_id(row[0])}

    def get_pref(self, conference_id: str, key: str) -> str | None:
        """A per-conference preference, or None when unset."""
        sql = "SELECT value FROM prefs WHERE conference_id = ? AND key = ?"
        rows = self._db.read(sql, (conference_id, key))
        return str(rows[0][0]) if rows else None

    def change_token(self) -> int:
        """A number that changes whenever any process commits a change to the store.

        Cheap enough to poll twice a second: one ``PRAGMA data_version`` (which moves when
        *another* connection commits) plus a counter of this store's own effective commits.
        """
        return self._db.change_token()

    # -- writing ------------------------------------------------------------------------------

    def add(
        self, conference_id: str, item_ids: Iterable[str], kind: ItemKind = ItemKind.SESSION
    ) -> int:
        """Bookmark items in one transaction; return how many were not bookmarked before."""
        return len(self.add_items(conference_id, [(kind, item) for item in item_ids]))

    def remove(
        self, conference_id: str, item_ids: Iterable[str], kind: ItemKind = ItemKind.SESSION
    ) -> int:
        """Drop bookmarks in one transaction; return how many were bookmarked."""
        return len(self.remove_items(conference_id, [(kind, item) for item in item_ids]))

    def add_items(
        self, conference_id: str, items: Iterable[tuple[ItemKind, str]]
    ) -> list[tuple[ItemKind, str]]:
        """Bookmark items of any kinds in one transaction; return those newly added."""
        added = []
        with self._db.write() as conn:
            stamp = _now_text()
            for kind, item_id in dict.fromkeys(items):
                cursor = conn.execute(
                    "INSERT OR IGNORE INTO bookmarks VALUES (?, ?, ?, ?)",
                    (conference_id, str(kind), item_id, stamp),
                )
                if cursor.rowcount:
                    added.append((kind, item_id))
        if added:
            self._bookmarks_changed(conference_id)
        return added

    def remove_items(
        self, conference_id: str, items: Iterable[tuple[ItemKind, str]]
    ) -> list[tuple[ItemKind, str]]:
        """Drop bookmarks of any kinds in one transaction; return those that existed."""
        removed = []
        with self._db.write() as conn:
            for kind, item_id in dict.fromkeys(items):
                cursor = conn.execute(
                    "DELETE FROM bookmarks WHERE conference_id = ? AND kind = ? AND item_id = ?",
                    (conference_id, str(kind), item_id),
                )
                if cursor.rowcount:
                    removed.append((kind, item_id))
        if removed:
            self._bookmarks_changed(conference_id)
        return removed

    def toggle(self, conference_id: str, item_id: str, kind: ItemKind = ItemKind.SESSION) -> bool:
        """Flip one bookmark; it is committed when this returns. Return the new state."""
        key = (conference_id, str(kind), item_id)
        with self._db.write() as conn:
            cursor = conn.execute(
                "DELETE FROM bookmarks WHERE conference_id = ? AND kind = ? AND item_id = ?", key
            )
            state = not cursor.rowcount
            if state:
                conn.execute("INSERT INTO bookmarks VALUES (?, ?, ?, ?)", (*key, _now_text()))
        self._bookmarks_changed(conference_id)
        return state

    def remember(self, conference_id: str, items: Mapping[tuple[ItemKind, str], LastKnown]) -> None:
        """Record what bookmarked items look like now, in one transaction (an import calls
        this, so a bookmark whose session later leaves the program keeps its name)."""
        with self._db.write() as conn:
            for (kind, item_id), known in items.items():
                conn.execute(
                    "INSERT OR REPLACE INTO last_known VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        conference_id,
                        str(kind),
                        item_id,
                        known.title,
                        known.day.isoformat() if known.day else None,
                        known.start.isoformat() if known.start else None,
                        known.end.isoformat() if known.end else None,
                        known.room,
                    ),
                )

    def purge(self, conference_id: str) -> int:
        """Delete every bookmark of a conference (its preferences stay); return how many."""
        with self._db.write() as conn:
            cursor = conn.execute("DELETE FROM bookmarks WHERE conference_id = ?", (conference_id,))
            count = int(cursor.rowcount)
        if count:
            self._bookmarks_changed(conference_id)
        return count

    def set_pref(self, conference_id: str, key: str, value: str | None) -> None:
        """Set a per-conference preference; None removes it."""
        self.set_prefs(conference_id, {key: value})

    def set_prefs(self, conference_id: str, values: Mapping[str, str | None]) -> None:
        """Set several per-conference preferences in one transaction; None removes one.

        Readers (another process too) see all of them changed or none.
        """
        with self._db.write() as conn:
            for key, value in values.items():
                if value is None:
                    conn.execute(
                        "DELETE FROM prefs WHERE conference_id = ? AND key = ?",
                        (conference_id, key),
                    )
                else:
                    conn.execute(
                        "INSERT OR REPLACE INTO prefs VALUES (?, ?, ?)",
                        (conference_id, key, value),
                    )

    def _bookmarks_changed(self, conference_id: str) -> None:
        # Every bookmark write of every process passes here, so this is the one place that
        # keeps a registered calendar file current (confterm.export.calendar_file). The
        # rewrite never undoes or fails the bookmark change: a problem is kept for the caller.
        self.calendar_problem = None
        if self.get_pref(conference_id, "calendar_file") is None:
            return
        # Imported here: the store is below the exporters, which only this hook needs.
        from confterm.export.calendar_file import rewrite

        try:
            rewrite(self, self.path.parent, conference_id, self.loaded.get(conference_id))
        except ConftermError as error:
            self.calendar_problem = f"calendar file not updated: {error.message}"

    def close(self) -> None:
        """Close the database; the store reopens itself if used again."""
        self._db.close()
