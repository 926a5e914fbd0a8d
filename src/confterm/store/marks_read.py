"""Reading one conference's bookmarked ids straight from the store's file, for
``confterm now``.

A status line runs ``confterm now`` every few seconds. :class:`~confterm.store.bookmarks.
BookmarkStore` checks the whole file the first time a process opens it (``PRAGMA
quick_check``), and that costs as much as the file is large: after a 50,000-session program
was exported to a calendar, its event revisions made it 14 ms, more than the rest of the
answer. Here the file is only read, with no check, no lock and no migration, through a
read-only connection: SQLite still reports damage in any page read. Whenever this way
cannot answer (:func:`read_ids` returns None), the caller asks the store, which answers as
every other command does.

No Textual here: this is a domain module.
"""

from __future__ import annotations

import os
import sqlite3
import stat

from confterm.files import sqlite_uri
from confterm.text import one_line

#: The bookmarked item ids of one conference and kind (the store reads them this way too).
IDS_SQL = "SELECT item_id FROM bookmarks WHERE conference_id = ? AND kind = ?"


def is_item_id(value: object) -> bool:
    """True for an id confterm writes (a clean one-line text); the file may hold anything."""
    return isinstance(value, str) and bool(value) and one_line(value) == value


def read_ids(db_path: str, conference_id: str, kind: str) -> set[str] | None:
    """The ids :data:`IDS_SQL` reads from the store file ``db_path``: none when there is no
    file; None when this quick way cannot tell (not a regular file, locked, damaged, another
    schema...)."""
    try:
        mode = os.stat(db_path).st_mode
    except FileNotFoundError:
        return set()  # reading creates nothing, as the store's reads do
    except OSError:
        return None
    if not stat.S_ISREG(mode):
        return None
    try:
        conn = sqlite3.connect(sqlite_uri(db_path, "mode=ro"), uri=True)
    except sqlite3.Error:
        return None
    try:
        rows = conn.execute(IDS_SQL, (conference_id, kind)).fetchall()
    except sqlite3.Error:
        return None
    finally:
        conn.close()
    return {row[0] for row in rows if is_item_id(row[0])}
