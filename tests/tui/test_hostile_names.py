"""The app on a hostile program: a conference short name (and every title) carrying OSC 52
clipboard and OSC 0 title sequences, C1 controls, bidi overrides and Rich markup. The grid and
now & next show it literally, and nothing from it reaches the screen as a control."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

from textual.widgets import Label

from confterm.clock import Clock
from confterm.model.loading import load_program_file
from confterm.store.bookmarks import BookmarkStore
from confterm.tui.app import ConftermApp
from confterm.tui.screens.grid import GridScreen
from confterm.tui.screens.now_next import NowNextScreen
from confterm.tui.state import AppState

HOSTILE = Path(__file__).resolve().parents[1] / "data" / "hostile.json"
SHORT_NAME = "[bold red]X[/]TinyConf[bold red]X[/]"
_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _app(data_dir: Path, keymap: dict[str, str] | None = None) -> ConftermApp:
    program = load_program_file(HOSTILE)
    start = datetime.fromisoformat("2026-03-07T10:40:00-05:00")
    state = AppState(
        program=program, store=BookmarkStore.open(data_dir), clock=Clock(start, frozen=True)
    )
    return ConftermApp(state, reminders=False, keymap=keymap)


def _assert_screen_safe(app: ConftermApp) -> str:
    screenshot = app.export_screenshot()
    assert "PWNED" not in screenshot
    assert "aGFja2Vk" not in screenshot
    assert _UNSAFE.search(screenshot) is None
    return screenshot


async def test_grid_and_now_next_show_a_hostile_short_name_literally(
    isolated_user_data: Path,
) -> None:
    app = _app(isolated_user_data)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        _assert_screen_safe(app)
        await pilot.press("g")
        await pilot.pause()
        assert isinstance(app.screen, GridScreen)
        title = str(app.screen.query_one("#grid-title", Label).content)
        assert title.startswith(f"{SHORT_NAME} · ")
        _assert_screen_safe(app)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, NowNextScreen)
        shown = _assert_screen_safe(app)
        # The session on now, its title's markup kept as text.
        assert "Parsing" in shown
        app.notify(f"{SHORT_NAME} \x1b]0;PWNED\x07", title="[b]t[/b]")
        await pilot.pause()
        notification = list(app._notifications)[-1]
        assert notification.message == f"{SHORT_NAME} "
        assert notification.markup is False
        _assert_screen_safe(app)


async def test_a_hostile_keymap_is_named_once_and_the_default_keys_work(
    isolated_user_data: Path, tmp_path: Path
) -> None:
    from confterm.tui.keymap import load_keymap

    path = tmp_path / "keymap.toml"
    path.write_text(
        '"main.grid" = "[bold]x[/]"\n"main.now_next" = "\\u001b]0;PWNED\\u0007"\n'
        '"\\u001b]52;c;aGFja2Vk\\u0007" = "z"\n'
    )
    keymap, problem = load_keymap(path)
    assert keymap == {}
    assert problem is not None
    assert problem.isprintable()
    assert "PWNED" not in problem
    app = ConftermApp(_app(isolated_user_data).state, reminders=False, notices=[problem])
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert [n.message for n in app._notifications] == [problem]
        await pilot.press("g")
        await pilot.pause()
        assert isinstance(app.screen, GridScreen)
        _assert_screen_safe(app)
