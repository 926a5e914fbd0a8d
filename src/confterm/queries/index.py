"""One index per loaded program: what every query looks up instead of scanning all sessions.

A :class:`ProgramIndex` is built once where a program is loaded (the CLI's context, the app's
state) and handed to every query. It holds the conference's days in order, each day's sessions
in time order, the sessions' start and end as POSIX timestamps, the sessions of each speaker,
room and track, and the search index. Each part is built the first time it is asked for, so a
command that only lists one day never sorts the others, and none is ever built twice.

Like :class:`~confterm.model.program.Program`'s cached lookups, the index assumes the program
it was built from is not changed afterwards; a new program gets a new index. No Textual.
"""

from __future__ import annotations

import bisect
import re
import threading
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from functools import cached_property
from operator import itemgetter
from typing import TYPE_CHECKING, Literal

from confterm.model.program import Paper, Program, Session, SessionKind

if TYPE_CHECKING:
    from confterm.queries.search import SearchIndex

_DIGITS = re.compile(r"(\d+)")
#: A session this long or longer is kept out of the start-ordered list that now & next
#: narrows by time (see :meth:`ProgramIndex.on_between`): one week-long exhibition must not
#: widen the window searched for every talk.
LONG_SESSION_SECONDS = 12 * 3600

Role = Literal["speaker", "chair"]


def natural_key(text: str) -> tuple[tuple[int, int | str], ...]:
    """A sort key that puts "Session 9" before "Session 10"."""
    folded = text.casefold()
    if _DIGITS.search(folded) is None:
        # Most titles have no digits: skip the split (this key is computed per session).
        return ((1, folded),) if folded else ()
    # The split puts the runs of decimal digits at odd places. Not part.isdigit(): "²" is a
    # digit to it, and int("²") fails.
    return tuple(
        (0, int(part)) if n % 2 else (1, part)
        for n, part in enumerate(_DIGITS.split(folded))
        if part
    )


def _has_digit(text: str) -> bool:
    """True when ``text`` has a digit as natural_key splits at (\\d: a Unicode decimal
    digit); ASCII text is searched by str's own search, far faster than a pattern's."""
    if text.isascii():
        return any(digit in text for digit in "0123456789")
    return _DIGITS.search(text) is not None


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


def _person_key(name: str) -> str:
    """A person's name as papers and speakers are matched: case and spacing ignored."""
    return " ".join(name.casefold().split())


class ProgramIndex:
    """The derived lookups of one program, each built on first use and kept."""

    def __init__(self, program: Program) -> None:
        self.program = program
        grouped: dict[date | None, list[Session]] = {}
        for session in program.sessions:
            grouped.setdefault(session.day, []).append(session)
        self._unsorted = grouped
        self._ordered: dict[date | None, tuple[Session, ...]] = {}
        self._place: dict[str, int] = {}  # a session's place in its day, once the day is sorted
        self._times: dict[str, tuple[float, float]] = {}
        self._search: SearchIndex | None = None
        self._search_lock = threading.Lock()  # one build, even when a thread asks too

    # -- days ---------------------------------------------------------------------------------

    @cached_property
    def days(self) -> list[date]:
        """The conference's days, plus any day a session is filed under outside them; none
        when sessions exist but none has a day yet (a schedule not made: the conference's
        dates are then only placeholders, and showing them would offer empty days)."""
        if self.program.sessions and all(d is None for d in self._unsorted):
            return []
        days = set(self.program.conference.days)
        days.update(d for d in self._unsorted if d is not None)
        return sorted(days)

    @cached_property
    def filed_days(self) -> list[date | None]:
        """The days sessions are filed under, in order, None (day not known) last."""
        return sorted(self._unsorted, key=lambda d: (d is None, d or date.min))

    def has_sessions_on(self, day: date | None) -> bool:
        """True when some session is filed under ``day`` (None: sessions with no known day)."""
        return bool(self._unsorted.get(day))

    def sessions_on(self, day: date | None) -> Sequence[Session]:
        """The sessions filed under ``day`` in time order (sorted once per day, then kept)."""
        ordered = self._ordered.get(day)
        if ordered is None:
            ordered = self._ordered[day] = self._sort_day(self._unsorted.get(day, ()))
        return ordered

    def _sort_day(self, sessions: Iterable[Session]) -> tuple[Session, ...]:
        """``sessions`` of one day in :func:`sort_key`'s order, computed for one day: the
        day is left out of the keys (it is the same), timed sessions are sorted apart from
        those with no time (which follow them), and each start or end object is converted to
        a timestamp once (sessions rebuilt from the cache share them: 50,000 sessions have a
        few thousand). At 50,000 sessions this halves the time of putting them in order."""
        stamps: dict[int, float] = {}  # by id(): only while the sessions hold the objects
        chosen = list(sessions)
        folded = [session.title.casefold() for session in chosen]
        titles: Sequence[object] = folded
        if _has_digit("\n".join(folded)):
            titles = [natural_key(session.title) for session in chosen]
        # else: with no digit in any title, natural_key(t) is ((1, folded),) (or () when
        # empty), and those compare as the folded texts do: the texts are the keys.
        timed: list[tuple[float, float, object, str, int, Session]] = []
        untimed: list[tuple[object, str, int, Session]] = []
        for n, session in enumerate(chosen):
            start, end = session.start, session.end
            if start is None or end is None:
                untimed.append((titles[n], session.id, n, session))
                continue
            begins = stamps.get(id(start))
            if begins is None:
                begins = stamps[id(start)] = start.timestamp()
            ends = stamps.get(id(end))
            if ends is None:
                ends = stamps[id(end)] = end.timestamp()
            timed.append((begins, ends, titles[n], session.id, n, session))
        # Sorted as they are: equal keys (a duplicated id in a program built by hand) are
        # told apart by their place, so no comparison reaches the sessions.
        timed.sort()
        untimed.sort()
        place, times = self._place, self._times
        for n, (begins, ends, _, session_id, _, _) in enumerate(timed):
            place[session_id] = n
            # The timestamps the sort computed anyway, kept for span() and the lists.
            times[session_id] = (begins, ends)
        for n, (_, session_id, _, _) in enumerate(untimed, start=len(timed)):
            place[session_id] = n
        return (*(row[-1] for row in timed), *(row[-1] for row in untimed))

    @cached_property
    def in_order(self) -> tuple[Session, ...]:
        """Every session in time order (:func:`sort_key`): day after day, None last."""
        return tuple(s for day in self.filed_days for s in self.sessions_on(day))

    def ordered(self, sessions: Iterable[Session]) -> list[Session]:
        """``sessions`` in time order (:func:`sort_key`). When their days are in order
        already, by their day and place in it, which computes no sort key at all."""
        chosen = list(sessions)
        place, by_id, sorted_days = self._place, self.program.session_by_id, self._ordered
        if all(s.day in sorted_days and by_id.get(s.id) is s for s in chosen):
            # sort_key's first part is the day (None last), and a day's order is sort_key's.
            return sorted(chosen, key=lambda s: (s.day or date.max, place[s.id]))
        return in_time_order(chosen)

    # -- times --------------------------------------------------------------------------------

    @property
    def times(self) -> Mapping[str, tuple[float, float]]:
        """(start, end) as POSIX timestamps of the timed sessions of the days put in order so
        far, by id: comparing these floats is far cheaper than comparing aware datetimes
        whose tzinfo objects differ (each parsed time has its own)."""
        return self._times

    def span(self, session: Session) -> tuple[float, float] | None:
        """``session``'s (start, end) as POSIX timestamps; None when it has no time."""
        if session.start is None or session.end is None:
            return None
        if self.program.session_by_id.get(session.id) is not session:  # not the program's own
            return (session.start.timestamp(), session.end.timestamp())
        span = self._times.get(session.id)
        if span is None:
            span = self._times[session.id] = (session.start.timestamp(), session.end.timestamp())
        return span

    @cached_property
    def _by_start(self) -> tuple[list[float], list[Session], list[Session]]:
        """Timed sessions shorter than a long one sorted by start (their starts beside them),
        and the long ones."""
        starts: list[tuple[float, int, Session]] = []
        long: list[Session] = []
        for n, session in enumerate(self.program.sessions):
            span = self.span(session)
            if span is None:
                continue
            if span[1] - span[0] >= LONG_SESSION_SECONDS:
                long.append(session)
            else:
                starts.append((span[0], n, session))
        starts.sort(key=itemgetter(0, 1))
        return [s[0] for s in starts], [s[2] for s in starts], long

    @cached_property
    def _longest_short(self) -> float:
        return max(
            (self._times[s.id][1] - self._times[s.id][0] for s in self._by_start[1]), default=0.0
        )

    def on_between(self, begin: float, until: float) -> list[Session]:
        """The timed sessions that start by ``until`` and may not have ended by ``begin``
        (POSIX timestamps; a superset: ended ones are not removed), in no particular order:
        a bisection on start times, not a scan of the program."""
        starts, sessions, long = self._by_start
        low = bisect.bisect_left(starts, begin - self._longest_short)
        high = bisect.bisect_right(starts, until)
        return [*sessions[low:high], *long]

    @cached_property
    def bounds(self) -> tuple[datetime, datetime] | None:
        """The first timed session's start and the last one's end; None if none is timed."""
        first: datetime | None = None
        last: datetime | None = None
        low = high = 0.0
        for session in self.program.sessions:
            span = self.span(session)
            if span is None or session.start is None or session.end is None:
                continue
            # The first of equal starts (and ends) in file order, as min() and max() keep.
            if first is None or span[0] < low:
                first, low = session.start, span[0]
            if last is None or span[1] > high:
                last, high = session.end, span[1]
        return None if first is None or last is None else (first, last)

    # -- people and places --------------------------------------------------------------------

    @cached_property
    def _by_person(self) -> dict[str, list[Session]]:
        # Sessions only (the role is read back from the session): 50,000 sessions have
        # about 100,000 people in them, and a pair each would double this map's memory.
        found: dict[str, list[Session]] = {}
        for session in self.program.sessions:
            for person in dict.fromkeys([*session.speakers, *session.chairs]):
                found.setdefault(person, []).append(session)
        return found

    def sessions_of_person(self, speaker_id: str) -> list[tuple[Session, Role]]:
        """The sessions a speaker speaks at or chairs, in time order, each with the role
        (speaking wins when they do both)."""
        found = self.ordered(self._by_person.get(speaker_id, ()))
        return [(s, "speaker" if speaker_id in s.speakers else "chair") for s in found]

    @cached_property
    def _papers_by_author(self) -> dict[str, list[Paper]]:
        found: dict[str, list[Paper]] = {}
        for paper in self.program.papers:
            for name in dict.fromkeys(_person_key(a.name) for a in paper.authors):
                found.setdefault(name, []).append(paper)
        return found

    def papers_of_person(self, speaker_id: str) -> list[Paper]:
        """Papers listing the speaker among their authors, in file order (matched by name, as
        papers name their authors rather than pointing at speaker ids)."""
        speaker = self.program.speaker_by_id.get(speaker_id)
        if speaker is None:
            return []
        return list(self._papers_by_author.get(_person_key(speaker.name), ()))

    @cached_property
    def _by_place(self) -> tuple[dict[str | None, list[Session]], dict[str | None, list[Session]]]:
        """The sessions by room and by track, in one pass."""
        rooms: dict[str | None, list[Session]] = {}
        tracks: dict[str | None, list[Session]] = {}
        for session in self.program.sessions:
            rooms.setdefault(session.room, []).append(session)
            tracks.setdefault(session.track, []).append(session)
        return rooms, tracks

    def sessions_in_room(self, room_id: str | None) -> Sequence[Session]:
        """The sessions in ``room_id`` (None: no room announced), in file order."""
        return self._by_place[0].get(room_id, ())

    def sessions_in_track(self, track_id: str | None) -> Sequence[Session]:
        """The sessions of ``track_id`` (None: no track), in file order."""
        return self._by_place[1].get(track_id, ())

    @cached_property
    def kinds(self) -> frozenset[SessionKind]:
        """The kinds of session the program has."""
        return frozenset(s.kind for s in self.program.sessions)

    # -- search -------------------------------------------------------------------------------

    @property
    def search_ready(self) -> bool:
        """True once the search index has been built (asking for it then costs nothing)."""
        return self._search is not None

    @property
    def search(self) -> SearchIndex:
        """The search index, built the first time it is asked for (a worker may ask first;
        a second asker waits for that build rather than making another)."""
        if self._search is None:
            with self._search_lock:
                if self._search is None:
                    from confterm.queries.search import SearchIndex

                    self._search = SearchIndex(self)
        return self._search

    # -- all at once --------------------------------------------------------------------------

    def prepare(self, first: Iterable[date | None] = ()) -> None:
        """Build every part now, the days in ``first`` before the others: the app does this
        in a thread once its first screen is up, so that no later question waits for a part
        to be built (on 50,000 sessions, the search index alone takes most of a second)."""
        for day in [*first, *self.filed_days]:
            self.sessions_on(day)
        # Attribute reads build the cached parts; the values are not needed here.
        for part in (
            "in_order",
            "_by_start",
            "_longest_short",
            "bounds",
            "_by_person",
            "_papers_by_author",
            "kinds",
        ):
            getattr(self, part)
        _ = self.search
