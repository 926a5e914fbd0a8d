"""The export dialog (``p``): choose a format and a file, write the agenda there.

It dismisses with the written :class:`~pathlib.Path`, or None when cancelled. The file is
written atomically; any failure (missing directory, permission, damaged bookmark store) is
shown inside the dialog, which stays open so the path can be corrected. No directory is ever
created (the CLI's ``-o`` rule): the default path is ``<documents>/<conference id>-agenda.<ext>``
when the documents folder exists, else in the home directory, and follows the chosen format's
extension.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from confterm import paths
from confterm.atomic import write_atomic
from confterm.errors import ConftermError
from confterm.export import EXTENSIONS, FORMATS, LABELS, default_file_name, render_bytes
from confterm.queries.agenda import build_agenda
from confterm.tui.state import AppState

DEFAULT_FORMAT = "html"


def default_directory() -> Path:
    """The documents folder when there is one, else the home directory (never created)."""
    documents = paths.documents_dir()
    return documents if documents.is_dir() else Path.home()


class ExportError(Exception):
    """A reason the agenda cannot be written, shown in the dialog."""


class ExportDialog(ModalScreen[Path | None]):
    """Pick a format and a path; write the personal agenda there."""

    DEFAULT_CSS = """
    ExportDialog { align: center middle; }
    ExportDialog > Vertical {
        width: 76; max-width: 100%; height: auto; max-height: 100%;
        border: thick $accent; background: $surface; padding: 0 1;
    }
    ExportDialog Label { margin-top: 1; }
    ExportDialog Select { width: 100%; }
    ExportDialog Input { width: 100%; }
    ExportDialog .error { color: $error; height: auto; }
    ExportDialog .error:disabled, ExportDialog .error.-empty { display: none; }
    ExportDialog Horizontal { height: auto; margin-top: 1; align-horizontal: right; }
    ExportDialog Button { margin-left: 1; }
    ExportDialog #export-keys { color: $text-muted; height: 1; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="export.cancel"),
        Binding("ctrl+s", "write", "Write", id="export.write"),
    ]

    def __init__(self, state: AppState, format: str = DEFAULT_FORMAT) -> None:
        super().__init__()
        self.state = state
        self.format = format if format in FORMATS else DEFAULT_FORMAT

    def default_path(self, format: str) -> Path:
        """Where ``format`` goes unless the user says otherwise."""
        return default_directory() / default_file_name(self.state.conference_id, format)

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = "Export agenda"
            yield Label("Format")
            yield Select(
                [(LABELS[f], f) for f in FORMATS],
                value=self.format,
                allow_blank=False,
                id="export-format",
            )
            yield Label("File")
            yield Input(str(self.default_path(self.format)), id="export-path")
            yield Static("", id="export-error", classes="error -empty", markup=False)
            with Horizontal():
                yield Button("Write", id="export-write", variant="primary")
                yield Button("Cancel", id="export-cancel")
            yield Static("Enter or Ctrl+S writes · Esc cancels · Tab moves", id="export-keys")

    def on_mount(self) -> None:
        self.query_one("#export-path", Input).focus()

    @property
    def path_text(self) -> str:
        """What the path field holds."""
        return self.query_one("#export-path", Input).value

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
        self._show_error("")

    @on(Input.Submitted, "#export-path")
    def _submitted(self) -> None:
        self.action_write()

    @on(Button.Pressed, "#export-write")
    def _write_pressed(self) -> None:
        self.action_write()

    @on(Button.Pressed, "#export-cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()

    def action_cancel(self) -> None:
        """Close without writing."""
        self.dismiss(None)

    def action_write(self) -> None:
        """Write the agenda; notify and close, or show why not and stay."""
        try:
            path = self._write()
        except ExportError as error:
            self._show_error(str(error))
            return
        self.app.notify(f"Agenda written to {path}", title="Export", markup=False)
        self.dismiss(path)

    def _write(self) -> Path:
        text = self.path_text.strip()
        if not text:
            raise ExportError("Enter the file to write.")
        path = Path(text).expanduser().absolute()
        directory = path.parent
        if path.is_dir():
            raise ExportError(f"Cannot write {path}: it is a directory.")
        # write_atomic would create a missing directory; a typo in a path should not do that.
        if not directory.is_dir():
            raise ExportError(f"Cannot write {path}: directory {directory} does not exist.")
        state = self.state
        try:
            marks = state.stored_bookmarks()
            agenda = build_agenda(state.index, marks)
            # The export moment (ics DTSTAMP, LAST-MODIFIED, SEQUENCE) is the real clock,
            # never --now: a calendar app only takes an update whose SEQUENCE did not go
            # down since the previous real export (the CLI does the same).
            data = render_bytes(agenda, self.format, state.zone, now=datetime.now(UTC))
            write_atomic(path, data)
        except ConftermError as error:
            raise ExportError(error.message) from None
        except OSError as error:
            raise ExportError(f"Cannot write {path}: {error.strerror or error}.") from None
        return path

    def _show_error(self, message: str) -> None:
        error = self.query_one("#export-error", Static)
        error.update(message)
        error.set_class(not message, "-empty")
