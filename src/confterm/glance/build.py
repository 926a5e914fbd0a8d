"""Making a program's timeline (see :mod:`confterm.glance.timeline`) from the loaded program.

The timeline is made in memory, answers the run that made it, and is kept (written whole,
atomically, beside the program cache) only when the program file did not change while it was
read and had not changed just before (see :class:`~confterm.glance.timeline.SourceStamp`); a
cache folder that cannot be written only means making it again next time.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
from collections.abc import Iterator
from datetime import UTC
from pathlib import Path
from typing import Any

from confterm.atomic import write_atomic
from confterm.export.records import session_json
from confterm.glance.timeline import (
    SCHEMA,
    SourceStamp,
    Timeline,
    code_key,
    source_name,
    source_stamp,
)
from confterm.present.formatting import iso_or_none
from confterm.queries.index import LONG_SESSION_SECONDS, ProgramIndex


def build_timeline(
    index: ProgramIndex,
    source: str | os.PathLike[str],
    stamp: SourceStamp | None,
    keep_at: str | os.PathLike[str] | None,
) -> Timeline:
    """The timeline of the program of ``index``, read from the file ``source`` whose stamp
    was ``stamp`` before it was read; kept at ``keep_at`` when that is safe (see above)."""
    program = index.program
    conn = sqlite3.connect(":memory:")
    conn.executescript(SCHEMA)
    longest_short = 0.0
    rows = list(_rows(index))
    for row in rows:
        if not row[4]:
            longest_short = max(longest_short, row[3] - row[2])
    conn.executemany(
        "INSERT INTO sessions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (row[:-1] for row in rows),
    )
    conn.executemany("INSERT INTO records VALUES (?, ?)", ((row[0], row[-1]) for row in rows))
    meta = {
        "code": code_key() or "",
        "source": source_name(source),
        "stamp": stamp.text if stamp else "",
        "conference": program.conference.id,
        "timezone": program.conference.timezone,
        "longest_short": repr(longest_short),
    }
    conn.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
    conn.commit()
    if keep_at is not None and _unchanged(source, stamp) and code_key() is not None:
        _keep(conn, keep_at)
    return Timeline(conn, meta)


def _rows(index: ProgramIndex) -> Iterator[tuple[Any, ...]]:
    program = index.program
    zone = program.conference.zone
    for rank, session in enumerate(index.in_order):
        span = index.span(session)
        if span is None or session.start is None or session.end is None:
            continue
        record = session_json(program, session, UTC)
        record["start"] = record["end"] = None  # written in the display zone when shown
        yield (
            rank,
            session.id,
            span[0],
            span[1],
            int(span[1] - span[0] >= LONG_SESSION_SECONDS),
            session.start.isoformat(),
            session.end.isoformat(),
            session.title,
            program.room_name(session),
            session.kind.label,
            iso_or_none(session.start, zone),
            iso_or_none(session.end, zone),
            json.dumps(record, ensure_ascii=False),
        )


def _unchanged(source: str | os.PathLike[str], before: SourceStamp | None) -> bool:
    """True when the program file had settled before it was read and is the same file now."""
    after = source_stamp(source)
    return before is not None and before.settled and after is not None and after.text == before.text


def _keep(conn: sqlite3.Connection, path: str | os.PathLike[str]) -> None:
    # serialize() needs SQLite's serialization API (3.36 and later builds have it).
    with contextlib.suppress(OSError, AttributeError, sqlite3.Error):
        write_atomic(Path(path), conn.serialize())
