"""The main screen's tab ids and labels: a tab per day, the undated sessions, then booths,
papers and my agenda; long labels (``Tue 13 May``) where they all fit, short (``Tue 13``)
where they do not."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from confterm.model.program import Program
from confterm.present.formatting import DAY_UNKNOWN, day_label
from confterm.tui.widgets.tab_bar import cells_needed

NO_DAY_TAB = "day-none"
OTHER_TABS = {"booths": "Booths", "papers": "Papers", "agenda": "My agenda"}
#: Below this many columns every label is short (the screen is narrow too).
SHORT_BELOW = 100


def day_tab_id(index: int) -> str:
    """The tab id of the ``index``-th day."""
    return f"day-{index}"


def tab_ids(program: Program, days: int, undated: bool) -> list[str]:
    """The main screen's tabs, in order: ``days`` days, the undated sessions (when there are
    some), then Booths and Papers (only when ``program`` has some: most imports have neither)
    and My agenda."""
    empty = {"booths": not program.booths, "papers": not program.papers}
    others = [tab for tab in OTHER_TABS if not empty.get(tab)]
    return [*(day_tab_id(i) for i in range(days)), *([NO_DAY_TAB] if undated else []), *others]


class TabLabels:
    """The labels of tabs ``tab_ids``, whose first tabs are the days ``days``."""

    def __init__(self, tab_ids: Sequence[str], days: Sequence[date]) -> None:
        self.tab_ids = list(tab_ids)
        self.days = list(days)
        self._long_width = cells_needed(self.label(t, short=False) for t in self.tab_ids)

    def label(self, tab_id: str, *, short: bool) -> str:
        """The label of ``tab_id``, short or long."""
        if tab_id == NO_DAY_TAB:
            return "Undated" if short else DAY_UNKNOWN
        if tab_id in OTHER_TABS:
            return "Agenda" if short and tab_id == "agenda" else OTHER_TABS[tab_id]
        day = self.days[self.tab_ids.index(tab_id)]
        return f"{day:%a} {day.day}" if short else day_label(day)

    def for_width(self, width: int) -> list[tuple[str, str]]:
        """Every (tab id, label) for a terminal ``width`` columns wide: short on narrow
        terminals, and wherever the long ones would not all fit (eight days of DebConf at
        120 columns)."""
        short = width < SHORT_BELOW or self._long_width > width
        return [(tab_id, self.label(tab_id, short=short)) for tab_id in self.tab_ids]
