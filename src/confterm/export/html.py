"""The agenda as one self-contained, printable HTML page.

No external assets: the CSS is inline, there are no scripts, fonts or images. Every piece of
text goes through :func:`html.escape`, and only http(s) URLs become links.

Layout choices, each for a reader:

* every day's table has the same fixed column widths (``table-layout: fixed`` and one
  ``<colgroup>``), so printed pages line up;
* below 40em (a phone, 390 px) each row becomes a block: time, title, then the details on
  their own lines, so nothing scrolls sideways;
* a clash is marked once, on the row's first cell (a thick left rule) and written out in
  words, so it reads in black and white;
* printed, each day starts a page, and every page carries the conference name and its page
  number (CSS ``@page`` margin boxes; checked in Chromium's print to PDF).
"""

from __future__ import annotations

from datetime import tzinfo
from html import escape as _escape_all

from confterm.export import common
from confterm.model.program import Paper
from confterm.queries.agenda import Agenda, AgendaDay

_CSS = """
body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2em auto;
       max-width: 60em; padding: 0 1em; color: #111; background: #fff; line-height: 1.4; }
h1 { font-size: 1.6em; margin-bottom: 0.2em; }
h2 { font-size: 1.25em; border-bottom: 2px solid #111; margin: 1.5em 0 0.3em; }
p.made, p.zone { margin: 0 0 0.6em; font-style: italic; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
col.time { width: 8.5em; } col.kind { width: 6em; } col.room { width: 8em; }
col.people { width: 22%; }
th, td { text-align: left; vertical-align: top; padding: 0.35em 0.5em;
         border-bottom: 1px solid #999; overflow-wrap: anywhere; }
th { font-size: 0.85em; text-transform: uppercase; letter-spacing: 0.04em; }
td.time { font-variant-numeric: tabular-nums; font-weight: bold; }
td.clash { border-left: 4px solid #111; }
.title { font-weight: bold; }
a { color: inherit; }
.clash-note { font-weight: bold; margin-top: 0.2em; }
.clash-note::before { content: "\\26A0\\FE0E  "; }
ul { padding-left: 1.2em; }
ul.papers { margin: 0.2em 0 0; font-size: 0.92em; }
.star { font-weight: bold; }
@media (max-width: 40em) {
  body { margin: 1em auto; padding: 0 0.6em; }
  table, tbody, tr, td { display: block; width: auto; }
  thead, colgroup { display: none; }
  tr { border-bottom: 1px solid #999; padding: 0.4em 0; }
  td { border: none; padding: 0.05em 0.3em; }
  td.clash { border-left: 4px solid #111; }
  td.kind::before { content: "Kind: "; } td.room::before { content: "Room: "; }
  td.kind:empty, td.room:empty, td.people:empty { display: none; }
}
@page { margin: 16mm 12mm;
        @top-center { content: CONFERENCE; font-size: 9pt; }
        @bottom-right { content: "Page " counter(page) " of " counter(pages); font-size: 9pt; } }
@media print {
  body { margin: 0; max-width: none; font-size: 10.5pt; color: #000; }
  .day + .day { break-before: page; page-break-before: always; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  a { color: #000; text-decoration: none; }
}
"""


def escape(text: str) -> str:
    """``text`` with ``&``, ``<``, ``>`` and both quotes as character references."""
    # Most text holds none of them: five scans and no call, where escaping is five calls.
    if "&" in text or "<" in text or ">" in text or '"' in text or "'" in text:
        return _escape_all(text)
    return text


def css_string(text: str) -> str:
    """``text`` as a quoted CSS string: anything but letters, digits and spaces is written as
    a hex escape, so no data can close the string or the ``<style>`` element."""
    return '"' + "".join(c if c.isalnum() or c == " " else f"\\{ord(c):06x}" for c in text) + '"'


def render_html(agenda: Agenda, zone: tzinfo, stamp: str = "") -> str:
    """The agenda as a complete HTML document; ``stamp`` says what it was made from."""
    heading = escape(common.title(agenda))
    body: list[str] = [f"<h1>{heading}</h1>"]
    if stamp:
        body.append(f'<p class="made">{escape(stamp)}</p>')
    if agenda.is_empty:
        body.append(f'<p class="empty">{escape(common.empty_message(agenda))}</p>')
    for day in agenda.days:
        body.extend(_day(agenda, day, zone))
    if agenda.booths:
        body.append(f'<section class="booths"><h2>{escape(common.BOOTHS_HEADING)}</h2><ul>')
        body += [f"<li>{escape(common.booth_line(b))}</li>" for b in agenda.booths]
        body.append("</ul></section>")
    if agenda.missing:
        body.append(f'<section class="missing"><h2>{escape(common.MISSING_HEADING)}</h2><ul>')
        body += [f"<li>{escape(common.missing_line(m, zone))}</li>" for m in agenda.missing]
        body.append("</ul></section>")
    css = _CSS.replace("CONFERENCE", css_string(agenda.program.conference.name))
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{heading}</title>\n<style>{css}</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + "\n</body>\n</html>\n"
    )


_HEAD = (
    '<table>\n<colgroup><col class="time"><col class="session"><col class="kind">'
    '<col class="room"><col class="people"></colgroup>\n'
    "<thead><tr><th>Time</th><th>Session</th><th>Kind</th><th>Room</th>"
    "<th>Speakers</th></tr></thead>\n<tbody>"
)


def _link(text: str, url: str | None) -> str:
    return f'<a href="{escape(url)}">{escape(text)}</a>' if url else escape(text)


def _day(agenda: Agenda, day: AgendaDay, zone: tzinfo) -> list[str]:
    out = ['<section class="day">', f"<h2>{escape(common.day_heading(day.day))}</h2>"]
    zone_text = common.day_zone(day.day, zone) if day.timed else None
    if zone_text:
        out.append(f'<p class="zone">Times in {escape(zone_text)}</p>')
    out.append(_HEAD)
    program = agenda.program
    for session in day.sessions:
        notes = common.clash_notes(agenda, session, zone, day.day)
        title = _link(common.session_title(session), common.session_url(session))
        cell = f'<span class="title">{title}</span>'
        cell += "".join(
            f'<div class="clash-note">{escape(common.CLASH_LABEL.capitalize())} '
            f"{escape(note)}</div>"
            for note in notes
        )
        papers = common.papers(agenda, session)
        if papers:
            cell += '<ul class="papers">' + "".join(_paper(p, starred) for p, starred in papers)
            cell += "</ul>"
        time_class = "time clash" if notes else "time"
        out.append(
            "<tr>"
            f'<td class="{time_class}">{escape(common.session_time(session, zone, day.day))}</td>'
            f'<td class="session">{cell}</td>'
            f'<td class="kind">{escape(session.kind.label)}</td>'
            f'<td class="room">{escape(common.room(program, session) or "")}</td>'
            f'<td class="people">{escape(" · ".join(common.people(program, session)))}</td>'
            "</tr>"
        )
    out.append("</tbody>\n</table>\n</section>")
    return out


def _paper(paper: Paper, starred: bool) -> str:
    title = paper.title
    rest = common.paper_line(paper).removeprefix(title)
    star = f'<span class="star" title="starred">{common.STAR}</span> ' if starred else ""
    return f"<li>{star}{_link(title, common.paper_url(paper))}{escape(rest)}</li>"
