"""The export dialog (``p``): what to export (my agenda, the whole program or one day), the
format, the alarm for a calendar, and the file; then write it.

It dismisses with the written :class:`~pathlib.Path`, or None when cancelled. The file is
written atomically; an existing file is only replaced after the dialog asked (the write key a
second time answers yes; editing the path or format asks again). Any failure (missing
directory, permission, damaged bookmark store) is shown inside the dialog, which stays open so
the path can be corrected. No directory is ever created (the CLI's ``-o`` rule): the default
path is ``<documents>/<conference id>-agenda.<ext>`` when the documents folder exists, else in
the home directory, and follows the chosen format's extension.

Building, rendering and writing run in a worker thread (a whole program of 50,000 sessions
takes seconds); the dialog says it is writing and stays responsive. The file formats are the
export package's business: this screen only names them.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from functools import partial
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static
from textual.worker import Worker, WorkerState

from confterm import paths
from confterm.errors import ConftermError
from confterm.export import (
    BY_EXTENSION,
    EXTENSIONS,
    FORMATS,
    LABELS,
    default_file_name,
    render_bytes,
)
from confterm.export.files import write_export
from confterm.present.formatting import day_label
from confterm.queries.agenda import Agenda, build_agenda
from confterm.store.catalog import program_origin
from confterm.tui.state import AppState

DEFAULT_FORMAT = "html"
_WORKER_GROUP = "export-write"
#: The scopes besides one day ("day:YYYY-MM-DD").
MY_AGENDA, WHOLE_PROGRAM = "agenda", "program"


def default_directory() -> Path:
    """The documents folder when there is one, else the home directory (never created)."""
    documents = paths.documents_dir()
    return documents if documents.is_dir() else Path.home()


class ExportError(Exception):
    """A reason the agenda cannot be written, shown in the dialog."""


class ExportDialog(ModalScreen[Path | None]):
    """Pick what, a format and a path; write the agenda there."""

    DEFAULT_CSS = """
    ExportDialog { align: center middle; }
    ExportDialog > Vertical {
        width: 76; max-width: 100%; height: auto; max-height: 100%;
        border: thick $accent; background: $surface; padding: 0 1;
    }
    ExportDialog .row { height: auto; }
    ExportDialog .row Label { width: 8; padding-top: 1; }
    ExportDialog .row Select, ExportDialog .row Input { width: 1fr; }
    ExportDialog #export-alarm { width: 12; }
    ExportDialog #export-alarm-note { width: 1fr; padding: 1 0 0 1; color: $text-muted; }
    ExportDialog #alarm-row.-hidden { display: none; }
    ExportDialog .error { color: $error; height: auto; }
    ExportDialog .warning { color: $warning; height: auto; }
    ExportDialog .-empty { display: none; }
    ExportDialog #export-buttons { height: auto; align-horizontal: right; }
    ExportDialog Button { margin-left: 1; }
    ExportDialog #export-keys { color: $text-muted; height: 1; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="export.cancel"),
        Binding("ctrl+s", "write", "Write", id="export.write"),
    ]

    def __init__(
        self,
        state: AppState,
        format: str = DEFAULT_FORMAT,
        *,
        alarm_minutes: int = 10,
        data_dir: Path | None = None,
    ) -> None:
        """``alarm_minutes``: the calendar alarm offered (the app's reminder setting)."""
        super().__init__()
        self.state = state
        self.format = format if format in FORMATS else DEFAULT_FORMAT
        self.alarm_minutes = alarm_minutes
        self.data_dir = data_dir or paths.user_data_dir()
        self.scope = MY_AGENDA
        self._confirmed: Path | None = None  # the existing file the user agreed to replace

    def default_path(self, format: str) -> Path:
        """Where ``format`` goes unless the user says otherwise."""
        return default_directory() / default_file_name(self.state.conference_id, format)

    def compose(self) -> ComposeResult:
        days = self.state.index.days
        scopes = [("My agenda", MY_AGENDA), ("Whole program", WHOLE_PROGRAM)]
        scopes += [(f"One day: {day_label(d)}", f"day:{d.isoformat()}") for d in days]
        with Vertical() as box:
            box.border_title = "Export"
            with Horizontal(classes="row"):
                yield Label("What")
                yield Select(scopes, value=self.scope, allow_blank=False, id="export-scope")
            with Horizontal(classes="row"):
                yield Label("Format")
                yield Select(
                    [(LABELS[f], f) for f in FORMATS],
                    value=self.format,
                    allow_blank=False,
                    id="export-format",
                )
            with Horizontal(classes="row", id="alarm-row"):
                yield Label("Alarm")
                yield Input(str(self.alarm_minutes), type="integer", id="export-alarm")
                yield Static("minutes before each session (empty: none)", id="export-alarm-note")
            with Horizontal(classes="row"):
                yield Label("File")
                yield Input(str(self.default_path(self.format)), id="export-path")
            yield Static("", id="export-warning", classes="warning -empty", markup=False)
            yield Static("", id="export-error", classes="error -empty", markup=False)
            with Horizontal(id="export-buttons"):
                yield Button("Write", id="export-write", variant="primary")
                yield Button("Cancel", id="export-cancel")
            keys = self.state.keys
            write, cancel = keys("export.write", "Ctrl+S"), keys("export.cancel", "Esc")
            yield Static(
                f"Enter or {write} writes · {cancel} cancels · Tab moves", id="export-keys"
            )

    def on_mount(self) -> None:
        self._show_alarm()
        self._check_empty()
        self.query_one("#export-path", Input).focus()

    @property
    def path_text(self) -> str:
        """What the path field holds."""
        return self.query_one("#export-path", Input).value

    # -- reacting to the fields -------------------------------------------------------------

    @on(Select.Changed, "#export-format")
    def _format_changed(self, event: Select.Changed) -> None:
        new = str(event.value)
        if new == self.format or new not in FORMATS:
            return
        field = self.query_one("#export-path", Input)
        path = Path(field.value)
        # Only a suffix we chose is swapped; a name the user typed without it is theirs.
        if path.suffix == f".{EXTENSIONS[self.format]}":
            field.value = str(path.with_suffix(f".{EXTENSIONS[new]}"))
        self.format = new
        self._show_alarm()
        self._reset()

    @on(Select.Changed, "#export-scope")
    def _scope_changed(self, event: Select.Changed) -> None:
        self.scope = str(event.value)
        self._check_empty()
        self._reset()

    @on(Input.Changed, "#export-path")
    def _path_changed(self, event: Input.Changed) -> None:
        # A typed name with a known extension picks its format (the CLI's -o rule).
        implied = BY_EXTENSION.get(Path(event.value.strip()).suffix.lower().removeprefix("."))
        if implied is not None and implied != self.format:
            self.query_one("#export-format", Select).value = implied
        self._reset()

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.action_write()

    @on(Button.Pressed, "#export-write")
    def _write_pressed(self) -> None:
        self.action_write()

    @on(Button.Pressed, "#export-cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()

    def _show_alarm(self) -> None:
        self.query_one("#alarm-row").set_class(self.format != "ics", "-hidden")

    def _check_empty(self) -> None:
        if self.scope == WHOLE_PROGRAM:
            message = ""
        else:
            agenda = self._agenda()
            message = ""
            if agenda.session_count == 0:
                where = "on that day" if self.scope != MY_AGENDA else "yet"
                message = (
                    f"Nothing bookmarked {where}: the file will only say so. "
                    "Bookmark sessions with b, or choose the whole program."
                )
        self._show(self.query_one("#export-warning", Static), message)

    def _reset(self) -> None:
        """Any change of path or format asks again before replacing a file."""
        self._confirmed = None
        self.query_one("#export-write", Button).label = "Write"
        self._show_error("")

    # -- writing ----------------------------------------------------------------------------

    def action_cancel(self) -> None:
        """Close without writing."""
        self.dismiss(None)

    def action_write(self) -> None:
        """Write the agenda (in a worker: a whole program takes seconds); notify and close,
        or ask first, or show why not and stay."""
        button = self.query_one("#export-write", Button)
        if button.disabled:
            return  # already writing
        try:
            path = self._target()
            if path.exists() and path != self._confirmed:
                self._confirmed = path
                button.label = "Replace"
                self._show_error(f"{path} exists. Replace it? Enter again replaces it.")
                return
            alarm = self._alarm() if self.format == "ics" else None
        except ExportError as error:
            self._show_error(str(error))
            return
        button.disabled = True
        self._show_error("")
        self._show(self.query_one("#export-warning", Static), f"Writing {path}…")
        work = partial(self._write, path, self.format, self.scope, alarm)
        self.run_worker(work, thread=True, exit_on_error=False, group=_WORKER_GROUP)

    @on(Worker.StateChanged)
    def _write_done(self, event: Worker.StateChanged) -> None:
        worker = event.worker
        if worker.group != _WORKER_GROUP or event.state not in (
            WorkerState.SUCCESS,
            WorkerState.ERROR,
        ):
            return
        self.query_one("#export-write", Button).disabled = False
        self._show(self.query_one("#export-warning", Static), "")
        if event.state is WorkerState.ERROR:
            error = worker.error
            reason = str(error) if isinstance(error, ExportError) else f"Cannot write: {error}"
            self._show_error(reason)
            return
        path = worker.result
        self.app.notify(f"Agenda written to {path}", title="Export", markup=False)
        self.dismiss(path)

    def _target(self) -> Path:
        text = self.path_text.strip()
        if not text:
            raise ExportError("Enter the file to write.")
        path = Path(text).expanduser().absolute()
        if path.is_dir():
            raise ExportError(f"Cannot write {path}: it is a directory.")
        if not path.parent.is_dir():
            raise ExportError(f"Cannot write {path}: directory {path.parent} does not exist.")
        return path

    def _alarm(self) -> int | None:
        text = self.query_one("#export-alarm", Input).value.strip()
        if not text:
            return None
        if not text.isdigit() or int(text) > 10080:
            raise ExportError("The alarm is a number of minutes from 0 to 10080 (a week).")
        return int(text)

    def _agenda(self, scope: str | None = None) -> Agenda:
        state = self.state
        scope = scope or self.scope
        marks = state.stored_bookmarks()
        if scope.startswith("day:"):
            day = date.fromisoformat(scope.removeprefix("day:"))
            return build_agenda(state.index, marks, day=day)
        return build_agenda(state.index, marks, whole_program=scope == WHOLE_PROGRAM)

    def _write(self, path: Path, format: str, scope: str, alarm: int | None) -> Path:
        """Build, render and write (in a worker thread: reads no widget)."""
        state = self.state
        try:
            agenda = self._agenda(scope)
            origin = program_origin(state.program, state.conference_id, None, self.data_dir)
            # The export moment (ics DTSTAMP, the "exported" line) is the real clock, never
            # --now (the CLI does the same).
            options = state.export_options(origin, datetime.now(UTC), alarm_minutes=alarm)
            write_export(path, render_bytes(agenda, format, state.zone, options))
        except ConftermError as error:
            raise ExportError(error.message) from None
        return path

    def _show_error(self, message: str) -> None:
        self._show(self.query_one("#export-error", Static), message)

    @staticmethod
    def _show(widget: Static, message: str) -> None:
        widget.update(message)
        widget.set_class(not message, "-empty")
