"""Esc goes back along jumps (paper → session, agenda → session, search → session) and leaves
the Booths, Papers and My agenda tabs (issue 15, item 6)."""

from __future__ import annotations

import pytest
from app_clock import AppFactory

from confterm.model.targets import JumpTarget
from confterm.store.bookmarks import BookmarkStore
from confterm.tui.app import ConftermApp
from confterm.tui.widgets.agenda_view import AgendaList
from confterm.tui.widgets.paper_list import PaperList
from confterm.tui.widgets.session_list import SessionList
from confterm.tui.widgets.tab_labels import day_tab_id


def place(app: ConftermApp) -> tuple[str, JumpTarget | None]:
    main = app.main
    return main.current_tab, main.shown_pane().list.current_target


async def test_esc_goes_back_from_a_papers_session_to_the_paper(make_app: AppFactory) -> None:
    app = make_app(reminders=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("P", "down", "enter", "enter")  # the paper's detail, its session
        await pilot.pause()
        assert place(app) == (day_tab_id(2), JumpTarget("session", "oral-systems"))
        await pilot.press("escape")
        await pilot.pause()
        assert place(app) == ("papers", JumpTarget("paper", "sqlite-bookmarks"))
        assert app.focused is app.main.query_one(PaperList)
        # Esc again leaves the Papers tab for the day shown last.
        await pilot.press("escape")
        await pilot.pause()
        assert place(app)[0] == day_tab_id(2)


async def test_esc_goes_back_from_an_agenda_session_to_the_agenda(
    make_app: AppFactory, isolated_user_data: object
) -> None:
    with BookmarkStore.open(isolated_user_data) as store:  # type: ignore[arg-type]
        store.add("tinyconf", ["closing-keynote"])
    app = make_app(reminders=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("a")
        await pilot.pause()
        agenda = app.main.query_one(AgendaList)
        assert agenda.current_target == JumpTarget("session", "closing-keynote")
        await pilot.press("enter")
        await pilot.pause()
        assert place(app) == (day_tab_id(2), JumpTarget("session", "closing-keynote"))
        await pilot.press("escape")
        await pilot.pause()
        assert place(app) == ("agenda", JumpTarget("session", "closing-keynote"))


async def test_esc_goes_back_from_a_search_hit(make_app: AppFactory) -> None:
    app = make_app(reminders=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("right")  # day 2
        await pilot.pause()
        before = place(app)
        await pilot.press("slash", *"closing keynote")
        for _ in range(50):
            await pilot.pause(0.05)
            if getattr(app.screen, "hits", None):
                break
        await pilot.press("enter")
        await pilot.pause()
        assert place(app) == (day_tab_id(2), JumpTarget("session", "closing-keynote"))
        # Enter opened the hit's detail: Esc goes to its row, then to where the search began.
        detail = app.main.shown_pane().query_one(".detail")
        assert app.main.focused is detail
        await pilot.press("escape")
        await pilot.pause()
        assert app.main.focused is app.main.shown_pane().list
        assert place(app) == (day_tab_id(2), JumpTarget("session", "closing-keynote"))
        await pilot.press("escape")
        await pilot.pause()
        assert place(app) == before


@pytest.mark.parametrize("tab", ["B", "P", "a"])
@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_esc_leaves_booths_papers_and_agenda(
    make_app: AppFactory, tab: str, size: tuple[int, int]
) -> None:
    app = make_app(reminders=False)
    async with app.run_test(size=size) as pilot:
        await pilot.press("right")  # day 2
        await pilot.press(tab)
        await pilot.pause()
        assert app.main.current_tab in ("booths", "papers", "agenda")
        await pilot.press("escape")
        await pilot.pause()
        assert app.main.current_tab == day_tab_id(1)
        assert app.focused is app.main.query_one(SessionList)
