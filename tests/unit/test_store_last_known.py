"""A bookmark whose session left the program keeps what it last looked like (schema v2)."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from confterm.present.formatting import missing_label
from confterm.store.bookmarks import SCHEMA_VERSION, BookmarkStore, ItemKind, LastKnown

BERLIN = ZoneInfo("Europe/Berlin")
TALK = LastKnown(
    title="Rust in Space",
    day=date(2019, 12, 28),
    start=datetime(2019, 12, 28, 14, 0, tzinfo=BERLIN),
    end=datetime(2019, 12, 28, 15, 0, tzinfo=BERLIN),
    room="Saal 1",
)


def _version_one_store(path: Path) -> None:
    """A store as confterm wrote it before last_known existed, with one bookmark."""
    conn = sqlite3.connect(path)
    conn.executescript(
        """
        CREATE TABLE bookmarks (conference_id TEXT NOT NULL, kind TEXT NOT NULL,
            item_id TEXT NOT NULL, added_at TEXT NOT NULL,
            PRIMARY KEY (conference_id, kind, item_id));
        CREATE TABLE prefs (conference_id TEXT NOT NULL, key TEXT NOT NULL,
            value TEXT NOT NULL, PRIMARY KEY (conference_id, key));
        INSERT INTO bookmarks VALUES ('c', 'session', 'gone', '2026-01-01T00:00:00+00:00');
        PRAGMA user_version = 1;
        """
    )
    conn.commit()
    conn.close()


def test_a_version_one_store_is_read_then_migrated_and_remembers(tmp_path: Path) -> None:
    path = tmp_path / "bookmarks.sqlite3"
    _version_one_store(path)
    store = BookmarkStore(path)
    (mark,) = store.bookmarks("c")
    assert mark.item_id == "gone"
    assert mark.last_known is None  # read before any write: no table yet, no error
    store.remember("c", {(ItemKind.SESSION, "gone"): TALK})
    (mark,) = store.bookmarks("c")
    assert mark.last_known == TALK
    store.close()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION >= 2
    conn.close()
    # Another process sees the same.
    with BookmarkStore(path) as other:
        assert other.bookmarks("c")[0].last_known == TALK
        assert other.bookmarks("c")[0].added_at == datetime(2026, 1, 1, tzinfo=UTC)


def test_the_missing_bookmark_is_named_with_its_last_day_time_and_room() -> None:
    assert missing_label("session", "gone", TALK, BERLIN) == (
        "Rust in Space (was Sat 28 Dec 14:00–15:00, Saal 1)"
    )
    untimed = LastKnown(title="Lightning talks")
    assert missing_label("session", "gone", untimed, BERLIN) == "Lightning talks (was time TBA)"
    assert missing_label("session", "gone", None, BERLIN) == "session gone"


def test_the_agenda_and_its_exports_name_a_vanished_session(tmp_path: Path) -> None:
    from confterm.export.common import missing_line
    from confterm.model.loading import load_program_file
    from confterm.paths import bundled_file
    from confterm.queries.agenda import build_agenda
    from confterm.queries.index import ProgramIndex

    program = load_program_file(bundled_file("mlsys2025.json"))
    with BookmarkStore(tmp_path / "b.sqlite3") as store:
        store.add(program.conference.id, ["no-longer-here"])
        store.remember(program.conference.id, {(ItemKind.SESSION, "no-longer-here"): TALK})
        agenda = build_agenda(ProgramIndex(program), store.bookmarks(program.conference.id))
    (missing,) = agenda.missing
    assert missing.last_known == TALK
    line = missing_line(missing, BERLIN)
    assert line.startswith("Rust in Space (was Sat 28 Dec 14:00–15:00, Saal 1) (bookmarked ")
