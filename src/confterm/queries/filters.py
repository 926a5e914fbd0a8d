"""Which sessions are shown: filters by kind, track, room and bookmarks, and hidden places.

Filters are plain immutable values so the app can keep the current one, compare it and hand it
to any list. Hidden rooms and tracks are the user's lasting choice ("never show me the
workshop rooms"); they are remembered per conference through the bookmark store's
preferences, as JSON lists of ids. No Textual.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import NamedTuple, Protocol

from confterm.model.program import Program, Session, SessionKind
from confterm.queries.folding import fold
from confterm.queries.index import natural_key
from confterm.text import one_line

HIDDEN_ROOMS_PREF = "hidden_rooms"
HIDDEN_TRACKS_PREF = "hidden_tracks"
SEPARATOR = " · "


class PrefStore(Protocol):
    """What filters need of :class:`confterm.store.bookmarks.BookmarkStore`: per-conference
    prefs."""

    def get_pref(self, conference_id: str, key: str) -> str | None: ...

    def set_pref(self, conference_id: str, key: str, value: str | None) -> None: ...

    def set_prefs(self, conference_id: str, values: Mapping[str, str | None]) -> None: ...


@dataclass(frozen=True)
class Filters:
    """The active filters. Empty sets mean "any"; hidden rooms/tracks always apply."""

    kinds: frozenset[SessionKind] = field(default_factory=frozenset)
    tracks: frozenset[str] = field(default_factory=frozenset)
    rooms: frozenset[str] = field(default_factory=frozenset)
    bookmarked_only: bool = False
    hidden_rooms: frozenset[str] = field(default_factory=frozenset)
    hidden_tracks: frozenset[str] = field(default_factory=frozenset)

    def matches(self, session: Session, bookmarked: Collection[str] = ()) -> bool:
        """True when ``session`` passes every filter (``bookmarked``: bookmarked ids)."""
        if session.room is not None and session.room in self.hidden_rooms:
            return False
        if session.track is not None and session.track in self.hidden_tracks:
            return False
        if self.kinds and session.kind not in self.kinds:
            return False
        if self.tracks and session.track not in self.tracks:
            return False
        if self.rooms and session.room not in self.rooms:
            return False
        return not (self.bookmarked_only and session.id not in bookmarked)

    def apply(self, sessions: Iterable[Session], bookmarked: Collection[str] = ()) -> list[Session]:
        """The sessions that pass, in their order."""
        return [s for s in sessions if self.matches(s, bookmarked)]

    @property
    def has_selection(self) -> bool:
        """True when a kind, track, room or bookmark filter is set (what ``cleared`` resets)."""
        return bool(self.kinds or self.tracks or self.rooms or self.bookmarked_only)

    @property
    def is_active(self) -> bool:
        """True when anything at all is filtered out, hidden places included."""
        return self.has_selection or bool(self.hidden_rooms or self.hidden_tracks)

    def cleared(self) -> Filters:
        """The same filters with every selection removed; hidden places are kept, being a
        lasting preference rather than a filter of the moment."""
        return replace(
            self, kinds=frozenset(), tracks=frozenset(), rooms=frozenset(), bookmarked_only=False
        )

    def describe(self, program: Program | None = None) -> str:
        """One line for the filter bar: ``Kind: Oral · Room: Room A · ★ only``.

        With ``program``, rooms and tracks are shown by name; otherwise by id.
        """
        rooms = program.room_by_id if program else {}
        tracks = program.track_by_id if program else {}
        parts: list[str] = []
        if self.kinds:
            order = list(SessionKind)
            labels = [k.label for k in sorted(self.kinds, key=order.index)]
            parts.append("Kind: " + ", ".join(labels))
        if self.tracks:
            names = sorted(tracks[t].name if t in tracks else t for t in self.tracks)
            parts.append("Track: " + ", ".join(names))
        if self.rooms:
            names = sorted(rooms[r].name if r in rooms else r for r in self.rooms)
            parts.append("Room: " + ", ".join(names))
        if self.bookmarked_only:
            parts.append("★ only")
        hidden = len(self.hidden_rooms) + len(self.hidden_tracks)
        if hidden:
            parts.append(f"{hidden} hidden")
        return SEPARATOR.join(parts)


def _read_ids(store: PrefStore, conference_id: str, key: str) -> frozenset[str]:
    raw = store.get_pref(conference_id, key)
    if not raw:
        return frozenset()
    try:
        value = json.loads(raw)
    except (ValueError, RecursionError):
        # A damaged preference only loses the hidden list; it must not stop the app.
        return frozenset()
    if not isinstance(value, list):
        return frozenset()
    return frozenset(item for item in value if isinstance(item, str))


def load_hidden(store: PrefStore, conference_id: str, base: Filters | None = None) -> Filters:
    """``base`` (default: no filters) with the remembered hidden rooms and tracks."""
    return replace(
        base or Filters(),
        hidden_rooms=_read_ids(store, conference_id, HIDDEN_ROOMS_PREF),
        hidden_tracks=_read_ids(store, conference_id, HIDDEN_TRACKS_PREF),
    )


def save_hidden(store: PrefStore, conference_id: str, filters: Filters) -> None:
    """Remember ``filters``' hidden rooms and tracks for ``conference_id`` (None when empty).

    Both lists are written in one transaction, so no reader ever sees one without the other.
    """
    store.set_prefs(
        conference_id,
        {
            key: json.dumps(sorted(ids)) if ids else None
            for key, ids in (
                (HIDDEN_ROOMS_PREF, filters.hidden_rooms),
                (HIDDEN_TRACKS_PREF, filters.hidden_tracks),
            )
        },
    )


class Choice(NamedTuple):
    """One line of the filter dialog: the id filtered on and the name shown."""

    value: str
    label: str


def sorted_choices(pairs: Iterable[tuple[str, str]]) -> list[Choice]:
    """``(id, name)`` pairs as choices sorted by name (case and accents ignored, "Room 9"
    before "Room 10"); names are put on one line."""
    choices = [Choice(value, one_line(name)) for value, name in pairs]
    return sorted(choices, key=lambda c: (natural_key(fold(c.label)), c.value))


def kind_choices(kinds: Collection[SessionKind]) -> list[Choice]:
    """The kinds of session the program has, by label."""
    return sorted_choices((k.value, k.label) for k in SessionKind if k in kinds)


def track_choices(program: Program) -> list[Choice]:
    """Every track, by name."""
    return sorted_choices((t.id, t.name) for t in program.tracks)


def room_choices(program: Program) -> list[Choice]:
    """Every room, by name."""
    return sorted_choices((r.id, r.name) for r in program.rooms)


def narrow(choices: Sequence[Choice], typed: str) -> list[Choice]:
    """The choices whose name contains ``typed``, case and accents ignored; spaces are
    ignored too, so "rooma" finds "Room A" (the dialog's space key ticks)."""
    wanted = fold(typed).replace(" ", "")
    if not wanted:
        return list(choices)
    return [c for c in choices if wanted in fold(c.label).replace(" ", "")]
