"""The day's timetable: layout, navigation between blocks, Enter, Esc, and a snapshot."""

from __future__ import annotations

from datetime import date, timedelta
from zoneinfo import ZoneInfo

from finder_host import HostApp, make_view

from confterm.model.program import Program
from confterm.tui.messages import JumpTarget
from confterm.tui.screens.grid import GridScreen
from confterm.tui.widgets.timetable_grid import TimetableGrid, build_layout

DAY1 = date(2026, 3, 7)
DAY2 = date(2026, 3, 8)
NY = ZoneInfo("America/New_York")


def test_layout_rooms_rows_and_sizes(tinyconf: Program) -> None:
    layout = build_layout(tinyconf, DAY1, NY)
    assert [c.room_name for c in layout.columns] == [
        "Main Hall",
        "Room A",
        "Room B",
        "Lobby",
        "Hall B",
    ]
    assert layout.slot == timedelta(minutes=15)
    assert layout.top is not None
    assert layout.top.astimezone(NY).strftime("%H:%M") == "08:00"
    blocks = {b.session_id: (b.column, b.row, b.height) for b in layout.blocks}
    assert blocks["registration"] == (3, 0, 4)
    assert blocks["opening-keynote"] == (0, 4, 4)
    assert blocks["parsing-schedules"] == (1, 10, 3)  # 10:30-11:15
    assert blocks["caches-talk"] == (2, 11, 3)  # 10:45-11:30
    assert blocks["posters-a"] == (4, 24, 8)  # two hours
    assert "lightning-1" not in blocks  # time to be announced: not on the grid
    assert layout.row_count == 32
    assert layout.cells[3][0] == layout.cells[3][3] != -1
    assert layout.cells[3][4] == -1


def test_layout_across_midnight_and_in_another_zone(tinyconf: Program) -> None:
    layout = build_layout(tinyconf, DAY2, NY)
    blocks = {b.session_id: (b.column, b.row, b.height) for b in layout.blocks}
    # 09:30 start; the social runs 22:00 to 01:00, twelve rows from row 50.
    assert blocks["night-social"] == (3, 50, 12)
    tokyo = build_layout(tinyconf, DAY1, ZoneInfo("Asia/Tokyo"))
    assert tokyo.top is not None
    assert tokyo.top.astimezone(ZoneInfo("Asia/Tokyo")).strftime("%H:%M") == "22:00"


def test_overlapping_sessions_in_one_room_get_lanes(tinyconf: Program) -> None:
    moved = tinyconf.model_copy(deep=True)
    clash = moved.session_by_id["caches-talk"]
    clash.room = "room-a"
    layout = build_layout(moved, DAY1, NY)
    assert [(c.room_name, c.lane) for c in layout.columns[1:3]] == [("Room A", 0), ("Room A", 1)]


async def test_arrows_move_between_blocks_and_enter_opens(tinyconf: Program) -> None:
    app = HostApp(make_view(tinyconf), lambda view: GridScreen(view, DAY1))
    async with app.run_test(size=(120, 40)) as pilot:
        grid = app.screen.query_one(TimetableGrid)
        assert grid.current_session == "registration"  # the earliest block

        async def go(*keys: str) -> str | None:
            await pilot.press(*keys)
            return grid.current_session

        assert await go("left") == "caches-talk"
        assert await go("left") == "parsing-schedules"
        assert await go("left") == "opening-keynote"
        assert await go("left") == "opening-keynote"  # no room further left
        assert await go("down") == "opening-keynote"  # the only one in the Main Hall
        assert await go("right", "right", "right") == "lunch-1"  # nearest in time to 10:45
        assert await go("down") == "lunch-1"
        assert await go("up") == "registration"
        assert grid.scroll_offset.x == 0
        assert await go("right") == "posters-a"
        assert grid.scroll_offset.x > 0  # Hall B does not fit in 120 columns
        assert await go("up") == "posters-a"
        await pilot.press("enter")
        assert app.results == [JumpTarget("session", "posters-a")]


async def test_starts_on_a_given_session_and_escape_goes_back(tinyconf: Program) -> None:
    app = HostApp(make_view(tinyconf), lambda view: GridScreen(view, DAY2, "future-panel"))
    async with app.run_test(size=(120, 40)) as pilot:
        assert app.screen.query_one(TimetableGrid).current_session == "future-panel"
        await pilot.press("escape")
        assert app.results == [None]


async def test_a_day_with_nothing_timed(tinyconf: Program) -> None:
    app = HostApp(make_view(tinyconf), lambda view: GridScreen(view, date(2026, 3, 10)))
    async with app.run_test(size=(80, 24)) as pilot:
        grid = app.screen.query_one(TimetableGrid)
        assert grid.current_session is None
        assert "No timed sessions" in grid.render_line(0).text
        await pilot.press("down", "enter", "escape")
        assert app.results == [None]


def test_snapshot_120x40(tinyconf: Program, snap_compare) -> None:  # type: ignore[no-untyped-def]
    view = make_view(tinyconf)
    view.store.add("tinyconf", ["parsing-schedules", "caches-talk", "lunch-1"])
    app = HostApp(view, lambda v: GridScreen(v, DAY1))
    assert snap_compare(app, terminal_size=(120, 40), press=["left", "left"])
