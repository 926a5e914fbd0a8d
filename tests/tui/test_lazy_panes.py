"""The main screen mounts the booths, papers and agenda panes only when first shown."""

from __future__ import annotations

from pathlib import Path

from app_clock import AppFactory

from confterm.model.targets import JumpTarget
from confterm.store.bookmarks import BookmarkStore, ItemKind
from confterm.tui.widgets.agenda_view import AgendaList
from confterm.tui.widgets.booth_detail import BoothDetail
from confterm.tui.widgets.booth_list import BoothList
from confterm.tui.widgets.paper_detail import PaperDetail
from confterm.tui.widgets.paper_list import PaperList

WIDE = (120, 40)
HIDDEN_PANES = ("#booths-pane", "#papers-pane", "#agenda-pane")


async def test_the_first_screen_composes_only_the_day_pane(make_app: AppFactory) -> None:
    app = make_app(reminders=False)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        for pane_id in HIDDEN_PANES:
            assert not app.main.query(pane_id)
        assert not app.main.query(BoothList)


async def test_each_pane_is_mounted_once_filled_and_focused(make_app: AppFactory) -> None:
    app = make_app(reminders=False)
    async with app.run_test(size=WIDE) as pilot:
        main = app.main
        await pilot.press("B")
        booths = main.query_one(BoothList)
        assert booths.current_target == JumpTarget("booth", "acme")
        assert main.focused is booths
        assert main.query_one(BoothDetail).booth_id == "acme"
        await pilot.press("P", "B")  # back again: the same pane, not a second one
        assert len(main.query("#booths-pane")) == 1
        assert main.query_one(BoothList) is booths
        assert len(main.query("#papers-pane")) == 1
        papers = main.query_one(PaperList)
        assert papers.current_target is not None
        assert main.query_one(PaperDetail).paper_id == papers.current_target.item_id


async def test_a_jump_to_a_booth_before_its_pane_exists(make_app: AppFactory) -> None:
    app = make_app(reminders=False)
    async with app.run_test(size=WIDE) as pilot:
        main = app.main
        assert main.jump(JumpTarget("booth", "globex"))
        assert main.current_tab == "booths"
        await pilot.pause()
        booths = main.query_one(BoothList)
        assert booths.current_target == JumpTarget("booth", "globex")
        assert main.focused is booths


async def test_leaving_a_pane_before_it_is_mounted_keeps_the_day(make_app: AppFactory) -> None:
    app = make_app(reminders=False)
    async with app.run_test(size=WIDE) as pilot:
        main = app.main
        main.activate("agenda")
        main.activate("day-1")  # before the agenda pane has finished mounting
        await pilot.pause()
        assert main.current_tab == "day-1"
        assert main.query_one("#panes").visible_content.id == "day-pane"  # type: ignore[attr-defined]
        assert main.focused is main.day_pane.list
        await pilot.press("b", "a")  # shown later: built then, with the new bookmark
        assert main.current_tab == "agenda"
        assert main.query_one(AgendaList).current_target is not None


async def test_booth_marks_made_before_the_booths_tab_is_shown(
    make_app: AppFactory, isolated_user_data: Path
) -> None:
    app = make_app(reminders=False)
    async with app.run_test(size=WIDE) as pilot:
        app.state.toggle(JumpTarget("booth", "globex"))  # e.g. from a detail screen
        await pilot.press("B")
        with BookmarkStore.open(isolated_user_data) as store:
            assert store.ids("tinyconf", ItemKind.BOOTH) == {"globex"}
        marks = {r.booth_id: r.to_visit for r in app.main.query_one(BoothList).rows}  # type: ignore[union-attr]
        assert marks == {"acme": False, "globex": True}
