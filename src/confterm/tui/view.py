"""What every screen and widget of the app reads: the program and its index, the zone, the
clock, bookmarks.

The app owns one :class:`View`; screens receive it instead of reaching into the app, so each
screen can be tested on its own with a View built from a fixture.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, tzinfo

from confterm.clock import Clock
from confterm.model.program import Program
from confterm.queries.index import ProgramIndex
from confterm.store.bookmarks import BookmarkStore, ItemKind
from confterm.timezones import local_zone
from confterm.tui.grid_layout import GridLayouts


@dataclass
class View:
    """The shared, mutable state of a running app."""

    program: Program
    store: BookmarkStore
    clock: Clock = field(default_factory=Clock)
    display_zone: tzinfo | None = None
    local: tzinfo = field(default_factory=local_zone)
    #: The one index of ``program`` that every query takes (built here, per program).
    index: ProgramIndex = field(init=False, repr=False, compare=False)
    #: The timetable grid's layouts of ``program``, by day and zone, each built once.
    layouts: GridLayouts = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.index = ProgramIndex(self.program)
        self.layouts = GridLayouts(self.index)
        if self.display_zone is None:
            self.display_zone = self.program.conference.zone
        # The calendar file hook renders from this program instead of loading it again.
        self.store.loaded[self.conference_id] = self.index

    @property
    def conference_id(self) -> str:
        """The id bookmarks are filed under."""
        return self.program.conference.id

    @property
    def zone(self) -> tzinfo:
        """The zone every time is shown in right now."""
        return self.display_zone or self.program.conference.zone

    @property
    def showing_local_zone(self) -> bool:
        """True when times are shown in the machine's zone rather than the conference's."""
        return self.zone is not self.program.conference.zone

    def now(self) -> datetime:
        """The app's clock (real, or moved by --now)."""
        return self.clock.now()

    def bookmarked_sessions(self) -> set[str]:
        """Ids of the bookmarked sessions of this conference."""
        return self.store.ids(self.conference_id, ItemKind.SESSION)

    def booths_to_visit(self) -> set[str]:
        """Ids of the booths marked "to visit"."""
        return self.store.ids(self.conference_id, ItemKind.BOOTH)
