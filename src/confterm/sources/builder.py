"""The builder every importer feeds, and the result an import returns.

An importer reads its format and feeds a :class:`ProgramBuilder`; the builder turns source ids
into stable confterm slugs, de-duplicates rooms, tracks and speakers by name or id, cleans
every text (:func:`confterm.text.clean`), records what was skipped and why, and finally builds
a validated :class:`~confterm.model.program.Program`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
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
from confterm.sources.common import MAX_TEXT, rich_text, safe_url
from confterm.sources.slugs import SlugRegistry, stable_id
from confterm.text import one_line


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
        self._room_ids = SlugRegistry()
        self._track_ids = SlugRegistry()
        self._speaker_ids = SlugRegistry()
        self._session_ids = SlugRegistry(stable_id)

    def skip(self, what: str, why: str) -> None:
        """Record that ``what`` was left out, and why."""
        self.skipped.append(f"{one_line(what)}: {why}")

    def room(self, name: str | None) -> str | None:
        """The id of the room called ``name`` (created on first use)."""
        name = one_line(name or "")
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
        name = one_line(name or "")
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
        key: str | None,
        name: str | None,
        *,
        bio: str | None = None,
        affiliation: str | None = None,
        url: str | None = None,
    ) -> str | None:
        """The id of a speaker by its source id (or name when there is none)."""
        name = one_line(name or "")
        if not name:
            return None
        source_key = f"id:{key}" if key else f"name:{name.casefold()}"
        found = self._speaker_ids.get(source_key)
        if found is None:
            found = self._speaker_ids.add(str(key) if key else name)
            self._speaker_ids.by_key[source_key] = found
            self.speakers.append(
                build_record(
                    Speaker,
                    id=found,
                    name=name,
                    bio=rich_text(bio)[:MAX_TEXT] or None,
                    affiliation=one_line(affiliation or "") or None,
                    url=safe_url(url),
                )
            )
        return found

    def session_id(self, source_id: str) -> str:
        """A unique confterm id for a session's stable source id."""
        return self._session_ids.add(source_id)

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
        """Add one session; one without a title or with bad times is skipped, with the reason."""
        clean_title = one_line(title or "")
        what = f"{clean_title or 'untitled'} ({source_id})"
        if not clean_title:
            self.skip(what, "no title")
            return
        if start is not None and end is not None and end < start:
            self.skip(what, "ends before it starts")
            return
        try:
            session = build_record(
                Session,
                id=self.session_id(source_id),
                title=clean_title,
                kind=kind,
                day=day,
                start=start,
                end=end,
                room=room,
                track=track,
                speakers=list(dict.fromkeys(speakers or [])),
                description=description,
                links=[
                    {"title": one_line(t) or url, "url": url}
                    for t, u in links or []
                    if (url := safe_url(u))
                ],
                source_url=safe_url(source_url),
            )
        except ValueError as error:
            self.skip(what, str(error))
            return
        self.sessions.append(session)

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
        days = sorted({s.day for s in self.sessions if s.day is not None})
        if days:
            first, last = days[0], days[-1]
        elif fallback_dates is not None:
            first, last = fallback_dates
        else:
            raise DataError(f"{self.label}: no sessions with a date were found")
        name = one_line(name) or conference_id
        try:
            conference = build_record(
                Conference,
                id=conference_id,
                name=name,
                short_name=one_line(short_name or "") or name,
                start_date=first,
                end_date=max(first, last),
                timezone=zone.key,
                venue=one_line(venue or "") or None,
                city=one_line(city or "") or None,
                url=safe_url(url),
                sources=[one_line(source)],
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
