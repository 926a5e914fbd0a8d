"""Short ids and finding an item from what a user typed (issue 15, item 2)."""

from __future__ import annotations

import pytest

from confterm.model.program import Program
from confterm.queries.lookup import (
    SHORT_ID_WHOLE,
    ItemType,
    find_items,
    program_short_ids,
    short_ids,
)

ALL = list(ItemType)


def test_short_ids_keep_short_ids_whole() -> None:
    assert short_ids(["lunch-1", "acme"]) == {"lunch-1": "lunch-1", "acme": "acme"}


def test_short_ids_cut_long_ids_to_a_unique_prefix() -> None:
    ids = ["keynote-chintala-extreme", "keynote-stoica-ai", "pytorch-foundation"]
    assert short_ids(ids) == {
        "keynote-chintala-extreme": "keynote-c",
        "keynote-stoica-ai": "keynote-s",
        "pytorch-foundation": "pytorch",  # the separator it was cut after is dropped
    }


def test_an_id_that_starts_another_gets_a_suffix() -> None:
    # 36C3 merged: a duplicate uuid is disambiguated with a suffix, so the plain uuid is a
    # prefix of the other one and no prefix of it can be unique.
    plain = "4f5c1cc5-ad99-52dc-89cd-699eae66bcb8"
    other = plain + "-89b651b2"
    short = short_ids([plain, other])
    assert short[other] == "89b651b2"
    assert plain.endswith(short[plain])
    assert len(short[plain]) <= SHORT_ID_WHOLE
    assert short[plain] != short[other]


@pytest.mark.parametrize("count", [2, 50, 400])
def test_short_ids_of_uuids_are_unique_and_find_their_item(count: int) -> None:
    import uuid

    ids = [str(uuid.UUID(int=n * 7919 + 12345)) for n in range(count)]
    short = short_ids(ids)
    assert len(set(short.values())) == len(ids)
    for item_id, cut in short.items():
        assert item_id.startswith(cut) or item_id.endswith(cut)
        assert len(cut) <= SHORT_ID_WHOLE
        matching = [i for i in ids if i.startswith(cut) or i.endswith(cut)]
        assert matching == [item_id]


def test_every_short_id_of_a_program_finds_exactly_its_item(tinyconf: Program) -> None:
    for item_id, cut in program_short_ids(tinyconf).items():
        found = find_items(tinyconf, cut, ALL)
        assert [item.id for item in found] == [item_id]


def test_find_by_exact_id_prefers_it_over_titles(tinyconf: Program) -> None:
    (item,) = find_items(tinyconf, "lunch-1", ALL)
    assert (item.type, item.id) == (ItemType.SESSION, "lunch-1")


def test_find_by_title_words_folds_case_and_accents(tinyconf: Program) -> None:
    (item,) = find_items(tinyconf, "PARSING schédules", ALL)
    assert item.id == "parsing-schedules"


def test_find_by_title_reaches_papers_and_booths(tinyconf: Program) -> None:
    (paper,) = find_items(tinyconf, "survive kill", ALL)
    assert (paper.type, paper.id) == (ItemType.PAPER, "sqlite-bookmarks")
    (booth,) = find_items(tinyconf, "globex", ALL)
    assert booth.type is ItemType.BOOTH


def test_whole_words_win_over_substrings(tinyconf: Program) -> None:
    # "keynote" is a whole word of two titles; both are returned (the caller lists them).
    assert {i.id for i in find_items(tinyconf, "keynote", ALL)} == {
        "opening-keynote",
        "closing-keynote",
    }
    # An exact title wins over titles that merely contain it.
    assert [i.id for i in find_items(tinyconf, "closing keynote", ALL)] == ["closing-keynote"]


def test_types_limit_what_is_found(tinyconf: Program) -> None:
    assert find_items(tinyconf, "survive kill", [ItemType.SESSION]) == []
    assert find_items(tinyconf, "nothing like this", ALL) == []
    assert find_items(tinyconf, "   ", ALL) == []
