"""Writing an export to a file: the options every writer shares (CLI, app, calendar file).

One place turns "this store, this program, this moment" into :class:`ExportOptions`, so the
app's export, ``confterm agenda -o`` and the self-updating calendar file say the same (the
same "made from" line, the same SEQUENCE memory), and one place writes the file.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from confterm.atomic import write_atomic
from confterm.errors import DataError
from confterm.export import ExportOptions
from confterm.export.ics import Revisions
from confterm.store.bookmarks import BookmarkStore
from confterm.store.catalog import ProgramOrigin
from confterm.store.revisions import event_revisions


def store_revisions(
    store: BookmarkStore, conference_id: str, now: datetime, first_known: datetime | None
) -> Revisions:
    """The SEQUENCE / LAST-MODIFIED memory of ``conference_id``'s events, kept in ``store``."""
    return lambda digests: event_revisions(store, conference_id, digests, now, first_known)


def export_options(
    store: BookmarkStore,
    conference_id: str,
    origin: ProgramOrigin,
    now: datetime,
    *,
    alarm_minutes: int | None = None,
    include_tba: bool = False,
) -> ExportOptions:
    """The options of an export made now from the program described by ``origin``."""
    return ExportOptions(
        now=now,
        made_from=origin.text,
        alarm_minutes=alarm_minutes,
        include_tba=include_tba,
        revisions=store_revisions(store, conference_id, now, origin.as_of),
    )


def check_target(path: Path) -> None:
    """A DataError when ``path`` cannot be an export file: a directory, or in a directory
    that does not exist (a typo in a path must not create folders)."""
    if path.is_dir():
        raise DataError(f"cannot write {path}: it is a directory")
    if not path.parent.is_dir():
        raise DataError(f"cannot write {path}: directory {path.parent} does not exist")


def write_export(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically (see :func:`check_target` for what is refused)."""
    check_target(path)
    try:
        write_atomic(path, data)
    except OSError as error:
        raise DataError(f"cannot write {path}: {error.strerror or error}") from None
