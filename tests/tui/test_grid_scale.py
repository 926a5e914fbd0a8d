"""The grid at scale and in time (issue 15, items 10 and 7): scrolling sideways by whole
columns, headers that tell rooms apart, columns that use the width, and the now-line."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from finder_host import HostApp, make_state

from confterm.model.loading import load_program_file
from confterm.model.program import Program
from confterm.present.grid_layout import cell_width
from confterm.tui.screens.grid import GridScreen
from confterm.tui.widgets.timetable_grid import NOW_RULE, TimetableGrid

DAY1 = date(2026, 3, 7)
NY = ZoneInfo("America/New_York")
SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]
SAAL_A = "Saal A - Lötstationen Hardware Hacking Area"


def many_rooms(tinyconf_path: Path, tmp_path: Path, names: list[str]) -> Program:
    """tinyconf with one more room per name, each with a talk at 09:00 on day 1."""
    raw = json.loads(tinyconf_path.read_text(encoding="utf-8"))
    for number, name in enumerate(names):
        raw["rooms"].append({"id": f"extra-{number}", "name": name})
        raw["sessions"].append(
            {
                "id": f"extra-talk-{number}",
                "title": f"Extra talk {number}",
                "kind": "oral",
                "day": "2026-03-07",
                "start": "2026-03-07T09:00:00-05:00",
                "end": "2026-03-07T09:45:00-05:00",
                "room": f"extra-{number}",
            }
        )
    path = tmp_path / "rooms.json"
    path.write_text(json.dumps(raw), encoding="utf-8")
    return load_program_file(path)


def header_cells(grid: TimetableGrid) -> str:
    """The room names line, without the time axis."""
    return grid.render_line(0).text[grid.grid.gutter :]


@pytest.mark.parametrize("size", SIZES)
async def test_scrolling_right_never_half_hides_a_column(
    tinyconf_path: Path, tmp_path: Path, size: tuple[int, int]
) -> None:
    program = many_rooms(tinyconf_path, tmp_path, [f"Extra room {n}" for n in range(12)])
    app = HostApp(make_state(program), lambda state: GridScreen(state, DAY1, "extra-talk-0"))
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        grid = app.screen.query_one(TimetableGrid)
        width = grid.column_width
        seen = []
        for _ in range(14):
            await pilot.press("right")
            await pilot.pause()
            first = grid.first_column
            seen.append(first)
            assert grid.scroll_offset.x == first * width
            # The leftmost column shown starts right after the time axis, its name whole.
            header = grid.grid.columns[first].room_name
            assert header_cells(grid).startswith(header)
            block = grid.grid.blocks[grid.cursor or 0]
            assert first <= block.column < first + grid.shown_columns
        assert seen[-1] > 0  # it did scroll
        assert grid.current_session == "extra-talk-11"


@pytest.mark.parametrize("size", SIZES)
async def test_columns_use_the_width(
    tinyconf_path: Path, tmp_path: Path, size: tuple[int, int]
) -> None:
    program = many_rooms(tinyconf_path, tmp_path, [f"Extra room {n}" for n in range(12)])
    app = HostApp(make_state(program), lambda state: GridScreen(state, DAY1))
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        grid = app.screen.query_one(TimetableGrid)
        available = grid.scrollable_content_region.width - grid.grid.gutter
        # Whole columns fill the screen: less than one cell per column is left over.
        assert available - grid.shown_columns * grid.column_width < grid.shown_columns
        assert grid.shown_columns == (3 if size[0] == 80 else 5)


@pytest.mark.parametrize("size", SIZES)
async def test_rooms_named_alike_get_different_headers(
    tinyconf_path: Path, tmp_path: Path, size: tuple[int, int]
) -> None:
    program = many_rooms(tinyconf_path, tmp_path, [SAAL_A, f"{SAAL_A} 2"])
    app = HostApp(make_state(program), lambda state: GridScreen(state, DAY1, "extra-talk-1"))
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        grid = app.screen.query_one(TimetableGrid)
        line = header_cells(grid)
        width = grid.column_width
        shown = [line[n * width : (n + 1) * width].strip() for n in range(grid.shown_columns)]
        saal = [name for name in shown if name.startswith("Saal A")]
        assert len(saal) == 2, shown
        assert saal[0] != saal[1]
        assert saal[1].endswith("2")
        assert all(cell_width(name) < width for name in shown)


def now_lines(grid: TimetableGrid) -> list[str]:
    height = grid.scrollable_content_region.height
    lines = [grid.render_line(y).text for y in range(1, height)]
    return [line for line in lines if line.startswith(tuple("0123456789")) and NOW_RULE in line]


@pytest.mark.parametrize("size", SIZES)
async def test_the_grid_has_a_now_line_during_the_conference(
    tinyconf: Program, size: tuple[int, int]
) -> None:
    state = make_state(tinyconf, datetime(2026, 3, 7, 10, 40, 30, tzinfo=NY))
    app = HostApp(state, lambda v: GridScreen(v, DAY1))
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        grid = app.screen.query_one(TimetableGrid)
        # 10:40 is in the 10:30 row (rows of 15 minutes from 08:00), on screen as it opens.
        assert grid.now_row == 10
        (line,) = now_lines(grid)
        assert line.startswith(f"10:40{NOW_RULE}")
        # The clock moves on: the line follows on the next tick.
        state.clock.advance(timedelta(minutes=15))
        grid._tick()
        assert grid.now_row == 11
        assert now_lines(grid)[0].startswith("10:55")


async def test_no_now_line_on_another_day(tinyconf: Program) -> None:
    state = make_state(tinyconf, datetime(2026, 3, 8, 10, 40, tzinfo=NY))
    app = HostApp(state, lambda v: GridScreen(v, DAY1))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        grid = app.screen.query_one(TimetableGrid)
        assert grid.now_row is None
        assert now_lines(grid) == []
        await pilot.press("right_square_bracket")  # day 2: now is on it
        await pilot.pause()
        assert grid.now_row is not None
        assert len(now_lines(grid)) == 1


async def test_switching_to_today_goes_to_the_now_line(tinyconf: Program) -> None:
    state = make_state(tinyconf, datetime(2026, 3, 7, 10, 40, 30, tzinfo=NY))
    app = HostApp(state, lambda v: GridScreen(v, date(2026, 3, 8)))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        grid = app.screen.query_one(TimetableGrid)
        await pilot.press("left_square_bracket")  # day 1, today
        await pilot.pause()
        # Registration and the keynote are over; Parsing Schedules (10:30-11:15) is on.
        assert grid.current_session == "parsing-schedules"
        (line,) = now_lines(grid)
        assert line.startswith("10:40")
        await pilot.press("right_square_bracket", "left_square_bracket")
        assert grid.current_session == "parsing-schedules"


async def test_an_all_day_block_does_not_take_the_view_back_to_the_morning(
    tinyconf_path: Path, tmp_path: Path
) -> None:
    # An info desk open all day (08:00-18:00) in its own room, and the clock at 14:05: the
    # grid opens at the now-line with the poster session on at 14:05 under the cursor.
    program = many_rooms(tinyconf_path, tmp_path, [])
    raw = json.loads((tmp_path / "rooms.json").read_text(encoding="utf-8"))
    raw["rooms"].append({"id": "desk", "name": "Info desk"})
    raw["sessions"].append(
        {
            "id": "infodesk",
            "title": "Info desk",
            "kind": "other",
            "day": "2026-03-07",
            "start": "2026-03-07T08:00:00-05:00",
            "end": "2026-03-07T18:00:00-05:00",
            "room": "desk",
        }
    )
    (tmp_path / "rooms.json").write_text(json.dumps(raw), encoding="utf-8")
    program = load_program_file(tmp_path / "rooms.json")
    state = make_state(program, datetime(2026, 3, 7, 14, 5, tzinfo=NY))
    app = HostApp(state, lambda v: GridScreen(v, date(2026, 3, 8)))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        grid = app.screen.query_one(TimetableGrid)
        await pilot.press("left_square_bracket")  # Saturday, today
        await pilot.pause()
        assert grid.current_session == "posters-a"  # 14:00-16:00, started last
        (line,) = now_lines(grid)
        assert line.startswith("14:05")
