"""Writers of an agenda: plain text, Markdown, HTML, iCalendar and JSON. No Textual here.

:func:`render` is the one entry point the CLI and the app use::

    data = render(build_agenda(index, bookmarks), "ics", zone, ExportOptions(now=now))
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, tzinfo
from typing import TYPE_CHECKING, Final

from confterm.errors import UsageError
from confterm.export import common
from confterm.queries.agenda import Agenda

if TYPE_CHECKING:
    from confterm.export.ics import Revisions

FORMATS: Final = ("text", "markdown", "html", "ics", "json")

#: The file name extension of each format, without the dot.
EXTENSIONS: Final = {"text": "txt", "markdown": "md", "html": "html", "ics": "ics", "json": "json"}

#: The format each known file name extension stands for.
BY_EXTENSION: Final = {
    **{extension: format for format, extension in EXTENSIONS.items()},
    "text": "text",
    "markdown": "markdown",
    "htm": "html",
    "ical": "ics",
}

#: What each format is called in menus.
LABELS: Final = {
    "text": "Plain text",
    "markdown": "Markdown",
    "html": "HTML (printable)",
    "ics": "iCalendar (.ics)",
    "json": "JSON",
}


@dataclass(frozen=True)
class ExportOptions:
    """How to export, beyond the agenda, format and zone.

    ``now`` is the export moment on the real clock (iCalendar DTSTAMP, the "as of" line);
    ``made_from`` says what the export was made from (see
    :func:`confterm.store.catalog.program_origin`). The rest only apply to iCalendar:
    ``alarm_minutes`` adds an alarm before each timed event, ``include_tba`` adds sessions with
    a day but no time as all-day events, ``revisions`` remembers SEQUENCE and LAST-MODIFIED.
    """

    now: datetime | None = None
    made_from: str | None = None
    alarm_minutes: int | None = None
    include_tba: bool = False
    revisions: Revisions | None = None


def render(
    agenda: Agenda, format: str, zone: tzinfo, options: ExportOptions | None = None
) -> str | bytes:
    """``agenda`` in ``format`` (one of :data:`FORMATS`); times shown in ``zone``.

    The iCalendar form is bytes and always uses the conference zone; the other forms are text.
    """
    options = options or ExportOptions()
    stamp = common.as_of(agenda, options.made_from, options.now)
    # Imported here so that asking for one format does not load every writer.
    if format == "text":
        from confterm.export.text import render_text

        return render_text(agenda, zone, stamp)
    if format == "markdown":
        from confterm.export.markdown import render_markdown

        return render_markdown(agenda, zone, stamp)
    if format == "html":
        from confterm.export.html import render_html

        return render_html(agenda, zone, stamp)
    if format == "ics":
        from confterm.export.ics import render_ics

        return render_ics(
            agenda,
            now=options.now,
            alarm_minutes=options.alarm_minutes,
            include_tba=options.include_tba,
            revisions=options.revisions,
            made_from=stamp,
        )
    if format == "json":
        from confterm.export.json_export import render_json

        return render_json(agenda, zone, options.made_from, options.now)
    raise ValueError(f"unknown agenda format {format!r} (one of {', '.join(FORMATS)})")


def render_bytes(
    agenda: Agenda, format: str, zone: tzinfo, options: ExportOptions | None = None
) -> bytes:
    """:func:`render` encoded for a file (UTF-8)."""
    data = render(agenda, format, zone, options)
    return data if isinstance(data, bytes) else data.encode("utf-8")


def format_for_path(path: str, format: str | None) -> str:
    """The format to write ``path`` in: ``format`` when given, else the one its extension
    names (``.ics``, ``.md``...), else text. A UsageError when they contradict each other."""
    suffix = path.rsplit(".", 1)[-1].lower() if "." in path.rsplit("/", 1)[-1] else ""
    implied = BY_EXTENSION.get(suffix)
    if format is None:
        return implied or "text"
    if implied is not None and implied != format:
        raise UsageError(
            f"{path} has the extension of {LABELS[implied]} but --format is {format}; "
            f"drop --format or name the file .{EXTENSIONS[format]}"
        )
    return format


def default_file_name(conference_id: str, format: str) -> str:
    """``tinyconf-agenda.ics``."""
    return f"{conference_id}-agenda.{EXTENSIONS[format]}"
