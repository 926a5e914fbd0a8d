"""A speaker's sessions (as speaker and chair) and papers; Enter jumps, Esc goes back."""

from __future__ import annotations

from app_clock import DURING, AppFactory
from finder_host import HostApp, make_state
from row_text import drawn_rows
from textual.widgets import Label

from confterm.model.program import Program
from confterm.model.targets import JumpTarget
from confterm.queries.index import ProgramIndex
from confterm.tui.screens.speaker import SpeakerScreen
from confterm.tui.widgets.row_list import RowList
from confterm.tui.widgets.session_list import SessionList


def listing(app: HostApp) -> list[str]:
    return drawn_rows(app.screen.query_one("#speaker-list", RowList))


def test_sessions_and_papers_of_a_speaker(tinyconf: Program) -> None:
    index = ProgramIndex(tinyconf)
    assert [(s.id, role) for s, role in index.sessions_of_person("margaret")] == [
        ("markup-title", "speaker"),
        ("textual-workshop", "chair"),
        ("future-panel", "speaker"),
        ("closing-keynote", "speaker"),
    ]
    assert [p.id for p in index.papers_of_person("margaret")] == ["timezone-pain"]
    assert [p.id for p in index.papers_of_person("ada")] == ["orphan-paper"]
    assert index.papers_of_person("nobody") == []


async def test_speaker_screen_lists_and_jumps(tinyconf: Program) -> None:
    app = HostApp(make_state(tinyconf), lambda state: SpeakerScreen(state, "grace"))
    async with app.run_test(size=(120, 30)) as pilot:
        assert str(app.screen.query_one("#speaker-name", Label).content) == "Grace Hopper"
        assert str(app.screen.query_one("#speaker-about", Label).content) == "US Navy"
        shown = listing(app)
        assert shown[0] == "Sessions"
        # Dated (a speaker's sessions span days), with the room and who speaks.
        assert shown[1].startswith("   Sat 7 Mar 10:30–11:15 Oral      Parsing Schedules")
        assert "Room A" in shown[1]
        assert "Hands-on Textual Workshop" in shown[2]
        assert shown[3].endswith("chair")  # the role, where now & next says time left
        assert "Oral Session: Systems" in shown[3]
        assert shown[4] == "Papers"
        assert shown[5].startswith(" Fast Lists for Slow Terminals")
        assert shown[5].endswith("Sat 7 Mar 14:00–16:00")  # when it is presented
        await pilot.press("down", "enter")
        assert app.results == [JumpTarget("session", "textual-workshop")]
        app.open()
        await pilot.pause()
        await pilot.press("end", "enter")
        assert app.results[1] == JumpTarget("paper", "fast-lists")
        app.open()
        await pilot.pause()
        await pilot.press("escape")
        assert app.results[2] is None


async def test_an_unknown_speaker(tinyconf: Program) -> None:
    app = HostApp(make_state(tinyconf), lambda state: SpeakerScreen(state, "ghost"))
    async with app.run_test(size=(80, 24)) as pilot:
        assert listing(app) == ["No sessions or papers."]
        await pilot.press("enter", "escape")
        assert app.results == [None]


async def test_cycling_through_the_people_of_a_session(tinyconf: Program) -> None:
    people = ["ada", "grace", "margaret"]
    app = HostApp(make_state(tinyconf), lambda state: SpeakerScreen(state, "grace", people))
    async with app.run_test(size=(120, 30)) as pilot:
        name = app.screen.query_one("#speaker-name", Label)
        assert str(name.content).startswith("Grace Hopper   (2 of 3")
        await pilot.press("right")
        assert str(name.content).startswith("Margaret Hamilton   (3 of 3")
        assert "Time Zones Considered Harmful" in listing(app)[-1]
        await pilot.press("right")
        assert str(name.content).startswith("Ada Lovelace   (1 of 3")
        await pilot.press("left", "left")
        assert str(name.content).startswith("Grace Hopper")
        await pilot.press("right")
        assert str(name.content).startswith("Margaret Hamilton")
        await pilot.press("enter")
        assert app.results == [JumpTarget("session", "markup-title")]


async def test_s_opens_the_speakers_of_the_highlighted_session(make_app: AppFactory) -> None:
    app = make_app(DURING)  # Day 1, "Parsing Schedules Without Tears" highlighted
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("s")
        assert isinstance(app.screen, SpeakerScreen)
        assert app.screen.speaker_id == "grace"
        await pilot.press("down", "enter")  # her workshop, on day 2
        await pilot.pause()
        assert app.main.query_one(SessionList).current_target == JumpTarget(
            "session", "textual-workshop"
        )
        await pilot.press("s")
        assert isinstance(app.screen, SpeakerScreen)
        assert app.screen.people == ["ada", "grace", "margaret"]
        await pilot.press("escape")
        await pilot.press("1", "up", "up")  # the registration has no speakers
        await pilot.press("s")
        assert not isinstance(app.screen, SpeakerScreen)


async def test_b_bookmarks_a_session_and_stars_a_paper_of_the_speaker(tinyconf: Program) -> None:
    state = make_state(tinyconf)
    app = HostApp(state, lambda state: SpeakerScreen(state, "grace"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("down", "b")  # her workshop
        await pilot.pause()
        assert set(state.bookmarks) == {"textual-workshop"}
        assert listing(app)[2].startswith("★")
        assert not listing(app)[1].startswith("★")
        # The highlight stays on the row just bookmarked.
        assert app.screen.highlighted_target == JumpTarget("session", "textual-workshop")
        await pilot.press("end", "space")  # her paper: starred, its session left alone
        await pilot.pause()
        assert set(state.starred) == {"fast-lists"}
        assert set(state.bookmarks) == {"textual-workshop"}
        assert listing(app)[5].startswith("★")
        await pilot.press("b")
        await pilot.pause()
        assert set(state.starred) == set()
        assert app.results == []  # still open
