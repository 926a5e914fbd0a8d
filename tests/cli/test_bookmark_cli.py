"""``confterm bookmark add|remove|list`` through the installed entry point, in a subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from confterm.store.bookmarks import BookmarkStore, ItemKind

TINYCONF = Path(__file__).resolve().parents[1] / "data" / "tinyconf.json"


def confterm(*args: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    """Run ``python -m confterm --data tinyconf.json ARGS`` with its own user data dir."""
    env = {**os.environ, "CONFTERM_DATA_DIR": str(data_dir)}
    env.pop("CONFTERM_NOW", None)
    return subprocess.run(
        [sys.executable, "-m", "confterm", *args, "--data", str(TINYCONF)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )


def listing(data_dir: Path, *extra: str) -> list[dict[str, Any]]:
    result = confterm("bookmark", "list", "--json", *extra, data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    parsed: list[dict[str, Any]] = json.loads(result.stdout)
    return parsed


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "user-data"


def test_add_list_remove_round_trip(data_dir: Path) -> None:
    added = confterm("bookmark", "add", "closing-keynote", "acme", data_dir=data_dir)
    assert added.returncode == 0, added.stderr
    assert added.stderr == ""
    assert "bookmarked: session closing-keynote" in added.stdout
    assert "bookmarked: booth acme" in added.stdout
    more = confterm("bookmark", "add", "opening-keynote", "bof-tba", data_dir=data_dir)
    assert more.returncode == 0, more.stderr

    text = confterm("bookmark", "list", data_dir=data_dir)
    assert text.returncode == 0, text.stderr
    assert "\x1b" not in text.stdout  # piped: plain text
    lines = text.stdout.splitlines()
    opening = next(i for i, line in enumerate(lines) if "Terminals Forever" in line)
    closing = next(i for i, line in enumerate(lines) if "Closing Keynote" in line)
    tba = next(i for i, line in enumerate(lines) if "Birds of a Feather" in line)
    booths = lines.index("Booths to visit")
    assert opening < closing < tba < booths  # time order, unscheduled last, then booths
    assert "09:00–10:00" in lines[opening]
    assert "Main Hall" in lines[opening]
    assert "time TBA" in lines[tba]
    assert "Acme Corp" in lines[booths + 1]
    assert "Booth 12" in lines[booths + 1]
    assert "No longer in the program" not in text.stdout

    marks = listing(data_dir)
    assert [(m["id"], m["kind"]) for m in marks] == [
        ("opening-keynote", "session"),
        ("closing-keynote", "session"),
        ("bof-tba", "session"),
        ("acme", "booth"),
    ]
    first = marks[0]
    assert first["title"] == "Opening Keynote: Terminals Forever"
    assert first["in_program"] is True
    assert first["start"] == "2026-03-07T09:00:00-05:00"
    assert first["end"] == "2026-03-07T10:00:00-05:00"
    # the same shape as `list --json`
    assert first["room"] == {"id": "main-hall", "name": "Main Hall"}
    assert datetime.fromisoformat(first["added_at"]).utcoffset() is not None
    assert marks[2]["start"] is None
    assert marks[2]["room"] is None
    assert marks[3]["title"] == "Acme Corp"
    assert set(first) >= {"id", "kind", "title", "added_at", "in_program", "start", "end", "room"}

    removed = confterm("bookmark", "remove", "closing-keynote", "acme", data_dir=data_dir)
    assert removed.returncode == 0, removed.stderr
    assert "removed: session closing-keynote" in removed.stdout
    assert [m["id"] for m in listing(data_dir)] == ["opening-keynote", "bof-tba"]


def test_json_times_follow_the_display_zone(data_dir: Path) -> None:
    assert confterm("bookmark", "add", "closing-keynote", data_dir=data_dir).returncode == 0
    (mark,) = listing(data_dir, "--tz", "Europe/Paris")
    # 16:00 in New York on 9 March 2026 (EDT, after the DST change) is 21:00 in Paris (CET).
    assert mark["start"] == "2026-03-09T21:00:00+01:00"


def test_adding_twice_says_already_bookmarked(data_dir: Path) -> None:
    assert confterm("bookmark", "add", "lunch-1", data_dir=data_dir).returncode == 0
    again = confterm("bookmark", "add", "lunch-1", "registration", data_dir=data_dir)
    assert again.returncode == 0, again.stderr
    assert "already bookmarked: session lunch-1" in again.stdout
    assert "bookmarked: session registration" in again.stdout
    assert [m["id"] for m in listing(data_dir)] == ["registration", "lunch-1"]


@pytest.mark.parametrize("action", ["add", "remove"])
def test_unknown_ids_fail_and_change_nothing(data_dir: Path, action: str) -> None:
    assert confterm("bookmark", "add", "lunch-1", "globex", data_dir=data_dir).returncode == 0
    before = listing(data_dir)

    result = confterm(
        "bookmark", action, "registration", "no-such-talk", "lunch-1", "nope", data_dir=data_dir
    )
    assert result.returncode == 1
    assert result.stdout == ""
    err_lines = result.stderr.splitlines()
    assert len(err_lines) == 1, result.stderr
    assert err_lines[0].startswith("confterm: error:")
    assert "'no-such-talk'" in err_lines[0]
    assert "'nope'" in err_lines[0]
    assert "registration" not in err_lines[0]
    assert "Traceback" not in result.stderr
    assert listing(data_dir) == before


def test_bookmarks_no_longer_in_the_program_are_listed_and_removable(data_dir: Path) -> None:
    store = BookmarkStore.open(data_dir)
    store.add("tinyconf", ["dropped-talk", "opening-keynote"])
    store.add("tinyconf", ["gone-booth"], ItemKind.BOOTH)
    store.add("otherconf", ["elsewhere"])
    store.close()

    text = confterm("bookmark", "list", data_dir=data_dir)
    assert text.returncode == 0, text.stderr
    stale = text.stdout.split("No longer in the program\n", 1)[1]
    assert "dropped-talk" in stale
    assert "gone-booth" in stale
    assert "elsewhere" not in text.stdout

    marks = {m["id"]: m for m in listing(data_dir)}
    assert list(marks) == ["opening-keynote", "dropped-talk", "gone-booth"]
    assert marks["dropped-talk"]["in_program"] is False
    assert marks["dropped-talk"]["title"] is None
    assert marks["gone-booth"]["kind"] == "booth"

    removed = confterm("bookmark", "remove", "dropped-talk", "gone-booth", data_dir=data_dir)
    assert removed.returncode == 0, removed.stderr
    assert [m["id"] for m in listing(data_dir)] == ["opening-keynote"]


def test_titles_are_shown_literally_without_escapes(data_dir: Path) -> None:
    assert confterm("bookmark", "add", "markup-title", data_dir=data_dir).returncode == 0
    text = confterm("bookmark", "list", data_dir=data_dir)
    assert "[bold]Not bold[/]" in text.stdout
    assert "\x1b" not in text.stdout
    (mark,) = listing(data_dir)
    assert "\x1b" not in mark["title"]


def test_empty_list(data_dir: Path) -> None:
    text = confterm("bookmark", "list", data_dir=data_dir)
    assert text.returncode == 0
    assert "No bookmarks for TinyConf yet" in text.stdout
    assert listing(data_dir) == []
    assert not data_dir.exists()  # listing creates nothing


def test_damaged_store_is_reported_on_one_stderr_line(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / "bookmarks.sqlite3").write_bytes(b"garbage, not SQLite" * 50)
    result = confterm("bookmark", "add", "lunch-1", data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    (line,) = result.stderr.splitlines()
    assert line.startswith("confterm: ")
    assert "bookmarks.sqlite3.damaged-" in line
    assert [m["id"] for m in listing(data_dir)] == ["lunch-1"]
    assert len(list(data_dir.glob("bookmarks.sqlite3.damaged-*"))) == 1


def test_unwritable_store_is_a_one_line_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    result = confterm("bookmark", "add", "lunch-1", data_dir=blocker / "data")
    assert result.returncode == 1
    assert result.stderr.startswith("confterm: error: cannot save bookmarks: ")
    assert len(result.stderr.splitlines()) == 1


@pytest.mark.parametrize(
    "args",
    [("bookmark", "list", "lunch-1"), ("bookmark", "add"), ("bookmark", "frobnicate", "x")],
)
def test_usage_errors_exit_2(data_dir: Path, args: tuple[str, ...]) -> None:
    result = confterm(*args, data_dir=data_dir)
    assert result.returncode == 2
    assert result.stderr.startswith("confterm: error:")
    assert len(result.stderr.splitlines()) == 1
