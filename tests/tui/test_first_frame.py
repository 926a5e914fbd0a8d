"""What keeps the first frame cheap: the collector resumed after it, no redundant relayouts."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest
from app_clock import DURING, AppFactory
from textual.content import Content
from textual.widgets import Static

from confterm.cli import main
from confterm.tui.widgets.detail_pane import DetailPane


@pytest.fixture
def collector_restored() -> Iterator[None]:
    yield
    gc.unfreeze()
    gc.enable()


@pytest.mark.usefixtures("collector_restored")
async def test_the_collector_paused_for_the_start_resumes_after_the_first_frame(
    make_app: AppFactory,
) -> None:
    gc.disable()
    app = make_app(DURING, reminders=False, resume_gc=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert gc.isenabled()
        # What the start built is frozen out of later collections.
        assert gc.get_freeze_count() > 0


@pytest.mark.usefixtures("collector_restored")
async def test_an_app_not_asked_to_resume_leaves_the_collector_alone(
    make_app: AppFactory,
) -> None:
    gc.disable()
    app = make_app(DURING, reminders=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert not gc.isenabled()


async def test_the_detail_pane_skips_showing_the_same_content_again(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(DURING, reminders=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        pane = app.main.query_one("#session-detail", DetailPane)
        updates: list[object] = []
        real_update = Static.update

        def counting(self: Static, *args: object, **kwargs: object) -> None:
            updates.append(args)
            real_update(self, *args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(Static, "update", counting)
        pane.show(Content("Same text"))
        pane.show(Content("Same text"))
        assert len(updates) == 1
        pane.show(Content.styled("Same text", "bold"))  # same words, other styles
        assert len(updates) == 2
        pane.show(Content("Other text"))
        assert len(updates) == 3
        assert pane.text == "Other text"


@pytest.mark.usefixtures("collector_restored")
def test_a_start_that_fails_leaves_the_collector_running(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    assert gc.isenabled()
    assert main(["--data", str(bad)]) == 1
    assert gc.isenabled()
