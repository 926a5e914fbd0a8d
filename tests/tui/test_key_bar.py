"""The key bar at the bottom: the screen's keys on one line, clickable, redrawn in place."""

from __future__ import annotations

from typing import ClassVar

import pytest
from app_clock import DURING, AppFactory
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.dom import DOMNode
from textual.widgets import Static

from confterm.tui.widgets.active_keys import ActiveKey, BindingsShapeChanged, active_keys
from confterm.tui.widgets.key_bar import KeyBar


def _text(bar: KeyBar) -> str:
    return bar.render_line(0).text


async def test_the_main_screen_shows_its_keys_and_the_palette_on_the_right(
    make_app: AppFactory,
) -> None:
    app = make_app(DURING, reminders=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        bar = app.main.query_one(KeyBar)
        text = _text(bar)
        assert len(text) == 80
        assert text.startswith("←→ Day b Bookmark a Agenda / Search B Booths P Papers")
        assert text.rstrip().endswith("▏^p palette")
        assert "? Help q Quit" in text


async def test_a_click_on_a_key_presses_it(make_app: AppFactory) -> None:
    app = make_app(DURING, reminders=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        bar = app.main.query_one(KeyBar)
        x = _text(bar).index("B Booths")
        await pilot.click(KeyBar, offset=(x + 3, 0))
        await pilot.pause()
        assert app.main.current_tab == "booths"
        x = _text(bar).index("^p palette")
        await pilot.click(KeyBar, offset=(x, 0))
        await pilot.pause()
        assert type(app.screen).__name__ == "CommandPalette"


class _Host(App[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("x", "record('x')", "Ex", tooltip="Records x"),
        Binding("y", "record('y')", "Why"),
        Binding("z", "record('z')", "Zed", show=False),
        Binding("w", "record('w')", "Double-you"),
    ]

    def __init__(self, *, compact: bool = False) -> None:
        super().__init__()
        self.pressed: list[str] = []
        self.compact = compact
        self.y_enabled = True

    def compose(self) -> ComposeResult:
        yield Static("body")
        yield KeyBar(compact=self.compact)

    def action_record(self, what: str) -> None:
        self.pressed.append(what)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "record" and parameters == ("y",) and not self.y_enabled:
            return None  # shown dimmed, and a click only rings the bell
        return True


async def test_keys_are_drawn_padded_or_compact() -> None:
    app = _Host()
    async with app.run_test(size=(60, 3)):
        text = _text(app.query_one(KeyBar))
        assert text.startswith(" x Ex  y Why  w Double-you ")
        assert "Zed" not in text  # not shown
    app = _Host(compact=True)
    async with app.run_test(size=(60, 3)):
        assert _text(app.query_one(KeyBar)).startswith("x Ex y Why w Double-you ")


async def test_a_disabled_key_is_dimmed_and_its_click_does_nothing() -> None:
    app = _Host()
    async with app.run_test(size=(60, 3)) as pilot:
        bar = app.query_one(KeyBar)
        app.y_enabled = False
        app.refresh_bindings()
        await pilot.pause()
        keys, _ = bar.entries()
        assert [entry.enabled for entry in keys] == [True, False, True]
        styles = [s.style for s in bar.render_line(0) if s.text.strip() == "Why"]
        assert len(styles) == 1
        assert styles[0] is not None
        assert styles[0].dim
        await pilot.click(KeyBar, offset=(_text(bar).index("Why"), 0))
        await pilot.click(KeyBar, offset=(_text(bar).index("Ex"), 0))
        await pilot.pause()
        assert app.pressed == ["x"]


async def test_hovering_a_key_shows_its_tooltip() -> None:
    app = _Host()
    async with app.run_test(size=(60, 3)) as pilot:
        bar = app.query_one(KeyBar)
        await pilot.hover(KeyBar, offset=(_text(bar).index("Ex"), 0))
        assert bar.tooltip == "Records x"
        await pilot.hover(KeyBar, offset=(_text(bar).index("Why"), 0))
        assert bar.tooltip == "Why"  # no tooltip: the description


async def test_keys_that_do_not_fit_are_left_out_whole() -> None:
    app = _Host()
    async with app.run_test(size=(30, 3)):
        text = _text(app.query_one(KeyBar))
        assert len(text) == 30
        assert text.startswith(" x Ex  y Why ")
        assert "Double" not in text  # not cut to "Dou…"
        assert text.rstrip().endswith("▏^p palette")


async def test_the_tooltip_goes_when_the_pointer_leaves_or_the_keys_change() -> None:
    app = _Host()
    async with app.run_test(size=(60, 3)) as pilot:
        bar = app.query_one(KeyBar)
        await pilot.hover(KeyBar, offset=(_text(bar).index("Ex"), 0))
        assert bar.tooltip == "Records x"
        await pilot.hover(Static)
        assert bar.tooltip is None
        await pilot.hover(KeyBar, offset=(_text(bar).index("Ex"), 0))
        app.refresh_bindings()  # the keys may move under the pointer
        await pilot.pause()
        assert bar.tooltip is None
        await pilot.hover(KeyBar, offset=(35, 0))  # an empty cell
        assert bar.tooltip is None


async def test_textual_still_describes_active_bindings_as_the_adapter_reads_them() -> None:
    """Textual's ``active_bindings`` is read in one place (widgets/active_keys.py); if an
    upgrade changes its shape, this fails before the key bar silently shows nothing."""
    app = _Host()
    async with app.run_test(size=(60, 3)) as pilot:
        app.y_enabled = False
        app.refresh_bindings()
        await pilot.pause()
        raw = app.screen.active_bindings
        assert raw, "Textual no longer lists the screen's active bindings"
        for key, active in raw.items():
            assert isinstance(active, tuple), f"{key}: {active!r} is not a tuple any more"
            assert len(active) == 4, f"{key}: {active!r} is not (node, binding, enabled, tooltip)"
            node, binding, enabled, tooltip = active
            assert isinstance(node, DOMNode)
            assert isinstance(binding, Binding)
            assert isinstance(enabled, bool)
            assert isinstance(tooltip, str)
        keys = active_keys(app.screen)
        x = keys["x"]
        assert isinstance(x, ActiveKey)
        assert (x.binding.action, x.enabled, x.tooltip) == ("record('x')", True, "Records x")
        assert keys["y"].enabled is False
        assert keys["z"].binding.show is False


def test_the_adapter_refuses_a_shape_it_does_not_know() -> None:
    class Changed:
        active_bindings: ClassVar[dict[str, tuple[object, ...]]] = {
            "x": (None, Binding("x", "go", "Go"), True)  # a field less
        }

    with pytest.raises(BindingsShapeChanged, match="not 4 fields"):
        active_keys(Changed())  # type: ignore[arg-type]
