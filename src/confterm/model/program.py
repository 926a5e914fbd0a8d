"""The pydantic classes describing one conference program, as stored in confterm's JSON format.

Real programs are incomplete, and the model says so instead of guessing:

* a session with ``start``/``end`` set is *timed*;
* a session with a ``day`` but no times is *day only* ("time to be announced");
* a session with neither is *unscheduled* (its day is not known).

Ids are stable slugs chosen when the data is written or imported; they never derive from a
title, so bookmarks keep pointing at the right session when a title is corrected.
Cross-references (rooms, speakers, sessions) are checked by :mod:`confterm.model.checks`.

:class:`Program` and :class:`Conference` are pydantic models; the many records inside
(sessions, speakers, papers, booths...) are slotted pydantic dataclasses: validated the same
way, with the same JSON and schema, at half the memory (see :class:`_Record`).
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from dataclasses import field
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum
from functools import cached_property
from typing import Annotated, Any, Literal, TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, StringConstraints, field_validator
from pydantic.dataclasses import dataclass

SLUG_PATTERN = r"^[a-z0-9][a-z0-9._-]*$"
SLUG_MAX_LENGTH = 200

Slug = Annotated[
    str,
    StringConstraints(pattern=SLUG_PATTERN, max_length=SLUG_MAX_LENGTH),
    Field(description="A stable identifier: lower-case letters, digits, '.', '_' and '-'."),
]
Text = Annotated[str, Field(max_length=100_000)]

# Dates outside this window are certainly mistakes, and near year 1 or 9999 plain date
# arithmetic (a day later, a zone conversion) overflows: refuse them when the file is read.
EARLIEST_DATE = date(1970, 1, 1)
LATEST_DATE = date(2199, 12, 31)
_DATE_RANGE = f"outside the supported dates ({EARLIEST_DATE} to {LATEST_DATE})"


def _date_in_range(value: date) -> date:
    if not EARLIEST_DATE <= value <= LATEST_DATE:
        raise ValueError(f"{value} is {_DATE_RANGE}")
    return value


def _datetime_in_range(value: datetime | None) -> datetime | None:
    # The wall-clock date, not the UTC one: converting could itself overflow.
    if value is not None and not EARLIEST_DATE <= value.date() <= LATEST_DATE:
        raise ValueError(f"{value.isoformat()} is {_DATE_RANGE}")
    return value


class SessionKind(StrEnum):
    """What sort of slot a session is; drives the short label shown in lists."""

    KEYNOTE = "keynote"
    INVITED_TALK = "invited-talk"
    ORAL = "oral"
    POSTER = "poster"
    WORKSHOP = "workshop"
    TUTORIAL = "tutorial"
    LIGHTNING = "lightning"
    PANEL = "panel"
    SOCIAL = "social"
    BREAK = "break"
    REGISTRATION = "registration"
    TALK = "talk"
    OTHER = "other"

    @property
    def label(self) -> str:
        """A short label for lists (at most 8 characters)."""
        return _KIND_LABELS[self]


_KIND_LABELS = {
    SessionKind.KEYNOTE: "Keynote",
    SessionKind.INVITED_TALK: "Invited",
    SessionKind.ORAL: "Oral",
    SessionKind.POSTER: "Poster",
    SessionKind.WORKSHOP: "Workshop",
    SessionKind.TUTORIAL: "Tutorial",
    SessionKind.LIGHTNING: "Lightning",
    SessionKind.PANEL: "Panel",
    SessionKind.SOCIAL: "Social",
    SessionKind.BREAK: "Break",
    SessionKind.REGISTRATION: "Reg.",
    SessionKind.TALK: "Talk",
    SessionKind.OTHER: "Other",
}


_CONFIG = ConfigDict(extra="forbid", str_strip_whitespace=True)


class _Model(BaseModel):
    model_config = _CONFIG


_R = TypeVar("_R", bound="_Record")


class _Record:
    """Base of the many small records of a program (sessions, speakers, papers...).

    They are slotted pydantic dataclasses rather than models: validated the same way, but
    without a ``__dict__`` and a set of explicitly given fields per instance, which halves the
    memory of a large program (50,000 sessions: about 120 MB less) and parses faster.
    """

    __slots__ = ()

    def model_copy(self: _R, *, update: Mapping[str, Any] | None = None, deep: bool = False) -> _R:
        """A copy with ``update`` applied (not validated), like :meth:`BaseModel.model_copy`."""
        copied = copy.deepcopy(self) if deep else copy.copy(self)
        for name, value in (update or {}).items():
            object.__setattr__(copied, name, value)
        return copied


@dataclass(config=_CONFIG, slots=True, kw_only=True)
class Link(_Record):
    """A labelled URL (slides, video, project page...)."""

    title: str
    url: str


class Conference(_Model):
    """The conference as a whole: its name, dates, place and time zone."""

    id: Slug
    name: Annotated[str, Field(min_length=1)]
    short_name: Annotated[str, Field(min_length=1)]
    start_date: date
    end_date: date
    timezone: str = Field(description="IANA time zone of the venue, e.g. America/Los_Angeles.")
    venue: str | None = None
    city: str | None = None
    url: str | None = None
    sources: list[str] = Field(
        default_factory=list, description="Where the facts in this file came from."
    )
    note: Text | None = None

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"unknown time zone {value!r}") from None
        return value

    @field_validator("start_date", "end_date")
    @classmethod
    def _dates_in_range(cls, value: date) -> date:
        return _date_in_range(value)

    @cached_property
    def zone(self) -> ZoneInfo:
        """The conference's time zone."""
        return ZoneInfo(self.timezone)

    @property
    def days(self) -> list[date]:
        """Every date from the first to the last day, inclusive."""
        count = (self.end_date - self.start_date).days + 1
        return [self.start_date + timedelta(days=offset) for offset in range(max(count, 0))]


@dataclass(config=_CONFIG, slots=True, kw_only=True)
class Room(_Record):
    """A place where sessions happen."""

    id: Slug
    name: Annotated[str, Field(min_length=1)]


@dataclass(config=_CONFIG, slots=True, kw_only=True)
class Track(_Record):
    """A thematic grouping of sessions."""

    id: Slug
    name: Annotated[str, Field(min_length=1)]


@dataclass(config=_CONFIG, slots=True, kw_only=True)
class Speaker(_Record):
    """A person who speaks at (or chairs) a session."""

    id: Slug
    name: Annotated[str, Field(min_length=1)]
    affiliation: str | None = None
    bio: Text | None = None
    url: str | None = None


@dataclass(config=_CONFIG, slots=True, kw_only=True)
class Session(_Record):
    """One slot in the program: a talk, an oral session, a break..."""

    id: Slug
    title: Annotated[str, Field(min_length=1)]
    kind: SessionKind = SessionKind.OTHER
    day: Annotated[
        date | None, Field(description="The day it is filed under; null if unknown.")
    ] = None
    start: Annotated[AwareDatetime | None, Field(description="Null: time to be announced.")] = None
    end: AwareDatetime | None = None
    room: Slug | None = None
    track: Slug | None = None
    speakers: list[Slug] = field(default_factory=list)
    chairs: Annotated[list[Slug], Field(description="Moderators or session chairs.")] = field(
        default_factory=list
    )
    description: Text = ""
    links: list[Link] = field(default_factory=list)
    source_url: str | None = None
    note: Annotated[Text | None, Field(description="What is uncertain about this session.")] = None

    @field_validator("day")
    @classmethod
    def _day_in_range(cls, value: date | None) -> date | None:
        return None if value is None else _date_in_range(value)

    @field_validator("start", "end")
    @classmethod
    def _time_in_range(cls, value: datetime | None) -> datetime | None:
        return _datetime_in_range(value)

    @property
    def is_timed(self) -> bool:
        """True when both start and end are announced."""
        return self.start is not None and self.end is not None

    @property
    def duration(self) -> timedelta | None:
        """How long it lasts, when timed."""
        if self.start is None or self.end is None:
            return None
        # Subtracting datetimes sharing a tzinfo ignores DST changes; UTC does not.
        return self.end.astimezone(UTC) - self.start.astimezone(UTC)


@dataclass(config=_CONFIG, slots=True, kw_only=True)
class Author(_Record):
    """An author of a paper."""

    name: Annotated[str, Field(min_length=1)]
    affiliation: str | None = None


@dataclass(config=_CONFIG, slots=True, kw_only=True)
class Paper(_Record):
    """An accepted paper, and the session that presents it when known."""

    id: Slug
    title: Annotated[str, Field(min_length=1)]
    authors: list[Author] = field(default_factory=list)
    url: str | None = None
    session: Slug | None = None
    award: str | None = None
    topic: str | None = None
    source_url: str | None = None
    note: Text | None = None


@dataclass(config=_CONFIG, slots=True, kw_only=True)
class BoothPerson(_Record):
    """Someone staffing a booth, with their role when known."""

    name: Annotated[str, Field(min_length=1)]
    role: str | None = None


@dataclass(config=_CONFIG, slots=True, kw_only=True)
class Booth(_Record):
    """A sponsor or exhibitor booth."""

    id: Slug
    organisation: Annotated[str, Field(min_length=1)]
    level: Annotated[str | None, Field(description="Sponsor level, e.g. Gold.")] = None
    location: Annotated[
        str | None, Field(description="Booth number or place; null if unknown.")
    ] = None
    description: Text = ""
    people: list[BoothPerson] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    sessions: Annotated[list[Slug], Field(description="Related session ids.")] = field(
        default_factory=list
    )
    source_url: str | None = None
    note: Text | None = None


class Program(_Model):
    """A whole conference program: the top level of a confterm JSON file."""

    format: Literal["confterm/1"] = "confterm/1"
    conference: Conference
    rooms: list[Room] = Field(default_factory=list)
    tracks: list[Track] = Field(default_factory=list)
    speakers: list[Speaker] = Field(default_factory=list)
    sessions: list[Session] = Field(default_factory=list)
    papers: list[Paper] = Field(default_factory=list)
    booths: list[Booth] = Field(default_factory=list)

    # Lookups are built on first use so that loading stays one pass over the file.

    @cached_property
    def session_by_id(self) -> dict[str, Session]:
        """Sessions keyed by id."""
        return {session.id: session for session in self.sessions}

    @cached_property
    def room_by_id(self) -> dict[str, Room]:
        """Rooms keyed by id."""
        return {room.id: room for room in self.rooms}

    @cached_property
    def track_by_id(self) -> dict[str, Track]:
        """Tracks keyed by id."""
        return {track.id: track for track in self.tracks}

    @cached_property
    def speaker_by_id(self) -> dict[str, Speaker]:
        """Speakers keyed by id."""
        return {speaker.id: speaker for speaker in self.speakers}

    @cached_property
    def paper_by_id(self) -> dict[str, Paper]:
        """Papers keyed by id."""
        return {paper.id: paper for paper in self.papers}

    @cached_property
    def booth_by_id(self) -> dict[str, Booth]:
        """Booths keyed by id."""
        return {booth.id: booth for booth in self.booths}

    @cached_property
    def papers_by_session(self) -> dict[str, list[Paper]]:
        """Papers grouped by the session presenting them, in file order."""
        grouped: dict[str, list[Paper]] = {}
        for paper in self.papers:
            if paper.session is not None:
                grouped.setdefault(paper.session, []).append(paper)
        return grouped

    @cached_property
    def booths_by_session(self) -> dict[str, list[Booth]]:
        """Booths that name a session as related, keyed by session id."""
        grouped: dict[str, list[Booth]] = {}
        for booth in self.booths:
            for session_id in booth.sessions:
                grouped.setdefault(session_id, []).append(booth)
        return grouped

    def room_name(self, session: Session) -> str | None:
        """The name of the session's room, or None when not announced."""
        if session.room is None:
            return None
        room = self.room_by_id.get(session.room)
        return room.name if room else session.room

    def track_name(self, session: Session) -> str | None:
        """The name of the session's track, or None."""
        if session.track is None:
            return None
        track = self.track_by_id.get(session.track)
        return track.name if track else session.track

    def speakers_of(self, session: Session) -> list[Speaker]:
        """The session's speakers, in order."""
        return [self.speaker_by_id[s] for s in session.speakers if s in self.speaker_by_id]

    def chairs_of(self, session: Session) -> list[Speaker]:
        """The session's chairs or moderators, in order."""
        return [self.speaker_by_id[s] for s in session.chairs if s in self.speaker_by_id]

    def local_date(self, moment: datetime) -> date:
        """The date of a moment in the conference zone."""
        return moment.astimezone(self.conference.zone).date()
