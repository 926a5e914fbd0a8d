"""The filter dialog (``f``): kinds, tracks, rooms, bookmarked only, and hidden places.

One list at a time, the whole height of the dialog (at 80x24 it shows 17 rooms, where five
lists side by side showed four each): Tab and Shift+Tab go from list to list, typing narrows
the list shown, Space ticks. Each list is sorted by name. Enter dismisses with the new
:class:`~confterm.queries.filters.Filters`, Esc with None (a first Esc forgets what was
typed). Hidden rooms and tracks are saved for the conference when the dialog is applied, so
they are remembered next time; ``ctrl+x`` clears the selections (not the hidden places).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label

from confterm.model.program import SessionKind
from confterm.queries.filters import (
    Choice,
    Filters,
    kind_choices,
    room_choices,
    track_choices,
)
from confterm.tui.state import AppState
from confterm.tui.widgets.check_list import CheckList

BOOKMARKED = "bookmarked"
HELP = "Type to narrow · Space ticks · {next}: next list · {apply} applies · {cancel} cancels"


@dataclass
class Section:
    """One list of the dialog: its name, its choices and what is ticked in it."""

    key: str
    title: str
    choices: list[Choice]
    ticked: set[str]


class FilterScreen(ModalScreen[Filters | None]):
    """Choose what the lists show."""

    DEFAULT_CSS = """
    FilterScreen { align: center middle; background: $background; }
    FilterScreen > Vertical {
        width: 100%; max-width: 100; height: 100%; max-height: 40;
        border: thick $accent; background: $surface; padding: 0 1;
    }
    FilterScreen #filter-help { color: $text-muted; height: 1; }
    FilterScreen #filter-sections { height: 1; text-style: bold; }
    FilterScreen #filter-typed { height: 1; color: $text-muted; }
    FilterScreen CheckList { height: 1fr; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "apply", "Apply", priority=True, id="filters.apply"),
        Binding("escape", "cancel", "Cancel", id="filters.cancel"),
        Binding("ctrl+x", "clear", "Clear", id="filters.clear"),
        Binding("tab", "section(1)", "Next list", priority=True, id="filters.next_list"),
        Binding(
            "shift+tab", "section(-1)", "Previous list", priority=True, id="filters.previous_list"
        ),
    ]

    def __init__(self, state: AppState, current: Filters | None = None) -> None:
        super().__init__()
        self.state = state
        self.current = current = current or Filters()
        program = state.program
        rooms, tracks = room_choices(program), track_choices(program)
        kinds = frozenset(k.value for k in current.kinds)
        self.sections = [
            Section("kinds", "Kind", kind_choices(state.index.kinds), set(kinds)),
            Section("tracks", "Track", tracks, set(current.tracks)),
            Section("rooms", "Room", rooms, set(current.rooms)),
            Section(
                BOOKMARKED,
                "★ only",
                [Choice(BOOKMARKED, "Bookmarked (★) sessions only")],
                {BOOKMARKED} if current.bookmarked_only else set(),
            ),
            Section("hidden-rooms", "Hide rooms", rooms, set(current.hidden_rooms)),
            Section("hidden-tracks", "Hide tracks", tracks, set(current.hidden_tracks)),
        ]
        self.section = 0

    def compose(self) -> ComposeResult:
        with Vertical():
            keys = self.state.keys  # as keymap.toml remaps them
            help_line = HELP.format(
                next=keys("filters.next_list", "Tab"),
                apply=keys("filters.apply", "Enter"),
                cancel=keys("filters.cancel", "Esc"),
            )
            yield Label(help_line, id="filter-help")
            yield Label(self._sections_line(), id="filter-sections", markup=False)
            yield Label("", id="filter-typed", markup=False)
            yield CheckList(id="filter-list")

    def on_mount(self) -> None:
        self._show_section()
        self.checks.focus()

    @property
    def checks(self) -> CheckList:
        """The list shown."""
        return self.query_one(CheckList)

    def _section(self, key: str) -> Section:
        return next(s for s in self.sections if s.key == key)

    def _sections_line(self) -> str:
        """``Kind │▸Track 2 │ Room …``: the list shown is marked, and each list says how many
        of its choices are ticked (visible without colour)."""
        parts = []
        for number, section in enumerate(self.sections):
            count = f" {len(section.ticked)}" if section.ticked else ""
            mark = "▸" if number == self.section else " "
            parts.append(f"{mark}{section.title}{count}")
        return " │".join(parts)

    def _show_section(self) -> None:
        section = self.sections[self.section]
        self.checks.show(section.choices, section.ticked)
        self._update_lines()

    def _update_lines(self) -> None:
        self.query_one("#filter-sections", Label).update(Content(self._sections_line()))
        checks = self.checks
        section = self.sections[self.section]
        if checks.typed:
            typed = f"Typed: {checks.typed}  ({len(checks.shown)} of {len(section.choices)})"
        else:
            clear = self.state.keys("filters.clear", "ctrl+x")  # as keymap.toml remaps it
            typed = f"{section.title}: {len(section.choices)} · type to narrow · {clear} clears all"
        self.query_one("#filter-typed", Label).update(Content(typed))

    @on(CheckList.Changed)
    def _changed(self) -> None:
        self._update_lines()

    def action_section(self, step: int) -> None:
        """The next (1) or previous (-1) list."""
        self.section = (self.section + step) % len(self.sections)
        self._show_section()

    def chosen(self) -> Filters:
        """The filters as currently set in the dialog."""

        def ticked(key: str) -> frozenset[str]:
            return frozenset(self._section(key).ticked)

        return Filters(
            kinds=frozenset(SessionKind(k) for k in ticked("kinds")),
            tracks=ticked("tracks"),
            rooms=ticked("rooms"),
            bookmarked_only=bool(ticked(BOOKMARKED)),
            hidden_rooms=ticked("hidden-rooms"),
            hidden_tracks=ticked("hidden-tracks"),
        )

    def action_apply(self) -> None:
        """Close with the chosen filters (the app state remembers hidden places)."""
        self.dismiss(self.chosen())

    def action_clear(self) -> None:
        """Untick every kind, track and room, and turn off bookmarked-only."""
        for key in ("kinds", "tracks", "rooms", BOOKMARKED):
            self._section(key).ticked.clear()
        self.checks.refresh()
        self._update_lines()

    def action_cancel(self) -> None:
        """Forget what was typed; when nothing was, close without changing anything."""
        if not self.checks.clear_query():
            self.dismiss(None)
