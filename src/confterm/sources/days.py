"""The day-change rule, one for every format: which conference day an event belongs to.

A program day runs past midnight: a 00:30 party is part of Friday's program, not Saturday's.
Every reader places events with :func:`place_event` and, when a source gives only a clock time
on a day (frab without ``<date>``), builds the start with :func:`start_on_day`; both use the
same day change (04:00 unless the file states its own, as FOSDEM's ``<day_change>`` does).
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

# An event before 04:00 (venue time) belongs to the evening before.
DEFAULT_DAY_CHANGE = time(4, 0)

# A source's own day (frab's <day>) is believed for an event that starts on that date or in
# the night and morning after it (late sets run to 06:00 and are filed under the evening).
_FILED_UNTIL = time(12, 0)


def local_day(start: datetime, zone: ZoneInfo, day_change: time = DEFAULT_DAY_CHANGE) -> date:
    """The day a session belongs to: before the day-change time it is the previous day's."""
    local = start.astimezone(zone)
    if local.time() < day_change:
        return local.date() - timedelta(days=1)
    return local.date()


def start_on_day(
    filed: date, clock: time, zone: ZoneInfo, day_change: time = DEFAULT_DAY_CHANGE
) -> datetime:
    """A wall-clock start on the source's day ``filed``: a time before the day change is
    after midnight, on the next calendar date (frab writes 00:30 under the evening's day)."""
    on = filed + timedelta(days=1 if clock < day_change else 0)
    return datetime.combine(on, clock, tzinfo=zone)


def place_event(
    start: datetime,
    zone: ZoneInfo,
    day_change: time = DEFAULT_DAY_CHANGE,
    filed: date | None = None,
) -> date:
    """The day an event is filed under.

    The source's own day (``filed``) wins when the event starts on that date or before noon
    the next. Otherwise (no day in the source, or one that disagrees with the event's own
    time) it is the local date, moved to the previous day before ``day_change``, even when
    that is not one of the days the source lists (31C3 files angel meetings of Dec 26 under
    Dec 27's entry): the attendee sees the event on the day it happens.
    """
    local = start.astimezone(zone)
    if filed is not None and (
        local.date() == filed
        or (local.date() == filed + timedelta(days=1) and local.time() < _FILED_UNTIL)
    ):
        return filed
    return local_day(start, zone, day_change)
