"""Words shared by every agenda writer, so text, Markdown, HTML and the terminal say the same.

Each helper returns plain strings with no control character or escape sequence, on one line:
the model's texts as they are, since the model cleaned them once where the program was built
(:mod:`confterm.model.cleaning`), and text from elsewhere (what an export was made from)
cleaned here. The writers only add their own escaping and layout around them.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, tzinfo
from functools import lru_cache

from confterm.model.program import Booth, Paper, Program, Session
from confterm.present.formatting import (
    LOCATION_UNKNOWN,
    long_day_label,
    missing_label,
    time_range,
    zone_label,
)
from confterm.queries.agenda import Agenda, MissingBookmark
from confterm.text import one_line

#: Least width of the time column in plain text: ``22:00–01:00+1`` is the longest value in
#: the conference zone; a weekday prefix (``Sun 00:30–01:15``) widens the column.
TIME_WIDTH = 13


def title(agenda: Agenda) -> str:
    """``My agenda: Tiny Conference 2026`` (or ``Program: ...`` for ``--all``)."""
    what = "Program" if agenda.whole_program else "My agenda"
    return f"{what}: {agenda.program.conference.name}"


def as_of(agenda: Agenda, made_from: str | None, now: datetime | None) -> str:
    """What the export was made from and when: ``Made from Tiny Conference 2026, program as
    of 2026-03-01 10:00 UTC; exported 2026-03-05 08:00 UTC.``"""
    source = one_line(made_from) if made_from else agenda.program.conference.name
    moment = (now or datetime.now(UTC)).astimezone(UTC)
    return f"Made from {source}; exported {moment:%Y-%m-%d %H:%M} UTC."


def day_heading(day: date | None) -> str:
    """``Saturday 7 March 2026``; ``Day not announced`` for sessions with no day.

    Sessions stay under their conference day in every zone (the program's structure); their
    times name another weekday where the date in the display zone differs (see
    :func:`session_time`)."""
    return long_day_label(day)


def session_time(session: Session, zone: tzinfo, day: date | None) -> str:
    """The session's time range in ``zone`` as listed under ``day``: ``09:00–10:00``, or
    ``Sun 00:30–01:15`` when it starts on another date in ``zone``."""
    if session.start is None or session.end is None:
        return time_range(session, zone, day)
    return _time_range(session.start, session.end, zone, day)


@lru_cache(maxsize=4096)
def _time_range(start: datetime, end: datetime, zone: tzinfo, day: date | None) -> str:
    # Sessions share their slots: a whole program of 50,000 sessions has a few thousand
    # distinct (start, end) pairs, each converted and formatted once (0.2 s saved). Equal
    # instants are equal keys whatever their offset and convert alike, so the cache cannot
    # mix two different times.
    return time_range(Session(id="-", title="-", start=start, end=end), zone, day)


def day_zone(day: date | None, zone: tzinfo) -> str | None:
    """``America/New_York (EST)``, named at noon of ``day`` so a DST change shows; None
    for the day-less group (it has no times to qualify)."""
    if day is None:
        return None
    return zone_label(zone, datetime.combine(day, time(12), tzinfo=zone))


def session_title(session: Session) -> str:
    """The title, safe to print."""
    return session.title


def people(program: Program, session: Session) -> list[str]:
    """``Ada Lovelace, Grace Hopper`` and ``chaired by Margaret Hamilton``, when present."""
    by_id = program.speaker_by_id
    parts = []
    speakers = ", ".join([by_id[s].name for s in session.speakers if s in by_id])
    if speakers:
        parts.append(speakers)
    if session.chairs:  # most sessions have none
        chairs = ", ".join([by_id[s].name for s in session.chairs if s in by_id])
        if chairs:
            parts.append(f"chaired by {chairs}")
    return parts


def room(program: Program, session: Session) -> str | None:
    """The room's name, safe to print, or None when not announced."""
    return program.room_name(session)


def session_details(program: Program, session: Session) -> list[str]:
    """Kind, room, speakers (and chairs), each present part once: ``Keynote``, ``Main Hall``..."""
    where = room(program, session)
    return [session.kind.label, *([where] if where else []), *people(program, session)]


def clash_notes(
    agenda: Agenda, session: Session, zone: tzinfo, day: date | None = None
) -> list[str]:
    """``Other Talk (10:45–11:30)`` for each bookmarked session this one overlaps; times
    as listed under ``day``."""
    notes = []
    for other_id in agenda.clashes.get(session.id, []):
        other = agenda.program.session_by_id.get(other_id)
        if other is not None:
            notes.append(f"{session_title(other)} ({session_time(other, zone, day)})")
    return notes


def papers(agenda: Agenda, session: Session) -> list[tuple[Paper, bool]]:
    """The papers ``session`` presents, in program order, each with whether it is starred."""
    presented = agenda.program.papers_by_session.get(session.id)
    if not presented:
        return []
    starred = agenda.starred_papers
    return [(p, p.id in starred) for p in presented]


def paper_line(paper: Paper) -> str:
    """``Fast Lists for Slow Terminals — Grace Hopper, Alan Turing (Best Paper)``."""
    line = paper.title
    authors = ", ".join(a.name for a in paper.authors)
    if authors:
        line += f" — {authors}"
    if paper.award:
        line += f" ({paper.award})"
    return line


STAR = "★"


def session_url(session: Session) -> str | None:
    """The session's own page, when the program names an http(s) one."""
    return _web(session.source_url)


def paper_url(paper: Paper) -> str | None:
    """The paper's page, when the program names an http(s) one."""
    return _web(paper.url or paper.source_url)


def _web(url: str | None) -> str | None:
    # Only web pages become links: a "javascript:" or "file:" URL from a hostile program
    # must not be one click away in an exported page (the model refuses them too).
    if not url:
        return None
    return url if url.lower().startswith(("https://", "http://")) else None


def booth_line(booth: Booth) -> str:
    """``Acme Corp (Gold) — Booth 12``."""
    name = booth.organisation
    if booth.level:
        name += f" ({booth.level})"
    location = booth.location or LOCATION_UNKNOWN
    return f"{name} — {location}"


def missing_line(mark: MissingBookmark, zone: tzinfo) -> str:
    """``session removed-talk (bookmarked 2026-03-01)``; by name when the store remembers
    it: ``Rust in Space (was Sat 28 Dec 14:00–15:00, Saal 1) (bookmarked 2026-03-01)``."""
    added = mark.added_at.astimezone(zone).date().isoformat()
    return f"{missing_label(mark.kind, mark.item_id, mark.last_known, zone)} (bookmarked {added})"


BOOTHS_HEADING = "Booths to visit"
MISSING_HEADING = "Bookmarks no longer in the program"
CLASH_LABEL = "clashes with"


def empty_message(agenda: Agenda) -> str:
    """What an empty agenda says instead of printing nothing."""
    short = agenda.program.conference.short_name
    if agenda.whole_program:
        return f"No sessions to show for {short}."
    return (
        f"Nothing bookmarked for {short} yet. Bookmark sessions with b in the app or "
        "'confterm bookmark add ID'; 'confterm agenda --all' prints the whole program."
    )
