"""The main screen's tab bar: labels, the highlighted bar under the active tab, clicks."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from app_clock import DURING, AppFactory
from textual.app import App, ComposeResult

from confterm.tui.widgets.tab_bar import TabBar

WIDE = (120, 40)


def _line(bar: TabBar, y: int) -> str:
    return bar.render_line(y).text


def _lit_columns(bar: TabBar) -> list[int]:
    """Columns of the bar's highlighted cells (styled unlike the rest of the bar)."""
    lit = bar.get_component_rich_style("tab-bar--highlight")
    columns, x = [], 0
    for segment in bar.render_line(1):
        if segment.style == lit:
            columns += range(x, x + len(segment.text))
        x += len(segment.text)
    return columns


def _label_columns(bar: TabBar, label: str) -> list[int]:
    start = _line(bar, 0).index(label)
    return list(range(start, start + len(label)))


async def test_the_bar_is_lit_under_the_active_day_and_follows_it(make_app: AppFactory) -> None:
    app = make_app(DURING, reminders=False)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        bar = app.main.query_one(TabBar)
        assert bar.active == app.main.current_tab == "day-0"
        assert _lit_columns(bar) == _label_columns(bar, bar.label("day-0"))
        await pilot.press("right")
        await pilot.pause()
        assert bar.active == "day-1"
        assert _lit_columns(bar) == _label_columns(bar, bar.label("day-1"))
        await pilot.press("B")
        await pilot.pause()
        assert _lit_columns(bar) == _label_columns(bar, "Booths")


async def test_a_click_on_a_tab_shows_it(make_app: AppFactory) -> None:
    app = make_app(DURING, reminders=False)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        bar = app.main.query_one(TabBar)
        x = _line(bar, 0).index("Papers")
        await pilot.click(TabBar, offset=(x + 2, 0))
        await pilot.pause()
        assert app.main.current_tab == bar.active == "papers"
        # The padding beside a label belongs to its tab, and so does the bar under it.
        x = _line(bar, 0).index(bar.label("day-1"))
        await pilot.click(TabBar, offset=(x - 1, 1))
        await pilot.pause()
        assert app.main.current_tab == "day-1"


async def test_narrow_terminals_get_short_labels(make_app: AppFactory) -> None:
    app = make_app(DURING, reminders=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        bar = app.main.query_one(TabBar)
        assert bar.label("agenda") == "Agenda"
        assert "My agenda" not in _line(bar, 0)
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert bar.label("agenda") == "My agenda"
        assert "My agenda" in _line(bar, 0)


class _Host(App[None]):
    def __init__(self) -> None:
        super().__init__()
        self.clicked: list[str] = []

    def on_tab_bar_clicked(self, event: TabBar.Clicked) -> None:
        self.clicked.append(event.tab_id)

    def compose(self) -> ComposeResult:
        labels = [(f"t{n}", f"Tab number {n}") for n in range(8)]
        yield TabBar(labels, active="t0", id="tabs")


async def test_tabs_wider_than_the_screen_keep_the_active_one_in_view() -> None:
    app = _Host()
    async with app.run_test(size=(40, 5)) as pilot:
        bar = app.query_one(TabBar)
        assert _line(bar, 0).startswith(" Tab number 0 ")
        assert _line(bar, 0).endswith("›")  # more tabs to the right
        bar.active = "t7"
        await pilot.pause()
        shown = _line(bar, 0)
        assert len(shown) == 40
        assert shown.startswith("‹")  # and now to the left
        assert shown.rstrip().endswith("Tab number 7")
        assert _lit_columns(bar) == _label_columns(bar, "Tab number 7")
        x = shown.index("Tab number 6")
        assert bar.tab_at(x) == "t6"
        await pilot.click(TabBar, offset=(x, 0))
        await pilot.click(TabBar, offset=(shown.index("Tab number 7"), 0))
        await pilot.pause()
        assert app.clicked == ["t6"]  # the active tab posts nothing


async def test_tabs_that_fit_show_no_arrows(make_app: AppFactory) -> None:
    app = make_app(DURING, reminders=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        shown = _line(app.main.query_one(TabBar), 0)
        assert "‹" not in shown
        assert "›" not in shown


async def test_unknown_tabs_and_labels_are_ignored() -> None:
    app = _Host()
    async with app.run_test(size=(120, 5)):
        bar = app.query_one(TabBar)
        bar.active = "no-such-tab"
        bar.set_labels({"t1": "One", "no-such-tab": "x"})
        assert bar.active == "t0"
        assert bar.tab_ids == [f"t{n}" for n in range(8)]
        assert bar.label("t1") == "One"
        assert bar.tab_at(119) is None


async def test_tabs_cut_at_an_edge_are_left_out_whole() -> None:
    app = _Host()
    async with app.run_test(size=(40, 5)) as pilot:
        bar = app.query_one(TabBar)
        shown = _line(bar, 0)
        # "Tab number 2" would be cut by the right edge: it is not drawn at all.
        assert shown.startswith(" Tab number 0  Tab number 1 ")
        assert "Tab number 2" not in shown
        assert "Tab n" not in shown.replace("Tab number 0", "").replace("Tab number 1", "")
        bar.active = "t5"
        await pilot.pause()
        shown = _line(bar, 0)
        assert shown.startswith("‹")
        # Every label drawn is whole; the active one is among them.
        words = [w for w in shown.strip("‹› ").split("  ") if w.strip()]
        assert words
        assert all(w.strip().startswith("Tab number ") for w in words)
        assert "Tab number 5" in shown


async def test_long_labels_that_do_not_fit_become_short(make_app: AppFactory) -> None:
    app = make_app(DURING, reminders=False)
    conference = app.state.program.conference
    # Twelve days: long labels ("Sat 7 Mar") no longer fit in 120 columns.
    app.state.program.conference = replace(
        conference, end_date=conference.start_date + timedelta(days=11)
    )
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        bar = app.main.query_one(TabBar)
        assert bar.label("day-0") == "Sat 7"
        assert bar.label("agenda") == "Agenda"
        await pilot.resize_terminal(200, 40)
        await pilot.pause()
        assert bar.label("day-0") == "Sat 7 Mar"
        assert bar.label("agenda") == "My agenda"


class _Sized(App[None]):
    """Tabs with given labels, ``active`` highlighted."""

    def __init__(self, labels: list[str], active: int) -> None:
        super().__init__()
        self.labels = labels
        self.active = active

    def compose(self) -> ComposeResult:
        tabs = [(f"t{n}", label) for n, label in enumerate(self.labels)]
        yield TabBar(tabs, active=f"t{self.active}")


async def test_the_last_tab_fits_exactly_without_a_marker() -> None:
    # " Tab 2  Tab 3 " is 14 cells: from Tab 2 on, everything fits; no › to reserve.
    app = _Sized(["Tab 0", "Tab 1", "Tab 2", "Tab 3"], active=3)
    async with app.run_test(size=(15, 3)):
        assert _line(app.query_one(TabBar), 0) == "‹Tab 2  Tab 3  "


async def test_the_active_tab_stays_drawn_even_when_wider_than_the_screen() -> None:
    app = _Sized(["A", "B" * 30, "C"], active=1)
    async with app.run_test(size=(20, 3)):
        bar = app.query_one(TabBar)
        assert "B" * 18 in _line(bar, 0)
        assert bar.tab_at(10) == "t1"
    app = _Sized(["Tabby", "Tabby", "Tabby", "Tabby"], active=0)
    async with app.run_test(size=(7, 3)):
        assert "Tabby" in _line(app.query_one(TabBar), 0)


async def test_markers_lead_to_the_hidden_tabs_and_blank_cells_to_none() -> None:
    app = _Sized([f"Tab {n}" for n in range(6)], active=0)
    async with app.run_test(size=(27, 3)) as pilot:
        bar = app.query_one(TabBar)
        shown = _line(bar, 0)
        assert shown.endswith("›")
        assert bar.tab_at(26) == "t3"  # the first tab hidden on the right
        blank = shown.rstrip("› ").__len__() + 1
        assert bar.tab_at(blank) is None  # the empty cells of a tab left out
        bar.active = "t5"
        await pilot.pause()
        assert _line(bar, 0).startswith("‹")
        first_shown = _line(bar, 0)[1:].split()[0:2]
        assert bar.tab_at(0) == f"t{int(first_shown[1]) - 1}"  # the tab hidden on the left


async def test_tab_keys_typed_before_the_first_tab_is_shown_are_ignored(
    make_app: AppFactory,
) -> None:
    # ← or → typed while the app starts reached a screen with no tab shown yet (a ValueError).
    from confterm.tui.screens.main import MainScreen

    app = make_app(DURING, reminders=False)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        starting = MainScreen(app.state)  # built, not yet shown
        starting.action_prev_tab()
        starting.action_next_tab()
        assert starting.current_tab == ""
        assert app.main.current_tab in app.main.tab_ids
