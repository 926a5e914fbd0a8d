"""An independent reading of the conformance files, with the standard library only.

Nothing here imports confterm: the tests compare confterm's import against what these few
lines read from each file, event by event (title, start and end instants, room, speakers).
The readers are deliberately small and literal; each format's rule is written the way the
file's own documentation (frab, Sessionize, RFC 5545) states it, not the way confterm does it.
"""

from __future__ import annotations

import html
import json
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo


@dataclass(frozen=True)
class Event:
    """What an attendee must see of one event."""

    title: str
    start: datetime | None  # in UTC
    end: datetime | None
    room: str
    speakers: tuple[str, ...]  # casefolded, sorted
    offset: timedelta | None = None  # the start's offset as the file writes it (or its zone)
    url: str | None = None  # the event's own http(s) page
    links: tuple[str, ...] = ()  # http(s) links, sorted


def text(value: str | None) -> str:
    """Entities decoded (twice at most), tags dropped, whitespace collapsed."""
    value = value or ""
    for _ in range(2):
        value = html.unescape(value)
    value = re.sub(r"<[^>]+>", " ", value)
    return " ".join(value.split())


def _web(url: str | None) -> str | None:
    url = (url or "").strip()
    if url.startswith("//"):
        url = "https:" + url  # protocol-relative: the page's scheme, https today
    # A scheme with nothing after it (FOSDEM 2021 has "https://") is no link at all.
    has_host = url.partition("://")[2] != ""
    return url if url.startswith(("http://", "https://")) and has_host else None


def _event(
    title: str,
    start: datetime | None,
    end: datetime | None,
    room: str,
    speakers: list[str],
    url: str | None = None,
    links: list[str] | None = None,
) -> Event:
    names = sorted({text(name).casefold() for name in speakers if text(name)})
    return Event(
        text(title),
        start.astimezone(UTC) if start else None,
        end.astimezone(UTC) if end else None,
        text(room),
        tuple(names),
        start.utcoffset() if start else None,
        _web(url),
        tuple(sorted(u for link in links or [] if (u := _web(link)))),
    )


def _duration(value: str) -> timedelta:
    parts = [int(part) for part in value.split(":")]
    if len(parts) == 2:
        return timedelta(hours=parts[0], minutes=parts[1])
    if len(value.split(":")[0]) == 1:  # frab D:HH:MM
        return timedelta(days=parts[0], hours=parts[1], minutes=parts[2])
    return timedelta(hours=parts[0], minutes=parts[1], seconds=parts[2])


def _wall_start(day: date, clock: str, zone: ZoneInfo, day_change: time) -> datetime:
    """frab without <date>: a clock time before the day change is after midnight."""
    hours, minutes = (int(part) for part in clock.split(":")[:2])
    moment = time(hours, minutes)
    on = day + timedelta(days=1) if moment < day_change else day
    return datetime.combine(on, moment, tzinfo=zone)


def frab_xml(path: Path, zone: ZoneInfo) -> list[Event]:
    root = ET.parse(path).getroot()  # noqa: S314  (our own fixed sample files)
    conference = root.find("conference")
    change_text = conference.findtext("day_change") if conference is not None else None
    day_change = time(*(int(p) for p in change_text.split(":")[:2])) if change_text else time(4)
    events = []
    for day in root.iter("day"):
        for room in day.iter("room"):
            for event in room.iter("event"):
                date_text = (event.findtext("date") or "").strip()
                if date_text:
                    start = datetime.fromisoformat(date_text)
                else:
                    start = _wall_start(
                        date.fromisoformat(day.get("date", "")),
                        event.findtext("start") or "",
                        zone,
                        day_change,
                    )
                end = start + _duration(event.findtext("duration") or "00:00")
                speakers = ["".join(p.itertext()) for p in event.iter("person")]
                room_name = event.findtext("room") or room.get("name", "")
                links = [link.get("href", "") for link in event.iter("link")]
                url = event.findtext("url")
                title = event.findtext("title") or ""
                events.append(_event(title, start, end, room_name, speakers, url, links))
    return events


def frab_json(path: Path, zone: ZoneInfo) -> list[Event]:
    conference = json.loads(path.read_text("utf-8"))["schedule"]["conference"]
    events = []
    for day in conference["days"]:
        for room_name, room_events in day["rooms"].items():
            for event in room_events:
                if event.get("date"):
                    start = datetime.fromisoformat(event["date"])
                else:
                    start = _wall_start(
                        date.fromisoformat(day["date"]), event["start"], zone, time(4)
                    )
                end = start + _duration(event.get("duration") or "00:00")
                speakers = [
                    p.get("public_name") or p.get("name") or p.get("full_public_name") or ""
                    for p in event.get("persons") or []
                ]
                room = event.get("room") or room_name
                links = [
                    link if isinstance(link, str) else link.get("url", "")
                    for link in event.get("links") or []
                ]
                url = event.get("url")
                events.append(_event(event["title"], start, end, room, speakers, url, links))
    return events


def sessionize(path: Path, zone: ZoneInfo) -> list[Event]:
    payload = json.loads(path.read_text("utf-8"))
    rooms = {room["id"]: room["name"] for room in payload["rooms"]}
    people = {person["id"]: person["fullName"] for person in payload["speakers"]}
    events = []
    for session in payload["sessions"]:
        start = end = None
        if session["startsAt"]:
            start = datetime.fromisoformat(session["startsAt"]).replace(tzinfo=zone)
            end = datetime.fromisoformat(session["endsAt"]).replace(tzinfo=zone)
        room = rooms.get(session["roomId"], "")
        speakers = [people[s] for s in session["speakers"]]
        events.append(_event(session["title"], start, end, room, speakers))
    return events


def _ics_value(value: str) -> str:
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m[1] in "nN" else m[1], value)


def _ics_time(name: str, params: dict[str, str], value: str, zone: ZoneInfo) -> datetime:
    moment = datetime.strptime(value.strip()[:15], "%Y%m%dT%H%M%S")
    if value.strip().endswith("Z"):
        return moment.replace(tzinfo=UTC)
    return moment.replace(tzinfo=ZoneInfo(params["TZID"]) if "TZID" in params else zone)


def ics(path: Path, zone: ZoneInfo) -> list[Event]:
    """RFC 5545 read by hand: unfold bytes, then decode; properties NAME;PARAMS:VALUE."""
    raw = re.sub(rb"\r?\n[ \t]", b"", path.read_bytes()).decode("utf-8")
    events = []
    pretalx = "PRODID:-//pretalx" in raw
    for block in re.findall(r"BEGIN:VEVENT\r?\n(.*?)END:VEVENT", raw, re.S):
        props: dict[str, list[tuple[dict[str, str], str]]] = {}
        for line in block.splitlines():
            head, _, value = line.partition(":")
            name, *param_texts = head.split(";")
            params = dict(p.split("=", 1) for p in param_texts if "=" in p)
            props.setdefault(name.upper(), []).append((params, value))
        title = _ics_value(props["SUMMARY"][0][1]).strip()
        start_params, start_value = props["DTSTART"][0]
        start = _ics_time("DTSTART", start_params, start_value, zone)
        end_params, end_value = props["DTEND"][0]
        end = _ics_time("DTEND", end_params, end_value, zone)
        room = _ics_value(props.get("LOCATION", [({}, "")])[0][1]).strip()
        speakers = [params["CN"].strip('"') for params, _ in props.get("ATTENDEE", [])]
        description = _ics_value(props.get("DESCRIPTION", [({}, "")])[0][1])
        said = re.match(r"\s*(Speakers?|von):\s*([^\n]+)", description)
        if not speakers and said:
            speakers = [said[2]]
        if pretalx and not speakers and " - " in title:
            title, names = title.rsplit(" - ", 1)
            speakers = names.split(", ")
        url = props.get("URL", [({}, "")])[0][1]
        events.append(_event(title, start, end, room, speakers, url))
    return events


def read(path: Path, zone: ZoneInfo) -> list[Event]:
    """Every event of the sample at ``path``; naive times are in ``zone``."""
    if path.suffix == ".ics":
        return ics(path, zone)
    if path.suffix == ".xml":
        return frab_xml(path, zone)
    payload = json.loads(path.read_text("utf-8"))
    if "schedule" in payload:
        return frab_json(path, zone)
    return sessionize(path, zone)
