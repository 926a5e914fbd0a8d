"""The published JSON Schema of the agenda JSON export (``confterm schema --agenda``).

Written by hand from :mod:`confterm.export.json_export` and :mod:`confterm.export.records`
(the tests validate real exports against it), so it documents the promise, not whatever the
code happens to emit: required keys are the ones scripts may rely on; objects stay open
(``additionalProperties`` is allowed) because keys may be added, never removed or renamed.
"""

from __future__ import annotations

from typing import Any

from confterm.export.json_export import FORMAT

DRAFT = "https://json-schema.org/draft/2020-12/schema"
#: Identifiers, not addresses: the schemas are published by the program itself.
AGENDA_ID = "urn:confterm:schema:confterm-agenda:1"

_TEXT: dict[str, Any] = {"type": "string"}
_OPT_TEXT: dict[str, Any] = {"type": ["string", "null"]}
_MOMENT: dict[str, Any] = {"type": ["string", "null"], "format": "date-time"}
_DAY: dict[str, Any] = {"type": ["string", "null"], "format": "date"}
_NAMED: dict[str, Any] = {
    "type": ["object", "null"],
    "required": ["id", "name"],
    "properties": {"id": _TEXT, "name": _TEXT},
}
_LINK = {
    "type": "object",
    "required": ["title", "url"],
    "properties": {"title": _TEXT, "url": _TEXT},
}


def _array(items: dict[str, Any]) -> dict[str, Any]:
    return {"type": "array", "items": items}


def _object(properties: dict[str, Any]) -> dict[str, Any]:
    return {"type": "object", "required": list(properties), "properties": properties}


_SPEAKER = _object({"id": _TEXT, "name": _TEXT, "affiliation": _OPT_TEXT})
_PAPER = _object(
    {
        "id": _TEXT,
        "title": _TEXT,
        "authors": _array(_object({"name": _TEXT, "affiliation": _OPT_TEXT})),
        "url": _OPT_TEXT,
        "session": _OPT_TEXT,
        "award": _OPT_TEXT,
        "topic": _OPT_TEXT,
        "starred": {"type": "boolean", "description": "Starred by the attendee."},
    }
)
_SESSION = _object(
    {
        "id": _TEXT,
        "title": _TEXT,
        "kind": _TEXT,
        "day": _DAY,
        "start": _MOMENT | {"description": "ISO 8601 in the export's zone; null: not announced"},
        "end": _MOMENT,
        "room": _NAMED,
        "track": _NAMED,
        "speakers": _array(_SPEAKER),
        "description": _TEXT,
        "links": _array(_LINK),
        "source_url": _OPT_TEXT,
        "papers": _array(_PAPER),
        "clashes_with": _array(_TEXT) | {"description": "Ids of bookmarked sessions it overlaps"},
    }
)
_BOOTH = _object(
    {
        "id": _TEXT,
        "organisation": _TEXT,
        "level": _OPT_TEXT,
        "location": _OPT_TEXT,
        "description": _TEXT,
        "people": _array(_object({"name": _TEXT, "role": _OPT_TEXT})),
        "links": _array(_LINK),
        "sessions": _array(_TEXT),
        "source_url": _OPT_TEXT,
    }
)


def agenda_schema() -> dict[str, Any]:
    """The JSON Schema of ``confterm agenda --format json``."""
    return {
        "$schema": DRAFT,
        "$id": AGENDA_ID,
        "title": "confterm agenda",
        "description": "A personal agenda (or a whole program) exported by confterm.",
        **_object(
            {
                "format": {"const": FORMAT},
                "made_from": _TEXT | {"description": "The conference and the program's as-of"},
                "exported_at": _MOMENT,
                "conference": _object({"id": _TEXT, "name": _TEXT, "timezone": _TEXT}),
                "scope": {"enum": ["bookmarks", "program"]},
                "zone": _TEXT | {"description": "IANA name of the zone times are given in"},
                "days": _array(_object({"day": _DAY, "sessions": _array(_SESSION)})),
                "booths": _array(_BOOTH),
                "missing": _array(_object({"kind": _TEXT, "id": _TEXT, "added_at": _MOMENT})),
            }
        ),
    }
