"""Links in a detail are terminal hyperlinks that open the browser: by click, or Enter.

The browser is never started: ``App.open_url`` is replaced by a recorder.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from app_clock import DURING, AppFactory
from test_speaker_click import links_in
from textual.content import Content
from textual.style import Style

from confterm.clock import Clock, parse_now
from confterm.model.loading import load_program_bytes
from confterm.model.targets import JumpTarget
from confterm.store.bookmarks import BookmarkStore
from confterm.tui.app import ConftermApp
from confterm.tui.screens.main import MainScreen
from confterm.tui.state import AppState
from confterm.tui.widgets.detail_content import url_content
from confterm.tui.widgets.hanging import wrap_line
from confterm.tui.widgets.session_detail import SessionDetail

SLIDES = "https://tinyconf.example.org/slides/keynote"


def _record_urls(app: ConftermApp, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    opened: list[str] = []
    monkeypatch.setattr(app, "open_url", lambda url, new_tab=True: opened.append(url))
    return opened


async def test_clicking_a_link_or_enter_opens_the_browser(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(DURING, reminders=False)
    opened = _record_urls(app, monkeypatch)
    async with app.run_test(size=(120, 40)) as pilot:
        main = app.screen
        assert isinstance(main, MainScreen)
        main.jump(JumpTarget("session", "opening-keynote"))
        await pilot.pause()
        detail = main.query_one("#session-detail", SessionDetail)
        assert detail.links == [SLIDES, "https://tinyconf.example.org/program"]
        actions = links_in(app, detail)
        x, y = actions[f"app.open_link('{SLIDES}')"]
        await pilot.click(offset=(x + 2, y))
        await pilot.pause()
        assert opened == [SLIDES]
        detail.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert opened == [SLIDES, SLIDES]


def _program_with_links(links: list[dict[str, str]]) -> bytes:
    data = json.loads((Path(__file__).parents[1] / "data" / "tinyconf.json").read_text())
    data["sessions"][1]["links"] = links
    return json.dumps(data).encode()


async def test_only_http_links_are_links_and_text_stays_literal(
    isolated_user_data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = _app_on(
        _program_with_links(
            [
                {"title": "Quote", "url": "https://ex.org/a'),app.quit('"},
                {"title": "[b]Bold[/b]", "url": "https://ex.org/x"},
            ]
        ),
        isolated_user_data,
    )
    opened = _record_urls(app, monkeypatch)
    async with app.run_test(size=(120, 40)) as pilot:
        main = app.screen
        assert isinstance(main, MainScreen)
        main.jump(JumpTarget("session", "opening-keynote"))
        await pilot.pause()
        detail = main.query_one("#session-detail", SessionDetail)
        assert detail.links == [
            "https://ex.org/a%27%29,app.quit%28%27",
            "https://ex.org/x",
            "https://tinyconf.example.org/program",
        ]
        assert "[b]Bold[/b]" in detail.text
        assert "\x1b" not in detail.text
        await app.run_action("app.open_link('javascript:alert(1)')")
        await pilot.pause()
        assert opened == []


def test_a_program_with_a_non_web_or_escaped_url_is_refused() -> None:
    """Such a URL never reaches a detail: the model refuses it (see confterm.model.cleaning),
    naming the field."""
    from confterm.errors import DataError

    for url in ("javascript:alert(1)", "https://ex.org/\x1b]8;;https://evil\x07x"):
        with pytest.raises(DataError, match=r"links\[0\]\.url: not a plain http\(s\) URL"):
            load_program_bytes(_program_with_links([{"title": "x", "url": url}]), "links.json")


def test_url_content_makes_a_link_only_of_web_urls() -> None:
    assert url_content("https://ex.org/").spans
    assert not url_content("mailto:a@ex.org").spans


def _app_on(program_bytes: bytes, data_dir: Path) -> ConftermApp:
    program = load_program_bytes(program_bytes, "links.json")
    state = AppState(
        program=program,
        store=BookmarkStore.open(data_dir),
        clock=Clock(parse_now(DURING, program.conference.zone), frozen=True),
    )
    return ConftermApp(state, reminders=False)


async def test_a_long_url_is_cut_on_its_line_not_wrapped(isolated_user_data: Path) -> None:
    long_url = "https://ex.org/" + "very-long-path/" * 10
    app = _app_on(_program_with_links([{"title": "Long", "url": long_url}]), isolated_user_data)
    async with app.run_test(size=(80, 24)) as pilot:
        main = app.screen
        assert isinstance(main, MainScreen)
        main.jump(JumpTarget("session", "opening-keynote"))
        await pilot.pause()
        await pilot.press("enter")  # narrow: the detail has a screen of its own
        await pilot.pause()
        detail = app.screen.query_one(SessionDetail)
        detail.focus()
        await pilot.press("end")
        await pilot.pause()
        region = detail.region
        rows = [
            y
            for y in range(region.y, region.bottom)
            if any(
                app.screen.get_style_at(x, y).link == long_url
                for x in range(region.x, region.right)
            )
        ]
        # One screen line: the URL is cut there, never continued on the next.
        assert len(rows) == 1


def test_a_word_wider_than_the_pane_is_cut_with_an_ellipsis() -> None:
    long_url = "https://ex.org/" + "very-long-path/" * 10
    line = Content.assemble("Source: ", url_content(long_url))
    wrapped = wrap_line(line, 40, 0)
    assert [part.plain for part in wrapped] == ["Source:", long_url[:39] + "…"]
    assert any(
        isinstance(span.style, Style) and span.style.link == long_url for span in wrapped[1].spans
    )
