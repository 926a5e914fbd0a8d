"""The agenda as stable JSON: the same content as the text form, for scripts.

Shape (keys are never renamed or removed; new ones may be added; the JSON Schema is
``confterm schema --agenda``)::

    {"format": "confterm-agenda/1",
     "made_from": what the export was made from (conference, program as of...),
     "exported_at": ISO 8601 UTC,
     "conference": {"id", "name", "timezone"},
     "scope": "bookmarks" | "program",
     "zone": IANA name of the zone the times are given in,
     "days": [{"day": "YYYY-MM-DD" | null,
               "sessions": [<session object> + "clashes_with": [session ids]
                            + "papers": [<paper object> + "starred": bool]]}],
     "booths": [<booth object>],
     "missing": [{"kind": "session" | "booth", "id", "added_at": ISO 8601}]}

Session and booth objects are those of every other ``--json`` output
(:class:`confterm.export.records.SessionRecords`); within a day, timed sessions come first in time
order, then those with no announced time.
"""

from __future__ import annotations

from datetime import UTC, datetime, tzinfo
from typing import Any

from confterm.export.records import SessionRecords, booth_json, json_text
from confterm.queries.agenda import Agenda
from confterm.text import one_line
from confterm.timezones import zone_key, zone_name

FORMAT = "confterm-agenda/1"


def agenda_json(
    agenda: Agenda, zone: tzinfo, made_from: str | None = None, now: datetime | None = None
) -> dict[str, Any]:
    """The agenda as a dict for :func:`~confterm.export.records.json_text` (its sessions are
    JSON text already)."""
    program = agenda.program
    conference = program.conference
    days = []
    records = SessionRecords(program, zone)
    starred, clashes = agenda.starred_papers, agenda.clashes
    for day in agenda.days:
        sessions = records.session_texts(day.sessions, starred=starred, clashes=clashes)
        days.append({"day": day.day.isoformat() if day.day else None, "sessions": sessions})
    moment = (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    return {
        "format": FORMAT,
        "made_from": one_line(made_from) if made_from else one_line(conference.name),
        "exported_at": moment.isoformat().replace("+00:00", "Z"),
        "conference": {
            "id": conference.id,
            "name": conference.name,
            "timezone": conference.timezone,
        },
        "scope": "program" if agenda.whole_program else "bookmarks",
        # The documented IANA key, not the display name (Etc/GMT-1, not UTC+01:00).
        "zone": zone_key(zone) or zone_name(zone),
        "days": days,
        "booths": [booth_json(booth) for booth in agenda.booths],
        "missing": [
            {"kind": str(mark.kind), "id": mark.item_id, "added_at": mark.added_at.isoformat()}
            for mark in agenda.missing
        ],
    }


def render_json(
    agenda: Agenda, zone: tzinfo, made_from: str | None = None, now: datetime | None = None
) -> str:
    """The agenda as JSON text, one session per line, ending with a newline."""
    # Levels: the document, "days", a day, its "sessions"; each session takes one line.
    return json_text(agenda_json(agenda, zone, made_from, now), expand=4)
