"""Keys 5–9 on a program with fewer days say so (issue 15, item 17)."""

from __future__ import annotations

from app_clock import AppFactory


async def test_a_day_key_past_the_last_day_says_so(make_app: AppFactory) -> None:
    app = make_app(reminders=False)
    async with app.run_test(size=(80, 24)) as pilot:
        before = app.main.current_tab
        await pilot.press("9")
        await pilot.pause()
        assert app.main.current_tab == before
        last = list(app._notifications)[-1]
        assert (last.message, last.severity) == (
            "There is no day 9: this conference has 3 days.",
            "warning",
        )
        await pilot.press("3")
        await pilot.pause()
        assert app.main.current_tab != before
