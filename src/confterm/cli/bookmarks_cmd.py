"""Commands: ``confterm bookmark add|remove|list`` on the selected conference.

Items are sessions, booths and papers (a paper is starred on its own; its session shows on the
agenda because of it). ``add`` and ``remove`` read their arguments the same way: ids, short
ids (as ``list``, ``booths`` and ``papers`` show them), words of a title, or ``-`` for ids read
from stdin; ``remove`` also takes the full id of a bookmark whose item left the program.
Several matches are listed and nothing changes (exit 2). A command naming any unknown item
changes nothing: every argument is checked first, then all changes are made in one
transaction. Bookmarks whose item has since left the program are never dropped silently; they
are listed apart.

The ``--json`` form of ``list`` is a stable list (new keys may be added, none removed)::

    [{"id": str, "kind": "session" | "booth" | "paper",
      "title": str | null (not in the program),
      "added_at": ISO 8601 (UTC), "in_program": bool, "day": "YYYY-MM-DD" | null,
      "start": ISO 8601 with the display zone's offset | null, "end": same,
      "room": {"id", "name"} | null (as in ``list --json``; the id is null for a session
        no longer in the program, named as it was last known)}]

A paper's day, times and room are those of the session presenting it.
"""

from __future__ import annotations

import sys
from collections.abc import Collection
from datetime import tzinfo
from typing import Any

from confterm.cli.context import Context
from confterm.cli.items import ambiguous
from confterm.cli.output import Column, Section, is_rich, make_console, print_json, print_sections
from confterm.errors import DataError, UsageError
from confterm.export.records import room_json
from confterm.model.program import Paper, Program, Session
from confterm.present.formatting import (
    LOCATION_UNKNOWN,
    day_label,
    iso_or_none,
    missing_label,
    time_range,
)
from confterm.queries.index import in_time_order
from confterm.queries.lookup import ItemType, find_items, program_short_ids
from confterm.store.bookmarks import Bookmark, BookmarkStore, ItemKind
from confterm.store.sharing import item_title
from confterm.text import one_line
from confterm.timezones import zone_name

SESSION_COLUMNS = (
    Column("Id", style="dim"),
    Column("Day"),
    Column("Time", style="bold"),
    Column("Title", pad=False),
    Column("Room", style="dim", pad=False, prefix="· "),
)
BOOTH_COLUMNS = (
    Column("Id", style="dim"),
    Column("Organisation"),
    Column("Location", style="dim", pad=False),
)
PAPER_COLUMNS = (
    Column("Id", style="dim"),
    Column("Title", pad=False),
    Column("Session", style="dim", pad=False, prefix="@ "),
)
STALE_COLUMNS = (
    Column("Kind"),
    Column("Id"),
    Column("Last known", pad=False),
    Column("Bookmarked", style="dim", pad=False, prefix="· "),
)


SHARING = ("export", "import", "compare")


def run_bookmark(context: Context) -> int:
    """``confterm bookmark add|remove|list|export|import|compare``."""
    args = context.args
    if args.action in SHARING:
        return _share(context)
    if args.output:
        raise UsageError("-o/--output only applies to 'bookmark export'")
    if args.action in ("add", "remove") and "-" in args.ids:
        args.ids = read_ids(args.ids, args.action)
    if args.action == "list":
        if args.ids:
            raise UsageError("bookmark list takes no ids")
    elif not args.ids:
        raise UsageError(f"bookmark {args.action}: give at least one session, booth or paper")
    elif args.json:
        raise UsageError("--json only applies to 'bookmark list'")
    program = context.program
    with BookmarkStore.open(context.data_dir) as store:
        if store.recovery_message:
            sys.stderr.write(f"confterm: {one_line(store.recovery_message)}\n")
        store.loaded[program.conference.id] = context.index  # for the calendar file hook
        if args.action in ("add", "remove"):
            status = (_add if args.action == "add" else _remove)(store, program, args.ids)
            if store.calendar_problem:
                sys.stderr.write(f"confterm: warning: {one_line(store.calendar_problem)}\n")
            return status
        return _list(store, program, context.display_zone, json=args.json)


def read_ids(ids: list[str], action: str = "add") -> list[str]:
    """``ids`` with ``-`` replaced by the ids read from stdin (separated by white space or
    commas; ``#`` starts a comment), e.g. ``confterm list --json | jq ... | bookmark add -``.

    Raises:
        UsageError: stdin is a terminal or holds no ids.
    """
    if sys.stdin is None or sys.stdin.isatty():
        raise UsageError(f"bookmark {action} -: pipe the ids in (stdin is a terminal)")
    read: list[str] = []
    for line in sys.stdin.read(1024 * 1024).splitlines():
        read.extend(line.split("#", 1)[0].replace(",", " ").split())
    if not read:
        raise UsageError(f"bookmark {action} -: no ids on stdin")
    result: list[str] = []
    for item_id in ids:
        result.extend(read if item_id == "-" else [item_id])
    return result


def _share(context: Context) -> int:
    from confterm.cli import sharing_cmd

    run = {
        "export": sharing_cmd.run_export,
        "import": sharing_cmd.run_import,
        "compare": sharing_cmd.run_compare,
    }[context.args.action]
    if context.args.json and context.args.action != "compare":
        raise UsageError("--json only applies to 'bookmark list' and 'bookmark compare'")
    with BookmarkStore.open(context.data_dir) as store:
        if store.recovery_message:
            sys.stderr.write(f"confterm: {one_line(store.recovery_message)}\n")
        return run(context, store)


def _unknown(ids: list[str], program: Program) -> DataError:
    plural = "s" if len(ids) > 1 else ""
    names = ", ".join(repr(i) for i in ids)
    return DataError(
        f"{program.conference.id}: unknown session, booth or paper{plural} {names}; "
        "nothing changed (see 'confterm list', 'confterm booths' and 'confterm papers')"
    )


def _kind_in_program(program: Program, item_id: str) -> ItemKind | None:
    if item_id in program.session_by_id:
        return ItemKind.SESSION
    if item_id in program.booth_by_id:
        return ItemKind.BOOTH
    if item_id in program.paper_by_id:
        return ItemKind.PAPER
    return None


def _resolve(
    program: Program, args: list[str], marked: Collection[tuple[ItemKind, str]] = ()
) -> list[tuple[ItemKind, str]]:
    """The items ``args`` name, for ``add`` and ``remove`` alike: an exact id of ``marked``
    (bookmarks, which stay removable after their item left the program), else an exact id of
    the program, else what :func:`find_items` reads (a short id or title words).

    Raises:
        UsageError: an argument names several items (they are listed); nothing was changed.
        DataError: some arguments name nothing (all of them are named); nothing was changed.
    """
    wanted: list[tuple[ItemKind, str]] = []
    unknown = []
    for text in dict.fromkeys(args):
        kinds = [kind for kind in ItemKind if (kind, text) in marked]
        if not kinds and (kind := _kind_in_program(program, text)) is not None:
            kinds = [kind]
        if kinds:
            wanted.extend((kind, text) for kind in kinds)
            continue
        found = find_items(program, text, list(ItemType))
        if not found:
            unknown.append(text)
            continue
        if len(found) > 1:
            # Listed, exit 2, before anything is written.
            raise ambiguous(program, text, found, list(ItemType))
        wanted.append((ItemKind(found[0].type.value), found[0].id))
    if unknown:
        raise _unknown(unknown, program)
    return list(dict.fromkeys(wanted))


def _add(store: BookmarkStore, program: Program, args: list[str]) -> int:
    wanted = _resolve(program, args)
    added = set(store.add_items(program.conference.id, wanted))
    for kind, item_id in wanted:
        state = "bookmarked" if (kind, item_id) in added else "already bookmarked"
        print(f"{state}: {kind.value} {item_id}: {item_title(program, kind, item_id)}")
    return 0


def _remove(store: BookmarkStore, program: Program, args: list[str]) -> int:
    conference = program.conference.id
    marked = {(b.kind, b.item_id) for b in store.bookmarks(conference)}
    targets = _resolve(program, args, marked)
    removed = set(store.remove_items(conference, targets))
    for kind, item_id in targets:
        state = "removed" if (kind, item_id) in removed else "not bookmarked"
        print(f"{state}: {kind.value} {item_id}")
    return 0


def _session_of(program: Program, mark: Bookmark) -> Session | None:
    """The session a bookmark places in time: the session itself, or a paper's session."""
    if mark.kind is ItemKind.SESSION:
        return program.session_by_id.get(mark.item_id)
    if mark.kind is ItemKind.PAPER:
        paper = program.paper_by_id.get(mark.item_id)
        return program.session_by_id.get(paper.session or "") if paper else None
    return None


def bookmark_json(program: Program, mark: Bookmark, zone: tzinfo) -> dict[str, Any]:
    """The stable JSON object of one bookmark (see the module docstring)."""
    session = _session_of(program, mark)
    title = item_title(program, mark.kind, mark.item_id)
    in_program = title is not None
    room = room_json(program, session) if session else None
    day = session.day if session else None
    start, end = (session.start, session.end) if session else (None, None)
    known = mark.last_known
    if not in_program and known is not None:
        # Left the program: what it last looked like, so it can still be named (its room by
        # name only: the program no longer says which room id that was).
        title, day, start, end = known.title, known.day, known.start, known.end
        room = {"id": None, "name": one_line(known.room)} if known.room else None
    return {
        "id": mark.item_id,
        "kind": mark.kind.value,
        "title": one_line(title) if title is not None else None,
        "added_at": mark.added_at.isoformat(),
        "in_program": in_program,
        "day": day.isoformat() if day else None,
        "start": iso_or_none(start, zone),
        "end": iso_or_none(end, zone),
        "room": room,
    }


def _list(store: BookmarkStore, program: Program, zone: tzinfo, *, json: bool) -> int:
    marks = store.bookmarks(program.conference.id)
    session_marks = {m.item_id for m in marks if m.kind is ItemKind.SESSION}
    sessions = in_time_order(s for s in program.sessions if s.id in session_marks)
    booth_marks = {m.item_id for m in marks if m.kind is ItemKind.BOOTH}
    booths = [b for b in program.booths if b.id in booth_marks]
    paper_marks = {m.item_id for m in marks if m.kind is ItemKind.PAPER}
    papers = [p for p in program.papers if p.id in paper_marks]
    stale = [m for m in marks if item_title(program, m.kind, m.item_id) is None]

    if json:
        by_key = {(m.kind, m.item_id): m for m in marks}
        ordered = [by_key[(ItemKind.SESSION, s.id)] for s in sessions]
        ordered += [by_key[(ItemKind.PAPER, p.id)] for p in papers]
        ordered += [by_key[(ItemKind.BOOTH, b.id)] for b in booths]
        print_json([bookmark_json(program, m, zone) for m in [*ordered, *stale]])
        return 0

    name = one_line(program.conference.short_name)
    short = program_short_ids(program)
    groups = [
        (
            Section(
                f"Bookmarked sessions of {name} ({zone_name(zone)})",
                [
                    [
                        short[s.id],
                        day_label(s.day),
                        time_range(s, zone, s.day),
                        s.title,
                        program.room_name(s) or "",
                    ]
                    for s in sessions
                ],
            ),
            SESSION_COLUMNS,
        ),
        (
            Section("Starred papers", [_paper_row(program, p, zone, short) for p in papers]),
            PAPER_COLUMNS,
        ),
        (
            Section(
                "Booths to visit",
                [[short[b.id], b.organisation, b.location or LOCATION_UNKNOWN] for b in booths],
            ),
            BOOTH_COLUMNS,
        ),
        (
            Section(
                "No longer in the program",
                [
                    [
                        m.kind.value,
                        m.item_id,
                        missing_label(m.kind.value, m.item_id, m.last_known, zone)
                        if m.last_known
                        else "",
                        f"bookmarked {m.added_at:%Y-%m-%d}",
                    ]
                    for m in stale
                ],
            ),
            STALE_COLUMNS,
        ),
    ]
    shown = [(section, columns) for section, columns in groups if section.rows]
    if not shown:
        print(f"No bookmarks for {name} yet; add some with 'confterm bookmark add ID'.")
        return 0
    for index, (section, columns) in enumerate(shown):
        if index:
            if is_rich():
                make_console().print()
            else:
                sys.stdout.write("\n")
        print_sections([section], columns)
    return 0


def _paper_row(program: Program, paper: Paper, zone: tzinfo, short: dict[str, str]) -> list[str]:
    session = program.session_by_id.get(paper.session or "")
    where = "session not announced"
    if session is not None:
        where = (
            f"{session.title} ({day_label(session.day)}, {time_range(session, zone, session.day)})"
        )
    return [short[paper.id], paper.title, where]
