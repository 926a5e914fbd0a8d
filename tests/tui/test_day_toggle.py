"""Bookmarking from the day list: only the touched rows change, the detail keeps its place."""

from __future__ import annotations

from app_clock import DURING, AppFactory

from confterm.present.rows import SessionRow
from confterm.tui.widgets.session_detail import SessionDetail
from confterm.tui.widgets.session_list import SessionList

SHORT = (110, 12)  # wide enough for the detail pane, too short for a session's detail


async def test_toggle_keeps_the_detail_scrolled(make_app: AppFactory) -> None:
    app = make_app(DURING)
    async with app.run_test(size=SHORT) as pilot:
        await pilot.pause()
        detail = app.main.query_one("#session-detail", SessionDetail)
        await pilot.press("enter")  # into the detail pane
        await pilot.pause()
        detail.scroll_end(animate=False, immediate=True)
        await pilot.pause()
        scrolled = detail.scroll_y
        assert scrolled > 0
        await pilot.press("b")
        await pilot.pause()
        assert "Bookmarked" in detail.text
        assert detail.scroll_y == scrolled


async def test_toggle_marks_the_row_and_its_clashes(make_app: AppFactory) -> None:
    app = make_app(DURING)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        rows = app.main.query_one(SessionList).rows

        def marks() -> dict[str, tuple[bool, bool]]:
            return {
                r.session_id: (r.bookmarked, r.clash) for r in rows if isinstance(r, SessionRow)
            }

        before = marks()
        assert before["parsing-schedules"] == (False, False)
        await pilot.press("b")  # on parsing-schedules, in progress at 10:50
        await pilot.pause()
        after = marks()
        assert after["parsing-schedules"] == (True, False)
        assert after["caches-talk"] == (False, True)  # overlaps the new bookmark
        changed = {k for k in after if after[k] != before[k]}
        assert changed == {"parsing-schedules", "caches-talk"}
