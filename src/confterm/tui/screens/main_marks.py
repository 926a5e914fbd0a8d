"""The main screen's bookmarks: reading them, toggling one (``b``), and redrawing only the
rows and details that show it."""

from __future__ import annotations

from confterm.errors import StoreError
from confterm.model.targets import JumpTarget
from confterm.present.day_rows import DayRows
from confterm.present.rows import BoothRow, booth_row
from confterm.store.bookmarks import ItemKind
from confterm.text import one_line
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

    def read_marks(self) -> None:
        """Read bookmarks and booths to visit from the store (empty if it cannot be read)."""
        try:
            self.bookmarks = self.view.bookmarked_sessions()
            self.to_visit = self.view.booths_to_visit()
        except StoreError as error:
            self.bookmarks, self.to_visit = set(), set()
            self.notify(error.message, severity="error")

    def reload_marks(self) -> None:
        """Bookmarks changed elsewhere (another instance, the CLI): redraw the marks."""
        self.read_marks()
        self._refresh_marks()

    def apply_toggle(self, kind: ItemKind, item_id: str, state: bool) -> None:
        """One bookmark changed here: update the rows that show it, nothing else."""
        marks = self.bookmarks if kind is ItemKind.SESSION else self.to_visit
        if state:
            marks.add(item_id)
        else:
            marks.discard(item_id)
        if kind is ItemKind.SESSION:
            sessions = self.query_one(SessionList)
            if isinstance(sessions.rows, DayRows):
                # The details are refreshed below, keeping their scroll position.
                changed = sessions.rows.remark([item_id], self.bookmarks)
                sessions.update_rows(changed, announce=False)
        else:
            self._remark_booths()
        self._refresh_details(keep_scroll=True)
        if self.current_tab == "agenda":  # otherwise it is rebuilt when next shown
            self._build_agenda()

    def _refresh_marks(self) -> None:
        sessions = self.query_one(SessionList)
        if isinstance(sessions.rows, DayRows):
            sessions.update_rows(sessions.rows.remark_all(self.bookmarks), announce=False)
        self._remark_booths()
        if self.current_tab == "agenda":
            self._build_agenda()
        self._refresh_details(keep_scroll=True)

    def _remark_booths(self) -> None:
        if "booths" not in self._built:  # made with the marks of the day when first shown
            return
        booths = self.query_one(BoothList)
        rows = list(booths.rows)
        changed = []
        for index, row in enumerate(rows):
            if isinstance(row, BoothRow) and row.to_visit != (row.booth_id in self.to_visit):
                booth = self.view.program.booth_by_id[row.booth_id]
                rows[index] = booth_row(booth, to_visit=booth.id in self.to_visit)
                changed.append(index)
        if changed:
            booths.rows = rows
            booths.update_rows(changed, announce=False)

    def _refresh_details(self, *, keep_scroll: bool = False) -> None:
        detail = self.query_one("#session-detail", SessionDetail)
        detail.show_target(
            self.view,
            self.query_one(SessionList).current_target,
            self.bookmarks,
            keep_scroll=keep_scroll,
        )
        if "booths" in self._built:
            self.query_one(BoothDetail).show_booth(
                self.view, self._booth_shown(), self.to_visit, self.bookmarks
            )
        if "papers" in self._built:
            target = self.query_one(PaperList).current_target
            self.query_one(PaperDetail).show_paper(
                self.view, target.item_id if target else None, self.bookmarks, keep_scroll=True
            )
        if "agenda" in self._built:
            self.query_one("#agenda-detail", SessionDetail).show_target(
                self.view,
                self.query_one(AgendaList).current_target,
                self.bookmarks,
                self.to_visit,
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
            self.app.toggle_mark(target)  # type: ignore[attr-defined]

    def _toggle_paper_session(self, paper_id: str) -> None:
        program = self.view.program
        paper = program.paper_by_id.get(paper_id)
        session = program.session_by_id.get(paper.session or "") if paper else None
        if session is None:
            self.notify(
                "This paper's session is not announced: nothing to bookmark", severity="warning"
            )
            return
        state = self.app.toggle_mark(JumpTarget("session", session.id))  # type: ignore[attr-defined]
        if state is not None:
            done = "Bookmarked" if state else "Removed bookmark"
            self.notify(
                f'{done} "{one_line(session.title)}" (the session presenting this paper)',
                markup=False,
            )
