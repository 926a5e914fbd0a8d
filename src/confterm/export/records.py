"""The stable JSON objects for sessions, speakers, papers and booths.

Shared by ``--json`` CLI output and the JSON agenda export, so both describe a session the same
way: ``id``, ``title``, ``kind``, ``day``, ``start``/``end`` (ISO 8601 with the display zone's
offset, or null when not announced), ``room`` and ``track`` (``{id, name}`` or null),
``speakers``, ``description``, ``links``, ``source_url``. Texts are cleaned of control
characters; nothing here knows about terminals.
"""

from __future__ import annotations

import json
from datetime import datetime, tzinfo
from functools import lru_cache
from typing import Any

from confterm.model.program import Author, Booth, Paper, Program, Session, Speaker
from confterm.present.formatting import iso_or_none
from confterm.text import clean, one_line


def speaker_json(speaker: Speaker) -> dict[str, Any]:
    """``{"id", "name", "affiliation"}``."""
    return {
        "id": speaker.id,
        "name": one_line(speaker.name),
        "affiliation": _opt(speaker.affiliation),
    }


def author_json(author: Author) -> dict[str, Any]:
    """``{"name", "affiliation"}``."""
    return {"name": one_line(author.name), "affiliation": _opt(author.affiliation)}


def paper_json(paper: Paper) -> dict[str, Any]:
    """A paper: id, title, authors, url, session (id), award, topic."""
    return {
        "id": paper.id,
        "title": one_line(paper.title),
        "authors": [author_json(author) for author in paper.authors],
        "url": paper.url,
        "session": paper.session,
        "award": _opt(paper.award),
        "topic": _opt(paper.topic),
    }


def booth_json(booth: Booth) -> dict[str, Any]:
    """A booth: id, organisation, level, location (null: not announced), people, sessions..."""
    return {
        "id": booth.id,
        "organisation": one_line(booth.organisation),
        "level": _opt(booth.level),
        "location": _opt(booth.location),
        "description": clean(booth.description),
        "people": [{"name": one_line(p.name), "role": _opt(p.role)} for p in booth.people],
        "links": [{"title": one_line(link.title), "url": link.url} for link in booth.links],
        "sessions": list(booth.sessions),
        "source_url": booth.source_url,
    }


def session_json(
    program: Program, session: Session, zone: tzinfo, *, papers: bool = False
) -> dict[str, Any]:
    """The stable JSON object for a session (see the module docstring)."""
    track = program.track_name(session)
    result: dict[str, Any] = {
        "id": session.id,
        "title": one_line(session.title),
        "kind": session.kind.value,
        "day": session.day.isoformat() if session.day else None,
        "start": None if session.start is None else _iso(session.start, zone),
        "end": None if session.end is None else _iso(session.end, zone),
        "room": room_json(program, session),
        "track": {"id": session.track, "name": one_line(track)} if track else None,
        "speakers": [speaker_json(s) for s in program.speakers_of(session)],
        "description": clean(session.description),
        "links": [{"title": one_line(link.title), "url": link.url} for link in session.links],
        "source_url": session.source_url,
    }
    if papers:
        result["papers"] = [
            paper_json(paper) for paper in program.papers_by_session.get(session.id, [])
        ]
    return result


@lru_cache(maxsize=4096)
def _iso(moment: datetime, zone: tzinfo) -> str:
    # Sessions share their start and end times (slots): each instant is converted once per
    # zone (50,000 sessions: 100,000 conversions become a few thousand). Equal instants are
    # equal keys whatever their offset and convert alike.
    return iso_or_none(moment, zone) or ""


def room_json(program: Program, session: Session) -> dict[str, Any] | None:
    """A session's room as ``{"id", "name"}``, or None when not announced."""
    room = program.room_name(session)
    return {"id": session.room, "name": one_line(room)} if room else None


def _opt(text: str | None) -> str | None:
    return None if text is None else one_line(text)


def json_text(obj: Any, expand: int = 64) -> str:
    """``obj`` as JSON text ending with a newline: objects and arrays down to ``expand`` levels
    are laid out one member per line (indented by two), deeper ones on a single line.

    ``json.dumps(indent=2)`` runs the pure-Python encoder (0.7 s more for 50,000 sessions);
    one line per session keeps the output readable and diffable on the C encoder's speed.
    """
    out: list[str] = []
    _write(obj, expand, "", out)
    out.append("\n")
    return "".join(out)


# One encoder for every value: json.dumps with options builds a new one per call.
_ENCODE = json.JSONEncoder(ensure_ascii=False).encode


def _write(value: Any, expand: int, indent: str, out: list[str]) -> None:
    if expand <= 0 or not isinstance(value, dict | list) or not value:
        out.append(_ENCODE(value))
        return
    inner = indent + "  "
    items = value.items() if isinstance(value, dict) else enumerate(value)
    out.append("{\n" if isinstance(value, dict) else "[\n")
    last = len(value) - 1
    for index, (key, item) in enumerate(items):
        out.append(inner)
        if isinstance(value, dict):
            out.append(_ENCODE(key) + ": ")
        _write(item, expand - 1, inner, out)
        out.append(",\n" if index < last else "\n")
    out.append(indent + ("}" if isinstance(value, dict) else "]"))
