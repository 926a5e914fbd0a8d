"""``confterm now``: what is on now and what comes next, in one line.

Made for a tmux status line, a shell prompt or a waybar module, which run it every few seconds:
it prints one line (or nothing at all, exit 0, when nothing is on and nothing starts soon), and
it starts as little as it can. It answers from the program's timeline
(:mod:`confterm.glance`), read with the standard library alone: no Textual, no rich, no
pydantic and no model, at any program size. Only when the timeline is missing or no longer
matches the program file is the program loaded, and the timeline made again.

Bookmarked sessions come first; when none of them is on or starts within the window, the whole
program is used. ``--format`` names fields of the first session (the one on now, else the next
one): see :data:`FIELDS`. ``--json`` prints ``{"conference", "zone", "source": "bookmarks" |
"program", "now": [session + "minutes_left"], "next": [session]}`` (the session object of
:mod:`confterm.export.records`).
"""

from __future__ import annotations

import os
import sqlite3
import sys
from datetime import UTC, datetime, timedelta, tzinfo

from confterm import paths
from confterm.errors import StoreError, UsageError
from confterm.glance.timeline import (
    Entry,
    Glance,
    Timeline,
    TimelineError,
    source_stamp,
    timeline_path,
)
from confterm.present.formatting import clock_time, duration_text, iso_or_none
from confterm.text import one_line
from confterm.timezones import zone_key, zone_name

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable
    from typing import Any

    from confterm.cli.context import Context

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
        parsed = list(_format_fields(template))
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


def _format_fields(template: str) -> Iterable[tuple[str, str | None, str | None, str | None]]:
    """``string.Formatter().parse(template)``: the string module imports re, a good part of
    the start of a status line's ``confterm now --format``; the parse itself is this C
    function of CPython's (raises ValueError for a malformed template)."""
    try:
        from _string import formatter_parser  # type: ignore[import-not-found]
    except ImportError:  # another Python
        import string

        return string.Formatter().parse(template)
    parsed: Iterable[tuple[str, str | None, str | None, str | None]]
    parsed = formatter_parser(template)
    return parsed


def _bookmarked(context: Context, conference_id: str) -> set[str]:
    """The bookmarked session ids; none when the store cannot be read (a status line is no
    place for a store problem, which every other command reports)."""
    from confterm.store.marks_read import read_ids

    store_file = os.path.join(context.data_dir_text, paths.BOOKMARKS_FILE)
    quick = read_ids(store_file, conference_id, "session")
    if quick is not None:
        return quick
    from confterm.store.bookmarks import BookmarkStore

    try:
        with BookmarkStore.open(context.data_dir) as store:
            return store.ids(conference_id)
    except StoreError:
        return set()


def open_timeline(context: Context) -> Timeline:
    """The timeline of the selected program: the one kept beside the program cache when it
    is current, else one made from the program now (and kept for the next run)."""
    source, _label = context.program_file_text
    stamp = source_stamp(source)
    keep_at = timeline_path(paths.program_cache_dir_text(), source)
    if stamp is not None:
        kept = Timeline.open(keep_at, source, stamp)
        if kept is not None:
            return kept
    # Loading the program (which the index does) reports a missing or bad file as every
    # command does.
    from confterm.glance.build import build_timeline

    return build_timeline(context.index, source, stamp, keep_at)


def run_now(context: Context) -> int:
    """``confterm now [--json | --format TEMPLATE] [--window MINUTES]``."""
    args = context.args
    template = check_format(args.format) if args.format is not None else None
    timeline = open_timeline(context)
    try:
        text = _answer(context, timeline, template)
    except (sqlite3.Error, TimelineError):
        # A kept timeline damaged inside (its meta table was sound), or whose zone is gone:
        # made again (from the program, which says what is wrong with it, if anything).
        timeline.close()
        text = _answer(context, _rebuilt(context), template)
    if text is not None:
        sys.stdout.write(text + "\n")
    return 0


def _rebuilt(context: Context) -> Timeline:
    import contextlib

    from confterm.glance.build import build_timeline

    source, _label = context.program_file_text
    keep_at = timeline_path(paths.program_cache_dir_text(), source)
    with contextlib.suppress(OSError):
        os.unlink(keep_at)
    return build_timeline(context.index, source, source_stamp(source), keep_at)


def _answer(context: Context, timeline: Timeline, template: str | None) -> str | None:
    """What to print (None: nothing is on and nothing is next)."""
    # The conference's zone (for a naive --now, or a display zone named from it) comes from
    # the timeline, so that the program is not loaded for it; in that zone, the default, the
    # entries' own local times are shown and zoneinfo is never imported.
    context.conference_zone_source = timeline.zone
    zone = None if context.shows_conference_zone else context.display_zone
    glance = timeline.glance(
        context.clock.now(),
        _bookmarked(context, timeline.conference_id),
        timedelta(minutes=context.args.window),
    )
    if glance.is_empty:
        return None
    if context.args.json:
        import json

        return json.dumps(glance_json(timeline, glance, zone), ensure_ascii=False)
    if template is not None:
        return template.format_map(fields(glance, zone))
    return glance_line(glance, zone)


def _shown(entry: Entry, zone: tzinfo | None, *, end: bool = False) -> tuple[datetime, tzinfo]:
    """The start (or end) of ``entry`` and the zone to show it in. ``zone`` None is the
    conference's: the time the timeline keeps in it, with its offset then."""
    if zone is None:
        local = datetime.fromisoformat(entry.end_local if end else entry.start_local)
        return local, local.tzinfo or UTC
    return (entry.end if end else entry.start), zone


def fields(glance: Glance, zone: tzinfo | None) -> dict[str, str]:
    """The values of :data:`FIELDS` for the first session of ``glance`` (not empty), with
    times in ``zone`` (None: the conference's)."""
    entry = glance.first_in_progress()
    if entry is not None:
        state, when = "now", duration_text(glance.left(entry))
        others = glance.count_in_progress - 1
    else:
        entry = glance.first_upcoming()
        assert entry is not None  # the glance is not empty
        state, when = "next", "in " + duration_text(entry.start - glance.now)
        others = glance.count_upcoming - 1
    return {
        "title": one_line(entry.title),
        "room": one_line(entry.room or ""),
        "start": clock_time(*_shown(entry, zone)),
        "end": clock_time(*_shown(entry, zone, end=True)),
        "id": entry.id,
        "kind": entry.kind,
        "state": state,
        "left": when,
        "more": f"+{others} more" if others > 0 else "",
    }


def _where(entry: Entry) -> str:
    room = entry.room
    return f"{one_line(entry.title)} · {one_line(room)}" if room else one_line(entry.title)


def glance_line(glance: Glance, zone: tzinfo | None) -> str:
    """``Now: Title · Room (25 min left, +2 more) | Next 11:00: Title · Room``, with times
    in ``zone`` (None: the conference's)."""
    parts: list[str] = []
    on, soon = glance.count_in_progress, glance.count_upcoming
    if (entry := glance.first_in_progress()) is not None:
        left = glance.left(entry)
        extra = f", +{on - 1} more" if on > 1 else ""
        parts.append(f"Now: {_where(entry)} ({duration_text(left)} left{extra})")
    if (entry := glance.first_upcoming()) is not None:
        extra = f" (+{soon - 1} more)" if soon > 1 else ""
        parts.append(f"Next {clock_time(*_shown(entry, zone))}: {_where(entry)}{extra}")
    return " | ".join(parts)


def glance_json(timeline: Timeline, glance: Glance, zone: tzinfo | None) -> dict[str, Any]:
    """The ``--json`` object (see the module docstring), with times in ``zone`` (None: the
    conference's)."""
    records = timeline.records([*glance.in_progress, *glance.upcoming])

    def record(entry: Entry) -> dict[str, Any]:
        item = dict(records[entry.rank])
        item["start"] = iso_or_none(*_shown(entry, zone))
        item["end"] = iso_or_none(*_shown(entry, zone, end=True))
        return item

    def on_now(entry: Entry) -> dict[str, Any]:
        item = record(entry)
        item["minutes_left"] = -(-int(glance.left(entry).total_seconds()) // 60)
        return item

    return {
        "conference": timeline.conference_id,
        "zone": timeline.zone_key if zone is None else zone_key(zone) or zone_name(zone),
        "source": glance.source,
        "now": [on_now(entry) for entry in glance.in_progress],
        "next": [record(entry) for entry in glance.upcoming],
    }
