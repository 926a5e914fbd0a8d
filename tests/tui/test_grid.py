"""The day's timetable: layout, moving between blocks and days, bookmarks, sessions without a
time, its keys in help and footer, Enter, Esc, and a snapshot."""

from __future__ import annotations

import copy
import json
from datetime import date, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from app_clock import DURING, AppFactory
from finder_host import HostApp, make_state
from textual.widgets import Label

from confterm.errors import StoreError
from confterm.model.loading import load_program_file
from confterm.model.program import Program, Room
from confterm.model.targets import JumpTarget
from confterm.paths import user_data_dir
from confterm.present.grid_layout import GridLayouts, build_layout, time_key
from confterm.present.rows import SessionRow
from confterm.queries.index import ProgramIndex
from confterm.store.bookmarks import BookmarkStore
from confterm.tui.screens.detail_screen import DetailScreen
from confterm.tui.screens.grid import GridScreen
from confterm.tui.screens.help import HelpScreen
from confterm.tui.screens.main import MainScreen
from confterm.tui.widgets.key_bar import KeyBar
from confterm.tui.widgets.session_detail import SessionDetail
from confterm.tui.widgets.session_list import SessionList
from confterm.tui.widgets.timetable_grid import STAR, TimetableGrid

DAY1 = date(2026, 3, 7)
DAY2 = date(2026, 3, 8)
DAY3 = date(2026, 3, 9)
NY = ZoneInfo("America/New_York")


def test_layouts_are_built_once_per_day_and_zone(tinyconf: Program) -> None:
    index = ProgramIndex(tinyconf)
    layouts = GridLayouts(index)
    first = layouts.get(DAY1, NY)
    assert layouts.get(DAY1, NY) is first
    assert layouts.get(DAY2, NY) is not first
    tokyo = layouts.get(DAY1, ZoneInfo("Asia/Tokyo"))
    assert tokyo is not first
    assert tokyo.blocks == build_layout(index, DAY1, ZoneInfo("Asia/Tokyo")).blocks


def test_first_block_is_the_earliest_then_leftmost(tinyconf: Program) -> None:
    for day in (DAY1, DAY2, DAY3):
        layout = build_layout(ProgramIndex(tinyconf), day, NY)
        expected = min(range(len(layout.blocks)), key=lambda n: time_key(layout, n), default=None)
        assert layout.first == expected


def test_layout_rooms_rows_and_sizes(tinyconf: Program) -> None:
    layout = build_layout(ProgramIndex(tinyconf), DAY1, NY)
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
    layout = build_layout(ProgramIndex(tinyconf), DAY2, NY)
    blocks = {b.session_id: (b.column, b.row, b.height) for b in layout.blocks}
    # 09:30 start; the social runs 22:00 to 01:00, twelve rows from row 50.
    assert blocks["night-social"] == (3, 50, 12)
    tokyo = build_layout(ProgramIndex(tinyconf), DAY1, ZoneInfo("Asia/Tokyo"))
    assert tokyo.top is not None
    assert tokyo.top.astimezone(ZoneInfo("Asia/Tokyo")).strftime("%H:%M") == "22:00"


def test_overlapping_sessions_in_one_room_get_lanes(tinyconf: Program) -> None:
    moved = copy.deepcopy(tinyconf)
    clash = moved.session_by_id["caches-talk"]
    clash.room = "room-a"
    layout = build_layout(ProgramIndex(moved), DAY1, NY)
    assert [(c.room_name, c.lane) for c in layout.columns[1:3]] == [("Room A", 0), ("Room A", 1)]


async def test_arrows_move_between_blocks_and_enter_opens(tinyconf: Program) -> None:
    app = HostApp(make_state(tinyconf), lambda state: GridScreen(state, DAY1))
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
        # Nothing else in the Main Hall: up/down go to the block before/after in time.
        assert await go("down") == "parsing-schedules"
        assert await go("up") == "opening-keynote"
        assert await go("up") == "registration"
        assert await go("up") == "registration"  # the first block of the day
        assert await go("down") == "lunch-1"  # below, in the same room
        assert await go("left", "left", "left") == "opening-keynote"
        assert await go("right", "right", "right") == "lunch-1"  # nearest in time to 10:45
        assert grid.scroll_offset.x == 0
        assert await go("down") == "posters-a"  # the next in time, in Hall B
        # The five rooms share 120 columns (issue 15, item 10): nothing scrolls sideways.
        assert grid.scroll_offset.x == 0
        assert "Hall B" in grid.render_line(0).text
        assert await go("down") == "posters-a"  # the last block of the day
        assert await go("up") == "lunch-1"
        assert await go("right") == "posters-a"
        await pilot.press("enter")
        assert app.results == [JumpTarget("session", "posters-a")]


async def test_starts_on_a_given_session_and_escape_goes_back(tinyconf: Program) -> None:
    app = HostApp(make_state(tinyconf), lambda state: GridScreen(state, DAY2, "future-panel"))
    async with app.run_test(size=(120, 40)) as pilot:
        assert app.screen.query_one(TimetableGrid).current_session == "future-panel"
        await pilot.press("escape")
        assert app.results == [None]


async def test_a_day_with_nothing_timed(tinyconf: Program) -> None:
    app = HostApp(make_state(tinyconf), lambda state: GridScreen(state, date(2026, 3, 10)))
    async with app.run_test(size=(80, 24)) as pilot:
        grid = app.screen.query_one(TimetableGrid)
        assert grid.current_session is None
        assert "No timed sessions" in grid.render_line(0).text
        await pilot.press("down", "enter", "escape")
        assert app.results == [None]


async def test_days_switch_in_place_with_brackets_and_numbers(tinyconf: Program) -> None:
    app = HostApp(make_state(tinyconf), lambda state: GridScreen(state, DAY1))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, GridScreen)
        grid = screen.grid
        title = screen.query_one("#grid-title", Label)

        async def day_after(*keys: str) -> date | None:
            await pilot.press(*keys)
            return grid.grid.day

        assert await day_after("right") == DAY1  # arrows move between blocks, never days
        assert await day_after("right_square_bracket") == DAY2
        assert grid.current_session == "markup-title"  # the new day's earliest block
        assert "Sunday 8 March 2026" in str(title.render())
        assert await day_after("right_square_bracket") == DAY3
        assert await day_after("right_square_bracket") == DAY3  # the last day
        assert await day_after("left_square_bracket") == DAY2
        assert await day_after("1") == DAY1
        assert grid.current_session == "registration"
        assert "Saturday 7 March 2026" in str(title.render())
        assert await day_after("3") == DAY3
        assert await day_after("9") == DAY3  # no ninth day
        assert await day_after("left_square_bracket", "left_square_bracket") == DAY1
        assert await day_after("left_square_bracket") == DAY1
        assert app.screen is screen
        assert app.results == []


async def test_b_and_space_toggle_the_bookmark(tinyconf: Program) -> None:
    state = make_state(tinyconf)
    app = HostApp(state, lambda v: GridScreen(v, DAY1))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, GridScreen)
        grid = screen.grid
        assert grid.current_session == "registration"
        await pilot.press("b")
        assert state.bookmarks == {"registration"}
        assert "registration" in grid.bookmarked
        assert STAR in grid.render_line(1).text  # the block's first line is marked
        await pilot.press("left", "space")
        assert state.bookmarks == {"registration", "caches-talk"}
        await pilot.press("right", "up", "b")  # Lobby: lunch, then registration above it
        assert state.bookmarks == {"caches-talk"}
        assert grid.bookmarked == {"caches-talk"}
        assert STAR not in grid.render_line(1).text


async def test_a_bookmark_that_cannot_be_saved_is_reported(
    tinyconf: Program, monkeypatch: pytest.MonkeyPatch
) -> None:
    state = make_state(tinyconf)

    def broken(*args: object) -> bool:
        raise StoreError("cannot save bookmarks: disk full")

    monkeypatch.setattr(BookmarkStore, "toggle", broken)
    app = HostApp(state, lambda v: GridScreen(v, DAY1))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("b")
        assert [n.message for n in app._notifications] == ["cannot save bookmarks: disk full"]
        assert app.screen.query_one(TimetableGrid).bookmarked == set()


async def test_sessions_without_a_time_are_listed_under_the_grid(tinyconf: Program) -> None:
    app = HostApp(make_state(tinyconf), lambda state: GridScreen(state, DAY1))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, GridScreen)
        titles = [row.title for row in screen.untimed.rows if isinstance(row, SessionRow)]
        assert titles == ["Lightning Talks"]
        assert len(screen.untimed.rows) == 2  # the heading and one session
        assert screen.untimed.region.height == 3  # and the line above them
        keys, _ = screen.query_one(KeyBar).entries()
        assert "TBA" in [key.description for key in keys]
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert screen.untimed.region.height == 0  # none on day 2
        keys, _ = screen.query_one(KeyBar).entries()
        assert "TBA" not in [key.description for key in keys]  # so u is not offered
        await pilot.press("u")  # nothing to move to: the grid keeps the cursor
        assert screen.grid.has_focus


async def test_a_session_without_a_time_can_be_bookmarked_and_opened(
    tinyconf: Program,
) -> None:
    state = make_state(tinyconf)
    app = HostApp(state, lambda v: GridScreen(v, DAY1))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, GridScreen)
        await pilot.press("u")
        assert screen.untimed.has_focus
        assert screen.untimed.current_target == JumpTarget("session", "lightning-1")
        await pilot.press("b")
        await pilot.pause()
        with BookmarkStore.open(user_data_dir()) as store:  # committed, for everyone
            assert store.ids(state.conference_id) == {"lightning-1"}
        assert screen.untimed.rows[1].bookmarked  # type: ignore[union-attr]
        assert "lightning-1" in screen.grid.bookmarked
        await pilot.press("u")
        assert screen.grid.has_focus
        await pilot.press("tab")  # Tab moves there too
        assert screen.untimed.has_focus
        # At 80 columns Enter opens the session's detail over the grid; Esc comes back.
        await pilot.press("enter")
        await pilot.pause()
        detail = app.screen
        assert isinstance(detail, DetailScreen)
        assert detail.target == JumpTarget("session", "lightning-1")
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen


async def test_help_and_footer_show_the_grid_keys(make_app: AppFactory) -> None:
    app = make_app(DURING)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("g")  # at 80 columns each key's id fits beside its description
        await pilot.pause()
        assert isinstance(app.screen, GridScreen)
        keys, _palette = app.screen.query_one(KeyBar).entries()
        footer = {key.description for key in keys}
        assert {"Open", "Day", "Bookmark", "Back", "Help"} <= footer
        await pilot.press("question_mark")
        await pilot.pause()
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        lines = help_screen.content.plain.splitlines()
        assert lines[1] == "Timetable grid"
        first_section = lines[2 : lines.index("", 2)]
        ids = [line.split()[-1] for line in first_section]
        assert {"grid.bookmark", "grid.next_day", "grid.previous_day", "grid.back"} <= set(ids)
        assert {"grid.up", "grid.down", "grid.left", "grid.right", "grid.open"} <= set(ids)
        assert "grid.day_1…9" in ids
        assert all(len(line.split()) >= 3 for line in first_section)  # keys, words, id


async def test_g_opens_the_day_last_shown(make_app: AppFactory) -> None:
    app = make_app(DURING)  # opens on day 1
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("right")  # day 2
        for tab in ("B", "P", "a"):
            await pilot.press(tab, "g")
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, GridScreen), tab
            assert screen.day == DAY2, tab
            await pilot.press("escape")
            await pilot.pause()
        await pilot.press("3", "g")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, GridScreen)
        assert screen.day == DAY3


def test_snapshot_120x40(tinyconf: Program, snap_compare) -> None:  # type: ignore[no-untyped-def]
    state = make_state(tinyconf)
    for session_id in ("parsing-schedules", "caches-talk", "lunch-1"):
        state.toggle(JumpTarget("session", session_id))
    app = HostApp(state, lambda v: GridScreen(v, DAY1))
    assert snap_compare(app, terminal_size=(120, 40), press=["left", "left"])


async def test_the_time_axis_is_right_past_a_dst_change(
    tinyconf_path: Path, tmp_path: Path
) -> None:
    # A night session of Saturday 7 March across New York's change to summer time
    # (02:00 EST -> 03:00 EDT): 01:00 to 04:00 on the clock is two hours.
    raw = json.loads(tinyconf_path.read_text(encoding="utf-8"))
    raw["sessions"].append(
        {
            "id": "night-owls",
            "title": "Night Owls",
            "kind": "social",
            "day": "2026-03-07",
            "start": "2026-03-08T01:00:00-05:00",
            "end": "2026-03-08T04:00:00-04:00",
            "room": "lobby",
        }
    )
    path = tmp_path / "dst.json"
    path.write_text(json.dumps(raw), encoding="utf-8")
    program = load_program_file(path)
    layout = build_layout(ProgramIndex(program), date(2026, 3, 7), program.conference.zone)
    block = layout.blocks[layout.block_of("night-owls") or 0]
    assert block.height * layout.slot == timedelta(hours=2)
    labels = [layout.axis_label(row) for row in range(layout.row_count + 1)]
    assert labels[block.row] == "01:00"
    # The row after the block is 04:00 on the clock; no row is 02:00 (skipped that night).
    assert labels[block.row + block.height] == "04:00"
    assert [label for label in labels if label][-4:] == ["Sun 00:00", "01:00", "03:00", "04:00"]


async def test_the_grid_opens_scrolled_to_its_session(tinyconf: Program) -> None:
    # Four more rooms, the day's first session in the last: the cursor starts on it (it is
    # the earliest block), in a column off an 80-column screen.
    program = copy.deepcopy(tinyconf)
    program.rooms += [Room(id=f"extra-{n}", name=f"Extra {n}") for n in range(4)]
    program.session_by_id["registration"].room = "extra-3"
    assert build_layout(ProgramIndex(program), DAY1, NY).columns[-1].room_name == "Extra 3"
    app = HostApp(make_state(program), lambda state: GridScreen(state, DAY1, "registration"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        grid = app.screen.query_one(TimetableGrid)
        assert grid.current_session == "registration"
        assert grid.scroll_offset.x > 0
        assert "Extra 3" in grid.render_line(0).text


async def test_the_grid_opened_from_the_day_keeps_its_first_columns_in_view(
    make_app: AppFactory,
) -> None:
    # The session on now is not the day's first block: the grid must not stay scrolled
    # towards the first block's column.
    app = make_app(DURING, reminders=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("g")
        await pilot.pause()
        grid = app.screen.query_one(TimetableGrid)
        assert grid.current_session == "parsing-schedules"
        assert grid.scroll_offset.x == 0


async def test_enter_in_the_grid_at_80_columns_opens_the_detail(make_app: AppFactory) -> None:
    # Issue 15, item 5: it went back to the day list instead.
    app = make_app(DURING)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("g")
        await pilot.pause()
        grid = app.screen
        assert isinstance(grid, GridScreen)
        session = grid.grid.current_session
        assert session is not None
        await pilot.press("enter")
        await pilot.pause()
        detail = app.screen
        assert isinstance(detail, DetailScreen)
        assert detail.target == JumpTarget("session", session)
        title = app.state.program.session_by_id[session].title
        assert title in detail.query_one(SessionDetail).text
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is grid
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)


async def test_enter_in_the_grid_at_120_columns_shows_the_detail_pane(
    make_app: AppFactory,
) -> None:
    app = make_app(DURING)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("g")
        await pilot.pause()
        grid = app.screen
        assert isinstance(grid, GridScreen)
        session = grid.grid.current_session
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert app.main.query_one(SessionList).current_target == JumpTarget("session", session)
        title = app.state.program.session_by_id[str(session)].title
        assert title in app.main.query_one("#session-detail", SessionDetail).text
