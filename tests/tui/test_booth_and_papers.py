"""The booth detail (related sessions with day and time, before links and notes) and the
papers list's short session column."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from app_clock import AppFactory

from confterm.model.loading import load_program_file
from confterm.model.program import Program
from confterm.model.targets import JumpTarget
from confterm.present.rows import NOT_ANNOUNCED, session_column, short_name
from confterm.store.bookmarks import BookmarkStore, ItemKind
from confterm.tui.app import ConftermApp
from confterm.tui.commands import main_commands
from confterm.tui.screens.detail_screen import DetailScreen
from confterm.tui.screens.main import MainScreen
from confterm.tui.state import AppState
from confterm.tui.widgets.booth_detail import BoothDetail, RelatedSessions
from confterm.tui.widgets.booth_list import BoothList
from confterm.tui.widgets.detail_pane import DetailPane
from confterm.tui.widgets.key_bar import KeyBar
from confterm.tui.widgets.paper_list import PaperList, columns, fit_session
from confterm.tui.widgets.row_list import RowList
from confterm.tui.widgets.session_detail import SessionDetail
from confterm.tui.widgets.tab_bar import TabBar


def lines_of(widget: RowList) -> list[str]:
    """The text of each line a list shows."""
    return [widget.render_line(y).text.rstrip() for y in range(widget.size.height)]


async def test_related_sessions_show_day_time_and_title_on_80x24(make_app: AppFactory) -> None:
    app = make_app(reminders=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("B", "enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DetailScreen)
        related = screen.query_one(RelatedSessions)
        # Fully on screen, above the links (which come after it).
        assert related.region.bottom <= 23
        links = screen.query_one(".booth-more", DetailPane)
        assert related.region.bottom <= links.region.y
        assert "Website — https://acme.example.com" in links.text
        assert "Links" not in screen.query_one(".booth-body", DetailPane).text
        shown = lines_of(related)
        assert shown[0].startswith("── Related sessions (Enter to go there) ──")
        assert "  Sat 7 Mar 09:00–10:00 Opening Keynote: Terminals Forever" in shown
        assert "  Sun 8 Mar 11:00–13:00 Hands-on Textual Workshop" in shown
        # Enter on the second goes to it.
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert app.screen.current_target() == JumpTarget("session", "textual-workshop")


async def test_a_booth_without_related_sessions_or_links(make_app: AppFactory) -> None:
    app = make_app(reminders=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("B", "down")
        await pilot.pause()
        main = app.screen
        assert isinstance(main, MainScreen)
        assert not main.query_one(RelatedSessions).display
        assert not main.query_one(".booth-more", DetailPane).display
        assert "Globex" in main.query_one(".booth-body", DetailPane).text


def test_short_names() -> None:
    assert short_name("Session 1: Graph Learning") == "Session 1"
    assert short_name("Oral Session: Systems") == "Oral Session"
    assert short_name("Lightning Talks") == "Lightning Talks"
    # A colon late in a long title is not a short name.
    long = "A very long session title that goes on: and on"
    assert short_name(long) == long
    assert short_name(": nothing before") == ": nothing before"


def test_session_column(tinyconf: Program) -> None:
    zone = tinyconf.conference.zone
    assert session_column(tinyconf, "oral-systems", zone) == "Oral Session · Mon 09:00"
    assert session_column(tinyconf, "posters-a", zone) == "Poster Session A · Sat 14:00"
    assert session_column(tinyconf, "lightning-1", zone) == "Lightning Talks · Sat"
    assert session_column(tinyconf, "bof-tba", zone) == "Birds of a Feather"
    assert session_column(tinyconf, None, zone) == NOT_ANNOUNCED
    assert session_column(tinyconf, "withdrawn", zone) == NOT_ANNOUNCED


def test_fitting_keeps_the_day_and_time() -> None:
    assert fit_session("Oral Session · Mon 09:00", 24) == "Oral Session · Mon 09:00"
    assert fit_session("Poster Session A · Sat 14:00", 24) == "Poster Sess… · Sat 14:00"
    assert fit_session(NOT_ANNOUNCED, 12) == "session not…"
    assert fit_session("Oral Session · Mon 09:00", 5) == "Oral…"


def test_columns_fit_the_row() -> None:
    for width in (40, 59, 79, 100, 200):
        title, authors, session = columns(width, 28)
        assert title + authors + session + 3 == width
    # A third of the row, but room for "session not announced" while that is under half.
    assert columns(79, 28)[2] == 25
    assert columns(59, 28)[2] == len(NOT_ANNOUNCED)
    assert columns(40, 28)[2] == 18
    assert columns(200, 24)[2] == 24  # no wider than the longest entry


async def test_papers_list_shows_the_short_session(make_app: AppFactory) -> None:
    app = make_app(reminders=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("P")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        papers = app.screen.query_one(PaperList)
        assert papers.region.width == 80
        shown = lines_of(papers)
        assert any(line.endswith("Oral Session · Mon 09:00") for line in shown)
        assert any(line.endswith(NOT_ANNOUNCED) for line in shown)


async def test_a_booth_in_my_agenda_shows_its_related_sessions(
    make_app: AppFactory, isolated_user_data: Path
) -> None:
    with BookmarkStore.open(isolated_user_data) as store:
        store.add("tinyconf", ["acme"], ItemKind.BOOTH)
    app = make_app(reminders=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        text = app.screen.query_one("#agenda-detail", SessionDetail).text
        lines = text.splitlines()
        related = lines.index("Related sessions")
        assert lines[related + 1 : related + 3] == [
            "  Sat 7 Mar 09:00–10:00 Opening Keynote: Terminals Forever",
            "  Sun 8 Mar 11:00–13:00 Hands-on Textual Workshop",
        ]
        assert related < lines.index("Links")


def bare_program(tinyconf_path: Path, tmp_path: Path, *, booths: bool, papers: bool) -> Path:
    """tinyconf without its booths and/or papers (as most imported programs are)."""
    raw = json.loads(tinyconf_path.read_text(encoding="utf-8"))
    if not booths:
        raw["booths"] = []
    if not papers:
        raw["papers"] = []
    path = tmp_path / "bare.json"
    path.write_text(json.dumps(raw), encoding="utf-8")
    return path


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_a_program_without_booths_or_papers_has_no_tab_key_or_command_for_them(
    tinyconf_path: Path, tmp_path: Path, isolated_user_data: Path, size: tuple[int, int]
) -> None:
    path = bare_program(tinyconf_path, tmp_path, booths=False, papers=False)
    state = AppState(program=load_program_file(path), store=BookmarkStore.open(isolated_user_data))
    app = ConftermApp(state, reminders=False)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        main = app.main
        labels = [main.query_one(TabBar).label(t) for t in main.query_one(TabBar).tab_ids]
        assert not {"Booths", "Papers"} & set(labels)
        assert labels[-1] in ("My agenda", "Agenda")
        shown = main.current_tab
        for key in ("B", "P"):
            await pilot.press(key)  # nothing to show: nothing happens
            await pilot.pause()
            assert main.current_tab == shown
        assert not main.query("#booths-pane")
        assert not main.query("#papers-pane")
        bar = main.query_one(KeyBar)
        assert not {"Booths", "Papers"} & {entry.description for entry in bar.entries()[0]}
        titles = [title for title, _, _ in main_commands(main)]
        assert "Booths" not in titles
        assert "Papers" not in titles
        await pilot.press("question_mark")
        await pilot.pause()
        help_text = str(app.screen.query_one("#help-keys").render())
        assert "main.booths" not in help_text
        assert "main.papers" not in help_text
        assert "main.agenda" in help_text
        await pilot.press("escape", "a")  # My agenda is still there
        await pilot.pause()
        assert main.current_tab == "agenda"


async def test_a_program_with_booths_but_no_papers_has_a_booths_tab_only(
    tinyconf_path: Path, tmp_path: Path, isolated_user_data: Path
) -> None:
    path = bare_program(tinyconf_path, tmp_path, booths=True, papers=False)
    state = AppState(program=load_program_file(path), store=BookmarkStore.open(isolated_user_data))
    app = ConftermApp(state, reminders=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("P")
        await pilot.pause()
        assert app.main.current_tab != "papers"
        await pilot.press("B")
        await pilot.pause()
        assert app.main.current_tab == "booths"
        assert "papers" not in app.main.tab_ids


async def test_a_program_with_booths_and_papers_shows_their_lists(
    tinyconf_path: Path, isolated_user_data: Path
) -> None:
    # A program with booths and papers shows their lists, not the message.
    app = ConftermApp(
        AppState(
            program=load_program_file(tinyconf_path), store=BookmarkStore.open(isolated_user_data)
        )
    )
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("B")
        pane = app.main.query_one("#booths-pane")
        assert [type(w) for w in pane.children if w.display] == [BoothList, BoothDetail]
