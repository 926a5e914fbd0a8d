"""Finding a session, booth or paper from what a user typed: an id, a short id or a title.

Imported ids are long (``sxxwu-u4pnjjfzll9xxdda-caa39c3f``), so listings show a *short id*:
the whole id when it is short, else the shortest prefix of at least :data:`SHORT_ID_MIN`
characters that no other id of the program starts with (or, failing that, a suffix). What
a user types is looked up as, in order: an exact id; the start or end of ids (a short id is
one); words of a title (case and accents folded). The caller decides what several matches
mean (the CLI lists them). No Textual.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from enum import StrEnum

from confterm.model.program import Program
from confterm.queries.folding import fold, matches_words

#: Ids up to this long are shown whole.
SHORT_ID_WHOLE = 12
#: A shortened id keeps at least this many characters (8 hex digits of a UUID are plenty).
SHORT_ID_MIN = 8
#: A typed prefix shorter than this is not taken for an id (it would match by accident).
PREFIX_MIN = 4


class ItemType(StrEnum):
    """What a looked-up item is."""

    SESSION = "session"
    BOOTH = "booth"
    PAPER = "paper"


@dataclass(frozen=True, slots=True)
class Item:
    """One session, booth or paper of a program, as a look-up returns it."""

    type: ItemType
    id: str
    title: str


def short_ids(ids: Iterable[str]) -> dict[str, str]:
    """Each id's short form: whole when short, else its shortest unique prefix, else (when
    that is long, as for ``uuid`` beside ``uuid-89b651b2``) its shortest unique suffix.

    "Unique" is in the sense :func:`find_items` reads a typed id: no other id starts or ends
    with it. Sorted, an id shares its longest common prefix with a neighbour, so one pass over
    the sorted ids (and one over the reversed ids, for suffixes) finds how much is needed.
    """
    ordered = sorted(set(ids))
    prefix_needed = _needed(ordered)
    backwards = sorted(item_id[::-1] for item_id in ordered)
    suffix_needed = {rev[::-1]: need for rev, need in _needed(backwards).items()}
    starts = _Affixes(ordered)
    ends = _Affixes(backwards)
    result = {}
    for item_id in ordered:
        chosen = item_id
        if len(item_id) > SHORT_ID_WHOLE:
            prefix = item_id[: prefix_needed[item_id]]
            suffix = item_id[len(item_id) - suffix_needed[item_id] :]
            # A prefix cut just after a separator ("pytorch-") reads better without it.
            for candidate in (prefix.rstrip(_SEPARATORS), prefix, suffix):
                if (
                    PREFIX_MIN <= len(candidate) <= SHORT_ID_WHOLE
                    and starts.count(candidate) + ends.count(candidate[::-1]) == 1
                ):
                    chosen = candidate
                    break
        result[item_id] = chosen
    return result


_SEPARATORS = "-_.:/ "


def _needed(ordered: list[str]) -> dict[str, int]:
    """For each of the sorted ``ordered``, how many leading characters set it apart from its
    neighbours (at least :data:`SHORT_ID_MIN`)."""
    shared = [0] * len(ordered)
    for index in range(1, len(ordered)):
        common = common_prefix_length(ordered[index - 1], ordered[index])
        shared[index - 1] = max(shared[index - 1], common)
        shared[index] = max(shared[index], common)
    return {
        text: min(len(text), max(SHORT_ID_MIN, common + 1))
        for text, common in zip(ordered, shared, strict=True)
    }


class _Affixes:
    """How many of some sorted strings start with a given text (two bisections)."""

    def __init__(self, ordered: list[str]) -> None:
        self._ordered = ordered

    def count(self, prefix: str) -> int:
        low = bisect.bisect_left(self._ordered, prefix)
        high = bisect.bisect_left(self._ordered, prefix + "\U0010ffff")
        return high - low


def common_prefix_length(a: str, b: str) -> int:
    """How many leading characters ``a`` and ``b`` share."""
    length = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        length += 1
    return length


def program_items(program: Program, types: Collection[ItemType] = tuple(ItemType)) -> list[Item]:
    """The sessions, booths and papers of ``program`` (those of ``types``), in file order."""
    items: list[Item] = []
    if ItemType.SESSION in types:
        items += [Item(ItemType.SESSION, s.id, s.title) for s in program.sessions]
    if ItemType.BOOTH in types:
        items += [Item(ItemType.BOOTH, b.id, b.organisation) for b in program.booths]
    if ItemType.PAPER in types:
        items += [Item(ItemType.PAPER, p.id, p.title) for p in program.papers]
    return items


def program_short_ids(program: Program) -> dict[str, str]:
    """The short id of every session, booth and paper id of ``program``: unique across all
    three, so a short id names one item whatever the command."""
    return short_ids(item.id for item in program_items(program))


def find_items(program: Program, text: str, types: Collection[ItemType]) -> list[Item]:
    """The items of ``types`` that ``text`` names, from the surest reading to the loosest:

    1. an exact id;
    2. a short id: the start (from :data:`PREFIX_MIN` characters) or end (from
       :data:`SHORT_ID_MIN`) of exactly one id, typed as one word;
    3. a title equal to ``text``;
    4. titles having every word of ``text`` as a whole word ("session 1" is not "Session 11");
    5. ids starting or ending with ``text``;
    6. titles containing every word of ``text``.

    Case and accents never matter in titles. The first reading that finds anything wins.
    """
    wanted = text.strip()
    if not wanted:
        return []
    items = program_items(program, types)
    exact = [item for item in items if item.id == wanted]
    if exact:
        # An id shared by a session and a booth names the session (the first type asked for).
        return exact[:1]
    affixed = [item for item in items if _affix_of(wanted, item.id)]
    if len(affixed) == 1 and not any(c.isspace() for c in wanted):
        return affixed
    folded = fold(wanted)
    query_words = _WORD.findall(folded)
    titled = [item for item in items if matches_words(wanted, item.title)]
    for found in (
        [item for item in titled if fold(item.title) == folded],
        [item for item in titled if set(query_words) <= set(_WORD.findall(fold(item.title)))],
        affixed,
        titled,
    ):
        if found:
            return found
    return []


_WORD = re.compile(r"\w+")


def _affix_of(text: str, item_id: str) -> bool:
    """True when ``text`` is long enough to be taken for a piece of ``item_id`` and is one."""
    return (len(text) >= PREFIX_MIN and item_id.startswith(text)) or (
        len(text) >= SHORT_ID_MIN and item_id.endswith(text)
    )
