"""Pure queries over a program: a day's sessions, clashes, the personal agenda, where to open.

Everything here takes a :class:`~confterm.model.Program` and plain values and returns plain
values, so the CLI, the app and the exporters share one definition of "in time order",
"clashes with" and "my agenda".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from operator import itemgetter
from typing import Protocol

from confterm.errors import UsageError
from confterm.model.program import Booth, Program, Session

_DIGITS = re.compile(r"(\d+)")


class BookmarkLike(Protocol):
    """What the agenda needs of a stored bookmark (see
    :class:`confterm.store.bookmarks.Bookmark`)."""

    @property
    def item_id(self) -> str: ...

    @property
    def kind(self) -> str: ...

    @property
    def added_at(self) -> datetime: ...


def natural_key(text: str) -> tuple[tuple[int, int | str], ...]:
    """A sort key that puts "Session 9" before "Session 10"."""
    folded = text.casefold()
    if _DIGITS.search(folded) is None:
        # Most titles have no digits: skip the split (this key is computed per session).
        return ((1, folded),) if folded else ()
    return tuple(
        (0, int(part)) if part.isdigit() else (1, part) for part in _DIGITS.split(folded) if part
    )


def sort_key(session: Session) -> tuple[date, int, float, float, tuple[object, ...], str]:
    """Time order: by day, timed sessions by start then end, then those with no time
    (by title, numbers in natural order)."""
    day = session.day or date.max
    if session.start is not None and session.end is not None:
        start, end = session.start.timestamp(), session.end.timestamp()
        return (day, 0, start, end, natural_key(session.title), session.id)
    return (day, 1, 0.0, 0.0, natural_key(session.title), session.id)


def in_time_order(sessions: Iterable[Session]) -> list[Session]:
    """``sessions`` sorted by :func:`sort_key`."""
    return sorted(sessions, key=sort_key)


@dataclass
class _DayIndex:
    """A program's sessions grouped by day, each day put in time order the first time it is
    asked for (sorting a 50,000-session program takes a good part of a second)."""

    program: Program
    unsorted: dict[date | None, list[Session]]
    ordered: dict[date | None, list[Session]] = field(default_factory=dict)
    times: dict[str, tuple[float, float]] = field(default_factory=dict)


_DAY_INDEXES: dict[int, _DayIndex] = {}
_DAY_INDEX_LIMIT = 4  # programs kept; an app shows one, tests load many


def _day_index(program: Program) -> _DayIndex:
    # Keyed by id(): the entry holds the program, so the id cannot be reused while cached.
    # Like Program's cached properties, this assumes a loaded program is not mutated.
    entry = _DAY_INDEXES.get(id(program))
    if entry is None or entry.program is not program:
        if len(_DAY_INDEXES) >= _DAY_INDEX_LIMIT:
            _DAY_INDEXES.clear()
        grouped: dict[date | None, list[Session]] = {}
        for session in program.sessions:
            grouped.setdefault(session.day, []).append(session)
        entry = _DayIndex(program, grouped)
        _DAY_INDEXES[id(program)] = entry
    return entry


def day_sessions(program: Program, day: date | None) -> list[Session]:
    """The sessions of ``day`` (None: day not known) in time order; a new list each call.

    Each day is sorted once per program and cached, so switching days does not sort again.
    """
    entry = _day_index(program)
    ordered = entry.ordered.get(day)
    if ordered is None:
        keyed = sorted(((sort_key(s), s) for s in entry.unsorted.get(day, ())), key=itemgetter(0))
        ordered = entry.ordered[day] = [session for _, session in keyed]
        # The timestamps the sort computed anyway, kept for session_times().
        entry.times.update((s.id, (key[2], key[3])) for key, s in keyed if key[1] == 0)
    return list(ordered)


def session_times(program: Program) -> Mapping[str, tuple[float, float]]:
    """(start, end) as POSIX timestamps of the timed sessions of the days sorted so far by
    :func:`day_sessions`, by id: comparing these floats is far cheaper than comparing aware
    datetimes whose tzinfo objects differ (each parsed time has its own)."""
    return _day_index(program).times


def has_sessions_on(program: Program, day: date | None) -> bool:
    """True when some session is filed under ``day`` (None: sessions with no known day)."""
    return bool(_day_index(program).unsorted.get(day))


def sessions_by_day(program: Program) -> dict[date | None, list[Session]]:
    """Every session grouped by its day (None: day not known), each group in time order;
    days in order, None last."""
    days = sorted(_day_index(program).unsorted, key=lambda d: (d is None, d or date.min))
    return {day: day_sessions(program, day) for day in days}


def program_days(program: Program) -> list[date]:
    """The conference's days, plus any day a session is filed under outside them."""
    days = set(program.conference.days)
    days.update(d for d in _day_index(program).unsorted if d is not None)
    return sorted(days)


def resolve_day(program: Program, spec: str) -> date:
    """Turn ``--day`` (an ISO date or a 1-based day number) into a conference day."""
    days = program_days(program)
    text = spec.strip()
    if text.isdigit():
        number = int(text)
        if 1 <= number <= len(days):
            return days[number - 1]
        raise UsageError(f"--day: there is no day {number} (the conference has {len(days)} days)")
    try:
        wanted = date.fromisoformat(text)
    except ValueError:
        raise UsageError(
            f"--day: {spec!r} is neither a date (YYYY-MM-DD) nor a day number"
        ) from None
    if wanted not in days:
        span = f"{days[0]} to {days[-1]}" if days else "no days"
        raise UsageError(f"--day: {wanted} is not a day of the conference ({span})")
    return wanted


def overlaps(first: Session, second: Session) -> bool:
    """True when both are timed and their times intersect (touching ends do not clash)."""
    if first.start is None or first.end is None or second.start is None or second.end is None:
        return False
    return first.start < second.end and second.start < first.end


def find_clashes(sessions: Sequence[Session]) -> dict[str, list[str]]:
    """For each timed session that overlaps another in ``sessions``, the ids it overlaps.

    A sweep over start times: O(n log n) plus the number of clashing pairs.
    """
    timed = sorted(
        (s for s in sessions if s.start is not None and s.end is not None),
        key=lambda s: (s.start, s.end),
    )
    clashes: dict[str, list[str]] = {}
    active: list[Session] = []
    for session in timed:
        assert session.start is not None
        active = [a for a in active if a.end is not None and a.end > session.start]
        for other in active:
            clashes.setdefault(session.id, []).append(other.id)
            clashes.setdefault(other.id, []).append(session.id)
        active.append(session)
    return clashes


def clashes_with(program: Program, session: Session, others: Iterable[str]) -> list[Session]:
    """The sessions among ``others`` (ids) that overlap ``session``, in time order."""
    span = _span(program, session)
    if span is None:
        return []
    start, end = span
    by_id = program.session_by_id
    found = []
    for other in others:
        candidate = by_id.get(other) if other != session.id else None
        if candidate is None:
            continue
        other_span = _span(program, candidate)
        if other_span is not None and other_span[0] < end and start < other_span[1]:
            found.append(candidate)
    return in_time_order(found)


def _span(program: Program, session: Session) -> tuple[float, float] | None:
    """(start, end) as POSIX timestamps (what :func:`overlaps` compares), cached per program."""
    if session.start is None or session.end is None:
        return None
    if program.session_by_id.get(session.id) is not session:  # not the program's own
        return (session.start.timestamp(), session.end.timestamp())
    times = _day_index(program).times
    span = times.get(session.id)
    if span is None:
        span = times[session.id] = (session.start.timestamp(), session.end.timestamp())
    return span


def group_by_start(sessions: Sequence[Session]) -> list[tuple[datetime | None, list[Session]]]:
    """Consecutive sessions sharing a start time, in order; untimed ones last under None."""
    groups: list[tuple[datetime | None, list[Session]]] = []
    for session in sessions:
        start = session.start if session.is_timed else None
        if groups and groups[-1][0] == start:
            groups[-1][1].append(session)
        else:
            groups.append((start, [session]))
    return groups


def current_or_next(sessions: Sequence[Session], now: datetime) -> Session | None:
    """The session in progress at ``now`` that started most recently (of those starting
    together, the one ending first), else the next to start, else None.

    An all-day Infodesk (09:00–18:00) is in progress at 14:05 too, but the 14:00 talk is
    what "now" means.
    """
    current: Session | None = None
    current_span = (now, now)  # (start, end) of ``current``
    upcoming: Session | None = None
    for session in sessions:
        start, end = session.start, session.end
        if start is None or end is None:
            continue
        if start <= now < end:
            started, ends = current_span
            if current is None or start > started or (start == started and end < ends):
                current, current_span = session, (start, end)
        elif start >= now and (upcoming is None or start < (upcoming.start or now)):
            upcoming = session
    return current or upcoming


def opening_position(program: Program, now: datetime) -> tuple[date | None, str | None]:
    """Where the app opens: today and the session in progress (or next) during the
    conference; otherwise the first day and no particular session."""
    days = program_days(program)
    if not days:
        return None, None
    today = now.astimezone(program.conference.zone).date()
    if today not in days:
        return days[0], None
    # In time order, so of sessions alike (same start and end) the first is picked.
    session = current_or_next(day_sessions(program, today), now)
    return today, session.id if session else None


@dataclass
class AgendaDay:
    """One day of an agenda: timed sessions in order, then those with no announced time."""

    day: date | None
    timed: list[Session] = field(default_factory=list)
    tba: list[Session] = field(default_factory=list)

    @property
    def sessions(self) -> list[Session]:
        """Timed then untimed sessions."""
        return self.timed + self.tba


@dataclass
class MissingBookmark:
    """A bookmark whose session or booth is no longer in the program."""

    kind: str
    item_id: str
    added_at: datetime


@dataclass
class Agenda:
    """A personal agenda (or the whole program), ready to render."""

    program: Program
    days: list[AgendaDay]
    clashes: dict[str, list[str]]
    booths: list[Booth]
    missing: list[MissingBookmark]
    whole_program: bool = False

    @property
    def is_empty(self) -> bool:
        """True when there is nothing at all to show."""
        return not (self.days or self.booths or self.missing)

    @property
    def session_count(self) -> int:
        """How many sessions the agenda holds."""
        return sum(len(day.sessions) for day in self.days)


def build_agenda(
    program: Program,
    bookmarks: Iterable[BookmarkLike],
    *,
    whole_program: bool = False,
    day: date | None = None,
) -> Agenda:
    """The bookmarked sessions (or all, with ``whole_program``) by day, with clashes among
    them, booths to visit, and bookmarks that point at nothing any more."""
    marks = list(bookmarks)
    session_ids = {m.item_id for m in marks if m.kind == "session"}
    booth_ids = [m.item_id for m in marks if m.kind == "booth"]
    missing = [
        MissingBookmark(m.kind, m.item_id, m.added_at)
        for m in marks
        if (m.kind == "session" and m.item_id not in program.session_by_id)
        or (m.kind == "booth" and m.item_id not in program.booth_by_id)
    ]
    if whole_program:
        chosen = list(program.sessions)
    else:
        chosen = [program.session_by_id[i] for i in session_ids if i in program.session_by_id]
    if day is not None:
        chosen = [s for s in chosen if s.day == day]
    # Clashes are only meaningful between sessions the attendee wants to attend.
    bookmarked = [s for s in chosen if s.id in session_ids]
    clashes = find_clashes(bookmarked)
    days: dict[date | None, AgendaDay] = {}
    for session in in_time_order(chosen):
        entry = days.setdefault(session.day, AgendaDay(session.day))
        (entry.timed if session.is_timed else entry.tba).append(session)
    booths = (
        []
        if day is not None
        else [program.booth_by_id[b] for b in booth_ids if b in program.booth_by_id]
    )
    return Agenda(
        program=program,
        days=list(days.values()),
        clashes=clashes,
        booths=booths,
        missing=missing if day is None else [],
        whole_program=whole_program,
    )
