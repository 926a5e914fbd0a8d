"""The detail of one session."""

from __future__ import annotations

from confterm.tui.detail_text import booth_full_content, session_content
from confterm.tui.messages import JumpTarget
from confterm.tui.view import View
from confterm.tui.widgets.detail_pane import DetailPane


class SessionDetail(DetailPane):
    """Shows a session (or, in my agenda, a booth) in full."""

    target: JumpTarget | None = None

    def show_target(
        self,
        view: View,
        target: JumpTarget | None,
        bookmarked: set[str],
        to_visit: set[str] | None = None,
        *,
        keep_scroll: bool = False,
    ) -> None:
        """Show the session (or booth) ``target``; nothing for None."""
        same = keep_scroll and target == self.target
        self.target = target
        program = view.program
        if target is not None and target.kind == "session":
            session = program.session_by_id.get(target.item_id)
            if session is not None:
                self.show(session_content(view, session, bookmarked), keep_scroll=same)
                return
        if target is not None and target.kind == "booth":
            booth = program.booth_by_id.get(target.item_id)
            if booth is not None:
                self.show(booth_full_content(view, booth, to_visit or set()), keep_scroll=same)
                return
        self.show(self._empty_content())
