"""Shell completion (bash, zsh, fish) and the man page.

Completion is argcomplete's: the shell script (``confterm completion SHELL``) runs confterm
with ``_ARGCOMPLETE`` set, and only then does :func:`confterm.cli.main` import argcomplete
and hand it the parser; a normal start pays one environment lookup. (shtab, the other
choice, writes static scripts ahead of time but has no fish support, and ids still need a
call back into confterm.) The completers here offer conference ids and session or booth
ids of the conference the command line selects so far.

``confterm man`` prints the man page, written from the parser (:mod:`confterm.cli.manpage`).
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from confterm.cli.context import Context
from confterm.errors import ConftermError

SHELLS = ("bash", "zsh", "fish")


def conference_ids(parsed_args: argparse.Namespace | None = None, **_: Any) -> list[str]:
    """The bundled and imported conference ids."""
    from confterm import paths
    from confterm.store.catalog import bundled_ids, imported_ids

    data_dir = paths.user_data_dir(getattr(parsed_args, "data_dir", None))
    try:
        return sorted({*bundled_ids(), *imported_ids(data_dir)})
    except (ConftermError, OSError):
        return []


def session_ids(parsed_args: argparse.Namespace | None = None, **_: Any) -> list[str]:
    """The session ids of the selected conference."""
    return _ids(parsed_args, booths=False)


def item_ids(
    prefix: str = "", parsed_args: argparse.Namespace | None = None, **_: Any
) -> list[str]:
    """For ``bookmark``: the session and booth ids of the selected conference, or file
    names after ``import`` and ``compare``."""
    if getattr(parsed_args, "action", None) in ("import", "compare"):
        from argcomplete.completers import FilesCompleter

        return list(FilesCompleter()(prefix))
    return _ids(parsed_args, booths=True)


def _ids(parsed_args: argparse.Namespace | None, *, booths: bool) -> list[str]:
    # A completion never fails loudly: no program, no ids.
    try:
        program = Context(parsed_args or argparse.Namespace()).program
    except (ConftermError, OSError):
        return []
    ids = [s.id for s in program.sessions]
    if booths:
        ids += [b.id for b in program.booths]
    return ids


def autocomplete(parser: argparse.ArgumentParser) -> None:
    """Answer the shell's completion request (the process exits inside)."""
    import argcomplete

    argcomplete.autocomplete(parser)


def script(shell: str) -> str:
    """The completion script for ``shell``."""
    from argcomplete.shell_integration import shellcode

    return shellcode(["confterm"], shell=shell)


def run_completion(context: Context) -> int:
    """``confterm completion SHELL``."""
    sys.stdout.write(script(context.args.shell))
    return 0


def run_man(context: Context) -> int:
    """``confterm man``: the man page, e.g. ``confterm man | man -l -``."""
    from confterm.cli.manpage import man_page
    from confterm.cli.parsing import build_parser

    sys.stdout.write(man_page(build_parser()))
    return 0
