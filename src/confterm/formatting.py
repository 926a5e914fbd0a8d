"""Words and numbers shown to people: day labels, time ranges, "time TBA". No Textual."""

from __future__ import annotations

from datetime import date, datetime, tzinfo

from confterm.model.program import Session
from confterm.timezones import zone_name

TIME_TBA = "time TBA"
DAY_UNKNOWN = "Day not announced"


def day_label(day: date | None) -> str:
    """``Mon 12 May`` (a tab label); ``Day not announced`` for None."""
    if day is None:
        return DAY_UNKNOWN
    return f"{day:%a} {day.day} {day:%b}"


def long_day_label(day: date | None) -> str:
    """``Monday 12 May 2025``."""
    if day is None:
        return DAY_UNKNOWN
    return f"{day:%A} {day.day} {day:%B %Y}"


def clock_time(moment: datetime, zone: tzinfo) -> str:
    """``09:30`` in ``zone``."""
    return moment.astimezone(zone).strftime("%H:%M")


def time_range(session: Session, zone: tzinfo) -> str:
    """``09:30–10:30`` in ``zone``; ``time TBA`` when not announced. A session ending on a
    later day than it starts shows ``22:00–01:00+1``."""
    if session.start is None or session.end is None:
        return TIME_TBA
    start = session.start.astimezone(zone)
    end = session.end.astimezone(zone)
    days_later = (end.date() - start.date()).days
    suffix = f"+{days_later}" if days_later > 0 else ""
    return f"{start:%H:%M}–{end:%H:%M}{suffix}"


def zone_label(zone: tzinfo, at: datetime | None = None) -> str:
    """The zone's name with its abbreviation at ``at``: ``America/Los_Angeles (PDT)``."""
    name = zone_name(zone, at)
    moment = (at or datetime.now(zone)).astimezone(zone)
    abbreviation = moment.tzname()
    if abbreviation and abbreviation != name:
        return f"{name} ({abbreviation})"
    return name


def iso_or_none(moment: datetime | None, zone: tzinfo) -> str | None:
    """ISO 8601 with the display zone's offset, or None when not announced."""
    return None if moment is None else moment.astimezone(zone).isoformat()
