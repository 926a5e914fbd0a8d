"""A validated program as plain rows, and back: the body of a program cache file.

Each record is a JSON array of its fields in the model's order (:data:`FIELDS`), dates and
times in ISO form, so a cache file holds no field names to parse and the rebuild makes each of
the many records (sessions, speakers, papers) without a keyword call: an empty slotted object
whose slots are then set, three times faster than ``Session(**item)`` (50,000 sessions: about
0.05 s against 0.14 s). That is only sound for rows this module wrote from a validated
program: :mod:`confterm.model.cache` proves a file is its own before :func:`decode_program`
sees it, and anything unexpected in the rows is an exception, never a half-built program.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from confterm.model.program import (
    Author,
    Booth,
    BoothPerson,
    Conference,
    Link,
    Paper,
    Program,
    Room,
    Session,
    SessionKind,
    Speaker,
    Track,
)

#: The fields of each record class as rows hold them (a test holds these to the model's own
#: order, so a new field cannot be left out of the cache unnoticed).
FIELDS: dict[type[Any], tuple[str, ...]] = {
    Conference: (
        "id",
        "name",
        "short_name",
        "start_date",
        "end_date",
        "timezone",
        "venue",
        "city",
        "url",
        "sources",
        "note",
    ),
    Room: ("id", "name"),
    Track: ("id", "name"),
    Speaker: ("id", "name", "affiliation", "bio", "url"),
    Session: (
        "id",
        "title",
        "kind",
        "day",
        "start",
        "end",
        "room",
        "track",
        "speakers",
        "chairs",
        "description",
        "links",
        "aliases",
        "source_url",
        "note",
    ),
    Link: ("title", "url"),
    Author: ("name", "affiliation"),
    Paper: (
        "id",
        "title",
        "authors",
        "url",
        "session",
        "award",
        "topic",
        "source_url",
        "note",
    ),
    BoothPerson: ("name", "role"),
    Booth: (
        "id",
        "organisation",
        "level",
        "location",
        "description",
        "people",
        "links",
        "sessions",
        "source_url",
        "note",
    ),
}


def encode_program(program: Program) -> dict[str, Any]:
    """The program as rows (JSON-ready: strings, numbers, lists and None only).

    The many records (sessions, speakers, papers) are written field by field, the others
    through :data:`FIELDS` (a test holds both to the same rows)."""
    return {
        "format": program.format,
        "conference": _row(program.conference),
        "rooms": [_row(room) for room in program.rooms],
        "tracks": [_row(track) for track in program.tracks],
        "speakers": [[s.id, s.name, s.affiliation, s.bio, s.url] for s in program.speakers],
        "sessions": _session_rows(program.sessions),
        "papers": [
            [
                p.id,
                p.title,
                [[a.name, a.affiliation] for a in p.authors],
                p.url,
                p.session,
                p.award,
                p.topic,
                p.source_url,
                p.note,
            ]
            for p in program.papers
        ],
        "booths": [_row(booth) for booth in program.booths],
    }


def _session_rows(sessions: list[Session]) -> list[list[Any]]:
    return [
        [
            s.id,
            s.title,
            s.kind.value,
            None if s.day is None else s.day.isoformat(),
            None if s.start is None else s.start.isoformat(),
            None if s.end is None else s.end.isoformat(),
            s.room,
            s.track,
            s.speakers,
            s.chairs,
            s.description,
            [[link.title, link.url] for link in s.links],
            s.aliases,
            s.source_url,
            s.note,
        ]
        for s in sessions
    ]


def _row(record: Any) -> list[Any]:
    return [_plain(getattr(record, name)) for name in FIELDS[type(record)]]


def _plain(value: Any) -> Any:
    if isinstance(value, date):  # datetimes too
        return value.isoformat()
    if isinstance(value, SessionKind):
        return value.value
    if isinstance(value, list):
        return [_row(item) if type(item) in FIELDS else item for item in value]
    return value


def decode_program(data: dict[str, Any]) -> Program:
    """The program that :func:`encode_program` wrote as ``data`` (trusted: no checks).

    Raises KeyError, TypeError or ValueError on rows it did not write (a wrong length, an
    unknown kind, a date that is not one)."""
    conference = dict(zip(FIELDS[Conference], data["conference"], strict=True))
    conference["start_date"] = date.fromisoformat(conference["start_date"])
    conference["end_date"] = date.fromisoformat(conference["end_date"])
    return Program(
        format=data["format"],
        conference=Conference(**conference),
        rooms=[Room(id=id_, name=name) for id_, name in data["rooms"]],
        tracks=[Track(id=id_, name=name) for id_, name in data["tracks"]],
        speakers=_speakers(data["speakers"]),
        sessions=_sessions(data["sessions"]),
        papers=_papers(data["papers"]),
        booths=[_booth(row) for row in data["booths"]],
    )


_KINDS = {kind.value: kind for kind in SessionKind}


def _speakers(rows: list[list[Any]]) -> list[Speaker]:
    new = object.__new__
    found = []
    for id_, name, affiliation, bio, url in rows:
        speaker = new(Speaker)
        speaker.id, speaker.name, speaker.affiliation, speaker.bio, speaker.url = (
            id_,
            name,
            affiliation,
            bio,
            url,
        )
        found.append(speaker)
    return found


def _sessions(rows: list[list[Any]]) -> list[Session]:
    new, kinds = object.__new__, _KINDS
    # Many sessions share a day and a start or end time: one object for each (they are
    # immutable), which also saves memory.
    days: dict[str | None, date | None] = {None: None}
    times: dict[str | None, datetime | None] = {None: None}
    found = []
    for row in rows:
        (
            id_,
            title,
            kind,
            day,
            start,
            end,
            room,
            track,
            speakers,
            chairs,
            description,
            links,
            aliases,
            source_url,
            note,
        ) = row
        session = new(Session)
        session.id = id_
        session.title = title
        session.kind = kinds[kind]
        session.day = days[day] if day in days else days.setdefault(day, date.fromisoformat(day))
        session.start = (
            times[start]
            if start in times
            else times.setdefault(start, datetime.fromisoformat(start))
        )
        session.end = (
            times[end] if end in times else times.setdefault(end, datetime.fromisoformat(end))
        )
        session.room = room
        session.track = track
        session.speakers = speakers
        session.chairs = chairs
        session.description = description
        session.links = [Link(title=t, url=u) for t, u in links] if links else []
        session.aliases = aliases
        session.source_url = source_url
        session.note = note
        found.append(session)
    return found


def _papers(rows: list[list[Any]]) -> list[Paper]:
    new = object.__new__
    found = []
    for id_, title, authors, url, session, award, topic, source_url, note in rows:
        paper = new(Paper)
        paper.id = id_
        paper.title = title
        paper.authors = _authors(authors) if authors else []
        paper.url = url
        paper.session = session
        paper.award = award
        paper.topic = topic
        paper.source_url = source_url
        paper.note = note
        found.append(paper)
    return found


def _authors(rows: list[list[Any]]) -> list[Author]:
    found = []
    for name, affiliation in rows:
        author = object.__new__(Author)
        author.name, author.affiliation = name, affiliation
        found.append(author)
    return found


def _booth(row: list[Any]) -> Booth:
    item = dict(zip(FIELDS[Booth], row, strict=True))
    item["people"] = [BoothPerson(name=n, role=r) for n, r in item["people"]]
    item["links"] = [Link(title=t, url=u) for t, u in item["links"]]
    return Booth(**item)
