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


def _answers_of_a_simple_memory(
    memory: dict[str, tuple[str, int, datetime]],
    digests: dict[str, str],
    now: datetime,
    first: datetime,
) -> dict[str, tuple[int, datetime]]:
    """What event_revisions answers, event by event, the obvious way (no floor: nothing is
    pruned here); ``memory`` is updated as the store should be."""
    answer = {}
    for uid, digest in digests.items():
        old = memory.get(uid)
        if old is None:
            memory[uid] = (digest, 0, first)
        elif old[0] != digest:
            memory[uid] = (digest, old[1] + 1, now)
        answer[uid] = memory[uid][1:]
    return answer


DIGESTS = st.dictionaries(UIDS, st.sampled_from(["x", "y"]), min_size=1)
# Each export after the first: new digests, or the same as an earlier export (an index into
# those made so far: nothing changed, so the answer comes from the store as it is, in one go).
LATER_EXPORTS = st.lists(DIGESTS | st.integers(0, 20), max_size=10)


@settings(max_examples=60, deadline=None)
@given(first=DIGESTS, later=LATER_EXPORTS, subset=st.frozensets(UIDS))
def test_answers_are_the_simple_memorys_whether_or_not_anything_changed(
    first: dict[str, str], later: list[dict[str, str] | int], subset: frozenset[str]
) -> None:
    # event_revisions first asks whether every event is stored unchanged (whole columns at
    # once), else goes event by event: both held to the obvious event-by-event answer, and
    # what the store holds to the obvious memory.
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        store = BookmarkStore(Path(folder) / "store.sqlite3")
        memory: dict[str, tuple[str, int, datetime]] = {}
        made: list[dict[str, str]] = []
        moment = T0
        for export in [first, *later]:
            moment += timedelta(minutes=5)
            digests = made[export % len(made)] if isinstance(export, int) else export
            made.append(digests)
            expected = _answers_of_a_simple_memory(memory, digests, moment, IMPORTED)
            assert event_revisions(store, "conf", digests, moment, IMPORTED) == expected
            # A part of the program (as My agenda is) is answered from the same memory.
            part = {uid: memory[uid][0] for uid in subset if uid in memory}
            expected_part = {uid: memory[uid][1:] for uid in part}
            assert event_revisions(store, "conf", part, moment, IMPORTED) == expected_part
        stored = {
            uid: (digest, int(sequence), datetime.fromisoformat(modified))
            for uid, digest, sequence, modified in sqlite3.connect(store.path).execute(
                "SELECT uid, digest, sequence, modified_at FROM event_revisions"
            )
        }
        assert stored == memory
        store.close()


def test_an_unchanged_export_is_answered_pair_by_pair_and_writes_nothing(tmp_path: Path) -> None:
    store = BookmarkStore(tmp_path / "store.sqlite3")
    event_revisions(store, "conf", {"a": "1", "b": "1", "c": "1"}, T0, IMPORTED)
    event_revisions(store, "conf", {"b": "2"}, T0 + timedelta(hours=1))
    token = store.change_token()
    later = T0 + timedelta(days=1)
    # Two (sequence, modified) pairs among the stored events, and one alone.
    both = {"a": (0, IMPORTED), "b": (1, T0 + timedelta(hours=1)), "c": (0, IMPORTED)}
    assert event_revisions(store, "conf", {"a": "1", "b": "2", "c": "1"}, later) == both
    assert event_revisions(store, "conf", {"c": "1", "b": "2"}, later) == {
        "c": both["c"],
        "b": both["b"],
    }
    assert event_revisions(store, "conf", {"a": "1"}, later) == {"a": both["a"]}
    assert store.change_token() == token  # nothing written


def test_a_store_from_before_the_key_ordered_table_keeps_every_revision(tmp_path: Path) -> None:
    # A file at schema version 4 (event_revisions with a rowid): opening it to write moves
    # the revisions to the table kept in key order, and every SEQUENCE stays what it was.
    from confterm.store.db import _MIGRATIONS

    path = tmp_path / "store.sqlite3"
    conn = sqlite3.connect(path)
    conn.executescript("".join(_MIGRATIONS[:4]) + "PRAGMA user_version = 4;")
    conn.executemany(
        "INSERT INTO event_revisions VALUES (?, ?, ?, ?, ?)",
        [
            ("conf", "a", "1", 3, IMPORTED.isoformat()),
            ("conf", "b", "1", 0, T0.isoformat()),
            ("other", "a", "9", 7, T0.isoformat()),
        ],
    )
    conn.commit()
    conn.close()
    store = BookmarkStore(path)
    later = T0 + timedelta(days=1)
    answer = event_revisions(store, "conf", {"a": "1", "b": "2", "new": "1"}, later, IMPORTED)
    assert answer == {"a": (3, IMPORTED), "b": (1, later), "new": (0, IMPORTED)}
    store.close()
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] >= 5
        (sql,) = conn.execute(
            "SELECT sql FROM sqlite_master WHERE name = 'event_revisions'"
        ).fetchone()
        assert "WITHOUT ROWID" in sql
        assert conn.execute(
            "SELECT conference_id, uid, sequence FROM event_revisions ORDER BY 1, 2"
        ).fetchall() == [("conf", "a", 3), ("conf", "b", 1), ("conf", "new", 0), ("other", "a", 7)]
