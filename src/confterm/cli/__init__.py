"""The command line: argument parsing and dispatch. No subcommand opens the app.

Every command's arguments are declared in :mod:`confterm.cli.commands`; its implementation, in
a module of its own, is imported only when it runs. Errors meant for the user are
:class:`~confterm.errors.ConftermError`; they are printed as one line each on stderr
(``confterm: error: ...``) with exit code 1 (bad data) or 2 (bad usage).
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Sequence

from confterm import __version__
from confterm.cli.commands import complete_with, declare
from confterm.cli.context import Context
from confterm.errors import EXIT_USAGE, ConftermError
from confterm.text import clean, one_line


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
    """A ``--tz`` value: ``conference``, ``local`` or a zone that exists (argparse turns the
    error into exit 2). Checked as the arguments are read, so that every command refuses it,
    also one that shows no time (``bookmark add``); the same name from the environment or the
    settings file is checked where it is used."""
    if not text.strip():
        raise argparse.ArgumentTypeError("empty time zone (use conference, local or an IANA name)")
    if text not in ("conference", "local"):
        from confterm.text import shorten
        from confterm.timezones import find_zone

        if find_zone(text) is None:
            raise argparse.ArgumentTypeError(
                f"unknown time zone {shorten(text)!r} (use conference, local or an IANA name)"
            )
    return text


class _NotNow(Exception):
    """The arguments are not a plain ``confterm now`` call: parse them with the full parser."""


class _HandOver(argparse.ArgumentParser):
    """In the parser of :func:`build_parser` with ``now`` alone: every error (a help or
    version option before ``now`` is one there) hands the arguments over to the full parser."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise _NotNow(message)


class _NowParser(_HandOver, _Parser):
    """The top of the parser with ``now`` alone."""


class _NowCommandParser(_HandOver, _CommandParser):
    """``now``'s own parser there."""


def build_parser(*, only_now: bool = False) -> argparse.ArgumentParser:
    """The full argument parser, with every subcommand (``only_now``: see :func:`_parse`)."""
    parser_class = _NowParser if only_now else _Parser
    command_class = _NowCommandParser if only_now else _CommandParser
    parser = parser_class(
        prog="confterm",
        description="A terminal companion for conference attendees. "
        "With no command, opens the app on the selected conference.",
        add_help=not only_now,
    )
    if not only_now:
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
        title="commands", metavar="COMMAND", parser_class=command_class
    )

    def add(name: str, **kwargs: str) -> argparse.ArgumentParser:
        sub: argparse.ArgumentParser = subparsers.add_parser(name, **kwargs)  # type: ignore[arg-type]
        _add_global_options(sub, suppress=True)
        return sub

    declare(add, only_now=only_now)
    return parser


def _parse(argv: Sequence[str] | None) -> argparse.Namespace:
    """The parsed arguments.

    ``confterm now`` runs every few seconds in a status line, and building the parser of every
    command is a good part of its start: its arguments are parsed first by a parser that knows
    ``now`` alone. That parser is the full one minus the other commands, so whatever it accepts
    the full one reads the same way; anything else (another command, an error, ``--help`` or
    ``--version`` before the command, a completion request) goes to the full parser, which
    answers as it always does.
    """
    words = sys.argv[1:] if argv is None else list(argv)
    if "now" in words and "_ARGCOMPLETE" not in os.environ:
        try:
            return build_parser(only_now=True).parse_args(words)
        except _NotNow:
            pass
    parser = build_parser()
    if "_ARGCOMPLETE" in os.environ:
        # The shell asks for completions (see 'confterm completion'); only then is
        # argcomplete imported. It answers and exits.
        from confterm.cli.completion import autocomplete

        autocomplete(parser)
    return parser.parse_args(words)


def main(argv: Sequence[str] | None = None) -> int:
    """Run confterm with ``argv`` (default: the process arguments); return the exit code."""
    # Paused while the parser and the app are built (see run_app), which allocate much and
    # free little; commands resume it as soon as the arguments are read.
    collecting = gc.isenabled()
    gc.disable()
    try:
        args = _parse(argv)
    finally:
        if collecting:
            gc.enable()
    try:
        # Inside the try: building the context checks --now, for every command.
        context = Context(args)
        if args.handler is None:
            return _open_app(context)
        result: int = args.handler(context)
        # Flush here, not at interpreter exit, so a full disk is reported like any other error.
        sys.stdout.flush()
        for notice in context.notices:
            sys.stderr.write(f"confterm: warning: {notice}\n")
        return result
    except ConftermError as error:
        for line in error.lines():
            # Messages quote file names, URLs and values from data: never raw on the terminal.
            sys.stderr.write(f"confterm: error: {one_line(line)}\n")
        # Candidates of an ambiguous argument, under the error line (see cli/items.py).
        for line in getattr(error, "details", ()):
            sys.stderr.write(f"  {clean(line)}\n")  # aligned columns: not collapsed
        return error.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (e.g. `confterm list | head`); that is not an error.
        sys.stderr.close()
        return 0
    except OSError as error:
        # Usually stdout on a full disk; keep the exit-time flush from failing again. An error
        # about a named file says which file instead.
        _silence_stdout()
        place = f"{error.filename}" if error.filename else "cannot write output"
        sys.stderr.write(f"confterm: error: {one_line(f'{place}: {error.strerror or error}')}\n")
        return 1


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass


def _open_app(context: Context) -> int:
    from confterm.tui import AppOptions, run_app

    options = AppOptions(
        program=context.program,
        data_dir=context.data_dir,
        clock=context.clock,
        display_zone=context.display_zone,
        # Read before the notices are: a settings problem found on the way is one of them.
        remind_minutes=context.remind_minutes,
        theme=context.theme,
        notices=tuple(context.notices),
    )
    return run_app(options)
