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
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from datetime import date, datetime, tzinfo
from typing import Any, Generic, TypeVar

from confterm.model.program import (
    Author,
    Booth,
    Link,
    Paper,
    Program,
    Session,
    SessionKind,
    Speaker,
)
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
        # The same, as JSON text (see session_text): each made on its first lookup.
        self._speaker_texts: _Texts[str] = _Texts(self._encoded_speaker)
        self._room_texts: dict[str | None, str] = {}
        self._track_texts: dict[str | None, str] = {}
        self._kind_texts: _Texts[SessionKind] = _Texts(lambda kind: _STRING(kind.value))
        self._day_texts: _Texts[date | None] = _Texts(_encoded_day)
        self._time_texts: _Texts[datetime | None] = _Texts(self._encoded_time)

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
    ) -> str:
        """The JSON text of ``session(session, papers=True)``, with ``starred`` each paper's
        ``"starred"`` and with ``clashes`` the session's ``"clashes_with"`` (as the agenda's
        JSON has them), on one line (see :meth:`session_texts`)."""
        by_id = None if clashes is None else {session.id: clashes}
        return self.session_texts([session], starred=starred, clashes=by_id)[0]

    def session_texts(
        self,
        sessions: Iterable[Session],
        *,
        starred: Collection[str] | None = None,
        clashes: Mapping[str, Sequence[str]] | None = None,
    ) -> EncodedJsonList:
        """The JSON texts of ``sessions`` as :meth:`session_text` writes each (with
        ``clashes``, every session's ``"clashes_with"``: the ids it maps the session's id to,
        or none).

        Written directly rather than encoded from new objects: each speaker's, room's, track's
        and time's text is encoded once per output, and the loop is here, its lookups made
        once (a whole program of 50,000 sessions: under half the time of encoding objects).
        A test holds each text to the text of the session's object.
        """
        string, texts = _STRING, EncodedJsonList()
        speaker_text = self._speaker_texts.__getitem__
        papers_of = self.program.papers_by_session.get
        kinds, days, times = self._kind_texts, self._day_texts, self._time_texts
        rooms, tracks = self._room_texts, self._track_texts
        for session in sessions:
            # filter(None, ...): an id that names no speaker has the text "" and is left out.
            speakers = ", ".join(filter(None, map(speaker_text, session.speakers)))
            found = papers_of(session.id)
            papers = ", ".join([paper_text(paper, starred) for paper in found]) if found else ""
            links, source = session.links, session.source_url
            room = rooms.get(session.room) or self._text(rooms, session.room, session, self._room)
            track = tracks.get(session.track) or self._text(
                tracks, session.track, session, self._track
            )
            text = (
                f'{{"id": {string(session.id)}, "title": {string(session.title)}, '
                f'"kind": {kinds[session.kind]}, "day": {days[session.day]}, '
                f'"start": {times[session.start]}, "end": {times[session.end]}, '
                f'"room": {room}, "track": {track}, "speakers": [{speakers}], '
                f'"description": {string(session.description)}, '
                f'"links": {_links_text(links) if links else "[]"}, '
                f'"source_url": {"null" if source is None else string(source)}, '
                f'"papers": [{papers}]'
            )
            if clashes is None:
                texts.append(text + "}")
            else:
                listed = clashes.get(session.id)
                listed_text = _ENCODE(list(listed)) if listed else "[]"
                texts.append(f'{text}, "clashes_with": {listed_text}}}')
        return texts

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

    def _encoded_speaker(self, speaker_id: str) -> str:
        # speaker_json's text, written directly (a whole program has tens of thousands of
        # speakers, each written here once); "": an id that names no speaker.
        speaker = self.program.speaker_by_id.get(speaker_id)
        if speaker is None:
            return ""
        affiliation = speaker.affiliation
        return (
            f'{{"id": {_STRING(speaker.id)}, "name": {_STRING(speaker.name)}, '
            f'"affiliation": {"null" if affiliation is None else _STRING(affiliation)}}}'
        )

    def _encoded_time(self, moment: datetime | None) -> str:
        return "null" if moment is None else _STRING(self._iso(moment))

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


K = TypeVar("K")


def paper_text(paper: Paper, starred: Collection[str] | None = None) -> str:
    """The JSON text of ``paper_json(paper)`` (with ``starred``: and its ``"starred"``),
    written directly: a whole program's papers are each written once, so nothing is gained
    by building their objects. A test holds it to the text of the object."""
    authors = ", ".join(
        [
            f'{{"name": {_STRING(a.name)}, '
            f'"affiliation": {"null" if a.affiliation is None else _STRING(a.affiliation)}}}'
            for a in paper.authors
        ]
    )
    url, session, award, topic = paper.url, paper.session, paper.award, paper.topic
    text = (
        f'{{"id": {_STRING(paper.id)}, "title": {_STRING(paper.title)}, "authors": [{authors}], '
        f'"url": {"null" if url is None else _STRING(url)}, '
        f'"session": {"null" if session is None else _STRING(session)}, '
        f'"award": {"null" if award is None else _STRING(award)}, '
        f'"topic": {"null" if topic is None else _STRING(topic)}'
    )
    if starred is None:
        return text + "}"
    return text + (', "starred": true}' if paper.id in starred else ', "starred": false}')


def _links_text(links: Sequence[Link]) -> str:
    return _ENCODE([{"title": link.title, "url": link.url} for link in links])


def _encoded_day(day: date | None) -> str:
    return "null" if day is None else _STRING(day.isoformat())


class _Texts(dict[K, str], Generic[K]):
    """JSON texts by key, each made by ``make`` on its first lookup (``texts[key]`` is then a
    plain dict lookup, the cheapest there is per session)."""

    def __init__(self, make: Callable[[K], str]) -> None:
        super().__init__()
        self._make = make

    def __missing__(self, key: K) -> str:
        text = self[key] = self._make(key)
        return text


class EncodedJsonList(list[str]):
    """A JSON array whose items are JSON texts already (see
    :meth:`SessionRecords.session_text`): :func:`json_text` writes them as they are, one a
    line (or on one line, as the C encoder would write their objects, at the last level laid
    out). Never inside a value below that level: the C encoder would write the texts as
    strings."""

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
    if isinstance(value, EncodedJsonList):
        if expand <= 0 or not value:
            out.append(f"[{', '.join(value)}]")  # as the C encoder writes a list on one line
        else:
            inner = indent + "  "
            # The texts and the separators between them go into ``out`` as they are: a whole
            # program's 45 MB are then copied once, by json_text's join.
            pieces = [",\n" + inner] * (2 * len(value) - 1)
            pieces[::2] = value
            out.append("[\n" + inner)
            out.extend(pieces)
            out.append("\n" + indent + "]")
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
