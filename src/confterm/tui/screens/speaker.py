"""A speaker's page: who they are, every session they speak at or chair, and their papers.

Each session and paper takes two lines, as in the day list and the papers tab (a session's
row is dated: a speaker's sessions span days).

Opened from a speaker's name (a detail, the command palette); it dismisses with a
:class:`~confterm.model.targets.JumpTarget` for the session or paper picked, or None on Esc.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label

from confterm.model.program import Session
from confterm.model.targets import JumpTarget
from confterm.present.rows import Heading, PaperRow, Row, author_line, session_row
from confterm.text import one_line
from confterm.tui.screens.search import when_text
from confterm.tui.state import AppState
from confterm.tui.widgets.key_bar import KeyBar
from confterm.tui.widgets.row_list import RowList

SESSIONS, PAPERS = "Sessions", "Papers"
NOT_IN_A_SESSION = "not in a session"


def people_of(session: Session) -> list[str]:
    """The ids of a session's speakers then chairs, each once: whom left/right cycle through."""
    return list(dict.fromkeys([*session.speakers, *session.chairs]))


class SpeakerScreen(ModalScreen[JumpTarget | None]):
    """All the sessions and papers of one speaker."""

    DEFAULT_CSS = """
    /* Opaque, over the whole screen: a translucent one would draw the screen beneath it
       again, tinted, on every frame (most of the cost of opening it), and the list gets
       every line of the terminal. */
    SpeakerScreen { align: center top; background: $background; }
    SpeakerScreen > Vertical {
        width: 100%; max-width: 130; height: 1fr;
        border: thick $accent; background: $surface; padding: 0 1;
    }
    SpeakerScreen #speaker-name { text-style: bold; }
    SpeakerScreen #speaker-about { color: $text-muted; height: auto; max-height: 5; }
    SpeakerScreen #speaker-list { height: 1fr; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Back", id="speaker.back"),
        Binding("right,right_square_bracket", "cycle(1)", "Next person", id="speaker.next"),
        Binding("left,left_square_bracket", "cycle(-1)", "Previous person", id="speaker.previous"),
        Binding(
            "b,space",
            "toggle_mark",
            "Bookmark",
            tooltip="Bookmark the highlighted session, or star the highlighted paper",
            id="speaker.bookmark",
        ),
    ]

    def __init__(self, state: AppState, speaker_id: str, people: Sequence[str] = ()) -> None:
        """``people``: the speakers and chairs of the session it was opened from, which
        left/right cycle through."""
        super().__init__()
        self.state = state
        self.speaker_id = speaker_id
        self.people = list(people) or [speaker_id]
        if speaker_id not in self.people:
            self.people.insert(0, speaker_id)
        self._shown: str | None = None  # the person whose rows the list holds

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label("", id="speaker-name")
            yield Label("", id="speaker-about")
            yield RowList(empty="No sessions or papers.", two_lines=True, id="speaker-list")
        yield KeyBar(compact=True)

    def show_speaker(self, speaker_id: str) -> None:
        """Show ``speaker_id``'s name, affiliation, sessions and papers."""
        self.speaker_id = speaker_id
        speaker = self.state.program.speaker_by_id.get(speaker_id)
        name = one_line(speaker.name) if speaker else speaker_id
        if len(self.people) > 1:
            name += f"   ({self.people.index(speaker_id) + 1} of {len(self.people)}, ←/→)"
        about = (
            [one_line(speaker.affiliation or ""), one_line(speaker.bio or "")] if speaker else []
        )
        self.query_one("#speaker-name", Label).update(Content(name))
        self.query_one("#speaker-about", Label).update(
            Content(" · ".join(part for part in about if part))
        )
        rows = self.rows
        # Redrawn for the same person (a bookmark, the zone): keep the highlighted row.
        kept = rows.current_target if speaker_id == self._shown else None
        self._shown = speaker_id
        rows.set_rows(self._rows(), cursor_to=kept, in_place=kept is not None)

    def action_cycle(self, step: int) -> None:
        """Show the next (or previous) person of the session."""
        if len(self.people) > 1:
            index = (self.people.index(self.speaker_id) + step) % len(self.people)
            self.show_speaker(self.people[index])

    def _rows(self) -> list[Row]:
        """Their sessions (dated, a chair's marked), then their papers (with when each is
        presented): a page can list a hundred papers, made into plain rows at once and drawn
        only as far as the screen shows them."""
        program, zone = self.state.program, self.state.zone
        bookmarked, starred = self.state.bookmarks, self.state.starred
        index = self.state.index
        sessions = index.sessions_of_person(self.speaker_id)
        papers = index.papers_of_person(self.speaker_id)
        rows: list[Row] = []
        if sessions:
            rows.append(Heading(SESSIONS))
        for session, role in sessions:
            row = session_row(
                program,
                session,
                zone,
                bookmarked=session.id in bookmarked,
                clash=False,
                note="chair" if role == "chair" else "",
            )
            rows.append(replace(row, time=when_text(session, zone)))
        if papers:
            rows.append(Heading(PAPERS))
        for paper in papers:
            presented = program.session_by_id.get(paper.session or "")
            title = one_line(paper.title)
            if paper.award:
                title += f" · {one_line(paper.award)}"
            rows.append(
                PaperRow(
                    paper.id,
                    title,
                    author_line(paper),
                    when_text(presented, zone) if presented else NOT_IN_A_SESSION,
                    starred=paper.id in starred,
                )
            )
        return rows

    def on_mount(self) -> None:
        # A bookmark made elsewhere (another confterm, the CLI) or the zone: redraw.
        self.state.subscribe(self, lambda _change: self.show_speaker(self.speaker_id))
        self.show_speaker(self.speaker_id)
        self.rows.focus()

    @property
    def rows(self) -> RowList:
        """The list of their sessions and papers."""
        return self.query_one("#speaker-list", RowList)

    @on(RowList.Selected, "#speaker-list")
    def _selected(self, event: RowList.Selected) -> None:
        event.stop()
        target = event.row.target
        if isinstance(target, JumpTarget):
            self.dismiss(target)

    @property
    def highlighted_target(self) -> JumpTarget | None:
        """The session or paper of the highlighted row, if any."""
        return self.rows.current_target

    def action_toggle_mark(self) -> None:
        """Bookmark the highlighted session or star the highlighted paper (not its session)."""
        target = self.highlighted_target
        if target is None:
            self.notify("Nothing highlighted to bookmark.", severity="warning")
            return
        # The list is redrawn (highlight kept) when the state announces the change.
        self.state.toggle(target)

    def action_cancel(self) -> None:
        """Close without moving."""
        self.dismiss(None)
