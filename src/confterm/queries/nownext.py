"""Now & next: what is on at a moment, what starts soon, or when the conference starts.

Pure functions of a program and a moment, so the app can redraw it as its clock runs and tests
can move the clock wherever they like. No Textual.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, time, timedelta, tzinfo
from typing import Literal

from confterm.model.program import Program, Session
from confterm.present.formatting import clock_time, day_label

# Re-exported: now & next's users name it from here.
from confterm.present.formatting import duration_text as duration_text
from confterm.queries.index import ProgramIndex

DEFAULT_WINDOW = timedelta(minutes=90)
State = Literal["before", "during", "after"]


@dataclass
class NowNext:
    """Sessions in progress (with the time they have left) and those starting soon."""

    state: State
    now: datetime
    starts_at: datetime
    ended_at: datetime
    in_progress: list[tuple[Session, timedelta]] = field(default_factory=list)
    upcoming: list[Session] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        """True when nothing is on and nothing starts within the window."""
        return not (self.in_progress or self.upcoming)


def conference_bounds(index: ProgramIndex) -> tuple[datetime, datetime]:
    """When the conference starts and ends: its first timed session's start and last one's
    end, or midnight of its first and after its last day when nothing is timed."""
    if index.bounds is not None:
        return index.bounds
    zone = index.program.conference.zone
    days = index.days
    conference = index.program.conference
    first_day = days[0] if days else conference.start_date
    last_day = days[-1] if days else conference.end_date
    start = datetime.combine(first_day, time(0), zone)
    end = datetime.combine(last_day + timedelta(days=1), time(0), zone)
    return start, end


def now_and_next(index: ProgramIndex, now: datetime, window: timedelta = DEFAULT_WINDOW) -> NowNext:
    """What is on at ``now`` across all rooms, and what starts within ``window`` after it."""
    starts_at, ended_at = conference_bounds(index)
    state: State = "before" if now < starts_at else "after" if now >= ended_at else "during"
    result = NowNext(state=state, now=now, starts_at=starts_at, ended_at=ended_at)
    # Only the sessions on around that time are looked at, not the whole program, and
    # compared as timestamps (comparing aware datetimes converts each to UTC first).
    moment, until = now.timestamp(), (now + window).timestamp()
    on, soon = [], []
    for session in index.on_between(moment, until):
        span = index.span(session)
        if span is None:
            continue
        if span[0] <= moment < span[1]:
            on.append(session)
        elif moment < span[0] <= until:
            soon.append(session)
    result.in_progress = [(s, s.end - now) for s in index.ordered(on) if s.end is not None]
    result.upcoming = index.ordered(soon)
    result.in_progress.sort(key=lambda pair: (pair[1], pair[0].start or now))
    return result


def first_session_id(index: ProgramIndex) -> str | None:
    """The first session of the first day that has one (timed sessions first), for "jump
    to the first day"."""
    for day in index.filed_days:
        if day is not None:
            sessions = index.sessions_on(day)
            if sessions:
                return sessions[0].id
    return None


def outside_message(program: Program, result: NowNext, zone: tzinfo) -> str | None:
    """The line shown before or after the conference; None while it runs."""
    name = program.conference.short_name
    if result.state == "before":
        start = result.starts_at.astimezone(zone)
        wait = duration_text(result.starts_at - result.now)
        return f"{name} starts {day_label(start.date())} at {clock_time(start, zone)} (in {wait})."
    if result.state == "after":
        end = result.ended_at.astimezone(zone)
        return f"{name} ended {day_label(end.date())} at {clock_time(end, zone)}."
    return None
