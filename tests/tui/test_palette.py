"""The command palette: what its prompt says, what a speaker's hit says and where it goes."""

from __future__ import annotations

from pathlib import Path

from app_clock import AppFactory
from finder_host import make_state
from textual.command import Command, CommandInput, CommandList, CommandPalette
from textual.pilot import Pilot

from confterm.model.program import Program
from confterm.store.bookmarks import BookmarkStore, ItemKind
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
            "Jump to a session, speaker, booth, paper; run a command; b title: star it"
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


async def test_commands_rank_above_items_matching_as_well(make_app: AppFactory) -> None:
    # "now" on the bundled program put talks above "Now & next"; here "bookmark" and "time
    # zone" match a command and a paper's title alike.
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        titles = await command_titles(app, pilot, "bookmark")
        assert "Paper: Bookmarks That Survive kill -9" in titles
        assert titles[0] == "Bookmark"
        await pilot.press(*["backspace"] * len("bookmark"))
        titles = await command_titles(app, pilot, "time zone")
        assert "Paper: Time Zones Considered Harmful" in titles
        assert titles[0] == "Time zone"


async def star_hit(app: ConftermApp, pilot: Pilot[None], query: str, label: str) -> Command:
    """Open the palette, type ``query`` and return the hit labelled ``label``."""
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*query)
    options = await hits(app, pilot, label)
    return next(o for o in options if str(o.hit.text) == label)


async def choose(app: ConftermApp, pilot: Pilot[None], command: Command) -> None:
    """Highlight ``command`` in the palette and press Enter."""
    command_list = app.screen.query_one(CommandList)
    command_list.highlighted = command_list.options.index(command)
    await pilot.press("enter")
    await pilot.pause()


async def test_b_and_a_title_in_the_palette_stars_it_and_shows_its_star(
    make_app: AppFactory, isolated_user_data: Path
) -> None:
    def stored(kind: ItemKind) -> set[str]:
        with BookmarkStore.open(isolated_user_data) as store:
            return store.ids("tinyconf", kind)

    app = make_app(reminders=False)
    async with app.run_test(size=(80, 24)) as pilot:
        title = "Parsing Schedules Without Tears"
        command = await star_hit(app, pilot, "b parsing", f"☆ {title}")
        assert command.hit.help == "Enter bookmarks this session"
        await choose(app, pilot, command)
        assert stored(ItemKind.SESSION) == {"parsing-schedules"}
        assert app.screen is app.main
        messages = [(n.title, n.message) for n in app._notifications]
        assert ("★ Bookmarked", title) in messages
        # Shown starred next time, and the jump hit says so too; Enter unstars it.
        command = await star_hit(app, pilot, "b parsing", f"★ {title}")
        assert command.hit.help == "Bookmarked: Enter removes the star"
        await choose(app, pilot, command)
        assert stored(ItemKind.SESSION) == set()
        # A paper is starred on its own.
        paper = "Fast Lists for Slow Terminals"
        command = await star_hit(app, pilot, "b fast lists", f"☆ Paper: {paper}")
        await choose(app, pilot, command)
        assert len(stored(ItemKind.PAPER)) == 1
        assert stored(ItemKind.SESSION) == set()


async def test_without_b_the_palette_offers_no_star_hits(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        titles = await command_titles(app, pilot, "parsing")
        assert "Session: Parsing Schedules Without Tears" in titles
        assert not [t for t in titles if t.startswith(("☆", "★"))]


def test_a_bookmarked_sessions_jump_hit_says_so(tinyconf: Program) -> None:
    from confterm.model.targets import JumpTarget

    state = make_state(tinyconf)
    state.toggle(JumpTarget("session", "parsing-schedules"))
    entries = {label: help_text for label, help_text, _ in jump_entries(state)}
    assert entries["Session: Parsing Schedules Without Tears"].endswith(" · ★ bookmarked")
    assert not entries["Session: Lunch"].endswith("bookmarked")
