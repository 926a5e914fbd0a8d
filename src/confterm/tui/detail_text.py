"""The text of the detail panes: a session, a booth, a paper, as Textual ``Content``.

Everything from data goes in as plain strings (through :func:`confterm.text.clean`), so a
title such as ``[bold]`` or ``[@click=app.quit]`` is shown as those characters.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from textual.content import Content
from textual.style import Style

from confterm.model.program import Booth, Link, Paper, Session
from confterm.present.formatting import day_label, time_range, when_label
from confterm.present.links import link_url
from confterm.queries.agenda import clashes_with
from confterm.text import clean, one_line
from confterm.tui.rows import NO_LOCATION, session_label
from confterm.tui.view import View

_LABEL = "bold $text-secondary"
_MUTED = "$text-muted"
#: What an id must look like before it goes into an action string (the model's slug rule).
_SAFE_ID = re.compile(r"[a-z0-9][a-z0-9._-]*")


def _field(label: str, value: str) -> Content:
    return Content.assemble((f"{label}: ", _LABEL), one_line(value))


def _section(title: str) -> Content:
    return Content.styled(f"\n{title}", "bold $text-accent")


def link_style(url: str) -> Style | None:
    """A hyperlink to ``url`` (a terminal's own click, via OSC 8) whose click in the app opens
    the browser; None when ``url`` is not a safe http(s) URL (see :func:`link_url`), which
    then shows as plain text."""
    safe = link_url(url)
    if safe is None:
        return None
    # link_url leaves no quote or backslash, so the URL cannot end the action's argument.
    return Style(link=safe) + Style.from_meta({"@click": f"app.open_link('{safe}')"})


def url_content(url: str) -> Content:
    """``url`` as a hyperlink when it is one (the text as the data has it, cleaned)."""
    text = one_line(url)
    style = link_style(url)
    if style is None:
        return Content(text)
    return Content.styled(text, "$link-color underline").stylize(style)


def _links(links: Iterable[Link]) -> list[Content]:
    # A URL too long for its line goes to the next (it has no space to break at) and is cut
    # there with an ellipsis, never broken in the middle (see Hanging); its link stays whole.
    return [
        Content.assemble("  ", one_line(link.title), (" — ", _MUTED), url_content(link.url))
        for link in links
    ]


def _url_field(label: str, url: str) -> Content:
    return Content.assemble((f"{label}: ", _LABEL), url_content(url))


def speaker_link(speaker_id: str, session_id: str) -> Style | None:
    """A style whose click opens the speaker's page (cycling through ``session_id``'s people).

    Only ids go into the action, never names, and only ids that are plain slugs: the model
    guarantees it, and checking again costs nothing. None when either is not a slug.
    """
    if not (_SAFE_ID.fullmatch(speaker_id) and _SAFE_ID.fullmatch(session_id)):
        return None
    return Style.from_meta({"@click": f"app.open_speaker('{speaker_id}', '{session_id}')"})


def _join(lines: list[Content]) -> Content:
    return Content("\n").join(lines)


def when_text(view: View, session: Session) -> str:
    """The "when" line, dated in the display zone, as ``confterm show`` says it:
    ``Sunday 8 March 2026, 00:30–01:15 (Asia/Tokyo) · conference day Sat 7 Mar``."""
    return when_label(session, view.zone)


def session_content(view: View, session: Session, bookmarked: set[str]) -> Content:
    """Everything known about a session."""
    program = view.program
    lines: list[Content] = [
        Content.styled(one_line(session.title), "bold"),
        Content.assemble(
            (session.kind.label, "italic $text-secondary"), " · ", when_text(view, session)
        ),
    ]
    room = program.room_name(session)
    lines.append(_field("Room", room or "not announced"))
    track = program.track_name(session)
    if track:
        lines.append(_field("Track", track))
    if session.id in bookmarked:
        lines.append(Content.styled("★ Bookmarked (b to remove)", "bold $text-warning"))
    else:
        lines.append(Content.styled("Not bookmarked (b to bookmark)", _MUTED))
    clashes = clashes_with(view.index, session, bookmarked)
    if clashes:
        lines.append(Content.styled("⚠ Clashes with your bookmarks:", "bold $text-error"))
        lines.extend(
            Content.assemble(
                "  ", (time_range(other, view.zone, other.day), _MUTED), " ", one_line(other.title)
            )
            for other in clashes
        )
    hint = " (click or s: all their sessions)"
    for title, people in (
        ("Speakers", program.speakers_of(session)),
        ("Chairs", program.chairs_of(session)),
    ):
        if people:
            lines.append(_section(title) + Content.styled(hint, _MUTED))
            hint = ""
            for person in people:
                link = speaker_link(person.id, session.id)
                name = one_line(person.name)
                line = Content.assemble("  ", (name, link) if link else name)
                if person.affiliation:
                    line = line + Content.styled(f" ({one_line(person.affiliation)})", _MUTED)
                lines.append(line)
    if session.description:
        lines.append(_section("Description"))
        lines.append(Content(clean(session.description)))
    papers = program.papers_by_session.get(session.id, [])
    if papers:
        lines.append(_section(f"Papers ({len(papers)})"))
        for paper in papers:
            lines.append(Content.assemble("  • ", one_line(paper.title)))
            authors = ", ".join(one_line(a.name) for a in paper.authors)
            if authors:
                lines.append(Content.styled(f"    {authors}", _MUTED))
    booths = program.booths_by_session.get(session.id, [])
    if booths:
        lines.append(_section("Booths"))
        lines.extend(Content.assemble("  ", one_line(b.organisation)) for b in booths)
    if session.links:
        lines.append(_section("Links"))
        lines.extend(_links(session.links))
    if session.note:
        lines.append(_section("Note"))
        lines.append(Content(clean(session.note)))
    if session.source_url:
        lines.append(Content(""))
        lines.append(_url_field("Source", session.source_url))
    return _join(lines)


def booth_content(view: View, booth: Booth, to_visit: set[str]) -> Content:
    """What a booth is: name, level, place, description and people.

    Its related sessions follow as a list of their own, then :func:`booth_more_content`."""
    lines: list[Content] = [Content.styled(one_line(booth.organisation), "bold")]
    facts = [one_line(booth.level) + " sponsor" if booth.level else "Exhibitor"]
    facts.append(one_line(booth.location) if booth.location else NO_LOCATION)
    lines.append(Content.styled(" · ".join(facts), "italic $text-secondary"))
    if booth.id in to_visit:
        lines.append(Content.styled("★ To visit (b to unmark)", "bold $text-warning"))
    else:
        lines.append(Content.styled("Not marked to visit (b to mark)", _MUTED))
    if booth.description:
        lines.append(_section("Description"))
        lines.append(Content(clean(booth.description)))
    if booth.people:
        lines.append(_section("People"))
        for person in booth.people:
            line = Content.assemble("  ", one_line(person.name))
            if person.role:
                line = line + Content.styled(f" — {one_line(person.role)}", _MUTED)
            lines.append(line)
    return _join(lines)


def short_when(view: View, session: Session) -> str:
    """``Sat 7 Mar 09:00–10:00``; ``Sat 7 Mar time TBA``; ``Day not announced``. The day is
    the conference day; a start on another date in the display zone names its weekday
    (``Sat 7 Mar Sun 00:30–01:15``), as the day list does."""
    if session.day is None:
        return day_label(None)
    return f"{day_label(session.day)} {time_range(session, view.zone, session.day)}"


def related_sessions(view: View, booth: Booth) -> list[Session]:
    """The booth's related sessions that are in the program, in time order."""
    program = view.program
    return view.index.ordered(
        program.session_by_id[i] for i in booth.sessions if i in program.session_by_id
    )


def booth_full_content(view: View, booth: Booth, to_visit: set[str]) -> Content:
    """A booth with its related sessions as text (for a pane that has no list for them)."""
    lines = [booth_content(view, booth, to_visit)]
    sessions = related_sessions(view, booth)
    if sessions:
        lines.append(_section("Related sessions"))
        lines.extend(
            Content.assemble("  ", (short_when(view, s), _MUTED), " ", one_line(s.title))
            for s in sessions
        )
    more = booth_more_content(booth)
    if more.plain:
        lines.append(more)
    return _join(lines)


def booth_more_content(booth: Booth) -> Content:
    """A booth's links, note and source, shown under its related sessions (empty if none)."""
    lines: list[Content] = []
    if booth.links:
        lines.append(_section("Links"))
        lines.extend(_links(booth.links))
    if booth.note:
        lines.append(_section("Note"))
        lines.append(Content(clean(booth.note)))
    if booth.source_url:
        lines.append(Content(""))
        lines.append(_url_field("Source", booth.source_url))
    return _join(lines)


def paper_content(view: View, paper: Paper, bookmarked: set[str]) -> Content:
    """Everything known about a paper, with whether the session presenting it is
    bookmarked (``b`` on a paper bookmarks that session)."""
    lines: list[Content] = [Content.styled(one_line(paper.title), "bold")]
    if paper.award:
        lines.append(Content.styled(f"🏆 {one_line(paper.award)}", "bold $text-warning"))
    if paper.authors:
        lines.append(_section("Authors"))
        for author in paper.authors:
            line = Content.assemble("  ", one_line(author.name))
            if author.affiliation:
                line = line + Content.styled(f" ({one_line(author.affiliation)})", _MUTED)
            lines.append(line)
    lines.append(_section("Presented in"))
    lines.append(Content.assemble("  ", session_label(view.program, paper.session, view.zone)))
    session = view.program.session_by_id.get(paper.session or "")
    if session is not None:
        room = view.program.room_name(session)
        if room:
            lines.append(Content.styled(f"  {one_line(room)}", _MUTED))
        if session.id in bookmarked:
            lines.append(Content.styled("  ★ Bookmarked (b to remove)", "bold $text-warning"))
        else:
            lines.append(Content.styled("  Not bookmarked (b to bookmark the session)", _MUTED))
        lines.append(Content.styled("  Enter: go to the session", _MUTED))
    if paper.topic:
        lines.append(Content(""))
        lines.append(_field("Topic", paper.topic))
    if paper.url:
        lines.append(_url_field("Paper", paper.url))
    if paper.note:
        lines.append(_section("Note"))
        lines.append(Content(clean(paper.note)))
    if paper.source_url:
        lines.append(_url_field("Source", paper.source_url))
    return _join(lines)
