"""Pruning the iCalendar SEQUENCE memory (store/revisions.py): what is forgotten, and that an
event forgotten and exported again never gets a lower SEQUENCE than before."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from confterm.store.bookmarks import BookmarkStore
from confterm.store.revisions import FLOOR_PREF, event_revisions, prune_revisions

T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
IMPORTED = datetime(2026, 2, 20, 10, 0, tzinfo=UTC)


def rows(path: Path, conference_id: str = "conf") -> dict[str, int]:
    with sqlite3.connect(path) as conn:
        found = conn.execute(
            "SELECT uid, sequence FROM event_revisions WHERE conference_id = ?", (conference_id,)
        ).fetchall()
    return {uid: int(sequence) for uid, sequence in found}


def test_prune_forgets_what_is_not_kept_and_raises_the_floor(tmp_path: Path) -> None:
    store = BookmarkStore(tmp_path / "store.sqlite3")
    event_revisions(store, "conf", {"a": "1", "b": "1", "c": "1"}, T0, IMPORTED)
    # b changes twice: sequence 2.
    event_revisions(store, "conf", {"b": "2"}, T0 + timedelta(hours=1))
    event_revisions(store, "conf", {"b": "3"}, T0 + timedelta(hours=2))
    event_revisions(store, "other", {"b": "1"}, T0)
    assert rows(store.path) == {"a": 0, "b": 2, "c": 0}

    assert prune_revisions(store, "conf", keep={"a", "c", "not-known"}) == 1
    assert rows(store.path) == {"a": 0, "c": 0}
    assert rows(store.path, "other") == {"b": 0}  # another conference is left alone
    assert store.get_pref("conf", FLOOR_PREF) == "3"
    later = T0 + timedelta(days=1)
    answer = event_revisions(store, "conf", {"a": "1", "b": "3", "d": "1"}, later, IMPORTED)
    # a kept its memory; b came back above the 2 a calendar may hold; d is new, at the floor.
    assert answer == {"a": (0, IMPORTED), "b": (3, IMPORTED), "d": (3, IMPORTED)}
    # And it stays put while unchanged.
    assert event_revisions(store, "conf", {"b": "3"}, later + timedelta(hours=1))["b"] == (
        3,
        IMPORTED,
    )


def test_prune_with_nothing_to_forget_writes_nothing(tmp_path: Path) -> None:
    missing = BookmarkStore(tmp_path / "none" / "store.sqlite3")
    assert prune_revisions(missing, "conf") == 0
    assert not missing.path.exists()  # no store file made for nothing

    store = BookmarkStore(tmp_path / "store.sqlite3")
    event_revisions(store, "conf", {"a": "1"}, T0)
    token = store.change_token()
    assert prune_revisions(store, "conf", keep={"a"}) == 0
    assert store.change_token() == token
    assert store.get_pref("conf", FLOOR_PREF) is None


def test_removing_a_conference_forgets_all_of_it_and_the_floor_never_falls(
    tmp_path: Path,
) -> None:
    store = BookmarkStore(tmp_path / "store.sqlite3")
    event_revisions(store, "conf", {"a": "1"}, T0)
    for step, digest in enumerate("2345", start=1):
        event_revisions(store, "conf", {"a": digest}, T0 + timedelta(hours=step))
    assert rows(store.path) == {"a": 4}
    assert prune_revisions(store, "conf") == 1
    assert rows(store.path) == {}
    assert store.get_pref("conf", FLOOR_PREF) == "5"
    # Imported again: a new, lower-numbered history is forgotten; the floor stays at 5.
    assert event_revisions(store, "conf", {"z": "1"}, T0)["z"][0] == 5
    assert prune_revisions(store, "conf") == 1
    assert store.get_pref("conf", FLOOR_PREF) == "6"


UIDS = st.sampled_from(["a", "b", "c", "d"])
STEPS = st.lists(
    st.one_of(
        # An export: some events, each with a content digest.
        st.dictionaries(UIDS, st.sampled_from(["x", "y", "z"]), min_size=1).map(
            lambda digests: ("export", digests)
        ),
        # A prune keeping some events.
        st.frozensets(UIDS).map(lambda keep: ("prune", keep)),
    ),
    max_size=12,
)


@settings(max_examples=40, deadline=None)
@given(steps=STEPS)
def test_an_events_sequence_never_falls_and_rises_when_it_changed(
    steps: list[tuple[str, object]],
) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        store = BookmarkStore(Path(folder) / "store.sqlite3")
        seen: dict[str, tuple[str, int]] = {}  # what a calendar app holds: digest, sequence
        moment = T0
        for kind, value in steps:
            moment += timedelta(minutes=5)
            if kind == "prune":
                assert isinstance(value, frozenset)
                prune_revisions(store, "conf", keep=value)
                continue
            assert isinstance(value, dict)
            answer = event_revisions(store, "conf", value, moment)
            for uid, digest in value.items():
                sequence = answer[uid][0]
                if uid in seen:
                    old_digest, old_sequence = seen[uid]
                    assert sequence >= old_sequence
                    if digest != old_digest:
                        assert sequence > old_sequence
                seen[uid] = (digest, sequence)
        store.close()
