"""Papers are starred on their own, in the list, the detail, My agenda and search; Enter on
a paper opens its detail at any width (issue 15, item 1)."""

from __future__ import annotations

import pytest
from app_clock import AppFactory
from textual.widgets import OptionList

from confterm.model.targets import JumpTarget
from confterm.present.rows import PAPERS_WITHOUT_SESSION, Heading, PaperRow, SessionRow
from confterm.store.bookmarks import ItemKind
from confterm.tui.app import ConftermApp
from confterm.tui.screens.detail_screen import DetailScreen
from confterm.tui.screens.main import MainScreen
from confterm.tui.screens.search import SearchScreen
from confterm.tui.widgets.agenda_view import AgendaList
from confterm.tui.widgets.paper_detail import PaperDetail
from confterm.tui.widgets.paper_list import PaperList
from confterm.tui.widgets.row_list import RowList
from confterm.tui.widgets.session_list import SessionList

# tinyconf's papers in file order: fast-lists (Poster Session A), sqlite-bookmarks and
# timezone-pain (both in Oral Session: Systems), orphan-paper (no session).


def stars(app: ConftermApp) -> set[str]:
    # What the store holds, not only what the state believes.
    return app.state._store.ids("tinyconf", ItemKind.PAPER)


def shown_lines(widget: RowList) -> list[str]:
    return [widget.render_line(y).text.rstrip() for y in range(widget.size.height)]


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_starring_two_papers_of_one_session_stars_both(
    make_app: AppFactory, size: tuple[int, int]
) -> None:
    app = make_app(reminders=False)
    async with app.run_test(size=size) as pilot:
        await pilot.press("P", "down", "b", "down", "b")  # sqlite-bookmarks, timezone-pain
        await pilot.pause()
        assert stars(app) == {"sqlite-bookmarks", "timezone-pain"}
        # The session is not bookmarked by it: it is on My agenda because of its papers.
        assert set(app.state.bookmarks) == set()
        papers = app.main.query_one(PaperList)
        starred = [r.paper_id for r in papers.rows if isinstance(r, PaperRow) and r.starred]
        assert starred == ["sqlite-bookmarks", "timezone-pain"]
        lines = shown_lines(papers)
        assert sum(line.startswith("★") for line in lines) == 2
        # Unstarring one leaves its sibling starred and the session alone.
        await pilot.press("b")
        await pilot.pause()
        assert stars(app) == {"sqlite-bookmarks"}
        assert set(app.state.bookmarks) == set()


async def test_my_agenda_lists_starred_papers_under_their_session(
    make_app: AppFactory,
) -> None:
    app = make_app(reminders=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("P", "down", "b", "end", "b", "a")  # sqlite-bookmarks, orphan-paper
        await pilot.pause()
        agenda = app.main.query_one(AgendaList)
        rows = list(agenda.rows)
        session = next(i for i, r in enumerate(rows) if isinstance(r, SessionRow))
        session_row = rows[session]
        assert isinstance(session_row, SessionRow)
        assert session_row.session_id == "oral-systems"
        assert not session_row.bookmarked  # there for its paper, not bookmarked itself
        assert rows[session + 1] == PaperRow(
            "sqlite-bookmarks",
            rows[session + 1].title,  # type: ignore[union-attr]
            rows[session + 1].authors,  # type: ignore[union-attr]
            rows[session + 1].session,  # type: ignore[union-attr]
            starred=True,
        )
        heading = rows.index(Heading(PAPERS_WITHOUT_SESSION))
        orphan = rows[heading + 1]
        assert isinstance(orphan, PaperRow)
        assert orphan.paper_id == "orphan-paper"
        text = "\n".join(shown_lines(agenda))
        assert "★Bookmarks That Survive kill" in text
        assert PAPERS_WITHOUT_SESSION in text


async def test_enter_opens_the_paper_detail_at_80_columns(make_app: AppFactory) -> None:
    app = make_app(reminders=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("P", "down", "enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DetailScreen)
        detail = screen.query_one(PaperDetail)
        assert detail.text.startswith("Bookmarks That Survive kill -9")
        assert "Not starred (b to star this paper)" in detail.text
        await pilot.press("b")
        await pilot.pause()
        assert stars(app) == {"sqlite-bookmarks"}
        assert detail.text.startswith("★ Bookmarks That Survive kill -9")
        assert "★ Starred" in detail.text
        # Esc goes back to the list, where it was, with the star shown.
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        papers = app.main.query_one(PaperList)
        assert papers.current_target == JumpTarget("paper", "sqlite-bookmarks")
        # Each paper takes two lines (title; authors and session): the second paper's first.
        assert shown_lines(papers)[papers.line_of(1) - papers.scroll_offset.y].startswith("★")
        # Enter, then Enter again in the detail, goes to the session.
        await pilot.press("enter", "enter")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        sessions = app.main.query_one(SessionList)
        assert sessions.current_target == JumpTarget("session", "oral-systems")


async def test_enter_opens_the_paper_detail_at_120_columns(make_app: AppFactory) -> None:
    app = make_app(reminders=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("P", "down", "enter")
        await pilot.pause()
        detail = app.main.query_one(PaperDetail)
        assert app.focused is detail
        await pilot.press("b")
        await pilot.pause()
        assert stars(app) == {"sqlite-bookmarks"}
        assert "★ Starred" in detail.text
        await pilot.press("enter")
        await pilot.pause()
        sessions = app.main.query_one(SessionList)
        assert sessions.current_target == JumpTarget("session", "oral-systems")


async def test_a_search_hit_names_the_paper_that_matched(make_app: AppFactory) -> None:
    app = make_app(reminders=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash", *"survive kill")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        for _ in range(50):
            if screen.hits:
                break
            await pilot.pause(0.05)
        options = screen.query_one(OptionList)
        prompt = str(options.get_option_at_index(0).prompt)
        assert "Oral Session: Systems" in prompt
        assert "(paper: Bookmarks That Survive kill -9)" in prompt
