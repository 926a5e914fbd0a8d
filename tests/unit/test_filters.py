"""Filters: each criterion, their combination, the description, and remembered hidden places."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path

import pytest

from confterm.model.program import Program, SessionKind
from confterm.queries.filters import Filters, load_hidden, save_hidden
from confterm.store.bookmarks import BookmarkStore


class FakePrefs:
    """An in-memory stand-in for BookmarkStore's preferences."""

    def __init__(self) -> None:
        self.values: dict[tuple[str, str], str] = {}

    def get_pref(self, conference_id: str, key: str) -> str | None:
        return self.values.get((conference_id, key))

    def set_pref(self, conference_id: str, key: str, value: str | None) -> None:
        self.set_prefs(conference_id, {key: value})

    def set_prefs(self, conference_id: str, values: Mapping[str, str | None]) -> None:
        for key, value in values.items():
            if value is None:
                self.values.pop((conference_id, key), None)
            else:
                self.values[(conference_id, key)] = value


def ids(program: Program, filters: Filters, bookmarked: set[str] | None = None) -> list[str]:
    return [s.id for s in filters.apply(program.sessions, bookmarked or set())]


def test_no_filters_keep_everything(tinyconf: Program) -> None:
    assert ids(tinyconf, Filters()) == [s.id for s in tinyconf.sessions]
    assert not Filters().is_active
    assert Filters().describe() == ""


def test_each_filter(tinyconf: Program) -> None:
    assert ids(tinyconf, Filters(kinds=frozenset({SessionKind.KEYNOTE}))) == [
        "opening-keynote",
        "closing-keynote",
    ]
    assert ids(tinyconf, Filters(tracks=frozenset({"tooling"}))) == ["textual-workshop"]
    assert ids(tinyconf, Filters(rooms=frozenset({"lobby"}))) == [
        "registration",
        "lunch-1",
        "night-social",
    ]
    assert ids(tinyconf, Filters(bookmarked_only=True), {"lunch-1", "gone"}) == ["lunch-1"]


def test_filters_combine(tinyconf: Program) -> None:
    both = Filters(
        kinds=frozenset({SessionKind.KEYNOTE, SessionKind.ORAL}),
        rooms=frozenset({"main-hall", "room-a"}),
        tracks=frozenset({"systems", "plenary"}),
    )
    assert ids(tinyconf, both) == [
        "opening-keynote",
        "parsing-schedules",
        "oral-systems",
        "closing-keynote",
    ]
    starred = replace(both, bookmarked_only=True)
    assert ids(tinyconf, starred, {"oral-systems", "lunch-1"}) == ["oral-systems"]
    assert starred.describe(tinyconf) == (
        "Kind: Keynote, Oral · Track: Plenary, Systems · Room: Main Hall, Room A · ★ only"
    )


def test_hidden_rooms_and_tracks_apply_and_survive_clearing(tinyconf: Program) -> None:
    filters = Filters(
        kinds=frozenset({SessionKind.KEYNOTE}),
        hidden_rooms=frozenset({"lobby"}),
        hidden_tracks=frozenset({"plenary"}),
    )
    assert ids(tinyconf, filters) == []
    cleared = filters.cleared()
    assert not cleared.has_selection
    assert cleared.is_active
    assert cleared.describe() == "2 hidden"
    shown = ids(tinyconf, cleared)
    assert "registration" not in shown  # lobby
    assert "future-panel" not in shown  # plenary
    assert "bof-tba" in shown  # no room, no track: never hidden


def test_hidden_places_are_remembered_per_conference() -> None:
    prefs = FakePrefs()
    chosen = Filters(hidden_rooms=frozenset({"room-b", "lobby"}), hidden_tracks=frozenset({"x"}))
    save_hidden(prefs, "tinyconf", chosen)
    assert prefs.values[("tinyconf", "hidden_rooms")] == '["lobby", "room-b"]'
    loaded = load_hidden(prefs, "tinyconf")
    assert loaded.hidden_rooms == {"room-b", "lobby"}
    assert loaded.hidden_tracks == {"x"}
    assert load_hidden(prefs, "other").hidden_rooms == frozenset()
    save_hidden(prefs, "tinyconf", Filters())
    assert prefs.values == {}


def test_hidden_places_are_saved_in_one_transaction(tmp_path: Path) -> None:
    with BookmarkStore(tmp_path / "bookmarks.sqlite3") as store:
        store.set_pref("tinyconf", "unrelated", "1")  # creates the file and its schema
        before = store.change_token()
        chosen = Filters(hidden_rooms=frozenset({"lobby"}), hidden_tracks=frozenset({"x"}))
        save_hidden(store, "tinyconf", chosen)
        # One commit: another process sees both lists change at once, never one of them.
        assert store.change_token() == before + 1
        assert load_hidden(store, "tinyconf") == chosen
        save_hidden(store, "tinyconf", Filters())
        assert store.change_token() == before + 2
        assert load_hidden(store, "tinyconf") == Filters()
        assert store.get_pref("tinyconf", "unrelated") == "1"


@pytest.mark.parametrize("raw", ["not json", '{"a": 1}', '[1, "lobby", null]'])
def test_damaged_preferences_are_ignored(raw: str) -> None:
    prefs = FakePrefs()
    prefs.values[("tinyconf", "hidden_rooms")] = raw
    loaded = load_hidden(prefs, "tinyconf")
    assert loaded.hidden_rooms == ({"lobby"} if raw.startswith("[") else frozenset())
