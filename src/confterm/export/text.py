"""The agenda as plain text (files, pipes) and as a rich renderable (terminals).

Layout, one block per day::

    Saturday 7 March 2026 — times in America/New_York (EST)
      09:00–10:00    Opening Keynote: Terminals Forever
                     Keynote · Main Hall · Ada Lovelace
                     ! clashes with Other Talk (09:30–10:30)
      time TBA       Lightning Talks
                     Lightning

then the booths to visit and the bookmarks whose item left the program. Data text is cleaned
(:func:`confterm.text.one_line`) and, in the rich form, always wrapped in :class:`rich.text.Text`
so that ``[bold]`` in a title stays literal.
"""

from __future__ import annotations

from datetime import tzinfo

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from confterm.export import common
from confterm.queries.agenda import Agenda

_INDENT = "  "
_GAP = "  "


def render_text(agenda: Agenda, zone: tzinfo, stamp: str = "") -> str:
    """The agenda as plain text, ending with a newline; ``stamp`` says what it was made from."""
    if agenda.is_empty:
        return common.empty_message(agenda) + "\n"
    lines = [common.title(agenda), *([stamp] if stamp else [])]
    times = {
        session.id: common.session_time(session, zone, day.day)
        for day in agenda.days
        for session in day.sessions
    }
    width = max([common.TIME_WIDTH, *(len(text) for text in times.values())])
    detail_indent = _INDENT + " " * width + _GAP
    for day in agenda.days:
        lines.append("")
        heading = common.day_heading(day.day)
        zone_text = common.day_zone(day.day, zone) if day.timed else None
        lines.append(f"{heading} — times in {zone_text}" if zone_text else heading)
        for session in day.sessions:
            when = times[session.id].ljust(width)
            lines.append(f"{_INDENT}{when}{_GAP}{common.session_title(session)}")
            details = common.session_details(agenda.program, session)
            lines.append(detail_indent + " · ".join(details))
            lines.extend(
                f"{detail_indent}{common.STAR if starred else '-'} {common.paper_line(paper)}"
                for paper, starred in common.papers(agenda, session)
            )
            lines.extend(
                f"{detail_indent}! {common.CLASH_LABEL} {note}"
                for note in common.clash_notes(agenda, session, zone, day.day)
            )
    if agenda.booths:
        lines += ["", common.BOOTHS_HEADING]
        lines += [_INDENT + common.booth_line(booth) for booth in agenda.booths]
    if agenda.missing:
        lines += ["", common.MISSING_HEADING]
        lines += [_INDENT + common.missing_line(mark, zone) for mark in agenda.missing]
    return "\n".join(lines) + "\n"


def rich_agenda(agenda: Agenda, zone: tzinfo) -> RenderableType:
    """The same content for a terminal: bold headings, dim details, clashes in red."""
    if agenda.is_empty:
        return Text(common.empty_message(agenda))
    parts: list[RenderableType] = [Text(common.title(agenda), style="bold underline")]
    for day in agenda.days:
        heading = Text(common.day_heading(day.day), style="bold")
        zone_text = common.day_zone(day.day, zone) if day.timed else None
        if zone_text:
            heading.append(f"  times in {zone_text}", style="dim")
        parts += [Text(""), heading]
        grid = Table.grid(padding=(0, 2))
        grid.add_column(no_wrap=True, style="cyan")
        grid.add_column()
        for session in day.sessions:
            body = Text(common.session_title(session), style="bold")
            body.append("\n")
            body.append(" · ".join(common.session_details(agenda.program, session)), style="dim")
            for paper, starred in common.papers(agenda, session):
                body.append("\n")
                body.append(f"{common.STAR if starred else '-'} {common.paper_line(paper)}")
            for note in common.clash_notes(agenda, session, zone, day.day):
                body.append("\n")
                body.append(f"! {common.CLASH_LABEL} {note}", style="bold red")
            grid.add_row(Text(common.session_time(session, zone, day.day)), body)
        parts.append(grid)
    if agenda.booths:
        parts += [Text(""), Text(common.BOOTHS_HEADING, style="bold")]
        parts += [Text(_INDENT + common.booth_line(booth)) for booth in agenda.booths]
    if agenda.missing:
        parts += [Text(""), Text(common.MISSING_HEADING, style="bold")]
        parts += [
            Text(_INDENT + common.missing_line(mark, zone), style="yellow")
            for mark in agenda.missing
        ]
    return Group(*parts)
