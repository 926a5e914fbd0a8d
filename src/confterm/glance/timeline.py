"""A program's timeline: its timed sessions in one small SQLite file, and the question
``confterm now`` asks of it.

Standard library only (no model, no pydantic): reading a timeline and answering costs a few
milliseconds at any program size, because only the sessions around the moment asked about
are read (an index on start times), never the whole program.

What a timeline holds, per timed session (start and end known): its place in the program's
time order (``rank``, :attr:`confterm.queries.index.ProgramIndex.in_order`), id, start and
end (as written, and as POSIX timestamps), title, room name, kind label, and its ``--json``
object with the start and end left to fill in the display zone. Its ``meta`` table says what
it was made from (see :func:`Timeline.open`).

The question is the one :func:`confterm.queries.nownext.now_and_next` answers over a loaded
program (the app's now & next screen), then bookmarks first: a test holds the two answers
equal over many programs and moments.
"""

from __future__ import annotations

import os
import sqlite3
import zlib
from datetime import datetime, timedelta
from functools import cache
from operator import itemgetter

from confterm import __version__, paths

# The stamp is shared with the program cache (which reads no file it can trust by stamp).
from confterm.files import SourceStamp as SourceStamp
from confterm.files import source_stamp as source_stamp
from confterm.files import sqlite_uri

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator
    from datetime import tzinfo
    from typing import Any, Literal

# This module is on the path of every `confterm now`, a status line's command: it imports
# no dataclasses (which import inspect), no hashlib, no typing, no pathlib (paths are text
# here) and no json until --json asks.

TIMELINE_FORMAT = 3
SUFFIX = ".timeline.sqlite3"

# The modules whose code decides what a timeline holds (how a program file is read and
# validated, the time order, the session's JSON object, cleaned texts, this package): a
# change to any of them makes every timeline made before it stale, as the program cache does
# with the model's sources, even when the version number stays the same.
CODE_SOURCES = (
    "glance/build.py",
    "glance/timeline.py",
    "model/cache.py",
    "model/checks.py",
    "model/loading.py",
    "model/program.py",
    "model/rules.py",
    "model/validation.py",
    "queries/index.py",
    "export/records.py",
    "present/formatting.py",
    "text.py",
    "ids.py",
)

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE sessions (
    rank INTEGER PRIMARY KEY, id TEXT NOT NULL, start_ts REAL NOT NULL, end_ts REAL NOT NULL,
    long INTEGER NOT NULL, start TEXT NOT NULL, end TEXT NOT NULL, title TEXT NOT NULL,
    room TEXT, kind TEXT NOT NULL, start_local TEXT NOT NULL, end_local TEXT NOT NULL
);
-- Covering what a moment is asked about, so that finding the sessions around it reads the
-- index alone (thousands of them are on at once in a large program).
CREATE INDEX sessions_by_start ON sessions (long, start_ts, end_ts, id);
-- Apart, so that the rows looked through for a moment stay small and close together.
CREATE TABLE records (rank INTEGER PRIMARY KEY, record TEXT NOT NULL);
"""
# The sessions on at a moment or starting before another, by their keys alone: a search of
# the index, which holds every column asked for.
_KEYS = "rank, id, start_ts, end_ts"
_AROUND = (
    f"SELECT {_KEYS} FROM sessions "  # noqa: S608
    "WHERE long = 0 AND start_ts BETWEEN ? AND ? AND end_ts > ? "
    f"UNION ALL SELECT {_KEYS} FROM sessions WHERE long = 1 AND start_ts <= ? AND end_ts > ?"
)
# What an Entry holds, in its order.
_ENTRY = "rank, id, title, room, kind, start, end, start_local, end_local"
# At most this many values in one query (SQLite before 3.32 allows 999).
_CHUNK = 500


@cache
def code_key() -> str | None:
    """The format, the version and a checksum of :data:`CODE_SOURCES` (None when they cannot
    be read: no timeline is kept then). CRC-32 and Adler-32 (zlib): a change detector, with no
    adversary to resist; a timeline made by other code only answers slower, never wrongly."""
    crc = adler = 1
    root = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))
    try:
        for name in CODE_SOURCES:
            with open(os.path.join(root, name), "rb") as source:
                data = name.encode() + b"\0" + source.read()
            crc, adler = zlib.crc32(data, crc), zlib.adler32(data, adler)
    except OSError:
        return None
    return f"{TIMELINE_FORMAT}/{__version__}/{crc:08x}{adler:08x}"


def timeline_path(cache_dir: str | os.PathLike[str], source: str | os.PathLike[str]) -> str:
    """The timeline of the program file ``source``, beside its program cache."""
    return os.path.join(cache_dir, paths.program_cache_name(source, SUFFIX))


def source_name(source: str | os.PathLike[str]) -> str:
    """How the meta table names the program file (its resolved path)."""
    return os.path.realpath(source)


class Entry:
    """One timed session of a timeline, as ``confterm now`` shows it."""

    __slots__ = (
        "end_local",
        "end_text",
        "id",
        "kind",
        "rank",
        "room",
        "start_local",
        "start_text",
        "title",
    )

    def __init__(
        self,
        rank: int,
        id: str,
        title: str,
        room: str | None,
        kind: str,
        start_text: str,
        end_text: str,
        start_local: str,
        end_local: str,
    ) -> None:
        self.rank = rank  # its place in the program's time order
        self.id = id
        self.title = title  # as in the program (cleaned where shown)
        self.room = room  # the room's name; None when not announced
        self.kind = kind  # the kind's label ("Talk", "Poster session"...)
        self.start_text = start_text  # ISO 8601, as in the program
        self.end_text = end_text
        # ISO 8601 in the conference's zone, as made with zoneinfo when the timeline was:
        # shown in that zone (the default), a time needs no zoneinfo (a status line's start).
        self.start_local = start_local
        self.end_local = end_local

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Entry):
            return NotImplemented
        return all(getattr(self, name) == getattr(other, name) for name in self.__slots__)

    __hash__ = None  # type: ignore[assignment]  # mutable, compared by value: not hashable

    def __repr__(self) -> str:
        return f"Entry(rank={self.rank!r}, id={self.id!r}, title={self.title!r})"

    # Parsed when shown: a line shows two of the thousands a large program has on at once.
    @property
    def start(self) -> datetime:
        """When it starts."""
        return datetime.fromisoformat(self.start_text)

    @property
    def end(self) -> datetime:
        """When it ends."""
        return datetime.fromisoformat(self.end_text)


class Glance:
    """What ``confterm now`` shows: the sessions on now and those next, and whether they are
    the user's bookmarks or, with none of those on or near, the whole program's.

    Thousands of sessions are on at once in a large program, and a line shows two: each
    session is read from the timeline only when asked for (:meth:`first_in_progress`,
    :attr:`in_progress`...).
    """

    __slots__ = ("_entries", "_load", "_on", "_soon", "now", "source")

    def __init__(
        self,
        source: Literal["bookmarks", "program"],
        now: datetime,
        on: list[int],
        soon: list[int],
        load: Callable[[list[int]], dict[int, Entry]],
    ) -> None:
        self.source = source
        self.now = now
        self._on = on  # ranks: the least time left first (ties: the earlier start)
        self._soon = soon  # ranks, in time order
        self._load = load
        self._entries: dict[int, Entry] = {}

    def _read(self, ranks: list[int]) -> list[Entry]:
        missing = [rank for rank in ranks if rank not in self._entries]
        if missing:
            self._entries.update(self._load(missing))
        return [self._entries[rank] for rank in ranks]

    @property
    def in_progress(self) -> list[Entry]:
        """The sessions on now, the least time left first (ties: the earlier start)."""
        return self._read(self._on)

    @property
    def upcoming(self) -> list[Entry]:
        """The sessions starting within the window, in time order."""
        return self._read(self._soon)

    @property
    def count_in_progress(self) -> int:
        """How many sessions are on now."""
        return len(self._on)

    @property
    def count_upcoming(self) -> int:
        """How many sessions start within the window."""
        return len(self._soon)

    def first_in_progress(self) -> Entry | None:
        """The session on now with the least time left, if any."""
        return self._read(self._on[:1])[0] if self._on else None

    def first_upcoming(self) -> Entry | None:
        """The next session to start, if any."""
        return self._read(self._soon[:1])[0] if self._soon else None

    @property
    def is_empty(self) -> bool:
        """True when nothing is on and nothing starts within the window."""
        return not (self._on or self._soon)

    def left(self, entry: Entry) -> timedelta:
        """How long ``entry`` (on now) has left."""
        return entry.end - self.now


class TimelineError(Exception):
    """A kept timeline that cannot answer: it is made again from the program."""


class Timeline:
    """An open timeline: its meta data, and its sessions to ask about."""

    def __init__(self, conn: sqlite3.Connection, meta: dict[str, str]) -> None:
        self._conn = conn
        self.meta = meta

    @property
    def conference_id(self) -> str:
        """The id of the conference the program is of."""
        return self.meta["conference"]

    @property
    def zone_key(self) -> str:
        """The IANA name of the conference's zone."""
        return self.meta["timezone"]

    def zone(self) -> tzinfo:
        """The conference's zone (zoneinfo is imported only now: the entries already hold
        their times in it).

        Raises:
            TimelineError: no such zone here (the program is loaded again, and says so).
        """
        from confterm.timezones import find_zone

        found = find_zone(self.zone_key)
        if found is None:
            raise TimelineError(f"unknown time zone {self.zone_key!r}")
        return found

    @classmethod
    def open(
        cls, path: str | os.PathLike[str], source: str | os.PathLike[str], stamp: SourceStamp
    ) -> Timeline | None:
        """The timeline at ``path`` when it was made by this code from the program file
        ``source`` as it is now (``stamp``); None when there is none, it is damaged, or it was
        made from anything else."""
        try:
            # immutable: a timeline is only ever replaced whole (see build), never changed.
            conn = sqlite3.connect(sqlite_uri(path, "mode=ro&immutable=1"), uri=True)
        except (sqlite3.Error, OSError, ValueError):
            return None
        try:
            meta = {str(k): str(v) for k, v in conn.execute("SELECT key, value FROM meta")}
        except sqlite3.Error:
            conn.close()
            return None
        wanted = {"code": code_key(), "source": source_name(source), "stamp": stamp.text}
        if any(meta.get(key) != value for key, value in wanted.items()) or not _sound(meta):
            conn.close()
            return None
        return cls(conn, meta)

    def close(self) -> None:
        """Close the file."""
        self._conn.close()

    def glance(self, now: datetime, bookmarked: set[str], window: timedelta) -> Glance:
        """Now and next among the ``bookmarked`` sessions when any of them is on at ``now``
        or starts within ``window``; otherwise now and next in the whole program.

        In progress: start <= now < end, the least time left first (ties: the earlier
        start, then time order); next: now < start <= now + window, in time order.

        Raises:
            sqlite3.Error: the file is damaged.
        """
        moment, until = now.timestamp(), (now + window).timestamp()
        # A session shorter than a long one that is still on started at most the longest
        # such session's length ago (a second more: the bound needs no exact arithmetic);
        # the few long ones are all looked at.
        since = moment - float(self.meta["longest_short"]) - 1.0
        rows = self._conn.execute(_AROUND, (since, until, moment, until, moment)).fetchall()
        rows.sort(key=itemgetter(0))
        on = [row for row in rows if row[2] <= moment < row[3]]
        soon = [row for row in rows if moment < row[2] <= until]
        mine_on = [row for row in on if row[1] in bookmarked]
        mine_next = [row for row in soon if row[1] in bookmarked]
        source: Literal["bookmarks", "program"] = "program"
        if mine_on or mine_next:
            source, on, soon = "bookmarks", mine_on, mine_next
        # The time left, then the start, compared as timestamps: a timestamp is exact to the
        # microsecond, so these orders are those of the datetimes (and the sort is stable).
        on.sort(key=itemgetter(3, 2))
        return Glance(source, now, [row[0] for row in on], [row[0] for row in soon], self._entries)

    def _entries(self, ranks: list[int]) -> dict[int, Entry]:
        """The entries of the sessions of ``ranks``, by rank.

        Raises:
            sqlite3.Error: the file is damaged.
        """
        return {row[0]: Entry(*row) for row in self._by_rank(f"{_ENTRY} FROM sessions", ranks)}

    def records(self, entries: Iterable[Entry]) -> dict[int, dict[str, Any]]:
        """The ``--json`` objects of ``entries`` by rank (``start`` and ``end`` are None:
        the caller writes them in its display zone).

        Raises:
            sqlite3.Error: the file is damaged.
        """
        import json

        ranks = sorted({entry.rank for entry in entries})
        rows = self._by_rank("rank, record FROM records", ranks)
        return {rank: json.loads(record) for rank, record in rows}

    def _by_rank(self, what: str, ranks: list[int]) -> Iterator[tuple[Any, ...]]:
        """The rows of ``SELECT what`` (columns, then ``FROM`` a table keyed by rank) of
        ``ranks``, at most :data:`_CHUNK` ranks a query."""
        for first in range(0, len(ranks), _CHUNK):
            chunk = ranks[first : first + _CHUNK]
            marks = ",".join("?" * len(chunk))
            sql = f"SELECT {what} WHERE rank IN ({marks})"
            yield from self._conn.execute(sql, chunk)


def _sound(meta: dict[str, str]) -> bool:
    try:
        float(meta["longest_short"])
    except (KeyError, ValueError):
        return False
    return bool(meta.get("conference")) and bool(meta.get("timezone"))
