"""Which program file a conference id names, and which conference was used last, worked out
on paths as text.

:mod:`confterm.store.catalog` gives these to the rest of confterm as ``Path`` objects;
``confterm now``, a status line's command run every few seconds, calls them here so that it
never imports pathlib (with ``re`` and ``urllib``, a good part of its start).
"""

from __future__ import annotations

import os

from confterm import paths
from confterm.errors import UsageError
from confterm.files import read_regular_file
from confterm.ids import SLUG_MAX_LENGTH, is_slug
from confterm.text import shorten

DEFAULT_CONFERENCE = "mlsys2025"
SCHEMA_FILE = "schema.json"
#: The size bound of the store's small files (metadata, the conference used last).
MAX_META_BYTES = 1024 * 1024
#: The end of the name of an imported conference's metadata file, ``ID.meta.json``: no id may
#: end with ``.meta``, or its program file would be another conference's metadata.
META_SUFFIX = ".meta"


def bundled_ids() -> list[str]:
    """Ids of the conferences shipped with confterm."""
    # Listed, not globbed: a glob compiles a regular expression.
    return sorted(
        name.removesuffix(".json")
        for name in os.listdir(paths.bundled_dir_text())
        if name.endswith(".json") and name != SCHEMA_FILE and name != ".json"
    )


def check_conference_id(conference_id: str) -> str:
    """``conference_id`` if it is a slug naming no file of the store's own; a UsageError
    otherwise.

    Every path built from an id passes through here, so an id such as ``../x`` can never name a
    file outside the conferences folder, and ``foo.meta`` can never overwrite the metadata of
    ``foo``.
    """
    if len(conference_id) > SLUG_MAX_LENGTH or not is_slug(conference_id):
        raise UsageError(f"not a conference id: {shorten(conference_id)!r}")
    if conference_id.endswith(META_SUFFIX):
        raise UsageError(
            f"not a conference id: {conference_id!r} (ids ending in {META_SUFFIX} are "
            "reserved for the store's metadata files)"
        )
    return conference_id


def imported_program_file(data_dir: str, conference_id: str) -> str:
    """Where an imported conference's program is stored."""
    name = f"{check_conference_id(conference_id)}.json"
    return os.path.join(data_dir, paths.CONFERENCES_FOLDER, name)


def program_file(conference_id: str, data_dir: str) -> tuple[str, str]:
    """The file holding a conference, and the label to use for it in messages."""
    check_conference_id(conference_id)
    if conference_id in bundled_ids():
        name = f"{conference_id}.json"
        return os.path.join(paths.bundled_dir_text(), name), f"data/{name}"
    imported = imported_program_file(data_dir, conference_id)
    if os.path.isfile(imported):
        return imported, imported
    raise UsageError(
        f"unknown conference {conference_id!r} (see 'confterm conferences' for the ids)"
    )


def program_source_file(
    conference_id: str | None, data_file: str | None, data_dir: str
) -> tuple[str, str | None]:
    """The file of the conference chosen by ``--data FILE`` or ``--conference ID`` (default
    bundled), and its label for messages (None: the path itself)."""
    if data_file is not None:
        if conference_id is not None:
            raise UsageError("--data and --conference cannot be used together")
        return data_file, None
    return program_file(conference_id or DEFAULT_CONFERENCE, data_dir)


def last_conference(data_dir: str) -> str | None:
    """The conference used last, when it is still bundled or imported; else None.

    A missing, unreadable or stale file is not an error: the default opens instead.
    """
    try:
        # Bounded like every file read from outside: a FIFO or /dev/zero must not hang.
        path = os.path.join(data_dir, paths.LAST_CONFERENCE_FILE)
        text = read_regular_file(path, MAX_META_BYTES).decode("utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return None
    try:
        program_file(text, data_dir)
    except UsageError:
        return None
    return text
