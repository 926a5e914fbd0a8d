"""The ranked search engine: ranking tiers, bookmarks among equals, booths, narrowing."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from confterm.model.program import Program
from confterm.model.validation import build_record
from confterm.queries.index import ProgramIndex
from confterm.queries.search import (
    SCORE_EXACT,
    SCORE_FUZZY,
    SearchIndex,
    search_sessions,
)
from confterm.store.catalog import open_program

START = datetime(2026, 5, 4, 9, tzinfo=UTC)


def _program() -> Program:
    """One session per ranking tier for the query "graph", filed in reverse time order so
    that ranking cannot be mistaken for time order."""
    specs: list[dict[str, Any]] = [
        {"id": "exact", "title": "Graph"},
        {"id": "prefix", "title": "Graphs at Scale"},
        {"id": "word", "title": "Learning on (Graphs)"},
        {"id": "substring", "title": "Paragraphs Everywhere"},
        {"id": "alias", "title": "Session 4", "aliases": ["Graphs, Old Title"]},
        {"id": "speaker", "title": "Talk One", "speakers": ["ana"]},
        {"id": "room", "title": "Talk Two", "room": "graph-room"},
        {"id": "paper", "title": "Talk Three"},
        {"id": "description", "title": "Talk Four", "description": "All about graph theory."},
        {"id": "fuzzy", "title": "The G.R.A.P.H. Project"},
        {"id": "nothing", "title": "Unrelated"},
    ]
    sessions = []
    for position, spec in enumerate(specs):
        start = START + timedelta(hours=len(specs) - position)
        sessions.append(
            {
                "kind": "talk",
                "day": start.date().isoformat(),
                "start": start.isoformat(),
                "end": (start + timedelta(minutes=30)).isoformat(),
                **spec,
            }
        )
    return build_record(
        Program,
        **{
            "conference": {
                "id": "hand",
                "name": "Hand Built",
                "short_name": "HB",
                "start_date": "2026-05-04",
                "end_date": "2026-05-04",
                "timezone": "UTC",
            },
            "rooms": [{"id": "graph-room", "name": "The Graph Room"}],
            "speakers": [{"id": "ana", "name": "Ana Graphton"}],
            "sessions": sessions,
            "papers": [{"id": "p1", "title": "Kernels on a graph", "session": "paper"}],
            "booths": [{"id": "graphco", "organisation": "GraphCo", "description": "x"}],
        },
    )


def test_ranking_tiers_in_order() -> None:
    hits = SearchIndex(ProgramIndex(_program())).search("Graph")
    assert [(h.item_id, h.field) for h in hits] == [
        ("exact", "title"),
        ("prefix", "title"),
        ("graphco", "organisation"),
        ("word", "title"),
        ("substring", "title"),
        ("alias", "alias"),
        ("speaker", "speaker"),
        ("room", "room"),
        ("paper", "paper"),
        ("description", "description"),
        ("fuzzy", "fuzzy"),
    ]
    assert hits[0].score == SCORE_EXACT
    assert hits[-1].score == SCORE_FUZZY
    assert [h.kind for h in hits].count("booth") == 1


def test_time_order_among_equals_and_bookmarks_first(tinyconf: Program) -> None:
    index = SearchIndex(ProgramIndex(tinyconf))
    assert [h.item_id for h in index.search("keynote")] == ["opening-keynote", "closing-keynote"]
    assert [h.item_id for h in index.search("keynote", {"closing-keynote"})] == [
        "closing-keynote",
        "opening-keynote",
    ]
    # A bookmark never lifts a session above a better match.
    hits = index.search("lunch", {"night-social"})
    assert hits[0].item_id == "lunch-1"


def test_fields_of_tinyconf(tinyconf: Program) -> None:
    index = SearchIndex(ProgramIndex(tinyconf))

    def ids(query: str) -> list[str]:
        return [h.item_id for h in index.search(query)]

    assert ids("ada lovelace") == ["opening-keynote", "textual-workshop", "future-panel"]
    # The room's name matches as a phrase; others only have both words somewhere, lower.
    room = index.search("room a")
    assert [h.item_id for h in room[:3]] == ["parsing-schedules", "markup-title", "oral-systems"]
    assert {h.field for h in room[:3]} == {"room"}
    assert {h.field for h in room[3:]} == {"words"}
    assert "closing-keynote" not in ids("room a")
    assert ids("harmful") == ["oral-systems"]  # a paper's title
    assert ids("alan turing") == ["posters-a"]  # a paper's author
    assert ids("frab") == ["parsing-schedules"]  # the description
    assert ids("tooling") == ["textual-workshop"]  # the track
    assert ids("wile") == ["acme"]  # a booth's staff
    assert ids("ada workshop") == ["textual-workshop"]  # every word, in different fields
    assert ids("prsng") == ["parsing-schedules"]  # fuzzy
    assert ids("zzzz") == []
    assert ids("   ") == []


def test_markup_and_escapes_are_searched_as_plain_text(tinyconf: Program) -> None:
    hits = SearchIndex(ProgramIndex(tinyconf)).search("[bold]not bold")
    assert hits[0].item_id == "markup-title"
    assert SearchIndex(ProgramIndex(tinyconf)).search("red")[0].item_id == "markup-title"


def test_narrowing_gives_the_same_results_as_a_fresh_search(tinyconf: Program) -> None:
    typed = SearchIndex(ProgramIndex(tinyconf))
    for query in ["s", "sc", "sch", "sche", "sched", "sche", "t", "ta", "tal", "talk"]:
        assert typed.search(query) == SearchIndex(ProgramIndex(tinyconf)).search(query), query


def test_typing_past_the_limit_then_into_a_description_finds_what_a_fresh_search_does() -> None:
    """While a typed query has more title matches than the limit, the whole text is not
    scanned (only the fields before the description); a query that then matches only in
    descriptions, or holds punctuation, must still find exactly what a fresh index does."""
    program = _many_equal_matches(6000)
    typed = SearchIndex(ProgramIndex(program))
    queries = ["g", "gr", "gra", "grap", "graph", "graph ", "graph t", "graph th", "graph theory"]
    queries += ["t", "th", "the", "theo", "theory", "e", "e.", "e.g", "x", "gr-", "graph.t"]
    for query in queries:
        for limit in (200, None):
            fresh = SearchIndex(ProgramIndex(program)).search(query, limit=limit)
            assert typed.search(query, limit=limit) == fresh, (query, limit)
    assert SearchIndex(ProgramIndex(_program())).search("theory")[0].item_id == "description"


def test_limit(tinyconf: Program) -> None:
    index = SearchIndex(ProgramIndex(tinyconf))
    everything = index.search("e", limit=None)
    assert len(everything) > 3
    assert index.search("e", limit=3) == everything[:3]


def test_index_is_cached_per_program(tinyconf: Program) -> None:
    index = ProgramIndex(tinyconf)
    assert index.search is index.search
    assert ProgramIndex(_program()).search is not index.search


def test_search_sessions_keeps_its_contract(tinyconf: Program) -> None:
    assert search_sessions(ProgramIndex(tinyconf), "") == list(tinyconf.sessions)
    found = search_sessions(ProgramIndex(tinyconf), "keynote", ["closing-keynote"])
    assert [s.id for s in found] == ["closing-keynote", "opening-keynote"]
    # Booths are not sessions.
    assert search_sessions(ProgramIndex(tinyconf), "acme") == []


def test_fuzzy_needs_the_letters_close_together() -> None:
    index = SearchIndex(ProgramIndex(_program()))
    # g..r..a..p..h are all in "Great Rapid Pathways", but far apart: not a hit.
    sessions = [
        replace(s, title="Great Rapid Pathways") if s.id == "fuzzy" else s
        for s in _program().sessions
    ]
    scattered = replace(_program(), sessions=sessions)
    assert "fuzzy" in [h.item_id for h in index.search("graph")]
    assert "fuzzy" not in [h.item_id for h in SearchIndex(ProgramIndex(scattered)).search("graph")]


def _many_equal_matches(count: int) -> Program:
    """``count`` sessions, most of whose titles match "graph" in the same tier, in time order;
    every seventh is about something else (found through its description only)."""
    sessions = []
    for n in range(count):
        start = START + timedelta(minutes=5 * n)
        title = f"Talk {n} on kernels" if n % 7 == 0 else f"Learning on graphs {n}"
        if n == 5990:
            title = "Graphs"  # a better tier than its neighbours
        sessions.append(
            {
                "id": f"s{n}",
                "kind": "talk",
                "title": title,
                "description": "graph theory" if n % 7 == 0 else "",
                "day": start.date().isoformat(),
                "start": start.isoformat(),
                "end": (start + timedelta(minutes=5)).isoformat(),
            }
        )
    return build_record(
        Program,
        **{
            "conference": {
                "id": "many",
                "name": "Many Equal Matches",
                "short_name": "MEM",
                "start_date": START.date().isoformat(),
                "end_date": (START + timedelta(days=30)).date().isoformat(),
                "timezone": "UTC",
            },
            "sessions": sessions,
        },
    )


def test_a_limited_search_is_the_start_of_the_full_ranking() -> None:
    program = _many_equal_matches(6000)
    # Bookmarks early and late in time, matching in a higher tier, the word tier, a lower
    # tier, or not at all: a search that stops early must still put every bookmarked match
    # of its tier first, and only once.
    bookmarked = {"s3", "s14", "s5000", "s5998", "s5901", "s5990"}
    index = SearchIndex(ProgramIndex(program))
    for marks in [set(), bookmarked]:
        for query in ["graph", "learning", "gr", "e", "graph theory"]:
            everything = index.search(query, marks, limit=None)
            assert len(everything) > 200, query
            assert index.search(query, marks, limit=5) == everything[:5], query
            assert index.search(query, marks, limit=200) == everything[:200], query
    ranked = [h.item_id for h in index.search("graph", bookmarked, limit=5)]
    assert ranked == ["s5990", "s3", "s5000", "s5998", "s1"]


def test_names_affiliations_and_places_are_separate_words(tinyconf: Program) -> None:
    index = SearchIndex(ProgramIndex(tinyconf))

    def ids(query: str) -> list[str]:
        return [h.item_id for h in index.search(query)]

    # Margaret Hamilton of MIT: the affiliation is a word of its own, not glued to the name.
    assert "closing-keynote" in ids("margaret mit")
    assert ids("hamiltonmit") == []
    # A booth's staff and role, its location and level.
    assert ids("wile engineer") == ["acme"]
    assert ids("coyoteengineer") == []
    assert ids("12gold") == []


def test_an_alias_is_found_below_titles_and_the_bundled_session_4_by_its_old_label(
    tmp_path: Path,
) -> None:
    index = ProgramIndex(open_program(None, None, tmp_path))
    hits = SearchIndex(index).search("reliable and scalable")
    assert [(h.item_id, h.field) for h in hits][:1] == [("session-04-reliable-scalable", "alias")]
    assert [s.id for s in search_sessions(index, "Reliable and Scalable Systems")][:1] == [
        "session-04-reliable-scalable"
    ]
    # The official title is found too, as a title.
    assert SearchIndex(index).search("Measurement and Analysis")[0].field == "title"
