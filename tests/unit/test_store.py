"""The bookmark store: persistence, schema versions, two processes, damage, read-only, kill -9."""

from __future__ import annotations

import multiprocessing
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import textwrap
from collections.abc import Callable, Iterator
from datetime import UTC
from pathlib import Path
from typing import Any

import pytest

from confterm import paths
from confterm.errors import StoreError
from confterm.store.bookmarks import SCHEMA_VERSION, BookmarkStore, ItemKind

CONF = "tinyconf"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "data" / "bookmarks.sqlite3"


@pytest.fixture
def store(db: Path) -> Iterator[BookmarkStore]:
    with BookmarkStore(db) as opened:
        yield opened


def run_python(code: str, **kwargs: Any) -> subprocess.Popen[str]:
    """Start a Python process running ``code`` with confterm importable."""
    return subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(code)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **kwargs,
    )


def test_missing_store_reads_empty_and_creates_nothing(tmp_path: Path) -> None:
    path = tmp_path / "absent" / "bookmarks.sqlite3"
    store = BookmarkStore(path)
    assert store.bookmarks(CONF) == []
    assert store.ids(CONF) == set()
    assert "x" not in store.ids(CONF)
    assert store.get_pref(CONF, "hidden-rooms") is None
    assert isinstance(store.change_token(), int)
    assert store.recovery_message is None
    assert not path.parent.exists()


def test_open_uses_the_data_dir_path(tmp_path: Path) -> None:
    store = BookmarkStore.open(tmp_path)
    store.add(CONF, ["a"])
    store.close()
    assert paths.bookmarks_db(tmp_path).is_file()


def test_add_remove_toggle_and_persist(store: BookmarkStore, db: Path) -> None:
    assert store.add(CONF, ["keynote", "lunch", "keynote"]) == 2
    assert store.add(CONF, ["keynote", "panel"]) == 1
    assert store.add(CONF, ["acme"], ItemKind.BOOTH) == 1
    assert store.ids(CONF) == {"keynote", "lunch", "panel"}
    assert store.ids(CONF, ItemKind.BOOTH) == {"acme"}
    assert store.ids("other-conf") == set()
    assert store.remove(CONF, ["lunch", "never-there"]) == 1
    assert store.toggle(CONF, "panel") is False
    assert store.toggle(CONF, "social") is True
    assert "social" in store.ids(CONF)
    assert "acme" not in store.ids(CONF)  # a booth, not a session
    assert "acme" in store.ids(CONF, ItemKind.BOOTH)
    store.close()

    again = BookmarkStore(db)
    assert again.ids(CONF) == {"keynote", "social"}
    assert again.ids(CONF, ItemKind.BOOTH) == {"acme"}
    again.close()


def test_bookmarks_are_ordered_by_time_added_and_utc(store: BookmarkStore) -> None:
    store.add(CONF, ["b"])
    store.add(CONF, ["a"], ItemKind.BOOTH)
    store.add(CONF, ["c", "a"])
    marks = store.bookmarks(CONF)
    assert [(m.kind, m.item_id) for m in marks] == [
        (ItemKind.SESSION, "b"),
        (ItemKind.BOOTH, "a"),
        (ItemKind.SESSION, "c"),
        (ItemKind.SESSION, "a"),
    ]
    assert all(m.added_at.utcoffset() is not None for m in marks)
    assert marks[0].added_at.tzinfo == UTC
    assert [m.item_id for m in store.bookmarks(CONF, ItemKind.SESSION)] == ["b", "c", "a"]


def test_add_and_remove_items_of_mixed_kinds(store: BookmarkStore) -> None:
    items = [(ItemKind.SESSION, "x"), (ItemKind.BOOTH, "y")]
    assert store.add_items(CONF, items) == items
    assert store.add_items(CONF, [(ItemKind.BOOTH, "y"), (ItemKind.BOOTH, "z")]) == [
        (ItemKind.BOOTH, "z")
    ]
    assert store.remove_items(CONF, [(ItemKind.SESSION, "x"), (ItemKind.SESSION, "y")]) == [
        (ItemKind.SESSION, "x")
    ]
    assert store.ids(CONF, ItemKind.BOOTH) == {"y", "z"}


def test_purge_and_prefs(store: BookmarkStore) -> None:
    store.add(CONF, ["a", "b"])
    store.add("other", ["a"])
    store.set_pref(CONF, "hidden-rooms", '["lobby"]')
    store.set_pref("other", "hidden-rooms", "[]")
    assert store.purge(CONF) == 2
    assert store.ids(CONF) == set()
    assert store.ids("other") == {"a"}
    assert store.get_pref(CONF, "hidden-rooms") == '["lobby"]'
    store.set_pref(CONF, "hidden-rooms", '["hall-b"]')
    assert store.get_pref(CONF, "hidden-rooms") == '["hall-b"]'
    store.set_pref(CONF, "hidden-rooms", None)
    assert store.get_pref(CONF, "hidden-rooms") is None
    assert store.get_pref("other", "hidden-rooms") == "[]"


def test_new_store_is_migrated_to_current_version_in_wal_mode(
    store: BookmarkStore, db: Path
) -> None:
    store.add(CONF, ["a"])
    store.close()
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION >= 1
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"bookmarks", "prefs"} <= tables
    conn.close()


def test_empty_version_0_file_is_migrated(db: Path) -> None:
    db.parent.mkdir(parents=True)
    db.write_bytes(b"")  # an empty file is a valid, empty SQLite database
    store = BookmarkStore(db)
    assert store.bookmarks(CONF) == []
    assert store.add(CONF, ["a"]) == 1
    assert store.recovery_message is None
    store.close()


def test_reader_that_saw_version_0_sees_later_writes(db: Path) -> None:
    # The reader opens the file before anyone migrated it (user_version 0)...
    db.parent.mkdir(parents=True)
    db.touch()
    reader = BookmarkStore(db)
    assert reader.ids(CONF) == set()
    # ...then another store (as another process would) creates the schema and writes.
    with BookmarkStore(db) as writer:
        writer.add(CONF, ["s1"])
    assert reader.ids(CONF) == {"s1"}
    assert reader.get_pref(CONF, "missing") is None
    reader.close()


def test_newer_schema_is_read_but_never_written(store: BookmarkStore, db: Path) -> None:
    store.add(CONF, ["a"])
    store.close()
    conn = sqlite3.connect(db)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()

    newer = BookmarkStore(db)
    assert newer.ids(CONF) == {"a"}
    with pytest.raises(StoreError, match="newer confterm") as caught:
        newer.add(CONF, ["b"])
    assert "\n" not in caught.value.message
    with pytest.raises(StoreError, match="newer confterm"):
        newer.toggle(CONF, "a")
    assert newer.ids(CONF) == {"a"}
    newer.close()


@pytest.mark.parametrize(
    ("names", "count"),
    [
        (("left", "right"), 300),
        # Many processes creating the file at once: the switch to WAL must not fail.
        (tuple(f"p{i}" for i in range(6)), 20),
    ],
)
def test_processes_writing_at_once_never_lose_each_others_commits(
    db: Path, names: tuple[str, ...], count: int
) -> None:
    code = """
        import sys
        from pathlib import Path
        from confterm.store.bookmarks import BookmarkStore
        store = BookmarkStore(Path(sys.argv[1]))
        print("ready", flush=True)
        sys.stdin.readline()
        for i in range(int(sys.argv[3])):
            store.add("tinyconf", [f"{sys.argv[2]}-{i}"])
        store.close()
        print("finished", flush=True)
    """
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", textwrap.dedent(code), str(db), name, str(count)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in names
    ]
    for proc in procs:
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "ready"
    for proc in procs:  # release both together so that their writes interleave
        assert proc.stdin is not None
        proc.stdin.write("go\n")
        proc.stdin.flush()
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        assert out.strip() == "finished"

    store = BookmarkStore(db)
    expected = {f"{name}-{i}" for name in names for i in range(count)}
    assert store.ids(CONF) == expected
    store.close()


def test_garbage_file_is_moved_aside_and_a_fresh_store_starts(db: Path) -> None:
    db.parent.mkdir(parents=True)
    garbage = b"this is not a database at all\x00\xff" * 100
    db.write_bytes(garbage)
    Path(f"{db}-wal").write_bytes(b"stale wal")

    store = BookmarkStore(db)
    message = store.recovery_message
    assert message is not None
    kept = sorted(db.parent.glob("bookmarks.sqlite3.damaged-*"))
    main = [p for p in kept if not p.name.endswith(("-wal", "-shm"))]
    assert len(main) == 1
    assert main[0].read_bytes() == garbage
    assert Path(f"{main[0]}-wal").read_bytes() == b"stale wal"
    assert str(db) in message
    assert str(main[0]) in message
    assert "\n" not in message

    assert store.bookmarks(CONF) == []
    assert store.add(CONF, ["a"]) == 1
    store.close()
    assert BookmarkStore(db).ids(CONF) == {"a"}
    assert BookmarkStore(db).recovery_message is None


def test_malformed_database_is_moved_aside(store: BookmarkStore, db: Path) -> None:
    store.add(CONF, [f"session-{i}-{'x' * 50}" for i in range(500)])
    store.close()
    raw = bytearray(db.read_bytes())
    page_size = 4096
    assert len(raw) > 3 * page_size
    raw[2 * page_size : 3 * page_size] = b"\xa5" * page_size  # wreck a b-tree page
    db.write_bytes(bytes(raw))

    damaged = BookmarkStore(db)
    assert damaged.bookmarks(CONF) == []
    assert damaged.recovery_message is not None
    assert "was damaged" in damaged.recovery_message
    assert damaged.add(CONF, ["fresh"]) == 1
    damaged.close()
    kept = [p for p in db.parent.glob("*.damaged-*") if not p.name.endswith(("-wal", "-shm"))]
    assert [p.read_bytes() for p in kept] == [bytes(raw)]


def test_writing_under_a_file_fails_clearly_and_reading_works(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where the data dir should be")
    store = BookmarkStore.open(blocker / "confterm")
    assert store.bookmarks(CONF) == []
    with pytest.raises(StoreError, match=r"^cannot save bookmarks: .*not-a-dir") as caught:
        store.add(CONF, ["a"])
    assert "\n" not in caught.value.message
    assert blocker.read_text() == "a file where the data dir should be"


def _as_unprivileged(function: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    """Run ``function`` in a forked child that cannot bypass file permissions (not root)."""
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)

    def child() -> None:
        if os.geteuid() == 0:
            # Root ignores chmod; as 'nobody' the permission checks are real.
            os.setgroups([])
            os.setgid(65534)
            os.setuid(65534)
        try:
            sender.send(function())
        except BaseException as error:
            sender.send({"crash": repr(error)})

    process = context.Process(target=child)
    process.start()
    try:
        assert receiver.poll(60), "the unprivileged child sent nothing"
        result: dict[str, Any] = receiver.recv()
    finally:
        process.join(30)
    return result


@pytest.fixture
def shared_dir() -> Iterator[Path]:
    """A directory an unprivileged child can reach (pytest's tmp dirs are root-only)."""
    path = Path(tempfile.mkdtemp(prefix="confterm-ro-"))
    path.chmod(0o755)
    yield path
    for sub in [path, *path.rglob("*")]:
        if sub.is_dir():
            sub.chmod(0o755)
    shutil.rmtree(path)


def test_read_only_store_is_read_and_writes_fail_clearly(shared_dir: Path) -> None:
    data_dir = shared_dir / "data"
    store = BookmarkStore.open(data_dir)
    store.add(CONF, ["keynote", "panel"])
    store.add(CONF, ["acme"], ItemKind.BOOTH)
    store.close()
    db = paths.bookmarks_db(data_dir)
    db.chmod(0o444)
    data_dir.chmod(0o555)
    before = sorted(p.name for p in data_dir.iterdir())

    def attempt() -> dict[str, Any]:
        ro = BookmarkStore(db)
        result: dict[str, Any] = {
            "ids": ro.ids(CONF),
            "booths": ro.ids(CONF, ItemKind.BOOTH),
            "token": ro.change_token(),
        }
        for name, write in (
            ("add", lambda: ro.add(CONF, ["lunch"])),
            ("toggle", lambda: ro.toggle(CONF, "keynote")),
            ("pref", lambda: ro.set_pref(CONF, "k", "v")),
        ):
            try:
                write()
                result[name] = "written"
            except StoreError as error:
                result[name] = error.message
        result["after"] = ro.ids(CONF)
        ro.close()
        return result

    result = _as_unprivileged(attempt)
    assert "crash" not in result, result
    assert result["ids"] == {"keynote", "panel"}
    assert result["booths"] == {"acme"}
    for name in ("add", "toggle", "pref"):
        assert result[name].startswith("cannot save bookmarks: "), result[name]
        assert "read-only" in result[name]
        assert str(data_dir) in result[name]
    assert result["after"] == {"keynote", "panel"}
    assert sorted(p.name for p in data_dir.iterdir()) == before


def test_missing_store_in_read_only_dir_reads_empty_and_fails_to_write(
    shared_dir: Path,
) -> None:
    data_dir = shared_dir / "data"
    data_dir.mkdir()
    data_dir.chmod(0o555)

    def attempt() -> dict[str, Any]:
        ro = BookmarkStore.open(data_dir)
        result: dict[str, Any] = {"ids": ro.ids(CONF)}
        try:
            ro.add(CONF, ["x"])
            result["add"] = "written"
        except StoreError as error:
            result["add"] = error.message
        return result

    result = _as_unprivileged(attempt)
    assert result.get("ids") == set(), result
    assert result["add"].startswith("cannot save bookmarks: "), result
    assert list(data_dir.iterdir()) == []


def test_change_token_follows_other_connections_and_processes(db: Path) -> None:
    watcher = BookmarkStore(db)
    writer = BookmarkStore(db)
    first = watcher.change_token()
    assert watcher.change_token() == first  # nothing happened

    writer.add(CONF, ["a"])  # creates the file: the watcher had none
    second = watcher.change_token()
    assert second != first
    assert watcher.change_token() == second

    writer.toggle(CONF, "b")
    third = watcher.change_token()
    assert third != second

    writer.add(CONF, ["a"])  # already there: no change committed
    assert watcher.change_token() == third

    watcher.add(CONF, ["c"])  # its own write counts too
    fourth = watcher.change_token()
    assert fourth != third

    proc = run_python(
        f"""
        from pathlib import Path
        from confterm.store.bookmarks import BookmarkStore
        BookmarkStore(Path({str(db)!r})).add("tinyconf", ["from-elsewhere"])
        """
    )
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert watcher.change_token() != fourth
    assert "from-elsewhere" in watcher.ids(CONF)
    watcher.close()
    writer.close()


def test_toggle_survives_kill_9(db: Path) -> None:
    proc = run_python(
        f"""
        import sys, time
        from pathlib import Path
        from confterm.store.bookmarks import BookmarkStore
        store = BookmarkStore(Path({str(db)!r}))
        store.add("tinyconf", ["earlier"])
        assert store.toggle("tinyconf", "keynote") is True
        print("done", flush=True)
        time.sleep(600)
        """
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert line.strip() == "done", proc.stderr.read() if proc.stderr else ""
    assert proc.returncode == -signal.SIGKILL

    store = BookmarkStore(db)
    assert store.ids(CONF) == {"earlier", "keynote"}
    assert store.recovery_message is None
    store.close()
