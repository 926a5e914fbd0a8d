"""``confterm list --search``: among equally good matches, bookmarked sessions come first."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path

from confterm.store import BookmarkStore

RunCli = Callable[..., subprocess.CompletedProcess[str]]
TINYCONF = str(Path(__file__).parents[1] / "data" / "tinyconf.json")


def found(run_cli: RunCli, query: str) -> list[str]:
    result = run_cli("list", "--search", query, "--json", "--data", TINYCONF)
    assert result.returncode == 0, result.stderr
    return [s["id"] for s in json.loads(result.stdout)["sessions"]]


def test_a_bookmarked_equal_match_moves_first(run_cli: RunCli, isolated_user_data: Path) -> None:
    # Both keynotes match "keynote" equally well; without bookmarks the file order decides.
    assert found(run_cli, "keynote") == ["opening-keynote", "closing-keynote"]
    with BookmarkStore.open(isolated_user_data) as store:
        store.add("tinyconf", ["closing-keynote"])
    assert found(run_cli, "keynote") == ["closing-keynote", "opening-keynote"]
    # A better match still beats a bookmarked weaker one.
    with BookmarkStore.open(isolated_user_data) as store:
        store.add("tinyconf", ["markup-title"])
    assert found(run_cli, "ada") == [
        "opening-keynote",
        "textual-workshop",
        "future-panel",
        "markup-title",
        "parsing-schedules",
    ]
