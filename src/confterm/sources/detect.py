"""Which format a schedule is in, decided from its content (never from the file name)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from confterm.errors import DataError, UsageError
from confterm.model.program import PROGRAM_FORMAT
from confterm.model.validation import place_of_offset
from confterm.sources.fetch import is_url

FRAB_XML = "frab-xml"
FRAB_JSON = "frab-json"
SESSIONIZE = "sessionize"
ICAL = "ical"

FORMAT_NAMES = {
    FRAB_XML: "frab/Pentabarf XML",
    FRAB_JSON: "frab/pretalx JSON",
    SESSIONIZE: "Sessionize JSON",
    ICAL: "iCalendar",
}

_EXPECTED = (
    "unrecognised format (expected frab/Pentabarf XML, frab/pretalx JSON, Sessionize JSON "
    "or iCalendar)"
)
# Skip the XML declaration, comments, processing instructions and a doctype to find the root.
_XML_PROLOGUE = re.compile(rb"\s*(<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^\[>]*(\[.*?\])?\s*>)", re.S)
_LONG_NUMBER = re.compile(rb"-?\d{4000,}")
_XML_ROOT = re.compile(rb"\s*<([A-Za-z_][\w.:-]*)")


@dataclass(frozen=True, slots=True)
class Detected:
    """The detected format, and the parsed JSON document when the source was JSON."""

    format: str
    document: Any = None


def detect(raw: bytes, label: str) -> Detected:
    """The format of ``raw``; a DataError naming the file when it is not one we read."""
    text = raw.removeprefix(b"\xef\xbb\xbf").lstrip()
    if text[:15].upper() == b"BEGIN:VCALENDAR":
        return Detected(ICAL)
    if text.startswith(b"<"):
        if _xml_root(text) == b"schedule":
            return Detected(FRAB_XML)
        raise DataError(f"{label}: {_EXPECTED}")
    if text.startswith((b"{", b"[")):
        document = parse_json(raw, label)
        if isinstance(document, dict):
            if document.get("format") == PROGRAM_FORMAT:
                # Its sessions/speakers/rooms lists would pass for Sessionize: say what it is.
                where = "FILE" if is_url(label) else label
                advice = "download it, then " if where == "FILE" else ""
                raise UsageError(
                    f"{label}: already in confterm's format: {advice}open it with "
                    f"'confterm --data {where}' (or check it with 'confterm validate')"
                )
            schedule = document.get("schedule")
            if isinstance(schedule, dict) and isinstance(schedule.get("conference"), dict):
                return Detected(FRAB_JSON, document)
            if all(isinstance(document.get(key), list) for key in ("sessions", "speakers")) and (
                "rooms" in document
            ):
                return Detected(SESSIONIZE, document)
    raise DataError(f"{label}: {_EXPECTED}")


def parse_json(raw: bytes, label: str) -> Any:
    """``raw`` parsed as JSON; a DataError with line and column when it is not."""
    try:
        return json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        raise DataError(f"{label}: byte {error.start}: not UTF-8 text") from None
    except json.JSONDecodeError as error:
        raise DataError(
            f"{label}: line {error.lineno} column {error.colno}: not valid JSON ({error.msg})"
        ) from None
    except RecursionError:
        raise DataError(f"{label}: JSON nested too deeply") from None
    except ValueError:
        # Not a JSONDecodeError: an integer longer than Python converts (4,300 digits).
        found = _LONG_NUMBER.search(raw)
        place = f"{place_of_offset(raw, found.start())}: " if found else ""
        raise DataError(f"{label}: {place}number too long to read") from None


def _xml_root(text: bytes) -> bytes | None:
    position = 0
    while match := _XML_PROLOGUE.match(text, position):
        if match.end() == position:
            break
        position = match.end()
    root = _XML_ROOT.match(text, position)
    return root[1] if root else None
