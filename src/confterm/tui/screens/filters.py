"""The filter dialog (``f``): kinds, tracks, rooms, bookmarked only, and hidden places.

It dismisses with the new :class:`~confterm.queries.filters.Filters` (Enter) or None (Esc).
Hidden rooms and tracks are saved for the conference when the dialog is applied, so they are
remembered next time; ``c`` clears the selections (not the hidden places) in the dialog.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, SelectionList, Switch

from confterm.model.program import SessionKind
from confterm.queries.filters import Filters
from confterm.text import one_line
from confterm.tui.state import AppState


def _choices(
    pairs: list[tuple[str, str]], chosen: frozenset[str]
) -> list[tuple[Content, str, bool]]:
    return [(Content(one_line(name)), value, value in chosen) for value, name in pairs]


class FilterScreen(ModalScreen[Filters | None]):
    """Choose what the lists show."""

    DEFAULT_CSS = """
    FilterScreen { align: center middle; }
    FilterScreen > Vertical {
        width: 95%; max-width: 140; height: 90%;
        border: thick $accent; background: $surface; padding: 0 1;
    }
    FilterScreen Horizontal { height: 1fr; }
    FilterScreen .column { width: 1fr; height: 1fr; }
    FilterScreen .column > Label { text-style: bold; }
    FilterScreen SelectionList { height: 1fr; }
    FilterScreen #bookmark-row { height: 3; }
    FilterScreen #bookmark-row > Label { padding: 1 1; }
    FilterScreen #filter-help { color: $text-muted; height: 1; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "apply", "Apply", priority=True, id="filters.apply"),
        Binding("escape", "cancel", "Cancel", id="filters.cancel"),
        Binding("c", "clear", "Clear", id="filters.clear"),
    ]

    def __init__(self, state: AppState, current: Filters | None = None) -> None:
        super().__init__()
        self.state = state
        self.current = current or Filters()

    def compose(self) -> ComposeResult:
        program = self.state.program
        used_kinds = self.state.index.kinds
        kinds = [(k.value, k.label) for k in SessionKind if k in used_kinds]
        tracks = [(t.id, t.name) for t in program.tracks]
        rooms = [(r.id, r.name) for r in program.rooms]
        kind_values = frozenset(k.value for k in self.current.kinds)
        with Vertical():
            yield Label(
                "Space toggles · Enter applies · c clears · Esc cancels · Tab moves",
                id="filter-help",
            )
            with Horizontal():
                with Vertical(classes="column"):
                    yield Label("Kind")
                    yield SelectionList[str](*_choices(kinds, kind_values), id="kinds")
                with Vertical(classes="column"):
                    yield Label("Track")
                    yield SelectionList[str](*_choices(tracks, self.current.tracks), id="tracks")
                with Vertical(classes="column"):
                    yield Label("Room")
                    yield SelectionList[str](*_choices(rooms, self.current.rooms), id="rooms")
            with Horizontal(id="bookmark-row"):
                yield Switch(self.current.bookmarked_only, id="bookmarked-only")
                yield Label("Bookmarked (★) only")
            with Horizontal():
                with Vertical(classes="column"):
                    yield Label("Never show these rooms")
                    yield SelectionList[str](
                        *_choices(rooms, self.current.hidden_rooms), id="hidden-rooms"
                    )
                with Vertical(classes="column"):
                    yield Label("Never show these tracks")
                    yield SelectionList[str](
                        *_choices(tracks, self.current.hidden_tracks), id="hidden-tracks"
                    )

    def on_mount(self) -> None:
        self.query_one("#kinds").focus()

    def _selected(self, list_id: str) -> frozenset[str]:
        return frozenset(self.query_one(f"#{list_id}", SelectionList).selected)

    def chosen(self) -> Filters:
        """The filters as currently set in the dialog."""
        return Filters(
            kinds=frozenset(SessionKind(k) for k in self._selected("kinds")),
            tracks=self._selected("tracks"),
            rooms=self._selected("rooms"),
            bookmarked_only=self.query_one("#bookmarked-only", Switch).value,
            hidden_rooms=self._selected("hidden-rooms"),
            hidden_tracks=self._selected("hidden-tracks"),
        )

    def action_apply(self) -> None:
        """Close with the chosen filters (the app state remembers hidden places)."""
        self.dismiss(self.chosen())

    def action_clear(self) -> None:
        """Untick every kind, track and room, and turn off bookmarked-only."""
        for list_id in ("kinds", "tracks", "rooms"):
            self.query_one(f"#{list_id}", SelectionList).deselect_all()
        self.query_one("#bookmarked-only", Switch).value = False

    def action_cancel(self) -> None:
        """Close without changing anything."""
        self.dismiss(None)
