"""The frab schedule, whatever its syntax: one normalisation step for frab XML and frab JSON.

:mod:`frab_xml` and :mod:`frab_json` only read their syntax into :class:`FrabDocument`
(conference facts, and per event the texts exactly as the file writes them). Everything that
needs judgement happens here, once:

* the zone: the declared ``time_zone_name`` when the events agree with it, else ``--tz``, else
  the one offset the events share (:func:`zones.choose_zone`); naive files need ``--tz``;
* the start: ``<date>`` (an instant with an offset) when given, else the day's date plus the
  wall-clock ``<start>``, after midnight when before the day change (:mod:`days`);
* the day: the file's own ``<day>`` for an event on it or in the night after, else its local
  day, kept within the days the file lists;
* speakers by name (``public_name``, ``name`` or the 2013/2014 ``full_public_name``);
* the texts: entities decoded, HTML made plain, template indentation removed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from confterm.errors import DataError
from confterm.sources.builder import ImportResult, ProgramBuilder
from confterm.sources.common import join_texts, plain_line
from confterm.sources.days import DEFAULT_DAY_CHANGE, place_event, start_on_day
from confterm.sources.kinds import guess_kind
from confterm.sources.slugs import slugify
from confterm.sources.times import (
    end_after,
    out_of_range,
    parse_aware,
    parse_clock,
    parse_duration,
)
from confterm.sources.zones import choose_zone, require_zone

# Names a failing field and says what is wrong with it: (field, what) -> the error to raise.
Fail = Callable[[str, str], DataError]


@dataclass(slots=True)
class FrabDay:
    """One ``<day>`` / ``days[]`` entry: its date and, when written, its start instant."""

    date_text: str
    start_text: str
    fail: Fail


@dataclass(slots=True)
class FrabEvent:
    """One event as the file writes it (texts not yet decoded)."""

    where: Callable[[], str]  # the event's place in the file, for messages (found lazily)
    day: FrabDay
    room_name: str
    fail: Fail
    source_id: str = ""
    title: str = ""
    date_text: str = ""
    start_text: str = ""
    duration_text: str = ""
    room: str = ""
    track: str = ""
    type: str = ""
    subtitle: str = ""
    abstract: str = ""
    description: str = ""
    url: str = ""
    persons: list[tuple[str, str]] = field(default_factory=list)  # (name, biography)
    links: list[tuple[str, str]] = field(default_factory=list)


@dataclass(slots=True)
class FrabDocument:
    """A frab schedule read from its syntax: the conference facts and every event."""

    label: str
    format_name: str
    title: str = ""
    acronym: str = ""
    time_zone_name: str = ""
    day_change_text: str = ""
    start: str = ""
    end: str = ""
    venue: str = ""
    city: str = ""
    url: str = ""
    fail_day_change: Fail | None = None
    days: list[FrabDay] = field(default_factory=list)
    events: list[FrabEvent] = field(default_factory=list)


def normalise(
    doc: FrabDocument, *, conference_id: str | None, tz: str | None, name: str | None = None
) -> ImportResult:
    """The program a frab document describes."""
    builder = ProgramBuilder(doc.label)
    zone = _zone(doc, tz, builder.notes)
    day_change = _day_change(doc)
    filed_days = {id(day): _filed(day, zone) for day in doc.days}
    for event in doc.events:
        try:
            _add_event(builder, zone, day_change, filed_days.get(id(event.day)), event)
        except OverflowError:
            raise out_of_range(doc.label, event.where()) from None

    conference_id = conference_id or slugify(doc.acronym or doc.title or doc.label)
    program = builder.build(
        conference_id=conference_id,
        name=name or doc.title or doc.acronym or conference_id,
        short_name=doc.acronym or None,
        zone=zone,
        fallback_dates=_conference_dates(doc),
        venue=doc.venue,
        city=doc.city,
        url=doc.url or None,
        source=doc.label,
    )
    return ImportResult(program, builder.skipped, doc.format_name, builder.notes)


def _aware(event: FrabEvent) -> datetime:
    try:
        return parse_aware(event.date_text)
    except ValueError:
        raise event.fail(
            "date",
            f"expected a date-time with an offset (2024-02-03T10:00:00+01:00), "
            f"got {event.date_text!r}",
        ) from None


def _clock(event: FrabEvent) -> time:
    try:
        return parse_clock(event.start_text)
    except ValueError as error:
        raise event.fail("start", str(error)) from None


def _zone(doc: FrabDocument, tz: str | None, notes: list[str]) -> ZoneInfo:
    declared = doc.time_zone_name.strip() or None
    samples = [
        (_aware(event), _clock(event) if event.start_text else None)
        for event in doc.events
        if event.date_text
    ]
    if not samples:
        return require_zone(doc.label, declared, tz)
    return choose_zone(doc.label, declared, tz, samples, notes)


def _day_change(doc: FrabDocument) -> time:
    if not doc.day_change_text:
        return DEFAULT_DAY_CHANGE
    try:
        return parse_clock(doc.day_change_text)
    except ValueError as error:
        if doc.fail_day_change is None:
            raise
        raise doc.fail_day_change("day_change", str(error)) from None


def _filed(day: FrabDay, zone: ZoneInfo) -> date | None:
    """The local date of a file's day: from its start instant when written (wafer writes
    ``date`` as the UTC date of a day that starts at 03:00 IST), else its date."""
    if day.start_text:
        try:
            return parse_aware(day.start_text).astimezone(zone).date()
        except ValueError:
            pass
    if not day.date_text:
        return None
    try:
        return date.fromisoformat(day.date_text[:10])
    except ValueError:
        raise day.fail("date", f"expected date=YYYY-MM-DD, got {day.date_text!r}") from None


def _conference_dates(doc: FrabDocument) -> tuple[date, date] | None:
    try:
        first = date.fromisoformat(doc.start[:10])
        last = date.fromisoformat(doc.end[:10])
    except ValueError:
        return None
    return first, max(first, last)


def _add_event(
    builder: ProgramBuilder,
    zone: ZoneInfo,
    day_change: time,
    filed: date | None,
    event: FrabEvent,
) -> None:
    if not event.source_id:
        builder.skip(event.title or "untitled event", "no guid or id to keep bookmarks stable")
        return
    if event.date_text:
        start = _aware(event)
    elif event.start_text and filed is not None:
        start = start_on_day(filed, _clock(event), zone, day_change)
    else:
        builder.skip(f"{event.title or 'untitled'} ({event.source_id})", "no start time")
        return
    try:
        duration = parse_duration(event.duration_text or "00:00")
    except ValueError as error:
        raise event.fail("duration", str(error)) from None
    builder.add_session(
        source_id=event.source_id,
        title=event.title,
        kind=guess_kind(plain_line(event.type), plain_line(event.title)),
        day=place_event(start, zone, day_change, filed),
        start=start,
        end=end_after(start, duration),
        room=builder.room(event.room or event.room_name),
        track=builder.track(event.track),
        speakers=[s for name, bio in event.persons if (s := builder.speaker(name, bio=bio))],
        description=join_texts(event.subtitle, event.abstract, event.description),
        links=event.links,
        source_url=event.url,
    )
