"""``confterm now``: what is on now and what comes next, in one line.

Made for a tmux status line, a shell prompt or a waybar module, which run it every few seconds:
it prints one line (or nothing at all, exit 0, when nothing is on and nothing starts soon), and
it starts as little as it can: no Textual, no rich, and no pydantic once the program is cached.

Bookmarked sessions come first; when none of them is on or starts within the window, the whole
program is used. ``--format`` names fields of the first session (the one on now, else the next
one): see :data:`FIELDS`. ``--json`` prints ``{"conference", "zone", "source": "bookmarks" |
"program", "now": [session + "minutes_left"], "next": [session]}`` (the session object of
:mod:`confterm.cli.output`).
"""

from __future__ import annotations

import json
import string
import sys
from datetime import timedelta, tzinfo
from typing import Any

from confterm.cli.context import Context
from confterm.errors import StoreError, UsageError
from confterm.model.program import Program, Session
from confterm.present.formatting import clock_time
from confterm.queries.nownext import Glance, at_a_glance, duration_text
from confterm.text import one_line
from confterm.timezones import zone_key, zone_name

#: The fields ``--format`` may name, and what each is.
FIELDS = {
    "title": "the session's title",
    "room": "its room ('' when not announced)",
    "start": "its start, HH:MM in the display zone",
    "end": "its end, HH:MM",
    "id": "its id",
    "kind": "its kind (Talk, Poster session...)",
    "state": "'now' or 'next'",
    "left": "'25 min' left (now) or 'in 10 min' (next)",
    "more": "'+2 more' when other sessions are on too, else ''",
}


def check_format(template: str) -> str:
    """``template`` once every field it names is one of :data:`FIELDS` (plain names only: no
    attribute or index lookups, so a format string can only ever print these values).

    Raises:
        UsageError: an unknown field, a lookup, or a malformed template.
    """
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError as error:
        raise UsageError(f"--format: {error}") from None
    for _text, name, spec, _conversion in parsed:
        if name is None:
            continue
        if name not in FIELDS or (spec and "{" in spec):
            raise UsageError(
                f"--format: unknown field {{{name}}}; use any of "
                + ", ".join(f"{{{field}}}" for field in FIELDS)
            )
    return template


def _bookmarked(context: Context, conference_id: str) -> set[str]:
    """The bookmarked session ids; none when the store cannot be read (a status line is no
    place for a store problem, which every other command reports)."""
    from confterm.store.bookmarks import BookmarkStore

    try:
        with BookmarkStore.open(context.data_dir) as store:
            return store.ids(conference_id)
    except StoreError:
        return set()


def run_now(context: Context) -> int:
    """``confterm now [--json | --format TEMPLATE] [--window MINUTES]``."""
    args = context.args
    template = check_format(args.format) if args.format is not None else None
    program = context.program
    zone = context.display_zone
    glance = at_a_glance(
        context.index,
        context.clock.now(),
        _bookmarked(context, program.conference.id),
        timedelta(minutes=args.window),
    )
    if glance.is_empty:
        return 0
    if args.json:
        sys.stdout.write(json.dumps(glance_json(program, glance, zone), ensure_ascii=False) + "\n")
    elif template is not None:
        sys.stdout.write(template.format_map(fields(program, glance, zone)) + "\n")
    else:
        sys.stdout.write(glance_line(program, glance, zone) + "\n")
    return 0


def fields(program: Program, glance: Glance, zone: tzinfo) -> dict[str, str]:
    """The values of :data:`FIELDS` for the first session of ``glance`` (not empty)."""
    if glance.in_progress:
        session, left = glance.in_progress[0]
        state, when = "now", duration_text(left)
        others = len(glance.in_progress) - 1
    else:
        session = glance.upcoming[0]
        assert session.start is not None
        state, when = "next", "in " + duration_text(session.start - glance.now)
        others = len(glance.upcoming) - 1
    return {
        "title": one_line(session.title),
        "room": one_line(program.room_name(session) or ""),
        "start": clock_time(session.start, zone) if session.start else "",
        "end": clock_time(session.end, zone) if session.end else "",
        "id": session.id,
        "kind": session.kind.label,
        "state": state,
        "left": when,
        "more": f"+{others} more" if others > 0 else "",
    }


def _where(program: Program, session: Session) -> str:
    room = program.room_name(session)
    return f"{one_line(session.title)} · {one_line(room)}" if room else one_line(session.title)


def glance_line(program: Program, glance: Glance, zone: tzinfo) -> str:
    """``Now: Title · Room (25 min left, +2 more) | Next 11:00: Title · Room``."""
    parts: list[str] = []
    if glance.in_progress:
        session, left = glance.in_progress[0]
        extra = f", +{len(glance.in_progress) - 1} more" if len(glance.in_progress) > 1 else ""
        parts.append(f"Now: {_where(program, session)} ({duration_text(left)} left{extra})")
    if glance.upcoming:
        session = glance.upcoming[0]
        assert session.start is not None
        extra = f" (+{len(glance.upcoming) - 1} more)" if len(glance.upcoming) > 1 else ""
        parts.append(f"Next {clock_time(session.start, zone)}: {_where(program, session)}{extra}")
    return " | ".join(parts)


def glance_json(program: Program, glance: Glance, zone: tzinfo) -> dict[str, Any]:
    """The ``--json`` object (see the module docstring)."""
    from confterm.export.records import session_json

    def on_now(session: Session, left: timedelta) -> dict[str, Any]:
        item = session_json(program, session, zone)
        item["minutes_left"] = -(-int(left.total_seconds()) // 60)
        return item

    return {
        "conference": program.conference.id,
        "zone": zone_key(zone) or zone_name(zone),
        "source": glance.source,
        "now": [on_now(s, left) for s, left in glance.in_progress],
        "next": [session_json(program, s, zone) for s in glance.upcoming],
    }
