"""iCalendar (.ics) schedules: one VEVENT per session, read with the ``icalendar`` library.

* Lines are unfolded at the byte level *before* decoding, because real files fold in the
  middle of a UTF-8 sequence (JRES 2022); only then is the text decoded.
* Times with ``TZID`` are used even without a VTIMEZONE block (the IANA name is enough),
  UTC times are kept, and the venue zone comes from ``--tz``, ``X-WR-TIMEZONE`` or the TZIDs:
  never silently UTC. A file that names none is refused with a message that says so (and
  says when all its times are UTC, so only the venue's zone is missing).
* ``DTEND`` or ``DURATION`` give the end; ``LOCATION`` is the room, the first of
  ``CATEGORIES`` the track.
* Speakers: ``ATTENDEE;CN=``, else a leading ``Speaker: Name`` (or ``von: Name``) line of the
  description; pretalx writes ``SUMMARY`` as "{title} - {speakers}", split only in files whose
  ``PRODID`` is pretalx's. An ``ORGANIZER`` is who runs the calendar, never a speaker.
* A UID shared by several events is completed with each event's start (see the builder).
* The day change is the one every format uses (:mod:`confterm.sources.days`).
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from icalendar import Calendar, Component

from confterm.errors import DataError
from confterm.model.program import SessionKind
from confterm.sources.builder import ImportResult, ProgramBuilder
from confterm.sources.common import join_texts
from confterm.sources.days import place_event
from confterm.sources.detect import FORMAT_NAMES, ICAL
from confterm.sources.kinds import guess_kind
from confterm.sources.slugs import slugify
from confterm.sources.times import dates_of, end_after
from confterm.sources.zones import known_zone, no_zone_error, zone_from_option
from confterm.text import one_line

_FOLD = re.compile(rb"\r?\n[ \t]")
_SPEAKER_LINE = re.compile(r"\A\s*(speakers?|von)\s*:\s*(?P<names>[^\n]+)\n?", re.I)
_NAME_SEPARATORS = re.compile(r",|\band\b|\bund\b|&")
GENERIC_NAME = "Imported calendar"
_PLACEHOLDERS = {"no description", "tba", "tbd"}


def unfold(raw: bytes, label: str) -> str:
    """The calendar text: folds removed at the byte level, then decoded as UTF-8."""
    unfolded = _FOLD.sub(b"", raw)
    try:
        return unfolded.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise DataError(f"{label}: byte {error.start}: not UTF-8 text") from None


def import_ical(
    raw: bytes,
    label: str,
    *,
    conference_id: str | None,
    tz: str | None,
    name: str | None = None,
) -> ImportResult:
    """Convert an iCalendar document."""
    text = unfold(raw, label)
    try:
        calendar = Calendar.from_ical(text)
    except (ValueError, IndexError, KeyError) as error:
        raise DataError(f"{label}: not valid iCalendar ({one_line(str(error))[:200]})") from None
    if isinstance(calendar, list):  # pragma: no cover - only with multiple=True
        calendar = calendar[0]
    events = list(calendar.walk("VEVENT"))
    zone = _zone(label, calendar, events, tz)
    builder = ProgramBuilder(label)
    pretalx = "pretalx" in _text(calendar, "PRODID").lower()
    for index, event in enumerate(events):
        with dates_of(label, f"VEVENT[{index}]"):
            _add_event(builder, label, index, event, zone, pretalx=pretalx)

    own = (
        _text(calendar, "X-WR-CALNAME")
        or _text(calendar, "NAME")
        or _text(calendar, "X-WR-CALDESC")
    )
    if not (name or own):
        builder.notes.append(
            f"the file names no conference: shown as {GENERIC_NAME!r}; "
            "give it a name with import --name NAME"
        )
    stem = re.sub(r"\.ics$", "", re.split(r"[/\\]", label.rstrip("/"))[-1], flags=re.I)
    program = builder.build(
        conference_id=conference_id or slugify(name or own or stem),
        name=name or own or GENERIC_NAME,
        short_name=None,
        zone=zone,
        source=label,
    )
    return ImportResult(program, builder.skipped, FORMAT_NAMES[ICAL], builder.notes)


def _text(component: Component, key: str) -> str:
    value = component.get(key)
    if value is None:
        return ""
    if isinstance(value, list):
        value = value[0] if value else ""
    return str(value).strip()


def _zone(label: str, calendar: Component, events: list[Component], tz: str | None) -> ZoneInfo:
    chosen = zone_from_option(tz) or known_zone(_text(calendar, "X-WR-TIMEZONE"))
    if chosen is not None:
        return chosen
    tzids: Counter[str] = Counter()
    for event in events:
        prop = event.get("DTSTART")
        tzid = getattr(prop, "params", {}).get("TZID") if prop is not None else None
        if tzid and known_zone(str(tzid)):
            tzids[str(tzid)] += 1
    if tzids:
        return ZoneInfo(tzids.most_common(1)[0][0])
    starts = [event.get("DTSTART") for event in events]
    moments = [getattr(prop, "dt", None) for prop in starts if prop is not None]
    timed = [moment for moment in moments if isinstance(moment, datetime)]
    all_utc = bool(timed) and all(
        moment.tzinfo is not None and moment.utcoffset() == timedelta(0) for moment in timed
    )
    raise no_zone_error(label, all_utc=all_utc)


def _decoded(label: str, index: int, event: Component, key: str) -> Any:
    if event.get(key) is None:
        return None
    try:
        return event.decoded(key)
    except (ValueError, TypeError, KeyError) as error:
        raise DataError(
            f"{label}: VEVENT[{index}].{key}: expected a date-time, duration or date "
            f"({one_line(str(error))[:120]})"
        ) from None


def _aware(moment: datetime, zone: ZoneInfo) -> datetime:
    # Floating times are in the venue zone; TZID and UTC times already carry their zone.
    if moment.tzinfo is None:
        return moment.replace(tzinfo=zone)
    return moment


def _attendees(event: Component) -> list[str]:
    found = event.get("ATTENDEE")
    if found is None:
        return []
    values = found if isinstance(found, list) else [found]
    return [str(value.params.get("CN", "")).strip() for value in values if hasattr(value, "params")]


def _pretalx_split(title: str) -> tuple[str, list[str]]:
    """pretalx's "{title} - {speaker, speaker}" as the title and the names."""
    if title.endswith(" -"):  # a session without speakers: "{title} - " (stripped)
        return title[:-2].strip(), []
    head, separator, names = title.rpartition(" - ")
    if not separator or not head.strip():
        return title, []
    return head.strip(), [name.strip() for name in names.split(", ") if name.strip()]


def _add_event(
    builder: ProgramBuilder,
    label: str,
    index: int,
    event: Component,
    zone: ZoneInfo,
    *,
    pretalx: bool,
) -> None:
    title = _text(event, "SUMMARY")
    uid = _text(event, "UID")
    if not uid:
        builder.skip(title or f"VEVENT[{index}]", "no UID to keep bookmarks stable")
        return
    dtstart = _decoded(label, index, event, "DTSTART")
    if dtstart is None:
        builder.skip(f"{title or 'untitled'} ({uid})", "no DTSTART")
        return
    start: datetime | None = None
    end: datetime | None = None
    if isinstance(dtstart, datetime):
        start = _aware(dtstart, zone)
        dtend = _decoded(label, index, event, "DTEND")
        duration = _decoded(label, index, event, "DURATION")
        if isinstance(dtend, datetime):
            end = _aware(dtend, zone)
        elif isinstance(duration, timedelta):
            end = end_after(start, duration)
        else:
            end = start
        day: date | None = place_event(start, zone)
    elif isinstance(dtstart, date):
        day = dtstart  # an all-day event: its day is known, its time is not
    else:
        raise DataError(f"{label}: VEVENT[{index}].DTSTART: expected a date-time or a date")

    description = _text(event, "DESCRIPTION")
    names = [name for name in _attendees(event) if name]
    if pretalx:
        title, in_title = _pretalx_split(title)
        names = names or in_title
    found = _SPEAKER_LINE.match(description)
    if found:
        names = names or _NAME_SEPARATORS.split(found["names"])
        description = description[found.end() :]
    speakers = [speaker for name in names if (speaker := builder.speaker(name))]
    if description.strip().lower() in _PLACEHOLDERS:
        description = ""
    categories = event.get("CATEGORIES")
    track = None
    if categories is not None:
        cats = categories if isinstance(categories, list) else [categories]
        names = [str(c) for cat in cats for c in getattr(cat, "cats", [cat])]
        track = next((n for n in names if n.strip()), None)
    url = _text(event, "URL")
    builder.add_session(
        source_id=uid,
        title=title,
        kind=guess_kind(track, title, default=SessionKind.TALK if speakers else SessionKind.OTHER),
        day=day,
        start=start,
        end=end,
        room=builder.room(_text(event, "LOCATION")),
        track=builder.track(track),
        speakers=speakers,
        description=join_texts(description),
        source_url=url if url.startswith(("http://", "https://")) else None,
    )
