"""The detail of one session."""

from __future__ import annotations

from confterm.model.targets import JumpTarget
from confterm.present.change_marks import change_line
from confterm.present.detail_text import booth_full_text, session_text
from confterm.tui.state import AppState
from confterm.tui.widgets.detail_content import detail_content
from confterm.tui.widgets.detail_pane import DetailPane


class SessionDetail(DetailPane):
    """Shows a session (or, in my agenda, a booth) in full."""

    target: JumpTarget | None = None

    def show_target(
        self,
        state: AppState,
        target: JumpTarget | None,
        *,
        keep_scroll: bool = False,
    ) -> None:
        """Show the session (or booth) ``target``; nothing for None."""
        same = keep_scroll and target == self.target
        self.target = target
        program = state.program
        if target is not None and target.kind == "session":
            session = program.session_by_id.get(target.item_id)
            if session is not None:
                text = session_text(state.index, session, state.zone, state.bookmarks)
                mark = state.change_of(session.id)
                if mark is not None:
                    text.insert(2, change_line(mark, state.zone))
                self.show(detail_content(text, state.keys), keep_scroll=same)
                return
        if target is not None and target.kind == "booth":
            booth = program.booth_by_id.get(target.item_id)
            if booth is not None:
                text = booth_full_text(state.index, booth, state.zone, state.to_visit)
                self.show(detail_content(text, state.keys), keep_scroll=same)
                return
        self.show(self._empty_content())
