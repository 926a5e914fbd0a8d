"""The command palette: what its prompt says, what a speaker's hit says and where it goes."""

from __future__ import annotations

from app_clock import AppFactory
from finder_host import make_state
from textual.command import Command, CommandInput, CommandList, CommandPalette
from textual.pilot import Pilot

from confterm.model.program import Program
from confterm.tui.app import ConftermApp
from confterm.tui.commands import jump_entries, main_commands
from confterm.tui.screens.export_dialog import ExportDialog
from confterm.tui.screens.speaker import SpeakerScreen


def test_a_speakers_entry_says_it_opens_their_page(tinyconf: Program) -> None:
    entries = {label: help_text for label, help_text, _ in jump_entries(make_state(tinyconf))}
    assert entries["Speaker: Grace Hopper"].startswith("Their sessions and papers (")
    assert not any("first session" in help_text for help_text in entries.values())


async def hits(app: ConftermApp, pilot: Pilot[None], label: str) -> list[Command]:
    """The palette's options once one labelled ``label`` has arrived (searches run async)."""
    command_list = app.screen.query_one(CommandList)
    for _ in range(100):
        options = [o for o in command_list.options if isinstance(o, Command)]
        if any(str(o.hit.text) == label for o in options):
            return options
        await pilot.pause(0.02)
    raise AssertionError(f"no hit {label!r}")


async def test_palette_prompt_and_speaker_hit(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        palette = app.screen
        assert isinstance(palette, CommandPalette)
        assert palette.id == "--command-palette"
        prompt = palette.query_one(CommandInput)
        assert prompt.placeholder == (
            "Jump to a session, speaker, booth or paper, or run a command…"
        )
        await pilot.press(*"Grace Hopper")
        options = await hits(app, pilot, "Speaker: Grace Hopper")
        hit = next(o.hit for o in options if o.hit.text == "Speaker: Grace Hopper")
        assert hit.help is not None
        assert hit.help.startswith("Their sessions and papers (")
        palette.query_one(CommandList).highlighted = options.index(
            next(o for o in options if o.hit is hit)
        )
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SpeakerScreen)
        assert screen.speaker_id == "grace"


async def command_titles(app: ConftermApp, pilot: Pilot[None], query: str) -> list[str]:
    """The titles the palette offers for ``query`` once its searches have settled."""
    await pilot.press(*query)
    command_list = app.screen.query_one(CommandList)
    previous: list[str] | None = None
    for _ in range(100):
        await pilot.pause(0.03)
        titles = [str(o.hit.text) for o in command_list.options if isinstance(o, Command)]
        if titles and titles == previous:
            return titles
        previous = titles
    raise AssertionError(f"the palette never settled on {query!r}")


async def test_palette_offers_every_action_once(make_app: AppFactory) -> None:
    # Issue 15, item 3: "export" found nothing and "Keys" was listed twice.
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        palette = app.screen
        assert isinstance(palette, CommandPalette)
        titles = [title for title, _, _ in main_commands(app.main)]
        assert len(titles) == len(set(titles))
        for wanted in (
            "Export",
            "Search",
            "Now & next",
            "Grid",
            "Filters",
            "Time zone",
            "Bookmark",
        ):
            assert wanted in titles
        assert (await command_titles(app, pilot, "export")).count("Export") == 1


async def test_palette_lists_help_once_and_runs_export(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        system = list(app.get_system_commands(app.main))
        names = [command.title for command in system]
        assert names.count("Help") == 1
        assert "Keys" not in names
        assert names.count("Theme") == 1
        titles = await command_titles(app, pilot, "export")
        palette = app.screen
        palette.query_one(CommandList).highlighted = titles.index("Export")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)
