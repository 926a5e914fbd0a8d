"""Pentabarf/frab schedule XML (FOSDEM, CCC, pretalx and wafer exports).

The quirks handled here:

* events are filed under the ``<day>`` they belong to, even when they start after midnight;
* ``<date>`` may be missing (then day date + ``<start>`` in the venue zone, moved to the next
  date when before the day-change time), may be in UTC while ``<start>`` is local (wafer),
  and may disagree with ``time_zone_name``;
* wafer's ``day@date`` is the UTC date of the day's start, so the local day is taken from
  ``day@start`` in the venue zone;
* durations are ``HH:MM``, ``HH:MM:SS`` or ``D:HH:MM``; element order is free.

The file is parsed with defusedxml's SAX parser (entities and external references refused)
into an ElementTree whose elements remember their line and column, so that a bad value is
reported at its place in the file.
"""

from __future__ import annotations

import codecs
import xml.sax
from dataclasses import dataclass
from datetime import date, datetime, time
from xml.etree import ElementTree
from xml.etree.ElementTree import Element, ParseError
from xml.sax.handler import ContentHandler
from xml.sax.xmlreader import AttributesImpl, Locator
from zoneinfo import ZoneInfo

import defusedxml.sax  # type: ignore[import-untyped]
from defusedxml import DefusedXmlException

from confterm.errors import DataError
from confterm.model.loading import gc_paused
from confterm.sources.builder import ImportResult, ProgramBuilder
from confterm.sources.common import join_texts
from confterm.sources.days import place_event, start_on_day
from confterm.sources.detect import FORMAT_NAMES, FRAB_XML
from confterm.sources.kinds import guess_kind
from confterm.sources.slugs import slugify
from confterm.sources.times import end_after, out_of_range, parse_aware, parse_clock, parse_duration
from confterm.sources.zones import choose_zone, require_zone


class _TreeBuilder(ContentHandler):
    """Builds ElementTree elements from SAX events, noting where each one starts."""

    def __init__(self) -> None:
        super().__init__()
        self.root: Element | None = None
        self.places: dict[Element, tuple[int, int]] = {}
        self._stack: list[Element] = []
        self._locator: Locator | None = None

    def setDocumentLocator(self, locator: Locator) -> None:
        self._locator = locator

    def startElement(self, name: str, attrs: AttributesImpl) -> None:
        element = Element(name, dict(attrs.items()))
        if self._locator is not None:
            self.places[element] = (
                self._locator.getLineNumber() or 0,
                (self._locator.getColumnNumber() or 0) + 1,
            )
        if self._stack:
            self._stack[-1].append(element)
        else:
            self.root = element
        self._stack.append(element)

    def endElement(self, name: str) -> None:
        self._stack.pop()

    def characters(self, content: str) -> None:
        if not self._stack:
            return
        parent = self._stack[-1]
        if len(parent):
            last = parent[-1]
            last.tail = (last.tail or "") + content
        else:
            parent.text = (parent.text or "") + content


@dataclass(slots=True)
class _Doc:
    """The parsed document and where its elements are."""

    label: str
    root: Element
    places: dict[Element, tuple[int, int]] | _Places

    def error(self, element: Element, what: str) -> DataError:
        line, column = self.places.get(element, (0, 0))
        return DataError(f"{self.label}: line {line} column {column}: <{element.tag}>: {what}")


class _Places:
    """Line and column of each element, found by a second, located parse only when a message
    needs one: the fast C parser keeps no positions, and valid files never need them."""

    def __init__(self, raw: bytes, label: str, root: Element) -> None:
        self._raw, self._label, self._root = raw, label, root
        self._known: dict[Element, tuple[int, int]] | None = None

    def get(self, element: Element, default: tuple[int, int]) -> tuple[int, int]:
        if self._known is None:
            located_root, located = _parse_located(self._raw, self._label)
            # Both parses give the same tree: pair the elements by walking them together.
            self._known = {}
            pairs = [(self._root, located_root)]
            while pairs:
                fast, slow = pairs.pop()
                self._known[fast] = located.get(slow, default)
                pairs.extend(zip(fast, slow, strict=False))
        return self._known.get(element, default)


def parse_xml(raw: bytes, label: str) -> tuple[Element, dict[Element, tuple[int, int]] | _Places]:
    """Parse untrusted XML safely; a DataError with line and column when it is broken.

    The fast path is the C ElementTree parser, taken only for a UTF-8/ASCII document with no
    ``<!DOCTYPE`` (so no entity can be declared and nothing external referenced: what
    defusedxml guards against cannot occur) and no namespaces (which ElementTree would expand
    in tag names). Any other document, and any failure on the fast path, goes through
    defusedxml's SAX parser, which refuses entities and reports the exact line and column.
    """
    if _plain_document(raw):
        try:
            root = ElementTree.fromstring(raw)  # noqa: S314  (no DTD: see the docstring)
        except (ParseError, ValueError):
            pass
        else:
            return root, _Places(raw, label, root)
    return _parse_located(raw, label)


def _plain_document(raw: bytes) -> bool:
    head = raw.removeprefix(codecs.BOM_UTF8).lstrip()
    return head.startswith(b"<") and b"<!DOCTYPE" not in raw and b"xmlns" not in raw


def _parse_located(raw: bytes, label: str) -> tuple[Element, dict[Element, tuple[int, int]]]:
    builder = _TreeBuilder()
    try:
        defusedxml.sax.parseString(raw, builder)
    except xml.sax.SAXParseException as error:
        raise DataError(
            f"{label}: line {error.getLineNumber()} column {(error.getColumnNumber() or 0) + 1}: "
            f"not well-formed XML ({error.getMessage()})"
        ) from None
    except DefusedXmlException as error:
        raise DataError(
            f"{label}: XML entity declarations and external references are refused "
            f"(untrusted input: {type(error).__name__})"
        ) from None
    if builder.root is None:
        raise DataError(f"{label}: empty XML document")
    return builder.root, builder.places


def _text(element: Element | None, tag: str) -> str:
    if element is None:
        return ""
    child = element.find(tag)
    if child is None:
        return ""
    return "".join(child.itertext()).strip()


def import_frab_xml(
    raw: bytes, label: str, *, conference_id: str | None, tz: str | None
) -> ImportResult:
    """Convert a frab/Pentabarf schedule XML document."""
    # A large schedule builds a million objects that all survive until the end; collecting
    # in between finds nothing (50,000 events: 3.9 s with the collector, 2.7 s paused).
    with gc_paused():
        return _import(raw, label, conference_id=conference_id, tz=tz)


def _import(raw: bytes, label: str, *, conference_id: str | None, tz: str | None) -> ImportResult:
    root, places = parse_xml(raw, label)
    doc = _Doc(label, root, places)
    conference = root.find("conference")
    builder = ProgramBuilder(label)
    events = [
        (day, room, event)
        for day in root.iter("day")
        for room in day.iter("room")
        for event in room.iter("event")
    ]
    zone = _zone(doc, conference, events, tz, builder.notes)
    day_change = _conference_day_change(doc, conference)
    for day, room, event in events:
        try:
            _add_event(doc, builder, zone, day_change, day, room, event)
        except OverflowError:
            line, column = doc.places.get(event, (0, 0))
            raise out_of_range(label, f"line {line} column {column}: <event>") from None

    title = _text(conference, "title")
    acronym = _text(conference, "acronym")
    conference_id = conference_id or slugify(acronym or title or label)
    program = builder.build(
        conference_id=conference_id,
        name=title or acronym or conference_id,
        short_name=acronym or None,
        zone=zone,
        fallback_dates=_conference_dates(conference),
        venue=_text(conference, "venue"),
        city=_text(conference, "city"),
        url=_text(conference, "base_url") or _text(conference, "url") or None,
        source=label,
    )
    return ImportResult(program, builder.skipped, FORMAT_NAMES[FRAB_XML], builder.notes)


def _zone(
    doc: _Doc,
    conference: Element | None,
    events: list[tuple[Element, Element, Element]],
    tz: str | None,
    notes: list[str],
) -> ZoneInfo:
    declared = _text(conference, "time_zone_name") or None
    samples: list[tuple[datetime, time | None]] = []
    for _, _, event in events:
        date_text = _text(event, "date")
        if not date_text:
            continue
        moment = _aware(doc, event, date_text)
        start_text = _text(event, "start")
        samples.append((moment, _clock(doc, event, start_text) if start_text else None))
    if not samples:
        return require_zone(doc.label, declared, tz)
    return choose_zone(doc.label, declared, tz, samples, notes)


def _aware(doc: _Doc, event: Element, text: str) -> datetime:
    child = event.find("date")
    try:
        return parse_aware(text)
    except ValueError:
        raise doc.error(
            child if child is not None else event,
            f"expected a date-time with an offset (2024-02-03T10:00:00+01:00), got {text!r}",
        ) from None


def _clock(doc: _Doc, event: Element, text: str) -> time:
    child = event.find("start")
    try:
        return parse_clock(text)
    except ValueError as error:
        raise doc.error(child if child is not None else event, str(error)) from None


def _conference_day_change(doc: _Doc, conference: Element | None) -> time:
    text = _text(conference, "day_change")
    if not text or conference is None:
        return time(0)
    try:
        return parse_clock(text)
    except ValueError as error:
        child = conference.find("day_change")
        raise doc.error(child if child is not None else conference, str(error)) from None


def _conference_dates(conference: Element | None) -> tuple[date, date] | None:
    try:
        first = date.fromisoformat(_text(conference, "start")[:10])
        last = date.fromisoformat(_text(conference, "end")[:10])
    except ValueError:
        return None
    return first, max(first, last)


def _day_date(doc: _Doc, day: Element) -> date:
    text = day.get("date", "")
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        raise doc.error(day, f"expected date=YYYY-MM-DD, got {text!r}") from None


def _day_start(day: Element, zone: ZoneInfo) -> datetime | None:
    try:
        return parse_aware(day.get("start", "")).astimezone(zone)
    except ValueError:
        return None


def _add_event(
    doc: _Doc,
    builder: ProgramBuilder,
    zone: ZoneInfo,
    day_change: time,
    day: Element,
    room: Element,
    event: Element,
) -> None:
    title = _text(event, "title")
    source_id = event.get("guid") or _text(event, "guid") or event.get("id")
    if not source_id:
        builder.skip(title or "untitled event", "no guid or id to keep bookmarks stable")
        return
    day_start = _day_start(day, zone)
    filed = day_start.date() if day_start else _day_date(doc, day)
    if day_start is not None:
        day_change = day_start.time()
    start_text = _text(event, "start")
    date_text = _text(event, "date")
    if date_text:
        start = _aware(doc, event, date_text)
    elif start_text:
        start = start_on_day(filed, _clock(doc, event, start_text), day_change, zone)
    else:
        builder.skip(f"{title or 'untitled'} ({source_id})", "no start time")
        return
    duration_text = _text(event, "duration") or "00:00"
    try:
        duration = parse_duration(duration_text)
    except ValueError as error:
        child = event.find("duration")
        raise doc.error(child if child is not None else event, str(error)) from None
    session_day = place_event(start, zone, day_change, filed)
    persons = event.find("persons")
    speakers = [
        speaker
        for person in (persons.iter("person") if persons is not None else [])
        if (speaker := builder.speaker(person.get("id"), "".join(person.itertext())))
    ]
    links_element = event.find("links")
    links = [
        (("".join(link.itertext())).strip(), link.get("href", ""))
        for link in (links_element.iter("link") if links_element is not None else [])
        if link.get("href", "").startswith(("http://", "https://"))
    ]
    url = _text(event, "url")
    builder.add_session(
        source_id=source_id,
        title=title,
        kind=guess_kind(_text(event, "type"), title),
        day=session_day,
        start=start,
        end=end_after(start, duration),
        room=builder.room(_text(event, "room") or room.get("name")),
        track=builder.track(_text(event, "track")),
        speakers=speakers,
        description=join_texts(
            _text(event, "subtitle"), _text(event, "abstract"), _text(event, "description")
        ),
        links=links,
        source_url=url if url.startswith(("http://", "https://")) else None,
    )
