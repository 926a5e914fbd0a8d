"""The change report of a re-import and of ``import --refresh``, on real schedules.

Each pair is made here from a copy of a real file in ../shared/conformance: one event moved,
one removed, one retitled (to a cancellation). The report must name exactly those, bookmarked
sessions first, and a bookmark whose session left keeps its name in ``bookmark list``.
"""

from __future__ import annotations

import json
import re
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

import pytest

RunCli = Callable[..., "subprocess.CompletedProcess[str]"]

CONFORMANCE = Path(__file__).resolve().parents[3] / "shared" / "conformance"
pytestmark = pytest.mark.skipif(
    not CONFORMANCE.is_dir(), reason=f"conformance samples not found at {CONFORMANCE}"
)


def _session_id(data_dir: Path, conference: str, title: str) -> str:
    program = json.loads((data_dir / "conferences" / f"{conference}.json").read_text())
    (found,) = [s["id"] for s in program["sessions"] if s["title"] == title]
    return str(found)


def test_reimport_of_a_frab_file_reports_moved_removed_cancelled(
    run_cli: RunCli, isolated_user_data: Path, tmp_path: Path
) -> None:
    copy = tmp_path / "31c3.xml"
    copy.write_bytes((CONFORMANCE / "frab-31c3-2014.xml").read_bytes())
    assert run_cli("import", str(copy), "--id", "c31", "--name", "31C3").returncode == 0

    tree = ET.parse(copy)  # noqa: S314  (a copy of our own sample)
    events = {e.findtext("title"): e for e in tree.getroot().iter("event")}
    moved = "Citizenfour"  # at 00:00, filed under the evening before: 01:00 stays there
    removed = "Tor: Hidden Services and Deanonymisation"
    cancelled = "Thunderstrike: EFI bootkits for Apple MacBooks"
    ids = {t: _session_id(isolated_user_data, "c31", t) for t in (moved, removed, cancelled)}
    assert run_cli("bookmark", "add", ids[removed], ids[cancelled], "--conference", "c31")
    # One moved an hour later, one removed, one retitled as cancelled.
    event = events[moved]
    date_element = event.find("date")
    assert date_element is not None
    assert date_element.text is not None
    later = datetime.fromisoformat(date_element.text) + timedelta(hours=1)
    date_element.text = later.isoformat()
    start_element = event.find("start")
    assert start_element is not None
    start_element.text = f"{later:%H:%M}"
    for room in tree.getroot().iter("room"):
        for child in list(room):
            if child.findtext("title") == removed:
                room.remove(child)
    title_element = events[cancelled].find("title")
    assert title_element is not None
    title_element.text = f"CANCELLED: {cancelled}"
    tree.write(copy, encoding="utf-8", xml_declaration=True)

    done = run_cli("import", str(copy), "--id", "c31")
    assert done.returncode == 0, done.stderr
    out = done.stdout.splitlines()
    start = out.index("(replaced the previous import of this conference)")
    report = out[start + 1 :]
    assert report[0] == "changes: 0 added, 1 removed, 1 moved, 1 retitled (1 cancelled)"
    assert report[1] == "bookmarked sessions among them: 2"
    assert report[2].startswith(f"  * CANCELLED: {cancelled} (")
    assert report[2].endswith(f"[{ids[cancelled]}]")
    assert report[3].startswith(f"  * removed: {removed} (was ")
    assert report[4] == "other changes:"
    assert re.fullmatch(rf"  moved: {re.escape(moved)} \(.* -> .*\)", report[5])
    assert report[6] == "the app marks the changed bookmarked sessions until you open them"
    assert len(report) == 7

    listed = run_cli("bookmark", "list", "--conference", "c31")
    assert listed.returncode == 0, listed.stderr
    stale = listed.stdout[listed.stdout.index("No longer in the program") :]
    assert removed in stale
    as_json = json.loads(run_cli("bookmark", "list", "--conference", "c31", "--json").stdout)
    gone = next(item for item in as_json if item["id"] == ids[removed])
    assert gone["in_program"] is False
    assert gone["title"] == removed
    assert gone["room"]
    assert gone["start"]

    # --refresh reads the stored source again: nothing changed since.
    again = run_cli("import", "--refresh", "c31")
    assert again.returncode == 0, again.stderr
    assert "changes: none" in again.stdout
    # The name given with --name is kept by a re-import and by --refresh.
    assert done.stdout.startswith("imported 31C3 as c31 ")
    assert again.stdout.startswith("imported 31C3 as c31 ")


def test_reimport_of_repeated_uids_reports_no_false_moves(
    run_cli: RunCli, isolated_user_data: Path, tmp_path: Path
) -> None:
    raw = (CONFORMANCE / "ics-moca-2024.ics").read_bytes()
    copy = tmp_path / "moca.ics"
    copy.write_bytes(raw)
    assert run_cli("import", str(copy), "--tz", "Europe/Rome", "--id", "moca").returncode == 0
    events = re.findall(rb"BEGIN:VEVENT\r\n.*?END:VEVENT\r\n", raw, re.S)
    assert len(events) == 88
    head = raw[: raw.index(events[0])]
    foot = raw[raw.rindex(events[-1]) + len(events[-1]) :]
    # Reverse the events (ids must not depend on order), drop one, retitle another: all
    # three share UID:46939 with most of the file.
    assert events[0].count(b"UID:46939") == events[1].count(b"UID:46939") == 1
    summary = re.search(rb"SUMMARY:([^\r\n]*)", events[1])
    assert summary is not None
    events[1] = events[1].replace(summary[0], summary[0] + b" (new title)")
    del events[0]
    copy.write_bytes(head + b"".join(reversed(events)) + foot)

    done = run_cli("import", str(copy), "--tz", "Europe/Rome", "--id", "moca")
    assert done.returncode == 0, done.stderr
    assert "changes: 0 added, 1 removed, 0 moved, 1 retitled" in done.stdout.splitlines()
    assert "(new title)" in done.stdout


def test_refresh_marks_a_moved_bookmark_for_the_app_until_seen(
    run_cli: RunCli, isolated_user_data: Path, tmp_path: Path
) -> None:
    """import --refresh from an edited source: the moved bookmarked talk gets a change mark
    in the store (what the app shows), with where it was; an unbookmarked one does not."""
    from confterm.store.bookmarks import BookmarkStore
    from confterm.store.change_marks import unseen_changes

    copy = tmp_path / "36c3.xml"
    copy.write_bytes((CONFORMANCE / "frab-36c3-merged-2019.xml").read_bytes())
    assert run_cli("import", str(copy), "--id", "c36").returncode == 0
    tree = ET.parse(copy)  # noqa: S314  (a copy of our own sample)
    events = list(tree.getroot().iter("event"))
    moved, other = events[10], events[11]
    moved_id = _session_id(isolated_user_data, "c36", moved.findtext("title") or "")
    assert run_cli("bookmark", "add", moved_id, "--conference", "c36").returncode == 0
    for event in (moved, other):
        start = event.find("start")
        assert start is not None
        assert start.text
        hours, minutes = map(int, start.text.split(":"))
        start.text = f"{(hours + 1) % 24:02d}:{minutes:02d}"
        date_element = event.find("date")
        assert date_element is not None
        assert date_element.text
        date_element.text = (
            datetime.fromisoformat(date_element.text) + timedelta(hours=1)
        ).isoformat()
    tree.write(copy, encoding="utf-8", xml_declaration=True)

    done = run_cli("import", "--refresh", "c36")
    assert done.returncode == 0, done.stderr
    assert "bookmarked sessions among them: 1" in done.stdout
    assert done.stdout.rstrip().endswith(
        "the app marks the changed bookmarked sessions until you open them"
    )
    with BookmarkStore.open(isolated_user_data) as store:
        marks = unseen_changes(store, "c36")
    assert list(marks) == [moved_id]
    assert marks[moved_id].kinds == ("moved",)
    assert marks[moved_id].before.title == moved.findtext("title")
    # Nothing changed since: no new mark, the old one stays until seen.
    again = run_cli("import", "--refresh", "c36")
    assert "changes: none" in again.stdout
    assert "the app marks" not in again.stdout
    with BookmarkStore.open(isolated_user_data) as store:
        assert list(unseen_changes(store, "c36")) == [moved_id]
