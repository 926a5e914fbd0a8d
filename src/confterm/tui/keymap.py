"""An optional ``keymap.toml`` remapping the app's keys by binding id.

The file is a flat table, binding id to keys (comma-separated Textual key names)::

    "main.bookmark" = "m"
    "main.agenda" = "A,ctrl+a"

Every binding id is listed on the help screen (``?``). The file is the user's, but it is read
as untrusted input all the same: one that cannot be read or parsed (not a regular file, larger
than :data:`MAX_KEYMAP_BYTES`, nested too deeply, not TOML) is ignored with one notice naming
the problem, and the app opens with its default keys. Entries whose id or keys are not plain
names (markup, escape sequences, spaces) are left out and named in that notice, cleaned, since
keys are drawn on the key bar and the help screen.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from confterm.files import FileTooLargeError, NotAFileError, read_regular_file
from confterm.text import one_line, shorten

#: A keymap is a few dozen short lines; anything near this is not one.
MAX_KEYMAP_BYTES = 64 * 1024
# A binding id (``main.bookmark``) and a Textual key name (``ctrl+a``, ``f5``, ``question_mark``).
_BINDING_ID = re.compile(r"[a-z0-9_]+(?:\.[a-z0-9_]+)*")
_KEY = re.compile(r"[A-Za-z0-9_]+(?:\+[A-Za-z0-9_]+)*")
_MAX_NAME = 40
_MAX_KEYS = 8
_NAMED_AT_MOST = 5


def load_keymap(path: Path) -> tuple[dict[str, str], str | None]:
    """The mapping in ``path`` (empty when there is no file) and a one-line problem, if any."""
    shown = one_line(str(path))
    try:
        raw = read_regular_file(path, MAX_KEYMAP_BYTES)
    except FileNotFoundError:
        return {}, None
    except NotAFileError as error:
        return {}, f"{shown}: ignored, it {error.strerror}"
    except FileTooLargeError as error:
        return {}, f"{shown}: ignored, it is {error.strerror}"
    except OSError as error:
        return {}, f"{shown}: ignored, cannot read it: {error.strerror or error}"
    try:
        # Imported only when there is a file: most starts have none.
        import tomllib

        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as error:
        return {}, f"{shown}: ignored, not UTF-8 text (byte {error.start})"
    except RecursionError:
        return {}, f"{shown}: ignored, nested too deeply"
    except ValueError as error:  # tomllib.TOMLDecodeError is a ValueError
        return {}, f"{shown}: ignored, cannot read it: {shorten(one_line(str(error)), 120)}"
    table = data.get("keys", data)
    if not isinstance(table, dict):
        return {}, f"{shown}: ignored, expected a table of binding id = keys"
    keymap: dict[str, str] = {}
    bad: list[str] = []
    for binding_id, keys in table.items():
        if _valid_entry(binding_id, keys):
            keymap[binding_id] = keys.strip()
        else:
            bad.append(shorten(one_line(str(binding_id)), _MAX_NAME) or "(empty)")
    if not bad:
        return keymap, None
    named = ", ".join(bad[:_NAMED_AT_MOST]) + (
        f" and {len(bad) - _NAMED_AT_MOST} more" if len(bad) > _NAMED_AT_MOST else ""
    )
    return keymap, (
        f"{shown}: ignored entries that are not a binding id = key names "
        f'(letters, digits, _ and +, e.g. "ctrl+a"): {named}'
    )


def _valid_entry(binding_id: str, keys: Any) -> bool:
    if len(binding_id) > _MAX_NAME or not _BINDING_ID.fullmatch(binding_id):
        return False
    if not isinstance(keys, str) or not keys.strip():
        return False
    names = [key.strip() for key in keys.split(",")]
    return len(names) <= _MAX_KEYS and all(
        len(name) <= _MAX_NAME and _KEY.fullmatch(name) for name in names
    )
