"""A speaker's page: who they are, every session they speak at or chair, and their papers.

Opened from a speaker's name (a detail, the command palette); it dismisses with a
:class:`~confterm.model.targets.JumpTarget` for the session or paper picked, or None on Esc.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from confterm.model.program import Session
from confterm.model.targets import JumpTarget
from confterm.text import one_line
from confterm.tui.screens.search import STAR, WHEN_WIDTH, result_option, session_prompt, when_text
from confterm.tui.state import AppState


def people_of(session: Session) -> list[str]:
    """The ids of a session's speakers then chairs, each once: whom left/right cycle through."""
    return list(dict.fromkeys([*session.speakers, *session.chairs]))


class SpeakerScreen(ModalScreen[JumpTarget | None]):
    """All the sessions and papers of one speaker."""

    DEFAULT_CSS = """
    SpeakerScreen { align: center middle; }
    SpeakerScreen > Vertical {
        width: 90%; max-width: 130; height: 80%;
        border: thick $accent; background: $surface; padding: 0 1;
    }
    SpeakerScreen #speaker-name { text-style: bold; }
    SpeakerScreen #speaker-about { color: $text-muted; height: auto; max-height: 5; }
    SpeakerScreen OptionList { height: 1fr; border: none; }
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
        self.targets: list[JumpTarget | None] = []
        self._shown: str | None = None  # the person whose rows the list holds

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label("", id="speaker-name")
            yield Label("", id="speaker-about")
            yield OptionList(id="speaker-list")

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
        results = self.query_one(OptionList)
        # Redrawn for the same person (a bookmark, the zone): keep the highlighted row.
        same = speaker_id == self._shown
        kept = results.highlighted if same else None
        self._shown = speaker_id
        results.set_options(self._options())
        if kept is None or kept >= len(self.targets) or self.targets[kept] is None:
            kept = next((n for n, t in enumerate(self.targets) if t is not None), None)
        results.highlighted = kept

    def action_cycle(self, step: int) -> None:
        """Show the next (or previous) person of the session."""
        if len(self.people) > 1:
            index = (self.people.index(self.speaker_id) + step) % len(self.people)
            self.show_speaker(self.people[index])

    def _options(self) -> list[Option]:
        program = self.state.program
        zone = self.state.zone
        bookmarked, starred = self.state.bookmarks, self.state.starred
        options: list[Option] = []
        self.targets = []
        sessions = self.state.index.sessions_of_person(self.speaker_id)
        papers = self.state.index.papers_of_person(self.speaker_id)
        if sessions:
            options.append(Option(Content.styled("Sessions", "bold $text-accent"), disabled=True))
            self.targets.append(None)
        for session, role in sessions:
            note = "(chair)" if role == "chair" else ""
            options.append(
                result_option(
                    session_prompt(program, session, zone, session.id in bookmarked, note)
                )
            )
            self.targets.append(JumpTarget("session", session.id))
        if papers:
            options.append(Option(Content.styled("Papers", "bold $text-accent"), disabled=True))
            self.targets.append(None)
        for paper in papers:
            presented = program.session_by_id.get(paper.session or "")
            when = when_text(presented, zone) if presented else "not in a session"
            prompt = Content.assemble(
                (STAR if paper.id in starred else " ", "bold $text-warning"),
                " ",
                (when.ljust(WHEN_WIDTH), "$text-muted"),
                " ",
                one_line(paper.title),
                ("  " + one_line(paper.award or ""), "bold $text-warning"),
            )
            options.append(result_option(prompt))
            self.targets.append(JumpTarget("paper", paper.id))
        if not options:
            options.append(Option(Content("No sessions or papers."), disabled=True))
            self.targets.append(None)
        return options

    def on_mount(self) -> None:
        # A bookmark made elsewhere (another confterm, the CLI) or the zone: redraw.
        self.state.subscribe(self, lambda _change: self.show_speaker(self.speaker_id))
        self.show_speaker(self.speaker_id)
        self.query_one(OptionList).focus()

    @on(OptionList.OptionSelected, "#speaker-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        target = self.targets[event.option_index]
        if target is not None:
            self.dismiss(target)

    @property
    def highlighted_target(self) -> JumpTarget | None:
        """The session or paper of the highlighted row, if any."""
        index = self.query_one(OptionList).highlighted
        if index is None or index >= len(self.targets):
            return None
        return self.targets[index]

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
