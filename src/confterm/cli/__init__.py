"""The command line: reading the arguments, and running a command. No command opens the app.

Every command's arguments are declared in :mod:`confterm.cli.commands` and read by the parser
of :mod:`confterm.cli.parsing`; a command's implementation, in a module of its own, is
imported only when it runs. ``confterm now`` runs every few seconds in a status line: a plain
call of it is read by :mod:`confterm.cli.now_args`, without building any parser (anything else
goes to the parser, which answers as it always does). Errors meant for the user are
:class:`~confterm.errors.ConftermError`; they are printed as one line each on stderr
(``confterm: error: ...``) with exit code 1 (bad data) or 2 (bad usage).
"""

from __future__ import annotations

import os
import sys

# Not typing's: importing typing is a good part of the start of `confterm now`.
TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse
    from collections.abc import Sequence
    from types import SimpleNamespace
    from typing import Any, NoReturn

    from confterm.cli.context import Context


def entry() -> NoReturn:
    """The ``confterm`` script: :func:`main`, then the process ends.

    After a command (not the app), the process ends at once, without freeing what the
    command built object by object: a 50,000-session program is millions of objects, and
    Python's own exit spent some 70 ms freeing them, a tenth of a whole-program export;
    the system takes the memory back in one go. Everything is written by then: files and
    the bookmark store are closed or committed as each is written, and the standard
    streams are flushed here.
    """
    built: list[object] = []
    code = main(keep=built)
    if not built:
        sys.exit(code)
    for stream in (sys.stdout, sys.stderr):
        # Not contextlib.suppress: one more import on the start of `confterm now`.
        try:  # noqa: SIM105
            stream.flush()
        except (OSError, ValueError):
            pass  # a reader gone away (or a closed stream): nothing more can be said
    os._exit(code)


def main(argv: Sequence[str] | None = None, *, keep: list[object] | None = None) -> int:
    """Run confterm with ``argv`` (default: the process arguments); return the exit code.

    ``keep``: a command's context (with the program it loaded) is added to it, so that it
    outlives the call (see :func:`entry`).
    """
    words = sys.argv[1:] if argv is None else list(argv)
    from confterm.cli.now_args import read_now_args

    args: argparse.Namespace | SimpleNamespace | None = read_now_args(words)
    if args is None:
        from confterm.cli.parsing import parse

        args = parse(words)
    return run(args, keep=keep)


def run(args: argparse.Namespace | SimpleNamespace, *, keep: list[object] | None = None) -> int:
    """Run the command ``args`` names (with none, the app); return the exit code (``keep``:
    see :func:`main`)."""
    from confterm.errors import ConftermError
    from confterm.text import clean, one_line

    try:
        from confterm.cli.context import Context

        # Inside the try: building the context checks --now, for every command.
        context = Context(args)
        if args.handler is None:
            return _open_app(context)
        if keep is not None:
            keep.append(context)
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


def _app_has_terminal() -> bool:
    """True when stdin and stdout are both terminals, as the full-screen app needs."""
    from confterm.cli.output import is_terminal

    return is_terminal(sys.stdin) and is_terminal(sys.stdout)


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
    if not _app_has_terminal():
        # Checked once the program is read, so a bad file is still reported as bad data. A
        # full-screen app on a pipe, a file or /dev/null reads no keys and draws for no one
        # (it used to crash on end-of-input, or grow without end on a closed stdin).
        from confterm.errors import UsageError

        raise UsageError(
            "the app needs a terminal (stdin or stdout is not one); in a script use a command "
            "such as 'confterm list', 'confterm now' or 'confterm agenda' (see 'confterm --help')"
        )
    return run_app(options)


def __getattr__(name: str) -> Any:
    # ``from confterm.cli import build_parser`` (tests) still works;
    # the parser's module is imported only then.
    if name == "build_parser":
        from confterm.cli.parsing import build_parser

        return build_parser
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
