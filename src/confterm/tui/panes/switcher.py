"""The main screen's panes, one shown at a time: the day pane from the start, the others
(Booths, Papers, My agenda) mounted the first time their tab is shown, so the first screen
composes only what it shows and a huge program paints as fast as a small one."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from textual.widget import AwaitMount
from textual.widgets import ContentSwitcher

from confterm.model.targets import JumpTarget
from confterm.tui.panes.agenda import AgendaPane
from confterm.tui.panes.base import Pane
from confterm.tui.panes.booths import BoothsPane
from confterm.tui.panes.day import DayPane
from confterm.tui.panes.papers import PapersPane
from confterm.tui.state import AppState

#: The panes of the tabs other than days, by tab id.
PANES: dict[str, Callable[[AppState], Pane]] = {
    "booths": BoothsPane,
    "papers": PapersPane,
    "agenda": AgendaPane,
}


class PaneSwitcher(ContentSwitcher):
    """Shows the pane of one tab: the day pane for any day, else the tab's own pane."""

    def __init__(self, state: AppState, day_pane: DayPane, *, id: str | None = None) -> None:
        super().__init__(day_pane, initial=day_pane.id, id=id)
        self.state = state
        self.day_pane = day_pane
        self._panes: dict[str, Pane] = {}
        self._mounting: dict[str, AwaitMount] = {}
        self._mounted: set[str] = set()
        self._tab = ""

    def shown_pane(self) -> Pane:
        """The pane shown (also while it is being mounted)."""
        return self._panes.get(self._tab, self.day_pane)

    def show_tab(self, tab: str, target: JumpTarget | None, day: date | None = None) -> None:
        """Show the pane of ``tab`` (for a day tab, the day pane on ``day``) with the cursor
        on ``target`` when given, and focus its list."""
        self._tab = tab
        if tab not in PANES:
            self.current = self.day_pane.id
            self.day_pane.show_day(day, target)
            self.day_pane.focus_list()
            return
        if tab not in self._mounting:
            self._panes[tab] = PANES[tab](self.state)
            self._mounting[tab] = self.mount(self._panes[tab])
        self.current = self._panes[tab].id
        if tab in self._mounted:
            self._fill(tab, target)
        else:
            self.call_next(self._show_mounted, tab, target)

    async def _show_mounted(self, tab: str, target: JumpTarget | None) -> None:
        """Fill the pane of ``tab`` once it is mounted (at once after its first showing)."""
        await self._mounting[tab]
        self._mounted.add(tab)
        if self._tab == tab:  # not left already
            self._fill(tab, target)

    def _fill(self, tab: str, target: JumpTarget | None) -> None:
        pane = self._panes[tab]
        pane.show(target)
        pane.focus_list()
