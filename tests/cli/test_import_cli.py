"""`confterm import`, `conferences`, `remove` and `import --refresh`, as a user runs them."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any, ClassVar

import pytest

from confterm.store.bookmarks import BookmarkStore

RunCli = Callable[..., "subprocess.CompletedProcess[str]"]

DATA = Path(__file__).parents[1] / "data" / "import"
TINYCONF_FILE = Path(__file__).parents[1] / "data" / "tinyconf.json"
FRAB_JSON = DATA / "frab.json"
MOVED_ID = "aaaaaaaa-0000-0000-0000-000000000001"
REMOVED_ID = "aaaaaaaa-0000-0000-0000-000000000003"


def _stored(data_dir: Path) -> list[str]:
    folder = data_dir / "conferences"
    return sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []


def test_import_summary_conferences_and_list(run_cli: RunCli, isolated_user_data: Path) -> None:
    done = run_cli("import", str(DATA / "frab_midnight.xml"))
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "imported Night Congress 2024 as nc24 (frab/Pentabarf XML)"
    assert lines[1] == "days: 2 (2024-12-27 to 2024-12-28), time zone Europe/Berlin"
    assert lines[2] == "sessions: 5, rooms: 2, speakers: 2, tracks: 1"
    assert "skipped: 1" in lines
    assert "  - untitled (GUID-Untitled-0005): no title" in lines
    assert _stored(isolated_user_data) == ["nc24.json", "nc24.meta.json"]
    meta = json.loads((isolated_user_data / "conferences" / "nc24.meta.json").read_text())
    assert meta["source"] == str(DATA / "frab_midnight.xml")
    assert meta["format"] == "frab/Pentabarf XML"

    listing = run_cli("conferences", "--json")
    assert listing.returncode == 0, listing.stderr
    rows = {row["id"]: row for row in json.loads(listing.stdout)}
    assert rows["nc24"] == {
        "id": "nc24",
        "name": "Night Congress 2024",
        "start_date": "2024-12-27",
        "end_date": "2024-12-28",
        "sessions": 5,
        "source": str(DATA / "frab_midnight.xml"),
        "imported_at": meta["imported_at"],
        "bundled": False,
    }
    assert any(row["bundled"] for row in rows.values())

    shown = run_cli("list", "--conference", "nc24", "--day", "2024-12-27")
    assert shown.returncode == 0, shown.stderr
    assert "Late Night Movie" in shown.stdout
    valid = run_cli("validate", str(isolated_user_data / "conferences" / "nc24.json"))
    assert valid.returncode == 0, valid.stderr


def test_naive_times_without_tz_is_a_usage_error(run_cli: RunCli, isolated_user_data: Path) -> None:
    done = run_cli("import", str(DATA / "sessionize.json"))
    assert done.returncode == 2
    assert done.stderr == (
        f"confterm: error: {DATA / 'sessionize.json'}: the file names no time zone and its "
        "times carry no offset: pass --tz ZONE with the venue's zone (e.g. --tz Europe/London)\n"
    )
    assert _stored(isolated_user_data) == []
    ok = run_cli("import", str(DATA / "sessionize.json"), "--tz", "Europe/London", "--id", "sz")
    assert ok.returncode == 0, ok.stderr
    assert "time zone Europe/London" in ok.stdout


def test_broken_file_keeps_existing_import(run_cli: RunCli, isolated_user_data: Path) -> None:
    assert run_cli("import", str(DATA / "frab.json"), "--id", "camp").returncode == 0
    stored = isolated_user_data / "conferences" / "camp.json"
    before = stored.read_bytes()
    broken = run_cli("import", str(DATA / "frab_bad_start.json"), "--id", "camp")
    assert broken.returncode == 1
    assert broken.stderr.count("\n") == 1
    assert "rooms['A'][1].date: expected a date-time with an offset" in broken.stderr
    assert "Traceback" not in broken.stderr
    assert stored.read_bytes() == before
    assert _stored(isolated_user_data) == ["camp.json", "camp.meta.json"]


def test_a_confterm_file_is_pointed_to_data_not_imported(
    run_cli: RunCli, isolated_user_data: Path
) -> None:
    # Its sessions, speakers and rooms lists would pass for Sessionize, which wants --tz.
    result = run_cli("import", str(TINYCONF_FILE))
    assert result.returncode == 2
    assert result.stderr == (
        f"confterm: error: {TINYCONF_FILE}: already in confterm's format: open it with "
        f"'confterm --data {TINYCONF_FILE}' (or check it with 'confterm validate')\n"
    )
    assert not (isolated_user_data / "conferences").exists()


def test_unknown_format_and_bundled_id(run_cli: RunCli) -> None:
    unknown = run_cli("import", str(DATA / "unknown.txt"))
    assert unknown.returncode == 1
    assert "unrecognised format (expected frab/Pentabarf XML" in unknown.stderr
    taken = run_cli("import", str(DATA / "frab.json"), "--id", "mlsys2025")
    assert taken.returncode == 2
    assert "bundled conference" in taken.stderr


def test_remove_confirmation_bookmarks_and_purge(run_cli: RunCli, isolated_user_data: Path) -> None:
    for conference_id in ("one", "two"):
        assert run_cli("import", str(FRAB_JSON), "--id", conference_id).returncode == 0
        marked = run_cli("bookmark", "add", MOVED_ID, "--conference", conference_id)
        assert marked.returncode == 0, marked.stderr

    no_tty = run_cli("remove", "one")
    assert no_tty.returncode == 2
    assert "--yes" in no_tty.stderr
    assert "one.json" in _stored(isolated_user_data)

    kept = run_cli("remove", "one", "--yes")
    assert kept.returncode == 0, kept.stderr
    assert "one.json" not in _stored(isolated_user_data)
    purged = run_cli("remove", "two", "--yes", "--purge")
    assert purged.returncode == 0, purged.stderr
    assert "deleted 1 bookmark\n" in purged.stdout  # a number agrees with its noun
    with BookmarkStore.open(isolated_user_data) as store:
        assert store.ids("one") == {MOVED_ID}
        assert store.ids("two") == set()

    bundled = run_cli("remove", "mlsys2025", "--yes")
    assert bundled.returncode == 2
    assert "bundled conference and cannot be removed" in bundled.stderr
    missing = run_cli("remove", "nope", "--yes")
    assert missing.returncode == 2


def _second_version() -> bytes:
    document: dict[str, Any] = json.loads(FRAB_JSON.read_text())
    days = document["schedule"]["conference"]["days"]
    days[1]["rooms"]["Lovelace"] = []  # the workshop is removed
    opening = days[0]["rooms"]["Curie"][0]
    opening["date"] = "2024-08-21T15:00:00+02:00"  # the opening moves to 15:00
    opening["start"] = "15:00"
    return json.dumps(document).encode()


class _Handler(BaseHTTPRequestHandler):
    body: ClassVar[bytes] = b""

    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Length", str(len(self.body)))
        self.end_headers()
        self.wfile.write(self.body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def server(serve_http: Callable[[type[BaseHTTPRequestHandler]], str]) -> str:
    return serve_http(_Handler) + "/schedule.json"


def test_refresh_reports_changes_and_bookmarks(
    run_cli: RunCli, server: str, isolated_user_data: Path
) -> None:
    _Handler.body = FRAB_JSON.read_bytes()
    first = run_cli("import", server)
    assert first.returncode == 0, first.stderr
    assert run_cli("bookmark", "add", MOVED_ID, "--conference", "camp24").returncode == 0

    same = run_cli("import", "--refresh", "camp24")
    assert same.returncode == 0, same.stderr
    assert "changes: none" in same.stdout

    _Handler.body = _second_version()
    done = run_cli("import", "--refresh", "camp24")
    assert done.returncode == 0, done.stderr
    out = done.stdout.splitlines()
    assert out[out.index("bookmarked sessions among them: 1") - 1] == (
        "changes: 0 added, 1 removed, 1 moved, 0 retitled"
    )
    moved = (
        "moved: Opening Ceremony (Wed 2024-08-21 11:00 in Curie -> Wed 2024-08-21 15:00 in Curie)"
    )
    # The bookmarked change first, then the others.
    tail = out[out.index("bookmarked sessions among them: 1") :]
    assert tail[1:4] == [
        f"  * {moved} [{MOVED_ID}]",
        "other changes:",
        "  removed: Hands-on Workshop (was Thu 2024-08-22 10:00 in Lovelace)",
    ]
    # The bookmark survives: the session kept its id.
    with BookmarkStore.open(isolated_user_data) as store:
        assert store.ids("camp24") == {MOVED_ID}
    program = json.loads((isolated_user_data / "conferences" / "camp24.json").read_text())
    assert {s["id"] for s in program["sessions"]} == {
        MOVED_ID,
        "aaaaaaaa-0000-0000-0000-000000000002",
    }
    assert REMOVED_ID not in done.stdout


def test_refresh_of_unknown_or_bundled(run_cli: RunCli) -> None:
    assert run_cli("import", "--refresh", "nope").returncode == 2
    assert run_cli("import", "--refresh", "mlsys2025").returncode == 2
    assert run_cli("import").returncode == 2


def _sequences(run_cli: RunCli) -> dict[str, int]:
    from icalendar import Calendar

    done = run_cli("agenda", "--all", "--format", "ics", "--conference", "camp24")
    assert done.returncode == 0, done.stderr
    events = Calendar.from_ical(done.stdout).walk("VEVENT")
    return {str(e["UID"]).split("@")[0]: int(e["SEQUENCE"]) for e in events}


def _remembered(data_dir: Path) -> set[str]:
    import sqlite3

    with sqlite3.connect(data_dir / "bookmarks.sqlite3") as conn:
        rows = conn.execute(
            "SELECT uid FROM event_revisions WHERE conference_id = 'camp24'"
        ).fetchall()
    return {uid.split("@")[0] for (uid,) in rows}


def test_calendar_memory_is_pruned_and_sequence_never_falls(
    run_cli: RunCli, isolated_user_data: Path, tmp_path: Path
) -> None:
    source = tmp_path / "schedule.json"
    source.write_bytes(FRAB_JSON.read_bytes())
    night = "aaaaaaaa-0000-0000-0000-000000000002"
    assert run_cli("import", str(source)).returncode == 0
    assert run_cli("bookmark", "add", night, "--conference", "camp24").returncode == 0
    first = _sequences(run_cli)
    assert first == {MOVED_ID: 0, night: 0, REMOVED_ID: 0}
    assert _remembered(isolated_user_data) == set(first)

    # The workshop and the (bookmarked) night talk leave the program.
    document: dict[str, Any] = json.loads(FRAB_JSON.read_text())
    days = document["schedule"]["conference"]["days"]
    days[1]["rooms"]["Lovelace"] = []
    del days[0]["rooms"]["Curie"][1]
    source.write_text(json.dumps(document))
    assert run_cli("import", str(source)).returncode == 0
    # Only what is neither in the program nor bookmarked is forgotten.
    assert _remembered(isolated_user_data) == {MOVED_ID, night}

    # Both come back: the workshop's SEQUENCE is above the 0 a calendar may hold for it.
    source.write_bytes(FRAB_JSON.read_bytes())
    assert run_cli("import", str(source)).returncode == 0
    back = _sequences(run_cli)
    assert back[MOVED_ID] == 0
    assert back[night] == 0
    assert back[REMOVED_ID] > first[REMOVED_ID]

    # Removing the conference forgets all of its calendar memory; imported again, no
    # event's SEQUENCE is lower than before.
    removed = run_cli("remove", "camp24", "--yes")
    assert removed.returncode == 0, removed.stderr
    assert _remembered(isolated_user_data) == set()
    assert run_cli("import", str(source)).returncode == 0
    again = _sequences(run_cli)
    assert all(again[uid] >= back[uid] for uid in back)
    assert again[REMOVED_ID] > back[REMOVED_ID]
