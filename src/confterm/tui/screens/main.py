"""The main screen: a tab per day, then booths, papers and my agenda; a list and a detail pane.

Its layers live in their own modules (:mod:`~confterm.tui.screens.main_base`: state and
layout; :mod:`~confterm.tui.screens.main_tabs`: tabs and their lists;
:mod:`~confterm.tui.screens.main_marks`: bookmarks); this one holds the keys, the other
screens they open, filters, the zone switch and jumps.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.binding import Binding, BindingType

from confterm.errors import StoreError
from confterm.queries.agenda import opening_position
from confterm.queries.filters import Filters, load_hidden
from confterm.tui.messages import JumpTarget
from confterm.tui.screens.main_base import (
    NARROW_WIDTH,
    NO_DAY_TAB,
    NOW_LINE_SECONDS,
    OTHER_TABS,
    PANES,
    SORT_AHEAD_DELAY,
    day_tab_id,
)
from confterm.tui.screens.main_marks import MainMarks
from confterm.tui.widgets.agenda_view import AgendaList
from confterm.tui.widgets.booth_detail import BoothDetail, RelatedSessions
from confterm.tui.widgets.booth_list import BoothList
from confterm.tui.widgets.detail_pane import DetailPane
from confterm.tui.widgets.filter_bar import FilterBar
from confterm.tui.widgets.header import ConfHeader
from confterm.tui.widgets.paper_detail import PaperDetail
from confterm.tui.widgets.paper_list import PaperList
from confterm.tui.widgets.row_list import RowList
from confterm.tui.widgets.session_detail import SessionDetail
from confterm.tui.widgets.session_list import SessionList

__all__ = [
    "NARROW_WIDTH",
    "NO_DAY_TAB",
    "OTHER_TABS",
    "PANES",
    "MainScreen",
    "day_tab_id",
]


class MainScreen(MainMarks):
    """Days, booths, papers and my agenda, each a list with the highlighted item's detail."""

    _opened: tuple[str, JumpTarget | None] | None = None

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "b,space",
            "toggle_mark",
            "Bookmark",
            tooltip="Bookmark session / mark booth to visit",
            id="main.bookmark",
        ),
        Binding(
            "left,left_square_bracket",
            "prev_tab",
            "Previous day",
            tooltip="Previous day (or tab)",
            show=False,
            priority=True,
            id="main.previous_day",
        ),
        Binding(
            "right,right_square_bracket",
            "next_tab",
            "Day",
            tooltip="Next day (or tab)",
            key_display="←→",
            priority=True,
            id="main.next_day",
        ),
        Binding("a", "show_tab('agenda')", "Agenda", tooltip="My agenda", id="main.agenda"),
        Binding(
            "slash",
            "search",
            "Search",
            tooltip="Search sessions, speakers, booths",
            id="main.search",
        ),
        Binding("n", "now_next", "Now", tooltip="Now & next", show=False, id="main.now_next"),
        Binding(
            "g", "grid", "Grid", tooltip="The day as a timetable grid", show=False, id="main.grid"
        ),
        # Shown in the key bar on My agenda only (check_action hides it elsewhere); the
        # second binding, without a description (so not in help twice), keeps p working on
        # every other tab.
        Binding(
            "p",
            "export_agenda",
            "Export",
            tooltip="Export my agenda, the program or a day to a file",
            id="main.export",
        ),
        Binding("p", "export", "", show=False, id="main.export_elsewhere"),
        Binding(
            "f",
            "filters",
            "Filter",
            tooltip="Filter the days' lists",
            show=False,
            id="main.filters",
        ),
        Binding("x", "clear_filters", "Clear filters", show=False, id="main.clear_filters"),
        Binding(
            "t",
            "toggle_zone",
            "Zone",
            tooltip="Conference / local time",
            show=False,
            id="main.zone",
        ),
        Binding(
            "s",
            "speaker",
            "Speakers",
            tooltip="The session's speakers",
            show=False,
            id="main.speaker",
        ),
        Binding("B", "show_tab('booths')", "Booths", id="main.booths"),
        Binding("P", "show_tab('papers')", "Papers", id="main.papers"),
        Binding(
            "escape",
            "back",
            "Back",
            tooltip="From the detail pane back to the list",
            show=False,
            id="main.back",
        ),
        *[
            Binding(
                str(n), f"day({n})", f"Day {n}", tooltip=f"Day {n}", show=False, id=f"main.day_{n}"
            )
            for n in range(1, 10)
        ],
    ]

    def on_mount(self) -> None:
        self.read_marks()
        try:
            self.filters = load_hidden(self.view.store, self.view.conference_id)
        except StoreError:
            self.filters = Filters()
        self.query_one(FilterBar).show_filters(self.filters, self.view.program)
        self.activate(*self._opening())
        # Shown now, with the first frame, rather than when the list's Highlighted message
        # arrives just after it (which would lay the screen out a second time).
        self._refresh_details()
        self.set_interval(NOW_LINE_SECONDS, self.move_now_line)
        # Once the first screen is up (a thread still holds the interpreter's lock by turns).
        self.set_timer(
            SORT_AHEAD_DELAY,
            lambda: self.run_worker(
                self._sort_days, thread=True, group="sort-days", exit_on_error=False
            ),
        )

    def opening_tab(self) -> str:
        """The tab shown first: the day of the session on now or next, else the first."""
        return self._opening()[0]

    def _opening(self) -> tuple[str, JumpTarget | None]:
        """The tab shown first and the session highlighted there (read once: the clock moves)."""
        if self._opened is None:
            day, session_id = opening_position(self.view.index, self.view.now())
            if day is not None and day in self.days:
                target = JumpTarget("session", session_id) if session_id else None
                self._opened = (day_tab_id(self.days.index(day)), target)
            else:
                self._opened = (self.tab_ids[0], None)
        return self._opened

    def action_search(self) -> None:
        """Search the program; Enter on a result goes there."""
        from confterm.tui.screens.search import SearchScreen

        self.app.push_screen(SearchScreen(self.view), self._after_detail)

    def action_now_next(self) -> None:
        """What is on now, and next."""
        from confterm.tui.screens.now_next import NowNextScreen

        self.app.push_screen(NowNextScreen(self.view), self._after_detail)

    def action_grid(self) -> None:
        """The day last shown as a timetable grid (from other tabs too; else today or day 1)."""
        from confterm.tui.screens.grid import GridScreen

        # The day list keeps the last day's rows while another tab is shown.
        target = self.query_one(SessionList).current_target
        session = self.view.program.session_by_id.get(target.item_id) if target else None
        day = self.shown_day() or (session.day if session else None)
        if day is None and self.days:
            today = self.view.now().astimezone(self.view.zone).date()
            day = today if today in self.days else self.days[0]
        session_id = session.id if session is not None and session.day == day else None
        self.app.push_screen(GridScreen(self.view, day, session_id), self._after_detail)

    def action_export(self) -> None:
        """Export my agenda, the whole program or a day; the dialog says where."""
        from confterm.tui.screens.export_dialog import ExportDialog

        minutes = getattr(self.app, "remind_minutes", 10)
        data_dir = getattr(self.app, "data_dir", None)
        self.app.push_screen(ExportDialog(self.view, alarm_minutes=minutes, data_dir=data_dir))

    def action_export_agenda(self) -> None:
        """The same export, from the key shown on My agenda."""
        self.action_export()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The Export key shows in the key bar on My agenda only."""
        if action == "export_agenda":
            return self.current_tab == "agenda"
        return True

    def action_filters(self) -> None:
        """Choose kinds, tracks, rooms, bookmarked-only, and rooms/tracks never to show."""
        from confterm.tui.screens.filters import FilterScreen

        def done(filters: Filters | None) -> None:
            if filters is not None:
                self.set_filters(filters)

        self.app.push_screen(FilterScreen(self.view, self.filters), done)

    def action_clear_filters(self) -> None:
        """Drop every filter (hidden rooms and tracks stay hidden)."""
        self.set_filters(self.filters.cleared())

    def set_filters(self, filters: Filters) -> None:
        """Apply ``filters`` to the days' lists and show them in the filter bar."""
        self.filters = filters
        self._day_rows.clear()
        self.query_one(FilterBar).show_filters(filters, self.view.program)
        if self.current_tab and self.current_tab not in PANES:
            self.activate(self.current_tab)

    def action_toggle_zone(self) -> None:
        """Show times in the conference's zone or the machine's."""
        from confterm.tui.zone_switch import toggle_zone

        label = toggle_zone(self.view)
        self._built.discard("papers")  # its rows show times; rebuilt when next shown
        if self.current_tab:
            self.activate(self.current_tab)
        self._refresh_details()
        self.query_one(ConfHeader).tick()
        self.notify(label, title="Time zone")

    def action_speaker(self) -> None:
        """The highlighted session's speakers and chairs: all their sessions and papers."""
        from confterm.tui.screens.speaker import SpeakerScreen

        target = self.current_target()
        session = self.view.program.session_by_id.get(target.item_id) if target else None
        people = [*session.speakers, *session.chairs] if session else []
        if not people:
            self.notify("No speakers listed here.")
            return
        self.app.push_screen(SpeakerScreen(self.view, people[0], people), self._after_detail)

    def jump(self, target: JumpTarget) -> bool:
        """Go to a session (its day), booth, paper or speaker (first session); False if unknown."""
        program = self.view.program
        if target.kind == "speaker":
            first = next(
                (
                    s
                    for day in self.by_day.values()
                    for s in day
                    if target.item_id in s.speakers or target.item_id in s.chairs
                ),
                None,
            )
            if first is None:
                return False
            target = JumpTarget("session", first.id)
        if target.kind == "session":
            session = program.session_by_id.get(target.item_id)
            if session is None:
                return False
            if not self.filters.matches(session, self.bookmarks):
                self.set_filters(Filters())  # show it rather than land elsewhere
            day = session.day
            tab = NO_DAY_TAB if day is None else day_tab_id(self.days.index(day))
        elif target.kind == "booth" and target.item_id in program.booth_by_id:
            tab = "booths"
        elif target.kind == "paper" and target.item_id in program.paper_by_id:
            tab = "papers"
        else:
            return False
        self.activate(tab, target)
        self._focus_list_force()
        return True

    @on(RowList.Highlighted)
    def _highlighted(self, event: RowList.Highlighted) -> None:
        target = event.row.target if event.row is not None else None
        control = event.control
        if isinstance(control, SessionList):
            self.query_one("#session-detail", SessionDetail).show_target(
                self.view, target, self.bookmarks
            )
        elif isinstance(control, BoothList):
            self.query_one(BoothDetail).show_booth(
                self.view, target.item_id if target else None, self.to_visit, self.bookmarks
            )
        elif isinstance(control, PaperList):
            self.query_one(PaperDetail).show_paper(
                self.view, target.item_id if target else None, self.bookmarks
            )
        elif isinstance(control, AgendaList):
            self.query_one("#agenda-detail", SessionDetail).show_target(
                self.view, target, self.bookmarks, self.to_visit
            )

    @on(RowList.Selected)
    def _selected(self, event: RowList.Selected) -> None:
        target = event.row.target
        control = event.control
        if target is None:
            return
        if isinstance(control, (SessionList, BoothList)):
            if self.narrow:
                from confterm.tui.screens.detail_screen import DetailScreen

                self.app.push_screen(DetailScreen(self.view, target), self._after_detail)
            elif isinstance(control, SessionList):
                self.set_focus(self.query_one("#session-detail"))
            else:
                related = self.query_one(RelatedSessions)
                pane = self.query_one(BoothDetail).query_one(DetailPane)
                self.set_focus(related if related.rows else pane)
        elif isinstance(control, PaperList):
            paper = self.view.program.paper_by_id.get(target.item_id)
            if (
                paper is None
                or paper.session is None
                or not self.jump(JumpTarget("session", paper.session))
            ):
                self.notify("This paper's session is not announced yet.", severity="warning")
        else:
            self.jump(target)

    def _after_detail(self, result: JumpTarget | None) -> None:
        if result is not None:
            self.app.jump_to(result)  # type: ignore[attr-defined]
