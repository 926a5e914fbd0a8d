"""The builder every importer feeds, and the result an import returns.

An importer reads its format and feeds a :class:`ProgramBuilder`; the builder turns source ids
into stable confterm slugs, de-duplicates rooms, tracks and speakers by name, decodes and cleans
every text (:mod:`confterm.sources.common`), records what was skipped and why, and finally
builds a validated :class:`~confterm.model.program.Program`.

Speakers are one person per name (case aside) within a file: person ids are unique only
within one source, and merged files (36C3) reuse them for different people; the name written
on the event is the truth.

Session ids are decided when the program is built, from the source ids of all sessions at
once: a source id used by one session is that session's id; one shared by several (MOCA's
iCalendar has 67 events with ``UID:46939``) is made unique with each event's start instant,
then its room, then its title. So an id never depends on the order of the events in the file, nor on
unrelated events added or removed.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from confterm.errors import DataError
from confterm.model.loading import validate_program
from confterm.model.program import (
    Conference,
    Program,
    Room,
    Session,
    SessionKind,
    Speaker,
    Track,
)
from confterm.model.validation import build_record
from confterm.sources.common import MAX_TEXT, plain_line, rich_text, safe_url
from confterm.sources.slugs import SlugRegistry, stable_id


@dataclass(frozen=True, slots=True)
class ImportResult:
    """A converted program, what was left out of it, and the format it was read from."""

    program: Program
    skipped: list[str]
    format_name: str
    notes: list[str] = field(default_factory=list)


class ProgramBuilder:
    """Collects rooms, tracks, speakers and sessions, then builds a validated Program."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.skipped: list[str] = []
        self.notes: list[str] = []
        self.rooms: list[Room] = []
        self.tracks: list[Track] = []
        self.speakers: list[Speaker] = []
        self.sessions: list[Session] = []
        self._pending: list[tuple[str, dict[str, Any]]] = []
        self._room_ids = SlugRegistry()
        self._track_ids = SlugRegistry()
        self._speaker_ids = SlugRegistry()

    def skip(self, what: str, why: str) -> None:
        """Record that ``what`` was left out, and why."""
        self.skipped.append(f"{plain_line(what)}: {why}")

    def room(self, name: str | None) -> str | None:
        """The id of the room called ``name`` (created on first use)."""
        name = plain_line(name)
        if not name:
            return None
        key = name.casefold()
        found = self._room_ids.get(key)
        if found is None:
            found = self._room_ids.add(key)
            self.rooms.append(build_record(Room, id=found, name=name))
        return found

    def track(self, name: str | None) -> str | None:
        """The id of the track called ``name`` (created on first use)."""
        name = plain_line(name)
        if not name:
            return None
        key = name.casefold()
        found = self._track_ids.get(key)
        if found is None:
            found = self._track_ids.add(key)
            self.tracks.append(build_record(Track, id=found, name=name))
        return found

    def speaker(
        self,
        name: str | None,
        *,
        bio: str | None = None,
        affiliation: str | None = None,
        url: str | None = None,
    ) -> str | None:
        """The id of the speaker called ``name``: one person per name, case aside."""
        name = plain_line(name)
        if not name:
            return None
        key = name.casefold()
        found = self._speaker_ids.get(key)
        if found is None:
            found = self._speaker_ids.add(key)
            self.speakers.append(
                build_record(
                    Speaker,
                    id=found,
                    name=name,
                    bio=rich_text(bio)[:MAX_TEXT] or None,
                    affiliation=plain_line(affiliation) or None,
                    url=safe_url(url),
                )
            )
        return found

    def add_session(
        self,
        *,
        source_id: str,
        title: str | None,
        kind: SessionKind,
        day: date | None,
        start: datetime | None,
        end: datetime | None,
        room: str | None = None,
        track: str | None = None,
        speakers: list[str] | None = None,
        description: str = "",
        links: list[tuple[str, str]] | None = None,
        source_url: str | None = None,
    ) -> None:
        """Add one session; one without a title or with bad times is skipped, with the reason.

        Its id is given when the program is built (see the module docstring).
        """
        clean_title = plain_line(title)
        what = f"{clean_title or 'untitled'} ({source_id})"
        if not clean_title:
            self.skip(what, "no title")
            return
        if start is not None and end is not None and end < start:
            self.skip(what, "ends before it starts")
            return
        fields: dict[str, Any] = {
            "title": clean_title,
            "kind": kind,
            "day": day,
            "start": start,
            "end": end,
            "room": room,
            "track": track,
            "speakers": list(dict.fromkeys(speakers or [])),
            "description": description,
            "links": [
                {"title": plain_line(t) or url, "url": url}
                for t, u in links or []
                if (url := safe_url(u))
            ],
            "source_url": safe_url(source_url),
        }
        self._pending.append((source_id, fields))

    def _build_sessions(self) -> None:
        ids = session_ids([(source_id, fields) for source_id, fields in self._pending])
        for (source_id, fields), session_id in zip(self._pending, ids, strict=True):
            try:
                session = build_record(Session, id=session_id, **fields)
            except ValueError as error:
                self.skip(f"{fields['title']} ({source_id})", str(error))
                continue
            self.sessions.append(session)
        self._pending = []

    def build(
        self,
        *,
        conference_id: str,
        name: str,
        short_name: str | None,
        zone: ZoneInfo,
        fallback_dates: tuple[date, date] | None = None,
        venue: str | None = None,
        city: str | None = None,
        url: str | None = None,
        source: str,
    ) -> Program:
        """The validated program; a DataError naming the first problem otherwise."""
        self._build_sessions()
        days = sorted({s.day for s in self.sessions if s.day is not None})
        if days:
            first, last = days[0], days[-1]
        elif fallback_dates is not None:
            first, last = fallback_dates
        else:
            raise DataError(f"{self.label}: no sessions with a date were found")
        name = plain_line(name) or conference_id
        try:
            conference = build_record(
                Conference,
                id=conference_id,
                name=name,
                short_name=plain_line(short_name) or name,
                start_date=first,
                end_date=max(first, last),
                timezone=zone.key,
                venue=plain_line(venue) or None,
                city=plain_line(city) or None,
                url=safe_url(url),
                sources=[plain_line(source)],
            )
            program = Program(
                conference=conference,
                rooms=self.rooms,
                tracks=self.tracks,
                speakers=self.speakers,
                sessions=self.sessions,
            )
        except ValueError as error:
            raise DataError(f"{self.label}: conference.{error}") from None
        return validate_program(program, self.label)


def session_ids(sessions: list[tuple[str, dict[str, Any]]]) -> list[str]:
    """The confterm id of each (source id, session fields), independent of their order.

    A source id used once is kept (as :func:`stable_id` makes it); sessions sharing one are
    told apart by their start instant, then their room, then their title (a retitled
    session keeps its id unless it needs the title to be told apart), and, when even those
    agree, by their rank in an order that depends only on their content.
    """
    raws = [source_id for source_id, _ in sessions]
    for refine in (_with_start, _with_room, _with_title, None):
        groups: defaultdict[str, list[int]] = defaultdict(list)
        for index, raw in enumerate(raws):
            groups[raw].append(index)
        for raw, members in groups.items():
            if len(members) == 1:
                continue
            if refine is not None:
                for index in members:
                    raws[index] = refine(raw, sessions[index][1])
                continue
            content = sorted(members, key=lambda index: repr(sorted(sessions[index][1].items())))
            for rank, index in enumerate(content, start=1):
                raws[index] = f"{raw}#{rank}"
    registry = SlugRegistry(stable_id)
    return [registry.add(raw) for raw in raws]


def _with_start(raw: str, fields: dict[str, Any]) -> str:
    start = fields.get("start")
    when = start.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ") if start is not None else "tba"
    return f"{raw}@{when}"


def _with_room(raw: str, fields: dict[str, Any]) -> str:
    return f"{raw}@{fields.get('room') or ''}"


def _with_title(raw: str, fields: dict[str, Any]) -> str:
    return f"{raw}/{fields['title']}"
