"""Writers of an agenda: plain text, Markdown, HTML, iCalendar and JSON. No Textual here.

:func:`render` is the one entry point the CLI and the app use::

    data = render(build_agenda(index, bookmarks), "ics", zone, now=clock.now())
"""

from __future__ import annotations

from datetime import datetime, tzinfo
from typing import Final

from confterm.queries.agenda import Agenda

FORMATS: Final = ("text", "markdown", "html", "ics", "json")

#: The file name extension of each format, without the dot.
EXTENSIONS: Final = {"text": "txt", "markdown": "md", "html": "html", "ics": "ics", "json": "json"}

#: What each format is called in menus.
LABELS: Final = {
    "text": "Plain text",
    "markdown": "Markdown",
    "html": "HTML (printable)",
    "ics": "iCalendar (.ics)",
    "json": "JSON",
}


def render(
    agenda: Agenda,
    format: str,
    zone: tzinfo,
    *,
    now: datetime | None = None,
    alarm_minutes: int | None = None,
) -> str | bytes:
    """``agenda`` in ``format`` (one of :data:`FORMATS`); times shown in ``zone``.

    The iCalendar form is bytes and always uses the conference zone; ``now`` (its export
    moment) and ``alarm_minutes`` only apply to it. The other forms are text.
    """
    # Imported here so that asking for one format does not load every writer.
    if format == "text":
        from confterm.export.text import render_text

        return render_text(agenda, zone)
    if format == "markdown":
        from confterm.export.markdown import render_markdown

        return render_markdown(agenda, zone)
    if format == "html":
        from confterm.export.html import render_html

        return render_html(agenda, zone)
    if format == "ics":
        from confterm.export.ics import render_ics

        return render_ics(agenda, now=now, alarm_minutes=alarm_minutes)
    if format == "json":
        from confterm.export.json_export import render_json

        return render_json(agenda, zone)
    raise ValueError(f"unknown agenda format {format!r} (one of {', '.join(FORMATS)})")


def render_bytes(
    agenda: Agenda,
    format: str,
    zone: tzinfo,
    *,
    now: datetime | None = None,
    alarm_minutes: int | None = None,
) -> bytes:
    """:func:`render` encoded for a file (UTF-8)."""
    data = render(agenda, format, zone, now=now, alarm_minutes=alarm_minutes)
    return data if isinstance(data, bytes) else data.encode("utf-8")


def default_file_name(conference_id: str, format: str) -> str:
    """``tinyconf-agenda.ics``."""
    return f"{conference_id}-agenda.{EXTENSIONS[format]}"
