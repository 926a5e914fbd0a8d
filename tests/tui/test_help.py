"""The help screen's table: descriptions and binding ids never run together, lines fit 80."""

from __future__ import annotations

import re

from app_clock import AppFactory
from rich.cells import cell_len
from textual.binding import Binding
from textual.widgets import Static

from confterm.tui.screens.help import HelpScreen, help_rows

ID_AT_END = re.compile(r"[a-z]+\.[a-z_0-9…]+$")
SPACED_ID = re.compile(r"(^|  )[a-z]+\.[a-z_0-9…]+$")


def test_columns_follow_the_longest_description() -> None:
    table = help_rows(
        [
            (
                "Somewhere",
                [
                    Binding("a", "a", "A", tooltip="Short", id="x.a"),
                    Binding("b", "b", "B", tooltip="A somewhat longer description", id="x.b"),
                ],
            )
        ]
    )
    lines = table.plain.splitlines()
    a = next(line for line in lines if line.endswith("x.a"))
    b = next(line for line in lines if line.endswith("x.b"))
    assert a.index("x.a") == b.index("x.b")  # one column for the ids
    assert "A somewhat longer description  x.b" in b  # two spaces, no more


def test_a_description_too_long_puts_its_id_on_its_own_line() -> None:
    long = "A description far too long to leave room for its binding id on the same line"
    table = help_rows(
        [("Somewhere", [Binding("a", "a", "A", tooltip=long, id="x.a"), Binding("b", "b", "B")])]
    )
    lines = table.plain.splitlines()
    at = next(n for n, line in enumerate(lines) if long in line)
    assert lines[at].rstrip().endswith(long)
    assert lines[at + 1].strip() == "x.a"


async def test_help_at_80_columns(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        keys = app.screen.query_one("#help-keys", Static)
        lines = app.screen.content.plain.splitlines()
        # Nothing wraps: every line fits the box as it is drawn at 80 columns.
        assert max(cell_len(line) for line in lines) <= keys.content_size.width
        assert keys.virtual_size.height == len(lines)
        assert any(
            re.search(r"Bookmark session / mark booth to visit  +main\.bookmark$", line)
            for line in lines
        )
        for line in lines:
            if ID_AT_END.search(line):
                assert SPACED_ID.search(line), line


async def test_help_scrolls_with_j_and_k_like_every_list(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        box = app.screen.box
        assert box.max_scroll_y > 10  # more keys than fit at 80x24
        assert box.scroll_y == 0
        await pilot.press("j", "j", "j")
        await pilot.pause()
        assert box.scroll_y == 3
        await pilot.press("k")
        await pilot.pause()
        assert box.scroll_y == 2
        await pilot.press("end")
        await pilot.pause()
        assert box.scroll_y == box.max_scroll_y
        await pilot.press("home", "pagedown")
        await pilot.pause()
        assert box.scroll_y > 10
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_help_scrolls_with_the_list_keys_of_the_keymap(make_app: AppFactory) -> None:
    app = make_app(keymap={"list.down": "n", "list.up": "e"})
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark", "n", "n", "e")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, HelpScreen)
        assert screen.box.scroll_y == 1
