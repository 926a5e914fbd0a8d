"""Commands that manage conferences: import (and refresh), conferences, remove.

``confterm import SOURCE`` converts a frab/Pentabarf XML, frab/pretalx JSON, Sessionize JSON
or iCalendar schedule (file or http(s) URL) and stores it in the user data dir. The global
``--tz ZONE`` names the *source's* zone here (for naive times); "conference", its default,
means "not given".
"""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING

from confterm.cli.context import Context
from confterm.cli.output import Column, Section, print_sections
from confterm.errors import DataError, UsageError
from confterm.model.loading import load_program_file
from confterm.model.program import Program, Session
from confterm.present.formatting import date_span, plural
from confterm.store import catalog
from confterm.text import one_line
from confterm.timezones import zone_name

if TYPE_CHECKING:
    # The readers of outside formats load only for the commands that import: not to open
    # the app, not for `list`.
    from confterm.sources import ImportResult
    from confterm.sources.changes import Change, ProgramChanges
    from confterm.sources.fetch import Validators


def _source_zone(context: Context) -> str | None:
    spec = getattr(context.args, "tz", "conference") or "conference"
    return None if spec == "conference" else spec


def _check_id(conference_id: str | None) -> None:
    if conference_id is not None:
        catalog.check_conference_id(conference_id)
    if conference_id is not None and conference_id in catalog.bundled_ids():
        raise UsageError(
            f"{conference_id!r} is a bundled conference: pass --id ID to import under another id"
        )


def run_import(context: Context) -> int:
    """``confterm import SOURCE [--id ID] [--name NAME] [--tz ZONE]`` and
    ``import --refresh ID [--name NAME]``."""
    args = context.args
    name = _name_option(context)
    if args.refresh:
        if args.source or args.id:
            raise UsageError("import --refresh ID takes no SOURCE and no --id")
        return _refresh(context, args.refresh, name)
    if not args.source:
        raise UsageError("import: give a SOURCE (file or http(s) URL) or --refresh ID")
    _check_id(args.id)
    tz = _source_zone(context)
    from confterm.sources import import_bytes
    from confterm.sources.fetch import fetch_if_changed, is_url, read_source

    validators = None
    if is_url(args.source):
        # Downloaded here to keep what identifies this version, for a conditional --refresh.
        fetched = fetch_if_changed(args.source)
        if fetched is None:
            raise DataError(f"{args.source}: download failed: HTTP 304 without a request for it")
        raw, label, validators = fetched.data, args.source, fetched.validators
    else:
        raw, label = read_source(args.source)
    result = import_bytes(raw, label, conference_id=args.id, tz=tz, name=name)
    conference_id = result.program.conference.id
    _check_id(conference_id)
    old_path = catalog.imported_program_path(context.data_dir, conference_id)
    old = _previous(old_path)
    if old is not None and name is None:
        # A name given earlier with --name stays until another --name replaces it.
        stored = catalog.imported_meta(context.data_dir, conference_id).get("name")
        if isinstance(stored, str) and stored:
            name = stored
            result = import_bytes(raw, label, conference_id=conference_id, tz=tz, name=name)
    path = _store(context, result, args.source, tz, name, validators)
    # Imported to be used: commands and the app open it until another conference is named.
    now_default = catalog.remember_conference(context.data_dir, conference_id)
    _print_summary(result, path)
    if old is not None:
        print("(replaced the previous import of this conference)")
        _report_changes(context, old, result.program)
    else:
        _remember(context, None, result.program)
    if now_default:
        print(f"confterm now opens {conference_id} unless told otherwise (--conference ID)")
    return 0


def _name_option(context: Context) -> str | None:
    name = getattr(context.args, "name", None)
    if name is None:
        return None
    cleaned = one_line(name)
    if not cleaned:
        raise UsageError("--name: give a non-empty name")
    return cleaned


def _previous(path: Path) -> Program | None:
    """The program stored before this import, or None (none, or unreadable: then there is
    nothing to compare with, and the new import replaces it anyway)."""
    if not path.is_file():
        return None
    try:
        return load_program_file(path)
    except DataError:
        return None


def _store(
    context: Context,
    result: ImportResult,
    source: str,
    tz: str | None,
    name: str | None,
    validators: Validators | None = None,
) -> Path:
    from confterm.sources.fetch import is_url

    source_text = source if is_url(source) else str(Path(source).expanduser().resolve())
    meta: dict[str, object] = {
        "source": source_text,
        "format": result.format_name,
        "imported_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "tz": tz,
        "name": name,
        # What the server said identifies this version (a conditional GET at --refresh).
        "etag": validators.etag if validators else None,
        "last_modified": validators.last_modified if validators else None,
    }
    path = catalog.save_imported(context.data_dir, result.program, meta)
    # A registered calendar file follows the program (confterm calendar).
    from confterm.export.calendar_file import program_changed

    problem = program_changed(context.data_dir, result.program)
    if problem:
        sys.stderr.write(f"confterm: warning: {one_line(problem)}\n")
    return path


def _print_summary(result: ImportResult, path: Path) -> None:
    program = result.program
    conference = program.conference
    days = sorted({s.day for s in program.sessions if s.day is not None})
    print(f"imported {one_line(conference.name)} as {conference.id} ({result.format_name})")
    if days:
        span = f"{len(days)} ({conference.start_date} to {conference.end_date})"
    else:
        span = "none announced yet"  # the dates the model needs are placeholders then
    print(f"days: {span}, time zone {zone_name(conference.zone)}")
    print(
        f"sessions: {len(program.sessions)}, rooms: {len(program.rooms)}, "
        f"speakers: {len(program.speakers)}, tracks: {len(program.tracks)}"
    )
    for note in result.notes:
        print(f"note: {one_line(note)}")
    if result.skipped:
        print(f"skipped: {len(result.skipped)}")
        for line in result.skipped:
            print(f"  - {one_line(line)}")
    else:
        print("skipped: nothing")
    print(f"stored in {path}")


def _refresh(context: Context, conference_id: str, name: str | None) -> int:
    path = catalog.require_imported(context.data_dir, conference_id, action="refreshed")
    meta = catalog.imported_meta(context.data_dir, conference_id)
    source = meta.get("source")
    if not isinstance(source, str) or not source:
        raise DataError(f"{catalog.imported_meta_path(context.data_dir, conference_id)}: no source")
    stored_tz = meta.get("tz")
    tz = _source_zone(context) or (stored_tz if isinstance(stored_tz, str) else None)
    stored_name = meta.get("name")
    name = name or (stored_name if isinstance(stored_name, str) else None)
    from confterm.sources import import_bytes, import_source
    from confterm.sources.fetch import Validators, fetch_if_changed, is_url

    old = load_program_file(path)
    validators = None
    if is_url(source):
        etag, modified = meta.get("etag"), meta.get("last_modified")
        known = Validators(
            etag if isinstance(etag, str) else None,
            modified if isinstance(modified, str) else None,
        )
        fetched = fetch_if_changed(source, known)
        if fetched is None:
            print(
                f"{conference_id}: unchanged on the server since the last import; "
                "nothing downloaded"
            )
            return 0
        result = import_bytes(fetched.data, source, conference_id=conference_id, tz=tz, name=name)
        validators = fetched.validators
    else:
        result = import_source(source, conference_id=conference_id, tz=tz, name=name)
    new_path = _store(context, result, source, tz, name, validators)
    _print_summary(result, new_path)
    _report_changes(context, old, result.program)
    return 0


def _when(program: Program, session: Session) -> str:
    zone: tzinfo = program.conference.zone
    room = program.room_name(session)
    where = f" in {one_line(room)}" if room else ""
    if session.start is None:
        return f"{session.day or 'time to be announced'}{where}"
    return f"{session.start.astimezone(zone):%a %Y-%m-%d %H:%M}{where}"


def _report_changes(context: Context, old: Program, new: Program) -> None:
    """Print what changed since ``old``, bookmarked sessions first, and remember what the
    bookmarked sessions looked like (so one that left the program keeps its name)."""
    from confterm.sources.changes import diff_programs

    changes = diff_programs(old, new)
    bookmarked = _remember(context, old, new)
    _mark_changes(context, old, changes, bookmarked)
    _print_changes(old, new, changes, bookmarked)
    if any(c.id in bookmarked for c in changes.changed):
        print("the app marks the changed bookmarked sessions until you open them")


def _mark_changes(
    context: Context, old: Program, changes: ProgramChanges, bookmarked: set[str]
) -> None:
    """Keep a change mark for each bookmarked session moved, retitled or cancelled, with what
    it looked like before (the app shows them until seen: confterm.store.change_marks)."""
    from confterm.store.bookmarks import BookmarkStore, LastKnown
    from confterm.store.change_marks import record_changes

    marks: dict[str, tuple[tuple[str, ...], LastKnown]] = {}
    for change in changes.changed:
        before = change.before
        if change.id not in bookmarked or before is None:
            continue
        kinds = tuple(
            kind
            for kind, happened in (
                ("cancelled", change.cancelled),
                ("moved", change.moved),
                ("retitled", change.retitled),
            )
            if happened
        )
        look = LastKnown(before.title, before.day, before.start, before.end, old.room_name(before))
        marks[change.id] = (kinds, look)
    if marks:
        with BookmarkStore.open(context.data_dir) as store:
            record_changes(store, old.conference.id, marks)


def _change_line(old: Program, new: Program, change: Change) -> str:
    before, after = change.before, change.after
    if after is None:
        assert before is not None
        return f"removed: {one_line(before.title)} (was {_when(old, before)})"
    if before is None:
        return f"added: {one_line(after.title)} ({_when(new, after)})"
    parts = []
    if change.cancelled:
        # Named by the title the attendee knew; the new one says "cancelled" anyway.
        parts.append(f"CANCELLED: {one_line(before.title)} ({_when(new, after)})")
    elif change.retitled:
        parts.append(f"retitled: {one_line(before.title)} -> {one_line(after.title)}")
    if change.moved:
        where = f"({_when(old, before)} -> {_when(new, after)})"
        parts.append(f"moved: {one_line(after.title)} {where}" if not parts else f"moved {where}")
    return "; ".join(parts)


def _print_changes(old: Program, new: Program, changes: ProgramChanges, marked: set[str]) -> None:
    if changes.is_empty:
        print("changes: none")
        return
    cancelled = len(changes.cancelled)
    print(
        f"changes: {len(changes.added)} added, {len(changes.removed)} removed, "
        f"{len(changes.moved)} moved, {len(changes.retitled)} retitled"
        + (f" ({cancelled} cancelled)" if cancelled else "")
    )
    ordered = changes.ordered(marked)
    among = [c for c in ordered if c.id in marked]
    if among:
        print(f"bookmarked sessions among them: {len(among)}")
        for change in among:
            print(f"  * {_change_line(old, new, change)} [{change.id}]")
        if len(among) < len(ordered):
            print("other changes:")
    for change in ordered:
        if change.id not in marked:
            print(f"  {_change_line(old, new, change)}")


def _remember(context: Context, old: Program | None, new: Program) -> set[str]:
    """Record the last known title, day, times and room of every bookmarked session (from
    the new program, else the old one), and forget the calendar revisions of events that
    left the program and are not bookmarked; return the bookmarked session ids."""
    from confterm.export.ics import event_uid
    from confterm.store.bookmarks import BookmarkStore, ItemKind, LastKnown
    from confterm.store.revisions import prune_revisions

    conference_id = new.conference.id
    with BookmarkStore.open(context.data_dir) as store:
        marked = store.ids(conference_id)
        # A bookmarked session that left is still in the agenda and may come back: its
        # revision is kept, so its SEQUENCE goes on from where it was.
        keep = {event_uid(conference_id, s.id) for s in new.sessions}
        keep.update(event_uid(conference_id, session_id) for session_id in marked)
        prune_revisions(store, conference_id, keep)
        if not marked:
            return marked  # nothing to remember, and no store file created for nothing
        items: dict[tuple[ItemKind, str], LastKnown] = {}
        for program in (old, new):  # the new program's facts win
            if program is None:
                continue
            for session_id in marked:
                session = program.session_by_id.get(session_id)
                if session is not None:
                    items[(ItemKind.SESSION, session_id)] = LastKnown(
                        title=session.title,
                        day=session.day,
                        start=session.start,
                        end=session.end,
                        room=program.room_name(session),
                    )
        if items:
            store.remember(conference_id, items)
        return marked


def run_conferences(context: Context) -> int:
    """``confterm conferences [--json]``."""
    infos = catalog.list_conferences(context.data_dir)
    if context.args.json:
        payload = [info.to_json() for info in infos]
        sys.stdout.write(json.dumps(payload, indent=2, ensure_ascii=False) + "\n")
        return 0
    rows = []
    for info in infos:
        if info.bundled:
            origin = "bundled"
        else:
            origin = f"imported {_day_of(info.imported_at)}"
            if info.source:
                origin += f" from {one_line(info.source)}"
        rows.append(
            [
                info.id,
                one_line(info.name),
                date_span(info.start_date, info.end_date),
                plural(info.sessions, "session"),
                origin,
            ]
        )
    print_sections([Section(None, rows)], CONFERENCE_COLUMNS, empty="No conferences.")
    return 0


CONFERENCE_COLUMNS = (
    Column("Id", style="bold"),
    Column("Name"),
    Column("Dates"),
    Column("Sessions", style="dim"),
    Column("Source", style="dim", pad=False),
)


def _day_of(stamp: str | None) -> str:
    """The date of an ISO time stamp (the time of an import is noise in a listing)."""
    return stamp[:10] if stamp else "?"


def run_remove(context: Context) -> int:
    """``confterm remove ID [--yes] [--purge]``.

    Answering no keeps the conference (exit 0); Ctrl-D at the prompt is no answer: the
    conference is kept too, with exit 1, so a script that expected a removal notices.
    """
    args = context.args
    conference_id: str = args.conference_id
    catalog.require_imported(context.data_dir, conference_id, action="removed")
    if not args.yes:
        if not sys.stdin.isatty():
            raise UsageError("remove: confirmation needed: pass --yes (stdin is not a terminal)")
        try:
            answer = input(f"Remove the imported conference {conference_id}? [y/N] ")
        except EOFError:
            # Ctrl-D: the user gave no answer, which means "no"; exit 1 so scripts notice.
            print()
            print("not removed")
            return 1
        if answer.strip().lower() not in ("y", "yes"):
            print("not removed")
            return 0
    catalog.remove_imported(context.data_dir, conference_id)
    print(f"removed {conference_id}")
    from confterm.store.bookmarks import BookmarkStore
    from confterm.store.revisions import prune_revisions

    with BookmarkStore.open(context.data_dir) as store:
        # What its calendar events last looked like is of no use without the program; an
        # import of it again starts their SEQUENCE above what was forgotten.
        prune_revisions(store, conference_id)
        if args.purge:
            print(f"deleted {plural(store.purge(conference_id), 'bookmark')}")
        else:
            kept = len(store.ids(conference_id))
            if kept:
                print(f"kept {plural(kept, 'bookmark')} (use --purge to delete them)")
    return 0
