"""A session's, booth's or paper's detail as a screen of its own, for narrow terminals.

It returns a :class:`~confterm.model.targets.JumpTarget` when the user picks a related session,
or None on Esc; the main screen underneath is untouched, so Esc returns to the same place.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen

from confterm.model.targets import JumpTarget
from confterm.tui.access import confterm_app
from confterm.tui.state import AppState
from confterm.tui.widgets.booth_detail import BoothDetail, RelatedSessions
from confterm.tui.widgets.header import ConfHeader
from confterm.tui.widgets.key_bar import KeyBar
from confterm.tui.widgets.paper_detail import PaperDetail
from confterm.tui.widgets.row_list import RowList
from confterm.tui.widgets.session_detail import SessionDetail


class DetailScreen(Screen[JumpTarget | None]):
    """One session or booth, full screen."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape", "back", "Back", tooltip="Back to the list, where you were", id="detail.back"
        ),
        Binding("b,space", "toggle_mark", "Bookmark", id="detail.bookmark"),
        Binding(
            "s",
            "speaker",
            "Speakers",
            tooltip="The session's speakers: all their sessions and papers",
            id="detail.speaker",
        ),
    ]

    def __init__(self, state: AppState, target: JumpTarget) -> None:
        super().__init__()
        self.state = state
        self.target = target

    def compose(self) -> ComposeResult:
        yield ConfHeader(self.state, id="header")
        if self.target.kind == "booth":
            yield BoothDetail(id="booth-detail", classes="detail")
        elif self.target.kind == "paper":
            yield PaperDetail(id="paper-detail", classes="detail")
        else:
            yield SessionDetail("", id="session-detail", classes="detail")
        yield KeyBar(compact=True)

    def on_mount(self) -> None:
        self.state.subscribe(self, lambda change: self.refresh_detail())
        self.refresh_detail()
        if self.target.kind == "booth":
            related = self.query_one(RelatedSessions)
            self.set_focus(related if related.rows else self.query_one(BoothDetail).children[0])
        elif self.target.kind == "paper":
            self.set_focus(self.query_one(PaperDetail))
        else:
            self.set_focus(self.query_one(SessionDetail))

    def refresh_detail(self) -> None:
        """Redraw after a bookmark changed."""
        if self.target.kind == "booth":
            self.query_one(BoothDetail).show_booth(self.state, self.target.item_id)
        elif self.target.kind == "paper":
            self.query_one(PaperDetail).show_paper(
                self.state, self.target.item_id, keep_scroll=True
            )
        else:
            self.query_one(SessionDetail).show_target(self.state, self.target, keep_scroll=True)
        session = self.state.program.session_by_id.get(self.target.item_id)
        if self.target.kind == "session" and session is not None and session.day is not None:
            from confterm.present.formatting import day_label

            self.query_one(ConfHeader).set_day(day_label(session.day))

    def action_back(self) -> None:
        """Back to the list, where it was."""
        self.dismiss(None)

    def action_toggle_mark(self) -> None:
        """Bookmark this session (or mark this booth to visit)."""
        self.state.toggle(self.target)

    def action_speaker(self) -> None:
        """The first speaker (or chair) of this session; left/right go through the others."""
        confterm_app(self).open_speakers(self.target)

    @on(RowList.Selected)
    def _selected(self, event: RowList.Selected) -> None:
        if event.row.target is not None:
            self.dismiss(event.row.target)
