"""The calendar file that keeps itself current (``confterm calendar PATH``).

Registering a path for a conference makes confterm rewrite that iCalendar file, atomically,
whenever the conference's bookmarks change (in the app, in the CLI, in any process: the hook
is in :class:`~confterm.store.bookmarks.BookmarkStore`, which every bookmark write passes
through) and whenever its program changes (import or refresh call :func:`rewrite`). A
calendar app subscribed to the file then follows the stars: an un-bookmarked session is gone
at its next reload, an updated one keeps its UID and gets a higher SEQUENCE.

The registration is a per-conference preference in the store: the path, the ``--data`` file
the program came from (None for a bundled or imported conference) and the alarm minutes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from confterm.errors import ConftermError
from confterm.export import render_bytes
from confterm.export.files import export_options, write_export
from confterm.model.program import Program
from confterm.queries.agenda import build_agenda
from confterm.queries.index import ProgramIndex
from confterm.store.bookmarks import BookmarkStore
from confterm.store.catalog import open_program, program_origin

#: The preference holding the registration (JSON).
PREF = "calendar_file"
DEFAULT_ALARM_MINUTES = 10


@dataclass(frozen=True)
class Registration:
    """Where a conference's calendar file is written, and how."""

    path: Path
    data_file: Path | None = None
    alarm_minutes: int | None = DEFAULT_ALARM_MINUTES

    def to_pref(self) -> str:
        """The stored form."""
        return json.dumps(
            {
                "path": str(self.path),
                "data": str(self.data_file) if self.data_file else None,
                "alarm": self.alarm_minutes,
            }
        )

    @classmethod
    def from_pref(cls, text: str) -> Registration | None:
        """The registration stored as ``text``; None when it is not one (damaged, foreign)."""
        try:
            value = json.loads(text)
            path = Path(value["path"])
            data = Path(value["data"]) if value.get("data") else None
            alarm = value.get("alarm")
        except (ValueError, TypeError, KeyError):
            return None
        return cls(path, data, alarm if isinstance(alarm, int) and alarm >= 0 else None)


def registered(store: BookmarkStore, conference_id: str) -> Registration | None:
    """The calendar file registered for ``conference_id``, if any."""
    text = store.get_pref(conference_id, PREF)
    return Registration.from_pref(text) if text else None


def register(
    store: BookmarkStore,
    data_dir: Path,
    index: ProgramIndex,
    registration: Registration,
) -> None:
    """Write the calendar file now and remember to rewrite it (raises when it cannot be
    written, so a bad path is refused at once rather than failing silently later)."""
    write_calendar(store, data_dir, registration, index)
    store.set_pref(index.program.conference.id, PREF, registration.to_pref())


def unregister(store: BookmarkStore, conference_id: str) -> Registration | None:
    """Stop rewriting the calendar file (the file itself stays); the old registration."""
    old = registered(store, conference_id)
    store.set_pref(conference_id, PREF, None)
    return old


def write_calendar(
    store: BookmarkStore,
    data_dir: Path,
    registration: Registration,
    index: ProgramIndex,
) -> None:
    """Write the bookmarked agenda of ``index``'s program to the registered file."""
    program = index.program
    conference_id = program.conference.id
    origin = program_origin(program, conference_id, registration.data_file, data_dir)
    agenda = build_agenda(index, store.bookmarks(conference_id))
    options = export_options(
        store,
        conference_id,
        origin,
        datetime.now(UTC),
        alarm_minutes=registration.alarm_minutes,
    )
    write_export(registration.path, render_bytes(agenda, "ics", program.conference.zone, options))


def rewrite(
    store: BookmarkStore, data_dir: Path, conference_id: str, index: ProgramIndex | None = None
) -> Path | None:
    """Rewrite ``conference_id``'s calendar file if one is registered; its path, or None.

    Raises:
        ConftermError: the program cannot be loaded or the file cannot be written.
    """
    registration = registered(store, conference_id)
    if registration is None:
        return None
    if index is None:
        program = (
            open_program(None, registration.data_file, data_dir)
            if registration.data_file
            else open_program(conference_id, None, data_dir)
        )
        index = ProgramIndex(program)
    write_calendar(store, data_dir, registration, index)
    return registration.path


def program_changed(data_dir: Path, program: Program) -> str | None:
    """Rewrite the calendar file of a conference whose program was just imported or refreshed;
    a one-line problem when it could not be (the import itself stands), else None."""
    try:
        with BookmarkStore.open(data_dir) as store:
            rewrite(store, data_dir, program.conference.id, ProgramIndex(program))
    except ConftermError as error:
        return f"calendar file not updated: {error.message}"
    return None
