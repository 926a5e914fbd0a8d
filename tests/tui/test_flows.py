"""Pilot tests of the app's flows on the tiny conference."""

from __future__ import annotations

from pathlib import Path

from app_clock import DURING, AppFactory

from confterm.model.targets import JumpTarget
from confterm.present.rows import SessionRow
from confterm.store.bookmarks import BookmarkStore, ItemKind
from confterm.tui.app import ConftermApp
from confterm.tui.screens.detail_screen import DetailScreen
from confterm.tui.screens.help import HelpScreen
from confterm.tui.screens.main import MainScreen
from confterm.tui.screens.speaker import SpeakerScreen
from confterm.tui.widgets.agenda_view import AgendaList
from confterm.tui.widgets.booth_detail import RelatedSessions
from confterm.tui.widgets.booth_list import BoothList
from confterm.tui.widgets.header import ConfHeader
from confterm.tui.widgets.paper_detail import PaperDetail
from confterm.tui.widgets.paper_list import PaperList
from confterm.tui.widgets.session_detail import SessionDetail
from confterm.tui.widgets.session_list import SessionList

WIDE = (120, 40)
NARROW = (80, 24)


def main_of(app: ConftermApp) -> MainScreen:
    assert isinstance(app.screen, MainScreen)
    return app.screen


def highlighted(app: ConftermApp) -> str | None:
    target = app.main.query_one(SessionList).current_target
    return target.item_id if target else None


def session_ids(app: ConftermApp) -> list[str]:
    rows = app.main.query_one(SessionList).rows
    return [r.session_id for r in rows if isinstance(r, SessionRow)]


def rows_by_id(app: ConftermApp) -> dict[str, SessionRow]:
    rows = app.main.query_one(SessionList).rows
    return {r.session_id: r for r in rows if isinstance(r, SessionRow)}


def describe(row: object) -> str:
    for name in ("text", "session_id", "booth_id", "item_id"):
        if hasattr(row, name):
            return f"{type(row).__name__}:{getattr(row, name)}"
    raise AssertionError(row)


def stored(data_dir: Path) -> set[str]:
    with BookmarkStore.open(data_dir) as store:
        return store.ids("tinyconf", ItemKind.SESSION)


async def test_opens_on_first_day_outside_the_conference(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        main = main_of(app)
        assert main.current_tab == "day-0"
        assert highlighted(app) == "registration"
        header = app.main.query_one(ConfHeader).line().plain
        assert "TinyConf" in header
        assert "Sat 7 Mar" in header
        assert "12:00" in header


async def test_opens_on_today_with_the_session_in_progress(make_app: AppFactory) -> None:
    app = make_app("2026-03-08T10:59:30")
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        assert main_of(app).current_tab == "day-1"
        # 10:59: nothing in progress, the workshop at 11:00 is next.
        assert highlighted(app) == "textual-workshop"
    app = make_app(DURING)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        assert highlighted(app) == "parsing-schedules"
        assert "10:40" in app.main.query_one(ConfHeader).line().plain
    # 10:50: Parsing (since 10:30) and Caches (since 10:45) are both on; the later one is "now".
    app = make_app("2026-03-07T10:50:30")
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        assert highlighted(app) == "caches-talk"


async def test_switching_days_and_moving(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("right")
        assert main_of(app).current_tab == "day-1"
        assert session_ids(app)[0] == "markup-title"
        await pilot.press("]")
        assert main_of(app).current_tab == "day-2"
        await pilot.press("[", "left")
        assert main_of(app).current_tab == "day-0"
        await pilot.press("3")
        assert main_of(app).current_tab == "day-2"
        await pilot.press("1", "j", "down")
        assert highlighted(app) == "parsing-schedules"
        await pilot.press("k")
        assert highlighted(app) == "opening-keynote"
        detail = app.main.query_one("#session-detail", SessionDetail)
        assert "Opening Keynote: Terminals Forever" in detail.text
        assert "America/New_York" in detail.text
        await pilot.press("end")
        # Untimed sessions come last, under their own heading.
        assert highlighted(app) == "lightning-1"
        assert "time TBA" in detail.text


async def test_day_not_announced_tab(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("right", "right", "right")
        assert main_of(app).current_tab == "day-none"
        assert session_ids(app) == ["bof-tba"]


async def test_bookmark_toggle_persists_and_marks_clashes(
    make_app: AppFactory, isolated_user_data: Path
) -> None:
    app = make_app(DURING)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("b")
        assert stored(isolated_user_data) == {"parsing-schedules"}
        await pilot.press("j", "space")
        assert stored(isolated_user_data) == {"parsing-schedules", "caches-talk"}
        rows = {
            r.session_id: r
            for r in app.main.query_one(SessionList).rows
            if isinstance(r, SessionRow)
        }
        assert rows["parsing-schedules"].bookmarked
        assert rows["parsing-schedules"].clash
        assert rows["caches-talk"].clash
        assert not rows["lunch-1"].clash
        detail = app.main.query_one("#session-detail", SessionDetail).text
        assert "Clashes with your bookmarks" in detail
        assert "Parsing Schedules" in detail
        await pilot.press("b")
        assert stored(isolated_user_data) == {"parsing-schedules"}
        rows = {
            r.session_id: r
            for r in app.main.query_one(SessionList).rows
            if isinstance(r, SessionRow)
        }
        assert not rows["caches-talk"].bookmarked
        assert not rows["parsing-schedules"].clash
    # A new instance shows the bookmark.
    app = make_app(DURING)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        rows = {
            r.session_id: r
            for r in app.main.query_one(SessionList).rows
            if isinstance(r, SessionRow)
        }
        assert rows["parsing-schedules"].bookmarked
        assert not rows["caches-talk"].bookmarked


async def test_picks_up_bookmarks_changed_elsewhere(
    make_app: AppFactory, isolated_user_data: Path
) -> None:
    app = make_app(DURING)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        with BookmarkStore.open(isolated_user_data) as other:
            other.toggle("tinyconf", "lunch-1")
        app.poll_store()  # what the interval timer does
        await pilot.pause()
        rows = {
            r.session_id: r
            for r in app.main.query_one(SessionList).rows
            if isinstance(r, SessionRow)
        }
        assert rows["lunch-1"].bookmarked


async def test_narrow_detail_screen_and_back(
    make_app: AppFactory, isolated_user_data: Path
) -> None:
    app = make_app(DURING)
    async with app.run_test(size=NARROW) as pilot:
        await pilot.pause()
        main = main_of(app)
        assert main.narrow
        assert (
            not main.query_one("#session-detail").display
            or not main.query_one("#session-detail").region.width
        )
        await pilot.press("j", "enter")
        assert isinstance(app.screen, DetailScreen)
        assert "Clashing Talk About Caches" in app.screen.query_one(SessionDetail).text
        await pilot.press("b")
        assert stored(isolated_user_data) == {"caches-talk"}
        assert "★ Bookmarked" in app.screen.query_one(SessionDetail).text
        await pilot.press("escape")
        assert app.screen is main
        assert highlighted(app) == "caches-talk"
        assert main.focused is main.query_one(SessionList)


async def test_booth_related_session_jump(make_app: AppFactory, isolated_user_data: Path) -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("B")
        main = main_of(app)
        assert main.current_tab == "booths"
        booth_list = main.query_one(BoothList)
        assert booth_list.current_target == JumpTarget("booth", "acme")
        await pilot.press("b")
        with BookmarkStore.open(isolated_user_data) as store:
            assert store.ids("tinyconf", ItemKind.BOOTH) == {"acme"}
        await pilot.press("enter")
        related = main.query_one(RelatedSessions)
        assert main.focused is related
        # Related sessions in time order: the keynote (day 1), then the workshop (day 2).
        assert related.current_target == JumpTarget("session", "opening-keynote")
        await pilot.press("down", "enter")
        assert main.current_tab == "day-1"
        assert highlighted(app) == "textual-workshop"


async def test_booth_related_session_jump_on_narrow_screen(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press("B", "enter")
        assert isinstance(app.screen, DetailScreen)
        await pilot.press("enter")
        assert isinstance(app.screen, MainScreen)
        assert main_of(app).current_tab == "day-0"
        assert highlighted(app) == "opening-keynote"


async def test_papers_jump_to_session(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("P")
        main = main_of(app)
        assert main.current_tab == "papers"
        papers = main.query_one(PaperList)
        await pilot.press("j")
        assert papers.current_target == JumpTarget("paper", "sqlite-bookmarks")
        # Enter opens the paper's detail; Enter there goes to its session.
        await pilot.press("enter")
        assert main.current_tab == "papers"
        assert app.focused is main.query_one(PaperDetail)
        await pilot.press("enter")
        await pilot.pause()
        assert main.current_tab == "day-2"
        assert highlighted(app) == "oral-systems"
        # A paper with no session says so and stays.
        await pilot.press("P", "end", "enter", "enter")
        await pilot.pause()
        assert main.current_tab == "papers"
        assert list(app._notifications)[-1].message == (
            "This paper's session is not announced yet."
        )


async def test_my_agenda_with_a_clash_and_a_missing_bookmark(
    make_app: AppFactory, isolated_user_data: Path
) -> None:
    with BookmarkStore.open(isolated_user_data) as store:
        store.add("tinyconf", ["parsing-schedules", "caches-talk", "closing-keynote", "gone"])
        store.add("tinyconf", ["globex"], ItemKind.BOOTH)
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("a")
        main = main_of(app)
        assert main.current_tab == "agenda"
        rows = main.query_one(AgendaList).rows
        text = [
            type(r).__name__
            + ":"
            + getattr(
                r,
                "text",
                getattr(r, "session_id", getattr(r, "booth_id", getattr(r, "item_id", ""))),
            )
            for r in rows
        ]
        assert text == [
            "Heading:Sat 7 Mar",
            "SessionRow:parsing-schedules",
            "SessionRow:caches-talk",
            "Heading:Mon 9 Mar",
            "SessionRow:closing-keynote",
            "Heading:Booths to visit",
            "BoothRow:globex",
            "Heading:No longer in the program",
            "MissingRow:gone",
        ]
        session_rows = [r for r in rows if isinstance(r, SessionRow)]
        assert [r.clash for r in session_rows] == [True, True, False]
        # Un-bookmarking from the agenda removes the row at once.
        await pilot.press("b")
        assert "parsing-schedules" not in stored(isolated_user_data)
        ids = [r.session_id for r in main.query_one(AgendaList).rows if isinstance(r, SessionRow)]
        assert ids == ["caches-talk", "closing-keynote"]
        # Enter jumps to the session in its day.
        await pilot.press("enter")
        assert main.current_tab == "day-0"
        assert highlighted(app) == "caches-talk"


async def test_help_screen(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = app.screen.content.plain
        for words in ("Bookmark", "My agenda", "Booths", "Papers", "Quit", "main.bookmark", "Esc"):
            assert words in text
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


async def test_title_full_of_markup_is_shown_literally(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("2")
        assert highlighted(app) == "markup-title"
        detail = app.main.query_one("#session-detail", SessionDetail).text
        assert "[bold]Not bold[/] and [@click=app.quit]no action[/] red" in detail
        assert "\x1b" not in detail
        # Clicking the title does not run the embedded action.
        await pilot.click(SessionList, offset=(30, 1))
        await pilot.pause()
        assert app.is_running
        assert isinstance(app.screen, MainScreen)


async def test_jump_target_from_any_screen(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("question_mark")
        app.jump_to(JumpTarget("speaker", "grace"))
        await pilot.pause()
        assert isinstance(app.screen, SpeakerScreen)
        app.jump_to(JumpTarget("session", "night-social"))
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert main_of(app).current_tab == "day-1"
        assert highlighted(app) == "night-social"
        # The main screen alone goes to a speaker's first session.
        assert main_of(app).jump(JumpTarget("speaker", "grace"))
        assert highlighted(app) == "parsing-schedules"
        app.jump_to(JumpTarget("booth", "globex"))
        await pilot.pause()
        assert main_of(app).current_tab == "booths"


async def test_other_screens_open_from_their_keys(make_app: AppFactory) -> None:
    from confterm.tui.screens.export_dialog import ExportDialog
    from confterm.tui.screens.grid import GridScreen
    from confterm.tui.screens.now_next import NowNextScreen
    from confterm.tui.screens.search import SearchScreen

    app = make_app(DURING, reminders=False)
    async with app.run_test(size=WIDE) as pilot:
        for key, screen in (
            ("slash", SearchScreen),
            ("n", NowNextScreen),
            ("g", GridScreen),
            ("p", ExportDialog),
        ):
            await pilot.press(key)
            assert isinstance(app.screen, screen), key
            await pilot.press("escape")
            assert isinstance(app.screen, MainScreen), key
