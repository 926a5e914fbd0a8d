"""Search folds case and accents: "gluck" finds "Glück" (issue 15, item 9)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from confterm.model.program import Program
from confterm.queries.folding import fold, matches_words
from confterm.queries.index import ProgramIndex
from confterm.queries.search import search_sessions


def test_fold_removes_accents_and_case() -> None:
    assert fold("Glück") == "gluck"
    assert fold("SERENITÄT") == "serenitat"
    assert fold("Ångström café") == "angstrom cafe"
    assert fold("ﬁne Straße") == "fine strasse"


def test_fold_keeps_letters_without_a_plain_form() -> None:
    # Hangul syllables decompose under NFKD; they must come back whole, not as jamo.
    assert fold("한국어") == "한국어"


@pytest.mark.parametrize("text", ["Glück", "ﬁne Straße", "한국어", "e\u0301\u0327", "İstanbul", ""])
def test_fold_is_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)


def test_matches_words_folds_both_sides() -> None:
    assert matches_words("gluck serenitat", "Serenität und Glück")
    assert matches_words("GLÜCK", "gluck")
    assert not matches_words("gluck pech", "Glück")


def test_search_finds_accented_titles_from_plain_letters(tinyconf: Program) -> None:
    first = replace(tinyconf.sessions[0], title="Glück im Chaos")
    second = replace(tinyconf.sessions[1], title="Serenität")
    program = replace(tinyconf, sessions=[first, second, *tinyconf.sessions[2:]])
    assert [s.id for s in search_sessions(ProgramIndex(program), "gluck")] == [first.id]
    assert [s.id for s in search_sessions(ProgramIndex(program), "serenitat")] == [second.id]
    # and the other way round: an accented query finds a plain title
    assert first.id in [s.id for s in search_sessions(ProgramIndex(program), "glück")]
