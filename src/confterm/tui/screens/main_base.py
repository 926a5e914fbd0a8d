"""The main screen's frame: its state, the tab bar and panes it composes, narrow or wide.

:class:`MainBase` is the first of the main screen's layers, each a module of its own:
this one (state and layout), :mod:`~confterm.tui.screens.main_tabs` (switching tabs and
building their lists), :mod:`~confterm.tui.screens.main_marks` (bookmarks and the details
showing them) and :mod:`~confterm.tui.screens.main` (keys, other screens, jumps).
Only what is shown is built: a day's rows when its tab is opened; the booths, papers and
agenda panes (widgets and rows) the first time their tab is, so the first screen composes
only what it shows and a huge program paints as fast as a small one. On narrow terminals
only the list is shown and Enter opens the detail as its own screen.
"""

from __future__ import annotations

from collections.abc import Sized
from datetime import date, tzinfo

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.events import Resize
from textual.screen import Screen
from textual.widget import AwaitMount, Widget
from textual.widgets import ContentSwitcher, Static

from confterm.model.program import Session
from confterm.present.formatting import DAY_UNKNOWN, day_label
from confterm.queries.agenda import has_sessions_on, program_days, sessions_by_day
from confterm.queries.filters import Filters
from confterm.tui.day_rows import DayRows
from confterm.tui.messages import JumpTarget
from confterm.tui.view import View
from confterm.tui.widgets.agenda_view import AgendaList
from confterm.tui.widgets.booth_detail import BoothDetail
from confterm.tui.widgets.booth_list import BoothList
from confterm.tui.widgets.filter_bar import FilterBar
from confterm.tui.widgets.header import ConfHeader
from confterm.tui.widgets.key_bar import KeyBar
from confterm.tui.widgets.paper_detail import PaperDetail
from confterm.tui.widgets.paper_list import PaperList
from confterm.tui.widgets.session_detail import SessionDetail
from confterm.tui.widgets.session_list import SessionList
from confterm.tui.widgets.tab_bar import TabBar, cells_needed

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


class MainBase(Screen[None]):
    """The main screen's state and layout: a tab per day, booths, papers, my agenda."""

    def __init__(self, view: View) -> None:
        super().__init__()
        self.view = view
        self.days: list[date] = program_days(view.index)
        self.tab_ids: list[str] = [day_tab_id(i) for i in range(len(self.days))]
        if has_sessions_on(view.index, None):
            self.tab_ids.append(NO_DAY_TAB)
        self.tab_ids += list(OTHER_TABS)
        self.current_tab = ""
        self.bookmarks: set[str] = set()
        self.to_visit: set[str] = set()
        self._built: set[str] = set()
        self._mounting: dict[str, AwaitMount] = {}  # panes mounted on first showing
        self._mounted: set[str] = set()
        self._day_cursor: dict[str, JumpTarget] = {}
        self._day_rows: dict[tuple[date | None, tzinfo], DayRows] = {}
        self._labelled = False
        self.filters = Filters()

    def compose(self) -> ComposeResult:
        yield ConfHeader(self.view, id="header")
        # Labelled for the terminal's width and opened on the first tab shown, so the first
        # frame is not followed by a relabelling and an underline moving.
        width = self.app.size.width
        self.set_class(width < NARROW_WIDTH, "-narrow")
        self._labelled = True
        short = self._short_labels(width)
        labels = [(tab_id, self._tab_label(tab_id, short=short)) for tab_id in self.tab_ids]
        yield TabBar(labels, active=self.opening_tab(), id="tabs")
        yield FilterBar(id="filter-bar")
        # Booths, papers and my agenda are mounted when their tab is first shown (see
        # pane_of): a third of the screen's widgets, which many starts never show.
        with (
            ContentSwitcher(initial="day-pane", id="panes"),
            Horizontal(id="day-pane", classes="pane"),
        ):
            yield SessionList(empty="No sessions on this day.", id="sessions", classes="list")
            yield SessionDetail("No session selected.", id="session-detail", classes="detail")
        yield KeyBar(compact=True)

    def pane_of(self, tab_id: str) -> Horizontal:
        """A new pane for the tab ``tab_id`` (booths, papers or my agenda), to be mounted."""
        # A program may have no booths or papers (an imported FOSDEM has neither): the tab
        # stays, so B and P and the tab order never change, and says so in one line.
        program = self.view.program
        children: list[Widget]
        if tab_id == "booths":
            items: Sized = program.booths
            children = [
                BoothList(empty="No booths announced.", id="booths", classes="list"),
                BoothDetail(id="booth-detail", classes="detail"),
                Static("No booths in this program", classes="pane-empty", markup=False),
            ]
        elif tab_id == "papers":
            items = program.papers
            children = [
                PaperList(empty="No papers announced.", id="papers", classes="list"),
                PaperDetail("No paper selected.", id="paper-detail", classes="detail"),
                Static("No papers in this program", classes="pane-empty", markup=False),
            ]
        else:
            items = [tab_id]  # my agenda is never "empty": it says how to add to it
            children = [
                AgendaList(
                    empty="No bookmarks yet: press b on a session to add it.",
                    id="agenda",
                    classes="list",
                ),
                SessionDetail("Nothing selected.", id="agenda-detail", classes="detail"),
            ]
        return Horizontal(*children, id=PANES[tab_id], classes=_pane_classes(items))

    @property
    def by_day(self) -> dict[date | None, list[Session]]:
        """Every session by day, in time order (sorted once per program, when first needed)."""
        return sessions_by_day(self.view.index)

    def shown_day(self) -> date | None:
        """The day whose list is shown (None: the undated sessions, or another tab)."""
        if self.current_tab in PANES or self.current_tab in ("", NO_DAY_TAB):
            return None
        return self.days[self.tab_ids.index(self.current_tab)]

    @on(Resize)
    def _narrow_or_wide(self, event: Resize) -> None:
        narrow = event.size.width < NARROW_WIDTH
        if narrow != self.narrow or not self._labelled:
            self._labelled = True
            self.set_class(narrow, "-narrow")
        self._label_tabs(short=self._short_labels(event.size.width))

    def _label_tabs(self, *, short: bool) -> None:
        """Label every tab short (``Tue 13``) or long (``Tue 13 May``)."""
        self.query_one(TabBar).set_labels(
            {tab_id: self._tab_label(tab_id, short=short) for tab_id in self.tab_ids}
        )

    def _short_labels(self, width: int) -> bool:
        """Short labels on narrow terminals, and wherever the long ones would not all fit
        (eight days of DebConf at 120 columns)."""
        if width < NARROW_WIDTH:
            return True
        return cells_needed(self._tab_label(t, short=False) for t in self.tab_ids) > width

    def _tab_label(self, tab_id: str, *, short: bool) -> str:
        if tab_id == NO_DAY_TAB:
            return "Undated" if short else DAY_UNKNOWN
        if tab_id in OTHER_TABS:
            return "Agenda" if short and tab_id == "agenda" else OTHER_TABS[tab_id]
        day = self.days[self.tab_ids.index(tab_id)]
        return f"{day:%a} {day.day}" if short else day_label(day)

    def opening_tab(self) -> str:
        """The tab shown first (overridden by the screen, which knows the opening day)."""
        return self.tab_ids[0]

    @property
    def narrow(self) -> bool:
        """True when only one pane is shown at a time."""
        return self.has_class("-narrow")

    def shown_list(self) -> Widget | None:
        """The list of the pane shown (None for a moment while a pane is being mounted)."""
        pane = self.query_one(ContentSwitcher).visible_content
        return None if pane is None else next(iter(pane.query(".list")), None)

    def _focus_list(self) -> None:
        shown = self.shown_list()
        if shown is not None:
            focused = self.focused
            if focused is None or shown.parent not in focused.ancestors_with_self:
                self.set_focus(shown)

    def _focus_list_force(self) -> None:
        shown = self.shown_list()
        if shown is not None:
            self.set_focus(shown)

    def focus_of(self, pane_id: str) -> Widget:
        """The list of the pane ``pane_id`` (for tests)."""
        return self.query_one(f"#{pane_id}").query_one(".list")
