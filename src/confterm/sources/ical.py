"""iCalendar (.ics) schedules: one VEVENT per session, read with the ``icalendar`` library.

* Lines are unfolded at the byte level *before* decoding, because real files fold in the
  middle of a UTF-8 sequence (JRES 2022); only then is the text decoded.
* Times with ``TZID`` are used even without a VTIMEZONE block (the IANA name is enough),
  UTC times are kept, and floating times need the venue zone (``--tz``, else
  ``X-WR-TIMEZONE``): never silently UTC.
* ``DTEND`` or ``DURATION`` give the end; ``LOCATION`` is the room, the first of
  ``CATEGORIES`` the track, and a leading ``Speaker: Name`` line of the description the speaker.
* An event before 04:00 (venue time) is filed under the day before, as frab files it.
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
from confterm.sources.days import DEFAULT_DAY_CHANGE, place_event
from confterm.sources.detect import FORMAT_NAMES, ICAL
from confterm.sources.kinds import guess_kind
from confterm.sources.slugs import slugify
from confterm.sources.times import dates_of, end_after
from confterm.sources.zones import known_zone, require_zone, zone_from_option
from confterm.text import one_line

_FOLD = re.compile(rb"\r?\n[ \t]")
_SPEAKER_LINE = re.compile(r"\A\s*speakers?\s*:\s*(?P<names>[^\n]+)\n?", re.I)
_PLACEHOLDERS = {"no description", "tba", "tbd"}


def unfold(raw: bytes, label: str) -> str:
    """The calendar text: folds removed at the byte level, then decoded as UTF-8."""
    unfolded = _FOLD.sub(b"", raw)
    try:
        return unfolded.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise DataError(f"{label}: byte {error.start}: not UTF-8 text") from None


def import_ical(
    raw: bytes, label: str, *, conference_id: str | None, tz: str | None
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
    for index, event in enumerate(events):
        with dates_of(label, f"VEVENT[{index}]"):
            _add_event(builder, label, index, event, zone)

    name = _text(calendar, "X-WR-CALNAME") or _text(calendar, "X-WR-CALDESC")
    name = name or re.sub(r"\.ics$", "", re.split(r"[/\\]", label.rstrip("/"))[-1], flags=re.I)
    program = builder.build(
        conference_id=conference_id or slugify(name),
        name=name,
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
    return require_zone(label, None, None)


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


def _add_event(
    builder: ProgramBuilder, label: str, index: int, event: Component, zone: ZoneInfo
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
        day: date | None = place_event(start, zone, DEFAULT_DAY_CHANGE)
    elif isinstance(dtstart, date):
        day = dtstart  # an all-day event: its day is known, its time is not
    else:
        raise DataError(f"{label}: VEVENT[{index}].DTSTART: expected a date-time or a date")

    description = _text(event, "DESCRIPTION")
    speakers: list[str] = []
    found = _SPEAKER_LINE.match(description)
    if found:
        for name in re.split(r",|\band\b|&", found["names"]):
            speaker = builder.speaker(None, name)
            if speaker:
                speakers.append(speaker)
        description = description[found.end() :]
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
