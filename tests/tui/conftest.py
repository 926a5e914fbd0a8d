"""Fixtures for the app's tests: an app on the tiny conference with a fixed clock."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from app_clock import BEFORE, AppFactory

from confterm.clock import Clock, parse_now
from confterm.model.program import Program
from confterm.store.bookmarks import BookmarkStore
from confterm.tui.app import ConftermApp
from confterm.tui.state import AppState


@pytest.fixture
def make_app(tinyconf: Program, isolated_user_data: Path) -> AppFactory:
    """Build an app on tinyconf; ``now`` is a local time in the conference zone."""

    def factory(
        now: str = BEFORE, *, data_dir: Path | None = None, **kwargs: object
    ) -> ConftermApp:
        start: datetime = parse_now(now, tinyconf.conference.zone)
        state = AppState(
            program=tinyconf,
            store=BookmarkStore.open(data_dir or isolated_user_data),
            clock=Clock(start, frozen=True),
        )
        return ConftermApp(state, **kwargs)  # type: ignore[arg-type]

    return factory
