"""The one observable state of a running app: the program and its index, the marks, the zone,
the filters, the clock.

Every screen, pane and widget reads what it shows from one :class:`AppState` and changes it only
through it. The state is the only writer to the bookmark store: a bookmark toggled in a list,
the grid or a detail, and one made by another confterm or the CLI (seen by :meth:`poll`), are
announced alike on :attr:`AppState.changed`, a Textual ``Signal`` whose subscribers redraw what
they show. Nothing else keeps a copy of the marks: they read :attr:`bookmarks` and
:attr:`to_visit` when they draw. The display zone is a Textual reactive of the state
(:attr:`AppState.zone`): widgets watch it (``self.watch(state, "zone", ...)``) and only the
state sets it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from collections.abc import Set as AbstractSet
from contextlib import suppress
from datetime import UTC, datetime, tzinfo
from typing import TYPE_CHECKING, Any, Literal

from textual.dom import DOMNode
from textual.reactive import var
from textual.signal import Signal

from confterm.clock import Clock
from confterm.errors import StoreError
from confterm.model.program import Program
from confterm.model.targets import JumpTarget
from confterm.present.formatting import zone_label
from confterm.present.grid_layout import GridLayouts
from confterm.queries.filters import Filters, load_hidden, save_hidden
from confterm.queries.index import ProgramIndex
from confterm.store.bookmarks import Bookmark, BookmarkStore, ItemKind
from confterm.store.change_marks import ChangeMark, unseen_changes
from confterm.timezones import local_zone, zone_name
from confterm.tui.keymap import KeyLabels
from confterm.tui.messages import FiltersChanged, MarksChanged, StateChange

if TYPE_CHECKING:
    from textual.app import App

    from confterm.export import ExportOptions
    from confterm.store.catalog import ProgramOrigin


class AppState(DOMNode):
    """What the app shows, owned in one place and announced on every change.

    A DOM node of its own (never mounted) only so that its display zone can be a Textual
    reactive that widgets watch."""

    #: The zone every time is shown in right now; set by the state alone (``t``,
    #: :meth:`toggle_zone`), watched by whatever shows times.
    zone: var[tzinfo] = var[tzinfo](UTC, init=False)

    def __init__(
        self,
        program: Program,
        store: BookmarkStore,
        clock: Clock | None = None,
        display_zone: tzinfo | None = None,
        local: tzinfo | None = None,
    ) -> None:
        super().__init__()
        self.program = program
        #: The one index of ``program`` that every query takes (built here, per program).
        self.index = ProgramIndex(program)
        #: The timetable grid's layouts of ``program``, by day and zone, each built once.
        self.layouts = GridLayouts(self.index)
        # The calendar file hook renders from this program instead of loading it again.
        store.loaded[self.conference_id] = self.index
        self.clock = clock or Clock()
        #: The machine's own zone (``t`` switches to it).
        self.local = local or local_zone()
        self._store = store
        self.zone = display_zone or program.conference.zone
        self._bookmarks: set[str] = set()
        self._to_visit: set[str] = set()
        self._starred: set[str] = set()  # papers starred on their own
        # Bookmarked sessions a refresh changed, not yet seen (confterm.store.change_marks).
        self._changes: dict[str, ChangeMark] = {}
        # Those seen in this run: the detail still says what changed while the app runs.
        self._seen_changes: dict[str, ChangeMark] = {}
        self._filters = Filters()
        self._token: int | None = None
        self._app: App[Any] | None = None
        self.changed: Signal[StateChange] | None = None
        #: How text names a key, as keymap.toml remaps it ("b to bookmark", "m to ...").
        self.keys = KeyLabels()
        #: Problems met reading the store before the app could show them.
        self.problems: list[str] = []
        self._read_marks(report=self.problems.append)
        # An error here is the one the marks already reported: no filters are hidden then.
        with suppress(StoreError):
            self._filters = load_hidden(store, self.conference_id)

    # -- wiring -------------------------------------------------------------------------------

    def attach(self, app: App[Any]) -> None:
        """Announce changes through ``app`` (whose notifications also show store errors)."""
        self._app = app
        self.changed = Signal(app, "app-state-changed")

    def subscribe(self, node: DOMNode, callback: Callable[[StateChange], object]) -> None:
        """Call ``callback`` (on ``node``, once its messages are handled) after each change."""
        if self.changed is not None:
            self.changed.subscribe(node, callback)

    def _announce(self, change: StateChange) -> None:
        if self.changed is not None:
            self.changed.publish(change)

    def _report(
        self, message: str, title: str, severity: Literal["warning", "error"] = "error"
    ) -> None:
        if self._app is not None:
            self._app.notify(message, title=title, severity=severity, timeout=8, markup=False)
        else:
            self.problems.append(message)

    # -- the program, the clock, the zone -------------------------------------------------------

    @property
    def conference_id(self) -> str:
        """The id bookmarks are filed under."""
        return self.program.conference.id

    def now(self) -> datetime:
        """The app's clock (real, or moved by --now)."""
        return self.clock.now()

    @property
    def showing_local_zone(self) -> bool:
        """True when times are shown in the machine's zone rather than the conference's."""
        return self.zone is not self.program.conference.zone

    @property
    def local_is_conference_zone(self) -> bool:
        """True when the machine's zone is the conference's (switching would change nothing)."""
        conference = self.program.conference.zone
        return self.local is conference or zone_name(self.local) == zone_name(conference)

    def describe_zone(self) -> str:
        """``Times in Asia/Tokyo (JST), your local zone`` (or ``…, the conference's zone``)."""
        which = "your local zone" if self.showing_local_zone else "the conference's zone"
        return f"Times in {zone_label(self.zone, self.now())}, {which}"

    def toggle_zone(self) -> str:
        """Show times in the local zone instead of the conference's, or back (``t``); return a
        line saying which is now shown (for a notification)."""
        if self.showing_local_zone:
            self.zone = self.program.conference.zone
        elif self.local_is_conference_zone:
            return f"{self.describe_zone()}; it is also your local zone"
        else:
            self.zone = self.local
        return self.describe_zone()

    # -- marks ----------------------------------------------------------------------------------

    @property
    def bookmarks(self) -> AbstractSet[str]:
        """Ids of the bookmarked sessions (the state's own set: read it, never keep it)."""
        return self._bookmarks

    @property
    def to_visit(self) -> AbstractSet[str]:
        """Ids of the booths marked "to visit"."""
        return self._to_visit

    @property
    def starred(self) -> AbstractSet[str]:
        """Ids of the papers starred on their own (their sessions are bookmarked apart)."""
        return self._starred

    @property
    def changes(self) -> Mapping[str, ChangeMark]:
        """Bookmarked sessions the last refreshes moved, retitled or cancelled and the user
        has not seen yet, by id (the state's own dict: read it, never keep it)."""
        return self._changes

    def change_of(self, session_id: str) -> ChangeMark | None:
        """What a refresh changed in the session, if its mark is unseen or was seen in this
        run (its detail says so either way)."""
        return self._changes.get(session_id) or self._seen_changes.get(session_id)

    def see_changes(self, session_ids: Iterable[str] | None = None) -> int:
        """The change marks of ``session_ids`` (None: every one) have been seen: forget them,
        saved before announced. Returns how many there were."""
        ids = (
            list(self._changes)
            if session_ids is None
            else [i for i in session_ids if i in self._changes]
        )
        if not ids:
            return 0
        from confterm.store.change_marks import mark_seen

        try:
            mark_seen(self._store, self.conference_id, ids)
            self._token = self._store.change_token()
        except StoreError as error:
            self._report(error.message, "Change marks not saved")
            return 0
        for session_id in ids:
            self._seen_changes[session_id] = self._changes.pop(session_id)
        self._announce(MarksChanged(sessions=frozenset(ids)))
        return len(ids)

    @property
    def recovery_message(self) -> str | None:
        """What the store says when it had to start afresh from a damaged file."""
        return self._store.recovery_message

    def stored_bookmarks(self) -> list[Bookmark]:
        """Every bookmark of this conference as stored (with when it was added), for my
        agenda and the export; raises StoreError when the store cannot be read."""
        return self._store.bookmarks(self.conference_id)

    def export_options(
        self, origin: ProgramOrigin, now: datetime, *, alarm_minutes: int | None = None
    ) -> ExportOptions:
        """The options of an export of this conference made ``now`` (its iCalendar events'
        SEQUENCE / LAST-MODIFIED memory is kept in the store, which only the state holds)."""
        from confterm.export.files import export_options  # not needed to start the app

        return export_options(
            self._store, self.conference_id, origin, now, alarm_minutes=alarm_minutes
        )

    def toggle(self, target: JumpTarget) -> bool | None:
        """Bookmark a session, star a paper or mark a booth to visit, committed before it is
        announced. A paper's star never touches its session's bookmark, nor its siblings'.

        Returns the new state, or None when it could not be saved (the error is shown)."""
        kind = {"booth": ItemKind.BOOTH, "paper": ItemKind.PAPER}.get(target.kind, ItemKind.SESSION)
        try:
            state = self._store.toggle(self.conference_id, target.item_id, kind)
            self._token = self._store.change_token()
        except StoreError as error:
            self._report(error.message, "Bookmark not saved")
            return None
        if self._store.calendar_problem:
            self._report(self._store.calendar_problem, "Calendar file", severity="warning")
        marks = {
            ItemKind.SESSION: self._bookmarks,
            ItemKind.BOOTH: self._to_visit,
            ItemKind.PAPER: self._starred,
        }[kind]
        if state:
            marks.add(target.item_id)
        else:
            marks.discard(target.item_id)
        ids = frozenset({target.item_id})
        if kind is ItemKind.SESSION:
            self._announce(MarksChanged(sessions=ids))
        elif kind is ItemKind.PAPER:
            self._announce(MarksChanged(papers=ids))
        else:
            self._announce(MarksChanged(booths=ids))
        return state

    def poll(self) -> None:
        """Pick up marks changed by another confterm (or the CLI) since the last look."""
        try:
            token = self._store.change_token()
        except StoreError:
            return
        if token == self._token:
            return
        self._token = token
        sessions, booths, papers = set(self._bookmarks), set(self._to_visit), set(self._starred)
        changes = dict(self._changes)
        self._read_marks(report=lambda message: self._report(message, "Bookmarks"))
        changed = {i for i in {*changes, *self._changes} if changes.get(i) != self._changes.get(i)}
        self._announce(
            MarksChanged(
                sessions=frozenset((sessions ^ self._bookmarks) | changed),
                booths=frozenset(booths ^ self._to_visit),
                papers=frozenset(papers ^ self._starred),
                elsewhere=True,
            )
        )

    def _read_marks(self, report: Callable[[str], object]) -> None:
        try:
            self._token = self._store.change_token()
            bookmarks = self._store.ids(self.conference_id, ItemKind.SESSION)
            to_visit = self._store.ids(self.conference_id, ItemKind.BOOTH)
            starred = self._store.ids(self.conference_id, ItemKind.PAPER)
            changes = unseen_changes(self._store, self.conference_id)
        except StoreError as error:
            bookmarks, to_visit, starred, changes = set(), set(), set(), {}
            report(error.message)
        self._changes.clear()
        self._changes.update(changes)
        # In place: whoever holds the set (a day's rows) sees the new marks.
        self._bookmarks.clear()
        self._bookmarks.update(bookmarks)
        self._to_visit.clear()
        self._to_visit.update(to_visit)
        self._starred.clear()
        self._starred.update(starred)

    # -- filters --------------------------------------------------------------------------------

    @property
    def filters(self) -> Filters:
        """What the days' lists show (kinds, tracks, rooms, bookmarked only, hidden places)."""
        return self._filters

    def set_filters(self, filters: Filters) -> None:
        """Show the days' lists through ``filters``; hidden rooms and tracks are remembered for
        the conference when they change."""
        old = self._filters
        if (filters.hidden_rooms, filters.hidden_tracks) != (old.hidden_rooms, old.hidden_tracks):
            try:
                save_hidden(self._store, self.conference_id, filters)
            except StoreError as error:
                self._report(f"Hidden rooms not saved: {error.message}", "Filters")
        self._filters = filters
        self._announce(FiltersChanged(filters))

    def close(self) -> None:
        """Close the store (at the end of the app)."""
        self._store.close()

    def for_program(self, program: Program) -> AppState:
        """A state on ``program`` sharing this one's store, clock and local zone, showing
        times in the local zone if this one does."""
        zone = self.local if self.showing_local_zone else program.conference.zone
        state = AppState(program, self._store, self.clock, zone, self.local)
        state.keys = self.keys
        return state
