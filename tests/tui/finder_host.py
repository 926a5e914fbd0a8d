"""A tiny host app for testing one of the finder screens (search, filters, grid...) alone."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from textual.app import App, ComposeResult
from textual.screen import Screen
from textual.widgets import Label

from confterm.clock import Clock
from confterm.model.program import Program
from confterm.paths import user_data_dir
from confterm.store.bookmarks import BookmarkStore
from confterm.tui.state import AppState


def make_state(program: Program, now: datetime | None = None) -> AppState:
    """A AppState over ``program`` with a store in the (isolated) user data dir."""
    return AppState(program=program, store=BookmarkStore.open(user_data_dir()), clock=Clock(now))


class HostApp(App[None]):
    """Shows a label standing for "where the user was", pushes one screen, records results."""

    def __init__(self, state: AppState, make_screen: Any) -> None:
        super().__init__()
        self.state = state
        state.attach(self)
        self.make_screen = make_screen
        self.results: list[Any] = []

    def compose(self) -> ComposeResult:
        yield Label("where the user was", id="underneath")

    def on_mount(self) -> None:
        self.open()

    def open(self) -> None:
        """Push the screen under test again."""
        screen: Screen[Any] = self.make_screen(self.state)
        self.push_screen(screen, self.results.append)
