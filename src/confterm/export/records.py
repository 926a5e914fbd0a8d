"""The stable JSON objects for sessions, speakers, papers and booths.

Shared by ``--json`` CLI output and the JSON agenda export, so both describe a session the same
way: ``id``, ``title``, ``kind``, ``day``, ``start``/``end`` (ISO 8601 with the display zone's
offset, or null when not announced), ``room`` and ``track`` (``{id, name}`` or null),
``speakers``, ``description``, ``links``, ``source_url``. Texts are the model's, which cleaned
them once where the program was built (:mod:`confterm.model.cleaning`): names and titles are
one line, descriptions hold no control character. Nothing here knows about terminals.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Collection, Sequence
from datetime import datetime, tzinfo
from typing import Any

from confterm.model.program import Author, Booth, Paper, Program, Session, Speaker
from confterm.present.formatting import iso_or_none


def speaker_json(speaker: Speaker) -> dict[str, Any]:
    """``{"id", "name", "affiliation"}``."""
    return {"id": speaker.id, "name": speaker.name, "affiliation": speaker.affiliation}


def author_json(author: Author) -> dict[str, Any]:
    """``{"name", "affiliation"}``."""
    return {"name": author.name, "affiliation": author.affiliation}


def paper_json(paper: Paper) -> dict[str, Any]:
    """A paper: id, title, authors, url, session (id), award, topic."""
    return {
        "id": paper.id,
        "title": paper.title,
        "authors": [{"name": a.name, "affiliation": a.affiliation} for a in paper.authors],
        "url": paper.url,
        "session": paper.session,
        "award": paper.award,
        "topic": paper.topic,
    }


def booth_json(booth: Booth) -> dict[str, Any]:
    """A booth: id, organisation, level, location (null: not announced), people, sessions..."""
    return {
        "id": booth.id,
        "organisation": booth.organisation,
        "level": booth.level,
        "location": booth.location,
        "description": booth.description,
        "people": [{"name": p.name, "role": p.role} for p in booth.people],
        "links": [{"title": link.title, "url": link.url} for link in booth.links],
        "sessions": list(booth.sessions),
        "source_url": booth.source_url,
    }


def session_json(
    program: Program, session: Session, zone: tzinfo, *, papers: bool = False
) -> dict[str, Any]:
    """The stable JSON object for a session (see the module docstring)."""
    return SessionRecords(program, zone).session(session, papers=papers)


class SessionRecords:
    """The JSON objects of many sessions of one program in one zone.

    Sessions share their speakers, rooms, tracks and times: each speaker's, room's and track's
    object is made once and the same object is put in every session that names it (they are
    written out, never changed), and each instant is converted to ``zone`` once (50,000
    sessions have a few thousand distinct times).
    """

    def __init__(self, program: Program, zone: tzinfo) -> None:
        self.program = program
        self.zone = zone
        self._speakers: dict[str, dict[str, Any]] = {}
        self._rooms: dict[str, dict[str, Any] | None] = {}
        self._tracks: dict[str, dict[str, Any] | None] = {}
        self._times: dict[datetime, str] = {}
        # The same, as JSON text (see session_text).
        self._speaker_texts: dict[str, str] = {}
        self._room_texts: dict[str | None, str] = {}
        self._track_texts: dict[str | None, str] = {}

    def session(self, session: Session, *, papers: bool = False) -> dict[str, Any]:
        """The stable JSON object of ``session`` (with ``papers``: its papers too)."""
        start, end = session.start, session.end
        result: dict[str, Any] = {
            "id": session.id,
            "title": session.title,
            "kind": session.kind.value,
            "day": session.day.isoformat() if session.day else None,
            "start": None if start is None else self._iso(start),
            "end": None if end is None else self._iso(end),
            "room": None if session.room is None else self._room(session),
            "track": None if session.track is None else self._track(session),
            "speakers": [self._speaker(s) for s in session.speakers],
            "description": session.description,
            "links": [{"title": link.title, "url": link.url} for link in session.links],
            "source_url": session.source_url,
        }
        if not all(result["speakers"]):  # an id that names no speaker is left out
            result["speakers"] = [s for s in result["speakers"] if s]
        if papers:
            result["papers"] = [
                paper_json(paper) for paper in self.program.papers_by_session.get(session.id, [])
            ]
        return result

    def session_text(
        self,
        session: Session,
        *,
        starred: Collection[str] | None = None,
        clashes: Sequence[str] | None = None,
    ) -> EncodedJson:
        """The JSON text of ``session(session, papers=True)``, with ``starred`` each paper's
        ``"starred"`` and with ``clashes`` the session's ``"clashes_with"`` (as the agenda's
        JSON has them), on one line.

        Written directly rather than encoded from a new object: each speaker's, room's and
        track's text is encoded once per output (a whole program of 50,000 sessions: about a
        quarter less time). A test holds it to the text of the object, session by session.
        """
        start, end = session.start, session.end
        room = self._text(self._room_texts, session.room, session, self._room)
        track = self._text(self._track_texts, session.track, session, self._track)
        speakers = []
        for speaker_id in session.speakers:
            text = self._speaker_texts.get(speaker_id)
            if text is None:
                found = self._speaker(speaker_id)
                text = self._speaker_texts[speaker_id] = "" if found is None else _ENCODE(found)
            if text:
                speakers.append(text)
        papers = []
        for paper in self.program.papers_by_session.get(session.id, ()):
            item = paper_json(paper)
            if starred is not None:
                item["starred"] = paper.id in starred
            papers.append(_ENCODE(item))
        links = session.links
        parts = [
            '{"id": ',
            _STRING(session.id),
            ', "title": ',
            _STRING(session.title),
            ', "kind": ',
            _STRING(session.kind.value),
            ', "day": ',
            "null" if session.day is None else f'"{session.day.isoformat()}"',
            ', "start": ',
            "null" if start is None else _STRING(self._iso(start)),
            ', "end": ',
            "null" if end is None else _STRING(self._iso(end)),
            ', "room": ',
            room,
            ', "track": ',
            track,
            ', "speakers": [',
            ", ".join(speakers),
            '], "description": ',
            _STRING(session.description),
            ', "links": ',
            _ENCODE([{"title": link.title, "url": link.url} for link in links]) if links else "[]",
            ', "source_url": ',
            "null" if session.source_url is None else _STRING(session.source_url),
            ', "papers": [',
            ", ".join(papers),
            "]",
        ]
        if clashes is not None:
            parts += [', "clashes_with": ', _ENCODE(list(clashes))]
        parts.append("}")
        return EncodedJson("".join(parts))

    @staticmethod
    def _text(
        known: dict[str | None, str],
        key: str | None,
        session: Session,
        make: Callable[[Session], dict[str, Any] | None],
    ) -> str:
        text = known.get(key)
        if text is None:
            text = known[key] = "null" if key is None else _ENCODE(make(session))
        return text

    def _iso(self, moment: datetime) -> str:
        # Equal instants are equal keys whatever their offset, and convert alike.
        text = self._times.get(moment)
        if text is None:
            text = self._times[moment] = iso_or_none(moment, self.zone) or ""
        return text

    def _speaker(self, speaker_id: str) -> dict[str, Any] | None:
        found = self._speakers.get(speaker_id)
        if found is None:
            speaker = self.program.speaker_by_id.get(speaker_id)
            if speaker is None:
                return None
            found = self._speakers[speaker_id] = speaker_json(speaker)
        return found

    def _room(self, session: Session) -> dict[str, Any] | None:
        key = session.room or ""
        if key not in self._rooms:
            self._rooms[key] = room_json(self.program, session)
        return self._rooms[key]

    def _track(self, session: Session) -> dict[str, Any] | None:
        key = session.track or ""
        if key not in self._tracks:
            name = self.program.track_name(session)
            self._tracks[key] = {"id": session.track, "name": name} if name else None
        return self._tracks[key]


def room_json(program: Program, session: Session) -> dict[str, Any] | None:
    """A session's room as ``{"id", "name"}``, or None when not announced."""
    room = program.room_name(session)
    return {"id": session.room, "name": room} if room else None


class EncodedJson(str):
    """JSON text encoded already (see :meth:`SessionRecords.session_text`): :func:`json_text`
    writes it as it is."""

    __slots__ = ()


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


# One encoder for every value: json.dumps with options builds a new one per call. The values
# are trees this module built (no cycles), so the encoder need not track the containers it is in.
_ENCODE = json.JSONEncoder(ensure_ascii=False, check_circular=False).encode


# The string encoder of _ENCODE (ensure_ascii=False), for the texts session_text writes.
_STRING = json.encoder.encode_basestring


def _write(value: Any, expand: int, indent: str, out: list[str]) -> None:
    if isinstance(value, EncodedJson):
        out.append(value)
        return
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
