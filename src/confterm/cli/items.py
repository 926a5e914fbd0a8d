"""What the CLI makes of an item argument (``show X``, ``bookmark add X``): one item, or an
error that lists the candidates.

The look-up itself is :func:`confterm.queries.lookup.find_items`; this module only words
the outcome for a terminal.
"""

from __future__ import annotations

from collections.abc import Collection

from confterm.errors import DataError, UsageError
from confterm.model.program import Program
from confterm.present.formatting import plural
from confterm.queries.lookup import Item, ItemType, find_items, program_short_ids
from confterm.text import one_line

#: How many candidates an "ambiguous" error lists before saying how many more there are.
CANDIDATES_SHOWN = 20


class AmbiguousItem(UsageError):
    """The argument names several items; :attr:`details` lists them, one per line."""

    def __init__(self, message: str, details: list[str]) -> None:
        super().__init__(message)
        self.details = details


def resolve_item(program: Program, text: str, types: Collection[ItemType], *, hint: str) -> Item:
    """The one item ``text`` names (an id, a short id or title words).

    Raises:
        DataError: nothing matches (``hint`` says where to look).
        AmbiguousItem: several match; they are listed with their short ids.
    """
    found = find_items(program, text, types)
    what = " or ".join(str(t) for t in types)
    if not found:
        raise DataError(
            f"{program.conference.id}: no {what} with the id or title {one_line(text)!r} ({hint})"
        )
    if len(found) == 1:
        return found[0]
    raise ambiguous(program, text, found, types)


def ambiguous(
    program: Program, text: str, found: list[Item], types: Collection[ItemType]
) -> AmbiguousItem:
    """The error for ``text`` matching every item of ``found``: they are listed with their
    short ids, so the user can pick one."""
    short = program_short_ids(program)
    width = max(len(short[item.id]) for item in found[:CANDIDATES_SHOWN])
    details = [
        f"{short[item.id]:<{width}}  {item.type.value:<7}  {one_line(item.title)}"
        for item in found[:CANDIDATES_SHOWN]
    ]
    if len(found) > CANDIDATES_SHOWN:
        details.append(f"... and {len(found) - CANDIDATES_SHOWN} more")
    noun = str(next(iter(types))) if len(types) == 1 else "item"
    return AmbiguousItem(
        f"{one_line(text)!r} matches {plural(len(found), noun)}; give one of these ids:",
        details,
    )
