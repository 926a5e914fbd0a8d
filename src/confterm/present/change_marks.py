"""How a change mark reads (see :mod:`confterm.store.change_marks`): the word a row carries,
and the line at the top of the session's detail saying what changed. Plain text: the mark
is readable without colour."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import tzinfo

from confterm.present.detail_text import Line, Role, Span
from confterm.present.formatting import missing_label
from confterm.store.change_marks import ChangeMark

#: What a row says for the first kind of change of its mark.
ROW_WORDS = {"cancelled": "cancelled", "moved": "moved", "retitled": "changed"}


def change_word(kinds: Sequence[str]) -> str:
    """``moved``: the word a row shows (cancelled before moved before a new title)."""
    return ROW_WORDS[kinds[0]] if kinds else ""


def change_line(mark: ChangeMark, zone: tzinfo) -> Line:
    """``‼ Moved and retitled in a refresh: Old Title (was Sat 28 Dec 14:00–15:00, Saal 1)``
    for the top of the detail (opening the detail is what makes the mark seen)."""
    names = {"cancelled": "Cancelled", "moved": "Moved", "retitled": "Retitled"}
    # A cancellation is told by a new title: "retitled" would say it twice.
    kinds = [k for k in mark.kinds if not (k == "retitled" and "cancelled" in mark.kinds)]
    said = [names[k] for k in kinds]
    what = said[0] + "".join(f" and {k.lower()}" for k in said[1:])
    before = missing_label("session", mark.session_id, mark.before, zone)
    return (Span(f"‼ {what} in a refresh: {before}", Role.CLASH),)


__all__ = ["ROW_WORDS", "change_line", "change_word"]
