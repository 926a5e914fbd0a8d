"""The zone switch on a machine far from the conference: TZ=Asia/Tokyo, tinyconf in New York,
across the US DST change of 2026-03-08 (New York is 14 h behind Tokyo before it, 13 h after)."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from app_clock import DURING, AppFactory
from finder_host import HostApp, make_state
from textual.app import App
from textual.widgets import OptionList

from confterm.clock import Clock
from confterm.model.program import Program
from confterm.model.targets import JumpTarget
from confterm.present.detail_text import short_when
from confterm.present.rows import Heading, NowLine, SessionRow, session_label
from confterm.timezones import local_zone
from confterm.tui.app import ConftermApp
from confterm.tui.commands import jump_entries
from confterm.tui.reminder_timer import ReminderTimer
from confterm.tui.screens.grid import GridScreen
from confterm.tui.screens.search import SearchScreen
from confterm.tui.widgets.header import ConfHeader
from confterm.tui.widgets.session_detail import SessionDetail
from confterm.tui.widgets.session_list import SessionList
from confterm.tui.widgets.timetable_grid import TimetableGrid


@pytest.fixture
def in_tokyo() -> Iterator[None]:
    """Run the test on a machine whose zone is Asia/Tokyo."""
    old = os.environ.get("TZ")
    os.environ["TZ"] = "Asia/Tokyo"
    time.tzset()
    try:
        yield
    finally:
        if old is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = old
        time.tzset()


def first_hit(app: HostApp) -> str:
    return str(app.screen.query_one(OptionList).get_option_at_index(0).prompt)


@pytest.mark.usefixtures("in_tokyo")
def test_toggle_flips_between_conference_and_local_zone(tinyconf: Program) -> None:
    state = make_state(tinyconf)
    assert local_zone() == ZoneInfo("Asia/Tokyo")
    assert state.zone is tinyconf.conference.zone
    label = state.toggle_zone()
    assert state.zone == ZoneInfo("Asia/Tokyo")
    assert state.showing_local_zone
    assert label.startswith("Times in Asia/Tokyo (JST), your local zone")
    label = state.toggle_zone()
    assert state.zone is tinyconf.conference.zone
    assert label.startswith("Times in America/New_York (E")
    assert label.endswith("the conference's zone")


def test_toggle_when_the_machine_is_in_the_conference_zone(tinyconf: Program) -> None:
    state = make_state(tinyconf)
    state.local = ZoneInfo("America/New_York")
    assert state.toggle_zone().endswith("it is also your local zone")
    assert state.zone is tinyconf.conference.zone


@pytest.mark.usefixtures("in_tokyo")
@pytest.mark.parametrize(
    ("query", "conference_time", "tokyo_time"),
    [
        # Before the DST change (EST, UTC-5): 14 hours behind Tokyo.
        ("registration", "Sat 7 Mar 08:00–09:00", "Sat 7 Mar 22:00–23:00"),
        ("opening keynote", "Sat 7 Mar 09:00–10:00", "Sat 7 Mar 23:00–00:00+1"),
        # After it (EDT, UTC-4): 13 hours behind.
        ("not bold", "Sun 8 Mar 09:30–10:30", "Sun 8 Mar 22:30–23:30"),
        ("night social", "Sun 8 Mar 22:00–01:00+1", "Mon 9 Mar 11:00–14:00"),
    ],
)
async def test_search_shows_times_in_the_chosen_zone(
    tinyconf: Program, query: str, conference_time: str, tokyo_time: str
) -> None:
    state = make_state(tinyconf)
    app = HostApp(state, SearchScreen)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press(*query)
        assert first_hit(app).startswith(f"  {conference_time} ")
        await pilot.press("escape")
        state.toggle_zone()
        app.open()
        await pilot.pause()
        await pilot.press(*query)
        assert first_hit(app).startswith(f"  {tokyo_time} ")


@pytest.mark.usefixtures("in_tokyo")
async def test_grid_in_the_local_zone(tinyconf: Program) -> None:
    state = make_state(tinyconf)
    state.toggle_zone()
    app = HostApp(state, lambda v: GridScreen(v, date(2026, 3, 8)))
    async with app.run_test(size=(120, 40)):
        title = str(app.screen.query_one("#grid-title").render())
        assert "times in Asia/Tokyo (JST)" in title
        grid = app.screen.query_one(TimetableGrid)
        assert grid.current_session == "markup-title"
        # The first row is 22:30 Tokyo time (09:30 in New York, after the change).
        line = grid.render_line(1).text
        assert line.startswith("22:30 ")
        assert " 22:30 [bold]Not " in line  # in Room A, the second column


@pytest.mark.usefixtures("in_tokyo")
async def test_t_switches_every_time_in_the_app(make_app: AppFactory) -> None:
    app = make_app(DURING)
    async with app.run_test(size=(120, 40)) as pilot:
        header = app.main.query_one(ConfHeader)

        def row_time(session_id: str) -> str:
            rows = app.main.query_one(SessionList).rows
            return next(
                r.time for r in rows if isinstance(r, SessionRow) and r.session_id == session_id
            )

        assert row_time("registration") == "08:00–09:00"
        assert "America/New_York (EST)" in str(header.line())
        await pilot.press("t")
        assert row_time("registration") == "22:00–23:00"
        assert row_time("opening-keynote") == "23:00–00:00+1"
        assert "Asia/Tokyo (JST)" in str(header.line())
        assert "now 00:40" in str(header.line())  # 10:40 in New York
        await pilot.press("2")  # after the DST change: 13 hours apart
        assert row_time("markup-title") == "22:30–23:30"
        await pilot.press("t")
        assert row_time("markup-title") == "09:30–10:30"
        assert "America/New_York (EST)" in str(header.line())


def session_row_of(app: ConftermApp, session_id: str) -> SessionRow:
    rows = app.main.query_one(SessionList).rows
    return next(r for r in rows if isinstance(r, SessionRow) and r.session_id == session_id)


@pytest.mark.usefixtures("in_tokyo")
async def test_sessions_on_another_local_date_say_so(make_app: AppFactory) -> None:
    # 10:30 on Saturday in New York is 00:30 on Sunday in Tokyo: the session stays under the
    # conference's Saturday, but nothing may suggest it is on Saturday in Tokyo.
    app = make_app(DURING)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("t")
        sessions = app.main.query_one(SessionList)
        assert session_row_of(app, "parsing-schedules").time == "Sun 00:30–01:15"
        assert session_row_of(app, "registration").time == "22:00–23:00"  # Saturday in Tokyo
        assert Heading("Sun 00:30") in list(sessions.rows)
        # Still the conference's Saturday: its list keeps the now-line, in Tokyo time.
        assert [r for r in sessions.rows if isinstance(r, NowLine)] == [NowLine("00:40")]
        assert sessions._time_width == len("Sun 00:30–01:15")  # the column fits the weekday
        index = sessions.index_of(JumpTarget("session", "parsing-schedules")) or 0
        line = sessions.render_line(sessions.line_of(index) - sessions.scroll_offset.y).text
        # In progress at 00:40 Tokyo time: marked ▶ before its time.
        assert "▶Sun 00:30–01:15 " in line
        app.main.jump(JumpTarget("session", "parsing-schedules"))
        await pilot.pause()
        detail = app.main.query_one("#session-detail", SessionDetail).text
        assert "Sunday 8 March 2026, 00:30–01:15 (Asia/Tokyo) · conference day Sat 7 Mar" in detail
        assert "Sat 7 Mar ·" not in detail


@pytest.mark.usefixtures("in_tokyo")
async def test_clash_lines_in_the_detail_name_another_local_date(make_app: AppFactory) -> None:
    # No reminders: the bookmarked 10:45 talk is due at 10:40, and its alert would stay on
    # top (as a reminder should) and take the t meant for the main screen.
    app = make_app(DURING, reminders=False)
    app.state.toggle(JumpTarget("session", "caches-talk"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("t")
        app.main.jump(JumpTarget("session", "parsing-schedules"))
        await pilot.pause()
        detail = app.main.query_one("#session-detail", SessionDetail).text
        assert "Sun 00:45–01:30 Clashing Talk About Caches" in detail


@pytest.mark.usefixtures("in_tokyo")
def test_short_texts_name_the_local_weekday(tinyconf: Program) -> None:
    state = make_state(tinyconf)
    state.toggle_zone()
    parsing = tinyconf.session_by_id["parsing-schedules"]
    registration = tinyconf.session_by_id["registration"]
    assert short_when(parsing, state.zone) == "Sat 7 Mar Sun 00:30–01:15"
    assert short_when(registration, state.zone) == "Sat 7 Mar 22:00–23:00"
    helps = {target.item_id: help_text for _, help_text, target in jump_entries(state)}
    assert helps["parsing-schedules"].endswith("· Sat 7 Mar Sun 00:30–01:15")
    # The paper detail's "Presented in" line: Poster Session A, 14:00 Saturday in New York.
    assert session_label(tinyconf, "posters-a", state.zone) == "Sun 8 Mar 04:00 · Poster Session A"


@pytest.mark.usefixtures("in_tokyo")
def test_a_reminder_names_the_weekday_of_a_start_after_midnight(tinyconf: Program) -> None:
    # 00:20 on Sunday in Tokyo: the reminder is about 00:30, "today"; the day list files it
    # under Saturday, but a reminder speaks of now.
    now = datetime(2026, 3, 7, 10, 20, tzinfo=tinyconf.conference.zone)
    state = make_state(tinyconf, now)
    state.toggle_zone()
    timer = ReminderTimer(App(), state)
    message = timer.message(tinyconf.session_by_id["parsing-schedules"])
    assert message.startswith("00:30–01:15 Parsing Schedules Without Tears")
    # At 23:55 on Saturday in Tokyo (09:55 in New York) the same session starts "tomorrow".
    state.clock = Clock(datetime(2026, 3, 7, 9, 55, tzinfo=tinyconf.conference.zone), frozen=True)
    message = timer.message(tinyconf.session_by_id["parsing-schedules"])
    assert message.startswith("Sun 00:30–01:15 Parsing Schedules Without Tears")


@pytest.mark.usefixtures("in_tokyo")
async def test_grid_axis_names_the_next_local_date(tinyconf: Program) -> None:
    # Sunday 8 March in New York runs from 22:30 Sunday to Monday morning in Tokyo.
    state = make_state(tinyconf)
    state.toggle_zone()
    app = HostApp(state, lambda v: GridScreen(v, date(2026, 3, 8)))
    async with app.run_test(size=(120, 40)):
        grid = app.screen.query_one(TimetableGrid)
        layout = grid.grid
        labels = [layout.axis_label(row) for row in range(layout.row_count)]
        assert [label for label in labels if label][:4] == ["22:30", "23:00", "Mon 00:00", "01:00"]
        # 11:00 in New York is Monday 00:00 in Tokyo: the workshop's block starts there.
        line = grid.render_line(1 + labels.index("Mon 00:00")).text
        assert line.startswith("Mon 00:00 ")
        assert "00:00 Hands-on" in line


@pytest.mark.usefixtures("in_tokyo")
async def test_grid_within_one_local_date_keeps_its_narrow_axis(tinyconf: Program) -> None:
    app = HostApp(make_state(tinyconf), lambda v: GridScreen(v, date(2026, 3, 9)))
    async with app.run_test(size=(120, 40)):
        grid = app.screen.query_one(TimetableGrid)
        line = grid.render_line(1).text
        assert line.startswith("09:00 ")
        # Room A, after the axis and the Main Hall column.
        assert line[6 + grid.column_width :].startswith(" 09:00 Oral Session")
