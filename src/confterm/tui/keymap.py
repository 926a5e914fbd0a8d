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
from collections.abc import Iterable, Mapping
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

#: How keys are named to people (Textual's names otherwise).
KEY_NAMES = {
    "left": "←",
    "right": "→",
    "up": "↑",
    "down": "↓",
    "left_square_bracket": "[",
    "right_square_bracket": "]",
    "question_mark": "?",
    "enter": "Enter",
    "escape": "Esc",
    "space": "Space",
    "tab": "Tab",
    "shift+tab": "Shift+Tab",
    "pageup": "PgUp",
    "pagedown": "PgDn",
    "home": "Home",
    "end": "End",
    "slash": "/",
}


def key_text(keys: str) -> str:
    """``left,left_square_bracket`` → ``← [``."""
    names = [KEY_NAMES.get(key.strip(), key.strip()) for key in keys.split(",")]
    return " ".join(names)


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
    named = _some(bad)
    return keymap, (
        f"{shown}: ignored entries that are not a binding id = key names "
        f'(letters, digits, _ and +, e.g. "ctrl+a"): {named}'
    )


def _some(names: list[str]) -> str:
    """``a, b, c, d, e and 3 more``."""
    more = len(names) - _NAMED_AT_MOST
    return ", ".join(names[:_NAMED_AT_MOST]) + (f" and {more} more" if more > 0 else "")


def _valid_entry(binding_id: str, keys: Any) -> bool:
    if len(binding_id) > _MAX_NAME or not _BINDING_ID.fullmatch(binding_id):
        return False
    if not isinstance(keys, str) or not keys.strip():
        return False
    names = [key.strip() for key in keys.split(",")]
    return len(names) <= _MAX_KEYS and all(
        len(name) <= _MAX_NAME and _KEY.fullmatch(name) for name in names
    )


#: Bindings that do what another does on another screen: remapping the one named first remaps
#: them too (binding id: the ids it follows, then keys of its own that it keeps). So ``m``
#: for ``main.bookmark`` bookmarks in the grid, now & next, search, a speaker's page and a
#: detail screen alike; ``grid.back`` follows both Esc (``main.back``) and ``g``
#: (``main.grid``). ``tests/tui/test_keymap.py`` checks each against its real default keys.
FOLLOWS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "main.export_elsewhere": (("main.export",), ()),
    "detail.bookmark": (("main.bookmark",), ()),
    "grid.bookmark": (("main.bookmark",), ()),
    "now.bookmark": (("main.bookmark",), ()),
    "speaker.bookmark": (("main.bookmark",), ()),
    # From the search input b is a letter: ctrl+t bookmarks there whatever b becomes.
    "search.bookmark": (("main.bookmark",), ("ctrl+t",)),
    "detail.speaker": (("main.speaker",), ()),
    "grid.speaker": (("main.speaker",), ()),
    "now.speaker": (("main.speaker",), ()),
    "detail.back": (("main.back",), ()),
    "search.back": (("main.back",), ()),
    "speaker.back": (("main.back",), ()),
    "grid.back": (("main.back", "main.grid"), ()),
    "now.back": (("main.back", "main.now_next"), ()),
    "help.close": (("main.back", "app.quit", "app.help"), ()),
    "help.up": (("list.up",), ()),
    "help.down": (("list.down",), ()),
    "help.page_up": (("list.page_up",), ()),
    "help.page_down": (("list.page_down",), ("space",)),
    "help.top": (("list.first",), ()),
    "help.bottom": (("list.last",), ()),
    "grid.up": (("list.up",), ()),
    "grid.down": (("list.down",), ()),
    "grid.open": (("list.open",), ()),
    **{f"grid.day_{n}": ((f"main.day_{n}",), ()) for n in range(1, 10)},
}


def expand_keymap(keymap: Mapping[str, str], defaults: Mapping[str, str]) -> dict[str, str]:
    """``keymap`` and, for each binding that follows a remapped one (:data:`FOLLOWS`) and is
    not remapped itself, its keys: its own, then those of the bindings it follows (remapped,
    else ``defaults``: the default keys by binding id)."""
    expanded = dict(keymap)
    for binding_id, (followed, own) in FOLLOWS.items():
        if binding_id in keymap or not any(f in keymap for f in followed):
            continue
        keys = [*own]
        for name in followed:
            keys += keymap.get(name, defaults.get(name, "")).split(",")
        expanded[binding_id] = ",".join(dict.fromkeys(k.strip() for k in keys if k.strip()))
    return expanded


def unknown_ids(keymap: Iterable[str], known: Iterable[str]) -> str | None:
    """One line naming the binding ids of ``keymap`` that no key of the app has, if any."""
    bad = sorted(set(keymap) - set(known))
    if not bad:
        return None
    named = _some(bad)
    return f"keymap.toml: no key has the id {named} (ignored; ? lists every binding id)"


class KeyLabels:
    """How text names a key (``b`` in "b to bookmark"): as the keymap remaps it."""

    def __init__(self, keymap: Mapping[str, str] | None = None) -> None:
        self._keymap = dict(keymap or {})

    def __call__(self, binding_id: str, default: str) -> str:
        """The first key of ``binding_id`` as shown to people, else ``default``."""
        keys = self._keymap.get(binding_id)
        if not keys:
            return default
        return key_text(keys.split(",")[0])


def known_binding_ids(extra: Iterable[object] = ()) -> set[str]:
    """The id of every binding of the app's screens and widgets, Textual's own included, and
    of the bindings ``extra``. Imports every module of the app: called after the first frame,
    and only when there is a keymap to check."""
    import importlib
    import pkgutil

    from textual.binding import Binding
    from textual.dom import DOMNode

    import confterm.tui

    for module in pkgutil.walk_packages(confterm.tui.__path__, "confterm.tui."):
        importlib.import_module(module.name)
    ids = {b.id for b in extra if isinstance(b, Binding) and b.id}
    pending: list[type] = [DOMNode]
    while pending:
        node = pending.pop()
        pending += node.__subclasses__()
        bindings = node.__dict__.get("BINDINGS", [])
        ids.update(b.id for b in bindings if isinstance(b, Binding) and b.id)
    return ids
