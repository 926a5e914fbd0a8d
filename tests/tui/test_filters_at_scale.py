"""The filter dialog at FOSDEM's scale (issue 15, item 11: 106 rooms, 109 tracks): one sorted
list at a time, narrowed as you type, usable at 80x24, ticks visible without colour."""

from __future__ import annotations

from pathlib import Path

import pytest
from app_clock import DURING, AppFactory
from finder_host import HostApp, make_state
from textual.widgets import Label

from confterm.model.program import Program
from confterm.queries.filters import Filters, narrow, sorted_choices, track_choices
from confterm.queries.folding import fold
from confterm.queries.index import natural_key
from confterm.sources import import_source
from confterm.tui.screens.filters import FilterScreen
from confterm.tui.widgets.check_list import TICKED, UNTICKED, CheckList

CONFORMANCE = Path(__file__).resolve().parents[3] / "shared" / "conformance"
FOSDEM = CONFORMANCE / "pentabarf-fosdem-2021.xml"
SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]

needs_fosdem = pytest.mark.skipif(
    not FOSDEM.is_file(), reason=f"conformance sample not found at {FOSDEM}"
)


@pytest.fixture(scope="module")
def fosdem() -> Program:
    return import_source(str(FOSDEM), conference_id=None, tz="Europe/Brussels").program


def list_lines(screen: FilterScreen) -> list[str]:
    checks = screen.checks
    height = checks.scrollable_content_region.height
    return [checks.render_line(y).text.rstrip() for y in range(height)]


def ticks(lines: list[str]) -> list[str]:
    return [line for line in lines if TICKED in line or UNTICKED in line]


def test_choices_are_sorted_by_name_and_narrowed_by_what_is_typed() -> None:
    choices = sorted_choices([("b", "room 10"), ("a", "Room 9"), ("c", "Ärger"), ("d", "apple")])
    assert [c.label for c in choices] == ["apple", "Ärger", "Room 9", "room 10"]
    assert [c.value for c in narrow(choices, "ROOM")] == ["a", "b"]
    assert [c.value for c in narrow(choices, "arg")] == ["c"]  # accents folded
    assert [c.value for c in narrow(choices, "room9")] == ["a"]  # spaces ignored
    assert narrow(choices, "") == choices
    assert narrow(choices, "zzz") == []


@needs_fosdem
@pytest.mark.parametrize("size", SIZES)
async def test_fosdem_tracks_sorted_typed_to_and_ticked(
    fosdem: Program, size: tuple[int, int]
) -> None:
    assert (len(fosdem.rooms), len(fosdem.tracks)) == (106, 109)
    app = HostApp(make_state(fosdem), FilterScreen)
    async with app.run_test(size=size) as pilot:
        await pilot.press("tab")  # the tracks
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, FilterScreen)
        checks = screen.checks
        labels = [c.label for c in checks.shown]
        assert len(labels) == 109
        assert labels == sorted(labels, key=lambda label: natural_key(fold(label)))
        # The list takes the dialog's height: at 80x24 it shows 19 tracks, not 4.
        shown = ticks(list_lines(screen))
        assert len(shown) >= (17 if size == (80, 24) else 30)
        assert shown[0].endswith(labels[0])
        # Typing narrows the list; the cursor is on the first match; Space ticks it.
        await pilot.press(*"contai")
        assert [c.label for c in checks.shown] == ["Containers"]
        await pilot.press("space")
        assert ticks(list_lines(screen)) == [f"› {TICKED} Containers"]
        await pilot.press("backspace", "backspace", "backspace")  # "con"
        assert len(checks.shown) > 1
        assert all("con" in fold(c.label) for c in checks.shown)
        await pilot.press("escape")  # forgets what was typed, the dialog stays
        assert app.screen is screen
        assert len(checks.shown) == 109
        await pilot.press("tab", *"k.", "space", "enter")  # the first room with "k."
        (chosen,) = app.results
        assert isinstance(chosen, Filters)
        assert {fosdem.track_by_id[t].name for t in chosen.tracks} == {"Containers"}
        assert len(chosen.rooms) == 1
        (room,) = chosen.rooms
        assert "k." in fold(fosdem.room_by_id[room].name)


@needs_fosdem
async def test_the_dialog_is_a_few_widgets_however_long_the_lists(fosdem: Program) -> None:
    # A widget per row made the dialog take a quarter of a second to open (issue 14).
    app = HostApp(make_state(fosdem), FilterScreen)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert len(app.screen.query("*")) < 10


@pytest.mark.parametrize("size", SIZES)
async def test_ticks_show_without_colour(
    tinyconf: Program, size: tuple[int, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    state = make_state(tinyconf)
    app = HostApp(state, lambda v: FilterScreen(v, Filters(tracks=frozenset({"systems"}))))
    async with app.run_test(size=size) as pilot:
        assert app.no_color
        await pilot.press("tab")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, FilterScreen)
        assert ticks(list_lines(screen)) == [
            f"› {UNTICKED} Plenary",
            f"  {TICKED} Systems",
            f"  {UNTICKED} Tooling",
        ]
        # The list shown, and how many are ticked in each, are in the text too.
        assert "▸Track 1" in screen._sections_line()
        assert track_choices(tinyconf)[1].label == "Systems"
        assert isinstance(screen.checks, CheckList)


async def test_a_click_ticks_the_line_clicked(tinyconf: Program) -> None:
    app = HostApp(make_state(tinyconf), FilterScreen)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("tab")  # Plenary, Systems, Tooling
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, FilterScreen)
        await pilot.click(CheckList, offset=(8, 1))
        assert screen.chosen().tracks == {"systems"}
        assert screen.checks.current is not None
        assert screen.checks.current.label == "Systems"


async def test_the_clear_key_is_named_as_remapped(make_app: AppFactory) -> None:
    app = make_app(DURING, keymap={"filters.clear": "ctrl+k"}, reminders=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f", "space")  # the first kind ticked
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, FilterScreen)
        assert screen.chosen().kinds
        typed = str(screen.query_one("#filter-typed", Label).render())
        assert "ctrl+k clears all" in typed
        await pilot.press("ctrl+k")
        assert screen.chosen() == Filters()
