"""The Textual app: wiring only (the app state, screens, bindings, commands)."""

from __future__ import annotations

import gc
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.command import CommandPalette
from textual.notifications import SeverityLevel
from textual.screen import Screen

from confterm import paths
from confterm.errors import ConftermError
from confterm.model.targets import JumpTarget
from confterm.store.catalog import open_program, remember_conference
from confterm.text import clean
from confterm.tui.commands import (
    ConferenceProvider,
    JumpProvider,
    StarProvider,
    main_commands,
    star_prefix,
)
from confterm.tui.keymap import KeyLabels, expand_keymap, known_binding_ids, unknown_ids
from confterm.tui.screens.main import MainScreen
from confterm.tui.state import AppState
from confterm.tui.widgets.row_list import RowList

if TYPE_CHECKING:
    from textual.dom import DOMNode
    from textual.theme import Theme

    from confterm.tui.reminder_timer import ReminderTimer
    from confterm.tui.screens.reminders import Reminded

POLL_SECONDS = 0.75
#: What the palette's prompt says ({key}: the bookmark key, which starts a query that stars).
PALETTE_PLACEHOLDER = (
    "Jump to a session, speaker, booth, paper; run a command; {key} title: star it"
)


class ConftermApp(App[None]):
    """confterm's app on one conference program."""

    CSS_PATH = "app.tcss"
    TITLE = "confterm"
    COMMANDS = App.COMMANDS | {JumpProvider, StarProvider, ConferenceProvider}
    DEFAULT_MODE = "program-0"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark", "help", "Help", tooltip="Every key (this screen)", id="app.help"),
        Binding("q", "quit", "Quit", id="app.quit"),
        # Shown in the key bar once a reminder has been shown (check_action); the second
        # binding, without a description (so not in help twice), keeps r working before.
        Binding(
            "r",
            "reminders",
            "Reminders",
            tooltip="Recent reminders, newest first",
            id="app.reminders",
        ),
        Binding("r", "reminders_none", "", show=False, id="app.reminders_none"),
    ]

    def __init__(
        self,
        state: AppState,
        *,
        keymap: dict[str, str] | None = None,
        notices: Iterable[str] = (),
        reminders: bool = True,
        remind_minutes: int = 10,
        data_dir: Path | None = None,
        resume_gc: bool = False,
        theme: str | None = None,
        settings_file: Path | None = None,
    ) -> None:
        """``remind_minutes``: how long before a bookmarked session to remind (0: never);
        ``reminders=False`` turns them off too (tests, snapshots). ``resume_gc``: the caller
        paused the garbage collector for the start; resume it after the first frame.
        ``theme``: the theme to start with; ``settings_file``: where a theme picked in the
        app is saved (None: nowhere)."""
        super().__init__()
        self.state = state
        state.attach(self)
        self.data_dir = data_dir or paths.user_data_dir()
        self.notices = list(notices)
        self.reminders = reminders and remind_minutes > 0
        self.remind_minutes = remind_minutes
        self.reminder_timer: ReminderTimer | None = None
        #: keymap.toml as read, and with the bindings that follow those it remaps.
        self.keymap_read = dict(keymap or {})
        self.user_keymap = expand_keymap(self.keymap_read, _default_keys())
        state.keys = KeyLabels(self.user_keymap)
        self._resume_gc = resume_gc
        self._modes_opened = 0
        self.settings_file = settings_file
        if theme and theme in self.available_themes:
            self.theme = theme
        elif theme:
            self.notices.append(f"unknown theme {theme!r}; using {self.theme}")
        self._saved_theme = self.theme

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Show a notification, always as literal text.

        Messages quote titles, names, file paths and errors, any of which may hold ``[...]``;
        no notification of this app uses markup, so none is ever interpreted (screens pass
        ``markup=True`` by default when they call ``notify``: it is ignored here).
        """
        super().notify(
            clean(message), title=clean(title), severity=severity, timeout=timeout, markup=False
        )

    def get_default_screen(self) -> Screen[None]:
        # The main screen is the base of the first mode from the start: no blank default
        # screen is composed, laid out and replaced before the first frame. (Declaring it as
        # a mode instead costs a second pass of the whole CSS before the first frame.)
        return self._main_screen()

    def _main_screen(self) -> MainScreen:
        return MainScreen(self.state)

    def on_mount(self) -> None:
        if self.user_keymap:
            self.set_keymap(self.user_keymap)
            self.call_after_refresh(self._check_keymap)
        if self._resume_gc:
            self.call_after_refresh(_resume_collector)
        message = self.state.recovery_message
        if message:
            self.notify(message, title="Bookmarks", severity="warning", timeout=10)
        for problem in self.state.problems:
            self.notify(problem, title="Bookmarks", severity="error", timeout=10, markup=False)
        for notice in self.notices:
            self.notify(notice, severity="warning", timeout=10)
        self._tell_changes()
        self.set_interval(POLL_SECONDS, self.poll_store)
        self.theme_changed_signal.subscribe(self, self._save_theme)
        if self.reminders:
            from confterm.tui.reminder_timer import install_reminders

            self.reminder_timer = install_reminders(self, self.state, minutes=self.remind_minutes)

    def _tell_changes(self) -> None:
        """Say once, at the start, that bookmarked sessions changed in a refresh."""
        count = len(self.state.changes)
        if count:
            self.notify(
                f"{count} bookmarked session{'s' * (count != 1)} changed in a refresh: marked "
                "[moved], [changed] or [cancelled] in the day view and My agenda until you "
                f"open it ({self.state.keys('list.open', 'Enter')}), or clear every mark with "
                'ctrl+p "Changes seen".',
                title="Changes",
                severity="warning",
                timeout=15,
            )

    def _check_keymap(self) -> None:
        """One notice naming the ids of keymap.toml that no key has (a typo, an old id)."""
        known = known_binding_ids(_palette_bindings())
        problem = unknown_ids(self.keymap_read, known)
        if problem:
            self.notify(problem, title="Keys", severity="warning", timeout=10)

    def _save_theme(self, theme: Theme) -> None:
        """Keep a theme picked in the app (theme picker, palette) for the next start."""
        if self.settings_file is None or theme.name == self._saved_theme:
            return
        from confterm.settings import save_setting

        try:
            save_setting(self.settings_file, "theme", theme.name)
        except (OSError, ValueError) as error:
            self.notify(
                f"{self.settings_file}: {error}",
                title="Theme not saved",
                severity="warning",
                markup=False,
            )
            return
        self._saved_theme = theme.name

    @property
    def main(self) -> MainScreen:
        """The main screen (always at the bottom of the stack)."""
        for screen in self.screen_stack:
            if isinstance(screen, MainScreen):
                return screen
        raise LookupError("the main screen is not mounted")

    def switch_conference(self, conference_id: str) -> None:
        """Show another bundled or imported conference, keeping the clock, the bookmark store
        and whether times are shown in the local zone."""
        try:
            program = open_program(conference_id, None, self.data_dir)
        except ConftermError as error:
            self.notify(error.message, title="Cannot open it", severity="error", timeout=8)
            return
        self.state = self.state.for_program(program)
        self.state.attach(self)
        # A fresh mode, whose base is the new main screen; the old mode goes with every
        # screen opened on the old program. The first mode was opened without being declared
        # (see get_default_screen): declare it, or it could not be removed.
        shown = self.current_mode
        self._modes_opened += 1
        mode = f"program-{self._modes_opened}"
        self.add_mode(mode, self._main_screen)
        self.switch_mode(mode)
        if shown == self.DEFAULT_MODE:
            self.add_mode(shown, self._main_screen)
        self.remove_mode(shown)
        if self.reminder_timer is not None:
            self.reminder_timer.state = self.state
        self.notify(f"{program.conference.short_name}", title="Conference", markup=False)
        self._tell_changes()
        remember_conference(self.data_dir, program.conference.id)

    def poll_store(self) -> None:
        """Pick up bookmarks changed by another confterm (or the CLI) since the last look."""
        self.state.poll()

    # -- jumping ------------------------------------------------------------------------------

    def jump_to(self, target: JumpTarget) -> None:
        """Go to a session (in its day), booth, paper or speaker, from wherever we are."""
        while len(self.screen_stack) > 1 and not isinstance(self.screen, MainScreen):
            self.pop_screen()
        if target.kind == "speaker" and target.item_id in self.state.program.speaker_by_id:
            from confterm.tui.screens.speaker import SpeakerScreen

            self.push_screen(SpeakerScreen(self.state, target.item_id), self.jump_result)
            return
        if not self.main.jump(target):
            self.notify("That is not in this program.", severity="warning")

    def action_open_link(self, url: str) -> None:
        """Open a link of a detail in the browser (a click, or Enter on the detail)."""
        from confterm.present.links import link_url

        safe = link_url(url)
        if safe is None or safe != url:
            # Only URLs the detail made links of arrive here; anything else is refused.
            self.notify("That is not a web link.", severity="warning")
            return
        self.open_url(safe)
        self.notify(safe, title="Opening in the browser", markup=False, timeout=4)

    def action_open_speaker(self, speaker_id: str, session_id: str = "") -> None:
        """A speaker's sessions and papers (a name clicked in a detail, or s); left/right go
        through the other people of ``session_id``."""
        from confterm.tui.screens.speaker import SpeakerScreen, people_of

        if speaker_id not in self.state.program.speaker_by_id:
            self.notify("That speaker is not in this program.", severity="warning")
            return
        session = self.state.program.session_by_id.get(session_id)
        people = people_of(session) if session else []
        self.push_screen(SpeakerScreen(self.state, speaker_id, people), self.jump_result)

    def open_speakers(self, target: JumpTarget | None) -> None:
        """``s``: the first speaker (or chair) of the session ``target``, left/right going
        through the others; a line saying why not when it has none (never silence)."""
        from confterm.text import one_line

        session = None
        if target is not None and target.kind == "session":
            session = self.state.program.session_by_id.get(target.item_id)
        if session is None:
            what = {"paper": "a paper (its authors are in its detail)", "booth": "a booth"}
            here = what.get(target.kind, "") if target is not None else ""
            self.notify(
                f"s shows a session's speakers; this is {here}." if here else "No session here.",
                title="Speakers",
                severity="warning",
            )
            return
        from confterm.tui.screens.speaker import people_of

        people = [p for p in people_of(session) if p in self.state.program.speaker_by_id]
        if not people:
            papers = self.state.program.papers_by_session.get(session.id)
            also = "; its papers' authors are in its detail" if papers else ""
            self.notify(
                f"No speakers listed for {one_line(session.title)}{also}.",
                title="Speakers",
                severity="warning",
            )
            return
        self.action_open_speaker(people[0], session.id)

    def jump_result(self, result: object) -> None:
        """A screen's result: a JumpTarget is followed, anything else ignored."""
        if isinstance(result, JumpTarget):
            self.jump_to(result)

    # -- actions ------------------------------------------------------------------------------

    def help_sections(
        self, screen: Screen[object] | None = None
    ) -> list[tuple[str, Iterable[BindingType]]]:
        """The bindings shown on the help screen, by where they apply; those of ``screen``
        (when it is not the main screen) first."""
        from confterm.tui.screens.detail_screen import DetailScreen

        return [
            *_screen_section(screen),
            ("Everywhere", [*self.BINDINGS, *_palette_bindings()]),
            ("Days, booths, papers, my agenda", self._main_keys()),
            ("Lists", RowList.BINDINGS),
            ("Detail screen (narrow terminals)", DetailScreen.BINDINGS),
        ]

    def _main_keys(self) -> list[BindingType]:
        """The main screen's keys this program has use for (no Papers key without papers)."""
        main = self.main
        return [b for b in MainScreen.BINDINGS if not isinstance(b, Binding) or main.offers(b)]

    def action_help(self) -> None:
        """Show every key, the current screen's first."""
        from confterm.tui.screens.help import HelpScreen, help_rows

        if not isinstance(self.screen, HelpScreen):
            sections = self.help_sections(self.screen)
            close = self.state.keys("help.close", "Esc")
            self.push_screen(HelpScreen(help_rows(sections, self.user_keymap), close_key=close))

    def action_command_palette(self) -> None:
        """The command palette, saying what can be typed into it."""
        if self.use_command_palette and not isinstance(self.screen, CommandPalette):
            self.push_screen(
                CommandPalette(
                    placeholder=PALETTE_PLACEHOLDER.format(key=star_prefix(self.state).strip()),
                    id="--command-palette",
                )
            )

    def _reminded(self) -> list[Reminded]:
        timer = self.reminder_timer
        return timer.recent if timer is not None else []

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The Reminders key shows once there is a reminder to list."""
        if action == "reminders":
            return bool(self._reminded())
        return True

    def action_reminders(self) -> None:
        """The reminders shown in this run, newest first; Enter goes to the session."""
        from confterm.tui.screens.reminders import RecentReminders

        reminded = self._reminded()
        if not reminded:
            self.action_reminders_none()
            return
        self.push_screen(RecentReminders(reminded, self.state.zone), self.jump_result)

    def action_reminders_none(self) -> None:
        """``r`` before any reminder: say when they come."""
        if self.reminder_timer is None:
            text = "Reminders are off (--remind 0, or remind_minutes = 0 in the settings)."
        else:
            text = (
                f"No reminder yet: one comes {self.remind_minutes} minutes before each "
                "bookmarked session, and stays until you dismiss it."
            )
        self.notify(text, title="Reminders", timeout=6)

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Every action of the app, each once (the palette is how the README says to run any
        of them): Textual's own, less its "Keys" panel, which our Help replaces."""
        for command in super().get_system_commands(screen):
            if command.title != "Keys":
                yield command
        yield SystemCommand("Help", "Every key, and its binding id", self.action_help)
        yield SystemCommand(
            "Reminders", "The reminders shown so far, newest first", self.action_reminders
        )
        main = self.main if isinstance(screen, MainScreen) else None
        if main is None:
            return
        yield from (
            SystemCommand(title, help_text, callback)
            for title, help_text, callback in main_commands(main)
        )


def _screen_section(screen: Screen[object] | None) -> list[tuple[str, list[BindingType]]]:
    """The keys of ``screen`` and of its focused widgets (confterm's own, not Textual's)."""
    if screen is None or isinstance(screen, MainScreen):
        return []
    chain: list[DOMNode] = []
    for node in screen.focused.ancestors_with_self if screen.focused else [screen]:
        chain.insert(0, node)
        if node is screen:
            break
    bindings: list[BindingType] = [
        binding
        for node in chain
        if type(node).__module__.startswith("confterm.")
        for binding in getattr(type(node), "BINDINGS", [])
    ]
    title = getattr(screen, "HELP_TITLE", "This screen")
    return [(str(title), bindings)] if bindings else []


def _default_keys() -> dict[str, str]:
    """The default keys of the bindings others follow (see :data:`keymap.FOLLOWS`)."""
    bindings = [*ConftermApp.BINDINGS, *MainScreen.BINDINGS, *RowList.BINDINGS]
    return {b.id: b.key for b in bindings if isinstance(b, Binding) and b.id}


def _palette_bindings() -> list[BindingType]:
    return [
        Binding(
            "ctrl+p",
            "command_palette",
            "Jump to session, speaker, booth, paper",
            id="app.command_palette",
        ),
        Binding("ctrl+q", "quit", "Quit", id="app.quit_ctrl"),
    ]


def _resume_collector() -> None:
    """Resume the garbage collector paused for the start, never to scan what the start built.

    Everything alive now (modules, the program, the first screen's widgets) lives until the
    app exits; frozen, it is left out of every later collection too.
    """
    gc.freeze()
    gc.enable()
