"""The day-change rule: which conference day an event that starts after midnight belongs to."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

# Formats without days of their own (Sessionize, iCalendar): an event before 04:00 belongs to
# the evening before (a 00:30 party is part of Friday's program, not Saturday's).
DEFAULT_DAY_CHANGE = time(4, 0)


def local_day(start: datetime, zone: ZoneInfo, day_change: time) -> date:
    """The day a session belongs to: before the day-change time it is the previous day's."""
    local = start.astimezone(zone)
    if local.time() < day_change:
        return local.date() - timedelta(days=1)
    return local.date()


def start_on_day(filed: date, clock: time, day_change: time, zone: ZoneInfo) -> datetime:
    """A wall-clock start on the source's day ``filed``: a time before the day change is
    after midnight, on the next calendar date (frab writes 00:30 under the evening's day)."""
    on = filed + timedelta(days=1 if clock < day_change else 0)
    return datetime.combine(on, clock, tzinfo=zone)


def place_event(
    start: datetime, zone: ZoneInfo, day_change: time, filed: date | None = None
) -> date:
    """The day an event is filed under.

    The source's own day (``filed``) wins when the event starts on it or on the night after;
    otherwise (no day in the source, or one that disagrees) the local date, moved to the
    previous day before ``day_change``.
    """
    if filed is not None and start.astimezone(zone).date() in (filed, filed + timedelta(days=1)):
        return filed
    return local_day(start, zone, day_change)
