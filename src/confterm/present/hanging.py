"""Hanging indents: where a wrapped line goes on, so it stays under its own text.

A wrapped paper title in a detail (``  • APOLLO: … AdamW-level`` / ``Performance``) or a
search result's title under its date would lose its place if it wrapped back to column 0.
These rules say where the continuation lines start; the widget that wraps and draws them is
:class:`confterm.tui.widgets.hanging.Hanging`.
"""

from __future__ import annotations

#: Marks that start an item; its continuation lines go under the text after them.
BULLETS = ("• ", "★ ", "⚠ ", "– ", "- ")
#: At most this share of the width is given to an indent (a narrower text would be unreadable).
MOST_INDENT = 0.5


def auto_indent(plain: str) -> int:
    """Where the continuation lines of ``plain`` start: after its leading spaces and bullet."""
    spaces = len(plain) - len(plain.lstrip(" "))
    rest = plain[spaces:]
    bullet = next((len(b) for b in BULLETS if rest.startswith(b)), 0)
    return spaces + bullet


def fitting_indent(indent: int, width: int) -> int:
    """``indent``, cut to the share of ``width`` an indent may take."""
    return min(indent, int(width * MOST_INDENT))
