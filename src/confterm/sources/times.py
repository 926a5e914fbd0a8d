"""Times and durations as schedules write them, and date overflow reported as a DataError."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, time, timedelta

from confterm.errors import DataError
from confterm.model.program import EARLIEST_DATE, LATEST_DATE


def parse_duration(text: str) -> timedelta:
    """``HH:MM``, ``HH:MM:SS`` or ``D:HH:MM`` (frab/Pentabarf); ValueError otherwise."""
    parts = text.strip().split(":")
    if not all(part.isdigit() for part in parts) or len(parts) not in (2, 3):
        raise ValueError(f"expected a duration HH:MM, HH:MM:SS or D:HH:MM, got {text!r}")
    numbers = [int(part) for part in parts]
    if len(parts) == 2:
        return timedelta(hours=numbers[0], minutes=numbers[1])
    # Three parts are ambiguous: frab writes long events as D:HH:MM ("1:02:00", one-digit
    # days) while Pentabarf writes HH:MM:SS ("00:05:00", two-digit hours).
    if len(parts[0]) == 1:
        return timedelta(days=numbers[0], hours=numbers[1], minutes=numbers[2])
    return timedelta(hours=numbers[0], minutes=numbers[1], seconds=numbers[2])


def end_after(start: datetime, duration: timedelta) -> datetime:
    """``start`` plus an elapsed ``duration``, in start's zone (right across DST changes,
    where plain addition to an aware datetime counts wall-clock time)."""
    if start.tzinfo is None:
        return start + duration
    return (start.astimezone(UTC) + duration).astimezone(start.tzinfo)


def out_of_range(label: str, where: str) -> DataError:
    """The error for an event whose dates overflow date arithmetic (year 1, year 9999...)."""
    return DataError(
        f"{label}: {where}: date out of range (supported: {EARLIEST_DATE} to {LATEST_DATE})"
    )


@contextmanager
def dates_of(label: str, where: str) -> Iterator[None]:
    """Turn an OverflowError from the date arithmetic of one event into a DataError naming it.

    The model refuses such dates too, but an importer computes (end = start + duration, zone
    conversions) before the model sees them.
    """
    try:
        yield
    except OverflowError:
        raise out_of_range(label, where) from None


def parse_clock(text: str) -> time:
    """``HH:MM`` or ``HH:MM:SS`` as a time of day; ValueError otherwise."""
    match = re.fullmatch(r"(\d{1,2}):(\d{2})(?::(\d{2}))?", text.strip())
    if not match:
        raise ValueError(f"expected a time HH:MM, got {text!r}")
    return time(int(match[1]), int(match[2]), int(match[3] or 0))


def parse_aware(text: str) -> datetime:
    """An ISO date-time with an offset; ValueError when it has none."""
    moment = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    if moment.tzinfo is None:
        raise ValueError(f"expected a date-time with an offset, got {text!r}")
    return moment
