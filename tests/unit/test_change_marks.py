"""Change marks in the store (schema v4): recorded by an import, merged while unseen,
forgotten once seen, read from any process; what a mark says in a row and a detail."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from confterm.present.change_marks import change_line, change_word
from confterm.store.bookmarks import SCHEMA_VERSION, BookmarkStore, LastKnown
from confterm.store.change_marks import (
    CHANGE_MARKS_VERSION,
    ChangeMark,
    mark_seen,
    record_changes,
    unseen_changes,
)

BERLIN = ZoneInfo("Europe/Berlin")
SAAL_1 = LastKnown(
    "Rust in Space",
    date(2019, 12, 28),
    datetime(2019, 12, 28, 14, 0, tzinfo=BERLIN),
    datetime(2019, 12, 28, 15, 0, tzinfo=BERLIN),
    "Saal 1",
)
LATER = datetime(2019, 12, 27, 12, 0, tzinfo=UTC)


def test_a_version_three_store_reads_none_then_migrates(tmp_path: Path) -> None:
    path = tmp_path / "bookmarks.sqlite3"
    conn = sqlite3.connect(path)
    conn.executescript(
        """
        CREATE TABLE bookmarks (conference_id TEXT NOT NULL, kind TEXT NOT NULL,
            item_id TEXT NOT NULL, added_at TEXT NOT NULL,
            PRIMARY KEY (conference_id, kind, item_id));
        CREATE TABLE prefs (conference_id TEXT NOT NULL, key TEXT NOT NULL,
            value TEXT NOT NULL, PRIMARY KEY (conference_id, key));
        CREATE TABLE last_known (conference_id TEXT NOT NULL, kind TEXT NOT NULL,
            item_id TEXT NOT NULL, title TEXT NOT NULL, day TEXT, start TEXT, end TEXT,
            room TEXT, PRIMARY KEY (conference_id, kind, item_id));
        CREATE TABLE event_revisions (conference_id TEXT NOT NULL, uid TEXT NOT NULL,
            digest TEXT NOT NULL, sequence INTEGER NOT NULL, modified_at TEXT NOT NULL,
            PRIMARY KEY (conference_id, uid));
        PRAGMA user_version = 3;
        """
    )
    conn.commit()
    conn.close()
    with BookmarkStore(path) as store:
        assert unseen_changes(store, "36c3") == {}  # no table yet: nothing, no error
        record_changes(store, "36c3", {"rust": (("moved",), SAAL_1)}, now=LATER)
        (mark,) = unseen_changes(store, "36c3").values()
    assert (mark.session_id, mark.kinds, mark.before, mark.changed_at) == (
        "rust",
        ("moved",),
        SAAL_1,
        LATER,
    )
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert SCHEMA_VERSION >= CHANGE_MARKS_VERSION == 4
    conn.close()


def test_an_unseen_mark_keeps_the_look_last_seen_and_adds_new_kinds(tmp_path: Path) -> None:
    with BookmarkStore(tmp_path / "b.sqlite3") as store:
        record_changes(store, "c", {"rust": (("moved",), SAAL_1)})
        record_changes(
            store, "c", {"rust": (("cancelled", "retitled"), LastKnown("Rust in Saal 2"))}
        )
        (mark,) = unseen_changes(store, "c").values()
        assert mark.kinds == ("cancelled", "moved", "retitled")
        assert mark.before == SAAL_1  # what the user saw before either refresh
        assert unseen_changes(store, "other") == {}
        assert mark_seen(store, "c", ["rust", "rust", "never-marked"]) == 1
        assert unseen_changes(store, "c") == {}
        # Seen, then changed again: a new mark from the new look.
        record_changes(store, "c", {"rust": (("retitled",), LastKnown("Rust in Saal 2"))})
        assert unseen_changes(store, "c")["rust"].before == LastKnown("Rust in Saal 2")
    # Another process reads the same.
    with BookmarkStore(tmp_path / "b.sqlite3") as other:
        assert set(unseen_changes(other, "c")) == {"rust"}


def test_rows_edited_by_hand_are_skipped(tmp_path: Path) -> None:
    with BookmarkStore(tmp_path / "b.sqlite3") as store:
        record_changes(store, "c", {"rust": (("moved",), SAAL_1)})
        with store.database.write() as conn:
            conn.execute(
                "INSERT INTO change_marks VALUES ('c', 'odd', 'exploded', 't', NULL, NULL,"
                " NULL, NULL, '2019-12-27T12:00:00+00:00')"
            )
            conn.execute(
                "INSERT INTO change_marks VALUES ('c', 'bad-date', 'moved', 't', 'soon',"
                " NULL, NULL, NULL, '2019-12-27T12:00:00+00:00')"
            )
        assert set(unseen_changes(store, "c")) == {"rust"}


def test_what_a_mark_says_without_colour() -> None:
    assert change_word(("cancelled", "moved")) == "cancelled"
    assert change_word(("moved", "retitled")) == "moved"
    assert change_word(("retitled",)) == "changed"
    cancelled = ChangeMark("rust", ("cancelled", "retitled"), SAAL_1, LATER)
    assert change_line(cancelled, BERLIN)[0].text.startswith("‼ Cancelled in a refresh: Rust")
    mark = ChangeMark("rust", ("moved", "retitled"), SAAL_1, LATER)
    (span,) = change_line(mark, BERLIN)
    assert span.text == (
        "‼ Moved and retitled in a refresh: Rust in Space (was Sat 28 Dec 14:00–15:00, Saal 1)"
    )
