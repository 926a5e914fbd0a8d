"""A day's rows for the day list, made only when read (a day can hold 10,000 sessions).

:class:`DayRows` is a sequence of :mod:`confterm.present.rows` rows: start-time headings, today's
now-line, and session rows that are made (time formatted, title cleaned, clash checked) the
first time the list draws them or a caller reads them. Plain data, no Textual.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from datetime import date, datetime, time, timedelta, tzinfo

from confterm.model.program import Program, Session
from confterm.model.targets import JumpTarget
from confterm.present.change_marks import change_word
from confterm.present.formatting import clock_time, time_range
from confterm.present.lazy_rows import MadeOnRead
from confterm.present.rows import TBA_HEADING, Heading, NowLine, Row, SessionRow, session_row
from confterm.queries.agenda import overlaps
from confterm.store.change_marks import ChangeMark

Span = tuple[float, float]  # a session's start and end as POSIX timestamps


def now_on_day(day: date | None, now: datetime, zone: tzinfo) -> datetime | None:
    """``now`` when ``day`` is today in ``zone`` (the day's list then shows a now-line).

    ``zone`` is the conference's: a day tab is a conference day, so at 00:40 on Sunday in
    Tokyo (10:40 on Saturday in New York) Saturday's list still shows the line."""
    return now if day is not None and now.astimezone(zone).date() == day else None


class DayRows(MadeOnRead):
    """A day's rows, made when first read: sessions grouped under their start time, untimed
    ones last under "Time to be announced", and on today a :class:`NowLine`.

    Building every row of a 10,000-session day (times formatted, titles cleaned, clashes
    checked) would take far longer than a day switch may; only the rows the list draws, or a
    caller reads, are made, then kept. Bookmarks change through :meth:`remark`, which remakes
    only the rows already made that the change can touch.
    """

    def __init__(
        self,
        program: Program,
        sessions: Sequence[Session],
        zone: tzinfo,
        bookmarked: AbstractSet[str],
        now: datetime | None = None,
        times: Mapping[str, Span] | None = None,
        changes: Mapping[str, ChangeMark] | None = None,
    ) -> None:
        self._program = program
        # The state's unseen change marks, read when a row is made (a row is remade when
        # its mark goes: see remark).
        self._changes: Mapping[str, ChangeMark] = changes if changes is not None else {}
        self._zone = zone
        # Comparing aware datetimes whose tzinfo objects differ (one per parsed time) costs a
        # microsecond each; POSIX timestamps (``times``, see agenda.session_times) cost little.
        self._times: Mapping[str, Span] = times or {}
        self._entries: list[Heading | Session] = []
        self._groups: list[tuple[int, float]] = []  # (entry index, start) of timed groups
        self._position: dict[str, int] = {}
        self._made: dict[int, SessionRow] = {}
        self._now_at: int | None = None
        self._now_line: NowLine | None = None
        self._now: float | None = None  # the clock as a timestamp, on today only
        self._tba_at: int | None = None
        self._dated_width = 0  # ``Sun 00:30–01:15``: a start on another date, not past midnight
        first: float | None = None
        last: float | None = None
        group: Session | None = None  # the first session of the current timed group
        group_start: float | None = None
        group_end = 0.0
        crossing: list[int] = []  # groups that may run past midnight (wider time column)
        entries, position, span_of = self._entries, self._position, self._span_of
        for session in sessions:
            span = span_of(session)
            start = None if span is None else span[0]
            if not entries or start != group_start:
                if group is not None:
                    crossing += self._maybe_wider(group, group_end)
                group, group_start, group_end = None, start, 0.0
                if span is None:
                    self._tba_at = len(entries)
                    entries.append(Heading(TBA_HEADING))
                else:
                    assert session.start is not None
                    group = session
                    self._groups.append((len(entries), span[0]))
                    entries.append(Heading(self._start_heading(session, session.start)))
                    first = span[0] if first is None else first
            if span is not None:
                group_end = max(group_end, span[1])
                last = span[1] if last is None else max(last, span[1])
            position[session.id] = len(entries)
            entries.append(session)
        if group is not None:
            crossing += self._maybe_wider(group, group_end)
        self._bounds = (first, last)
        self.time_width = self._width(crossing)
        self._bookmarked = bookmarked
        self._marked = self._relevant(bookmarked)
        self.set_now(now)

    # -- building -----------------------------------------------------------------------------

    def _span_of(self, session: Session) -> Span | None:
        """(start, end) as POSIX timestamps, None when the time is not announced."""
        span = self._times.get(session.id)
        if span is None and session.start is not None and session.end is not None:
            span = (session.start.timestamp(), session.end.timestamp())
        return span

    def _start_heading(self, first: Session, start: datetime) -> str:
        """``10:30``; ``Sun 00:30`` when the start falls on another date in the display zone
        than the conference day the session is listed under (as its rows say)."""
        local = start.astimezone(self._zone)
        if first.day is not None and local.date() != first.day:
            return f"{local:%a %H:%M}"
        return f"{local:%H:%M}"

    def _maybe_wider(self, first: Session, end: float) -> list[int]:
        """The last group's number when its times may run past midnight (each is measured);
        a group merely on another date widens the column by its weekday right here."""
        assert first.start is not None
        local = first.start.astimezone(self._zone)
        midnight = datetime.combine(local.date() + timedelta(days=1), time(0), tzinfo=self._zone)
        if end >= midnight.timestamp():
            return [len(self._groups) - 1]
        if first.day is not None and local.date() != first.day:
            self._dated_width = len(time_range(first, self._zone, first.day))
        return []

    def _width(self, crossing: list[int]) -> int:
        """The time column's width: ``09:30–10:30``, wider for ``22:00–01:00+1`` and for
        ``Sun 00:30–01:15``."""
        width = max(len("00:00–00:00"), self._dated_width)
        bounds = [index for index, _ in self._groups] + [len(self._entries)]
        for group in crossing:
            for entry in self._entries[bounds[group] + 1 : bounds[group + 1]]:
                if isinstance(entry, Session):
                    width = max(width, len(time_range(entry, self._zone, entry.day)))
        return width

    def _relevant(self, bookmarked: AbstractSet[str]) -> list[tuple[str, float, float]]:
        """The bookmarks within the day's span, as (id, start, end)."""
        first, last = self._bounds
        if first is None or last is None or not bookmarked:
            return []
        by_id = self._program.session_by_id
        spans = [(i, self._span_of(by_id[i])) for i in bookmarked if i in by_id]
        return [
            (i, span[0], span[1])
            for i, span in spans
            if span is not None and span[0] < last and first < span[1]
        ]

    def _make(self, session: Session) -> SessionRow:
        clash = False
        span = self._span_of(session) if self._marked or self._now is not None else None
        if self._marked and span is not None:
            start, end = span
            clash = any(
                other != session.id and other_start < end and start < other_end
                for other, other_start, other_end in self._marked
            )
        now = self._now
        mark = self._changes.get(session.id)
        return session_row(
            self._program,
            session,
            self._zone,
            bookmarked=session.id in self._bookmarked,
            clash=clash,
            in_progress=now is not None and span is not None and span[0] <= now < span[1],
            change=change_word(mark.kinds) if mark is not None else "",
        )

    # -- the sequence -------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._entries) + (self._now_at is not None)

    def _row(self, index: int) -> Row:
        if self._now_at is not None and index >= self._now_at:
            if index == self._now_at:
                assert self._now_line is not None
                return self._now_line
            index -= 1
        return self._entry_row(index)

    def _shown(self, entry_index: int) -> int:
        at = self._now_at
        return entry_index + 1 if at is not None and entry_index >= at else entry_index

    @property
    def now_index(self) -> int | None:
        """The index of the now-line (None: not today)."""
        return self._now_at

    def item_flags(self) -> list[bool]:
        flags = [isinstance(entry, Session) for entry in self._entries]
        if self._now_at is not None:
            flags.insert(self._now_at, False)
        return flags

    def index_of(self, target: JumpTarget) -> int | None:
        """The index of the row leading to ``target`` (without making any row)."""
        if target.kind != "session" or target.item_id not in self._position:
            return None
        return self._shown(self._position[target.item_id])

    # -- changes ------------------------------------------------------------------------------

    def set_now(self, now: datetime | None) -> bool:
        """Put the now-line before the first group starting after ``now`` (None: no line);
        True when the line moved, appeared, disappeared or shows another minute (the rows
        made are then made again when read: which sessions are in progress may differ)."""
        if now is None:
            at, line = None, None
        else:
            starts = [start for _, start in self._groups]
            after = bisect_right(starts, now.timestamp())
            if after < len(self._groups):
                at = self._groups[after][0]
            else:  # after every timed session, before those whose time is not announced
                at = len(self._entries) if self._tba_at is None else self._tba_at
            line = NowLine(clock_time(now, self._zone))
        changed = (at, line) != (self._now_at, self._now_line)
        self._now_at, self._now_line = at, line
        if changed:
            self._now = None if now is None else now.timestamp()
            self._made.clear()
            self._starts = None
        return changed

    def remark(self, session_ids: Iterable[str], bookmarked: AbstractSet[str]) -> list[int]:
        """Bookmarks are now ``bookmarked`` after ``session_ids`` changed: remake the rows
        already made that show them or overlap them; return the indexes that changed.

        Rows not made yet need nothing: they are made with the new bookmarks when read.
        """
        by_id = self._program.session_by_id
        wanted = set(session_ids)
        touched = [by_id[i] for i in wanted if i in by_id]
        return self._remake(
            bookmarked,
            lambda s: s.id in wanted or any(overlaps(s, t) for t in touched),
        )

    def reset_marks(self, bookmarked: AbstractSet[str]) -> None:
        """Bookmarks may have changed while these rows were not shown: forget the rows made
        (they are made again, with the new marks, when read)."""
        self._bookmarked = bookmarked
        self._marked = self._relevant(bookmarked)
        self._made.clear()

    def remark_all(self, bookmarked: AbstractSet[str]) -> list[int]:
        """Bookmarks changed elsewhere: remake every row already made; return what changed."""
        return self._remake(bookmarked, lambda _: True)

    def _remake(
        self, bookmarked: AbstractSet[str], affected: Callable[[Session], bool]
    ) -> list[int]:
        self._bookmarked = bookmarked
        self._marked = self._relevant(bookmarked)
        changed = []
        for entry_index, row in list(self._made.items()):
            session = self._entries[entry_index]
            assert isinstance(session, Session)
            if not affected(session):
                continue
            new = self._make(session)
            if new != row:
                self._made[entry_index] = new
                changed.append(self._shown(entry_index))
        return changed


def day_rows(
    program: Program,
    sessions: Sequence[Session],
    zone: tzinfo,
    bookmarked: AbstractSet[str],
    now: datetime | None = None,
    times: Mapping[str, Span] | None = None,
    changes: Mapping[str, ChangeMark] | None = None,
) -> DayRows:
    """A day's sessions (already in time order) grouped under their start time, with
    untimed ones last under "Time to be announced"; with a now-line when ``now`` is given
    (see :func:`now_on_day`). ``times``: the sessions' spans when known (faster).
    ``changes``: unseen change marks by session id (a live mapping, read as rows are made)."""
    return DayRows(program, sessions, zone, bookmarked, now, times, changes)


__all__ = ["DayRows", "Span", "day_rows", "now_on_day"]
