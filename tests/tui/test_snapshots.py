"""SVG snapshots of the app's screens at 80x24 and 120x40, with a frozen clock.

Regenerate with ``uv run pytest tests/tui/test_snapshots.py --snapshot-update`` and look at
the SVGs under ``tests/tui/__snapshots__/`` before committing them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from app_clock import DURING, AppFactory

from confterm.store.bookmarks import BookmarkStore, ItemKind

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]

SnapCompare = Callable[..., bool]


def bookmark_some(data_dir: Path) -> None:
    with BookmarkStore.open(data_dir) as store:
        store.add("tinyconf", ["parsing-schedules", "caches-talk", "closing-keynote"])
        store.add("tinyconf", ["acme"], ItemKind.BOOTH)


@pytest.mark.parametrize("size", SIZES)
def test_day_view(
    snap_compare: SnapCompare, make_app: AppFactory, isolated_user_data: Path, size: tuple[int, int]
) -> None:
    bookmark_some(isolated_user_data)
    assert snap_compare(make_app(DURING, reminders=False), terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_session_detail(
    snap_compare: SnapCompare, make_app: AppFactory, isolated_user_data: Path, size: tuple[int, int]
) -> None:
    bookmark_some(isolated_user_data)
    # On 80 columns Enter opens the detail screen; on 120 it focuses the detail pane.
    assert snap_compare(
        make_app(DURING, reminders=False), terminal_size=size, press=["down", "enter"]
    )


@pytest.mark.parametrize("size", SIZES)
def test_markup_title(
    snap_compare: SnapCompare, make_app: AppFactory, size: tuple[int, int]
) -> None:
    assert snap_compare(make_app(reminders=False), terminal_size=size, press=["2"])


@pytest.mark.parametrize("size", SIZES)
def test_booths(
    snap_compare: SnapCompare, make_app: AppFactory, isolated_user_data: Path, size: tuple[int, int]
) -> None:
    bookmark_some(isolated_user_data)
    assert snap_compare(make_app(reminders=False), terminal_size=size, press=["B"])


@pytest.mark.parametrize("size", SIZES)
def test_papers(snap_compare: SnapCompare, make_app: AppFactory, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(reminders=False), terminal_size=size, press=["P"])


@pytest.mark.parametrize("size", SIZES)
def test_my_agenda(
    snap_compare: SnapCompare, make_app: AppFactory, isolated_user_data: Path, size: tuple[int, int]
) -> None:
    bookmark_some(isolated_user_data)
    with BookmarkStore.open(isolated_user_data) as store:
        store.add("tinyconf", ["withdrawn-talk"])
    assert snap_compare(make_app(reminders=False), terminal_size=size, press=["a"])


@pytest.mark.parametrize("size", SIZES)
def test_help(snap_compare: SnapCompare, make_app: AppFactory, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(reminders=False), terminal_size=size, press=["question_mark"])


@pytest.mark.parametrize("size", SIZES)
def test_filters_dialog(
    snap_compare: SnapCompare, make_app: AppFactory, size: tuple[int, int]
) -> None:
    # The tracks list, Systems ticked (issue 15, item 11).
    press = ["f", "tab", "down", "space"]
    assert snap_compare(make_app(reminders=False), terminal_size=size, press=press)


def test_filters_dialog_without_colour(
    snap_compare: SnapCompare, make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    # NO_COLOR: what is ticked still shows ([x] / [ ]), and which list is shown (▸).
    monkeypatch.setenv("NO_COLOR", "1")
    press = ["f", "tab", "tab", *"room", "space"]
    assert snap_compare(make_app(reminders=False), terminal_size=(80, 24), press=press)
