"""What every importer shares: id slugs, registries of rooms/tracks/speakers, kinds, zones.

An importer reads its format and feeds a :class:`ProgramBuilder`; the builder turns source ids
into stable confterm slugs, de-duplicates rooms, tracks and speakers by name or id, cleans
every text (:func:`confterm.text.clean`), records what was skipped and why, and finally builds
a validated :class:`~confterm.model.program.Program`.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from confterm.errors import DataError, UsageError
from confterm.model.loading import validate_program
from confterm.model.program import (
    EARLIEST_DATE,
    LATEST_DATE,
    Conference,
    Program,
    Room,
    Session,
    SessionKind,
    Speaker,
    Track,
)
from confterm.model.validation import build_record
from confterm.sources.html_text import html_to_text
from confterm.text import clean, one_line

MAX_SLUG = 80
MAX_TEXT = 100_000
NO_ZONE_HINT = "pass --tz ZONE (e.g. --tz Europe/London)"


@dataclass(frozen=True, slots=True)
class ImportResult:
    """A converted program, what was left out of it, and the format it was read from."""

    program: Program
    skipped: list[str]
    format_name: str
    notes: list[str] = field(default_factory=list)


class JsonReader:
    """Typed access to a parsed JSON document: a value of the wrong type is a DataError that
    names its JSON path (``sessions[0].speakers: expected a list, got a number``), never a
    TypeError from deep inside an importer."""

    def __init__(self, label: str) -> None:
        self.label = label

    def error(self, path: str, what: str) -> DataError:
        """A DataError for the value at ``path``."""
        return DataError(f"{self.label}: {path}: {what}")

    def obj(self, value: Any, path: str) -> dict[str, Any]:
        """``value`` when it is an object."""
        if not isinstance(value, dict):
            raise self.error(path, f"expected an object, got {json_kind(value)}")
        return value

    def items(self, value: Any, path: str) -> list[Any]:
        """``value`` when it is a list."""
        if not isinstance(value, list):
            raise self.error(path, f"expected a list, got {json_kind(value)}")
        return value

    def list_at(self, parent: dict[str, Any], key: str, path: str) -> list[Any]:
        """``parent[key]`` as a list; missing or null is an empty list."""
        value = parent.get(key)
        if value is None:
            return []
        return self.items(value, f"{path}.{key}" if path else key)

    def text(self, parent: dict[str, Any], key: str, path: str) -> str:
        """``parent[key]`` as stripped text (a number is written out); missing or null is ""."""
        value = parent.get(key)
        if value is None:
            return ""
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return str(value)
        if not isinstance(value, str):
            where = f"{path}.{key}" if path else key
            raise self.error(where, f"expected a string, got {json_kind(value)}")
        return value.strip()


def json_kind(value: Any) -> str:
    """How a JSON value's type is named in messages ("a list", "null"...)."""
    names = {dict: "an object", list: "a list", str: "a string", bool: "a boolean"}
    if value is None:
        return "null"
    return names.get(type(value), "a number")


def slugify(raw: str) -> str:
    """A deterministic slug ``^[a-z0-9][a-z0-9._-]*$`` for a source id (never random)."""
    folded = unicodedata.normalize("NFKD", raw).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9._-]+", "-", folded.lower())
    slug = re.sub(r"^[^a-z0-9]+", "", slug).rstrip("-._")
    digest = hashlib.sha1(raw.encode("utf-8"), usedforsecurity=False).hexdigest()[:10]
    if not slug:
        return f"x{digest}"
    if len(slug) > MAX_SLUG:
        return f"{slug[: MAX_SLUG - 11].rstrip('-._')}-{digest}"
    return slug


def _short_hash(raw: str) -> str:
    return hashlib.sha1(raw.encode("utf-8"), usedforsecurity=False).hexdigest()[:8]


def stable_id(raw: str) -> str:
    """A session's confterm id, decided by its source id alone (bookmarks point at it).

    A source id that is already a slug is kept as it is. Any other gets the slug plus a short
    hash of the source id, so ids that slugify alike ("ABC" and "abc", "a b" and "a-b") never
    take each other's id, whatever their order in the file or in a later version of it.
    """
    slug = slugify(raw)
    if slug == raw:
        return slug
    suffix = f"-{_short_hash(raw)}"
    return f"{slug[: MAX_SLUG - len(suffix)].rstrip('-._')}{suffix}"


class _SlugRegistry:
    """Maps source keys to unique slugs; a clash gets a suffix derived from the key itself."""

    def __init__(self, make: Callable[[str], str] = slugify) -> None:
        self.by_key: dict[str, str] = {}
        self.used: set[str] = set()
        self._make = make

    def get(self, key: str) -> str | None:
        return self.by_key.get(key)

    def add(self, key: str) -> str:
        slug = self._make(key)
        if slug in self.used:
            slug = f"{slug[:MAX_SLUG]}-{_short_hash(key)}"
            counter = 2
            while slug in self.used:
                slug = f"{slug}-{counter}"
                counter += 1
        self.used.add(slug)
        self.by_key[key] = slug
        return slug


_KIND_PATTERNS: list[tuple[SessionKind, re.Pattern[str]]] = [
    (
        SessionKind.BREAK,
        re.compile(
            r"\b(lunch|break|pause|coffee|tea|dinner|breakfast|buffet|snacks?|d[ée]jeuner)\b", re.I
        ),
    ),
    (SessionKind.REGISTRATION, re.compile(r"\b(registration|check-in|accueil)\b", re.I)),
    (SessionKind.KEYNOTE, re.compile(r"\bkeynote|plenary|pl[ée]ni[èe]re\b", re.I)),
    (SessionKind.LIGHTNING, re.compile(r"\blightning\b", re.I)),
    (SessionKind.WORKSHOP, re.compile(r"\b(workshop|hands-on|atelier|bof)\b", re.I)),
    (SessionKind.TUTORIAL, re.compile(r"\btutorial\b", re.I)),
    (SessionKind.PANEL, re.compile(r"\b(panel|podium|round ?table)\b", re.I)),
    (SessionKind.POSTER, re.compile(r"\bposters?\b", re.I)),
    (SessionKind.SOCIAL, re.compile(r"\b(party|social|reception|meetup|get-together)\b", re.I)),
    (SessionKind.TALK, re.compile(r"\b(talk|lecture|maintrack|presentation|session)\b", re.I)),
]


def guess_kind(
    kind_hint: str | None, title: str, *, default: SessionKind = SessionKind.TALK
) -> SessionKind:
    """The kind from a type/format hint first, then from the title (Lunch, Pause...)."""
    for text in (kind_hint or "", title):
        for kind, pattern in _KIND_PATTERNS:
            if text and pattern.search(text):
                if kind is SessionKind.TALK and text is title:
                    continue  # "session" in a title says nothing
                return kind
    return default


def rich_text(value: str | None) -> str:
    """Source text (maybe HTML) as clean plain text."""
    if not value:
        return ""
    return clean(html_to_text(value)).strip()


def join_texts(*parts: str | None) -> str:
    """Non-empty, distinct parts joined by blank lines, capped at the model's limit."""
    seen: list[str] = []
    for part in parts:
        text = rich_text(part)
        if text and text not in seen:
            seen.append(text)
    return "\n\n".join(seen)[:MAX_TEXT]


def safe_url(url: str | None) -> str | None:
    """``url`` when it is a plain http(s) URL, else None (no javascript:, no control chars)."""
    url = one_line(url or "")
    if url.startswith(("http://", "https://")) and " " not in url:
        return url
    return None


def parse_duration(text: str) -> timedelta:
    """``HH:MM``, ``HH:MM:SS`` or ``D:HH:MM`` (frab/Pentabarf); ValueError otherwise."""
    parts = text.strip().split(":")
    if not all(part.isdigit() for part in parts) or len(parts) not in (2, 3):
        raise ValueError(f"expected a duration HH:MM, HH:MM:SS or D:HH:MM, got {text!r}")
    numbers = [int(part) for part in parts]
    if len(parts) == 2:
        return timedelta(hours=numbers[0], minutes=numbers[1])
    # Three parts are ambiguous: frab writes long events as D:HH:MM ("1:02:00", one-digit
    # days) while Pentabarf writes HH:MM:SS ("00:05:00", two-digit hours).
    if len(parts[0]) == 1:
        return timedelta(days=numbers[0], hours=numbers[1], minutes=numbers[2])
    return timedelta(hours=numbers[0], minutes=numbers[1], seconds=numbers[2])


def end_after(start: datetime, duration: timedelta) -> datetime:
    """``start`` plus an elapsed ``duration``, in start's zone (right across DST changes,
    where plain addition to an aware datetime counts wall-clock time)."""
    if start.tzinfo is None:
        return start + duration
    return (start.astimezone(UTC) + duration).astimezone(start.tzinfo)


def out_of_range(label: str, where: str) -> DataError:
    """The error for an event whose dates overflow date arithmetic (year 1, year 9999...)."""
    return DataError(
        f"{label}: {where}: date out of range (supported: {EARLIEST_DATE} to {LATEST_DATE})"
    )


@contextmanager
def dates_of(label: str, where: str) -> Iterator[None]:
    """Turn an OverflowError from the date arithmetic of one event into a DataError naming it.

    The model refuses such dates too, but an importer computes (end = start + duration, zone
    conversions) before the model sees them.
    """
    try:
        yield
    except OverflowError:
        raise out_of_range(label, where) from None


def parse_clock(text: str) -> time:
    """``HH:MM`` or ``HH:MM:SS`` as a time of day; ValueError otherwise."""
    match = re.fullmatch(r"(\d{1,2}):(\d{2})(?::(\d{2}))?", text.strip())
    if not match:
        raise ValueError(f"expected a time HH:MM, got {text!r}")
    return time(int(match[1]), int(match[2]), int(match[3] or 0))


def parse_aware(text: str) -> datetime:
    """An ISO date-time with an offset; ValueError when it has none."""
    moment = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    if moment.tzinfo is None:
        raise ValueError(f"expected a date-time with an offset, got {text!r}")
    return moment


def zone_from_option(tz: str | None) -> ZoneInfo | None:
    """The zone named by ``--tz``, or None when not given; a bad name is a usage error."""
    if not tz:
        return None
    try:
        return ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError):
        raise UsageError(f"--tz: unknown time zone {tz!r} (use an IANA name)") from None


def known_zone(name: str | None) -> ZoneInfo | None:
    """The IANA zone ``name`` when it exists, else None."""
    if not name:
        return None
    try:
        return ZoneInfo(name.strip())
    except (ZoneInfoNotFoundError, ValueError):
        return None


def require_zone(label: str, declared: str | None, tz: str | None) -> ZoneInfo:
    """The zone for naive times: ``--tz``, else the file's own; never silently UTC."""
    zone = zone_from_option(tz) or known_zone(declared)
    if zone is None:
        raise UsageError(f"{label} has no time zone: {NO_ZONE_HINT}")
    return zone


def choose_zone(
    label: str,
    declared: str | None,
    tz: str | None,
    samples: list[tuple[datetime, time | None]],
    notes: list[str],
) -> ZoneInfo:
    """The venue zone for a file whose times carry offsets.

    ``samples`` are (moment with offset, local wall-clock time written next to it or None).
    The declared zone wins when it agrees with them, then ``--tz``, then a fixed ``Etc/GMT``
    zone matching one constant offset (noted in ``notes``); otherwise a usage error.
    """
    zone = known_zone(declared)
    if zone is not None and _agrees(zone, samples):
        return zone
    if declared and zone is None:
        notes.append(f"unknown time zone {declared!r} in the file was ignored")
    elif zone is not None:
        notes.append(f"the file's time zone {declared!r} disagrees with its times; not used")
    chosen = zone_from_option(tz)
    if chosen is not None:
        return chosen
    offsets = {moment.utcoffset() for moment, _ in samples}
    if len(offsets) == 1:
        offset = offsets.pop()
        if offset is not None and offset % timedelta(hours=1) == timedelta(0):
            hours = int(offset / timedelta(hours=1))
            # Etc/GMT signs are inverted: UTC+01:00 is Etc/GMT-1.
            name = "Etc/UTC" if hours == 0 else f"Etc/GMT{-hours:+d}"
            notes.append(
                f"no usable time zone name in the file: using {name} (UTC{_offset_text(offset)}) "
                "from its offsets; pass --tz ZONE for the venue's zone"
            )
            return ZoneInfo(name)
    raise UsageError(f"{label} has no time zone: {NO_ZONE_HINT}")


def _offset_text(offset: timedelta) -> str:
    minutes = int(offset / timedelta(minutes=1))
    sign = "+" if minutes >= 0 else "-"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def _agrees(zone: ZoneInfo, samples: list[tuple[datetime, time | None]]) -> bool:
    for moment, wall in samples:
        try:
            local = moment.astimezone(zone)
        except OverflowError:
            return False  # year 1 or 9999: the event itself is reported when it is read
        if wall is not None:
            if local.time().replace(second=0) != wall.replace(second=0):
                return False
        elif local.utcoffset() != moment.utcoffset():
            return False
    return True


# Formats without days of their own (Sessionize, iCalendar): an event before 04:00 belongs to
# the evening before (a 00:30 party is part of Friday's program, not Saturday's).
DEFAULT_DAY_CHANGE = time(4, 0)


def local_day(start: datetime, zone: ZoneInfo, day_change: time) -> date:
    """The day a session belongs to: before the day-change time it is the previous day's."""
    local = start.astimezone(zone)
    if local.time() < day_change:
        return local.date() - timedelta(days=1)
    return local.date()


def start_on_day(filed: date, clock: time, day_change: time, zone: ZoneInfo) -> datetime:
    """A wall-clock start on the source's day ``filed``: a time before the day change is
    after midnight, on the next calendar date (frab writes 00:30 under the evening's day)."""
    on = filed + timedelta(days=1 if clock < day_change else 0)
    return datetime.combine(on, clock, tzinfo=zone)


def place_event(
    start: datetime, zone: ZoneInfo, day_change: time, filed: date | None = None
) -> date:
    """The day an event is filed under.

    The source's own day (``filed``) wins when the event starts on it or on the night after;
    otherwise (no day in the source, or one that disagrees) the local date, moved to the
    previous day before ``day_change``.
    """
    if filed is not None and start.astimezone(zone).date() in (filed, filed + timedelta(days=1)):
        return filed
    return local_day(start, zone, day_change)


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
        self._room_ids = _SlugRegistry()
        self._track_ids = _SlugRegistry()
        self._speaker_ids = _SlugRegistry()
        self._session_ids = _SlugRegistry(stable_id)

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
