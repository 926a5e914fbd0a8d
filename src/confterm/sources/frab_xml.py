"""Pentabarf/frab schedule XML (FOSDEM, CCC, pretalx and wafer exports): a thin reader.

It reads the XML into a :class:`~confterm.sources.frab.FrabDocument`; placing events in time
and on days, speakers and texts are :mod:`confterm.sources.frab`'s job, shared with frab JSON.
Element order is free; an element's text is taken whole (``<title>a<b/>c</title>``).

The file is parsed with defusedxml's SAX parser (entities and external references refused)
into an ElementTree whose elements remember their line and column, so that a bad value is
reported at its place in the file.
"""

from __future__ import annotations

import codecs
import xml.sax
from dataclasses import dataclass
from xml.etree import ElementTree
from xml.etree.ElementTree import Element, ParseError
from xml.sax.handler import ContentHandler
from xml.sax.xmlreader import AttributesImpl, Locator

import defusedxml.sax  # type: ignore[import-untyped]
from defusedxml import DefusedXmlException

from confterm.errors import DataError
from confterm.model.loading import gc_paused
from confterm.sources.builder import ImportResult
from confterm.sources.detect import FORMAT_NAMES, FRAB_XML
from confterm.sources.frab import Fail, FrabDay, FrabDocument, FrabEvent, normalise
from confterm.sources.times import out_of_range


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
    raw: bytes,
    label: str,
    *,
    conference_id: str | None,
    tz: str | None,
    name: str | None = None,
) -> ImportResult:
    """Convert a frab/Pentabarf schedule XML document."""
    # A large schedule builds a million objects that all survive until the end; collecting
    # in between finds nothing (50,000 events: 3.9 s with the collector, 2.7 s paused).
    with gc_paused():
        root, places = parse_xml(raw, label)
        doc = _Doc(label, root, places)
        try:
            return normalise(read_document(doc), conference_id=conference_id, tz=tz, name=name)
        except OverflowError:
            raise out_of_range(label, "an <event>") from None


def _fail(doc: _Doc, element: Element) -> Fail:
    def fail(tag: str, what: str) -> DataError:
        child = element.find(tag)
        return doc.error(child if child is not None else element, what)

    return fail


def read_document(doc: _Doc) -> FrabDocument:
    """The frab document the XML writes, texts as written."""
    root = doc.root
    conference = root.find("conference")
    result = FrabDocument(
        label=doc.label,
        format_name=FORMAT_NAMES[FRAB_XML],
        title=_text(conference, "title"),
        acronym=_text(conference, "acronym"),
        time_zone_name=_text(conference, "time_zone_name"),
        day_change_text=_text(conference, "day_change"),
        start=_text(conference, "start"),
        end=_text(conference, "end"),
        venue=_text(conference, "venue"),
        city=_text(conference, "city"),
        url=_text(conference, "base_url") or _text(conference, "url"),
        fail_day_change=_fail(doc, conference) if conference is not None else None,
    )
    for day_element in root.iter("day"):
        day = FrabDay(
            date_text=day_element.get("date", ""),
            start_text=day_element.get("start", ""),
            fail=_fail(doc, day_element),
        )
        result.days.append(day)
        for room in day_element.iter("room"):
            for event in room.iter("event"):
                result.events.append(_event(doc, day, room, event))
    return result


def _event(doc: _Doc, day: FrabDay, room: Element, event: Element) -> FrabEvent:
    def where() -> str:
        line, column = doc.places.get(event, (0, 0))
        return f"line {line} column {column}: <event>"

    persons = event.find("persons")
    links = event.find("links")
    return FrabEvent(
        where=where,
        day=day,
        room_name=room.get("name", ""),
        fail=_fail(doc, event),
        source_id=event.get("guid") or _text(event, "guid") or event.get("id") or "",
        title=_text(event, "title"),
        date_text=_text(event, "date"),
        start_text=_text(event, "start"),
        duration_text=_text(event, "duration"),
        room=_text(event, "room"),
        track=_text(event, "track"),
        type=_text(event, "type"),
        subtitle=_text(event, "subtitle"),
        abstract=_text(event, "abstract"),
        description=_text(event, "description"),
        url=_text(event, "url"),
        persons=[
            ("".join(person.itertext()), "")
            for person in (persons.iter("person") if persons is not None else [])
        ],
        links=[
            ("".join(link.itertext()).strip(), link.get("href", ""))
            for link in (links.iter("link") if links is not None else [])
        ],
    )
