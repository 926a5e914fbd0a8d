"""The classes describing one conference program, as stored in confterm's JSON format.

Real programs are incomplete, and the model says so instead of guessing:

* a session with ``start``/``end`` set is *timed*;
* a session with a ``day`` but no times is *day only* ("time to be announced");
* a session with neither is *unscheduled* (its day is not known).

Ids are stable slugs chosen when the data is written or imported; they never derive from a
title, so bookmarks keep pointing at the right session when a title is corrected.
Cross-references (rooms, speakers, sessions) are checked by :mod:`confterm.model.checks`.

Every class is a plain dataclass whose annotations carry the constraints (:class:`Rule`):
pydantic validates files into them (:mod:`confterm.model.validation`), and a program validated
before is rebuilt without importing pydantic at all (:mod:`confterm.model.cache`). The many
records inside a program (sessions, speakers, papers...) are slotted, which halves the memory
of a large program.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum
from functools import cached_property
from typing import Annotated, Any, ClassVar, Final, Literal
from zoneinfo import ZoneInfo

# Re-exported: the model's ids are these slugs.
from confterm.ids import SLUG_MAX_LENGTH as SLUG_MAX_LENGTH
from confterm.ids import SLUG_PATTERN as SLUG_PATTERN
from confterm.model.rules import Rule
from confterm.text import shorten
from confterm.timezones import find_zone

PROGRAM_FORMAT: Final = "confterm/1"  # the "format" of every confterm program file

Slug = Annotated[
    str,
    Rule(
        pattern=SLUG_PATTERN,
        max_length=SLUG_MAX_LENGTH,
        description="A stable identifier: lower-case letters, digits, '.', '_' and '-'.",
    ),
]
# Every text field is one of these three (or Name): they clean what the file holds before any
# other rule looks at it (see Rule.text and confterm.text).
Line = Annotated[str, Rule(text="line")]
Text = Annotated[str, Rule(max_length=100_000, text="long")]
Url = Annotated[str, Rule(text="url", description="A plain http(s) URL.")]
Name = Annotated[str, Rule(min_length=1, text="line")]
AwareDatetime = Annotated[datetime, Rule(aware=True)]

# Dates outside this window are certainly mistakes, and near year 1 or 9999 plain date
# arithmetic (a day later, a zone conversion) overflows: refuse them when the file is read.
EARLIEST_DATE = date(1970, 1, 1)
LATEST_DATE = date(2199, 12, 31)
_DATE_RANGE = f"outside the supported dates ({EARLIEST_DATE} to {LATEST_DATE})"


def _date_in_range(value: date | None) -> date | None:
    if value is not None and not EARLIEST_DATE <= value <= LATEST_DATE:
        raise ValueError(f"{value} is {_DATE_RANGE}")
    return value


# Real UTC offsets run from -12:00 to +14:00; Python allows up to a day either way.
MAX_UTC_OFFSET = timedelta(hours=14)


def _datetime_in_range(value: datetime | None) -> datetime | None:
    # The wall-clock date, not the UTC one: converting could itself overflow.
    if value is None:
        return value
    if not EARLIEST_DATE <= value.date() <= LATEST_DATE:
        raise ValueError(f"{value.isoformat()} is {_DATE_RANGE}")
    offset = value.utcoffset()
    if offset is not None and abs(offset) > MAX_UTC_OFFSET:
        raise ValueError(f"{value.isoformat()}: UTC offset beyond ±14:00")
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


def _known_zone(value: str) -> str:
    if find_zone(value) is None:
        raise ValueError(f"unknown time zone {shorten(value)!r}")
    return value


# pydantic's settings for every class (a ConfigDict, which is a plain dict): unknown fields
# are errors, and surrounding whitespace is trimmed from every string.
_PYDANTIC_CONFIG: dict[str, Any] = {"extra": "forbid", "str_strip_whitespace": True}


class _Record:
    """Base of the many small records of a program (sessions, speakers, papers...).

    They are slotted: without a ``__dict__`` per instance, a large program takes half the
    memory (50,000 sessions: about 120 MB less).
    """

    __slots__ = ()
    __pydantic_config__: ClassVar[dict[str, Any]] = _PYDANTIC_CONFIG


@dataclass(slots=True, kw_only=True)
class Link(_Record):
    """A labelled URL (slides, video, project page...)."""

    title: Line
    url: Url


@dataclass(kw_only=True)
class Conference:
    """The conference as a whole: its name, dates, place and time zone."""

    __pydantic_config__: ClassVar[dict[str, Any]] = _PYDANTIC_CONFIG

    id: Slug
    name: Name
    short_name: Name
    start_date: Annotated[date, Rule(check=_date_in_range)]
    end_date: Annotated[date, Rule(check=_date_in_range)]
    timezone: Annotated[
        str,
        Rule(
            description="IANA time zone of the venue, e.g. America/Los_Angeles.",
            check=_known_zone,
        ),
    ]
    venue: Line | None = None
    city: Line | None = None
    url: Url | None = None
    sources: Annotated[list[Line], Rule(description="Where the facts in this file came from.")] = (
        field(default_factory=list)
    )
    note: Text | None = None

    @cached_property
    def zone(self) -> ZoneInfo:
        """The conference's time zone."""
        return ZoneInfo(self.timezone)

    @property
    def days(self) -> list[date]:
        """Every date from the first to the last day, inclusive."""
        count = (self.end_date - self.start_date).days + 1
        return [self.start_date + timedelta(days=offset) for offset in range(max(count, 0))]


@dataclass(slots=True, kw_only=True)
class Room(_Record):
    """A place where sessions happen."""

    id: Slug
    name: Name


@dataclass(slots=True, kw_only=True)
class Track(_Record):
    """A thematic grouping of sessions."""

    id: Slug
    name: Name


@dataclass(slots=True, kw_only=True)
class Speaker(_Record):
    """A person who speaks at (or chairs) a session."""

    id: Slug
    name: Name
    affiliation: Line | None = None
    bio: Text | None = None
    url: Url | None = None


@dataclass(slots=True, kw_only=True)
class Session(_Record):
    """One slot in the program: a talk, an oral session, a break..."""

    id: Slug
    title: Name
    kind: SessionKind = SessionKind.OTHER
    day: Annotated[
        date | None,
        Rule(description="The day it is filed under; null if unknown.", check=_date_in_range),
    ] = None
    start: Annotated[
        AwareDatetime | None,
        Rule(description="Null: time to be announced.", check=_datetime_in_range),
    ] = None
    end: Annotated[AwareDatetime | None, Rule(check=_datetime_in_range)] = None
    room: Slug | None = None
    track: Slug | None = None
    speakers: list[Slug] = field(default_factory=list)
    chairs: Annotated[list[Slug], Rule(description="Moderators or session chairs.")] = field(
        default_factory=list
    )
    description: Text = ""
    links: list[Link] = field(default_factory=list)
    aliases: Annotated[
        list[Name],
        Rule(
            description=(
                "Other titles it is known by (an older or unofficial label); search finds them."
            )
        ),
    ] = field(default_factory=list)
    source_url: Url | None = None
    note: Annotated[Text | None, Rule(description="What is uncertain about this session.")] = None

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


@dataclass(slots=True, kw_only=True)
class Author(_Record):
    """An author of a paper."""

    name: Name
    affiliation: Line | None = None


@dataclass(slots=True, kw_only=True)
class Paper(_Record):
    """An accepted paper, and the session that presents it when known."""

    id: Slug
    title: Name
    authors: list[Author] = field(default_factory=list)
    url: Url | None = None
    session: Slug | None = None
    award: Line | None = None
    topic: Line | None = None
    source_url: Url | None = None
    note: Text | None = None


@dataclass(slots=True, kw_only=True)
class BoothPerson(_Record):
    """Someone staffing a booth, with their role when known."""

    name: Name
    role: Line | None = None


@dataclass(slots=True, kw_only=True)
class Booth(_Record):
    """A sponsor or exhibitor booth."""

    id: Slug
    organisation: Name
    level: Annotated[Line | None, Rule(description="Sponsor level, e.g. Gold.")] = None
    location: Annotated[
        Line | None, Rule(description="Booth number or place; null if unknown.")
    ] = None
    description: Text = ""
    people: list[BoothPerson] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    sessions: Annotated[list[Slug], Rule(description="Related session ids.")] = field(
        default_factory=list
    )
    source_url: Url | None = None
    note: Text | None = None


@dataclass(kw_only=True)
class Program:
    """A whole conference program: the top level of a confterm JSON file."""

    __pydantic_config__: ClassVar[dict[str, Any]] = _PYDANTIC_CONFIG

    format: Literal["confterm/1"] = PROGRAM_FORMAT
    conference: Conference
    rooms: list[Room] = field(default_factory=list)
    tracks: list[Track] = field(default_factory=list)
    speakers: list[Speaker] = field(default_factory=list)
    sessions: list[Session] = field(default_factory=list)
    papers: list[Paper] = field(default_factory=list)
    booths: list[Booth] = field(default_factory=list)

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
