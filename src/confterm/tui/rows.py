"""The rows the app's lists show, built from the program as plain data (no Textual here).

Each list in the app (a day's sessions, booths, papers, my agenda) is a flat sequence of rows:
headings that the cursor skips and items that it lands on. Building them is pure and fast, so it
is unit-tested directly and the widgets only draw what is visible.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import tzinfo

from confterm.agenda import Agenda, group_by_start, overlaps
from confterm.formatting import TIME_TBA, clock_time, day_label, time_range
from confterm.model.program import Booth, Paper, Program, Session
from confterm.text import one_line
from confterm.tui.messages import JumpTarget

TBA_HEADING = "Time to be announced"
NO_LOCATION = "location not announced"


@dataclass(frozen=True, slots=True)
class Heading:
    """A line the cursor skips: a start time, a day, a section name."""

    text: str

    @property
    def target(self) -> None:
        """Headings lead nowhere."""
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

    @property
    def target(self) -> None:
        """There is nothing left to go to."""
        return None


Row = Heading | SessionRow | BoothRow | PaperRow | MissingRow


def session_row(
    program: Program, session: Session, zone: tzinfo, *, bookmarked: bool, clash: bool
) -> SessionRow:
    """The row of one session."""
    return SessionRow(
        session_id=session.id,
        time=time_range(session, zone),
        kind=session.kind.label,
        title=one_line(session.title),
        room=one_line(program.room_name(session) or ""),
        bookmarked=bookmarked,
        clash=clash,
    )


def relevant_bookmarks(sessions: Sequence[Session], bookmarked: Iterable[Session]) -> list[Session]:
    """The bookmarked sessions that can overlap any of ``sessions`` (those within their span).

    Clash checks on a day then cost (day size x a handful) instead of (day size x bookmarks).
    """
    starts = [s.start for s in sessions if s.start is not None and s.end is not None]
    ends = [s.end for s in sessions if s.start is not None and s.end is not None]
    if not starts:
        return []
    first, last = min(starts), max(ends)
    return [
        b
        for b in bookmarked
        if b.start is not None and b.end is not None and b.start < last and first < b.end
    ]


def has_clash(session: Session, bookmarked: Iterable[Session]) -> bool:
    """True when ``session`` overlaps a bookmarked session other than itself."""
    return any(other.id != session.id and overlaps(session, other) for other in bookmarked)


def day_rows(
    program: Program,
    sessions: Sequence[Session],
    zone: tzinfo,
    bookmarked: set[str],
) -> list[Row]:
    """A day's sessions (already in time order) grouped under their start time, with
    untimed ones last under "Time to be announced"."""
    marked = relevant_bookmarks(
        sessions, (program.session_by_id[i] for i in bookmarked if i in program.session_by_id)
    )
    rows: list[Row] = []
    for start, group in group_by_start(sessions):
        rows.append(Heading(clock_time(start, zone) if start is not None else TBA_HEADING))
        for session in group:
            rows.append(
                session_row(
                    program,
                    session,
                    zone,
                    bookmarked=session.id in bookmarked,
                    clash=bool(marked) and has_clash(session, marked),
                )
            )
    return rows


def remark(
    program: Program, rows: list[Row], session_ids: Iterable[str], bookmarked: set[str]
) -> list[int]:
    """Update, in place, the bookmark and clash marks of the rows showing ``session_ids`` and
    of every row that overlaps them; return the indexes that changed."""
    wanted = set(session_ids)
    touched = [program.session_by_id[i] for i in wanted if i in program.session_by_id]
    marked = [program.session_by_id[i] for i in bookmarked if i in program.session_by_id]
    changed = []
    for index, row in enumerate(rows):
        if not isinstance(row, SessionRow):
            continue
        session = program.session_by_id.get(row.session_id)
        if session is None:
            continue
        if row.session_id not in wanted and not any(overlaps(session, t) for t in touched):
            continue
        new = replace(
            row, bookmarked=row.session_id in bookmarked, clash=has_clash(session, marked)
        )
        if new != row:
            rows[index] = new
            changed.append(index)
    return changed


def booth_row(booth: Booth, *, to_visit: bool) -> BoothRow:
    """The row of one booth."""
    return BoothRow(
        booth_id=booth.id,
        organisation=one_line(booth.organisation),
        level=one_line(booth.level or ""),
        location=one_line(booth.location) if booth.location else NO_LOCATION,
        to_visit=to_visit,
    )


def booth_rows(program: Program, to_visit: set[str]) -> list[Row]:
    """Every booth, in file order."""
    return [booth_row(booth, to_visit=booth.id in to_visit) for booth in program.booths]


def author_line(paper: Paper, limit: int = 3) -> str:
    """``A. One, B. Two, C. Three +2``."""
    names = [one_line(a.name) for a in paper.authors]
    shown = ", ".join(names[:limit])
    return f"{shown} +{len(names) - limit}" if len(names) > limit else shown


def session_label(program: Program, session_id: str | None, zone: tzinfo) -> str:
    """``Tue 13 May 10:30 · Oral Session: Systems``, or "session not announced"."""
    session = program.session_by_id.get(session_id) if session_id else None
    if session is None:
        return "session not announced"
    when = day_label(session.day) if session.day else ""
    if session.start is not None and session.end is not None:
        when = f"{when} {clock_time(session.start, zone)}".strip()
    title = one_line(session.title)
    return f"{when} · {title}" if when else title


def paper_rows(program: Program, zone: tzinfo) -> list[Row]:
    """Every accepted paper, in file order."""
    return [
        PaperRow(
            paper_id=paper.id,
            title=one_line(paper.title),
            authors=author_line(paper),
            session=session_label(program, paper.session, zone),
        )
        for paper in program.papers
    ]


def agenda_rows(agenda: Agenda, zone: tzinfo) -> list[Row]:
    """My agenda: bookmarked sessions by day (clashes marked), booths to visit, and bookmarks
    that no longer match anything in the program."""
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
                    bookmarked=True,
                    clash=session.id in agenda.clashes,
                )
            )
    if agenda.booths:
        rows.append(Heading("Booths to visit"))
        rows.extend(booth_row(booth, to_visit=True) for booth in agenda.booths)
    if agenda.missing:
        rows.append(Heading("No longer in the program"))
        rows.extend(
            MissingRow(m.kind, one_line(m.item_id), m.added_at.astimezone(zone).strftime("%d %b"))
            for m in agenda.missing
        )
    return rows


__all__ = [
    "NO_LOCATION",
    "TBA_HEADING",
    "TIME_TBA",
    "BoothRow",
    "Heading",
    "MissingRow",
    "PaperRow",
    "Row",
    "SessionRow",
    "agenda_rows",
    "booth_rows",
    "day_rows",
    "paper_rows",
    "remark",
]
