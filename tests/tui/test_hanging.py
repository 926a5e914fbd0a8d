"""Hanging indents: wrapped lines of details and result lists go on under their own text."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from finder_host import HostApp, make_state
from textual.content import Content
from textual.geometry import Region
from textual.style import Style
from textual.widget import Widget
from textual.widgets import Static

from confterm.model.loading import load_program_file
from confterm.model.program import Program
from confterm.model.targets import JumpTarget
from confterm.present.hanging import auto_indent
from confterm.store.bookmarks import BookmarkStore
from confterm.tui.app import ConftermApp
from confterm.tui.screens.now_next import NowNextScreen
from confterm.tui.state import AppState
from confterm.tui.widgets.hanging import Hanging, wrap_line
from confterm.tui.widgets.session_detail import SessionDetail
from confterm.tui.widgets.session_list import SessionList


def plain_lines(hanging: Hanging, width: int) -> list[str]:
    return [line.plain for line in hanging._wrapped(width).split("\n", allow_blank=True)]


def test_indent_follows_leading_spaces_and_bullet() -> None:
    assert auto_indent("  • APOLLO: memory-efficient") == 4
    assert auto_indent("    Ada Lovelace, Grace Hopper") == 4
    assert auto_indent("★ Bookmarked (b to remove)") == 2
    assert auto_indent("Room: Main Hall") == 0


def test_a_wrapped_bullet_goes_on_under_its_text() -> None:
    title = "  • APOLLO: SGD-like Memory, AdamW-level Performance"
    hanging = Hanging(Content.assemble(("Papers (1)", "bold"), "\n", title, "\nAfter"))
    assert plain_lines(hanging, 30) == [
        "Papers (1)",
        "  • APOLLO: SGD-like Memory,",
        "    AdamW-level Performance",
        "After",
    ]
    assert hanging.get_height({}, 30) == 4  # type: ignore[arg-type]
    assert str(hanging) == hanging.plain == hanging.content.plain


def test_fixed_indent_for_a_title_column_and_styles_kept() -> None:
    italic, bold = Style(italic=True), Style(bold=True)
    line = Content.assemble(("Sat 7 Mar 10:30", italic), " ", ("Parsing Schedules", bold))
    lines = wrap_line(line, 32, 16)
    assert [part.plain for part in lines] == [
        "Sat 7 Mar 10:30 Parsing",
        "                Schedules",
    ]
    assert lines[1].get_style_at_offset(16).bold
    assert lines[0].get_style_at_offset(0).italic


def test_no_indent_wider_than_half_the_width_and_unwrapped_lines_untouched() -> None:
    assert [p.plain for p in wrap_line(Content("        one two three"), 12, 8)] == [
        "        one",
        "      two",
        "      three",
    ]
    assert [p.plain for p in wrap_line(Content("  • short"), 40, 4)] == ["  • short"]


def test_height_of_one_line_that_fits_is_one_else_its_wrapped_lines() -> None:
    title = Content("★ Sat 7 Mar 10:00  A title of exactly forty cells, no more.")
    width = title.cell_length
    assert Hanging(title, 4).get_height({}, width) == 1  # type: ignore[arg-type]
    assert Hanging(title, 4).get_height({}, width - 1) == 2  # type: ignore[arg-type]
    assert Hanging(Content("short\nlines"), 4).get_height({}, 40) == 2  # type: ignore[arg-type]
    assert Hanging(Content("界" * 10), 0).get_height({}, 10) == 2  # type: ignore[arg-type]


def shown_lines(widget: Widget) -> list[str]:
    """The text of each line ``widget`` draws (its content region)."""
    region = widget.content_region
    return [
        strip.text.rstrip()
        for strip in widget.render_lines(Region(0, 0, region.width, region.height))
    ]


async def test_now_and_next_second_lines_go_on_under_the_title_column(tinyconf: Program) -> None:
    ny = tinyconf.conference.zone
    app = HostApp(make_state(tinyconf, datetime(2026, 3, 7, 10, 50, tzinfo=ny)), NowNextScreen)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        lines = shown_lines(app.screen.query_one(SessionList))
        start = next(n for n, line in enumerate(lines) if "Parsing Schedules" in line)
        column = lines[start].index("Parsing")
        following = lines[start + 1]  # "Room A    Grace Hopper    25 min left"
        assert following.lstrip().startswith("Room A")
        # Who speaks starts under the title, not at column 0.
        assert following.index("Grace Hopper") == column
        assert following.endswith("25 min left")


async def test_a_long_paper_title_wraps_under_its_bullet_in_the_detail(
    tinyconf_path: Path, tmp_path: Path, isolated_user_data: Path
) -> None:
    raw = json.loads(tinyconf_path.read_text(encoding="utf-8"))
    long_title = "APOLLO: SGD-like Memory, AdamW-level Performance for Training Huge Models"
    raw["papers"][1]["title"] = long_title  # presented in Oral Session: Systems
    path = tmp_path / "long.json"
    path.write_text(json.dumps(raw), encoding="utf-8")
    state = AppState(program=load_program_file(path), store=BookmarkStore.open(isolated_user_data))
    app = ConftermApp(state, reminders=False)
    async with app.run_test(size=(120, 40)) as pilot:
        app.main.jump(JumpTarget("session", "oral-systems"))
        await pilot.pause()
        detail = app.main.query_one("#session-detail", SessionDetail)
        lines = shown_lines(detail.query_one(".body", Static))
        start = next(n for n, line in enumerate(lines) if line.startswith("  • APOLLO"))
        assert lines[start + 1].startswith("    ")
        assert not lines[start + 1][4].isspace()
        assert long_title in detail.text  # the text itself is whole
