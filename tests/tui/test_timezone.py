"""The zone switch on a machine far from the conference: TZ=Asia/Tokyo, tinyconf in New York,
across the US DST change of 2026-03-08 (New York is 14 h behind Tokyo before it, 13 h after)."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from datetime import date
from zoneinfo import ZoneInfo

import pytest
from app_clock import DURING, AppFactory
from finder_host import HostApp, make_view
from textual.widgets import OptionList

from confterm.model.program import Program
from confterm.timezones import local_zone
from confterm.tui.rows import SessionRow
from confterm.tui.screens.grid import GridScreen
from confterm.tui.screens.search import SearchScreen
from confterm.tui.widgets.header import ConfHeader
from confterm.tui.widgets.session_list import SessionList
from confterm.tui.widgets.timetable_grid import TimetableGrid
from confterm.tui.zone_switch import toggle_zone


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
    view = make_view(tinyconf)
    assert local_zone() == ZoneInfo("Asia/Tokyo")
    assert view.zone is tinyconf.conference.zone
    label = toggle_zone(view)
    assert view.zone == ZoneInfo("Asia/Tokyo")
    assert view.showing_local_zone
    assert label.startswith("Times in Asia/Tokyo (JST), your local zone")
    label = toggle_zone(view)
    assert view.zone is tinyconf.conference.zone
    assert label.startswith("Times in America/New_York (E")
    assert label.endswith("the conference's zone")


def test_toggle_when_the_machine_is_in_the_conference_zone(tinyconf: Program) -> None:
    view = make_view(tinyconf)
    view.local = ZoneInfo("America/New_York")
    assert toggle_zone(view).endswith("it is also your local zone")
    assert view.zone is tinyconf.conference.zone


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
    view = make_view(tinyconf)
    app = HostApp(view, SearchScreen)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press(*query)
        assert first_hit(app).startswith(f"  {conference_time} ")
        await pilot.press("escape")
        toggle_zone(view)
        app.open()
        await pilot.pause()
        await pilot.press(*query)
        assert first_hit(app).startswith(f"  {tokyo_time} ")


@pytest.mark.usefixtures("in_tokyo")
async def test_grid_in_the_local_zone(tinyconf: Program) -> None:
    view = make_view(tinyconf)
    toggle_zone(view)
    app = HostApp(view, lambda v: GridScreen(v, date(2026, 3, 8)))
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
        assert "now 00:50" in str(header.line())  # 10:50 in New York
        await pilot.press("2")  # after the DST change: 13 hours apart
        assert row_time("markup-title") == "22:30–23:30"
        await pilot.press("t")
        assert row_time("markup-title") == "09:30–10:30"
        assert "America/New_York (EST)" in str(header.line())
