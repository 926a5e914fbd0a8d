"""Command-palette providers: jump to a session, speaker, booth or paper by typing its name,
star one (``b`` and its title), or switch to another conference; and the main screen's actions
as palette commands.

Commands rank above the items they share a query with ("now" puts "Now & next" before talks
with "now" in their title): jump and star hits are scored at :data:`ITEM_SCORE_SHARE` of the
fuzzy matcher's score, commands at the whole of it.

Names come from data, so the displayed text is built as plain ``Content`` (never markup) and
the help line holds only confterm's own words.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from confterm.model.targets import JumpTarget
from confterm.present.detail_text import BOOKMARK
from confterm.present.formatting import day_label, time_range
from confterm.store.catalog import list_conferences
from confterm.text import one_line
from confterm.tui.access import confterm_app

if TYPE_CHECKING:
    from confterm.tui.screens.main import MainScreen
    from confterm.tui.state import AppState


#: What an item's hit scores, as a share of a command's score for the same match.
ITEM_SCORE_SHARE = 0.5


def jump_entries(state: AppState) -> list[tuple[str, str, JumpTarget]]:
    """Every jump destination: (label, help, target); a bookmarked session's help says so."""
    program, zone, bookmarks = state.program, state.zone, state.bookmarks
    entries: list[tuple[str, str, JumpTarget]] = []
    for session in program.sessions:
        when = f"{day_label(session.day)} {time_range(session, zone, session.day)}"
        star = " · ★ bookmarked" if session.id in bookmarks else ""
        entries.append(
            (
                f"Session: {one_line(session.title)}",
                f"Jump to this {session.kind.label.lower()} · {when}{star}",
                JumpTarget("session", session.id),
            )
        )
    counts: dict[str, int] = {}
    for session in program.sessions:
        for person in {*session.speakers, *session.chairs}:
            counts[person] = counts.get(person, 0) + 1
    for speaker in program.speakers:
        if speaker.id in counts:
            entries.append(
                (
                    f"Speaker: {one_line(speaker.name)}",
                    f"Their sessions and papers ({_sessions(counts[speaker.id])})",
                    JumpTarget("speaker", speaker.id),
                )
            )
    entries.extend(
        (
            f"Booth: {one_line(booth.organisation)}",
            "Jump to this booth",
            JumpTarget("booth", booth.id),
        )
        for booth in program.booths
    )
    entries.extend(
        (f"Paper: {one_line(paper.title)}", "Jump to this paper", JumpTarget("paper", paper.id))
        for paper in program.papers
    )
    return entries


def _sessions(count: int) -> str:
    return f"{count} session" if count == 1 else f"{count} sessions"


def highlighted(label: str, offsets: Sequence[int], style: str) -> Content:
    """``label`` as plain content with the matched characters styled."""
    content = Content(label)
    for offset in offsets:
        if 0 <= offset < len(label) and not label[offset].isspace():
            content = content.stylize(style, offset, offset + 1)
    return content


class _LabelledProvider(Provider):
    """A provider over a fixed list of (label, help, callback), matched on the label.

    Labels come from data, so hits are built as plain ``Content`` rather than markup."""

    _entries: list[tuple[str, str, Callable[[], None]]] | None = None
    #: The share of the matcher's score its hits get (commands rank above items).
    score_share = 1.0

    def entries(self) -> list[tuple[str, str, Callable[[], None]]]:
        """Every entry, built once per palette."""
        raise NotImplementedError

    def _all(self) -> list[tuple[str, str, Callable[[], None]]]:
        if self._entries is None:
            self._entries = self.entries()
        return self._entries

    def browsable(self, label: str) -> bool:
        """Whether an entry is offered before anything is typed."""
        return True

    async def discover(self) -> Hits:
        """With nothing typed: the entries worth browsing."""
        for label, help_text, callback in self._all():
            if self.browsable(label):
                yield DiscoveryHit(Content(label), callback, text=label, help=help_text)

    async def search(self, query: str) -> Hits:
        """Every entry whose label matches ``query``."""
        matcher = self.matcher(query)
        for label, help_text, callback in self._all():
            score = matcher.match(label)
            if score > 0:
                _, offsets = matcher.fuzzy_search.match(query, label)
                yield Hit(
                    score * self.score_share,
                    highlighted(label, offsets, "bold reverse"),
                    callback,
                    text=label,
                    help=help_text,
                )


class JumpProvider(_LabelledProvider):
    """Jump to session / speaker / booth / paper; booths and speakers are browsable."""

    score_share = ITEM_SCORE_SHARE

    def entries(self) -> list[tuple[str, str, Callable[[], None]]]:
        app = confterm_app(self)
        state, jump = app.state, app.jump_to
        return [
            (label, help_text, partial(jump, target))
            for label, help_text, target in jump_entries(state)
        ]

    def browsable(self, label: str) -> bool:
        return label.startswith(("Booth: ", "Speaker: "))


def star_prefix(state: AppState) -> str:
    """What a palette query starts with to star an item: the bookmark key and a space
    (``b ``, or ``m `` once keymap.toml makes it m)."""
    key = state.keys(BOOKMARK, "b")
    return f"{key if len(key) == 1 else 'b'} "


def star_entries(state: AppState) -> list[tuple[str, str, str, JumpTarget]]:
    """Every session and paper to star from the palette: (title, label, help, target); the
    label and help show whether it is starred now."""
    entries: list[tuple[str, str, str, JumpTarget]] = []
    for session in state.program.sessions:
        title = one_line(session.title)
        target = JumpTarget("session", session.id)
        if session.id in state.bookmarks:
            entries.append((title, f"★ {title}", "Bookmarked: Enter removes the star", target))
        else:
            entries.append((title, f"☆ {title}", "Enter bookmarks this session", target))
    for paper in state.program.papers:
        title = one_line(paper.title)
        target = JumpTarget("paper", paper.id)
        if paper.id in state.starred:
            entries.append((title, f"★ Paper: {title}", "Starred: Enter removes the star", target))
        else:
            entries.append((title, f"☆ Paper: {title}", "Enter stars this paper", target))
    return entries


class StarProvider(Provider):
    """``b`` and a title: star (or unstar) that session or paper; each hit shows its star."""

    _entries: list[tuple[str, str, str, JumpTarget]] | None = None

    async def search(self, query: str) -> Hits:
        """The sessions and papers whose title matches what follows ``b ``."""
        state = confterm_app(self).state
        prefix = star_prefix(state)
        if not query.lower().startswith(prefix.lower()) or not query[len(prefix) :].strip():
            return
        words = query[len(prefix) :].strip()
        if self._entries is None:  # built once per palette, with the stars of the moment
            self._entries = star_entries(state)
        matcher = self.matcher(words)
        for title, label, help_text, target in self._entries:
            score = matcher.match(title)
            if score > 0:
                _, offsets = matcher.fuzzy_search.match(words, title)
                shift = len(label) - len(title)
                yield Hit(
                    score * ITEM_SCORE_SHARE,
                    highlighted(label, [o + shift for o in offsets], "bold reverse"),
                    partial(self._toggle, target, title),
                    text=label,
                    help=help_text,
                )

    def _toggle(self, target: JumpTarget, title: str) -> None:
        app = confterm_app(self)
        starred = app.state.toggle(target)
        if starred is None:
            return  # not saved: the state said why
        if target.kind == "session":
            done = "★ Bookmarked" if starred else "Bookmark removed"
        else:
            done = "★ Starred" if starred else "Star removed"
        app.notify(title, title=done, timeout=4)


def conference_entries(data_dir: Path, current: str) -> list[tuple[str, str, str]]:
    """The other bundled and imported conferences: (label, help, conference id)."""
    return [
        (
            f"Conference: {one_line(info.name)}",
            f"Switch to it ({info.id}, {info.start_date} to {info.end_date}, "
            f"{_sessions(info.sessions)})",
            info.id,
        )
        for info in list_conferences(data_dir)
        if info.id != current
    ]


class ConferenceProvider(_LabelledProvider):
    """Switch to another bundled or imported conference."""

    def entries(self) -> list[tuple[str, str, Callable[[], None]]]:
        app = confterm_app(self)
        state, switch, data_dir = app.state, app.switch_conference, app.data_dir
        return [
            (label, help_text, partial(switch, conference_id))
            for label, help_text, conference_id in conference_entries(data_dir, state.conference_id)
        ]


def main_commands(main: MainScreen) -> list[tuple[str, str, Callable[[], object]]]:
    """The main screen's actions as palette commands: (title, help, callback)."""
    commands: list[tuple[str, str, Callable[[], object]]] = [
        ("Bookmark", "Toggle the highlighted session's (or paper's) star", main.action_toggle_mark),
        ("Search", "Search sessions, speakers and booths", partial(main.action_open, "search")),
        ("Now & next", "What is on now, and next", partial(main.action_open, "now_next")),
        ("Grid", "The day as a timetable grid", partial(main.action_open, "grid")),
        (
            "Filters",
            "Choose kinds, tracks, rooms; hide rooms and tracks",
            partial(main.action_open, "filters"),
        ),
        ("Clear filters", "Show every session again", main.action_clear_filters),
        *(
            [
                (
                    "Changes seen",
                    "Clear every [moved] / [changed] / [cancelled] mark of the last refreshes",
                    lambda: main.state.see_changes(),
                )
            ]
            if main.state.changes
            else []
        ),
        (
            "Time zone",
            "Show times in the conference's zone or this machine's",
            main.action_toggle_zone,
        ),
        (
            "Export",
            "My agenda, the whole program or a day, to a file",
            partial(main.action_open, "export"),
        ),
        ("Speakers", "The highlighted session's speakers", partial(main.action_open, "speaker")),
        (
            "My agenda",
            "Your bookmarked sessions, papers and booths",
            lambda: main.activate("agenda"),
        ),
    ]
    if main.state.program.booths:
        commands.append(("Booths", "Sponsors and exhibitors", lambda: main.activate("booths")))
    if main.state.program.papers:
        commands.append(("Papers", "Accepted papers", lambda: main.activate("papers")))
    commands += [
        ("Next day", "The next tab", main.action_next_tab),
        ("Previous day", "The previous tab", main.action_prev_tab),
    ]
    for number, day in enumerate(main.days[:9], start=1):
        commands.append(
            (
                f"Day {number}: {day_label(day)}",
                "Show this day",
                partial(main.action_day, number),
            )
        )
    return commands
