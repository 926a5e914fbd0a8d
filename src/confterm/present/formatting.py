"""Words and numbers shown to people: day labels, time ranges, "When" lines, "time TBA".
No Textual."""

from __future__ import annotations

from datetime import date, datetime, timedelta, tzinfo
from functools import cache

from confterm.text import one_line
from confterm.timezones import is_fixed_offset_name, zone_name

# Not typing's, and re only where used: `confterm now` (a status line) imports this module.
TYPE_CHECKING = False
if TYPE_CHECKING:
    import re
    from collections.abc import Sequence

    from confterm.model.program import Session
    from confterm.queries.agenda import LastKnownLike

TIME_TBA = "time TBA"
DAY_UNKNOWN = "Day not announced"
#: A booth with no location, in the app, the CLI and every export alike.
LOCATION_UNKNOWN = "location not announced"


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


def time_range(session: Session, zone: tzinfo, day: date | None = None) -> str:
    """``09:30–10:30`` in ``zone``; ``time TBA`` when not announced. A session ending on a
    later day than it starts shows ``22:00–01:00+1``.

    ``day`` is the day the range is listed under (the session's conference day, as a heading
    or a day column shows it). When the start falls on another date in ``zone``, the range
    names its real weekday, ``Sun 00:30–01:15``, so a row never suggests a wrong date.
    """
    if session.start is None or session.end is None:
        return TIME_TBA
    start = session.start.astimezone(zone)
    end = session.end.astimezone(zone)
    days_later = (end.date() - start.date()).days
    suffix = f"+{days_later}" if days_later > 0 else ""
    prefix = f"{start:%a} " if day is not None and start.date() != day else ""
    return f"{prefix}{start:%H:%M}–{end:%H:%M}{suffix}"


def when_label(session: Session, zone: tzinfo) -> str:
    """One session's "When" line, dated in ``zone``: ``Monday 9 March 2026, 02:00–05:00
    (UTC)``, followed by `` · conference day Sun 8 Mar`` when the program lists the session
    under another day than its date in ``zone``."""
    name = zone_name(zone, session.start)
    if session.start is None:
        if session.day is None:
            return DAY_UNKNOWN.lower()
        return f"{long_day_label(session.day)}, {TIME_TBA} ({name})"
    local_day = session.start.astimezone(zone).date()
    text = f"{long_day_label(local_day)}, {time_range(session, zone, local_day)} ({name})"
    if session.day is not None and session.day != local_day:
        text += f" · conference day {day_label(session.day)}"
    return text


def missing_label(kind: str, item_id: str, last_known: LastKnownLike | None, zone: tzinfo) -> str:
    """A bookmark whose item left the program, by name when its last look is known:
    ``Rust in Space (was Sat 28 Dec 14:00–15:00, Saal 1)``; else ``session abc-123``."""
    if last_known is None:
        return f"{kind} {one_line(item_id)}"
    start, end = last_known.start, last_known.end
    if start is not None and end is not None:
        local_start, local_end = start.astimezone(zone), end.astimezone(zone)
        when = f"{day_label(last_known.day or local_start.date())} "
        when += f"{local_start:%H:%M}–{local_end:%H:%M}"
    else:
        when = f"{day_label(last_known.day)}, {TIME_TBA}" if last_known.day else TIME_TBA
    room = f", {one_line(last_known.room)}" if last_known.room else ""
    return f"{one_line(last_known.title)} (was {when}{room})"


def zone_label(zone: tzinfo, at: datetime | None = None) -> str:
    """The zone's name with its abbreviation at ``at``: ``America/Los_Angeles (PDT)``;
    ``UTC+01:00`` for the fixed-offset zone ``Etc/GMT-1``."""
    name = zone_name(zone, at)
    if is_fixed_offset_name(zone):
        # Etc/GMT-1's abbreviation is "+01", which the UTC+01:00 name already says.
        return name
    moment = (at or datetime.now(zone)).astimezone(zone)
    abbreviation = moment.tzname()
    if abbreviation and abbreviation != name:
        return f"{name} ({abbreviation})"
    return name


def iso_or_none(moment: datetime | None, zone: tzinfo) -> str | None:
    """ISO 8601 with the display zone's offset, or None when not announced."""
    return None if moment is None else moment.astimezone(zone).isoformat()


def plural(count: int, noun: str, nouns: str | None = None) -> str:
    """``1 session``, ``3 sessions``: the number with its noun agreeing (``nouns`` for an
    irregular plural)."""
    if count == 1:
        return f"{count} {noun}"
    return f"{count:,} {nouns or noun + 's'}"


def date_span(first: date, last: date) -> str:
    """A readable range of dates: ``12–15 May 2025``, ``28 Feb – 2 Mar 2025``,
    ``30 Dec 2019 – 2 Jan 2020``; one date alone when they are equal."""
    if first == last:
        return f"{first.day} {first:%b %Y}"
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{last.day} {last:%b %Y}"
    if first.year == last.year:
        return f"{first.day} {first:%b} – {last.day} {last:%b %Y}"
    return f"{first.day} {first:%b %Y} – {last.day} {last:%b %Y}"


def duration_text(delta: timedelta) -> str:
    """``1 h 05 min``, ``25 min``, ``3 days``: a short, rounded-up length of time."""
    minutes = max(0, -(-int(delta.total_seconds()) // 60))
    if minutes >= 2 * 24 * 60:
        return f"{minutes // (24 * 60)} days"
    if minutes >= 60:
        return f"{minutes // 60} h {minutes % 60:02d} min"
    return f"{minutes} min"


def kind_label(session: Session) -> str:
    """The kind's short label to show beside the title, or ``""`` when a word of the title
    already says it: a row never reads ``Lightning  Lightning talk by ...``, ``Poster  Poster
    Session A`` or ``Reg.  Registration``. Detail views name the kind in full instead."""
    label = session.kind.label
    stem = label.rstrip(".").casefold()
    abbreviated = label.endswith(".")
    for word in _words().findall(session.title.casefold()):
        if word in (stem, stem + "s") or (abbreviated and word.startswith(stem)):
            return ""
    return label


@cache
def _words() -> re.Pattern[str]:
    import re

    # Compiled on first use, not on import: `confterm now` imports this module, and a
    # status line's start has no time for a regular expression it does not use.
    return re.compile(r"[^\W_]+")


def completeness_forms(sessions: Sequence[Session]) -> list[str]:
    """How many of ``sessions`` have an announced time, longest wording first, for the place
    to pick the one that fits: ``5 of 22 sessions have an announced time``, ``5 of 22
    timed``, ``5/22 timed``. Empty when every session is timed (or there are none): a
    complete program needs no such line."""
    timed = sum(1 for session in sessions if session.is_timed)
    total = len(sessions)
    if timed == total:
        return []
    noun = "session has" if total == 1 else "sessions have"
    return [
        f"{timed} of {total} {noun} an announced time",
        f"{timed} of {total} timed",
        f"{timed}/{total} timed",
    ]
