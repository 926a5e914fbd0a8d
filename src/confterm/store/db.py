"""The SQLite file behind :class:`confterm.store.bookmarks.BookmarkStore`: opening it for
reading and writing, WAL, damage detection and recovery, and schema migrations.

What this guarantees (writers queue, newer files are never written, damage is kept aside,
reading creates nothing) is listed in :mod:`confterm.store.bookmarks`.

No Textual here: this is a domain module.
"""

from __future__ import annotations

import os
import sqlite3
import stat
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from datetime import datetime
from pathlib import Path
from typing import Any

from confterm.errors import StoreError
from confterm.files import file_kind

BUSY_TIMEOUT_MS = 5000

# One entry per schema version; entry i upgrades a file from version i to i + 1.
_MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE bookmarks (
        conference_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        item_id TEXT NOT NULL,
        added_at TEXT NOT NULL,
        PRIMARY KEY (conference_id, kind, item_id)
    );
    CREATE TABLE prefs (
        conference_id TEXT NOT NULL,
        key TEXT NOT NULL,
        value TEXT NOT NULL,
        PRIMARY KEY (conference_id, key)
    );
    """,
    # What a bookmarked session last looked like (title, day, times, room), so a bookmark
    # whose session left the program is still shown by name. Written at each import.
    """
    CREATE TABLE last_known (
        conference_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        item_id TEXT NOT NULL,
        title TEXT NOT NULL,
        day TEXT,
        start TEXT,
        end TEXT,
        room TEXT,
        PRIMARY KEY (conference_id, kind, item_id)
    );
    """,
    # What each exported calendar event last looked like, so SEQUENCE grows only when an
    # event's content changed and LAST-MODIFIED says when (confterm.store.revisions).
    """
    CREATE TABLE event_revisions (
        conference_id TEXT NOT NULL,
        uid TEXT NOT NULL,
        digest TEXT NOT NULL,
        sequence INTEGER NOT NULL,
        modified_at TEXT NOT NULL,
        PRIMARY KEY (conference_id, uid)
    );
    """,
    # Bookmarked sessions that a refresh (or re-import) found moved, retitled or cancelled,
    # with what they looked like before, until the user has seen them (the row is then
    # deleted): the app marks them in the day view and My agenda (confterm.store.change_marks).
    """
    CREATE TABLE change_marks (
        conference_id TEXT NOT NULL,
        session_id TEXT NOT NULL,
        kinds TEXT NOT NULL,
        title TEXT NOT NULL,
        day TEXT,
        start TEXT,
        end TEXT,
        room TEXT,
        changed_at TEXT NOT NULL,
        PRIMARY KEY (conference_id, session_id)
    );
    """,
    # event_revisions kept in the order of its key (WITHOUT ROWID): an export reads all of a
    # conference's rows, which then lie together instead of one lookup per row through the
    # key's index (a whole program's 47,000 rows: about half the read time). Same columns.
    """
    CREATE TABLE event_revisions_by_key (
        conference_id TEXT NOT NULL,
        uid TEXT NOT NULL,
        digest TEXT NOT NULL,
        sequence INTEGER NOT NULL,
        modified_at TEXT NOT NULL,
        PRIMARY KEY (conference_id, uid)
    ) WITHOUT ROWID;
    INSERT INTO event_revisions_by_key
        SELECT conference_id, uid, digest, sequence, modified_at FROM event_revisions;
    DROP TABLE event_revisions;
    ALTER TABLE event_revisions_by_key RENAME TO event_revisions;
    """,
)
SCHEMA_VERSION = len(_MIGRATIONS)

# Primary SQLite result codes (the low byte of the extended codes Python reports).
_SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_READONLY = 5, 6, 8
_SQLITE_CORRUPT, _SQLITE_FULL, _SQLITE_CANTOPEN, _SQLITE_NOTADB = 11, 13, 14, 26
_SQLITE_READONLY_DIRECTORY = 1032


def _code(error: sqlite3.Error) -> int:
    return int(getattr(error, "sqlite_errorcode", 0) or 0)


class _DamagedError(sqlite3.DatabaseError):
    """``PRAGMA quick_check`` found problems without SQLite raising an error, or the file's
    tables are not those of its schema version (another program's database, a wrong
    version number): either way it cannot be used, and is moved aside."""


def _tables(conn: sqlite3.Connection) -> dict[str, list[tuple[Any, ...]]]:
    names = [
        row[0]
        for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    return {name: conn.execute(f"PRAGMA table_info({_quoted(name)})").fetchall() for name in names}


def _quoted(name: str) -> str:
    # A foreign file's table names are data: quoted as an SQL identifier, never spliced raw.
    return '"' + name.replace('"', '""') + '"'


def _schema_is_ours(conn: sqlite3.Connection) -> bool:
    """True when the file's tables are exactly those our migrations create up to its version.

    A newer confterm's file (a version above ours) is left alone: it is never written, and
    reading it is that version's business to keep compatible.
    """
    # One read transaction: another process may be creating the tables and setting the
    # version meanwhile; the two must be seen from the same commit.
    conn.execute("BEGIN")
    try:
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        found = _tables(conn)
    finally:
        conn.execute("COMMIT")
    if version < 0:
        return False
    if version > SCHEMA_VERSION:
        return True
    expected = sqlite3.connect(":memory:")
    try:
        for step in range(version):
            expected.executescript(_MIGRATIONS[step])
        return found == _tables(expected)
    finally:
        expected.close()


def _is_damage(error: sqlite3.Error) -> bool:
    if isinstance(error, _DamagedError):
        return True
    return _code(error) & 0xFF in (_SQLITE_CORRUPT, _SQLITE_NOTADB)


def _enable_wal(conn: sqlite3.Connection) -> None:
    """Switch a file to WAL (once; the mode is stored in the file).

    The switch needs an exclusive lock and SQLite does not run the busy handler for it (to avoid
    deadlocks), so two processes creating the store at once must retry by hand.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
        try:
            conn.execute("PRAGMA journal_mode = WAL")
        except sqlite3.OperationalError as error:
            if _code(error) & 0xFF != _SQLITE_BUSY or time.monotonic() > deadline:
                raise
            time.sleep(0.005)


class StoreDatabase:
    """The store file at ``path``; opened on first use, safe to share between processes."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._conn: sqlite3.Connection | None = None
        self._writable = False
        self._damaged = False  # damaged and could not be moved aside
        self._checked = False
        self._recovery_message: str | None = None
        self._version = 0
        self._seen_data_version = -1
        self._own_writes = 0
        self._token_base = 0
        # The app may touch the store from a worker thread as well as the event loop.
        self._lock = threading.RLock()

    @property
    def recovery_message(self) -> str | None:
        """One line naming the damaged file and where it was moved, when that happened."""
        with self._lock:
            with suppress(StoreError):
                self._reader()
            return self._recovery_message

    def read(self, sql: str, params: tuple[str, ...], *, since: int = 1) -> list[tuple[Any, ...]]:
        """The rows of one query; none while the file is missing or not yet migrated to
        schema version ``since`` (the version that made the tables the query reads)."""
        with self._lock:
            conn = self._reader()
            if conn is None:
                return []
            try:
                self._refresh_version(conn)
                if self._version < since:
                    return []
                return list(conn.execute(sql, params).fetchall())
            except sqlite3.Error as error:
                raise StoreError(f"cannot read bookmarks: {self.path}: {error}") from None

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """A connection inside one ``BEGIN IMMEDIATE`` transaction, committed on exit."""
        with self._lock:
            conn = self._writer()
            before = conn.total_changes
            try:
                conn.execute("BEGIN IMMEDIATE")
                yield conn
                conn.execute("COMMIT")
            except BaseException as error:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                if isinstance(error, sqlite3.Error):
                    raise self._write_error(error) from None
                raise
            if conn.total_changes != before:
                self._own_writes += 1

    def change_token(self) -> int:
        """``PRAGMA data_version`` (which moves when *another* connection commits) plus a
        counter of this store's own effective commits."""
        with self._lock:
            try:
                conn = self._reader()
                if conn is None:
                    return self._token_base + self._own_writes
                version = int(conn.execute("PRAGMA data_version").fetchone()[0])
            except (StoreError, sqlite3.Error):
                return self._token_base + self._own_writes
            return self._token_base + version + self._own_writes

    def close(self) -> None:
        """Close the connection; the next read or write reopens it."""
        with self._lock:
            self._drop_connection()

    # -- opening ------------------------------------------------------------------------------

    def _reader(self) -> sqlite3.Connection | None:
        """The open connection, opening an existing file if needed; None if there is none."""
        if self._conn is not None:
            return self._conn
        if self._damaged or not self.path.exists():
            return None
        self._refuse_non_file()
        # rw first so WAL readers can create the shared-memory file; then read-only variants
        # for a read-only file or directory (immutable: no -shm can be created there).
        last: sqlite3.Error | None = None
        for query in ("mode=rw", "mode=ro", "mode=ro&immutable=1"):
            conn = sqlite3.connect(
                f"{self.path.resolve().as_uri()}?{query}",
                uri=True,
                isolation_level=None,
                check_same_thread=False,
            )
            try:
                self._check(conn)
            except sqlite3.Error as error:
                if _is_damage(error):
                    self._recover(conn)
                    return self._reader()
                conn.close()
                last = error
                continue
            self._conn = conn
            return conn
        raise StoreError(f"cannot read bookmarks: {self.path}: {last}")

    def _refuse_non_file(self) -> None:
        """A StoreError when something other than a regular file is at the store's path.

        SQLite fails obscurely on a directory or a device, and waits forever on a FIFO; the
        thing is the user's, so it is left where it is and named (the app shows the message
        when it reads the bookmarks, and still opens to browse).
        """
        try:
            mode = os.stat(self.path).st_mode
        except OSError:
            return  # nothing there (or no way there): opening it says what is wrong
        if not stat.S_ISREG(mode):
            raise StoreError(
                f"bookmark store {self.path} is {file_kind(mode)}, not a file: bookmarks are "
                "unavailable until it is moved away"
            )

    def _refresh_version(self, conn: sqlite3.Connection) -> None:
        """Re-read the schema version if the file may have changed since it was last read.

        Another process may create or migrate the file after this connection opened it (a
        reader that saw version 0 would otherwise read nothing forever). ``data_version``
        moves whenever another connection commits, so the common case costs one pragma.
        """
        data_version = int(conn.execute("PRAGMA data_version").fetchone()[0])
        if self._version < 1 or data_version != self._seen_data_version:
            self._version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            self._seen_data_version = data_version

    def _check(self, conn: sqlite3.Connection) -> None:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        self._version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        if not self._checked:
            # Once per store: the file is small (opening and checking 1,000 bookmarks took ~1 ms).
            result = [row[0] for row in conn.execute("PRAGMA quick_check").fetchall()]
            if result != ["ok"]:
                raise _DamagedError("; ".join(map(str, result[:3])))
            if not _schema_is_ours(conn):
                raise _DamagedError("not a confterm bookmark store (unknown schema)")
            self._checked = True

    def _writer(self) -> sqlite3.Connection:
        """A connection open for writing on a migrated file, created if needed."""
        if self._damaged:
            raise StoreError(f"cannot save bookmarks: {self.path} is damaged")
        self._reader()
        if self._version > SCHEMA_VERSION:
            raise StoreError(
                f"cannot save bookmarks: {self.path} was written by a newer confterm "
                f"(schema version {self._version}, this one knows {SCHEMA_VERSION}); upgrade"
            )
        if self._conn is not None and self._writable:
            return self._conn
        self._drop_connection()
        self._refuse_non_file()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StoreError(
                f"cannot save bookmarks: cannot create {self.path.parent}: "
                f"{error.strerror or error}"
            ) from None
        try:
            conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        except sqlite3.Error as error:
            raise self._write_error(error) from None
        try:
            self._check(conn)
            _enable_wal(conn)
            # FULL, not NORMAL: in WAL mode NORMAL already survives kill -9 (a commit is in the
            # OS page cache before COMMIT returns) but may lose the last commits on power loss.
            # Writes happen at human pace (one per key press), so one fsync each costs nothing.
            conn.execute("PRAGMA synchronous = FULL")
            self._migrate(conn)
        except sqlite3.Error as error:
            if _is_damage(error):
                self._recover(conn)
                return self._writer()
            conn.close()
            raise self._write_error(error) from None
        self._conn, self._writable = conn, True
        return conn

    def _migrate(self, conn: sqlite3.Connection) -> None:
        conn.execute("BEGIN IMMEDIATE")
        try:
            # Re-read inside the lock: another process may have migrated meanwhile.
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            for step in range(version, SCHEMA_VERSION):
                for statement in _MIGRATIONS[step].split(";"):
                    if statement.strip():
                        conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {step + 1}")
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        self._version = max(version, SCHEMA_VERSION)

    def _drop_connection(self) -> None:
        if self._conn is None:
            return
        # Keep change_token moving forward: a new connection restarts data_version.
        try:
            version = int(self._conn.execute("PRAGMA data_version").fetchone()[0])
        except sqlite3.Error:
            version = 0
        self._token_base += version + 1
        self._conn.close()
        self._conn, self._writable = None, False

    # -- damage -------------------------------------------------------------------------------

    def _recover(self, conn: sqlite3.Connection) -> None:
        """Move a damaged file (and its -wal/-shm) aside so a fresh store can start.

        The files are renamed while ``conn`` is still open: closing the last connection first
        would let SQLite delete the -wal we want to keep. (Windows cannot rename open files, so
        there the connection is closed first.)
        """
        try:
            self._move_aside()
        finally:
            conn.close()
        if self._damaged and os.name == "nt":
            self._damaged = False
            self._move_aside()

    def _move_aside(self) -> None:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        target = self.path.with_name(f"{self.path.name}.damaged-{stamp}")
        counter = 1
        while target.exists():
            counter += 1
            target = self.path.with_name(f"{self.path.name}.damaged-{stamp}-{counter}")
        try:
            os.replace(self.path, target)
        except OSError as error:
            self._damaged = True
            self._recovery_message = (
                f"bookmark store {self.path} is damaged and could not be moved aside "
                f"({error.strerror or error}); bookmarks are unavailable"
            )
            return
        for suffix in ("-wal", "-shm"):
            side = Path(f"{self.path}{suffix}")
            if side.exists():
                # The main file is what matters; a stale -shm is rebuilt anyway.
                with suppress(OSError):
                    os.replace(side, Path(f"{target}{suffix}"))
        self._checked = False
        self._recovery_message = (
            f"bookmark store {self.path} was damaged; it was kept as {target} "
            "and a new, empty store was started"
        )

    # -- errors -------------------------------------------------------------------------------

    def _write_error(self, error: sqlite3.Error) -> StoreError:
        code = _code(error)
        if code == _SQLITE_READONLY_DIRECTORY:
            return StoreError(f"cannot save bookmarks: {self.path.parent} is read-only")
        if code & 0xFF in (_SQLITE_READONLY, _SQLITE_CANTOPEN):
            if not self.path.exists():
                return StoreError(f"cannot save bookmarks: cannot create {self.path}")
            return StoreError(f"cannot save bookmarks: {self.path} is read-only")
        if code & 0xFF in (_SQLITE_BUSY, _SQLITE_LOCKED):
            return StoreError(
                f"cannot save bookmarks: {self.path} is locked by another program "
                f"(waited {BUSY_TIMEOUT_MS // 1000} s)"
            )
        if code & 0xFF == _SQLITE_FULL:
            return StoreError(f"cannot save bookmarks: the disk holding {self.path} is full")
        return StoreError(f"cannot save bookmarks: {self.path}: {error}")
