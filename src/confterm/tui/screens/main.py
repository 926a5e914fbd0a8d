"""The main screen: the header, a tab per day then booths, papers and my agenda, the pane of the
tab shown (:mod:`confterm.tui.panes`, switched by ``PaneSwitcher``), and the keys (``main_keys``).

This screen switches tabs, opens other screens (``openers``), goes where a jump asks and back
along jumps (Esc). Below ``NARROW_WIDTH`` columns (a Textual breakpoint) the list alone is
shown and Enter opens the detail as its own screen.
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from textual import on
from textual.actions import parse as parse_action
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen

from confterm.model.targets import JumpTarget
from confterm.present.formatting import day_label
from confterm.queries.agenda import has_sessions_on, opening_position
from confterm.queries.filters import Filters
from confterm.tui.messages import FiltersChanged, StateChange
from confterm.tui.panes.base import Pane
from confterm.tui.panes.day import DayPane
from confterm.tui.panes.switcher import PANES, PaneSwitcher
from confterm.tui.screens.main_keys import MAIN_BINDINGS
from confterm.tui.screens.openers import OPENERS
from confterm.tui.screens.trail import Trail
from confterm.tui.state import AppState
from confterm.tui.widgets.filter_bar import FilterBar
from confterm.tui.widgets.header import ConfHeader
from confterm.tui.widgets.key_bar import KeyBar
from confterm.tui.widgets.tab_bar import TabBar
from confterm.tui.widgets.tab_labels import NO_DAY_TAB, OTHER_TABS, TabLabels, day_tab_id, tab_ids

NARROW_WIDTH = 100


class MainScreen(Screen[None]):
    """Days, booths, papers and my agenda: a tab bar over the pane of the tab shown."""

    BINDINGS: ClassVar[list[BindingType]] = MAIN_BINDINGS
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (NARROW_WIDTH, "-wide")]  # noqa: RUF012

    def __init__(self, state: AppState) -> None:
        super().__init__()
        self.state = state
        self.day_pane = DayPane(state)
        self.days: list[date] = self.day_pane.days
        self.tab_ids = tab_ids(state.program, len(self.days), has_sessions_on(state.index, None))
        self.labels = TabLabels(self.tab_ids, self.days)
        self.current_tab = ""
        self._opened = self._opening()
        #: Where jumps came from: Esc walks back along them.
        self.trail = Trail()
        #: The day tab shown last (Esc on Booths, Papers or My agenda goes back to it).
        self.last_day_tab = ""

    def compose(self) -> ComposeResult:
        yield ConfHeader(self.state, id="header")
        # Classed and labelled for the terminal's width, and opened on the first tab shown,
        # so the first frame is not followed by a relabelling and an underline moving.
        width = self.app.size.width
        self.set_class(width < NARROW_WIDTH, "-narrow")
        labels = self.labels.for_width
        yield TabBar(labels(width), active=self._opened[0], labels_for=labels, id="tabs")
        keys = self.state.keys
        hint = f"{keys('main.filters', 'f')}: change · {keys('main.clear_filters', 'x')}: clear"
        yield FilterBar(hint, id="filter-bar")
        yield PaneSwitcher(self.state, self.day_pane, id="panes")
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

    @property
    def narrow(self) -> bool:
        """True when only one pane is shown at a time."""
        return self.has_class("-narrow")

    # -- tabs -----------------------------------------------------------------------------------

    def shown_pane(self) -> Pane:
        """The pane of the tab shown (the day pane while another is being mounted)."""
        return self.query_one(PaneSwitcher).shown_pane()

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
        day = self.shown_day()
        self.query_one(ConfHeader).set_day(OTHER_TABS.get(tab_id) or day_label(day))
        self.query_one(PaneSwitcher).show_tab(tab_id, target, day)

    @on(TabBar.Clicked)
    def _tab_clicked(self, event: TabBar.Clicked) -> None:
        self.activate(event.tab_id)

    def action_prev_tab(self) -> None:
        """The tab to the left."""
        if self.current_tab not in self.tab_ids:  # a key typed before the first tab is shown
            return
        index = self.tab_ids.index(self.current_tab)
        if index > 0:
            self.activate(self.tab_ids[index - 1])

    def action_next_tab(self) -> None:
        """The tab to the right."""
        if self.current_tab not in self.tab_ids:  # a key typed before the first tab is shown
            return
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
        state = self.state
        if target.kind == "speaker":
            sessions = state.index.sessions_of_person(target.item_id)
            if not sessions:
                return False
            target = JumpTarget("session", sessions[0][0].id)
        session = state.program.session_by_id.get(target.item_id)
        if target.kind == "session" and session is not None:
            if not state.filters.matches(session, state.bookmarks):
                state.set_filters(Filters())  # show it rather than land elsewhere
            day = session.day
            tab = NO_DAY_TAB if day is None else day_tab_id(self.days.index(day))
        elif target.kind == "booth" and target.item_id in state.program.booth_by_id:
            tab = "booths"
        elif target.kind == "paper" and target.item_id in state.program.paper_by_id:
            tab = "papers"
        else:
            return False
        if self.current_tab:  # so that Esc comes back here
            self.trail.remember(self.current_tab, self.shown_pane().list_target())
        self.activate(tab, target)
        self.shown_pane().focus_list(force=True)
        return True

    # -- what the state announces ---------------------------------------------------------------

    def _state_changed(self, change: StateChange) -> None:
        if isinstance(change, FiltersChanged):  # (a mark changes no filter: no relayout)
            self.query_one(FilterBar).show_filters(self.state.filters, self.state.program)

    # -- keys that act on the item shown, or open another screen --------------------------------

    def current_target(self) -> JumpTarget | None:
        """What ``b`` and ``s`` act on: the shown pane's focused detail, else its row."""
        return self.shown_pane().current_target()

    def action_toggle_mark(self) -> None:
        """Bookmark the session, star the paper or mark the booth to visit under the cursor."""
        self.shown_pane().toggle_mark()

    def action_toggle_zone(self) -> None:
        """Show times in the conference's zone or the machine's."""
        self.notify(self.state.toggle_zone(), title="Time zone")

    def action_clear_filters(self) -> None:
        """Drop every filter, hidden rooms and tracks included (forgotten too: the banner's
        "x: clear" promises the whole program back); today's list goes back to now."""
        self.state.set_filters(Filters())
        if self.day_pane.shown:
            self.day_pane.show_now()

    def action_open(self, name: str) -> None:
        """Open the screen ``name`` of :data:`OPENERS` (search, grid, export...)."""
        OPENERS[name](self)

    def action_export_agenda(self) -> None:
        """Export, from the key shown on My agenda (``p`` exports from every tab)."""
        OPENERS["export"](self)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The Export key shows in the key bar on My agenda only; the keys of tabs the
        program does not have (Booths, Papers) are not offered."""
        if action == "export_agenda":
            return self.current_tab == "agenda"
        if action == "show_tab":
            return parameters[0] in self.tab_ids
        return True

    def offers(self, binding: Binding) -> bool:
        """False for the key of a tab this program does not have (left out of the help)."""
        _, action, parameters = parse_action(binding.action)
        return action != "show_tab" or parameters[0] in self.tab_ids
