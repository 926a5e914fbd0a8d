"""frab/c3voc schedule JSON and pretalx's JSON export (``schedule.conference.days[].rooms{}``).

Events carry ``date`` with an offset and ``start`` as local wall-clock time. pretalx may
declare ``time_zone_name`` "UTC" while every offset is +01:00: the offsets are trusted and the
declared zone is only used when it agrees with them (see :func:`zones.choose_zone`).
A value of the wrong shape is reported with its JSON path.
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from confterm.sources.builder import ImportResult, ProgramBuilder
from confterm.sources.common import join_texts
from confterm.sources.days import place_event, start_on_day
from confterm.sources.detect import FORMAT_NAMES, FRAB_JSON
from confterm.sources.json_reader import JsonReader
from confterm.sources.kinds import guess_kind
from confterm.sources.slugs import slugify
from confterm.sources.times import dates_of, end_after, parse_aware, parse_clock, parse_duration
from confterm.sources.zones import choose_zone, require_zone


def import_frab_json(
    document: Any, label: str, *, conference_id: str | None, tz: str | None
) -> ImportResult:
    """Convert a parsed frab/pretalx schedule JSON document."""
    doc = JsonReader(label)
    root = doc.obj(document, "$")
    conference = doc.obj(doc.obj(root.get("schedule"), "schedule").get("conference"), "conference")
    cpath = "schedule.conference"
    days = doc.items(conference.get("days"), f"{cpath}.days")
    events: list[tuple[str, dict[str, Any], dict[str, Any], str]] = []
    for day_index, day_value in enumerate(days):
        day_path = f"{cpath}.days[{day_index}]"
        day = doc.obj(day_value, day_path)
        rooms = doc.obj(day.get("rooms", {}), f"{day_path}.rooms")
        for room_name, room_events in rooms.items():
            room_path = f"{day_path}.rooms[{room_name!r}]"
            for index, event in enumerate(doc.items(room_events, room_path)):
                events.append((f"{room_path}[{index}]", day, doc.obj(event, room_path), room_name))

    builder = ProgramBuilder(label)
    declared = doc.text(conference, "time_zone_name", cpath) or None
    samples: list[tuple[datetime, time | None]] = []
    for path, _, event, _ in events:
        if doc.text(event, "date", path):
            start_text = doc.text(event, "start", path)
            samples.append(
                (_aware(doc, event, path), _clock(doc, start_text, path) if start_text else None)
            )
    zone = (
        choose_zone(label, declared, tz, samples, builder.notes)
        if samples
        else require_zone(label, declared, tz)
    )
    for path, day, event, room_name in events:
        with dates_of(label, path):
            _add_event(doc, builder, zone, path, day, event, room_name)

    title = doc.text(conference, "title", cpath)
    acronym = doc.text(conference, "acronym", cpath)
    conference_id = conference_id or slugify(acronym or title or label)
    fallback: tuple[date, date] | None
    try:
        first = date.fromisoformat(doc.text(conference, "start", cpath)[:10])
        last = date.fromisoformat(doc.text(conference, "end", cpath)[:10])
        fallback = (first, max(first, last))
    except ValueError:
        fallback = None
    base_url = doc.text(doc.obj(root["schedule"], "schedule"), "base_url", "schedule")
    program = builder.build(
        conference_id=conference_id,
        name=title or acronym or conference_id,
        short_name=acronym or None,
        zone=zone,
        fallback_dates=fallback,
        url=base_url if base_url.startswith(("http://", "https://")) else None,
        source=label,
    )
    return ImportResult(program, builder.skipped, FORMAT_NAMES[FRAB_JSON], builder.notes)


def _aware(doc: JsonReader, event: dict[str, Any], path: str) -> datetime:
    text = doc.text(event, "date", path)
    try:
        return parse_aware(text)
    except ValueError:
        raise doc.error(
            f"{path}.date",
            f"expected a date-time with an offset (2024-02-03T10:00:00+01:00), got {text!r}",
        ) from None


def _clock(doc: JsonReader, text: str, path: str) -> time:
    try:
        return parse_clock(text)
    except ValueError as error:
        raise doc.error(f"{path}.start", str(error)) from None


def _add_event(
    doc: JsonReader,
    builder: ProgramBuilder,
    zone: ZoneInfo,
    path: str,
    day: dict[str, Any],
    event: dict[str, Any],
    room_name: str,
) -> None:
    title = doc.text(event, "title", path)
    source_id = (
        doc.text(event, "guid", path)
        or doc.text(event, "code", path)
        or doc.text(event, "id", path)
    )
    if not source_id:
        builder.skip(title or "untitled event", "no guid, code or id to keep bookmarks stable")
        return
    day_path = path.split(".rooms[", 1)[0]
    day_start_text = doc.text(day, "day_start", day_path)
    try:
        day_start: datetime | None = parse_aware(day_start_text).astimezone(zone)
    except ValueError:
        day_start = None
    try:
        filed = (
            day_start.date()
            if day_start
            else date.fromisoformat(doc.text(day, "date", day_path)[:10])
        )
    except ValueError:
        filed = None
    day_change = day_start.time() if day_start else time(0)
    start_text = doc.text(event, "start", path)
    if doc.text(event, "date", path):
        start = _aware(doc, event, path)
    elif start_text and filed is not None:
        start = start_on_day(filed, _clock(doc, start_text, path), day_change, zone)
    else:
        builder.skip(f"{title or 'untitled'} ({source_id})", "no start time")
        return
    duration_text = doc.text(event, "duration", path) or "00:00"
    try:
        duration = parse_duration(duration_text)
    except ValueError as error:
        raise doc.error(f"{path}.duration", str(error)) from None
    session_day = place_event(start, zone, day_change, filed)
    speakers: list[str] = []
    for index, person_value in enumerate(doc.list_at(event, "persons", path)):
        ppath = f"{path}.persons[{index}]"
        person = doc.obj(person_value, ppath)
        name = doc.text(person, "public_name", ppath) or doc.text(person, "name", ppath)
        key = doc.text(person, "guid", ppath) or doc.text(person, "code", ppath)
        key = key or doc.text(person, "id", ppath)
        speaker = builder.speaker(key or None, name, bio=doc.text(person, "biography", ppath))
        if speaker:
            speakers.append(speaker)
    links: list[tuple[str, str]] = []
    for index, link_value in enumerate(doc.list_at(event, "links", path)):
        if isinstance(link_value, dict):
            url = doc.text(link_value, "url", f"{path}.links[{index}]")
            if url.startswith(("http://", "https://")):
                links.append((doc.text(link_value, "title", f"{path}.links[{index}]"), url))
    url = doc.text(event, "url", path)
    builder.add_session(
        source_id=source_id,
        title=title,
        kind=guess_kind(doc.text(event, "type", path), title),
        day=session_day,
        start=start,
        end=end_after(start, duration),
        room=builder.room(doc.text(event, "room", path) or room_name),
        track=builder.track(doc.text(event, "track", path)),
        speakers=speakers,
        description=join_texts(
            doc.text(event, "subtitle", path),
            doc.text(event, "abstract", path),
            doc.text(event, "description", path),
        ),
        links=links,
        source_url=url if url.startswith(("http://", "https://")) else None,
    )
