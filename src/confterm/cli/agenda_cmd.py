"""Command: ``confterm agenda`` prints or exports the personal agenda (or the whole program).

Text goes to a terminal as rich output and to a pipe as plain text; ``-o FILE`` writes any
format atomically, so an existing file is only replaced by a complete new one. The iCalendar
form leaves out sessions with no announced time and says so on stderr.
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

from confterm.atomic import write_atomic
from confterm.cli.context import Context
from confterm.cli.output import is_rich, make_console
from confterm.errors import DataError, UsageError
from confterm.export import render, render_bytes
from confterm.export.text import rich_agenda
from confterm.present.formatting import long_day_label
from confterm.queries.agenda import build_agenda, resolve_day
from confterm.store.bookmarks import BookmarkStore
from confterm.text import one_line


def run_agenda(context: Context) -> int:
    """``confterm agenda``."""
    args = context.args
    if args.alarm is not None and args.format != "ics":
        raise UsageError("--alarm only applies to --format ics")
    program = context.program
    day = resolve_day(context.index, args.day) if args.day else None
    with BookmarkStore.open(context.data_dir) as store:
        if store.recovery_message:
            sys.stderr.write(f"confterm: {one_line(store.recovery_message)}\n")
        marks = store.bookmarks(program.conference.id)
    agenda = build_agenda(context.index, marks, whole_program=args.all, day=day)
    if args.format == "ics":
        # Here, not at the top: icalendar is slow to import and only this format needs it.
        from confterm.export.ics import left_out

        for session in left_out(agenda):
            sys.stderr.write(
                f"confterm: note: left out of the calendar (no announced time): "
                f"{one_line(session.title)} [{session.id}]\n"
            )
    zone = context.display_zone
    # The export moment (ics DTSTAMP and SEQUENCE) is the real clock, never --now: a calendar
    # app only takes an update whose SEQUENCE did not go down since the previous real export.
    now = datetime.now(UTC)
    if args.output:
        encoded = render_bytes(agenda, args.format, zone, now=now, alarm_minutes=args.alarm)
        return _write(encoded, args.output)
    if args.format == "text" and agenda.is_empty and day is not None and marks:
        print(f"Nothing bookmarked on {long_day_label(day)}.")
        return 0
    if args.format == "text" and is_rich():
        make_console().print(rich_agenda(agenda, zone))
        return 0
    data = render(agenda, args.format, zone, now=now, alarm_minutes=args.alarm)
    if isinstance(data, bytes):
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    else:
        sys.stdout.write(data)
    return 0


def _write(data: bytes, name: str) -> int:
    target = Path(name).expanduser()
    directory = target.parent
    # write_atomic would create a missing directory; a typo in a path should not do that.
    if not directory.is_dir():
        raise DataError(f"cannot write {name}: directory {directory} does not exist")
    if target.is_dir():
        raise DataError(f"cannot write {name}: it is a directory")
    try:
        write_atomic(target, data)
    except OSError as error:
        raise DataError(f"cannot write {name}: {error.strerror or error}") from None
    print(f"Agenda written to {target.resolve()}")
    return 0
