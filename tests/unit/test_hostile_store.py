"""The bookmark store and the imported conferences against what an attacker (or an accident)
puts at their paths: non-files, foreign databases, a disk that fills mid-import, crafted ids."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from confterm import atomic, paths
from confterm.errors import DataError, StoreError, UsageError
from confterm.sources import import_bytes
from confterm.store import catalog
from confterm.store.bookmarks import BookmarkStore, ItemKind

TESTS = Path(__file__).resolve().parents[1]
FRAB = TESTS / "data" / "import" / "frab.json"
CONFTERM = Path(sys.executable).parent / "confterm"
CONF = "tinyconf"


def _make_fifo(path: Path) -> None:
    os.mkfifo(path)


def _make_dir(path: Path) -> None:
    path.mkdir()


@pytest.mark.parametrize(
    ("make", "kind"), [(_make_dir, "a directory"), (_make_fifo, "a pipe (FIFO)")]
)
def test_a_non_file_at_the_store_path_is_named_and_left_alone(
    tmp_path: Path, make: object, kind: str
) -> None:
    path = paths.bookmarks_db(tmp_path)
    make(path)  # type: ignore[operator]
    store = BookmarkStore.open(tmp_path)
    expected = f"bookmark store {path} is {kind}, not a file"
    with pytest.raises(StoreError, match=expected.replace("(", r"\(").replace(")", r"\)")):
        store.bookmarks(CONF)
    with pytest.raises(StoreError, match="not a file"):
        store.add(CONF, ["a"])
    store.close()
    assert path.exists()
    assert not path.is_file()  # the user's thing, untouched


def test_the_cli_says_so_in_one_line_and_never_hangs(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    os.mkfifo(paths.bookmarks_db(data_dir))
    done = subprocess.run(
        [str(CONFTERM), "--data-dir", str(data_dir), "bookmark", "list"],
        capture_output=True,
        text=True,
        timeout=20,
        check=False,
    )
    assert done.returncode == 1
    assert done.stderr.splitlines()[-1].startswith("confterm: error: bookmark store ")
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize(
    "script",
    [
        "CREATE TABLE foo (x); PRAGMA user_version = 1;",  # another program's database
        "CREATE TABLE foo (x);",  # version 0 with tables: not a new file of ours
        "PRAGMA user_version = -3;",
        "CREATE TABLE bookmarks (conference_id TEXT); PRAGMA user_version = 1;",  # wrong columns
    ],
    ids=["foreign", "foreign-v0", "negative-version", "wrong-columns"],
)
def test_a_foreign_or_wrong_schema_is_moved_aside_like_a_damaged_store(
    tmp_path: Path, script: str
) -> None:
    path = paths.bookmarks_db(tmp_path)
    conn = sqlite3.connect(path)
    conn.executescript(script)
    conn.close()
    before = path.read_bytes()
    with BookmarkStore.open(tmp_path) as store:
        assert store.bookmarks(CONF) == []
        store.add(CONF, ["opening-keynote"], ItemKind.SESSION)
        assert store.ids(CONF) == {"opening-keynote"}
        message = store.recovery_message
    assert message is not None
    assert "was damaged" in message
    kept = [p for p in tmp_path.iterdir() if ".damaged-" in p.name and p.suffix != ".tmp"]
    assert any(p.read_bytes() == before for p in kept)


def test_a_store_of_ours_is_not_moved(tmp_path: Path) -> None:
    with BookmarkStore.open(tmp_path) as store:
        store.add(CONF, ["a"])
    with BookmarkStore.open(tmp_path) as store:
        assert store.ids(CONF) == {"a"}
        assert store.recovery_message is None
    assert not [p for p in tmp_path.iterdir() if ".damaged-" in p.name]


# --- imports ---------------------------------------------------------------------------------


def _imported(conference_id: str | None = None) -> catalog.Program:
    result = import_bytes(FRAB.read_bytes(), "frab.json", conference_id=conference_id, tz=None)
    return result.program


def test_a_failed_import_changes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    program = _imported("camp")
    catalog.save_imported(tmp_path, program, {"source": "first"})
    folder = paths.conferences_dir(tmp_path)
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    real = atomic._write_temp
    calls: list[Path] = []

    def full_disk_on_the_second_file(path: Path, data: bytes) -> str:
        calls.append(path)
        if len(calls) == 2:
            raise OSError(28, "No space left on device", str(path))
        return real(path, data)

    monkeypatch.setattr(atomic, "_write_temp", full_disk_on_the_second_file)
    program.conference.name = "Renamed"
    with pytest.raises(DataError, match="No space left on device"):
        catalog.save_imported(tmp_path, program, {"source": "second"})
    assert len(calls) == 2
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before


def test_ids_cannot_name_the_stores_own_files(tmp_path: Path) -> None:
    catalog.save_imported(tmp_path, _imported("foo"), {"source": "foo's source"})
    meta = catalog.imported_meta_path(tmp_path, "foo")
    before = meta.read_bytes()
    with pytest.raises(UsageError, match="reserved"):
        catalog.save_imported(tmp_path, _imported("foo.meta"), {"source": "attacker"})
    with pytest.raises(UsageError, match="reserved"):
        catalog.check_conference_id("foo.meta")
    done = subprocess.run(
        [str(CONFTERM), "--data-dir", str(tmp_path), "import", str(FRAB), "--id", "foo.meta"],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert done.returncode == 2
    assert "reserved" in done.stderr
    assert meta.read_bytes() == before
    assert json.loads(before)["source"] == "foo's source"


def test_rows_confterm_never_writes_are_skipped_not_fatal(tmp_path: Path) -> None:
    from confterm.queries.filters import load_hidden

    with BookmarkStore.open(tmp_path) as store:
        store.add(CONF, ["opening-keynote"])
    conn = sqlite3.connect(paths.bookmarks_db(tmp_path))
    rows = [
        (CONF, "session", "gone\x1b]0;PWNED\x07", "2026-01-01T00:00:00+00:00"),
        (CONF, "session", b"\x1b]0;PWNED\x07", "2026-01-01T00:00:00+00:00"),  # a BLOB
        (CONF, "booth", "acme", "\x1b]0;PWNED\x07"),
        (CONF, "booth", "globex", "0001-01-01T00:00:00-14:00"),
    ]
    conn.executemany("INSERT INTO bookmarks VALUES (?, ?, ?, ?)", rows)
    conn.execute("INSERT INTO prefs VALUES (?, 'hidden_rooms', ?)", (CONF, "[" * 100_000))
    conn.commit()
    conn.close()
    with BookmarkStore.open(tmp_path) as store:
        marks = {(str(m.kind), m.item_id) for m in store.bookmarks(CONF)}
        assert marks == {("session", "opening-keynote"), ("booth", "acme"), ("booth", "globex")}
        assert store.ids(CONF) == {"opening-keynote"}
        assert all(m.added_at.year >= 1970 for m in store.bookmarks(CONF))
        assert load_hidden(store, CONF).hidden_rooms == frozenset()
    done = subprocess.run(
        [
            str(CONFTERM),
            "--data-dir",
            str(tmp_path),
            "--data",
            str(TESTS / "data" / "tinyconf.json"),
            "agenda",
        ],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "PWNED" not in done.stdout


def test_conference_metadata_is_bounded_and_cleaned(tmp_path: Path) -> None:
    catalog.save_imported(tmp_path, _imported("camp"), {"source": "x\x1b]0;PWNED\x07y"})
    infos = {info.id: info for info in catalog.list_conferences(tmp_path)}
    assert infos["camp"].source == "xy"
    meta = catalog.imported_meta_path(tmp_path, "camp")
    meta.write_text("[" * 100_000)
    assert catalog.imported_meta(tmp_path, "camp") == {}
    meta.unlink()
    os.mkfifo(meta)
    assert catalog.imported_meta(tmp_path, "camp") == {}
    assert "camp" in {info.id for info in catalog.list_conferences(tmp_path)}
