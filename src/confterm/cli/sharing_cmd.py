"""``confterm bookmark export|import|compare``: handing bookmarks to a colleague and back.

The file is the shared document of :mod:`confterm.store.sharing`. ``compare --json`` prints
``{"conference", "shared": [session], "only_mine": [...], "only_theirs": [...],
"clashes": [{"theirs": session, "mine": [session]}], "unknown": [id]}`` with the session
objects of :mod:`confterm.cli.output`.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from confterm.atomic import write_atomic
from confterm.cli.context import Context
from confterm.cli.output import Column, Section, print_json, print_sections
from confterm.errors import DataError, UsageError
from confterm.model.program import Program, Session
from confterm.present.formatting import day_label, plural, time_range
from confterm.store.bookmarks import BookmarkStore, ItemKind
from confterm.store.sharing import (
    SharedBookmarks,
    compare,
    document,
    item_title,
    read_document,
)
from confterm.text import one_line

COLUMNS = (
    Column("Day"),
    Column("Time", style="bold"),
    Column("Title", pad=False),
    Column("Room", style="dim", pad=False, prefix="· "),
)


def run_export(context: Context, store: BookmarkStore) -> int:
    """``confterm bookmark export [-o FILE]``."""
    if context.args.ids:
        raise UsageError("bookmark export takes no ids (use -o FILE to write a file)")
    program = context.program
    marks = [(m.kind.value, m.item_id) for m in store.bookmarks(program.conference.id)]
    text = json.dumps(document(program, marks), indent=2, ensure_ascii=False) + "\n"
    if context.args.output:
        path = Path(context.args.output)
        try:
            write_atomic(path, text.encode("utf-8"))
        except OSError as error:
            raise DataError(f"{one_line(str(path))}: cannot write it: {error.strerror}") from None
        sys.stderr.write(
            f"confterm: wrote {plural(len(marks), 'bookmark')} to {one_line(str(path))}\n"
        )
    else:
        sys.stdout.write(text)
    return 0


def _one_file(context: Context, action: str) -> SharedBookmarks:
    if len(context.args.ids) != 1 or context.args.output:
        raise UsageError(f"bookmark {action} takes one FILE (a 'bookmark export' file)")
    shared = read_document(Path(context.args.ids[0]))
    conference = context.program.conference.id
    if shared.conference != conference:
        raise DataError(
            f"{one_line(context.args.ids[0])}: bookmarks of {shared.conference!r}, not of "
            f"{conference!r} (add --conference {shared.conference})"
        )
    return shared


def run_import(context: Context, store: BookmarkStore) -> int:
    """``confterm bookmark import FILE``: add what is still in the program; name the rest."""
    shared = _one_file(context, "import")
    program = context.program
    wanted: list[tuple[ItemKind, str]] = []
    gone: list[tuple[str, str]] = []
    for kind, item_id in dict.fromkeys(shared.items):
        known = _kind(kind)
        if known is None or item_title(program, kind, item_id) is None:
            gone.append((kind, item_id))
        else:
            wanted.append((known, item_id))
    added = store.add_items(program.conference.id, wanted)
    print(
        f"imported {plural(len(added), 'new bookmark')} "
        f"({len(wanted) - len(added)} already bookmarked)"
    )
    for kind, item_id in gone:
        print(f"not in the program any more: {kind} {one_line(item_id)}")
    return 0


def _kind(value: str) -> ItemKind | None:
    try:
        return ItemKind(value)
    except ValueError:
        return None  # a kind this store does not keep (yet)


def run_compare(context: Context, store: BookmarkStore) -> int:
    """``confterm bookmark compare FILE [--json]``: shared sessions, clashes, the rest."""
    theirs = _one_file(context, "compare")
    program = context.program
    zone = context.display_zone
    mine = store.ids(program.conference.id)
    result = compare(program, mine, theirs.ids("session"))
    if context.args.json:
        from confterm.export.records import SessionRecords

        records = SessionRecords(program, zone)

        def js(sessions: list[Session]) -> list[dict[str, Any]]:
            return [records.session(s) for s in sessions]

        print_json(
            {
                "conference": program.conference.id,
                "shared": js(result.shared),
                "only_mine": js(result.only_mine),
                "only_theirs": js(result.only_theirs),
                "clashes": [
                    {"theirs": records.session(t), "mine": js(m)} for t, m in result.clashes
                ],
                "unknown": result.unknown,
            }
        )
        return 0

    def rows(sessions: list[Session]) -> list[list[str]]:
        return [_row(program, s, context) for s in sessions]

    clash_rows = []
    for theirs_session, mine_sessions in result.clashes:
        row = _row(program, theirs_session, context)
        row[2] += " — clashes with " + ", ".join(one_line(s.title) for s in mine_sessions)
        clash_rows.append(row)
    sections = [
        Section(f"Both of you ({len(result.shared)})", rows(result.shared)),
        Section(f"Theirs, clashing with yours ({len(clash_rows)})", clash_rows),
        Section(f"Only theirs ({len(result.only_theirs)})", rows(result.only_theirs)),
        Section(f"Only yours ({len(result.only_mine)})", rows(result.only_mine)),
    ]
    print_sections(sections, COLUMNS, empty="Neither of you has bookmarked a session.")
    if result.unknown:
        names = ", ".join(one_line(i) for i in result.unknown)
        print(f"not in the program any more: {names}")
    return 0


def _row(program: Program, session: Session, context: Context) -> list[str]:
    zone = context.display_zone
    return [
        day_label(session.day),
        time_range(session, zone, session.day),
        session.title,
        program.room_name(session) or "",
    ]
