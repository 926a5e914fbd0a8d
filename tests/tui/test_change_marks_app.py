"""Change marks in the app: bookmarked sessions a refresh moved, retitled or cancelled are
marked in the day view and My agenda, in words, until seen (their detail opened, or every
mark cleared from the palette); seeing is saved in the store."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from app_clock import DURING, AppFactory

from confterm.model.targets import JumpTarget
from confterm.present.rows import SessionRow
from confterm.store.bookmarks import BookmarkStore, ItemKind, LastKnown
from confterm.store.change_marks import record_changes, unseen_changes
from confterm.tui.app import ConftermApp
from confterm.tui.screens.detail_screen import DetailScreen
from confterm.tui.screens.main import MainScreen
from confterm.tui.widgets.row_list import render_row
from confterm.tui.widgets.session_detail import SessionDetail

NY = ZoneInfo("America/New_York")
MOVED = "parsing-schedules"  # Sat 10:30 now; was Sat 09:00 in "Hall B"
RETITLED = "closing-keynote"


def _seed(data_dir: Path) -> None:
    with BookmarkStore.open(data_dir) as store:
        store.add_items("tinyconf", [(ItemKind.SESSION, MOVED), (ItemKind.SESSION, RETITLED)])
        record_changes(
            store,
            "tinyconf",
            {
                MOVED: (
                    ("moved",),
                    LastKnown(
                        "Parsing Schedules Without Tears",
                        date(2026, 3, 7),
                        datetime(2026, 3, 7, 9, 0, tzinfo=NY),
                        datetime(2026, 3, 7, 9, 45, tzinfo=NY),
                        "Hall B",
                    ),
                ),
                RETITLED: (("retitled",), LastKnown("Goodbye Keynote")),
            },
        )


def _row_of(app: ConftermApp, session_id: str) -> SessionRow:
    rows = app.main.shown_pane().list
    index = rows.index_of(JumpTarget("session", session_id))
    assert index is not None
    row = rows.rows[index]
    assert isinstance(row, SessionRow)
    return row


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_a_moved_bookmark_is_marked_until_its_detail_is_opened(
    make_app: AppFactory, isolated_user_data: Path, size: tuple[int, int]
) -> None:
    _seed(isolated_user_data)
    app = make_app(DURING, reminders=False)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        main = app.screen
        assert isinstance(main, MainScreen)
        # Said once at the start.
        assert any("2 bookmarked sessions changed" in n.message for n in app._notifications)
        main.jump(JumpTarget("session", MOVED))
        await pilot.pause()
        row = _row_of(app, MOVED)
        assert row.change == "moved"
        # In words, readable without colour: the drawn row says [moved] before the title.
        assert "[moved] Parsing Schedules" in render_row(row, size[0]).plain
        # My agenda marks both.
        await pilot.press("a")
        await pilot.pause()
        assert _row_of(app, MOVED).change == "moved"
        assert _row_of(app, RETITLED).change == "changed"
        # Back to the day, Enter: the detail says what changed, and the mark goes.
        await pilot.press("escape")
        await pilot.pause()
        main.jump(JumpTarget("session", MOVED))
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        if size[0] < 100:
            assert isinstance(app.screen, DetailScreen)
        detail = app.screen.query_one(SessionDetail)
        text = detail.text
        assert (
            "‼ Moved in a refresh: Parsing Schedules Without Tears "
            "(was Sat 7 Mar 09:00–09:45, Hall B)" in text
        )
        assert set(app.state.changes) == {RETITLED}
        if size[0] < 100:
            await pilot.press("escape")
            await pilot.pause()
        assert _row_of(app, MOVED).change == ""
        # Saved: another start finds only the unseen one.
    with BookmarkStore.open(isolated_user_data) as store:
        assert set(unseen_changes(store, "tinyconf")) == {RETITLED}


async def test_the_palette_clears_every_mark(
    make_app: AppFactory, isolated_user_data: Path
) -> None:
    _seed(isolated_user_data)
    app = make_app(DURING, reminders=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"changes seen")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert dict(app.state.changes) == {}
        await pilot.press("a")
        await pilot.pause()
        assert _row_of(app, MOVED).change == ""
    with BookmarkStore.open(isolated_user_data) as store:
        assert unseen_changes(store, "tinyconf") == {}
