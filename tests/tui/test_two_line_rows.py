"""Rows say who and where: a session row carries its title, speakers and room on two lines
(a long title goes on over the second, not cut at ~36 characters); a paper's title has a
line of its own (readable at 120 columns); stars, kinds and clash marks still fit."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from app_clock import AppFactory

from confterm.model.loading import load_program_file
from confterm.model.targets import JumpTarget
from confterm.present.rows import PaperRow, SessionRow
from confterm.store.bookmarks import BookmarkStore
from confterm.tui.app import ConftermApp
from confterm.tui.state import AppState
from confterm.tui.widgets.paper_list import PaperList
from confterm.tui.widgets.row_list import RowList
from confterm.tui.widgets.row_render import render_lines, split_words
from confterm.tui.widgets.session_list import SessionList

SIZES = [(80, 24), (120, 40)]
LONG_PAPER = "APOLLO: SGD-like Memory, AdamW-level Performance for Training Huge Models"
PAPER = JumpTarget("paper", "fast-lists")
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
async def test_paper_titles_read_whole_over_one_or_two_lines(
    tinyconf_path: Path, tmp_path: Path, isolated_user_data: Path, size: tuple[int, int]
) -> None:
    raw = json.loads(tinyconf_path.read_text(encoding="utf-8"))
    raw["papers"][0]["title"] = LONG_PAPER  # wider than the list at 120 columns (60 cells)
    path = tmp_path / "long.json"
    path.write_text(json.dumps(raw), encoding="utf-8")
    state = AppState(program=load_program_file(path), store=BookmarkStore.open(isolated_user_data))
    app = ConftermApp(state, reminders=False)
    async with app.run_test(size=size) as pilot:
        await pilot.press("P")
        await pilot.pause()
        papers = app.main.query_one(PaperList)
        text = shown_text(papers)
        rows = list(papers.rows)
        for index, row in enumerate(rows):
            if not isinstance(row, PaperRow):
                continue
            at = papers.line_of(index) - papers.scroll_offset.y
            lines = papers.line_of(index + 1) - papers.line_of(index)
            if at + lines > len(text):
                break  # below the screen
            title = " ".join(line[1:].strip() for line in text[at : at + lines - 1])
            assert title == row.title  # whole, not cut (at 120 columns it was cut at 22)
            assert row.authors.split(",")[0] in text[at + lines - 1]
        # The long title: one line at 80 columns (75 cells), two at 120 (the list is 60).
        index = next(i for i, r in enumerate(rows) if r.target == PAPER)
        height = papers.line_of(index + 1) - papers.line_of(index)
        assert height == (3 if size == (120, 40) else 2)


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
