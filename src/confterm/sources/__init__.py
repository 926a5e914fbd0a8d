"""Readers of outside schedule formats, one module per format, plus format detection.

:func:`import_source` reads a file or an http(s) URL, detects its format from the content,
converts it into confterm's model and validates it. Nothing here writes files or imports
Textual; storing the result is :mod:`confterm.store.catalog`'s job.
"""

from __future__ import annotations

import re

from confterm.errors import ConftermError, DataError
from confterm.sources.builder import ImportResult
from confterm.sources.detect import (
    FORMAT_NAMES,
    FRAB_JSON,
    FRAB_XML,
    ICAL,
    SESSIONIZE,
    Detected,
    detect,
)
from confterm.sources.fetch import read_source
from confterm.sources.zones import zone_from_option
from confterm.text import one_line, shorten

__all__ = ["ImportResult", "import_bytes", "import_source"]


def import_source(
    source: str, *, conference_id: str | None, tz: str | None, name: str | None = None
) -> ImportResult:
    """Read, convert and validate the schedule at ``source`` (a path or an http(s) URL).

    ``conference_id`` overrides the id derived from the schedule; ``tz`` is the IANA zone of
    naive times in the source (None when not given); ``name`` overrides the conference name
    the file gives.
    """
    zone_from_option(tz)  # a bad --tz is refused before anything is downloaded
    raw, label = read_source(source)
    return import_bytes(raw, label, conference_id=conference_id, tz=tz, name=name)


def import_bytes(
    raw: bytes,
    label: str,
    *,
    conference_id: str | None,
    tz: str | None,
    name: str | None = None,
) -> ImportResult:
    """Convert schedule bytes; ``label`` names the source in messages.

    Raises nothing but :class:`~confterm.errors.ConftermError`: the readers name the place of
    every problem they expect; anything else a crafted file provokes inside one (a value no
    reader foresaw, nesting beyond the interpreter's limit) is caught here, the one door every
    reader is called through, and reported as bad data naming the file and the format.
    """
    # A bad --tz is a usage error even when the file names its own zone and it is not needed.
    zone_from_option(tz)
    detected = detect(raw, label)
    try:
        return _read(detected, raw, label, conference_id=conference_id, tz=tz, name=name)
    except DataError as error:
        if detected.format == ICAL:
            raise _with_ical_line(error, raw, label) from None
        raise
    except ConftermError:
        raise
    except RecursionError:
        raise DataError(f"{label}: nested too deeply to read") from None
    except OSError:
        # A name from the file used as a path (a zone that is a folder inside tzdata, one
        # too long): the path itself is not the user's business, and is not shown.
        what = FORMAT_NAMES.get(detected.format, detected.format)
        raise DataError(
            f"{label}: not a readable {what} file: a name in it is not usable"
        ) from None
    except (ValueError, TypeError, LookupError, AttributeError, ArithmeticError) as error:
        what = FORMAT_NAMES.get(detected.format, detected.format)
        raise DataError(
            f"{label}: not a readable {what} file: {shorten(one_line(str(error)), 200)}"
        ) from None


_ICAL_EVENT_PLACE = re.compile(r"VEVENT\[(\d+)\]\.([A-Z-]+): ")


def _with_ical_line(error: DataError, raw: bytes, label: str) -> DataError:
    """The error with the line of the event property it names (``VEVENT[3].DTSTART``) added:
    the iCalendar reader knows events by their index, the user by the line in the file."""
    prefix = f"{label}: "
    found = _ICAL_EVENT_PLACE.match(error.message, len(prefix))
    if not error.message.startswith(prefix) or found is None:
        return error
    line = ical_line(raw, int(found[1]), found[2])
    if line is None:
        return error
    return DataError(f"{prefix}line {line}: {error.message[len(prefix) :]}")


def ical_line(raw: bytes, index: int, key: str) -> int | None:
    """The line of property ``key`` of the ``index``-th VEVENT in ``raw`` (else the line of
    that event's BEGIN), or None when there is no such event."""
    events = [m.start() for m in re.finditer(rb"(?im)^BEGIN:VEVENT\r?$", raw)]
    if index >= len(events):
        return None
    start = events[index]
    end = raw.find(b"END:VEVENT", start)
    found = re.compile(rb"(?im)^" + re.escape(key.encode()) + rb"[;:]").search(
        raw, start, end if end >= 0 else len(raw)
    )
    at = found.start() if found else start
    return raw.count(b"\n", 0, at) + 1


def _read(
    detected: Detected,
    raw: bytes,
    label: str,
    *,
    conference_id: str | None,
    tz: str | None,
    name: str | None,
) -> ImportResult:
    if detected.format == FRAB_XML:
        from confterm.sources.frab_xml import import_frab_xml

        return import_frab_xml(raw, label, conference_id=conference_id, tz=tz, name=name)
    if detected.format == FRAB_JSON:
        from confterm.sources.frab_json import import_frab_json

        return import_frab_json(
            detected.document, label, conference_id=conference_id, tz=tz, name=name
        )
    if detected.format == SESSIONIZE:
        from confterm.sources.sessionize import import_sessionize

        return import_sessionize(
            detected.document, label, conference_id=conference_id, tz=tz, name=name
        )
    assert detected.format == ICAL
    from confterm.sources.ical import import_ical

    return import_ical(raw, label, conference_id=conference_id, tz=tz, name=name)
