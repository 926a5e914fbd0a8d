"""The main screen: a tab per day, then booths, papers and my agenda; a list and a detail pane.

Only what is shown is built: a day's rows when its tab is opened, booths and papers the first
time their tab is, so a huge program paints as fast as a small one. On narrow terminals only
the list is shown and Enter opens the detail as its own screen.
"""

from __future__ import annotations

from collections.abc import Sized
from datetime import date, tzinfo
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.events import Resize
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import ContentSwitcher, Footer, Static, Tab, Tabs

from confterm.agenda import (
    build_agenda,
    day_sessions,
    has_sessions_on,
    opening_position,
    program_days,
    session_times,
    sessions_by_day,
)
from confterm.errors import StoreError
from confterm.filters import Filters, load_hidden
from confterm.formatting import DAY_UNKNOWN, day_label
from confterm.model.program import Session
from confterm.store import ItemKind
from confterm.text import one_line
from confterm.tui.day_rows import DayRows, day_rows, now_on_day
from confterm.tui.messages import JumpTarget
from confterm.tui.rows import (
    BoothRow,
    Row,
    agenda_rows,
    booth_row,
    booth_rows,
)
from confterm.tui.view import View
from confterm.tui.widgets.agenda_view import AgendaList
from confterm.tui.widgets.booth_detail import BoothDetail, RelatedSessions
from confterm.tui.widgets.booth_list import BoothList
from confterm.tui.widgets.detail_pane import DetailPane
from confterm.tui.widgets.filter_bar import FilterBar
from confterm.tui.widgets.header import ConfHeader
from confterm.tui.widgets.paper_detail import PaperDetail
from confterm.tui.widgets.paper_list import PaperList, paper_list_rows
from confterm.tui.widgets.row_list import RowList
from confterm.tui.widgets.session_detail import SessionDetail
from confterm.tui.widgets.session_list import SessionList

NARROW_WIDTH = 100
NOW_LINE_SECONDS = 30  # how often the now-line is checked (it shows minutes)
SORT_AHEAD_DELAY = 0.2  # seconds after mounting before the other days are sorted
NO_DAY_TAB = "day-none"
OTHER_TABS = {"booths": "Booths", "papers": "Papers", "agenda": "My agenda"}
PANES = {"booths": "booths-pane", "papers": "papers-pane", "agenda": "agenda-pane"}


def _pane_classes(items: Sized) -> str:
    """The classes of a tab's pane: ``-empty`` shows its one-line message instead."""
    return "pane" if len(items) else "pane -empty"


def day_tab_id(index: int) -> str:
    """The tab id of the ``index``-th day."""
    return f"day-{index}"


class MainScreen(Screen[None]):
    """Days, booths, papers and my agenda, each a list with the highlighted item's detail."""

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
        Binding(
            "p",
            "export",
            "Export",
            tooltip="Export my agenda to a file",
            show=False,
            id="main.export",
        ),
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

    def __init__(self, view: View) -> None:
        super().__init__()
        self.view = view
        program = view.program
        self.days: list[date] = program_days(program)
        self.tab_ids: list[str] = [day_tab_id(i) for i in range(len(self.days))]
        if has_sessions_on(program, None):
            self.tab_ids.append(NO_DAY_TAB)
        self.tab_ids += list(OTHER_TABS)
        self.current_tab = ""
        self.bookmarks: set[str] = set()
        self.to_visit: set[str] = set()
        self._built: set[str] = set()
        self._day_cursor: dict[str, JumpTarget] = {}
        self._day_rows: dict[tuple[date | None, tzinfo], DayRows] = {}
        self._labelled = False
        self.filters = Filters()

    # -- layout -------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield ConfHeader(self.view, id="header")
        tabs = [Tab(day_label(day), id=day_tab_id(i)) for i, day in enumerate(self.days)]
        if NO_DAY_TAB in self.tab_ids:
            tabs.append(Tab(DAY_UNKNOWN, id=NO_DAY_TAB))
        tabs += [Tab(label, id=tab_id) for tab_id, label in OTHER_TABS.items()]
        bar = Tabs(*tabs, id="tabs")
        bar.can_focus = False
        yield bar
        yield FilterBar(id="filter-bar")
        with ContentSwitcher(initial="day-pane", id="panes"):
            with Horizontal(id="day-pane", classes="pane"):
                yield SessionList(empty="No sessions on this day.", id="sessions", classes="list")
                yield SessionDetail("No session selected.", id="session-detail", classes="detail")
            # A program may have no booths or papers (an imported FOSDEM has neither): the tab
            # stays, so B and P and the tab order never change, and says so in one line.
            program = self.view.program
            with Horizontal(id="booths-pane", classes=_pane_classes(program.booths)):
                yield BoothList(empty="No booths announced.", id="booths", classes="list")
                yield BoothDetail(id="booth-detail", classes="detail")
                yield Static("No booths in this program", classes="pane-empty", markup=False)
            with Horizontal(id="papers-pane", classes=_pane_classes(program.papers)):
                yield PaperList(empty="No papers announced.", id="papers", classes="list")
                yield PaperDetail("No paper selected.", id="paper-detail", classes="detail")
                yield Static("No papers in this program", classes="pane-empty", markup=False)
            with Horizontal(id="agenda-pane", classes="pane"):
                yield AgendaList(
                    empty="No bookmarks yet: press b on a session to add it.",
                    id="agenda",
                    classes="list",
                )
                yield SessionDetail("Nothing selected.", id="agenda-detail", classes="detail")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.read_marks()
        try:
            self.filters = load_hidden(self.view.store, self.view.conference_id)
        except StoreError:
            self.filters = Filters()
        self.query_one(FilterBar).show_filters(self.filters, self.view.program)
        day, session_id = opening_position(self.view.program, self.view.now())
        target = JumpTarget("session", session_id) if session_id else None
        if day is not None and day in self.days:
            self.activate(day_tab_id(self.days.index(day)), target)
        else:
            self.activate(self.tab_ids[0])
        self.set_interval(NOW_LINE_SECONDS, self.move_now_line)
        # Once the first screen is up (a thread still holds the interpreter's lock by turns).
        self.set_timer(
            SORT_AHEAD_DELAY,
            lambda: self.run_worker(
                self._sort_days, thread=True, group="sort-days", exit_on_error=False
            ),
        )

    @property
    def by_day(self) -> dict[date | None, list[Session]]:
        """Every session by day, in time order (sorted once per program, when first needed)."""
        return sessions_by_day(self.view.program)

    def shown_day(self) -> date | None:
        """The day whose list is shown (None: the undated sessions, or another tab)."""
        if self.current_tab in PANES or self.current_tab in ("", NO_DAY_TAB):
            return None
        return self.days[self.tab_ids.index(self.current_tab)]

    def move_now_line(self) -> None:
        """Keep the now-line of today's list at the current time (it appears at midnight)."""
        sessions = self.query_one(SessionList)
        if isinstance(sessions.rows, DayRows):
            now = now_on_day(self.shown_day(), self.view.now(), self.view.program.conference.zone)
            # Read before the line moves: a line leaving from above shifts the rows below.
            target = sessions.current_target
            if sessions.rows.set_now(now):
                sessions.rows_moved(target)

    @on(Resize)
    def _narrow_or_wide(self, event: Resize) -> None:
        narrow = event.size.width < NARROW_WIDTH
        if narrow != self.narrow or not self._labelled:
            self._labelled = True
            self.set_class(narrow, "-narrow")
            self._label_tabs(short=narrow)

    def _label_tabs(self, *, short: bool) -> None:
        """Short tab labels on narrow terminals, so every tab stays visible."""
        tabs = self.query_one(Tabs)
        for index, day in enumerate(self.days):
            label = f"{day:%a} {day.day}" if short else day_label(day)
            tabs.query_one(f"#{day_tab_id(index)}", Tab).label = label
        if NO_DAY_TAB in self.tab_ids:
            tabs.query_one(f"#{NO_DAY_TAB}", Tab).label = "Undated" if short else DAY_UNKNOWN
        tabs.query_one("#agenda", Tab).label = "Agenda" if short else OTHER_TABS["agenda"]

    @property
    def narrow(self) -> bool:
        """True when only one pane is shown at a time."""
        return self.has_class("-narrow")

    # -- marks --------------------------------------------------------------------------------

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

    # -- tabs ---------------------------------------------------------------------------------

    def activate(self, tab_id: str, target: JumpTarget | None = None) -> None:
        """Show the tab ``tab_id``, with the cursor on ``target`` when given."""
        if tab_id not in self.tab_ids:
            return
        sessions = self.query_one(SessionList)
        if self.current_tab and self.current_tab not in PANES and sessions.current_target:
            self._day_cursor[self.current_tab] = sessions.current_target
        self.current_tab = tab_id
        tabs = self.query_one(Tabs)
        if tabs.active != tab_id:
            tabs.active = tab_id
        header = self.query_one(ConfHeader)
        switcher = self.query_one(ContentSwitcher)
        if tab_id in PANES:
            switcher.current = PANES[tab_id]
            header.set_day(OTHER_TABS[tab_id])
            self._show_other(tab_id, target)
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
        shown = day_sessions(program, day)
        if self.filters.is_active:
            shown = self.filters.apply(shown, self.bookmarks)
        rows = day_rows(program, shown, zone, self.bookmarks, now, session_times(program))
        if not self.filters.is_active:
            self._day_rows[key] = rows
        return rows

    def _sort_days(self) -> None:
        """Put every day in time order ahead of time, nearest days first (in a thread: a
        50,000-session program's day takes tens of milliseconds to sort)."""
        shown = self.shown_day()
        here = self.days.index(shown) if shown is not None else 0
        for day in sorted(self.days, key=lambda d: abs(self.days.index(d) - here)):
            day_sessions(self.view.program, day)

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
        rows: list[Row] = agenda_rows(build_agenda(self.view.program, marks), self.view.zone)
        keep = target or agenda_list.current_target
        old_cursor = agenda_list.cursor
        agenda_list.set_rows(rows, cursor_to=keep)
        if keep is not None and agenda_list.index_of(keep) is None and old_cursor is not None:
            # The item left the agenda (un-bookmarked here): stay at the same place.
            agenda_list._jump(min(old_cursor, len(rows) - 1), 1)

    def _focus_list(self) -> None:
        pane = self.query_one(ContentSwitcher).visible_content
        if pane is not None:
            focused = self.focused
            if focused is None or pane not in focused.ancestors_with_self:
                self.set_focus(pane.query_one(".list"))

    @on(Tabs.TabActivated)
    def _tab_clicked(self, event: Tabs.TabActivated) -> None:
        # Programmatic switches also post this; only a tab the bar still shows (a click) counts.
        if event.tab.id and event.tab.id == event.tabs.active and event.tab.id != self.current_tab:
            self.activate(event.tab.id)

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

    def _focus_list_force(self) -> None:
        pane = self.query_one(ContentSwitcher).visible_content
        if pane is not None:
            self.set_focus(pane.query_one(".list"))

    # -- other screens ------------------------------------------------------------------------

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
        """Export my agenda (text, Markdown, HTML or iCalendar); the dialog says where."""
        from confterm.tui.screens.export_dialog import ExportDialog

        self.app.push_screen(ExportDialog(self.view))

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

    # -- jumping ------------------------------------------------------------------------------

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
        pane = self.query_one(ContentSwitcher).visible_content
        return pane.query_one(".list", RowList).current_target if pane else None

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

    # -- lists --------------------------------------------------------------------------------

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

    def focus_of(self, pane_id: str) -> Widget:
        """The list of the pane ``pane_id`` (for tests)."""
        return self.query_one(f"#{pane_id}").query_one(".list")
