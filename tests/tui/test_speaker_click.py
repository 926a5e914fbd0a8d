"""A speaker's name in a session's detail opens their page: by mouse, and by ``s``.

The click is an action attached to the name's style (built from the speaker's id), so a name
that looks like markup is shown as typed and clicking it still just opens the speaker.
"""

from __future__ import annotations

import json
from pathlib import Path

from app_clock import DURING, AppFactory
from textual.app import App
from textual.widget import Widget
from textual.widgets import Label

from confterm.clock import Clock, parse_now
from confterm.model.loading import load_program_bytes
from confterm.model.program import Program
from confterm.model.targets import JumpTarget
from confterm.store.bookmarks import BookmarkStore
from confterm.tui.app import ConftermApp
from confterm.tui.screens.detail_screen import DetailScreen
from confterm.tui.screens.main import MainScreen
from confterm.tui.screens.speaker import SpeakerScreen
from confterm.tui.state import AppState
from confterm.tui.widgets.session_detail import SessionDetail

TRICKY_NAME = "[@click=app.quit]x"


def links_in(app: App[None], widget: Widget) -> dict[str, tuple[int, int]]:
    """Each click action shown in ``widget``, with the screen cell of its first character."""
    found: dict[str, tuple[int, int]] = {}
    region = widget.region
    for y in range(region.y, region.bottom):
        for x in range(region.x, region.right):
            action = app.screen.get_style_at(x, y).meta.get("@click")
            if action and action not in found:
                found[action] = (x, y)
    return found


def speaker_shown(app: App[None]) -> str:
    screen = app.screen
    assert isinstance(screen, SpeakerScreen)
    return screen.speaker_id


async def test_clicking_a_name_in_the_wide_pane_opens_that_speaker(make_app: AppFactory) -> None:
    app = make_app(DURING, reminders=False)
    async with app.run_test(size=(120, 40)) as pilot:
        main = app.screen
        assert isinstance(main, MainScreen)
        main.jump(JumpTarget("session", "textual-workshop"))
        await pilot.pause()
        detail = main.query_one("#session-detail", SessionDetail)
        assert "Ada Lovelace" in detail.text
        links = links_in(app, detail)
        assert set(links) == {
            "app.open_speaker('ada', 'textual-workshop')",
            "app.open_speaker('grace', 'textual-workshop')",
            "app.open_speaker('margaret', 'textual-workshop')",
        }
        x, y = links["app.open_speaker('grace', 'textual-workshop')"]
        await pilot.click(offset=(x + 1, y))
        await pilot.pause()
        assert speaker_shown(app) == "grace"
        # Left/right go through the session's people: speakers, then the chair.
        await pilot.press("right")
        assert speaker_shown(app) == "margaret"
        # Enter on a session of theirs goes there, back on the main screen.
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert app.screen.current_target() == JumpTarget("session", "markup-title")


async def test_in_the_detail_screen_click_and_s_open_speakers(make_app: AppFactory) -> None:
    app = make_app(DURING, reminders=False)
    async with app.run_test(size=(80, 24)) as pilot:
        main = app.screen
        assert isinstance(main, MainScreen)
        main.jump(JumpTarget("session", "future-panel"))
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen)
        detail = app.screen.query_one(SessionDetail)
        links = links_in(app, detail)
        x, y = links["app.open_speaker('linus', 'future-panel')"]
        await pilot.click(offset=(x, y))
        await pilot.pause()
        assert speaker_shown(app) == "linus"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen)
        # s: the first speaker, and left/right through the others, as on the main screen.
        await pilot.press("s")
        await pilot.pause()
        assert speaker_shown(app) == "ada"
        name = app.screen.query_one("#speaker-name", Label)
        assert str(name.content).startswith("Ada Lovelace   (1 of 3")
        await pilot.press("left")
        assert speaker_shown(app) == "margaret"


async def test_s_in_a_detail_without_speakers_says_so(make_app: AppFactory) -> None:
    app = make_app(DURING, reminders=False)
    async with app.run_test(size=(80, 24)) as pilot:
        main = app.screen
        assert isinstance(main, MainScreen)
        main.jump(JumpTarget("session", "lunch-1"))
        await pilot.pause()
        await pilot.press("enter", "s")
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen)
        assert [n.message for n in app._notifications] == ["No speakers listed for Lunch."]


async def test_s_never_stays_silent_on_a_session_without_speakers(make_app: AppFactory) -> None:
    """On the day list (both widths), in the grid, in now & next, and on a paper: either the
    speakers open or one line says why not (and names the session)."""
    from confterm.tui.screens.grid import GridScreen
    from confterm.tui.screens.now_next import NowNextScreen

    for size in [(80, 24), (120, 40)]:
        app = make_app(DURING, reminders=False)
        async with app.run_test(size=size) as pilot:
            main = app.screen
            assert isinstance(main, MainScreen)
            main.jump(JumpTarget("session", "posters-a"))
            await pilot.pause()
            await pilot.press("s")
            await pilot.pause()
            assert app.screen is main
            assert [n.message for n in app._notifications] == [
                "No speakers listed for Poster Session A; its papers' authors are in its detail."
            ]
            app.clear_notifications()
            # In the grid, on the same session.
            app.push_screen(GridScreen(app.state, main.days[0], "posters-a"))
            await pilot.pause()
            await pilot.press("s")
            await pilot.pause()
            assert isinstance(app.screen, GridScreen)
            assert [n.message for n in app._notifications][-1].startswith(
                "No speakers listed for Poster Session A"
            )
            await pilot.press("escape")
            await pilot.pause()
            # Now & next highlights the talk in progress (Grace's): s opens her page.
            await pilot.press("n")
            await pilot.pause()
            assert isinstance(app.screen, NowNextScreen)
            await pilot.press("s")
            await pilot.pause()
            assert speaker_shown(app) == "grace"
            await pilot.press("escape")
            await pilot.pause()
            # A paper has authors, not speakers: said so.
            app.clear_notifications()
            if isinstance(app.screen, NowNextScreen):
                await pilot.press("escape")
                await pilot.pause()
            main.jump(JumpTarget("paper", "fast-lists"))
            await pilot.pause()
            await pilot.press("s")
            await pilot.pause()
            assert [n.message for n in app._notifications] == [
                "s shows a session's speakers; this is a paper (its authors are in its detail)."
            ]


def tricky_program(path: Path) -> Program:
    """tinyconf with Grace's name written as Textual markup for an action."""
    data = json.loads(path.read_text(encoding="utf-8"))
    for speaker in data["speakers"]:
        if speaker["id"] == "grace":
            speaker["name"] = TRICKY_NAME
    return load_program_bytes(json.dumps(data).encode(), "tricky.json")


async def test_a_name_written_as_markup_is_literal_and_harmless(
    tinyconf_path: Path, isolated_user_data: Path
) -> None:
    program = tricky_program(tinyconf_path)
    state = AppState(
        program=program,
        store=BookmarkStore.open(isolated_user_data),
        clock=Clock(parse_now(DURING, program.conference.zone), frozen=True),
    )
    app = ConftermApp(state, reminders=False)
    async with app.run_test(size=(120, 40)) as pilot:
        main = app.screen
        assert isinstance(main, MainScreen)
        main.jump(JumpTarget("session", "parsing-schedules"))
        await pilot.pause()
        detail = main.query_one("#session-detail", SessionDetail)
        assert f"  {TRICKY_NAME} (US Navy)" in detail.text.splitlines()
        links = links_in(app, detail)
        assert list(links) == ["app.open_speaker('grace', 'parsing-schedules')"]
        x, y = links["app.open_speaker('grace', 'parsing-schedules')"]
        # Click on every character of the name: none of them quits.
        for dx in range(len(TRICKY_NAME)):
            await pilot.click(offset=(x + dx, y))
            await pilot.pause()
            assert app.is_running
            assert speaker_shown(app) == "grace"
            await pilot.press("escape")
            await pilot.pause()
        assert app.return_code is None
