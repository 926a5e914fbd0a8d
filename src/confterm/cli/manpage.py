"""confterm's man page, written in roff from the argument parser each time it is asked for.

Generated at run time, from the same parser that reads the command line, so the page can never
fall behind a new command or option (a page generated ahead and committed had to be rebuilt
by hand after every change to an option). ``confterm man | man -l -`` shows it.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterable

from confterm import __version__

SEE_ALSO = "The README (commands, keys, settings, data locations) and confterm --help."


def _roff(text: str) -> str:
    """``text`` safe as roff body text: backslashes and hyphens escaped, and no line starting
    with a control character (``.`` or ``'``)."""
    escaped = text.replace("\\", "\\e").replace("-", "\\-")
    return "\n".join(
        "\\&" + line if line.startswith((".", "'")) else line for line in escaped.splitlines()
    )


def _option_lines(actions: Iterable[argparse.Action]) -> list[str]:
    lines: list[str] = []
    for action in actions:
        if action.help == argparse.SUPPRESS or isinstance(action, argparse._SubParsersAction):
            continue
        if action.option_strings:
            names = ", ".join(action.option_strings)
            metavar = "" if action.nargs == 0 else f" {action.metavar or action.dest.upper()}"
            head = f"\\fB{_roff(names)}\\fR{_roff(metavar)}"
        else:
            head = f"\\fI{_roff(str(action.metavar or action.dest))}\\fR"
        lines += [".TP", head, _roff(action.help or "")]
    return lines


def _subcommands(parser: argparse.ArgumentParser) -> list[tuple[str, argparse.ArgumentParser]]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return list(action.choices.items())
    return []


def man_page(parser: argparse.ArgumentParser) -> str:
    """The man page (roff) of ``parser`` and its sub-commands."""
    global_dests = {"data", "conference", "tz", "now", "data_dir"}
    lines = [
        f'.TH CONFTERM 1 "" "confterm {__version__}" "User Commands"',
        ".SH NAME",
        "confterm \\- " + _roff(parser.description or "").split(". ")[0].rstrip("."),
        ".SH SYNOPSIS",
        ".B confterm",
        "[\\fIOPTIONS\\fR] [\\fICOMMAND\\fR [\\fIARGS\\fR]]",
        ".SH DESCRIPTION",
        _roff(parser.description or ""),
        ".SH OPTIONS",
        *_option_lines(a for a in parser._actions if a.dest not in ("help",)),
        ".SH COMMANDS",
    ]
    for name, sub in _subcommands(parser):
        usage = " ".join(sub.format_usage().removeprefix("usage: ").split())
        lines += [".SS " + _roff(name), _roff(sub.description or ""), ".PP", _roff(usage)]
        own = [a for a in sub._actions if a.dest not in global_dests and a.dest != "help"]
        if own:
            lines += [".RS", *_option_lines(own), ".RE"]
    lines += [
        ".SH ENVIRONMENT",
        _roff(
            "CONFTERM_DATA_DIR, CONFTERM_CONFIG_DIR, CONFTERM_CACHE_DIR, CONFTERM_NOW, "
            "CONFTERM_THEME, CONFTERM_CONFERENCE, CONFTERM_REMIND, CONFTERM_TZ, "
            "CONFTERM_CALENDAR, NO_COLOR."
        ),
        ".SH FILES",
        _roff(
            "settings.toml and keymap.toml in the user config dir; bookmarks.sqlite3 and "
            "conferences/ in the user data dir."
        ),
        ".SH SEE ALSO",
        _roff(SEE_ALSO),
    ]
    return "\n".join(lines) + "\n"
