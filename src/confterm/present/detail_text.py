"""The text of the detail panes (a session, a booth, a paper) as plain styled lines.

A detail is a list of :data:`Line`s, each a tuple of :class:`Span`s: a piece of text, the
role it plays (a title, a muted note, a warning...) and, for a speaker's name, the action a
click runs. The widgets turn roles into the theme's styles
(:mod:`confterm.tui.widgets.detail_content`); nothing here knows how it is drawn.

Everything from data goes in as plain strings (through :func:`confterm.text.clean`), so a
title such as ``[bold]`` or ``[@click=app.quit]`` is shown as those characters.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from datetime import tzinfo
from enum import StrEnum

from confterm.model.program import Booth, Link, Paper, Program, Session
from confterm.present.formatting import day_label, time_range, when_label
from confterm.present.links import link_url
from confterm.present.rows import NO_LOCATION, session_label
from confterm.queries.agenda import clashes_with
from confterm.queries.index import ProgramIndex
from confterm.text import clean, one_line

#: The binding id of the key that bookmarks, stars and marks to visit.
BOOKMARK = "main.bookmark"
#: What an id must look like before it goes into an action string (the model's slug rule).
_SAFE_ID = re.compile(r"[a-z0-9][a-z0-9._-]*")


class Role(StrEnum):
    """What a piece of a detail is, which decides how it is drawn."""

    PLAIN = "plain"
    TITLE = "title"  # the item's name, first line
    KIND = "kind"  # the kind and place under the title
    LABEL = "label"  # ``Room:``
    SECTION = "section"  # ``Speakers``, ``Description``...
    MUTED = "muted"  # secondary facts and hints
    MARKED = "marked"  # bookmarked, to visit, an award
    CLASH = "clash"  # the clash warning
    URL = "url"  # a link's address


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of a line: its text, its role, and what a click on it runs ("" for nothing)."""

    text: str
    role: Role = Role.PLAIN
    action: str = ""
    #: A safe http(s) URL (see :func:`confterm.present.links.link_url`): the span is a
    #: hyperlink to it (a terminal's own click, via OSC 8) whose click in the app opens it.
    link: str = ""
    #: The binding id of the key the span names (its text is the default key): the app
    #: draws the key the user's keymap gives that binding ("b to bookmark", "m to ...").
    key: str = ""


Line = tuple[Span, ...]


def _line(*parts: str | tuple[str, Role] | Span) -> Line:
    spans = []
    for part in parts:
        if isinstance(part, Span):
            spans.append(part)
        elif isinstance(part, tuple):
            spans.append(Span(*part))
        else:
            spans.append(Span(part))
    return tuple(spans)


def _styled(text: str, role: Role) -> Line:
    return (Span(text, role),)


def _naming_key(before: str, binding_id: str, default: str, after: str, role: Role) -> Line:
    """``before`` + the key of ``binding_id`` (``default`` unless remapped) + ``after``."""
    return (Span(before, role), Span(default, role, key=binding_id), Span(after, role))


def _field(label: str, value: str) -> Line:
    return _line((f"{label}: ", Role.LABEL), one_line(value))


def _section(title: str) -> list[Line]:
    """A blank line, then the section's title."""
    return [(), _styled(title, Role.SECTION)]


def _text(text: str) -> list[Line]:
    """Cleaned free text (a description, a note), line by line."""
    return [_line(line) for line in clean(text).split("\n")]


def url_span(url: str) -> Span:
    """``url`` as a hyperlink when it is a safe http(s) URL, else as plain text (the text as
    the data has it, cleaned)."""
    safe = link_url(url)
    if safe is None:
        return Span(one_line(url))
    return Span(one_line(url), Role.URL, link=safe)


def _url_field(label: str, url: str) -> Line:
    return _line((f"{label}: ", Role.LABEL), url_span(url))


def _links(links: Iterable[Link]) -> list[Line]:
    # A URL too long for its line goes to the next (it has no space to break at) and is cut
    # there with an ellipsis, never broken in the middle (see Hanging); its link stays whole.
    return [
        _line("  ", one_line(link.title), (" — ", Role.MUTED), url_span(link.url)) for link in links
    ]


def speaker_action(speaker_id: str, session_id: str) -> str:
    """The click action opening the speaker's page (cycling through ``session_id``'s people).

    Only ids go into the action, never names, and only ids that are plain slugs: the model
    guarantees it, and checking again costs nothing. "" when either is not a slug.
    """
    if not (_SAFE_ID.fullmatch(speaker_id) and _SAFE_ID.fullmatch(session_id)):
        return ""
    return f"app.open_speaker('{speaker_id}', '{session_id}')"


def session_text(
    index: ProgramIndex, session: Session, zone: tzinfo, bookmarked: AbstractSet[str]
) -> list[Line]:
    """Everything known about a session, times in ``zone``."""
    program = index.program
    lines: list[Line] = [
        _styled(one_line(session.title), Role.TITLE),
        _line((session.kind.label, Role.KIND), " · ", when_label(session, zone)),
    ]
    room = program.room_name(session)
    lines.append(_field("Room", room or "not announced"))
    if session.aliases:
        lines.append(_field("Also called", "; ".join(one_line(a) for a in session.aliases)))
    track = program.track_name(session)
    if track:
        lines.append(_field("Track", track))
    if session.id in bookmarked:
        lines.append(_naming_key("★ Bookmarked (", BOOKMARK, "b", " to remove)", Role.MARKED))
    else:
        lines.append(_naming_key("Not bookmarked (", BOOKMARK, "b", " to bookmark)", Role.MUTED))
    clashes = clashes_with(index, session, bookmarked)
    if clashes:
        lines.append(_styled("⚠ Clashes with your bookmarks:", Role.CLASH))
        lines.extend(
            _line("  ", (time_range(o, zone, o.day), Role.MUTED), " ", one_line(o.title))
            for o in clashes
        )
    hint: Line = _naming_key(
        " (click or ", "main.speaker", "s", ": all their sessions)", Role.MUTED
    )
    for title, people in (
        ("Speakers", program.speakers_of(session)),
        ("Chairs", program.chairs_of(session)),
    ):
        if people:
            lines += [(), _line((title, Role.SECTION), *hint)]
            hint = ()
            for person in people:
                name = Span(one_line(person.name), action=speaker_action(person.id, session.id))
                line = _line("  ", name)
                if person.affiliation:
                    line += _styled(f" ({one_line(person.affiliation)})", Role.MUTED)
                lines.append(line)
    if session.description:
        lines += _section("Description")
        lines += _text(session.description)
    papers = program.papers_by_session.get(session.id, [])
    if papers:
        lines += _section(f"Papers ({len(papers)})")
        for paper in papers:
            lines.append(_line("  • ", one_line(paper.title)))
            authors = ", ".join(one_line(a.name) for a in paper.authors)
            if authors:
                lines.append(_styled(f"    {authors}", Role.MUTED))
    booths = program.booths_by_session.get(session.id, [])
    if booths:
        lines += _section("Booths")
        lines.extend(_line("  ", one_line(b.organisation)) for b in booths)
    return lines + _links_note_source(session.links, session.note, session.source_url)


def booth_text(booth: Booth, to_visit: AbstractSet[str]) -> list[Line]:
    """What a booth is: name, level, place, description and people.

    Its related sessions follow as a list of their own, then :func:`booth_more_text`."""
    lines: list[Line] = [_styled(one_line(booth.organisation), Role.TITLE)]
    facts = [one_line(booth.level) + " sponsor" if booth.level else "Exhibitor"]
    facts.append(one_line(booth.location) if booth.location else NO_LOCATION)
    lines.append(_styled(" · ".join(facts), Role.KIND))
    if booth.id in to_visit:
        lines.append(_naming_key("★ To visit (", BOOKMARK, "b", " to unmark)", Role.MARKED))
    else:
        lines.append(_naming_key("Not marked to visit (", BOOKMARK, "b", " to mark)", Role.MUTED))
    if booth.description:
        lines += _section("Description")
        lines += _text(booth.description)
    if booth.people:
        lines += _section("People")
        for person in booth.people:
            line = _line("  ", one_line(person.name))
            if person.role:
                line += _styled(f" — {one_line(person.role)}", Role.MUTED)
            lines.append(line)
    return lines


def short_when(session: Session, zone: tzinfo) -> str:
    """``Sat 7 Mar 09:00–10:00``; ``Sat 7 Mar time TBA``; ``Day not announced``. The day is
    the conference day; a start on another date in ``zone`` names its weekday
    (``Sat 7 Mar Sun 00:30–01:15``), as the day list does."""
    if session.day is None:
        return day_label(None)
    return f"{day_label(session.day)} {time_range(session, zone, session.day)}"


def related_sessions(index: ProgramIndex, booth: Booth) -> list[Session]:
    """The booth's related sessions that are in the program, in time order."""
    program = index.program
    return index.ordered(
        program.session_by_id[i] for i in booth.sessions if i in program.session_by_id
    )


def booth_full_text(
    index: ProgramIndex, booth: Booth, zone: tzinfo, to_visit: AbstractSet[str]
) -> list[Line]:
    """A booth with its related sessions as text (for a pane that has no list for them)."""
    lines = booth_text(booth, to_visit)
    sessions = related_sessions(index, booth)
    if sessions:
        lines += _section("Related sessions")
        lines.extend(
            _line("  ", (short_when(s, zone), Role.MUTED), " ", one_line(s.title)) for s in sessions
        )
    return lines + booth_more_text(booth)


def booth_more_text(booth: Booth) -> list[Line]:
    """A booth's links, note and source, shown under its related sessions (empty if none)."""
    return _links_note_source(booth.links, booth.note, booth.source_url)


def _links_note_source(
    links: Iterable[Link], note: str | None, source_url: str | None
) -> list[Line]:
    """The tail every session and booth detail ends with: links, note, then where it is from."""
    lines: list[Line] = []
    links = list(links)
    if links:
        lines += _section("Links")
        lines += _links(links)
    if note:
        lines += _section("Note")
        lines += _text(note)
    if source_url:
        lines.append(())
        lines.append(_url_field("Source", source_url))
    return lines


def paper_text(
    program: Program,
    paper: Paper,
    zone: tzinfo,
    bookmarked: AbstractSet[str],
    starred: AbstractSet[str] = frozenset(),
) -> list[Line]:
    """Everything known about a paper: whether it is starred (``b`` stars the paper itself,
    never its session), and the session presenting it, with that session's own bookmark."""
    star = "★ " if paper.id in starred else ""
    lines: list[Line] = [_styled(star + one_line(paper.title), Role.TITLE)]
    if paper.id in starred:
        on_agenda = "★ Starred: its session is on My agenda ("
        lines.append(_naming_key(on_agenda, BOOKMARK, "b", " to unstar)", Role.MARKED))
    else:
        lines.append(
            _naming_key("Not starred (", BOOKMARK, "b", " to star this paper)", Role.MUTED)
        )
    if paper.award:
        lines.append(_styled(f"🏆 {one_line(paper.award)}", Role.MARKED))
    if paper.authors:
        lines += _section("Authors")
        for author in paper.authors:
            line = _line("  ", one_line(author.name))
            if author.affiliation:
                line += _styled(f" ({one_line(author.affiliation)})", Role.MUTED)
            lines.append(line)
    lines += _section("Presented in")
    lines.append(_line("  ", session_label(program, paper.session, zone)))
    session = program.session_by_id.get(paper.session or "")
    if session is not None:
        room = program.room_name(session)
        if room:
            lines.append(_styled(f"  {one_line(room)}", Role.MUTED))
        if session.id in bookmarked:
            lines.append(_styled("  ★ Session bookmarked", Role.MARKED))
        lines.append(_naming_key("  ", "paper.session", "Enter", ": go to the session", Role.MUTED))
    if paper.topic:
        lines.append(())
        lines.append(_field("Topic", paper.topic))
    if paper.url:
        lines.append(_url_field("Paper", paper.url))
    if paper.note:
        lines += _section("Note")
        lines += _text(paper.note)
    if paper.source_url:
        lines.append(_url_field("Source", paper.source_url))
    return lines
