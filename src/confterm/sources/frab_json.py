"""frab/c3voc schedule JSON and pretalx's JSON export: a thin reader.

It walks ``schedule.conference.days[].rooms{}`` into a
:class:`~confterm.sources.frab.FrabDocument`; placement in time and on days, speakers and
texts are :mod:`confterm.sources.frab`'s job, shared with frab XML. Shapes from 2013 on are
read: numbers written as strings, persons with ``public_name``, ``name`` or (2013/2014)
``full_public_name``. A value of the wrong shape is reported with its JSON path.
"""

from __future__ import annotations

from typing import Any

from confterm.errors import DataError
from confterm.sources.builder import ImportResult
from confterm.sources.detect import FORMAT_NAMES, FRAB_JSON
from confterm.sources.frab import Fail, FrabDay, FrabDocument, FrabEvent, normalise
from confterm.sources.json_reader import JsonReader


def import_frab_json(
    document: Any,
    label: str,
    *,
    conference_id: str | None,
    tz: str | None,
    name: str | None = None,
) -> ImportResult:
    """Convert a parsed frab/pretalx schedule JSON document."""
    return normalise(read_document(document, label), conference_id=conference_id, tz=tz, name=name)


def _fail(doc: JsonReader, path: str) -> Fail:
    def fail(key: str, what: str) -> DataError:
        return doc.error(f"{path}.{key}", what)

    return fail


def read_document(document: Any, label: str) -> FrabDocument:
    """The frab document the JSON writes, texts as written."""
    doc = JsonReader(label)
    root = doc.obj(document, "$")
    schedule = doc.obj(root.get("schedule"), "schedule")
    conference = doc.obj(schedule.get("conference"), "schedule.conference")
    cpath = "schedule.conference"
    base_url = doc.text(schedule, "base_url", "schedule")
    result = FrabDocument(
        label=label,
        format_name=FORMAT_NAMES[FRAB_JSON],
        title=doc.text(conference, "title", cpath),
        acronym=doc.text(conference, "acronym", cpath),
        time_zone_name=doc.text(conference, "time_zone_name", cpath),
        start=doc.text(conference, "start", cpath),
        end=doc.text(conference, "end", cpath),
        url=base_url,
    )
    for day_index, day_value in enumerate(doc.items(conference.get("days"), f"{cpath}.days")):
        day_path = f"{cpath}.days[{day_index}]"
        day_obj = doc.obj(day_value, day_path)
        day = FrabDay(
            date_text=doc.text(day_obj, "date", day_path),
            start_text=doc.text(day_obj, "day_start", day_path),
            fail=_fail(doc, day_path),
        )
        result.days.append(day)
        rooms = doc.obj(day_obj.get("rooms", {}), f"{day_path}.rooms")
        for room_name, room_events in rooms.items():
            room_path = f"{day_path}.rooms[{room_name!r}]"
            for index, value in enumerate(doc.items(room_events, room_path)):
                path = f"{room_path}[{index}]"
                result.events.append(_event(doc, path, day, room_name, doc.obj(value, path)))
    return result


def _event(
    doc: JsonReader, path: str, day: FrabDay, room_name: str, event: dict[str, Any]
) -> FrabEvent:
    persons: list[tuple[str, str]] = []
    for index, value in enumerate(doc.list_at(event, "persons", path)):
        ppath = f"{path}.persons[{index}]"
        person = doc.obj(value, ppath)
        name = (
            doc.text(person, "public_name", ppath)
            or doc.text(person, "name", ppath)
            or doc.text(person, "full_public_name", ppath)
        )
        persons.append((name, doc.text(person, "biography", ppath)))
    links: list[tuple[str, str]] = []
    for index, value in enumerate(doc.list_at(event, "links", path)):
        if isinstance(value, dict):
            lpath = f"{path}.links[{index}]"
            links.append((doc.text(value, "title", lpath), doc.text(value, "url", lpath)))
        elif isinstance(value, str):  # the 2014 shape: a bare URL
            links.append(("", value))
    return FrabEvent(
        where=lambda: path,
        day=day,
        room_name=room_name,
        fail=_fail(doc, path),
        source_id=(
            doc.text(event, "guid", path)
            or doc.text(event, "code", path)
            or doc.text(event, "id", path)
        ),
        title=doc.text(event, "title", path),
        date_text=doc.text(event, "date", path),
        start_text=doc.text(event, "start", path),
        duration_text=doc.text(event, "duration", path),
        room=doc.text(event, "room", path),
        track=doc.text(event, "track", path),
        type=doc.text(event, "type", path),
        subtitle=doc.text(event, "subtitle", path),
        abstract=doc.text(event, "abstract", path),
        description=doc.text(event, "description", path),
        url=doc.text(event, "url", path),
        persons=persons,
        links=links,
    )
