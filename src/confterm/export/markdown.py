"""The agenda as Markdown: a heading per day, one list item per session.

It reads as plain text and renders on a forge (CommonMark/GFM). Every piece of data text is
escaped with :func:`escape` so a title such as ``[click](https://evil)`` or ``**loud**`` shows
as typed instead of becoming a link or formatting.
"""

from __future__ import annotations

import re
from datetime import tzinfo

from confterm.export import common
from confterm.queries.agenda import Agenda

# Inline syntax anywhere in a line (CommonMark lets any ASCII punctuation be backslash-escaped).
_INLINE = re.compile(r"([\\`*_\[\]<>!|~&#])")
# Block syntax that only matters at the start of a line or list item: "- ", "+ ", "1. ", "=".
_LEADING = re.compile(r"^([-+=])|^(\d+)([.)])")
# Either of the above: most text has neither, and one search is cheaper than two rewrites.
_ANY = re.compile(r"[\\`*_\[\]<>!|~&#]|^[-+=\d]")


def escape(text: str) -> str:
    """``text`` with Markdown-significant characters backslash-escaped."""
    if _ANY.search(text) is None:
        return text
    escaped = _INLINE.sub(r"\\\1", text)
    return _LEADING.sub(lambda m: f"\\{m[1]}" if m[1] else f"{m[2]}\\{m[3]}", escaped)


def link(text: str, url: str | None) -> str:
    """``[text](<url>)`` with ``text`` escaped, or the escaped text alone without a URL."""
    if url is None:
        return escape(text)
    # The angle-bracket form takes any URL but "<", ">" and line breaks; percent-encode those.
    target = url.replace("<", "%3C").replace(">", "%3E").replace(" ", "%20")
    return f"[{escape(text)}](<{target}>)"


def render_markdown(agenda: Agenda, zone: tzinfo, stamp: str = "") -> str:
    """The agenda as a Markdown document, ending with a newline; ``stamp`` says what it was
    made from."""
    made = ["", f"*{escape(stamp)}*"] if stamp else []
    if agenda.is_empty:
        return (
            "\n".join(
                [
                    f"# {escape(common.title(agenda))}",
                    *made,
                    "",
                    escape(common.empty_message(agenda)),
                ]
            )
            + "\n"
        )
    lines = [f"# {escape(common.title(agenda))}", *made]
    for day in agenda.days:
        lines += ["", f"## {escape(common.day_heading(day.day))}", ""]
        zone_text = common.day_zone(day.day, zone) if day.timed else None
        if zone_text:
            # An IANA name cannot form Markdown syntax (an inner "_" is not emphasis).
            lines += [f"Times in {zone_text}.", ""]
        for session in day.sessions:
            details = " · ".join(common.session_details(agenda.program, session))
            when = common.session_time(session, zone, day.day)
            title = link(common.session_title(session), common.session_url(session))
            lines.append(f"- **{when}** {title} — {escape(details)}")
            for paper, starred in common.papers(agenda, session):
                mark = f"{common.STAR} " if starred else ""
                line = link(paper.title, common.paper_url(paper))
                rest = common.paper_line(paper).removeprefix(paper.title)
                lines.append(f"  - {mark}{line}{escape(rest)}")
            lines.extend(
                f"  - **Clashes with** {escape(note)}"
                for note in common.clash_notes(agenda, session, zone, day.day)
            )
    if agenda.booths:
        lines += ["", f"## {common.BOOTHS_HEADING}", ""]
        lines += [f"- {escape(common.booth_line(booth))}" for booth in agenda.booths]
    if agenda.missing:
        lines += ["", f"## {common.MISSING_HEADING}", ""]
        lines += [f"- {escape(common.missing_line(mark, zone))}" for mark in agenda.missing]
    return "\n".join(lines) + "\n"
