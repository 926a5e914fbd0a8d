"""The agenda as one self-contained, printable HTML page.

No external assets: the CSS is inline, there are no scripts, fonts or images. Printed, each day
starts on a new page, and nothing relies on colour alone (a clash is written out, in bold, with
a border), so the page reads in black and white. Every piece of text goes through
:func:`html.escape`.
"""

from __future__ import annotations

from datetime import tzinfo
from html import escape

from confterm.export import common
from confterm.queries.agenda import Agenda, AgendaDay

_CSS = """
body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2em auto;
       max-width: 60em; padding: 0 1em; color: #111; background: #fff; line-height: 1.4; }
h1 { font-size: 1.6em; margin-bottom: 0.2em; }
h2 { font-size: 1.25em; border-bottom: 2px solid #111; margin: 1.5em 0 0.3em; }
p.zone { margin: 0 0 0.6em; font-style: italic; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 0.35em 0.5em;
         border-bottom: 1px solid #999; }
th { font-size: 0.85em; text-transform: uppercase; letter-spacing: 0.04em; }
td.time { white-space: nowrap; font-variant-numeric: tabular-nums; font-weight: bold; }
.title { font-weight: bold; }
tr.clash td { border-left: 3px double #111; }
.clash-note { font-weight: bold; margin-top: 0.2em; }
.clash-note::before { content: "\\26A0\\FE0E  "; }
ul { padding-left: 1.2em; }
@media print {
  body { margin: 0; max-width: none; font-size: 10.5pt; color: #000; }
  .day + .day { break-before: page; page-break-before: always; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  a { color: #000; text-decoration: none; }
}
"""


def render_html(agenda: Agenda, zone: tzinfo) -> str:
    """The agenda as a complete HTML document."""
    heading = escape(common.title(agenda))
    body: list[str] = [f"<h1>{heading}</h1>"]
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
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{heading}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + "\n</body>\n</html>\n"
    )


def _day(agenda: Agenda, day: AgendaDay, zone: tzinfo) -> list[str]:
    out = ['<section class="day">', f"<h2>{escape(common.day_heading(day.day))}</h2>"]
    zone_text = common.day_zone(day.day, zone) if day.timed else None
    if zone_text:
        out.append(f'<p class="zone">Times in {escape(zone_text)}</p>')
    out.append(
        "<table>\n<thead><tr><th>Time</th><th>Session</th><th>Kind</th><th>Room</th>"
        "<th>Speakers</th></tr></thead>\n<tbody>"
    )
    program = agenda.program
    for session in day.sessions:
        notes = common.clash_notes(agenda, session, zone, day.day)
        row_class = ' class="clash"' if notes else ""
        cell = f'<span class="title">{escape(common.session_title(session))}</span>'
        cell += "".join(
            f'<div class="clash-note">{escape(common.CLASH_LABEL.capitalize())} '
            f"{escape(note)}</div>"
            for note in notes
        )
        out.append(
            f"<tr{row_class}>"
            f'<td class="time">{escape(common.session_time(session, zone, day.day))}</td>'
            f"<td>{cell}</td>"
            f"<td>{escape(session.kind.label)}</td>"
            f"<td>{escape(common.room(program, session) or '')}</td>"
            f"<td>{escape(' · '.join(common.people(program, session)))}</td>"
            "</tr>"
        )
    out.append("</tbody>\n</table>\n</section>")
    return out
