"""Sessionize API v2 ``view/All`` JSON: sessions, speakers, rooms and categories.

Times are naive local times with no zone anywhere in the payload, so the zone must come from
``--tz``; it is never assumed to be UTC. Categories carry the organiser's *question* as their
title ("Which track does your session best fit into?"), so the track and the format are picked
by what the question asks about, not by a fixed name. Service sessions are breaks. Days follow
the day-change rule every format uses (:mod:`confterm.sources.days`).

A feed published before the schedule is made has every ``startsAt`` null: it is imported with
every session "time to be announced" (no zone needed then), so attendees can browse and star.
The payload names no conference; ``import --name`` gives it one.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from confterm.model.program import SessionKind
from confterm.sources.builder import ImportResult, ProgramBuilder
from confterm.sources.common import join_texts
from confterm.sources.days import place_event
from confterm.sources.detect import FORMAT_NAMES, SESSIONIZE
from confterm.sources.json_reader import JsonReader
from confterm.sources.kinds import guess_kind
from confterm.sources.slugs import slugify
from confterm.sources.times import dates_of
from confterm.sources.zones import require_zone

_TRACK_QUESTION = re.compile(r"\b(track|topic|theme|stream|category)\b", re.I)
GENERIC_NAME = "Sessionize schedule"
_FORMAT_QUESTION = re.compile(r"\b(format|type|length|duration)\b", re.I)


def import_sessionize(
    document: Any,
    label: str,
    *,
    conference_id: str | None,
    tz: str | None,
    name: str | None = None,
) -> ImportResult:
    """Convert a parsed Sessionize ``view/All`` document; naive times need ``tz``."""
    doc = JsonReader(label)
    document = doc.obj(document, "$")
    builder = ProgramBuilder(label)
    sessions = doc.list_at(document, "sessions", "")
    scheduled = any(isinstance(s, dict) and s.get("startsAt") for s in sessions)
    if scheduled or tz:
        zone = require_zone(label, None, tz)
    else:
        zone = ZoneInfo("UTC")
        builder.notes.append(
            "no session has a time yet: every session is 'time to be announced'; "
            "refresh when the schedule is published (with --tz ZONE for the venue's zone)"
        )
    rooms = {
        str(room.get("id")): doc.text(room, "name", f"rooms[{index}]")
        for index, room in enumerate(doc.list_at(document, "rooms", ""))
        if isinstance(room, dict)
    }
    track_items, format_items = _categories(doc, doc.list_at(document, "categories", ""))
    speakers: dict[str, str] = {}
    for index, speaker in enumerate(doc.list_at(document, "speakers", "")):
        path = f"speakers[{index}]"
        speaker = doc.obj(speaker, path)
        key = doc.text(speaker, "id", path)
        full_name = doc.text(speaker, "fullName", path) or " ".join(
            part
            for part in (doc.text(speaker, "firstName", path), doc.text(speaker, "lastName", path))
            if part
        )
        made = builder.speaker(
            full_name,
            bio=doc.text(speaker, "bio", path) or None,
            affiliation=doc.text(speaker, "tagLine", path) or None,
        )
        if made and key:
            speakers[key] = made
    for index, session in enumerate(sessions):
        path = f"sessions[{index}]"
        with dates_of(label, path):
            _add_session(
                doc,
                builder,
                path,
                doc.obj(session, path),
                zone,
                rooms,
                track_items,
                format_items,
                speakers,
            )

    own = doc.text(document, "name", "")
    if not (name or own):
        builder.notes.append(
            f"the feed names no conference: shown as {GENERIC_NAME!r}; "
            "give it a name with import --name NAME"
        )
    program = builder.build(
        conference_id=conference_id or slugify(name or own or _name_from_label(label)),
        name=name or own or GENERIC_NAME,
        short_name=None,
        zone=zone,
        fallback_dates=None if scheduled else (_today(), _today()),
        source=label,
    )
    return ImportResult(program, builder.skipped, FORMAT_NAMES[SESSIONIZE], builder.notes)


def _today() -> date:
    # A feed with no times has no dates either; the model needs a day to hang it on.
    return datetime.now(UTC).date()


def _name_from_label(label: str) -> str:
    # The conference's id (not its name) from the file name or the URL's event code.
    tail = re.split(r"[/\\]", label.rstrip("/"))
    parts = [part for part in tail if part and part.lower() not in ("view", "all", "api", "v2")]
    stem = parts[-1] if parts else "sessionize"
    return re.sub(r"\.json$", "", stem, flags=re.I)


def _categories(doc: JsonReader, categories: list[Any]) -> tuple[dict[int, str], dict[int, str]]:
    """Item id -> name for the track question and for the session-format question."""
    session_questions = [
        (f"categories[{index}]", c)
        for index, c in enumerate(categories)
        if isinstance(c, dict) and c.get("type", "session") == "session"
    ]

    def items_of(path: str, category: dict[str, Any]) -> dict[int, str]:
        return {
            int(item["id"]): doc.text(item, "name", f"{path}.items[{index}]")
            for index, item in enumerate(doc.list_at(category, "items", path))
            if isinstance(item, dict) and isinstance(item.get("id"), int)
        }

    track: dict[int, str] = {}
    fmt: dict[int, str] = {}
    for path, category in session_questions:
        title = doc.text(category, "title", path)
        if not track and _TRACK_QUESTION.search(title):
            track = items_of(path, category)
        elif not fmt and _FORMAT_QUESTION.search(title):
            fmt = items_of(path, category)
    return track, fmt


def _add_session(
    doc: JsonReader,
    builder: ProgramBuilder,
    path: str,
    session: dict[str, Any],
    zone: ZoneInfo,
    rooms: dict[str, str],
    track_items: dict[int, str],
    format_items: dict[int, str],
    speakers: dict[str, str],
) -> None:
    title = doc.text(session, "title", path)
    source_id = doc.text(session, "id", path)
    if not source_id:
        builder.skip(title or "untitled session", "no id to keep bookmarks stable")
        return
    start = _time(doc, path, session, "startsAt", zone)
    end = _time(doc, path, session, "endsAt", zone)
    if (start is None) != (end is None):
        start = end = None
    items = [item for item in doc.list_at(session, "categoryItems", path) if isinstance(item, int)]
    track = next((track_items[item] for item in items if item in track_items), None)
    fmt = next((format_items[item] for item in items if item in format_items), None)
    if session.get("isServiceSession"):
        kind = SessionKind.BREAK
    elif session.get("isPlenumSession") and "keynote" in title.lower():
        kind = SessionKind.KEYNOTE
    else:
        kind = guess_kind(fmt, title)
    builder.add_session(
        source_id=source_id,
        title=title,
        kind=kind,
        day=place_event(start, zone) if start else None,
        start=start,
        end=end,
        room=builder.room(rooms.get(str(session.get("roomId")))),
        track=builder.track(track),
        speakers=[
            speakers[str(s)] for s in doc.list_at(session, "speakers", path) if str(s) in speakers
        ],
        description=join_texts(doc.text(session, "description", path)),
    )


def _time(
    doc: JsonReader, path: str, session: dict[str, Any], key: str, zone: ZoneInfo
) -> datetime | None:
    value = doc.text(session, key, path)
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise doc.error(
            f"{path}.{key}", f"expected a date-time (2026-10-03T09:00:00), got {value!r}"
        ) from None
    if moment.tzinfo is None:
        return moment.replace(tzinfo=zone)
    return moment.astimezone(zone)
