"""How CLI commands print: rich tables on a terminal, plain text when piped, stable JSON.

Every command renders through these helpers so that all of them honour the same rules:

* Text from data files is never interpreted as markup and never carries escape sequences: each
  cell goes through :func:`confterm.text.one_line` (or :func:`~confterm.text.clean` for
  multi-line fields) and is rendered as a rich :class:`~rich.text.Text`.
* On a terminal the output uses rich tables; piped, it is plain text with no escape codes.
  ``NO_COLOR`` (any non-empty value) turns colour off on a terminal.
* On a terminal, http(s) URLs in details are hyperlinks (OSC 8) to the address as
  :func:`confterm.present.links.link_url` makes it safe; the text shown is the literal URL.
  ``TERM=dumb`` turns them off; piped output has plain URLs only.
* ``--json`` output is built by :mod:`confterm.export.records` and printed by
  :func:`print_json`.

The JSON session object (stable; new keys may be added, none removed or renamed)::

    {"id": str, "title": str, "kind": str (a SessionKind value),
     "day": "YYYY-MM-DD" | null,
     "start": ISO 8601 with the display zone's UTC offset | null (time to be announced),
     "end": same as start,
     "room": {"id", "name"} | null, "track": {"id", "name"} | null,
     "speakers": [{"id", "name", "affiliation"}], "description": str,
     "links": [{"title", "url"}], "source_url": str | null,
     "papers": [{"id", "title", "authors": [{"name", "affiliation"}], "url", "award"}]
        (only when asked for)}
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TextIO

from confterm.export.records import json_text
from confterm.text import clean, one_line

if TYPE_CHECKING:
    # rich is imported where a terminal is written to: a command writing JSON, a file or a
    # pipe never pays for it (about 30 ms of every such process).
    from rich.console import Console
    from rich.text import Text


def no_color() -> bool:
    """True when the user asked for no colour (https://no-color.org)."""
    return bool(os.environ.get("NO_COLOR"))


def is_rich(stream: TextIO | None = None) -> bool:
    """True when ``stream`` (default stdout) is a terminal, so tables and styles may be used."""
    return is_terminal(stream if stream is not None else sys.stdout)


def is_terminal(stream: TextIO | None) -> bool:
    """True when ``stream`` is an open terminal (a missing, closed or detached one is not)."""
    try:
        return stream is not None and stream.isatty()
    except (AttributeError, OSError, ValueError):
        return False


def make_console(stream: TextIO | None = None) -> Console:
    """A rich console on ``stream`` that never interprets markup and honours ``NO_COLOR``."""
    from rich.console import Console

    return Console(
        file=stream if stream is not None else sys.stdout,
        markup=False,
        emoji=False,
        highlight=False,
        no_color=no_color(),
    )


def print_json(obj: Any, stream: TextIO | None = None, *, expand: int = 64) -> None:
    """Print ``obj`` as indented JSON, keys in the order they were built; below ``expand``
    levels each value takes one line (see :func:`confterm.export.records.json_text`)."""
    out = stream if stream is not None else sys.stdout
    out.write(json_text(obj, expand))


# ---------------------------------------------------------------------------------------------
# Tables: a list of sections with the same columns, printed as rich tables or plain text.


@dataclass(frozen=True)
class Column:
    """One column of a listing.

    ``pad`` aligns the column in plain text (the last free-text columns should not be padded);
    ``prefix`` is written before a non-empty value in plain text (e.g. ``"· "`` for a room).
    """

    header: str
    style: str = ""
    pad: bool = True
    prefix: str = ""


@dataclass
class Section:
    """Rows under one heading; ``level`` 2 is a sub-heading (e.g. "Time to be announced")."""

    heading: str | None
    rows: Sequence[Sequence[str]] = field(default_factory=list)
    level: int = 1


def print_sections(
    sections: Sequence[Section],
    columns: Sequence[Column],
    *,
    empty: str = "Nothing to show.",
    stream: TextIO | None = None,
) -> None:
    """Print ``sections`` as rich tables on a terminal, or as aligned plain text."""
    out = stream if stream is not None else sys.stdout
    shown = [s for s in sections if s.rows]
    if not shown:
        out.write(empty + "\n")
        return
    if is_rich(out):
        _print_rich_sections(shown, columns, make_console(out))
    else:
        out.write(plain_sections(shown, columns))


def plain_sections(sections: Sequence[Section], columns: Sequence[Column]) -> str:
    """The plain-text form of ``sections``: headings, then rows indented by two spaces."""
    widths = [0] * len(columns)
    for section in sections:
        for row in section.rows:
            for index, cell in enumerate(row):
                widths[index] = max(widths[index], len(one_line(cell)))
    lines: list[str] = []
    for section in sections:
        if section.heading is not None:
            if section.level == 1 and lines:
                lines.append("")
            indent = "" if section.level == 1 else "  "
            lines.append(indent + one_line(section.heading))
        for row in section.rows:
            parts = []
            for index, (cell, column) in enumerate(zip(row, columns, strict=False)):
                value = one_line(cell)
                if not value:
                    # A column empty in every row (no kind worth showing) takes no room.
                    if column.pad and widths[index]:
                        parts.append(" " * widths[index])
                    continue
                value = column.prefix + value
                parts.append(value.ljust(widths[index]) if column.pad else value)
            lines.append(("  " + "  ".join(parts)).rstrip())
    return "\n".join(lines) + "\n"


def _print_rich_sections(
    sections: Sequence[Section], columns: Sequence[Column], console: Console
) -> None:
    from rich.cells import cell_len
    from rich.table import Table
    from rich.text import Text

    # Each section is its own table; giving the aligned columns the widest cell of all of them
    # lines the tables up (a "Time to be announced" table under a timed one, say).
    widths = [
        max(
            (cell_len(one_line(row[i])) for s in sections for row in s.rows if i < len(row)),
            default=0,
        )
        if column.pad
        else None
        for i, column in enumerate(columns)
    ]
    for index, section in enumerate(sections):
        title = None
        if section.heading is not None:
            style = "bold" if section.level == 1 else "italic"
            title = Text(one_line(section.heading), style=style)
        table = Table(
            title=title,
            title_justify="left",
            show_header=index == 0 or section.level == 1,
            header_style="bold",
            expand=False,
            box=None,
            pad_edge=False,
        )
        for column, width in zip(columns, widths, strict=True):
            table.add_column(
                column.header,
                style=column.style or None,
                no_wrap=column.pad,
                min_width=max(width, cell_len(column.header)) if width is not None else None,
            )
        for row in section.rows:
            table.add_row(*(Text(one_line(cell)) for cell in row))
        if index and section.level == 1:
            console.print()
        console.print(table)


# ---------------------------------------------------------------------------------------------
# Details: one item with labelled fields (``confterm show``).


@dataclass
class Detail:
    """A labelled field of a detail view; ``lines`` of more than one line print as a block."""

    label: str
    lines: list[str]
    multiline: bool = False


def print_details(
    title: str, fields: Sequence[Detail], *, subtitle: str = "", stream: TextIO | None = None
) -> None:
    """Print a title and labelled fields (fields with no lines are left out)."""
    out = stream if stream is not None else sys.stdout
    shown = [f for f in fields if any(line.strip() for line in f.lines)]
    if is_rich(out):
        from rich.table import Table
        from rich.text import Text

        console = make_console(out)
        console.print(Text(one_line(title), style="bold"))
        if subtitle:
            console.print(Text(one_line(subtitle), style="dim"))
        grid = Table.grid(padding=(0, 2))
        grid.add_column(style="bold", no_wrap=True)
        grid.add_column()
        for detail in shown:
            grid.add_row(Text(detail.label), linked_text("\n".join(_cell_lines(detail))))
        console.print(grid)
        return
    width = max((len(f.label) for f in shown), default=0) + 2
    lines = [one_line(title)]
    if subtitle:
        lines.append(one_line(subtitle))
    for detail in shown:
        body = _cell_lines(detail)
        if detail.multiline or len(body) > 1:
            lines.append(f"{detail.label}:")
            lines.extend(f"  {line}".rstrip() for line in body)
        else:
            lines.append(f"{detail.label + ':':<{width}}{body[0]}")
    out.write("\n".join(lines) + "\n")


_URL = re.compile(r"https?://[^\s<>\"']+", re.IGNORECASE)


def hyperlinks_wanted() -> bool:
    """False on a terminal that says it is dumb (it would show the escape codes)."""
    return os.environ.get("TERM", "") != "dumb"


def linked_text(text: str) -> Text:
    """``text`` (already cleaned) as rich Text whose http(s) URLs are hyperlinks."""
    from rich.style import Style
    from rich.text import Text

    from confterm.present.links import link_url

    result = Text(text)
    if not hyperlinks_wanted():
        return result
    for match in _URL.finditer(text):
        # Sentence punctuation after a URL is not part of it.
        url = match.group().rstrip(".,;:!?)")
        safe = link_url(url)
        if safe is not None:
            result.stylize(Style(link=safe), match.start(), match.start() + len(url))
    return result


def _cell_lines(detail: Detail) -> list[str]:
    if detail.multiline:
        return [line.rstrip() for text in detail.lines for line in clean(text).split("\n")]
    return [one_line(line) for line in detail.lines if line.strip()]
