"""The argument parser of every command (see :mod:`confterm.cli` for how a run goes).

Every command's arguments are declared in :mod:`confterm.cli.commands`; its implementation, in
a module of its own, is imported only when it runs. Parse errors are one line on stderr with
exit code 2.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Sequence

from confterm import __version__
from confterm.cli.commands import complete_with, declare
from confterm.cli.option_values import zone_spec
from confterm.errors import EXIT_USAGE
from confterm.text import one_line


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line and exit code 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        # The message quotes the arguments, which may hold escape sequences: cleaned.
        sys.stderr.write(f"confterm: error: {one_line(message)} (see '{self.prog} --help')\n")
        raise SystemExit(EXIT_USAGE)


class _CommandParser(_Parser):
    """A sub-command's parser: options may come anywhere among its arguments.

    Plain argparse stops filling ``bookmark add ID...`` at the first option, so
    ``bookmark add --conference X ID`` would leave ``ID`` unrecognised.
    """

    _intermixing = False

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        if self._intermixing:
            # parse_known_intermixed_args calls back here for its two passes.
            return super().parse_known_args(args, namespace)
        self._intermixing = True
        try:
            return self.parse_known_intermixed_args(args, namespace)
        finally:
            self._intermixing = False


def _add_global_options(parser: argparse.ArgumentParser, *, suppress: bool) -> None:
    # Sub-parsers use SUPPRESS so an option given before the subcommand is not reset by it.
    def default(value: object) -> object:
        return argparse.SUPPRESS if suppress else value

    group = parser.add_argument_group("global options")
    group.add_argument(
        "--data",
        metavar="FILE",
        default=default(None),
        help="a conference file in confterm's format instead of the bundled program",
    )
    complete_with(
        group.add_argument(
            "--conference",
            metavar="ID",
            default=default(None),
            help="an imported or bundled conference (see 'confterm conferences'; env "
            "CONFTERM_CONFERENCE; settings file 'conference')",
        ),
        "conference_ids",
    )
    group.add_argument(
        "--tz",
        metavar="ZONE",
        type=_zone_spec,
        default=default(None),
        help="display zone: conference (default), local, or an IANA name (env CONFTERM_TZ; "
        "settings file 'zone')",
    )
    group.add_argument(
        "--now",
        metavar="ISO-DATETIME",
        default=default(None),
        help="the clock, for 'today' and 'now' (default: real clock; env CONFTERM_NOW)",
    )
    group.add_argument(
        "--data-dir",
        metavar="DIR",
        default=default(None),
        help="where user data lives (default: the platform's user data dir; env CONFTERM_DATA_DIR)",
    )


def _minutes(text: str) -> int:
    """A whole, non-negative number of minutes (argparse turns the error into exit 2)."""
    from confterm.settings import parse_minutes

    try:
        return parse_minutes(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _zone_spec(text: str) -> str:
    """A ``--tz`` value (see :func:`confterm.cli.option_values.zone_spec`)."""
    try:
        return zone_spec(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser, with every subcommand."""
    parser = _Parser(
        prog="confterm",
        description="A terminal companion for conference attendees. "
        "With no command, opens the app on the selected conference.",
    )
    parser.add_argument("--version", action="version", version=f"confterm {__version__}")
    _add_global_options(parser, suppress=False)
    parser.add_argument(
        "--remind",
        metavar="MINUTES",
        type=_minutes,
        default=None,
        help="in the app, remind this many minutes before each bookmarked session "
        "(default: 10; 0: no reminders; env CONFTERM_REMIND; settings file 'remind_minutes')",
    )
    parser.add_argument(
        "--theme",
        metavar="NAME",
        default=None,
        help="the app's colour theme, e.g. textual-light (env CONFTERM_THEME; settings file "
        "'theme', which the app's theme picker saves)",
    )
    parser.set_defaults(handler=None)
    subparsers = parser.add_subparsers(
        title="commands", metavar="COMMAND", parser_class=_CommandParser
    )

    def add(name: str, **kwargs: str) -> argparse.ArgumentParser:
        sub: argparse.ArgumentParser = subparsers.add_parser(name, **kwargs)  # type: ignore[arg-type]
        _add_global_options(sub, suppress=True)
        return sub

    declare(add)
    return parser


def parse(words: list[str]) -> argparse.Namespace:
    """The parsed arguments (an error or ``--help`` exits here, as argparse does)."""
    # Paused while the parser is built, which allocates much and frees little.
    collecting = gc.isenabled()
    gc.disable()
    try:
        parser = build_parser()
        if "_ARGCOMPLETE" in os.environ:
            # The shell asks for completions (see 'confterm completion'); only then is
            # argcomplete imported. It answers and exits.
            from confterm.cli.completion import autocomplete

            autocomplete(parser)
        return parser.parse_args(words)
    finally:
        if collecting:
            gc.enable()
