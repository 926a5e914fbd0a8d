"""Reading a plain ``confterm now`` call without building the argument parser.

A status line runs ``confterm now`` every few seconds, and importing argparse and declaring
every command cost more than the answer itself. This reader knows the ``now`` command alone,
and only the plainest spelling of it: the whole option names (``--format`` and ``--format=X``;
no abbreviations), each at most once, values that do not start with ``-``, no ``--help``, no
``--``. Anything else returns None, and the real parser (:mod:`confterm.cli.parsing`) reads the
arguments, answering errors and ``--help`` as it always does. So whatever this reader accepts,
the parser reads the same way, to the same namespace: a test holds the two equal over many
generated command lines.
"""

from __future__ import annotations

import os
from types import SimpleNamespace

from confterm.cli.lazy import Lazy
from confterm.cli.option_values import window_minutes, zone_spec

#: The options every command takes (before or after its name), each with a value.
_GLOBAL = ("--data", "--conference", "--tz", "--now", "--data-dir")
#: ``now``'s own options after its name: the flag, then those with a value.
_FLAG = "--json"
_NOW_VALUES = ("--format", "--window")


def _checked(option: str, value: str) -> object:
    """The value as the parser stores it (ValueError: the parser must say what is wrong)."""
    if option == "--tz":
        return zone_spec(value)
    if option == "--window":
        return window_minutes(value)
    return value


def read_now_args(words: list[str]) -> SimpleNamespace | None:
    """The parsed arguments of a plain ``now`` call (as the parser would make them), or None
    when the words are anything else."""
    if "now" not in words or "_ARGCOMPLETE" in os.environ:
        return None
    values: dict[str, object] = {}
    seen_command = False
    index = 0
    while index < len(words):
        word = words[index]
        index += 1
        if word == "now" and not seen_command:
            seen_command = True
            continue
        if not word.startswith("--") or word == "--":
            return None
        option, has_value, value = word.partition("=")
        if option == _FLAG and seen_command and not has_value:
            key: str = option
            stored: object = True
        elif option in _GLOBAL or (seen_command and option in _NOW_VALUES):
            if not has_value:
                if index >= len(words) or words[index].startswith("-"):
                    return None
                value = words[index]
                index += 1
            try:
                stored = _checked(option, value)
            except ValueError:
                return None
            key = option
        else:
            return None
        if key in values:
            return None
        values[key] = stored
    if not seen_command or (_FLAG in values and "--format" in values):
        return None
    return SimpleNamespace(
        data=values.get("--data"),
        conference=values.get("--conference"),
        tz=values.get("--tz"),
        now=values.get("--now"),
        data_dir=values.get("--data-dir"),
        remind=None,
        theme=None,
        handler=Lazy("confterm.cli.now_cmd", "run_now"),
        json=values.get(_FLAG, False),
        format=values.get("--format"),
        window=values.get("--window", 90),
    )
