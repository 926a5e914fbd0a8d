"""Commands: ``confterm agenda`` prints or exports the personal agenda (or the whole program);
``confterm calendar`` registers the calendar file that keeps itself current.

Text goes to a terminal as rich output and to a pipe as plain text; ``-o FILE`` writes any
format atomically, so an existing file is only replaced by a complete new one, and ``-o -``
writes to stdout. The format follows the file's extension unless ``--format`` says otherwise
(a contradiction is a usage error). The iCalendar form leaves out sessions with no announced
time (``--include-tba`` adds those with a day as all-day events) and says so on stderr.
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

from confterm.cli.context import Context
from confterm.cli.output import is_rich, make_console
from confterm.errors import UsageError
from confterm.export import format_for_path, render_bytes
from confterm.model.loading import gc_paused
from confterm.present.formatting import long_day_label
from confterm.queries.agenda import build_agenda
from confterm.store.bookmarks import BookmarkStore
from confterm.store.catalog import program_origin
from confterm.text import one_line

_NAMED_LEFT_OUT = 10


def _data_file(context: Context) -> Path | None:
    data = getattr(context.args, "data", None)
    return Path(data).expanduser() if data else None


def run_agenda(context: Context) -> int:
    """``confterm agenda``."""
    # A whole program's agenda makes hundreds of thousands of objects, none in a cycle, that
    # live until it is written: the collector would only scan them again and again (50,000
    # sessions as JSON: about 0.5 s of 2.8 s). Reference counting still frees them.
    with gc_paused():
        return _agenda(context)


def _agenda(context: Context) -> int:
    args = context.args
    to_stdout = args.output in (None, "-")
    format = (args.format or "text") if to_stdout else format_for_path(args.output, args.format)
    if args.alarm is not None and format != "ics":
        raise UsageError("--alarm only applies to the ics format")
    if args.include_tba and format != "ics":
        raise UsageError("--include-tba only applies to the ics format")
    program = context.program
    day = context.day(args.day) if args.day else None
    # The export moment (ics DTSTAMP, the "exported" line) is the real clock, never --now.
    now = datetime.now(UTC)
    origin = program_origin(
        program, getattr(args, "conference", None), _data_file(context), context.data_dir
    )
    from confterm.export.files import export_options, write_export

    with BookmarkStore.open(context.data_dir) as store:
        if store.recovery_message:
            sys.stderr.write(f"confterm: {one_line(store.recovery_message)}\n")
        marks = store.bookmarks(program.conference.id)
        agenda = build_agenda(context.index, marks, whole_program=args.all, day=day)
        options = export_options(
            store,
            program.conference.id,
            origin,
            now,
            alarm_minutes=args.alarm,
            include_tba=args.include_tba,
        )
        if format == "ics":
            from confterm.export.ics import left_out

            skipped = left_out(agenda, include_tba=args.include_tba)
            # Named one by one up to a screenful; a whole program's hundreds are counted.
            for session in skipped[:_NAMED_LEFT_OUT]:
                sys.stderr.write(
                    f"confterm: note: left out of the calendar (no announced time): "
                    f"{one_line(session.title)} [{session.id}]\n"
                )
            if len(skipped) > _NAMED_LEFT_OUT:
                sys.stderr.write(
                    f"confterm: note: and {len(skipped) - _NAMED_LEFT_OUT} more sessions with no "
                    "announced time (--include-tba adds those with a day as all-day events)\n"
                )
        zone = context.display_zone
        if not to_stdout:
            target = Path(args.output).expanduser()
            write_export(target, render_bytes(agenda, format, zone, options))
            print(f"Agenda written to {target.resolve()}")
            return 0
        if format == "text" and agenda.is_empty and day is not None and marks:
            print(f"Nothing bookmarked on {long_day_label(day)}.")
            return 0
        if format == "text" and args.output is None and is_rich():
            from confterm.export.text import rich_agenda  # rich: only for a terminal

            make_console().print(rich_agenda(agenda, zone))
            return 0
        data = render_bytes(agenda, format, zone, options)
    sys.stdout.flush()
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()
    return 0


def run_calendar(context: Context) -> int:
    """``confterm calendar [PATH] [--off] [--alarm N]``."""
    from confterm.export.calendar_file import Registration, register, registered, unregister

    args = context.args
    program = context.program
    conference_id = program.conference.id
    with BookmarkStore.open(context.data_dir) as store:
        if args.off:
            if args.path:
                raise UsageError("give a PATH or --off, not both")
            old = unregister(store, conference_id)
            if old is None:
                print(f"No calendar file was registered for {conference_id}.")
            else:
                print(f"No longer updating {old.path} (the file stays as it is).")
            return 0
        path = args.path
        if not path:
            current = registered(store, conference_id)
            if current is not None:
                print(f"{conference_id}: writing {current.path}")
                return 0
            # The settings file's calendar_file is the PATH given once and for all.
            path = context.settings.calendar_path()
            if path is None:
                print(
                    f"No calendar file for {conference_id}. "
                    "'confterm calendar PATH.ics' writes one and keeps it current."
                )
                return 0
        target = Path(path).expanduser().absolute()
        format_for_path(str(target), "ics")  # a .html or .md name is a usage error
        # The app's reminder setting (--remind, CONFTERM_REMIND, settings) when not given.
        alarm = args.alarm if args.alarm is not None else (context.remind_minutes or None)
        register(
            store, context.data_dir, context.index, Registration(target, _data_file(context), alarm)
        )
    print(f"{conference_id}: writing {target}, rewritten whenever bookmarks or the program change.")
    return 0
