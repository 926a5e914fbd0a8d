"""Bookmarks handed to someone else: the shared JSON document, reading one, comparing two.

The document (``confterm bookmark export``; stable, keys may be added, never removed)::

    {"format": "confterm-bookmarks", "version": 1,
     "conference": id, "conference_name": str, "exported_at": ISO 8601 (UTC),
     "sessions": [{"id", "title" | null, "day" | null, "start" | null}],
     "booths": [{"id", "title" | null}],
     "papers": [{"id", "title" | null}]}      # one list per bookmark kind

Titles are there for the reader; only ids are read back. A title is null when the item had
already left the program. Reading never trusts the file: its size is bounded, every id must
look like an id, and anything else is one line naming the file and what is wrong.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeGuard

from confterm.errors import DataError
from confterm.files import FileTooLargeError, read_regular_file
from confterm.model.program import Program, Session
from confterm.present.formatting import iso_or_none
from confterm.queries.agenda import find_clashes
from confterm.queries.index import in_time_order
from confterm.text import one_line

FORMAT = "confterm-bookmarks"
VERSION = 1
#: A shared file is a list of ids: a megabyte is tens of thousands of them.
MAX_BYTES = 1024 * 1024
MAX_ID_LENGTH = 200

#: The bookmark kinds a document may hold, by their store value, and the list key of each.
KIND_KEYS = {"session": "sessions", "booth": "booths", "paper": "papers"}


def item_title(program: Program, kind: str, item_id: str) -> str | None:
    """The one-line title of a bookmarked item, or None when it is not in ``program``."""
    if kind == "session":
        session = program.session_by_id.get(item_id)
        return one_line(session.title) if session else None
    if kind == "booth":
        booth = program.booth_by_id.get(item_id)
        return one_line(booth.organisation) if booth else None
    if kind == "paper":
        paper = program.paper_by_id.get(item_id)
        return one_line(paper.title) if paper else None
    return None


def document(
    program: Program, marks: Iterable[tuple[str, str]], now: datetime | None = None
) -> dict[str, Any]:
    """The shared document of ``marks`` ((kind, id) pairs) on ``program``; sessions in time
    order, then any that left the program."""
    zone = program.conference.zone
    by_kind: dict[str, list[str]] = {kind: [] for kind in KIND_KEYS}
    for kind, item_id in marks:
        by_kind.setdefault(kind, []).append(item_id)
    result: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "conference": program.conference.id,
        "conference_name": one_line(program.conference.name),
        "exported_at": (now or datetime.now(UTC)).astimezone(UTC).isoformat(timespec="seconds"),
    }
    wanted = set(by_kind["session"])
    sessions = in_time_order(s for s in program.sessions if s.id in wanted)
    gone = [i for i in by_kind["session"] if i not in program.session_by_id]
    result["sessions"] = [
        {
            "id": s.id,
            "title": one_line(s.title),
            "day": s.day.isoformat() if s.day else None,
            "start": iso_or_none(s.start, zone),
        }
        for s in sessions
    ] + [{"id": i, "title": None, "day": None, "start": None} for i in gone]
    for kind, key in KIND_KEYS.items():
        if kind != "session":
            result[key] = [
                {"id": i, "title": item_title(program, kind, i)} for i in sorted(by_kind[kind])
            ]
    return result


@dataclass
class SharedBookmarks:
    """What a shared document holds: its conference and its (kind, id) pairs."""

    conference: str
    items: list[tuple[str, str]] = field(default_factory=list)

    def ids(self, kind: str) -> list[str]:
        """The ids of one kind, in the document's order."""
        return [item_id for k, item_id in self.items if k == kind]


def read_document(path: Path) -> SharedBookmarks:
    """Read a shared document.

    Raises:
        DataError: the file cannot be read, is too large, is not JSON, or not such a document.
    """
    name = one_line(str(path))
    try:
        # Refused by type (a FIFO, a device) and size before reading: see confterm.files.
        data = read_regular_file(path, MAX_BYTES)
    except FileTooLargeError:
        raise DataError(
            f"{name}: larger than {MAX_BYTES // 1024} KiB: not a bookmarks file"
        ) from None
    except OSError as error:
        reason = one_line(error.strerror or str(error))
        raise DataError(f"{name}: cannot read it: {reason}") from None
    return parse_document(data, name)


def parse_document(data: bytes, name: str) -> SharedBookmarks:
    """Parse the bytes of a shared document read from ``name``.

    Raises:
        DataError: not JSON, or not a confterm bookmarks document (the message says where).
    """
    try:
        obj = json.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise DataError(f"{name}: not UTF-8 text") from None
    except json.JSONDecodeError as error:
        raise DataError(f"{name}: line {error.lineno} column {error.colno}: {error.msg}") from None
    if not isinstance(obj, dict) or obj.get("format") != FORMAT:
        raise DataError(f'{name}: not a confterm bookmarks file (no "format": "{FORMAT}")')
    conference = obj.get("conference")
    if not _is_id(conference):
        raise DataError(f'{name}: "conference": expected a conference id')
    result = SharedBookmarks(conference)
    for kind, key in KIND_KEYS.items():
        entries = obj.get(key, [])
        if not isinstance(entries, list):
            raise DataError(f'{name}: "{key}": expected a list')
        for index, entry in enumerate(entries):
            item_id = entry.get("id") if isinstance(entry, dict) else None
            if not _is_id(item_id):
                raise DataError(f'{name}: "{key}"[{index}]: expected an object with an "id"')
            result.items.append((kind, item_id))
    return result


def _is_id(value: object) -> TypeGuard[str]:
    return (
        isinstance(value, str)
        and 0 < len(value) <= MAX_ID_LENGTH
        and value.isprintable()
        and value == value.strip()
    )


@dataclass
class Comparison:
    """Two people's bookmarked sessions side by side."""

    shared: list[Session]
    only_mine: list[Session]
    only_theirs: list[Session]
    #: Their sessions that overlap one of mine (and are not shared), with the ones of mine.
    clashes: list[tuple[Session, list[Session]]]
    #: Their ids that are not in the program (any more).
    unknown: list[str]


def compare(program: Program, mine: Iterable[str], theirs: Iterable[str]) -> Comparison:
    """Compare two sets of bookmarked session ids on ``program``."""
    by_id = program.session_by_id
    mine_set = {i for i in mine if i in by_id}
    their_ids = list(dict.fromkeys(theirs))
    theirs_set = {i for i in their_ids if i in by_id}
    shared = in_time_order(by_id[i] for i in mine_set & theirs_set)
    only_mine = in_time_order(by_id[i] for i in mine_set - theirs_set)
    only_theirs = in_time_order(by_id[i] for i in theirs_set - mine_set)
    overlaps = find_clashes([*only_mine, *only_theirs])
    mine_only_ids = {s.id for s in only_mine}
    clashes = []
    for session in only_theirs:
        with_mine = [by_id[i] for i in overlaps.get(session.id, []) if i in mine_only_ids]
        if with_mine:
            clashes.append((session, in_time_order(with_mine)))
    unknown = [i for i in their_ids if i not in by_id]
    return Comparison(shared, only_mine, only_theirs, clashes, unknown)
