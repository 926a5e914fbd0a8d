"""The day view opens at now during the conference: the session in progress near the top,
marked, with the now-line and what follows on screen; ``x`` (clear filters) comes back there.

A long day (a congress: four rooms, a talk every hour from 09:00 to 23:00) shows what the
tiny fixture cannot: before, the session in progress was the last visible row (31C3 at 21:00).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from confterm.clock import Clock, parse_now
from confterm.model.loading import load_program_bytes
from confterm.model.program import Program
from confterm.present.rows import NowLine, SessionRow
from confterm.queries.filters import Filters
from confterm.store.bookmarks import BookmarkStore
from confterm.tui.app import ConftermApp
from confterm.tui.state import AppState
from confterm.tui.widgets.session_list import SessionList

SIZES = [(80, 24), (120, 40)]
ROOMS = ["Saal 1", "Saal 2", "Saal G", "Saal 6"]
HOURS = range(9, 23)  # a talk starting every hour, 09:00 to 22:00, in each room


def congress() -> Program:
    """Two days of a congress: hour-long talks in four rooms, every one with a speaker."""
    sessions = []
    for day in ("2014-12-27", "2014-12-28"):
        for hour in HOURS:
            for n, room in enumerate(ROOMS):
                sessions.append(
                    {
                        "id": f"{day}-{hour}-{n}",
                        "title": f"Talk {hour}:00 in {room} on {day}",
                        "kind": "talk",
                        "day": day,
                        "start": f"{day}T{hour:02}:00:00+01:00",
                        "end": f"{day}T{hour:02}:50:00+01:00",
                        "room": f"room-{n}",
                        "track": "hacking",
                        "speakers": [f"speaker-{n}"],
                    }
                )
    program = {
        "format": "confterm/1",
        "conference": {
            "id": "congress",
            "name": "A Congress",
            "short_name": "Congress",
            "start_date": "2014-12-27",
            "end_date": "2014-12-28",
            "timezone": "Europe/Berlin",
        },
        "rooms": [{"id": f"room-{n}", "name": name} for n, name in enumerate(ROOMS)],
        "tracks": [{"id": "hacking", "name": "Hacking"}],
        "speakers": [{"id": f"speaker-{n}", "name": f"Speaker {n}"} for n in range(len(ROOMS))],
        "sessions": sessions,
        "papers": [],
        "booths": [],
    }
    return load_program_bytes(json.dumps(program).encode(), "congress.json")


def make_congress_app(now: str, data_dir: Path) -> ConftermApp:
    program = congress()
    state = AppState(
        program=program,
        store=BookmarkStore.open(data_dir),
        clock=Clock(parse_now(now, program.conference.zone), frozen=True),
    )
    return ConftermApp(state, reminders=False)


def visible_rows(sessions: SessionList) -> list[int]:
    """The indexes of the rows with a line on screen."""
    top = sessions.scroll_offset.y
    height = sessions.scrollable_content_region.height
    return sorted({sessions.row_at(line)[0] for line in range(top, top + height)})


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_opens_with_the_session_in_progress_on_top_and_what_follows(
    isolated_user_data: Path, size: tuple[int, int]
) -> None:
    app = make_congress_app("2014-12-27T15:10:30", isolated_user_data)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        sessions = app.main.query_one(SessionList)
        row = sessions.current_row
        assert isinstance(row, SessionRow)
        assert row.session_id == "2014-12-27-15-0"  # the 15:00 talk in the first room
        assert row.in_progress
        shown = visible_rows(sessions)
        # Its heading (15:00) is the first line on screen: nothing of the morning above it.
        assert shown[0] == sessions.cursor - 1
        # The now-line is on screen, and the first talk after it too.
        now_index = sessions.rows.now_index  # type: ignore[attr-defined]
        assert isinstance(sessions.rows[now_index], NowLine)
        assert now_index + 2 in shown
        following = sessions.rows[now_index + 2]
        assert isinstance(following, SessionRow)
        assert following.time.startswith("16:00")
        assert not following.in_progress
        # The session in progress is marked on screen (▶ before its time), the next is not.
        line = sessions.render_line(sessions.line_of(sessions.cursor) - sessions.scroll_offset.y)
        assert "▶15:00–15:50" in line.text
        after = sessions.line_of(now_index + 2) - sessions.scroll_offset.y
        assert "▶" not in sessions.render_line(after).text


@pytest.mark.parametrize(
    "rooms",
    [{"room-3"}, {"no-such-room"}],  # some sessions left; none (an empty list, no scrollbar)
    ids=["some-left", "none-left"],
)
async def test_clearing_the_filters_returns_to_now(
    isolated_user_data: Path, rooms: set[str]
) -> None:
    app = make_congress_app("2014-12-27T15:10:30", isolated_user_data)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.state.set_filters(Filters(rooms=frozenset(rooms)))
        await pilot.pause()
        sessions = app.main.query_one(SessionList)
        await pilot.press("home")  # the user wanders to the morning
        await pilot.pause()
        assert sessions.scroll_offset.y == 0
        await pilot.press("x")
        await pilot.pause()
        assert not app.state.filters.is_active
        row = sessions.current_row
        assert isinstance(row, SessionRow)
        assert row.session_id == "2014-12-27-15-0"
        shown = visible_rows(sessions)
        assert shown[0] == sessions.cursor - 1
        assert sessions.rows.now_index in shown  # type: ignore[attr-defined]


async def test_other_days_open_at_their_start(isolated_user_data: Path) -> None:
    app = make_congress_app("2014-12-27T15:10:30", isolated_user_data)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("right")
        await pilot.pause()
        sessions = app.main.query_one(SessionList)
        assert sessions.scroll_offset.y == 0
        row = sessions.current_row
        assert isinstance(row, SessionRow)
        assert row.time.startswith("09:00")
        assert not row.in_progress
