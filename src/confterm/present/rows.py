"""The rows the app's lists show, built from the program as plain data (no Textual here).

Each list in the app (a day's sessions, booths, papers, my agenda) is a flat sequence of rows:
headings (and today's now-line) that the cursor skips and items that it lands on. Building them
is pure, so it is unit-tested directly; a day's rows (:mod:`confterm.present.day_rows`) are made
only when read, since a day can hold 10,000 sessions, and the widgets only draw what is visible.
"""

from __future__ import annotations

from collections.abc import Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from datetime import date, tzinfo

from confterm.model.program import Booth, Paper, Program, Session
from confterm.model.targets import JumpTarget
from confterm.present.formatting import (
    TIME_TBA,
    clock_time,
    day_label,
    kind_label,
    missing_label,
    time_range,
)
from confterm.queries.agenda import Agenda
from confterm.store.change_marks import ChangeMark
from confterm.text import one_line

TBA_HEADING = "Time to be announced"
NO_LOCATION = "location not announced"


#: My agenda's heading over starred papers whose session is not known.
PAPERS_WITHOUT_SESSION = "Starred papers, session not announced"


@dataclass(frozen=True, slots=True)
class Heading:
    """A line the cursor skips: a start time, a day, a section name."""

    text: str

    @property
    def target(self) -> None:
        """Headings lead nowhere."""
        return None


@dataclass(frozen=True, slots=True)
class NowLine:
    """The line marking the current time in today's list (``now 10:47``); the cursor skips it."""

    time: str

    @property
    def target(self) -> None:
        """The line leads nowhere."""
        return None


@dataclass(frozen=True, slots=True)
class SessionRow:
    """One session in a list."""

    session_id: str
    time: str
    kind: str
    title: str
    room: str
    bookmarked: bool = False
    clash: bool = False
    #: Who speaks (``A. One, B. Two +3``), else who chairs; "" when nobody is announced.
    speakers: str = ""
    #: On now by the app's clock (today's list marks it).
    in_progress: bool = False
    #: "moved", "changed" or "cancelled" while a refresh's change is not yet seen, else "".
    change: str = ""
    #: A word on the time (now & next: ``25 min left``, ``in 10 min``; a speaker's page:
    #: ``chair``), drawn at the end of the row.
    note: str = ""

    @property
    def target(self) -> JumpTarget:
        """Where Enter leads."""
        return JumpTarget("session", self.session_id)


@dataclass(frozen=True, slots=True)
class BoothRow:
    """One booth in a list."""

    booth_id: str
    organisation: str
    level: str
    location: str
    to_visit: bool = False

    @property
    def target(self) -> JumpTarget:
        """Where Enter leads."""
        return JumpTarget("booth", self.booth_id)


@dataclass(frozen=True, slots=True)
class PaperRow:
    """One paper in a list, with the session presenting it when known."""

    paper_id: str
    title: str
    authors: str
    session: str
    starred: bool = False

    @property
    def target(self) -> JumpTarget:
        """Where Enter leads."""
        return JumpTarget("paper", self.paper_id)


@dataclass(frozen=True, slots=True)
class MissingRow:
    """A bookmark whose session or booth is no longer in the program."""

    kind: str
    item_id: str
    added: str
    label: str = ""  # its last known title, day, time and room, else kind and id

    @property
    def target(self) -> None:
        """There is nothing left to go to."""
        return None


Row = Heading | NowLine | SessionRow | BoothRow | PaperRow | MissingRow


#: Names a row gives before ``+N`` (the rest are in the detail).
NAMES_SHOWN = 3


def name_list(names: list[str], limit: int = NAMES_SHOWN) -> str:
    """``A. One, B. Two, C. Three +2``: the first ``limit`` names and how many more."""
    shown = ", ".join(names[:limit])
    return f"{shown} +{len(names) - limit}" if len(names) > limit else shown


def speaker_line(program: Program, session: Session) -> str:
    """Who a session's row names: its speakers, else its chairs (a paper session's chair is
    who to look for), each name cleaned to one line."""
    people = program.speakers_of(session) or program.chairs_of(session)
    return name_list([one_line(person.name) for person in people])


def session_row(
    program: Program,
    session: Session,
    zone: tzinfo,
    *,
    bookmarked: bool,
    clash: bool,
    in_progress: bool = False,
    change: str = "",
    note: str = "",
    listed_on: date | None = None,
) -> SessionRow:
    """The row of one session, listed under its conference day (or ``listed_on``): a start
    on another date in ``zone`` names its weekday (``Sun 00:30–01:15``). ``change``: its
    unseen change mark's word (see :func:`confterm.present.change_marks.change_word`)."""
    return SessionRow(
        session_id=session.id,
        time=time_range(session, zone, listed_on or session.day),
        kind=kind_label(session),
        title=one_line(session.title),
        room=one_line(program.room_name(session) or ""),
        bookmarked=bookmarked,
        clash=clash,
        speakers=speaker_line(program, session),
        in_progress=in_progress,
        change=change,
        note=note,
    )


def booth_row(booth: Booth, *, to_visit: bool) -> BoothRow:
    """The row of one booth."""
    return BoothRow(
        booth_id=booth.id,
        organisation=one_line(booth.organisation),
        level=one_line(booth.level or ""),
        location=one_line(booth.location) if booth.location else NO_LOCATION,
        to_visit=to_visit,
    )


def booth_rows(program: Program, to_visit: AbstractSet[str]) -> list[Row]:
    """Every booth, in file order."""
    return [booth_row(booth, to_visit=booth.id in to_visit) for booth in program.booths]


def author_line(paper: Paper, limit: int = NAMES_SHOWN) -> str:
    """``A. One, B. Two, C. Three +2``."""
    return name_list([one_line(a.name) for a in paper.authors], limit)


def session_label(program: Program, session_id: str | None, zone: tzinfo) -> str:
    """``Tue 13 May 10:30 · Oral Session: Systems``, or "session not announced".

    A timed session is dated in ``zone`` (its conference day may be another date there)."""
    session = program.session_by_id.get(session_id) if session_id else None
    if session is None:
        return "session not announced"
    when = day_label(session.day) if session.day else ""
    if session.start is not None and session.end is not None:
        when = (
            f"{day_label(session.start.astimezone(zone).date())} {clock_time(session.start, zone)}"
        )
    title = one_line(session.title)
    return f"{when} · {title}" if when else title


NOT_ANNOUNCED = "session not announced"
#: Between a session's short name and its day and time.
SEPARATOR = " · "
#: A name before a colon longer than this is not a short name ("Keynote: ..." is).
SHORT_NAME_MAX = 24


def short_name(title: str) -> str:
    """``Session 1`` for ``Session 1: Graph Learning``; the whole title when it has no short
    prefix."""
    title = one_line(title)
    prefix, colon, _ = title.partition(":")
    prefix = prefix.strip()
    return prefix if colon and prefix and len(prefix) <= SHORT_NAME_MAX else title


def weekday_time(session: Session, zone: tzinfo) -> str:
    """``Tue 08:45`` in ``zone``; ``Tue`` when the time is not announced; "" without a day."""
    if session.start is not None and session.end is not None:
        return session.start.astimezone(zone).strftime("%a %H:%M")
    return f"{session.day:%a}" if session.day is not None else ""


def session_column(program: Program, session_id: str | None, zone: tzinfo) -> str:
    """``Session 1 · Tue 08:45``, or "session not announced"."""
    session = program.session_by_id.get(session_id) if session_id else None
    if session is None:
        return NOT_ANNOUNCED
    when = weekday_time(session, zone)
    name = short_name(session.title)
    return f"{name}{SEPARATOR}{when}" if when else name


def paper_row(program: Program, paper: Paper, zone: tzinfo, *, starred: bool) -> PaperRow:
    """The row of one paper, with the short session column and its star."""
    return PaperRow(
        paper_id=paper.id,
        title=one_line(paper.title),
        authors=author_line(paper),
        session=session_column(program, paper.session, zone),
        starred=starred,
    )


#: The Papers list's heading over the papers whose session is not known.
PAPERS_NOT_PLACED = "Session not announced"


def paper_rows(
    program: Program, zone: tzinfo, starred: AbstractSet[str] = frozenset()
) -> list[Row]:
    """Every accepted paper, in file order, with the short session column
    (``Session 1 · Tue 08:45``: which session and when, in a few cells) and its star; those
    whose session is not known last, under a heading of their own (in file order they sit
    among a session's papers, where they read as that session's)."""
    by_id = program.session_by_id
    placed = [p for p in program.papers if p.session is not None and p.session in by_id]
    rows: list[Row] = [paper_row(program, p, zone, starred=p.id in starred) for p in placed]
    if len(placed) < len(program.papers):
        ids = {p.id for p in placed}
        rows.append(Heading(PAPERS_NOT_PLACED))
        rows.extend(
            paper_row(program, p, zone, starred=p.id in starred)
            for p in program.papers
            if p.id not in ids
        )
    return rows


def agenda_rows(
    agenda: Agenda, zone: tzinfo, changes: Mapping[str, ChangeMark] | None = None
) -> list[Row]:
    """My agenda: bookmarked sessions by day (clashes and unseen ``changes`` marked), each
    followed by its starred papers (a session there only for its papers has no star of its
    own), starred papers with no known session, booths to visit, and bookmarks that no longer
    match anything."""
    from confterm.present.change_marks import change_word

    changes = changes or {}
    program = agenda.program
    rows: list[Row] = []
    for day in agenda.days:
        rows.append(Heading(day_label(day.day)))
        for session in day.sessions:
            rows.append(
                session_row(
                    program,
                    session,
                    zone,
                    bookmarked=session.id not in agenda.via_papers,
                    clash=session.id in agenda.clashes,
                    change=change_word(mark.kinds) if (mark := changes.get(session.id)) else "",
                )
            )
            rows.extend(
                paper_row(program, paper, zone, starred=True)
                for paper in agenda.starred_by_session.get(session.id, ())
            )
    if agenda.papers_without_session:
        rows.append(Heading(PAPERS_WITHOUT_SESSION))
        rows.extend(
            paper_row(program, paper, zone, starred=True) for paper in agenda.papers_without_session
        )
    if agenda.booths:
        rows.append(Heading("Booths to visit"))
        rows.extend(booth_row(booth, to_visit=True) for booth in agenda.booths)
    if agenda.missing:
        rows.append(Heading("No longer in the program"))
        rows.extend(
            MissingRow(
                m.kind,
                one_line(m.item_id),
                m.added_at.astimezone(zone).strftime("%d %b"),
                missing_label(m.kind, m.item_id, m.last_known, zone) if m.last_known else "",
            )
            for m in agenda.missing
        )
    return rows


__all__ = [
    "NO_LOCATION",
    "PAPERS_NOT_PLACED",
    "TBA_HEADING",
    "TIME_TBA",
    "BoothRow",
    "Heading",
    "MissingRow",
    "NowLine",
    "PaperRow",
    "Row",
    "SessionRow",
    "agenda_rows",
    "booth_rows",
    "name_list",
    "paper_rows",
    "session_column",
    "short_name",
    "speaker_line",
    "weekday_time",
]
