"""``confterm list --search``: among equally good matches, bookmarked sessions come first."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path

from confterm.store.bookmarks import BookmarkStore

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
    # A better match still beats a bookmarked weaker one: Grace speaks at two sessions,
    # chairs one, and is only an author of a paper in the poster session.
    assert found(run_cli, "grace")[-1] == "posters-a"
    with BookmarkStore.open(isolated_user_data) as store:
        store.add("tinyconf", ["posters-a", "oral-systems"])
    assert found(run_cli, "grace") == [
        "oral-systems",  # bookmarked, and as good a match as the talks: first
        "parsing-schedules",
        "textual-workshop",
        "posters-a",  # bookmarked, but a weaker match: still last
    ]
