"""The quick read of bookmarked ids (``confterm now``) gives what the store gives, or says
it cannot tell so that the store is asked; it never writes."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from confterm.store.bookmarks import BookmarkStore, ItemKind
from confterm.store.marks_read import read_ids


def _store_with_marks(folder: Path) -> Path:
    with BookmarkStore.open(folder) as store:
        store.add("conf", ["a-talk", "b-talk"])
        store.add("conf", ["a-paper"], kind=ItemKind.PAPER)
        store.add("other", ["c-talk"])
    return folder / "bookmarks.sqlite3"


@pytest.mark.parametrize("name", ["plain", "with ? and # and %41 in it", "ünï cödé"])
def test_it_reads_what_the_store_reads(tmp_path: Path, name: str) -> None:
    folder = tmp_path / name
    db = _store_with_marks(folder)
    with sqlite3.connect(db) as conn:  # as a hand edit would leave them
        conn.execute("INSERT INTO bookmarks VALUES ('conf', 'session', 'two\nlines', 'x')")
        conn.execute("INSERT INTO bookmarks VALUES ('conf', 'session', X'6869', 'x')")
    conn.close()
    with BookmarkStore.open(folder) as store:
        expected = store.ids("conf")
    assert expected == {"a-talk", "b-talk"}
    assert read_ids(str(db), "conf", "session") == expected
    assert read_ids(str(db), "conf", "paper") == {"a-paper"}
    assert read_ids(str(db), "nowhere", "session") == set()


def test_no_file_is_no_bookmarks_and_nothing_is_created(tmp_path: Path) -> None:
    db = tmp_path / "bookmarks.sqlite3"
    assert read_ids(str(db), "conf", "session") == set()
    assert list(tmp_path.iterdir()) == []


def test_it_cannot_tell_for_what_the_store_must_judge(tmp_path: Path) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    assert read_ids(str(folder), "conf", "session") is None  # a directory
    damaged = tmp_path / "damaged.sqlite3"
    damaged.write_bytes(b"SQLite format 3\0" + b"\xff" * 600)
    assert read_ids(str(damaged), "conf", "session") is None
    other = tmp_path / "other.sqlite3"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE notes (text TEXT)")
    conn.close()
    assert read_ids(str(other), "conf", "session") is None
    assert damaged.read_bytes() == b"SQLite format 3\0" + b"\xff" * 600


def test_a_large_store_is_read_without_reading_it_all(tmp_path: Path) -> None:
    """Many event revisions beside the bookmarks change nothing in the answer."""
    db = _store_with_marks(tmp_path)
    with BookmarkStore.open(tmp_path) as store, store.database.write() as conn:
        conn.executemany(
            "INSERT INTO event_revisions VALUES (?, ?, ?, ?, ?)",
            [("conf", f"s{i}", "d", 0, "2025-05-13T10:00:00+00:00") for i in range(2_000)],
        )
    assert read_ids(str(db), "conf", "session") == {"a-talk", "b-talk"}
