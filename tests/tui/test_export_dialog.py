"""The export dialog driven with Pilot: default path, format switch, write, errors, cancel."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from app_clock import DURING, AppFactory
from icalendar import Calendar
from textual.app import App, ComposeResult
from textual.pilot import Pilot
from textual.widgets import Button, Input, Select, Static

from confterm import paths
from confterm.clock import Clock
from confterm.export import ExportOptions, render
from confterm.export.calendar_file import Registration, register
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

    def __init__(self, state: AppState, dialog: ExportDialog | None = None) -> None:
        super().__init__()
        self.state = state
        self.dialog = dialog or ExportDialog(state)
        self.results: list[Path | None] = []

    def compose(self) -> ComposeResult:
        yield Static("host")

    def on_mount(self) -> None:
        self.push_screen(self.dialog, self.results.append)


def make_state(program: Program, data_dir: Path) -> AppState:
    store = BookmarkStore.open(data_dir)
    store.add_items(program.conference.id, [(ItemKind.SESSION, i) for i in MARKED])
    store.add(program.conference.id, ["acme"], ItemKind.BOOTH)
    return AppState(program=program, store=store, clock=Clock(NOW, frozen=True))


async def settle(pilot: Pilot[None]) -> None:
    """Let the dialog's write worker finish and its result reach the screen."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


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
        await settle(pilot)
        assert field.value == str(paths.documents_dir() / "tinyconf-agenda.ics")
        # A name the user typed keeps its own suffix when the format changes.
        field.value = "/somewhere/my-plan.txt"
        dialog.query_one("#export-format", Select).value = "markdown"
        await settle(pilot)
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
        await settle(pilot)
        dialog.query_one("#export-path", Input).value = str(target)
        await pilot.click("#export-write")
        await settle(pilot)
        assert app.results == []  # it asked first: the file exists
        await pilot.pause(0.3)  # a button ignores clicks while it shows the last one
        await pilot.click("#export-write")
        await settle(pilot)
        assert app.results == [target]
        assert not isinstance(app.screen, ExportDialog)
        assert notifications(app) == [f"Agenda written to {target}"]
    marks = state.stored_bookmarks()
    written = target.read_text(encoding="utf-8")
    # The "made from" line names the moment of writing: compare the rest.
    expected = render(
        build_agenda(ProgramIndex(tinyconf), marks),
        "markdown",
        tinyconf.conference.zone,
        ExportOptions(),
    )
    assert written.split("\n")[3:] == expected.split("\n")[3:]
    assert "*Made from Tiny Conference 2026; exported " in written
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
        await settle(pilot)
        app.screen.query_one("#export-path", Input).focus()
        await pilot.press("enter")
        await settle(pilot)
    written = paths.documents_dir() / "tinyconf-agenda.ics"
    assert app.results == [written]
    assert written.read_bytes().startswith(b"BEGIN:VCALENDAR")
    assert b"UID:opening-keynote@tinyconf.confterm" in written.read_bytes()


async def test_ics_stamps_come_from_the_real_clock_and_carry_the_alarm(
    tinyconf: Program, isolated_user_data: Path, tmp_path: Path
) -> None:
    # The app runs at --now 2026-03-01 12:00 UTC; DTSTAMP is the real time of the export.
    state = make_state(tinyconf, isolated_user_data)
    target = tmp_path / "plan.ics"

    async def export_once() -> None:
        app = Host(state, ExportDialog(state, alarm_minutes=25))
        async with app.run_test(size=(100, 30)) as pilot:
            assert isinstance(app.screen, ExportDialog)
            app.screen.query_one("#export-format", Select).value = "ics"
            await settle(pilot)
            assert app.screen.query_one("#export-alarm", Input).value == "25"
            app.screen.query_one("#export-path", Input).value = str(target)
            await pilot.press("enter")
            await settle(pilot)
            if target.exists() and isinstance(app.screen, ExportDialog):
                await pilot.press("enter")  # replace the first export
                await settle(pilot)

    before = datetime.now(UTC).replace(microsecond=0)
    await export_once()
    first = Calendar.from_ical(target.read_bytes())
    await export_once()
    after = datetime.now(UTC)
    second = Calendar.from_ical(target.read_bytes())
    events = list(second.walk("VEVENT"))
    assert events
    sequences = {str(e["UID"]): e["SEQUENCE"] for e in first.walk("VEVENT")}
    for event in events:
        stamp = event.decoded("dtstamp")
        assert before <= stamp <= after
        assert stamp != NOW
        # Nothing changed between the two exports: the sequence stays.
        assert event["SEQUENCE"] == sequences[str(event["UID"])] == 0
        alarms = event.walk("VALARM")
        assert [a.decoded("TRIGGER") for a in alarms] == [timedelta(minutes=-25)]


async def test_an_existing_file_is_replaced_only_after_asking(
    tinyconf: Program, isolated_user_data: Path, tmp_path: Path
) -> None:
    target = tmp_path / "plan.txt"
    target.write_text("keep me", encoding="utf-8")
    app = Host(make_state(tinyconf, isolated_user_data))
    async with app.run_test(size=(100, 30)) as pilot:
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        dialog.query_one("#export-path", Input).value = str(target)
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is dialog
        question = str(dialog.query_one("#export-error", Static).render())
        assert f"{target} exists. Replace it?" in question
        assert str(dialog.query_one("#export-write", Button).label) == "Replace"
        assert target.read_text(encoding="utf-8") == "keep me"
        # Changing the path (even back) asks again.
        dialog.query_one("#export-path", Input).value = str(target) + " "
        await settle(pilot)
        dialog.query_one("#export-path", Input).value = str(target)
        await settle(pilot)
        assert str(dialog.query_one("#export-write", Button).label) == "Write"
        await pilot.press("enter")
        await settle(pilot)
        assert target.read_text(encoding="utf-8") == "keep me"
        await pilot.press("enter")
        await settle(pilot)
    assert app.results == [target]
    assert target.read_text(encoding="utf-8").startswith("My agenda: Tiny Conference 2026")


async def test_whole_program_and_one_day_scopes(
    tinyconf: Program, isolated_user_data: Path, tmp_path: Path
) -> None:
    state = make_state(tinyconf, isolated_user_data)
    for scope, present, absent in (
        ("program", "Registration", None),
        # One day of my agenda, like 'confterm agenda --day'.
        ("day:2026-03-07", "Opening Keynote", "Hands-on Textual Workshop"),
    ):
        target = tmp_path / f"{scope.replace(':', '-')}.txt"
        app = Host(state)
        async with app.run_test(size=(100, 30)) as pilot:
            dialog = app.screen
            assert isinstance(dialog, ExportDialog)
            dialog.query_one("#export-scope", Select).value = scope
            dialog.query_one("#export-path", Input).value = str(target)
            await settle(pilot)
            await pilot.press("enter")
            await settle(pilot)
        text = target.read_text(encoding="utf-8")
        assert present in text
        if absent:
            assert absent not in text


async def test_an_empty_agenda_is_warned_about(tinyconf: Program, isolated_user_data: Path) -> None:
    state = AppState(program=tinyconf, store=BookmarkStore.open(isolated_user_data))
    app = Host(state)
    async with app.run_test(size=(100, 30)) as pilot:
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        warning = dialog.query_one("#export-warning", Static)
        assert warning.display
        assert "Nothing bookmarked yet" in str(warning.render())
        dialog.query_one("#export-scope", Select).value = "program"
        await settle(pilot)
        assert not warning.region.height


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
        await settle(pilot)
        assert isinstance(app.screen, ExportDialog)
        error = app.screen.query_one("#export-error", Static)
        assert "does not exist" in str(error.render())
        field.value = str(home / "tinyconf-agenda.html")
        await pilot.press("enter")
        await settle(pilot)
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
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        dialog.query_one("#export-path", Input).value = str(target)
        await pilot.press("enter")
        await settle(pilot)
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
        await settle(pilot)
        assert app.screen is dialog
        error = dialog.query_one("#export-error", Static)
        assert error.display
        assert f"directory {missing.parent} does not exist" in str(error.render())
        assert app.results == []
        assert notifications(app) == []
        dialog.query_one("#export-path", Input).value = str(tmp_path)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "it is a directory" in str(error.render())
        assert app.screen is dialog
    assert not missing.parent.exists()


async def test_escape_cancels(tinyconf: Program, isolated_user_data: Path) -> None:
    app = Host(make_state(tinyconf, isolated_user_data))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("escape")
        await settle(pilot)
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


async def test_bookmarking_in_the_app_rewrites_the_calendar_file(
    make_app: AppFactory, isolated_user_data: Path, tmp_path: Path
) -> None:
    calendar = tmp_path / "me.ics"
    app = make_app(DURING)
    state = app.state
    # Registered as `confterm calendar` does, from another process.
    with BookmarkStore.open(isolated_user_data) as other:
        register(other, isolated_user_data, state.index, Registration(calendar, None, 10))

    def uids() -> set[str]:
        return {str(e["UID"]) for e in Calendar.from_ical(calendar.read_bytes()).walk("VEVENT")}

    assert uids() == set()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("b")  # the session under the cursor at DURING: parsing-schedules
        await pilot.pause()
        assert uids() == {"parsing-schedules@tinyconf.confterm"}
        await pilot.press("b")
        await pilot.pause()
        assert uids() == set()
