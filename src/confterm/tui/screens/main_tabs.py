"""The main screen's tabs: switching between days, booths, papers and my agenda, and
building each tab's list (a day's rows kept while no filter is set)."""

from __future__ import annotations

from datetime import date

from textual import on
from textual.widgets import ContentSwitcher

from confterm.errors import StoreError
from confterm.present.formatting import day_label
from confterm.queries.agenda import build_agenda, day_sessions, session_times
from confterm.tui.day_rows import DayRows, day_rows, now_on_day
from confterm.tui.messages import JumpTarget
from confterm.tui.rows import Row, agenda_rows, booth_rows
from confterm.tui.screens.main_base import OTHER_TABS, PANES, MainBase, day_tab_id
from confterm.tui.widgets.agenda_view import AgendaList
from confterm.tui.widgets.booth_list import BoothList
from confterm.tui.widgets.header import ConfHeader
from confterm.tui.widgets.paper_list import PaperList, paper_list_rows
from confterm.tui.widgets.row_list import RowList
from confterm.tui.widgets.session_list import SessionList
from confterm.tui.widgets.tab_bar import TabBar


class MainTabs(MainBase):
    """Tab switching and the lists' rows."""

    def move_now_line(self) -> None:
        """Keep the now-line of today's list at the current time (it appears at midnight)."""
        sessions = self.query_one(SessionList)
        if isinstance(sessions.rows, DayRows):
            now = now_on_day(self.shown_day(), self.view.now(), self.view.program.conference.zone)
            # Read before the line moves: a line leaving from above shifts the rows below.
            target = sessions.current_target
            if sessions.rows.set_now(now):
                sessions.rows_moved(target)

    def activate(self, tab_id: str, target: JumpTarget | None = None) -> None:
        """Show the tab ``tab_id``, with the cursor on ``target`` when given."""
        if tab_id not in self.tab_ids:
            return
        sessions = self.query_one(SessionList)
        if self.current_tab and self.current_tab not in PANES and sessions.current_target:
            self._day_cursor[self.current_tab] = sessions.current_target
        self.current_tab = tab_id
        self.refresh_bindings()  # the Export key shows on My agenda only
        tabs = self.query_one(TabBar)
        if tabs.active != tab_id:
            tabs.active = tab_id
        header = self.query_one(ConfHeader)
        switcher = self.query_one(ContentSwitcher)
        if tab_id in PANES:
            if tab_id not in self._mounting:
                self._mounting[tab_id] = switcher.mount(self.pane_of(tab_id))
            switcher.current = PANES[tab_id]
            header.set_day(OTHER_TABS[tab_id])
            if tab_id in self._mounted:
                self._show_other(tab_id, target)
            else:
                self.call_next(self._show_mounted, tab_id, target)
        else:
            switcher.current = "day-pane"
            day = self.shown_day()
            header.set_day(day_label(day))
            rows = self._rows_of(day)
            sessions.set_rows(rows, cursor_to=target or self._day_cursor.get(tab_id))
        self._focus_list()

    def _rows_of(self, day: date | None) -> DayRows:
        """The rows of ``day``; kept while no filter is set, so going back to a day costs
        next to nothing (its marks are remade when drawn, its now-line moved)."""
        program, zone = self.view.program, self.view.zone
        # Days are the conference's: today is today in its zone, whatever zone times show in.
        now = now_on_day(day, self.view.now(), program.conference.zone)
        key = (day, zone)
        rows = self._day_rows.get(key)
        if rows is not None:
            rows.reset_marks(self.bookmarks)
            rows.set_now(now)
            return rows
        shown = day_sessions(self.view.index, day)
        if self.filters.is_active:
            shown = self.filters.apply(shown, self.bookmarks)
        rows = day_rows(program, shown, zone, self.bookmarks, now, session_times(self.view.index))
        if not self.filters.is_active:
            self._day_rows[key] = rows
        return rows

    def _sort_days(self) -> None:
        """Build the program's index ahead of time, nearest days first, and the shown day's
        grid (in a thread: on 50,000 sessions a day takes tens of milliseconds to sort and
        to lay out, and the search index most of a second). Other days' grids are laid out
        when first shown: each is megabytes on such a program."""
        shown = self.shown_day()
        here = self.days.index(shown) if shown is not None else 0
        nearest = sorted(self.days, key=lambda d: abs(self.days.index(d) - here))
        view = self.view
        for day in nearest:
            day_sessions(view.index, day)
        if nearest:
            view.layouts.get(nearest[0], view.zone)
        view.index.prepare(nearest)

    async def _show_mounted(self, tab_id: str, target: JumpTarget | None) -> None:
        """Fill the pane of ``tab_id`` once it is mounted (its first showing)."""
        await self._mounting[tab_id]
        self._mounted.add(tab_id)
        if self.current_tab == tab_id:  # not left already
            self._show_other(tab_id, target)
            self._focus_list()

    def _show_other(self, tab_id: str, target: JumpTarget | None) -> None:
        program, zone = self.view.program, self.view.zone
        if tab_id == "agenda":
            self._built.add("agenda")
            self._build_agenda(target)
            return
        widget: RowList = self.query_one(BoothList if tab_id == "booths" else PaperList)
        if tab_id not in self._built:
            self._built.add(tab_id)
            rows = (
                booth_rows(program, self.to_visit)
                if tab_id == "booths"
                else paper_list_rows(program, zone)
            )
            widget.set_rows(rows, cursor_to=target)
        elif target is not None:
            widget.move_to(target)

    def _build_agenda(self, target: JumpTarget | None = None) -> None:
        agenda_list = self.query_one(AgendaList)
        try:
            marks = self.view.store.bookmarks(self.view.conference_id)
        except StoreError as error:
            self.notify(error.message, severity="error")
            marks = []
        rows: list[Row] = agenda_rows(build_agenda(self.view.index, marks), self.view.zone)
        keep = target or agenda_list.current_target
        old_cursor = agenda_list.cursor
        agenda_list.set_rows(rows, cursor_to=keep)
        if keep is not None and agenda_list.index_of(keep) is None and old_cursor is not None:
            # The item left the agenda (un-bookmarked here): stay at the same place.
            agenda_list._jump(min(old_cursor, len(rows) - 1), 1)

    @on(TabBar.Clicked)
    def _tab_clicked(self, event: TabBar.Clicked) -> None:
        self.activate(event.tab_id)

    def action_prev_tab(self) -> None:
        """The tab to the left."""
        index = self.tab_ids.index(self.current_tab)
        if index > 0:
            self.activate(self.tab_ids[index - 1])

    def action_next_tab(self) -> None:
        """The tab to the right."""
        index = self.tab_ids.index(self.current_tab)
        if index + 1 < len(self.tab_ids):
            self.activate(self.tab_ids[index + 1])

    def action_day(self, number: int) -> None:
        """Day ``number`` (1-based)."""
        if 1 <= number <= len(self.days):
            self.activate(day_tab_id(number - 1))

    def action_show_tab(self, tab_id: str) -> None:
        """Booths, papers or my agenda."""
        self.activate(tab_id)

    def action_back(self) -> None:
        """From a detail pane back to its list."""
        self._focus_list_force()
