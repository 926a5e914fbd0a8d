"""Which conference to open: the bundled ones, or those imported into the user data dir."""

from __future__ import annotations

from pathlib import Path

from confterm import paths
from confterm.errors import DataError, UsageError
from confterm.model.loading import load_program_file
from confterm.model.program import Program

DEFAULT_CONFERENCE = "mlsys2025"
SCHEMA_FILE = "schema.json"


def bundled_ids() -> list[str]:
    """Ids of the conferences shipped with confterm."""
    return sorted(
        path.stem for path in paths.bundled_data_dir().glob("*.json") if path.name != SCHEMA_FILE
    )


def imported_program_path(data_dir: Path, conference_id: str) -> Path:
    """Where an imported conference's program is stored."""
    return paths.conferences_dir(data_dir) / f"{conference_id}.json"


def program_path(conference_id: str, data_dir: Path) -> tuple[Path, str]:
    """The file holding a conference, and the label to use for it in messages."""
    bundled = paths.bundled_file(f"{conference_id}.json")
    if conference_id in bundled_ids():
        return bundled, f"data/{conference_id}.json"
    imported = imported_program_path(data_dir, conference_id)
    if imported.is_file():
        return imported, str(imported)
    raise UsageError(
        f"unknown conference {conference_id!r} (see 'confterm conferences' for the ids)"
    )


def open_program(conference_id: str | None, data_file: Path | None, data_dir: Path) -> Program:
    """Load the conference chosen by ``--data FILE`` or ``--conference ID`` (default bundled)."""
    if data_file is not None:
        if conference_id is not None:
            raise UsageError("--data and --conference cannot be used together")
        return load_program_file(data_file)
    path, label = program_path(conference_id or DEFAULT_CONFERENCE, data_dir)
    try:
        return load_program_file(path, label=label)
    except DataError:
        raise
