"""Rows say who and where: a session row carries its title, speakers and room on two lines
(a long title goes on over the second, not cut at ~36 characters); a paper's title has a
line of its own (readable at 120 columns); stars, kinds and clash marks still fit."""

from __future__ import annotations

import pytest
from app_clock import AppFactory

from confterm.model.targets import JumpTarget
from confterm.present.rows import PaperRow, SessionRow
from confterm.tui.widgets.paper_list import PaperList
from confterm.tui.widgets.row_list import RowList
from confterm.tui.widgets.row_render import render_lines, split_words
from confterm.tui.widgets.session_list import SessionList

SIZES = [(80, 24), (120, 40)]
LONG = "Why the Title of a Talk at a Congress Is Never as Short as Its Abstract Promised"


def lines_of(row: SessionRow | PaperRow, width: int) -> list[str]:
    return [c.plain for c in render_lines(row, width, 11, two_lines=True)]


def test_split_breaks_at_a_space_and_cuts_a_long_word() -> None:
    assert split_words("Parsing Schedules Without Tears", 20) == (
        "Parsing Schedules",
        "Without Tears",
    )
    assert split_words("short", 20) == ("short", "")
    assert split_words("Supercalifragilistic rest", 5) == ("Super", "califragilistic rest")


def test_a_session_row_says_what_who_and_where_on_two_lines() -> None:
    row = SessionRow(
        "s", "21:45–22:45", "Talk", "ECCHacks", "Saal 1", True, True, "djb, Tanja Lange"
    )
    top, bottom = lines_of(row, 60)
    assert top.startswith("★⚠ 21:45–22:45 Talk      ECCHacks")
    assert bottom.startswith("   Saal 1")
    assert bottom.rstrip().endswith("djb, Tanja Lange")
    # The speakers start under the title.
    assert bottom.index("djb") == top.index("ECCHacks")
    assert len(top) == len(bottom) == 60


def test_a_long_title_goes_on_over_the_second_line_before_the_speakers() -> None:
    row = SessionRow("s", "10:30–11:15", "Talk", LONG, "Saal G", speakers="A. One")
    top, bottom = lines_of(row, 80)
    shown = " ".join(
        [top[top.index("Why") :].strip(), bottom[len("   Saal G") :].strip().split(" · ")[0]]
    )
    assert shown == LONG  # the whole title, over the two lines, nothing cut
    assert bottom.rstrip().endswith("· A. One")


def test_a_one_line_session_row_is_unchanged() -> None:
    row = SessionRow("s", "10:30–11:15", "Talk", "Caches", "Room B", True, False, "Linus")
    [line] = [c.plain for c in render_lines(row, 60, 11, two_lines=False)]
    assert line.startswith("★  10:30–11:15 Talk      Caches")
    assert "Linus" not in line  # who is on the second line only


def shown_text(widget: RowList) -> list[str]:
    return [widget.render_line(y).text.rstrip() for y in range(widget.size.height)]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_the_day_list_shows_speakers_and_rooms(
    make_app: AppFactory, size: tuple[int, int]
) -> None:
    app = make_app(reminders=False)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        sessions = app.main.query_one(SessionList)
        index = sessions.index_of(JumpTarget("session", "opening-keynote"))
        assert index is not None
        first = sessions.line_of(index) - sessions.scroll_offset.y
        text = shown_text(sessions)
        assert "Opening Keynote: Terminals Forever" in text[first]
        assert text[first + 1].lstrip().startswith("Main Hall")
        assert "Ada Lovelace" in text[first + 1]
        # Down moves by a session, not by a line: the cursor never lands on a second line.
        sessions.move_to(JumpTarget("session", "opening-keynote"))
        await pilot.press("down")
        row = sessions.current_row
        assert isinstance(row, SessionRow)
        assert row.session_id == "parsing-schedules"


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_paper_titles_have_a_line_of_their_own(
    make_app: AppFactory, size: tuple[int, int]
) -> None:
    app = make_app(reminders=False)
    async with app.run_test(size=size) as pilot:
        await pilot.press("P")
        await pilot.pause()
        papers = app.main.query_one(PaperList)
        rows = [r for r in papers.rows if isinstance(r, PaperRow)]
        text = shown_text(papers)
        longest = max(rows, key=lambda r: len(r.title))
        at = papers.line_of(list(papers.rows).index(longest))
        # At 120 columns the list is half the screen: ~58 cells of title (was 22).
        wanted = min(len(longest.title), papers.size.width - 2)
        assert text[at][1:].startswith(longest.title[:wanted])
        assert longest.authors.split(",")[0] in text[at + 1]


async def test_page_down_moves_by_a_screen_of_lines(make_app: AppFactory) -> None:
    app = make_app(reminders=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        sessions = app.main.query_one(SessionList)
        await pilot.press("home", "pagedown")
        await pilot.pause()
        cursor = sessions.cursor
        assert cursor is not None
        # The cursor's row is on screen, wholly.
        top = sessions.scroll_offset.y
        assert top <= sessions.line_of(cursor)
        assert sessions.line_of(cursor + 1) <= top + sessions.scrollable_content_region.height
