"""Reminders in a running app: fired by the app's (moved) clock, with the bell, once each."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from textual.app import App, ComposeResult
from textual.widgets import Static

from confterm.clock import Clock, parse_now
from confterm.model.program import Program
from confterm.model.targets import JumpTarget
from confterm.store.bookmarks import BookmarkStore
from confterm.tui.reminder_timer import ReminderTimer, install_reminders
from confterm.tui.screens.reminders import ReminderAlert
from confterm.tui.state import AppState


class Host(App[None]):
    """Installs reminders on mount, as the real app does, and counts bells."""

    def __init__(self, state: AppState, minutes: int = 10) -> None:
        super().__init__()
        self.state = state
        self.minutes = minutes
        self.bells = 0
        self.timer: ReminderTimer | None = None

    def compose(self) -> ComposeResult:
        yield Static("host")

    def on_mount(self) -> None:
        self.timer = install_reminders(self, self.state, minutes=self.minutes)

    def bell(self) -> None:
        self.bells += 1


def make_state(program: Program, data_dir: Path, now: str) -> AppState:
    store = BookmarkStore.open(data_dir)
    store.add(program.conference.id, ["opening-keynote", "parsing-schedules", "lightning-1"])
    clock = Clock(parse_now(now, program.conference.zone), frozen=True)
    return AppState(program=program, store=store, clock=clock)


def reminders(app: App[None]) -> list[tuple[str, str]]:
    """The alert on top as (title, lines), as the notifications were before: [] when none."""
    screen = app.screen
    if not isinstance(screen, ReminderAlert):
        return []
    title, *lines = screen.text.split("\n")
    return [(title, "\n".join(lines))]


async def test_a_moved_clock_fires_each_reminder_once(
    tinyconf: Program, isolated_user_data: Path
) -> None:
    state = make_state(tinyconf, isolated_user_data, "2026-03-07T08:40")
    app = Host(state)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.timer is not None
        # 20 minutes before the keynote: nothing yet, even after the check at start.
        assert reminders(app) == []
        state.clock.advance(timedelta(minutes=11))  # 08:51
        assert [s.id for s in app.timer.check()] == ["opening-keynote"]
        await pilot.pause()
        assert reminders(app) == [
            ("Starting soon", "09:00–10:00 Opening Keynote: Terminals Forever · Main Hall")
        ]
        assert app.bells == 1
        state.clock.advance(timedelta(minutes=5))  # 08:56: already shown
        assert app.timer.check() == []
        # It stays (no timeout): still on top a long while later.
        await pilot.pause(0.5)
        assert isinstance(app.screen, ReminderAlert)
        state.clock.advance(timedelta(minutes=90))  # 10:26, the first alert never dismissed
        assert [s.id for s in app.timer.check()] == ["parsing-schedules"]
        await pilot.pause()
        # One alert, listing both (not two stacked).
        assert reminders(app) == [
            (
                "2 sessions starting soon",
                "09:00–10:00 Opening Keynote: Terminals Forever · Main Hall\n"
                "10:30–11:15 Parsing Schedules Without Tears · Room A",
            )
        ]
        assert len(app.screen_stack) == 2
        assert app.bells == 2
        await pilot.press("escape")
        assert reminders(app) == []


async def test_the_check_at_start_reminds_at_once(
    tinyconf: Program, isolated_user_data: Path
) -> None:
    state = make_state(tinyconf, isolated_user_data, "2026-03-07T10:25")
    app = Host(state, minutes=5)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert reminders(app) == [
            ("Starting soon", "10:30–11:15 Parsing Schedules Without Tears · Room A")
        ]
        assert app.bells == 1


async def test_sessions_due_together_share_one_alert_and_one_bell(
    tinyconf: Program, isolated_user_data: Path
) -> None:
    state = make_state(tinyconf, isolated_user_data, "2026-03-07T10:20")
    state.toggle(JumpTarget("session", "caches-talk"))
    app = Host(state, minutes=30)  # 10:30 and 10:45 are both due at 10:20
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert reminders(app) == [
            (
                "2 sessions starting soon",
                "10:30–11:15 Parsing Schedules Without Tears · Room A\n"
                "10:45–11:30 Clashing Talk About Caches · Room B",
            )
        ]
        assert app.bells == 1
        assert list(app._notifications) == []  # an alert that stays, not a toast that fades
