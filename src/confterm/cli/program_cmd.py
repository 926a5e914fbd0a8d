"""Commands that read the program: list, show, booths, papers, validate, schema.

``--json`` output (stable; keys may be added, never removed or renamed):

* ``list``: ``{"conference": id, "zone": display zone, "sessions": [session, ...]}``, each
  session with its ``papers``;
* ``show``: one session object with ``papers``, ``chairs``, ``note`` and ``booths`` added;
* ``booths``: ``{"conference": id, "booths": [booth, ...]}``;
* ``papers``: ``{"conference": id, "papers": [paper, ...]}``.

The session, booth and paper objects are described in :mod:`confterm.cli.output`.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Sequence
from datetime import date, tzinfo
from pathlib import Path

from confterm.cli.context import Context
from confterm.cli.items import resolve_item
from confterm.cli.output import (
    Column,
    Detail,
    Section,
    print_details,
    print_json,
    print_sections,
)
from confterm.errors import StoreError
from confterm.export.records import (
    SessionRecords,
    booth_json,
    paper_json,
    session_json,
    speaker_json,
)
from confterm.model.loading import gc_paused, load_program_file
from confterm.model.program import Booth, Paper, Program, Session, Speaker
from confterm.present.formatting import (
    DAY_UNKNOWN,
    LOCATION_UNKNOWN,
    completeness_forms,
    day_label,
    kind_label,
    long_day_label,
    plural,
    time_range,
    when_label,
)
from confterm.queries.folding import matches_words
from confterm.queries.index import ProgramIndex
from confterm.queries.lookup import ItemType, program_short_ids
from confterm.queries.search import search_sessions
from confterm.text import one_line
from confterm.timezones import zone_key, zone_name

TIME_TBA_HEADING = "Time to be announced"

SESSION_COLUMNS = (
    Column("Id", style="dim"),
    Column("Time", style="bold"),
    Column("Kind", style="cyan"),
    Column("Title", pad=False),
    Column("Room", style="dim", pad=False, prefix="· "),
)
SEARCH_COLUMNS = (SESSION_COLUMNS[0], Column("Day"), *SESSION_COLUMNS[1:])


# --- list -------------------------------------------------------------------------------------


def run_list(context: Context) -> int:
    """``confterm list``."""
    # Listing a whole program makes an object or a row per session, none in a cycle: the
    # collector would only scan them again and again (as for an agenda, see run_agenda).
    with gc_paused():
        return _list(context)


def _list(context: Context) -> int:
    args = context.args
    program, index = context.program, context.index
    zone = context.display_zone
    day = context.day(args.day) if args.day else None
    sessions: Iterable[Session]
    if args.search:
        # The engine's ranking is the order the user asked for; keep it. Bookmarked sessions
        # go first among equals, as in the app.
        sessions = search_sessions(
            index, args.search, bookmarked=_bookmarked(context, program.conference.id)
        )
    elif day is not None:
        sessions = index.sessions_on(day)
    else:
        sessions = index.in_order
    sessions = [
        s
        for s in sessions
        if (day is None or s.day == day) and (args.kind is None or s.kind.value == args.kind)
    ]
    if args.json:
        records = SessionRecords(program, zone)
        print_json(
            {
                "conference": program.conference.id,
                # The IANA key, as documented, not the display name (UTC+01:00).
                "zone": zone_key(zone) or zone_name(zone),
                "sessions": records.session_texts(sessions),
            },
            expand=2,  # one line per session: readable, and fast at 50,000 sessions
        )
        return 0
    if args.search:
        if not sessions:
            print(f"No session matches {args.search!r}.")
            return 0
        heading = f"{plural(len(sessions), 'session')} matching {args.search!r} ({zone_name(zone)})"
        short = program_short_ids(program)
        rows = []
        for s in sessions:
            row = _session_row(program, s, zone, s.day, short)
            rows.append([row[0], day_label(s.day), *row[1:]])
        print_sections([Section(heading, rows)], SEARCH_COLUMNS)
        return 0
    print_sections(
        day_sections(index, sessions, zone), SESSION_COLUMNS, empty="No sessions to show."
    )
    # Last, where a terminal leaves it in view: how complete the listed program is.
    completeness = completeness_forms(sessions)
    if completeness:
        print(f"\n{completeness[0]}; the others say time TBA.")
    return 0


def _bookmarked(context: Context, conference_id: str) -> set[str]:
    """The bookmarked session ids (empty when there is no store, or it cannot be read: a
    tie-break is not worth failing a listing over)."""
    from confterm.store.bookmarks import BookmarkStore

    try:
        with BookmarkStore.open(context.data_dir) as store:
            return store.ids(conference_id)
    except StoreError:
        return set()


def day_sections(index: ProgramIndex, sessions: Iterable[Session], zone: tzinfo) -> list[Section]:
    """``sessions`` as one section per day (timed, then a "Time to be announced" section),
    with the sessions whose day is not known last."""
    program = index.program
    chosen_sessions = list(sessions)
    wanted = {s.id for s in chosen_sessions}
    # Only the days that hold a wanted session are put in order.
    wanted_days = {s.day for s in chosen_sessions}
    short = program_short_ids(program)
    sections: list[Section] = []
    for day in index.filed_days:
        if day is None or day not in wanted_days:
            continue
        chosen = [s for s in index.sessions_on(day) if s.id in wanted]
        if not chosen:
            continue
        timed = [_session_row(program, s, zone, day, short) for s in chosen if s.is_timed]
        untimed = [_session_row(program, s, zone, day, short) for s in chosen if not s.is_timed]
        heading = f"{long_day_label(day)} ({zone_name(zone)})"
        if timed:
            sections.append(Section(heading, timed))
            if untimed:
                sections.append(Section(TIME_TBA_HEADING, untimed, level=2))
        else:
            sections.append(Section(f"{heading} — {TIME_TBA_HEADING.lower()}", untimed))
    unknown = [
        _session_row(program, s, zone, None, short)
        for s in index.sessions_on(None)
        if s.id in wanted
    ]
    if unknown:
        sections.append(Section(DAY_UNKNOWN, unknown))
    return sections


def _session_row(
    program: Program, session: Session, zone: tzinfo, day: date | None, short: dict[str, str]
) -> list[str]:
    # Rows stay under their conference day; time_range names the weekday when the start
    # falls on another date in the display zone.
    return [
        short[session.id],
        time_range(session, zone, day),
        kind_label(session),
        session.title,
        program.room_name(session) or "",
    ]


# --- show -------------------------------------------------------------------------------------


def find_session(program: Program, text: str) -> Session:
    """The session that ``text`` names: its id, its short id or words of its title.

    Raises:
        DataError: no session matches.
        AmbiguousItem: several do (they are listed; exit 2).
    """
    item = resolve_item(program, text, [ItemType.SESSION], hint="see 'confterm list' for the ids")
    return program.session_by_id[item.id]


def run_show(context: Context) -> int:
    """``confterm show ID``."""
    program = context.program
    zone = context.display_zone
    session = find_session(program, context.args.session_id)
    papers = program.papers_by_session.get(session.id, [])
    booths = program.booths_by_session.get(session.id, [])
    if context.args.json:
        result = session_json(program, session, zone, papers=True)
        result["chairs"] = [speaker_json(s) for s in program.chairs_of(session)]
        result["note"] = session.note
        result["booths"] = [{"id": b.id, "organisation": one_line(b.organisation)} for b in booths]
        print_json(result)
        return 0
    fields = [
        Detail("Kind", [session.kind.label]),
        Detail("Also called", [one_line(alias) for alias in session.aliases]),
        Detail("When", [when_label(session, zone)]),
        Detail("Room", [program.room_name(session) or "not announced"]),
        Detail("Track", [program.track_name(session) or ""]),
        Detail("Speakers", [_person(s) for s in program.speakers_of(session)]),
        Detail("Chairs", [_person(s) for s in program.chairs_of(session)]),
        Detail("Description", [session.description], multiline=True),
        Detail("Papers", [_paper_line(p) for p in papers]),
        Detail("Links", [f"{link.title}: {link.url}" for link in session.links]),
        Detail("Source", [session.source_url or ""]),
        Detail("Note", [session.note or ""], multiline=True),
        Detail("Booths", [_booth_line(b) for b in booths]),
    ]
    print_details(session.title, fields, subtitle=session.id)
    return 0


def _person(speaker: Speaker) -> str:
    return f"{speaker.name} ({speaker.affiliation})" if speaker.affiliation else speaker.name


def _authors(paper: Paper) -> str:
    return ", ".join(
        f"{a.name} ({a.affiliation})" if a.affiliation else a.name for a in paper.authors
    )


def _paper_line(paper: Paper) -> str:
    award = f" [{paper.award}]" if paper.award else ""
    authors = _authors(paper)
    return f"{paper.title}{award}" + (f" — {authors}" if authors else "")


def _booth_line(booth: Booth) -> str:
    return f"{booth.organisation} ({booth.location or LOCATION_UNKNOWN})"


# --- booths and papers ------------------------------------------------------------------------

BOOTH_COLUMNS = (
    Column("Id", style="dim"),
    Column("Organisation"),
    Column("Level", style="cyan"),
    Column("Location", pad=False),
)
PAPER_COLUMNS = (
    Column("Id", style="dim"),
    Column("Title", pad=False),
    Column("Authors", style="dim", pad=False, prefix="— "),
    Column("Session", pad=False, prefix="@ "),
)


def run_booths(context: Context) -> int:
    """``confterm booths``."""
    program = context.program
    booths = sorted(program.booths, key=lambda b: b.organisation.casefold())
    if context.args.json:
        print_json({"conference": program.conference.id, "booths": [booth_json(b) for b in booths]})
        return 0
    short = program_short_ids(program)
    rows = [
        [short[b.id], b.organisation, b.level or "", b.location or LOCATION_UNKNOWN] for b in booths
    ]
    print_sections([Section(None, rows)], BOOTH_COLUMNS, empty="No booths announced.")
    return 0


def search_papers(papers: Sequence[Paper], text: str) -> list[Paper]:
    """Papers whose title, authors, topic or award contain every word of ``text``."""

    def haystack(paper: Paper) -> str:
        parts = [paper.title, paper.topic or "", paper.award or ""]
        parts += [f"{a.name} {a.affiliation or ''}" for a in paper.authors]
        return " ".join(parts)

    return [p for p in papers if matches_words(text, haystack(p))]


def run_papers(context: Context) -> int:
    """``confterm papers``."""
    program = context.program
    zone = context.display_zone
    papers = list(program.papers)
    if context.args.search:
        papers = search_papers(papers, context.args.search)
    if context.args.json:
        objects = [paper_json(p) for p in papers]
        print_json({"conference": program.conference.id, "papers": objects})
        return 0
    short = program_short_ids(program)
    rows: list[list[str]] = []
    for paper in papers:
        session = program.session_by_id.get(paper.session or "")
        where = ""
        if session is not None:
            when = time_range(session, zone, session.day)
            where = f"{session.title} ({day_label(session.day)}, {when})"
        award = f" [{paper.award}]" if paper.award else ""
        rows.append([short[paper.id], paper.title + award, _authors(paper), where])
    print_sections([Section(None, rows)], PAPER_COLUMNS, empty="No papers to show.")
    return 0


# --- validate and schema ----------------------------------------------------------------------


def schema_text() -> str:
    """The JSON Schema generated from the model, as written to data/schema.json."""
    from confterm.model.validation import program_json_schema

    return json.dumps(program_json_schema(), indent=2, ensure_ascii=False) + "\n"


def run_schema(context: Context) -> int:
    """``confterm schema [--agenda]``."""
    if getattr(context.args, "agenda", False):
        from confterm.export.agenda_schema import agenda_schema

        sys.stdout.write(json.dumps(agenda_schema(), indent=2, ensure_ascii=False) + "\n")
        return 0
    sys.stdout.write(schema_text())
    return 0


def run_validate(context: Context) -> int:
    """``confterm validate FILE``: a one-line summary, or one error line per problem."""
    program = load_program_file(Path(context.args.file))
    counts = (
        (len(program.sessions), "session"),
        (len(program.papers), "paper"),
        (len(program.booths), "booth"),
        (len(program.conference.days), "day"),
    )
    summary = ", ".join(plural(n, word) for n, word in counts)
    print(f"{context.args.file}: valid: {summary}")
    return 0
