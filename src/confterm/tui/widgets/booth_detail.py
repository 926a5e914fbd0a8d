"""The detail of one booth, with its related sessions as a list to jump from."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical

from confterm.agenda import in_time_order
from confterm.tui.detail_text import booth_content
from confterm.tui.rows import Row, session_row
from confterm.tui.view import View
from confterm.tui.widgets.detail_pane import DetailPane
from confterm.tui.widgets.row_list import RowList


class RelatedSessions(RowList):
    """The sessions a booth names as related; Enter jumps to one."""


class BoothDetail(Vertical):
    """A booth's description, people and links, then its related sessions."""

    DEFAULT_CSS = """
    BoothDetail > DetailPane { height: auto; max-height: 75%; }
    BoothDetail > RelatedSessions { height: 1; max-height: 40%; }
    """

    booth_id: str | None = None

    def compose(self) -> ComposeResult:
        yield DetailPane("No booth selected.", classes="booth-body")
        yield RelatedSessions(empty="No related sessions.", classes="related")

    def show_booth(
        self, view: View, booth_id: str | None, to_visit: set[str], bookmarked: set[str]
    ) -> None:
        """Show the booth ``booth_id`` (or nothing)."""
        same = booth_id == self.booth_id
        self.booth_id = booth_id
        pane = self.query_one(DetailPane)
        related = self.query_one(RelatedSessions)
        booth = view.program.booth_by_id.get(booth_id or "")
        if booth is None:
            pane.show(pane._empty_content())
            related.set_rows([])
            related.display = False
            return
        pane.show(booth_content(view, booth, to_visit), keep_scroll=same)
        rows: list[Row] = []
        known = [
            view.program.session_by_id[i] for i in booth.sessions if i in view.program.session_by_id
        ]
        for session in in_time_order(known):
            if session is not None:
                rows.append(
                    session_row(
                        view.program,
                        session,
                        view.zone,
                        bookmarked=session.id in bookmarked,
                        clash=False,
                    )
                )
        cursor = related.current_target if same else None
        related.set_rows(rows, cursor_to=cursor)
        related.display = bool(rows)
        # A line-API list has no natural height: give it one line per session, up to ten.
        related.styles.height = min(len(rows), 10) or 1
