"""An optional ``keymap.toml`` remapping the app's keys by binding id.

The file is a flat table, binding id to keys (comma-separated Textual key names)::

    "main.bookmark" = "m"
    "main.agenda" = "A,ctrl+a"

Every binding id is listed on the help screen (``?``). A file that cannot be read or parsed is
reported and ignored; the app still opens with its default keys.
"""

from __future__ import annotations

from pathlib import Path


def load_keymap(path: Path) -> tuple[dict[str, str], str | None]:
    """The mapping in ``path`` (empty when there is no file) and a one-line problem, if any."""
    try:
        with path.open("rb") as handle:
            # Imported only when there is a file: most starts have none.
            import tomllib

            data = tomllib.load(handle)
    except FileNotFoundError:
        return {}, None
    except (OSError, ValueError, UnicodeDecodeError) as error:
        # tomllib.TOMLDecodeError is a ValueError.
        return {}, f"{path}: ignored, cannot read it: {error}"
    table = data.get("keys", data)
    if not isinstance(table, dict):
        return {}, f"{path}: ignored, expected a table of binding id = keys"
    keymap = {str(k): v for k, v in table.items() if isinstance(v, str) and v.strip()}
    bad = sorted(str(k) for k, v in table.items() if not (isinstance(v, str) and v.strip()))
    problem = f"{path}: ignored entries that are not key strings: {', '.join(bad)}" if bad else None
    return keymap, problem
