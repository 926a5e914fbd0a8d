"""The export dialog driven with Pilot: default path, format switch, write, errors, cancel."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from app_clock import AppFactory
from icalendar import Calendar
from textual.app import App, ComposeResult
from textual.widgets import Input, Select, Static

from confterm import paths
from confterm.clock import Clock
from confterm.export import render
from confterm.export.ics import sequence_at
from confterm.model.program import Program
from confterm.queries.agenda import build_agenda
from confterm.queries.index import ProgramIndex
from confterm.store.bookmarks import BookmarkStore, ItemKind
from confterm.tui.screens.export_dialog import ExportDialog
from confterm.tui.state import AppState

NOW = datetime.fromisoformat("2026-03-01T12:00:00+00:00")
MARKED = ["opening-keynote", "parsing-schedules", "caches-talk", "lightning-1"]


class Host(App[None]):
    """Pushes the dialog on mount and keeps what it dismissed with."""

    def __init__(self, state: AppState) -> None:
        super().__init__()
        self.state = state
        self.results: list[Path | None] = []

    def compose(self) -> ComposeResult:
        yield Static("host")

    def on_mount(self) -> None:
        self.push_screen(ExportDialog(self.state), self.results.append)


def make_state(program: Program, data_dir: Path) -> AppState:
    store = BookmarkStore.open(data_dir)
    store.add_items(program.conference.id, [(ItemKind.SESSION, i) for i in MARKED])
    store.add(program.conference.id, ["acme"], ItemKind.BOOTH)
    return AppState(program=program, store=store, clock=Clock(NOW, frozen=True))


def notifications(app: App[None]) -> list[str]:
    return [n.message for n in app._notifications]


async def test_default_path_follows_the_format(tinyconf: Program, isolated_user_data: Path) -> None:
    paths.documents_dir().mkdir(parents=True)
    app = Host(make_state(tinyconf, isolated_user_data))
    async with app.run_test(size=(100, 30)) as pilot:
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        field = dialog.query_one("#export-path", Input)
        assert field.value == str(paths.documents_dir() / "tinyconf-agenda.html")
        assert field.has_focus
        dialog.query_one("#export-format", Select).value = "ics"
        await pilot.pause()
        assert field.value == str(paths.documents_dir() / "tinyconf-agenda.ics")
        # A name the user typed keeps its own suffix when the format changes.
        field.value = "/somewhere/my-plan.txt"
        dialog.query_one("#export-format", Select).value = "markdown"
        await pilot.pause()
        assert field.value == "/somewhere/my-plan.txt"


async def test_write_notifies_and_dismisses_with_the_path(
    tinyconf: Program, isolated_user_data: Path, tmp_path: Path
) -> None:
    state = make_state(tinyconf, isolated_user_data)
    app = Host(state)
    target = tmp_path / "plan.md"
    target.write_text("old", encoding="utf-8")
    async with app.run_test(size=(100, 30)) as pilot:
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        dialog.query_one("#export-format", Select).value = "markdown"
        await pilot.pause()
        dialog.query_one("#export-path", Input).value = str(target)
        await pilot.click("#export-write")
        await pilot.pause()
        assert app.results == [target]
        assert not isinstance(app.screen, ExportDialog)
        assert notifications(app) == [f"Agenda written to {target}"]
    marks = state.stored_bookmarks()
    expected = render(
        build_agenda(ProgramIndex(tinyconf), marks), "markdown", tinyconf.conference.zone
    )
    assert target.read_text(encoding="utf-8") == expected
    assert "## Saturday 7 March 2026" in expected
    assert "Acme Corp (Gold) — Booth 12" in expected


async def test_enter_writes_ics_to_the_documents_folder(
    tinyconf: Program, isolated_user_data: Path
) -> None:
    paths.documents_dir().mkdir(parents=True)
    app = Host(make_state(tinyconf, isolated_user_data))
    async with app.run_test(size=(100, 30)) as pilot:
        assert isinstance(app.screen, ExportDialog)
        app.screen.query_one("#export-format", Select).value = "ics"
        await pilot.pause()
        app.screen.query_one("#export-path", Input).focus()
        await pilot.press("enter")
        await pilot.pause()
    written = paths.documents_dir() / "tinyconf-agenda.ics"
    assert app.results == [written]
    assert written.read_bytes().startswith(b"BEGIN:VCALENDAR")
    assert b"UID:opening-keynote@tinyconf.confterm" in written.read_bytes()


async def test_ics_stamps_come_from_the_real_clock_not_the_apps(
    tinyconf: Program, isolated_user_data: Path, tmp_path: Path
) -> None:
    # The app runs at --now 2026-03-01 12:00 UTC; a calendar only takes an update whose
    # SEQUENCE did not go down since the last real export, so the stamp is the real time.
    app = Host(make_state(tinyconf, isolated_user_data))
    target = tmp_path / "plan.ics"
    async with app.run_test(size=(100, 30)) as pilot:
        assert isinstance(app.screen, ExportDialog)
        app.screen.query_one("#export-format", Select).value = "ics"
        await pilot.pause()
        app.screen.query_one("#export-path", Input).value = str(target)
        before = datetime.now(UTC).replace(microsecond=0)
        await pilot.press("enter")
        await pilot.pause()
        after = datetime.now(UTC)
    calendar = Calendar.from_ical(target.read_bytes())
    events = list(calendar.walk("VEVENT"))
    assert events
    for event in events:
        stamp = event.decoded("dtstamp")
        assert before <= stamp <= after
        assert event.decoded("last-modified") == stamp
        assert event["sequence"] == sequence_at(stamp)
        assert stamp != NOW


async def test_without_a_documents_folder_the_home_directory_and_nothing_created(
    tinyconf: Program, isolated_user_data: Path
) -> None:
    home = Path.home()
    home.mkdir(parents=True)
    assert not paths.documents_dir().exists()
    app = Host(make_state(tinyconf, isolated_user_data))
    async with app.run_test(size=(100, 30)) as pilot:
        field = app.screen.query_one("#export-path", Input)
        assert field.value == str(home / "tinyconf-agenda.html")
        # The documents folder typed by hand is a missing directory like any other.
        field.value = str(paths.documents_dir() / "plan.html")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)
        error = app.screen.query_one("#export-error", Static)
        assert "does not exist" in str(error.render())
        field.value = str(home / "tinyconf-agenda.html")
        await pilot.press("enter")
        await pilot.pause()
    assert app.results == [home / "tinyconf-agenda.html"]
    assert (home / "tinyconf-agenda.html").read_text(encoding="utf-8").startswith("<!DOCTYPE")
    assert not paths.documents_dir().exists()


async def test_the_app_says_once_where_the_agenda_went(
    make_app: AppFactory, tmp_path: Path
) -> None:
    app = make_app()
    target = tmp_path / "plan.txt"
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("p")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        dialog.query_one("#export-path", Input).value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, ExportDialog)
        assert notifications(app) == [f"Agenda written to {target}"]
    assert target.exists()


async def test_errors_are_shown_and_the_dialog_stays(
    tinyconf: Program, isolated_user_data: Path, tmp_path: Path
) -> None:
    app = Host(make_state(tinyconf, isolated_user_data))
    missing = tmp_path / "no-such-dir" / "plan.html"
    async with app.run_test(size=(100, 30)) as pilot:
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        dialog.query_one("#export-path", Input).value = str(missing)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is dialog
        error = dialog.query_one("#export-error", Static)
        assert error.display
        assert f"directory {missing.parent} does not exist" in str(error.render())
        assert app.results == []
        assert notifications(app) == []
        dialog.query_one("#export-path", Input).value = str(tmp_path)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "it is a directory" in str(error.render())
        assert app.screen is dialog
    assert not missing.parent.exists()


async def test_escape_cancels(tinyconf: Program, isolated_user_data: Path) -> None:
    app = Host(make_state(tinyconf, isolated_user_data))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("escape")
        await pilot.pause()
        assert app.results == [None]
        assert not isinstance(app.screen, ExportDialog)
    assert not (paths.documents_dir() / "tinyconf-agenda.html").exists()


async def test_fits_80x24(tinyconf: Program, isolated_user_data: Path) -> None:
    app = Host(make_state(tinyconf, isolated_user_data))
    async with app.run_test(size=(80, 24)):
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        for selector in ("#export-format", "#export-path", "#export-write", "#export-keys"):
            region = dialog.query_one(selector).region
            assert region.height > 0, selector
            assert region.y >= 0
            assert region.bottom <= 24, selector
            assert region.right <= 80, selector
