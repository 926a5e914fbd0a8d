"""Which conference to open: the bundled ones, or those imported into the user data dir."""

from __future__ import annotations

import contextlib
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from confterm import __version__, paths
from confterm.errors import DataError, UsageError
from confterm.files import read_regular_file
from confterm.store import selection
from confterm.store.selection import DEFAULT_CONFERENCE as DEFAULT_CONFERENCE
from confterm.store.selection import MAX_META_BYTES
from confterm.store.selection import SCHEMA_FILE as SCHEMA_FILE
from confterm.store.selection import bundled_ids as bundled_ids
from confterm.store.selection import check_conference_id as check_conference_id
from confterm.text import one_line

if TYPE_CHECKING:
    from confterm.model.program import Program

# The model is imported only where a program is loaded; json and the atomic writer only where
# they are used, and the records are NamedTuples (dataclasses import inspect). Which file a
# conference is in is worked out in confterm.store.selection (`confterm now` asks there).


def imported_program_path(data_dir: Path, conference_id: str) -> Path:
    """Where an imported conference's program is stored."""
    return Path(selection.imported_program_file(str(data_dir), conference_id))


def program_path(conference_id: str, data_dir: Path) -> tuple[Path, str]:
    """The file holding a conference, and the label to use for it in messages."""
    path, label = selection.program_file(conference_id, str(data_dir))
    return Path(path), label


def program_source(
    conference_id: str | None, data_file: Path | None, data_dir: Path
) -> tuple[Path, str | None]:
    """The file of the conference chosen by ``--data FILE`` or ``--conference ID`` (default
    bundled), and its label for messages (None: the path itself)."""
    given = None if data_file is None else str(data_file)
    path, label = selection.program_source_file(conference_id, given, str(data_dir))
    return data_file or Path(path), label


def open_program(conference_id: str | None, data_file: Path | None, data_dir: Path) -> Program:
    """Load the conference chosen by ``--data FILE`` or ``--conference ID`` (default bundled)."""
    from confterm.model.loading import load_program_file

    path, label = program_source(conference_id, data_file, data_dir)
    return load_program_file(path, label=label, cache_dir=paths.program_cache_dir())


class ProgramOrigin(NamedTuple):
    """What a loaded program was made from, for the "as of" line of every export."""

    text: str  # "Tiny Conference 2026, program as of 2026-03-01 10:00 UTC (imported from URL)"
    as_of: datetime | None  # when the program was imported or its file last written


def program_origin(
    program: Program, conference_id: str | None, data_file: Path | None, data_dir: Path
) -> ProgramOrigin:
    """Where the program opened by the same arguments as :func:`open_program` came from."""
    name = one_line(program.conference.name)
    if data_file is not None:
        stamp = _file_time(data_file)
        when = f", as of {stamp:%Y-%m-%d %H:%M} UTC" if stamp else ""
        return ProgramOrigin(f"{name}, program file {one_line(str(data_file))}{when}", stamp)
    chosen = conference_id or DEFAULT_CONFERENCE
    if chosen in bundled_ids():
        return ProgramOrigin(f"{name}, program bundled with confterm {__version__}", None)
    meta = imported_meta(data_dir, chosen)
    stamp = None
    imported_at = meta.get("imported_at")
    if isinstance(imported_at, str):
        with contextlib.suppress(ValueError):
            stamp = datetime.fromisoformat(imported_at)
            stamp = stamp if stamp.tzinfo else stamp.replace(tzinfo=UTC)
    if stamp is None:
        stamp = _file_time(imported_program_path(data_dir, chosen))
    text = f"{name}, program as of {stamp:%Y-%m-%d %H:%M} UTC" if stamp else name
    source = meta.get("source")
    if isinstance(source, str):
        text += f" (imported from {one_line(source)})"
    return ProgramOrigin(text, stamp)


def _file_time(path: Path) -> datetime | None:
    try:
        return datetime.fromtimestamp(path.stat().st_mtime, UTC)
    except OSError:
        return None


# --- The conference used last: opened when nothing else names one. ---


def last_conference(data_dir: Path) -> str | None:
    """The conference used last, when it is still bundled or imported; else None."""
    return selection.last_conference(str(data_dir))


def remember_conference(data_dir: Path, conference_id: str) -> bool:
    """Note ``conference_id`` as the one used last (atomically; unchanged ids cost no write).
    Return True when that changed what opens by default.

    A data dir that cannot be written (read-only, full) is left alone: remembering is a
    convenience, never worth failing a command over.
    """
    path = paths.last_conference_file(data_dir)
    try:
        if path.is_file() and read_regular_file(path, MAX_META_BYTES).decode().strip() == (
            conference_id
        ):
            return False
        from confterm.atomic import write_atomic

        write_atomic(path, (conference_id + "\n").encode("utf-8"))
    except (OSError, UnicodeDecodeError):
        return False
    return True


# --- Imported conferences: storage and listing (added for `confterm import`). ---


class ConferenceInfo(NamedTuple):
    """One row of ``confterm conferences``: a bundled or imported conference."""

    id: str
    name: str
    start_date: date
    end_date: date
    sessions: int
    source: str | None
    imported_at: str | None
    bundled: bool

    def to_json(self) -> dict[str, object]:
        """A stable JSON object for ``confterm conferences --json``."""
        return {
            "id": self.id,
            "name": self.name,
            "start_date": self.start_date.isoformat(),
            "end_date": self.end_date.isoformat(),
            "sessions": self.sessions,
            "source": self.source,
            "imported_at": self.imported_at,
            "bundled": self.bundled,
        }


def imported_meta_path(data_dir: Path, conference_id: str) -> Path:
    """Where an imported conference's metadata (source, format, time) is stored."""
    return paths.conferences_dir(data_dir) / f"{check_conference_id(conference_id)}.meta.json"


def imported_ids(data_dir: Path) -> list[str]:
    """Ids of the conferences imported into ``data_dir``."""
    folder = paths.conferences_dir(data_dir)
    if not folder.is_dir():
        return []
    return sorted(
        path.name.removesuffix(".json")
        for path in folder.glob("*.json")
        if not path.name.endswith(".meta.json") and not path.name.startswith(".")
    )


def save_imported(data_dir: Path, program: Program, meta: dict[str, object]) -> Path:
    """Store an imported program and its metadata, as one change.

    Both are written in full before either replaces what was there (see
    :func:`confterm.atomic.write_atomic_all`): a failed import (a full disk, a read-only
    folder) leaves the previous program and its metadata exactly as they were.
    """
    conference_id = program.conference.id
    path = imported_program_path(data_dir, conference_id)
    meta_path = imported_meta_path(data_dir, conference_id)
    import json

    from confterm.atomic import write_atomic_all
    from confterm.model.validation import program_json

    meta_bytes = (json.dumps(meta, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
    # A read-only data dir or a full disk is the user's to fix: say so, no traceback.
    try:
        write_atomic_all([(path, program_json(program)), (meta_path, meta_bytes)])
    except OSError as error:
        raise DataError(
            f"cannot save {error.filename or path}: {error.strerror or error}"
        ) from None
    return path


def imported_meta(data_dir: Path, conference_id: str) -> dict[str, Any]:
    """The stored metadata of an imported conference (empty when missing or unreadable)."""
    import json

    try:
        # Bounded like every file read from outside (a FIFO here must not hang the listing).
        raw = read_regular_file(imported_meta_path(data_dir, conference_id), MAX_META_BYTES)
        meta = json.loads(raw.decode("utf-8"))
    except (OSError, ValueError, RecursionError):
        return {}
    return meta if isinstance(meta, dict) else {}


def require_imported(data_dir: Path, conference_id: str, *, action: str) -> Path:
    """The program file of an imported conference about to be ``action`` (e.g. "removed").

    A UsageError when the id is not a slug, names a bundled conference, or nothing was
    imported under it.
    """
    path = imported_program_path(data_dir, conference_id)
    if conference_id in bundled_ids():
        raise UsageError(f"{conference_id!r} is a bundled conference and cannot be {action}")
    if not path.is_file():
        raise UsageError(
            f"unknown imported conference {conference_id!r} (see 'confterm conferences')"
        )
    return path


def remove_imported(data_dir: Path, conference_id: str) -> None:
    """Delete an imported conference (program and metadata); bundled ones cannot be removed."""
    path = require_imported(data_dir, conference_id, action="removed")
    for target in (path, imported_meta_path(data_dir, conference_id)):
        try:
            target.unlink(missing_ok=True)
        except OSError as error:
            raise DataError(f"cannot remove {target}: {error.strerror or error}") from None


def list_conferences(data_dir: Path) -> list[ConferenceInfo]:
    """The bundled conferences, then the imported ones; unreadable files are left out."""
    found: list[ConferenceInfo] = []
    for conference_id in bundled_ids():
        label = f"data/{conference_id}.json"
        info = _info(paths.bundled_file(f"{conference_id}.json"), label, {}, bundled=True)
        if info is not None:
            found.append(info)
    for conference_id in imported_ids(data_dir):
        if conference_id in bundled_ids():
            continue
        path = imported_program_path(data_dir, conference_id)
        meta = imported_meta(data_dir, conference_id)
        info = _info(path, str(path), meta, bundled=False)
        if info is not None:
            found.append(info)
    return found


def _info(path: Path, label: str, meta: dict[str, Any], *, bundled: bool) -> ConferenceInfo | None:
    from confterm.model.loading import load_program_file

    try:
        program = load_program_file(path, label=label, cache_dir=paths.program_cache_dir())
    except DataError:
        return None
    conference = program.conference
    source = meta.get("source")
    imported_at = meta.get("imported_at")
    return ConferenceInfo(
        id=conference.id,
        name=conference.name,
        start_date=conference.start_date,
        end_date=conference.end_date,
        sessions=len(program.sessions),
        # The metadata file is outside the model's cleaning: its texts are cleaned here.
        source=one_line(source) if isinstance(source, str) else None,
        imported_at=one_line(imported_at) if isinstance(imported_at, str) else None,
        bundled=bundled,
    )
