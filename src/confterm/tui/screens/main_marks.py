"""The main screen's bookmarks: toggling one (``b``), and redrawing only the rows and details
that show a mark that changed (the app state announces every change)."""

from __future__ import annotations

from confterm.model.targets import JumpTarget
from confterm.present.day_rows import DayRows
from confterm.present.rows import BoothRow, booth_row
from confterm.text import one_line
from confterm.tui.messages import MarksChanged
from confterm.tui.screens.main_tabs import MainTabs
from confterm.tui.widgets.agenda_view import AgendaList
from confterm.tui.widgets.booth_detail import BoothDetail
from confterm.tui.widgets.booth_list import BoothList
from confterm.tui.widgets.paper_detail import PaperDetail
from confterm.tui.widgets.paper_list import PaperList
from confterm.tui.widgets.row_list import RowList
from confterm.tui.widgets.session_detail import SessionDetail
from confterm.tui.widgets.session_list import SessionList


class MainMarks(MainTabs):
    """Bookmarks and booths to visit: what ``b`` acts on, and the marks shown."""

    def marks_changed(self, change: MarksChanged) -> None:
        """Marks changed (here, in another screen, or in another process): redraw the rows
        and details that show them, nothing else."""
        sessions = self.query_one(SessionList)
        if isinstance(sessions.rows, DayRows):
            if change.elsewhere:
                changed = sessions.rows.remark_all(self.state.bookmarks)
            else:
                changed = sessions.rows.remark(change.sessions, self.state.bookmarks)
            # The details are refreshed below, keeping their scroll position.
            sessions.update_rows(changed, announce=False)
        if change.booths or change.elsewhere:
            self._remark_booths()
        self._refresh_details(keep_scroll=True)
        if self.current_tab == "agenda":  # otherwise it is rebuilt when next shown
            self._build_agenda()

    def _remark_booths(self) -> None:
        if "booths" not in self._built:  # made with the marks of the day when first shown
            return
        booths = self.query_one(BoothList)
        rows = list(booths.rows)
        changed = []
        for index, row in enumerate(rows):
            if isinstance(row, BoothRow) and row.to_visit != (row.booth_id in self.state.to_visit):
                booth = self.state.program.booth_by_id[row.booth_id]
                rows[index] = booth_row(booth, to_visit=booth.id in self.state.to_visit)
                changed.append(index)
        if changed:
            booths.rows = rows
            booths.update_rows(changed, announce=False)

    def _refresh_details(self, *, keep_scroll: bool = False) -> None:
        detail = self.query_one("#session-detail", SessionDetail)
        detail.show_target(
            self.state,
            self.query_one(SessionList).current_target,
            keep_scroll=keep_scroll,
        )
        if "booths" in self._built:
            self.query_one(BoothDetail).show_booth(self.state, self._booth_shown())
        if "papers" in self._built:
            target = self.query_one(PaperList).current_target
            self.query_one(PaperDetail).show_paper(
                self.state, target.item_id if target else None, keep_scroll=True
            )
        if "agenda" in self._built:
            self.query_one("#agenda-detail", SessionDetail).show_target(
                self.state,
                self.query_one(AgendaList).current_target,
                keep_scroll=keep_scroll,
            )

    def _booth_shown(self) -> str | None:
        target = self.query_one(BoothList).current_target
        return target.item_id if target else None

    def current_target(self) -> JumpTarget | None:
        """What b acts on: the focused detail's item, else the highlighted row's."""
        focused = self.focused
        if isinstance(focused, SessionDetail):
            return focused.target
        if focused is not None and isinstance(focused.parent, BoothDetail):
            booth = focused.parent.booth_id
            return JumpTarget("booth", booth) if booth else None
        if isinstance(focused, RowList):
            return focused.current_target
        shown = self.shown_list()
        return shown.current_target if isinstance(shown, RowList) else None

    def action_toggle_mark(self) -> None:
        """Bookmark the session (or mark the booth to visit) under the cursor; on a paper,
        the session presenting it (said in a notification: nothing else on the tab shows it)."""
        target = self.current_target()
        if target is not None and target.kind == "paper":
            self._toggle_paper_session(target.item_id)
        elif target is not None:
            self.state.toggle(target)

    def _toggle_paper_session(self, paper_id: str) -> None:
        program = self.state.program
        paper = program.paper_by_id.get(paper_id)
        session = program.session_by_id.get(paper.session or "") if paper else None
        if session is None:
            self.notify(
                "This paper's session is not announced: nothing to bookmark", severity="warning"
            )
            return
        marked = self.state.toggle(JumpTarget("session", session.id))
        if marked is not None:
            done = "Bookmarked" if marked else "Removed bookmark"
            self.notify(
                f'{done} "{one_line(session.title)}" (the session presenting this paper)',
                markup=False,
            )
