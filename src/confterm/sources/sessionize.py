"""Sessionize API v2 ``view/All`` JSON: sessions, speakers, rooms and categories.

Times are naive local times with no zone anywhere in the payload, so the zone must come from
``--tz``; it is never assumed to be UTC. Categories carry the organiser's *question* as their
title ("Which track does your session best fit into?"), so the track and the format are picked
by what the question asks about, not by a fixed name. Service sessions are breaks.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from confterm.errors import DataError
from confterm.model.program import SessionKind
from confterm.sources.common import (
    ImportResult,
    ProgramBuilder,
    dates_of,
    guess_kind,
    join_texts,
    require_zone,
    slugify,
)
from confterm.sources.detect import FORMAT_NAMES, SESSIONIZE
from confterm.text import one_line

_TRACK_QUESTION = re.compile(r"\b(track|topic|theme|stream|category)\b", re.I)
_FORMAT_QUESTION = re.compile(r"\b(format|type|length|duration)\b", re.I)


def import_sessionize(
    document: Any, label: str, *, conference_id: str | None, tz: str | None
) -> ImportResult:
    """Convert a parsed Sessionize ``view/All`` document; naive times need ``tz``."""
    zone = require_zone(label, None, tz)
    builder = ProgramBuilder(label)
    rooms = {
        str(room.get("id")): str(room.get("name") or "")
        for room in _list(document, "rooms", label)
        if isinstance(room, dict)
    }
    track_items, format_items = _categories(_list(document, "categories", label))
    speakers: dict[str, str] = {}
    for index, speaker in enumerate(_list(document, "speakers", label)):
        if not isinstance(speaker, dict):
            raise DataError(f"{label}: speakers[{index}]: expected an object")
        key = str(speaker.get("id") or "")
        name = speaker.get("fullName") or " ".join(
            str(part) for part in (speaker.get("firstName"), speaker.get("lastName")) if part
        )
        made = builder.speaker(
            key or None,
            str(name or ""),
            bio=_str(speaker.get("bio")),
            affiliation=_str(speaker.get("tagLine")),
        )
        if made and key:
            speakers[key] = made
    for index, session in enumerate(_list(document, "sessions", label)):
        if not isinstance(session, dict):
            raise DataError(f"{label}: sessions[{index}]: expected an object")
        with dates_of(label, f"sessions[{index}]"):
            _add_session(
                builder, label, index, session, zone, rooms, track_items, format_items, speakers
            )

    name = one_line(_str(document.get("name")) or "")
    fallback_name = _name_from_label(label)
    program = builder.build(
        conference_id=conference_id or slugify(name or fallback_name),
        name=name or fallback_name,
        short_name=None,
        zone=zone,
        source=label,
    )
    return ImportResult(program, builder.skipped, FORMAT_NAMES[SESSIONIZE], builder.notes)


def _list(document: dict[str, Any], key: str, label: str) -> list[Any]:
    value = document.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise DataError(f"{label}: {key}: expected a list")
    return value


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _name_from_label(label: str) -> str:
    # Sessionize payloads carry no conference name: use the file name or the URL's event code.
    tail = re.split(r"[/\\]", label.rstrip("/"))
    parts = [part for part in tail if part and part.lower() not in ("view", "all", "api", "v2")]
    stem = parts[-1] if parts else "sessionize"
    return re.sub(r"\.json$", "", stem, flags=re.I)


def _categories(categories: list[Any]) -> tuple[dict[int, str], dict[int, str]]:
    """Item id -> name for the track question and for the session-format question."""
    session_questions = [
        c for c in categories if isinstance(c, dict) and c.get("type", "session") == "session"
    ]

    def items_of(category: dict[str, Any]) -> dict[int, str]:
        return {
            int(item["id"]): str(item.get("name") or "")
            for item in category.get("items") or []
            if isinstance(item, dict) and isinstance(item.get("id"), int)
        }

    track: dict[int, str] = {}
    fmt: dict[int, str] = {}
    for category in session_questions:
        title = str(category.get("title") or "")
        if not track and _TRACK_QUESTION.search(title):
            track = items_of(category)
        elif not fmt and _FORMAT_QUESTION.search(title):
            fmt = items_of(category)
    return track, fmt


def _add_session(
    builder: ProgramBuilder,
    label: str,
    index: int,
    session: dict[str, Any],
    zone: ZoneInfo,
    rooms: dict[str, str],
    track_items: dict[int, str],
    format_items: dict[int, str],
    speakers: dict[str, str],
) -> None:
    title = str(session.get("title") or "")
    source_id = str(session.get("id") or "")
    if not source_id:
        builder.skip(title or "untitled session", "no id to keep bookmarks stable")
        return
    start = _time(label, index, session, "startsAt", zone)
    end = _time(label, index, session, "endsAt", zone)
    if (start is None) != (end is None):
        start = end = None
    items = [item for item in session.get("categoryItems") or [] if isinstance(item, int)]
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
        day=start.date() if start else None,
        start=start,
        end=end,
        room=builder.room(rooms.get(str(session.get("roomId")))),
        track=builder.track(track),
        speakers=[speakers[str(s)] for s in session.get("speakers") or [] if str(s) in speakers],
        description=join_texts(_str(session.get("description"))),
    )


def _time(
    label: str, index: int, session: dict[str, Any], key: str, zone: ZoneInfo
) -> datetime | None:
    value = session.get(key)
    if value is None or value == "":
        return None
    try:
        moment = datetime.fromisoformat(str(value))
    except ValueError:
        raise DataError(
            f"{label}: sessions[{index}].{key}: expected a date-time "
            f"(2026-10-03T09:00:00), got {value!r}"
        ) from None
    if moment.tzinfo is None:
        return moment.replace(tzinfo=zone)
    return moment.astimezone(zone)
