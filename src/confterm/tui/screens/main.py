"""The main screen: the header, a tab per day then booths, papers and my agenda, the pane of the
tab shown, and the keys.

What each tab shows and does is its pane's (:mod:`confterm.tui.panes`); this screen only
switches between them, opens the other screens, and goes where a jump asks. Only what is shown
is built: the booths, papers and agenda panes are mounted the first time their tab is, so the
first screen composes only what it shows and a huge program paints as fast as a small one.
Below ``NARROW_WIDTH`` columns (a Textual breakpoint) the list alone is shown and Enter opens
the detail as its own screen.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.events import Resize
from textual.screen import Screen
from textual.widget import AwaitMount
from textual.widgets import ContentSwitcher

from confterm.model.targets import JumpTarget
from confterm.present.formatting import day_label
from confterm.queries.agenda import has_sessions_on, opening_position, sessions_by_day
from confterm.queries.filters import Filters
from confterm.tui.access import confterm_app
from confterm.tui.messages import FiltersChanged, StateChange
from confterm.tui.panes.agenda import AgendaPane
from confterm.tui.panes.base import Pane
from confterm.tui.panes.booths import BoothsPane
from confterm.tui.panes.day import DayPane
from confterm.tui.panes.papers import PapersPane
from confterm.tui.screens.main_keys import MAIN_BINDINGS
from confterm.tui.state import AppState
from confterm.tui.widgets.filter_bar import FilterBar
from confterm.tui.widgets.header import ConfHeader
from confterm.tui.widgets.key_bar import KeyBar
from confterm.tui.widgets.tab_bar import TabBar
from confterm.tui.widgets.tab_labels import NO_DAY_TAB, OTHER_TABS, TabLabels, day_tab_id

NARROW_WIDTH = 100
#: How many places back Esc can go along jumps.
TRAIL_LENGTH = 50
#: The panes of the tabs other than days, mounted when their tab is first shown.
PANES: dict[str, Callable[[AppState], Pane]] = {
    "booths": BoothsPane,
    "papers": PapersPane,
    "agenda": AgendaPane,
}


class MainScreen(Screen[None]):
    """Days, booths, papers and my agenda: a tab bar over the pane of the tab shown."""

    BINDINGS: ClassVar[list[BindingType]] = MAIN_BINDINGS
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (NARROW_WIDTH, "-wide")]  # noqa: RUF012

    def __init__(self, state: AppState) -> None:
        super().__init__()
        self.state = state
        self.day_pane = DayPane(state)
        self.days: list[date] = self.day_pane.days
        undated = [NO_DAY_TAB] if has_sessions_on(state.index, None) else []
        self.tab_ids = [*(day_tab_id(i) for i in range(len(self.days))), *undated, *OTHER_TABS]
        self.labels = TabLabels(self.tab_ids, self.days)
        self.current_tab = ""
        self._panes: dict[str, Pane] = {}
        self._mounting: dict[str, AwaitMount] = {}
        self._mounted: set[str] = set()
        self._opened = self._opening()
        #: Where jumps came from, newest last: Esc walks back along them.
        self.trail: list[tuple[str, JumpTarget | None]] = []
        #: The day tab shown last (Esc on Booths, Papers or My agenda goes back to it).
        self.last_day_tab = ""

    def compose(self) -> ComposeResult:
        yield ConfHeader(self.state, id="header")
        # Classed and labelled for the terminal's width, and opened on the first tab shown,
        # so the first frame is not followed by a relabelling and an underline moving.
        width = self.app.size.width
        self.set_class(width < NARROW_WIDTH, "-narrow")
        yield TabBar(self.labels.for_width(width), active=self._opened[0], id="tabs")
        yield FilterBar(id="filter-bar")
        with ContentSwitcher(initial="day-pane", id="panes"):
            yield self.day_pane
        yield KeyBar(compact=True)

    def on_mount(self) -> None:
        self.state.subscribe(self, self._state_changed)
        self.query_one(FilterBar).show_filters(self.state.filters, self.state.program)
        self.activate(*self._opened)

    def _opening(self) -> tuple[str, JumpTarget | None]:
        """The tab shown first (the day of the session on now or next, else the first tab)
        and the session highlighted there; read once, as the clock moves."""
        day, session_id = opening_position(self.state.index, self.state.now())
        if day is None or day not in self.days:
            return self.tab_ids[0], None
        target = JumpTarget("session", session_id) if session_id else None
        return day_tab_id(self.days.index(day)), target

    @on(Resize)
    def _relabel(self, event: Resize) -> None:
        self.query_one(TabBar).set_labels(dict(self.labels.for_width(event.size.width)))

    @property
    def narrow(self) -> bool:
        """True when only one pane is shown at a time."""
        return self.has_class("-narrow")

    # -- tabs -----------------------------------------------------------------------------------

    def shown_pane(self) -> Pane:
        """The pane of the tab shown (the day pane while another is being mounted)."""
        return self._panes.get(self.current_tab, self.day_pane)

    def shown_day(self) -> date | None:
        """The day whose list is shown (None: the undated sessions, or another tab)."""
        if self.current_tab in PANES or self.current_tab in ("", NO_DAY_TAB):
            return None
        return self.days[self.tab_ids.index(self.current_tab)]

    def activate(self, tab_id: str, target: JumpTarget | None = None) -> None:
        """Show the tab ``tab_id``, with the cursor on ``target`` when given."""
        if tab_id not in self.tab_ids:
            return
        self.current_tab = tab_id
        if tab_id not in PANES:
            self.last_day_tab = tab_id
        self.refresh_bindings()  # the Export key shows on My agenda only
        tabs = self.query_one(TabBar)
        if tabs.active != tab_id:
            tabs.active = tab_id
        switcher = self.query_one(ContentSwitcher)
        if tab_id in PANES:
            self.query_one(ConfHeader).set_day(OTHER_TABS[tab_id])
            if tab_id not in self._mounting:
                self._panes[tab_id] = PANES[tab_id](self.state)
                self._mounting[tab_id] = switcher.mount(self._panes[tab_id])
            pane = self._panes[tab_id]
            switcher.current = pane.id
            if tab_id in self._mounted:
                pane.show(target)
                pane.focus_list()
            else:
                self.call_next(self._show_mounted, tab_id, target)
        else:
            switcher.current = "day-pane"
            day = self.shown_day()
            self.query_one(ConfHeader).set_day(day_label(day))
            self.day_pane.show_day(day, target)
            self.day_pane.focus_list()

    async def _show_mounted(self, tab_id: str, target: JumpTarget | None) -> None:
        """Fill the pane of ``tab_id`` once it is mounted (at once after its first showing)."""
        await self._mounting[tab_id]
        self._mounted.add(tab_id)
        if self.current_tab == tab_id:  # not left already
            pane = self._panes[tab_id]
            pane.show(target)
            pane.focus_list()

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
        else:
            count = len(self.days)
            self.notify(
                f"There is no day {number}: this conference has {count} day{'s' * (count != 1)}.",
                severity="warning",
                timeout=3,
            )

    def action_show_tab(self, tab_id: str) -> None:
        """Booths, papers or my agenda."""
        self.activate(tab_id)

    def action_back(self) -> None:
        """Back one step: from a detail to its list; else to where the last jump came from
        (a paper, My agenda, a search...); else from Booths, Papers or My agenda to the day
        shown last."""
        pane = self.shown_pane()
        lists = pane.query(".list")
        if lists and self.focused is not lists.first():
            pane.focus_list(force=True)
            return
        if self.trail:
            tab, target = self.trail.pop()
            self.activate(tab, target)
            self.shown_pane().focus_list(force=True)
            return
        if self.current_tab in PANES:
            self.activate(self.last_day_tab or self.tab_ids[0])

    def jump(self, target: JumpTarget) -> bool:
        """Go to a session (its day), booth, paper or speaker (first session); False if unknown."""
        program = self.state.program
        if target.kind == "speaker":
            person = target.item_id
            first = next(
                (
                    s.id
                    for day in sessions_by_day(self.state.index).values()
                    for s in day
                    if person in s.speakers or person in s.chairs
                ),
                None,
            )
            if first is None:
                return False
            target = JumpTarget("session", first)
        if target.kind == "session":
            session = program.session_by_id.get(target.item_id)
            if session is None:
                return False
            if not self.state.filters.matches(session, self.state.bookmarks):
                self.state.set_filters(Filters())  # show it rather than land elsewhere
            day = session.day
            tab = NO_DAY_TAB if day is None else day_tab_id(self.days.index(day))
        elif target.kind == "booth" and target.item_id in program.booth_by_id:
            tab = "booths"
        elif target.kind == "paper" and target.item_id in program.paper_by_id:
            tab = "papers"
        else:
            return False
        self._remember_place()
        self.activate(tab, target)
        self.shown_pane().focus_list(force=True)
        return True

    def _remember_place(self) -> None:
        """Note where we are before a jump, so Esc can come back to it."""
        if not self.current_tab:
            return
        lists = self.shown_pane().query(".list")
        here = lists.first().current_target if lists else None  # type: ignore[attr-defined]
        place = (self.current_tab, here)
        if not self.trail or self.trail[-1] != place:
            self.trail.append(place)
            del self.trail[:-TRAIL_LENGTH]

    # -- what the state announces ---------------------------------------------------------------

    def _state_changed(self, change: StateChange) -> None:
        if isinstance(change, FiltersChanged):  # (a mark changes no filter: no relayout)
            self.query_one(FilterBar).show_filters(self.state.filters, self.state.program)

    # -- keys that act on the item shown, or open another screen --------------------------------

    def current_target(self) -> JumpTarget | None:
        """What ``b`` and ``s`` act on: the shown pane's focused detail, else its row."""
        return self.shown_pane().current_target()

    def action_toggle_mark(self) -> None:
        """Bookmark the session (or mark the booth to visit) under the cursor; on a paper,
        the session presenting it."""
        self.shown_pane().toggle_mark()

    def action_toggle_zone(self) -> None:
        """Show times in the conference's zone or the machine's."""
        self.notify(self.state.toggle_zone(), title="Time zone")

    def action_clear_filters(self) -> None:
        """Drop every filter, hidden rooms and tracks included (forgotten too: the banner's
        "x: clear" promises the whole program back)."""
        self.state.set_filters(Filters())

    def _open(self, screen: Screen[JumpTarget | None]) -> None:
        """Push ``screen``; the item it returns, if any, is gone to."""
        self.app.push_screen(screen, confterm_app(self).jump_result)

    def action_search(self) -> None:
        """Search the program; Enter on a result goes there."""
        from confterm.tui.screens.search import SearchScreen

        self.app.push_screen(SearchScreen(self.state), self._search_result)

    def _search_result(self, result: JumpTarget | None) -> None:
        """Go to the hit chosen and open its detail: a hit is picked to be read, not only
        found (Esc then goes back to its list, and again to where the search began)."""
        if result is None:
            return
        app = confterm_app(self)
        app.jump_to(result)
        if app.screen is self and self.current_target() == result:
            self.shown_pane().open_detail(result)

    def action_now_next(self) -> None:
        """What is on now, and next."""
        from confterm.tui.screens.now_next import NowNextScreen

        self._open(NowNextScreen(self.state))

    def action_grid(self) -> None:
        """The day last shown as a timetable grid (from other tabs too; else today or day 1)."""
        from confterm.tui.screens.grid import GridScreen

        day, session_id = self.day_pane.grid_start(self.shown_day())
        self._open(GridScreen(self.state, day, session_id))

    def action_export(self) -> None:
        """Export my agenda, the whole program or a day; the dialog says where."""
        from confterm.tui.screens.export_dialog import ExportDialog

        app = confterm_app(self)
        dialog = ExportDialog(self.state, alarm_minutes=app.remind_minutes, data_dir=app.data_dir)
        self.app.push_screen(dialog)

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
                self.state.set_filters(filters)

        self.app.push_screen(FilterScreen(self.state, self.state.filters), done)

    def action_speaker(self) -> None:
        """The highlighted session's speakers and chairs: all their sessions and papers."""
        from confterm.tui.screens.speaker import SpeakerScreen

        target = self.current_target()
        session = self.state.program.session_by_id.get(target.item_id) if target else None
        people = [*session.speakers, *session.chairs] if session else []
        if not people:
            self.notify("No speakers listed here.")
            return
        self._open(SpeakerScreen(self.state, people[0], people))
