"""Handing bookmarks to a colleague: export, import, compare, and ids from stdin."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

RunCli = Callable[..., "subprocess.CompletedProcess[str]"]
TINYCONF = Path(__file__).resolve().parents[1] / "data" / "tinyconf.json"
DATA = ("--data", str(TINYCONF))
CONFTERM = Path(sys.executable).parent / "confterm"


def _piped(data_dir: Path, stdin: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, CONFTERM_DATA_DIR=str(data_dir))
    return subprocess.run(
        [str(CONFTERM), *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=60,
    )


def _ids(run_cli: RunCli, *extra: str) -> list[str]:
    done = run_cli("bookmark", "list", "--json", *DATA, *extra)
    assert done.returncode == 0, done.stderr
    return [mark["id"] for mark in json.loads(done.stdout)]


def test_export_then_import_round_trips(run_cli: RunCli, tmp_path: Path) -> None:
    added = run_cli("bookmark", "add", "caches-talk", "opening-keynote", "acme", *DATA)
    assert added.returncode == 0, added.stderr
    out = tmp_path / "mine.json"
    done = run_cli("bookmark", "export", "-o", str(out), *DATA)
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""
    shared = json.loads(out.read_text())
    assert shared["format"] == "confterm-bookmarks"
    assert shared["conference"] == "tinyconf"
    assert [(s["id"], s["start"]) for s in shared["sessions"]] == [
        ("opening-keynote", "2026-03-07T09:00:00-05:00"),
        ("caches-talk", "2026-03-07T10:45:00-05:00"),
    ]
    assert shared["sessions"][0]["title"] == "Opening Keynote: Terminals Forever"
    assert [b["id"] for b in shared["booths"]] == ["acme"]
    assert shared["papers"] == []
    # Stdout holds the same document.
    printed = json.loads(run_cli("bookmark", "export", *DATA).stdout)
    assert printed["sessions"] == shared["sessions"]

    colleague = tmp_path / "colleague-data"
    imported = _piped(colleague, "", "bookmark", "import", str(out), *DATA)
    assert imported.returncode == 0, imported.stderr
    assert imported.stdout == "imported 3 new bookmarks (0 already bookmarked)\n"
    again = _piped(colleague, "", "bookmark", "import", str(out), *DATA)
    assert again.stdout == "imported 0 new bookmarks (3 already bookmarked)\n"
    theirs = _piped(colleague, "", "bookmark", "export", *DATA)
    assert json.loads(theirs.stdout)["sessions"] == shared["sessions"]


def test_import_names_the_ids_no_longer_in_the_program(run_cli: RunCli, tmp_path: Path) -> None:
    shared = {
        "format": "confterm-bookmarks",
        "version": 1,
        "conference": "tinyconf",
        "sessions": [{"id": "caches-talk"}, {"id": "cancelled-talk", "title": "Gone"}],
        "booths": [{"id": "booth-gone"}],
    }
    path = tmp_path / "theirs.json"
    path.write_text(json.dumps(shared))
    done = run_cli("bookmark", "import", str(path), *DATA)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        "imported 1 new bookmark (0 already bookmarked)",
        "not in the program any more: session cancelled-talk",
        "not in the program any more: booth booth-gone",
    ]
    assert _ids(run_cli) == ["caches-talk"]


@pytest.mark.parametrize(
    ("content", "why"),
    [
        ("{", "line 1 column 2"),
        ("[]", "not a confterm bookmarks file"),
        ('{"format": "confterm-bookmarks", "conference": 3}', '"conference": expected'),
        (
            '{"format": "confterm-bookmarks", "conference": "tinyconf", "sessions": [{"id": ""}]}',
            '"sessions"[0]: expected an object with an "id"',
        ),
        ('{"format": "confterm-bookmarks", "conference": "other"}', "bookmarks of 'other'"),
    ],
)
def test_a_bad_file_is_one_line_and_changes_nothing(
    run_cli: RunCli, tmp_path: Path, content: str, why: str
) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content)
    for action in ("import", "compare"):
        done = run_cli("bookmark", action, str(path), *DATA)
        assert done.returncode == 1
        assert done.stderr.count("\n") == 1
        assert done.stderr.startswith(f"confterm: error: {path}")
        assert why in done.stderr
    assert _ids(run_cli) == []


def test_add_dash_reads_ids_from_stdin(isolated_user_data: Path, run_cli: RunCli) -> None:
    done = _piped(
        isolated_user_data,
        "caches-talk\n# a comment\nacme, opening-keynote\n",
        "bookmark",
        "add",
        "-",
        *DATA,
    )
    assert done.returncode == 0, done.stderr
    assert sorted(_ids(run_cli)) == ["acme", "caches-talk", "opening-keynote"]
    empty = _piped(isolated_user_data, "\n", "bookmark", "add", "-", *DATA)
    assert empty.returncode == 2
    assert empty.stderr == "confterm: error: bookmark add -: no ids on stdin\n"
    unknown = _piped(isolated_user_data, "nope\n", "bookmark", "add", "-", *DATA)
    assert unknown.returncode == 1


def test_compare_shows_shared_sessions_and_clashes(run_cli: RunCli, tmp_path: Path) -> None:
    # Mine: the keynote and "parsing schedules" (10:30-11:15). Theirs: the keynote, the
    # caches talk (10:45-11:30, clashing with mine) and the posters (14:00).
    added = run_cli("bookmark", "add", "opening-keynote", "parsing-schedules", *DATA)
    assert added.returncode == 0, added.stderr
    theirs = {
        "format": "confterm-bookmarks",
        "conference": "tinyconf",
        "sessions": [{"id": i} for i in ("opening-keynote", "caches-talk", "posters-a", "old")],
    }
    path = tmp_path / "theirs.json"
    path.write_text(json.dumps(theirs))
    result = json.loads(run_cli("bookmark", "compare", str(path), "--json", *DATA).stdout)
    assert [s["id"] for s in result["shared"]] == ["opening-keynote"]
    assert [s["id"] for s in result["only_mine"]] == ["parsing-schedules"]
    assert [s["id"] for s in result["only_theirs"]] == ["caches-talk", "posters-a"]
    assert [(c["theirs"]["id"], [m["id"] for m in c["mine"]]) for c in result["clashes"]] == [
        ("caches-talk", ["parsing-schedules"])
    ]
    assert result["unknown"] == ["old"]

    text = run_cli("bookmark", "compare", str(path), *DATA).stdout
    assert "Both of you (1)" in text
    assert "Theirs, clashing with yours (1)" in text
    assert "clashes with Parsing Schedules Without Tears" in text
    assert text.rstrip().endswith("not in the program any more: old")
    # Comparing changes nothing.
    assert sorted(_ids(run_cli)) == ["opening-keynote", "parsing-schedules"]


def test_options_that_do_not_apply_are_usage_errors(run_cli: RunCli, tmp_path: Path) -> None:
    assert run_cli("bookmark", "export", "x", *DATA).returncode == 2
    assert run_cli("bookmark", "export", "--json", *DATA).returncode == 2
    assert run_cli("bookmark", "add", "caches-talk", "-o", "f", *DATA).returncode == 2
    assert run_cli("bookmark", "import", *DATA).returncode == 2
