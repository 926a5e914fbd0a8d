"""Write confterm's man page, ``src/confterm/cli/confterm.1``, from its argument parser.

Run after changing any command or option (a test fails until the page matches):

    uv run python scripts/build_manpage.py

argparse-manpage (a development dependency) does the roff; the page carries no build date,
so the same parser always gives the same bytes.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from argparse_manpage.manpage import Manpage

from confterm import __version__
from confterm.cli import build_parser

TARGET = Path(__file__).resolve().parents[1] / "src" / "confterm" / "cli" / "confterm.1"


def man_page() -> str:
    """The man page of the current parser, in roff."""
    # argparse wraps help to the terminal's width: fix it, so the page is the same anywhere.
    os.environ["COLUMNS"] = "80"
    page = Manpage(build_parser())
    page.date = ""
    page.source = f"confterm {__version__}"
    page.manual = "User Commands"
    # A wrapped help line starting with a quote would read as a roff control line and vanish:
    # \& (a zero-width character) in front keeps it text.
    return "".join(
        "\\&" + line if line.startswith("'") else line
        for line in str(page).splitlines(keepends=True)
    )


def main() -> int:
    """Write the page; print where."""
    TARGET.write_text(man_page(), encoding="utf-8")
    print(f"wrote {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
