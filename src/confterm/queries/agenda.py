"""Pure queries over a program: a day's sessions, clashes, the personal agenda, where to open.

Everything here takes the program's :class:`~confterm.queries.index.ProgramIndex` and plain
values and returns plain values, so the CLI, the app and the exporters share one definition of
"in time order", "clashes with" and "my agenda".
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Protocol

from confterm.errors import UsageError
from confterm.model.program import Booth, Paper, Program, Session
from confterm.queries.index import ProgramIndex


class BookmarkLike(Protocol):
    """What the agenda needs of a stored bookmark (see
    :class:`confterm.store.bookmarks.Bookmark`)."""

    @property
    def item_id(self) -> str: ...

    @property
    def kind(self) -> str: ...

    @property
    def added_at(self) -> datetime: ...


def day_sessions(index: ProgramIndex, day: date | None) -> list[Session]:
    """The sessions of ``day`` (None: day not known) in time order; a new list each call.

    The index sorts each day once, so switching days does not sort again.
    """
    return list(index.sessions_on(day))


def session_times(index: ProgramIndex) -> Mapping[str, tuple[float, float]]:
    """(start, end) as POSIX timestamps of the timed sessions of the days put in order so far
    by :func:`day_sessions`, by id (see :attr:`ProgramIndex.times`)."""
    return index.times


def has_sessions_on(index: ProgramIndex, day: date | None) -> bool:
    """True when some session is filed under ``day`` (None: sessions with no known day)."""
    return index.has_sessions_on(day)


def sessions_by_day(index: ProgramIndex) -> dict[date | None, list[Session]]:
    """Every session grouped by its day (None: day not known), each group in time order;
    days in order, None last."""
    return {day: day_sessions(index, day) for day in index.filed_days}


def program_days(index: ProgramIndex) -> list[date]:
    """The conference's days, plus any day a session is filed under outside them."""
    return list(index.days)


def resolve_day(index: ProgramIndex, spec: str, today: date | None = None) -> date:
    """Turn ``--day`` into a conference day: an ISO date, a 1-based day number, or ``today``
    / ``tomorrow`` (relative to ``today``, the clock's date in the conference zone)."""
    days = index.days
    span = f"{days[0]} to {days[-1]}" if days else "no days"
    text = spec.strip()
    if text.isdigit():
        number = int(text)
        if 1 <= number <= len(days):
            return days[number - 1]
        noun = "day" if len(days) == 1 else "days"
        raise UsageError(f"--day: there is no day {number} (the conference has {len(days)} {noun})")
    relative = {"today": 0, "tomorrow": 1}.get(text.casefold())
    if relative is not None and today is not None:
        wanted = today + timedelta(days=relative)
        if wanted not in days:
            raise UsageError(
                f"--day {text.casefold()}: {wanted} is not a day of the conference ({span})"
            )
        return wanted
    try:
        wanted = date.fromisoformat(text)
    except ValueError:
        raise UsageError(
            f"--day: {spec!r} is neither a date (YYYY-MM-DD), a day number, today nor tomorrow"
        ) from None
    if wanted not in days:
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


def clashes_with(index: ProgramIndex, session: Session, others: Iterable[str]) -> list[Session]:
    """The sessions among ``others`` (ids) that overlap ``session``, in time order."""
    span = index.span(session)
    if span is None:
        return []
    start, end = span
    by_id = index.program.session_by_id
    found = []
    for other in others:
        candidate = by_id.get(other) if other != session.id else None
        if candidate is None:
            continue
        other_span = index.span(candidate)
        if other_span is not None and other_span[0] < end and start < other_span[1]:
            found.append(candidate)
    return index.ordered(found)


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


def opening_position(index: ProgramIndex, now: datetime) -> tuple[date | None, str | None]:
    """Where the app opens: today and the session in progress (or next) during the
    conference; otherwise the first day and no particular session."""
    days = index.days
    if not days:
        return None, None
    today = now.astimezone(index.program.conference.zone).date()
    if today not in days:
        return days[0], None
    # In time order, so of sessions alike (same start and end) the first is picked.
    session = current_or_next(index.sessions_on(today), now)
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


class LastKnownLike(Protocol):
    """What a bookmarked session last looked like (see
    :class:`confterm.store.bookmarks.LastKnown`)."""

    @property
    def title(self) -> str: ...

    @property
    def day(self) -> date | None: ...

    @property
    def start(self) -> datetime | None: ...

    @property
    def end(self) -> datetime | None: ...

    @property
    def room(self) -> str | None: ...


@dataclass
class MissingBookmark:
    """A bookmark whose session, booth or paper is no longer in the program, with what it
    last looked like when the store remembers it (a session removed by a re-import)."""

    kind: str
    item_id: str
    added_at: datetime
    last_known: LastKnownLike | None = None


@dataclass
class Agenda:
    """A personal agenda (or the whole program), ready to render."""

    program: Program
    days: list[AgendaDay]
    clashes: dict[str, list[str]]
    booths: list[Booth]
    missing: list[MissingBookmark]
    whole_program: bool = False
    #: Ids of the papers the attendee starred (bookmarks of kind "paper"), marked in exports.
    starred_papers: frozenset[str] = frozenset()
    #: Starred papers by the id of the session presenting them, in the session's paper order.
    #: A session is on the agenda when it is bookmarked or one of its papers is starred.
    starred_by_session: dict[str, list[Paper]] = field(default_factory=dict)
    #: Starred papers with no known session (shown under their own heading).
    papers_without_session: list[Paper] = field(default_factory=list)
    #: Sessions on the agenda only because a paper of theirs is starred (not bookmarked).
    via_papers: frozenset[str] = frozenset()

    @property
    def is_empty(self) -> bool:
        """True when there is nothing at all to show."""
        return not (self.days or self.booths or self.missing or self.papers_without_session)

    @property
    def session_count(self) -> int:
        """How many sessions the agenda holds."""
        return sum(len(day.sessions) for day in self.days)


def build_agenda(
    index: ProgramIndex,
    bookmarks: Iterable[BookmarkLike],
    *,
    whole_program: bool = False,
    day: date | None = None,
) -> Agenda:
    """The bookmarked sessions (or all, with ``whole_program``) by day, with clashes among
    them, booths to visit, and bookmarks that point at nothing any more.

    A starred paper puts its session on the agenda, with the starred papers listed under it;
    the session itself stays unbookmarked (unstarring the paper takes it off again).
    """
    program = index.program
    marks = list(bookmarks)
    paper_ids = {m.item_id for m in marks if m.kind == "paper"}
    starred, homeless = group_starred_papers(program, paper_ids)
    own_ids = {m.item_id for m in marks if m.kind == "session"}
    session_ids = own_ids | starred.keys()
    booth_ids = [m.item_id for m in marks if m.kind == "booth"]
    missing = [
        MissingBookmark(m.kind, m.item_id, m.added_at, getattr(m, "last_known", None))
        for m in marks
        if (m.kind == "session" and m.item_id not in program.session_by_id)
        or (m.kind == "booth" and m.item_id not in program.booth_by_id)
        or (m.kind == "paper" and m.item_id not in program.paper_by_id)
    ]
    by_id = program.session_by_id
    if whole_program:
        # In file order, as the clashes' lists have always been built.
        bookmarked = [s for s in program.sessions if s.id in session_ids]
    else:
        bookmarked = [by_id[i] for i in session_ids if i in by_id]
    if day is not None:
        bookmarked = [s for s in bookmarked if s.day == day]
    days: dict[date | None, AgendaDay] = {}
    if whole_program:
        # Each day in time order in the index already, its timed sessions first: nothing is
        # sorted, nor looked at one by one, but the untimed ones at each day's end.
        for each in index.filed_days if day is None else [day]:
            ordered = index.sessions_on(each)
            timed = len(ordered)
            while timed and not ordered[timed - 1].is_timed:
                timed -= 1
            if ordered:
                days[each] = AgendaDay(each, list(ordered[:timed]), list(ordered[timed:]))
    else:
        # Bookmarks come as a set: in time order before the clashes are found, so that
        # sessions starting and ending together are listed in the same order every time
        # (set order changes from one process to the next).
        bookmarked = index.ordered(bookmarked)
        for session in bookmarked:
            entry = days.setdefault(session.day, AgendaDay(session.day))
            (entry.timed if session.is_timed else entry.tba).append(session)
    # Clashes are only meaningful between sessions the attendee wants to attend.
    clashes = find_clashes(bookmarked)
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
        starred_papers=frozenset(m.item_id for m in marks if m.kind == "paper"),
        starred_by_session=starred,
        papers_without_session=homeless if day is None else [],
        via_papers=frozenset(starred.keys() - own_ids),
    )


def group_starred_papers(
    program: Program, paper_ids: Collection[str]
) -> tuple[dict[str, list[Paper]], list[Paper]]:
    """The starred papers (``paper_ids``) by the id of the session presenting them, and those
    with no known session, each in program order."""
    by_session: dict[str, list[Paper]] = {}
    homeless: list[Paper] = []
    if not paper_ids:
        return by_session, homeless
    for paper in program.papers:
        if paper.id not in paper_ids:
            continue
        if paper.session and paper.session in program.session_by_id:
            by_session.setdefault(paper.session, []).append(paper)
        else:
            homeless.append(paper)
    return by_session, homeless
