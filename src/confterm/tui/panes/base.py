"""What every pane of the main screen shares: the app state, a list, a detail, ``b``."""

from __future__ import annotations

from textual import on
from textual.containers import Horizontal
from textual.widget import Widget

from confterm.model.targets import JumpTarget
from confterm.tui.access import confterm_app
from confterm.tui.messages import StateChange
from confterm.tui.state import AppState
from confterm.tui.widgets.row_list import RowList


class Pane(Horizontal):
    """A list and the detail of its highlighted item, side by side (on a narrow terminal the
    list alone; Enter opens the detail as a screen of its own)."""

    def __init__(self, state: AppState, *children: Widget, id: str) -> None:
        """``children``: the list (class ``list``) and the detail (class ``detail``), given
        here rather than composed so that they are mounted with the pane, ready when it is."""
        super().__init__(*children, id=id, classes="pane")
        self.state = state

    def on_mount(self) -> None:
        # Textual runs this for every pane, before the pane class's own on_mount (if any).
        self.state.subscribe(self, self.state_changed)
        self.watch(self.state, "zone", self.zone_changed, init=False)

    def state_changed(self, change: StateChange) -> None:
        """Redraw what ``change`` touches (the marks, the filters)."""

    def zone_changed(self) -> None:
        """Redraw the times shown: the state's display zone changed."""

    @property
    def shown(self) -> bool:
        """True while the pane is the one the main screen shows."""
        return bool(self.display)

    @property
    def list(self) -> RowList:
        """The pane's list."""
        return self.query_one(".list", RowList)

    def list_target(self) -> JumpTarget | None:
        """The highlighted row's item (None while the pane is still being mounted)."""
        lists = self.query(".list")
        return lists.first(RowList).current_target if lists else None

    def list_focused(self) -> bool:
        """True when the focus is on the pane's list (not its detail)."""
        lists = self.query(".list")
        return bool(lists) and self.screen.focused is lists.first()

    def show(self, target: JumpTarget | None = None) -> None:
        """Fill the pane (the first time it is shown) with the cursor on ``target``."""
        if target is not None:
            self.list.move_to(target)

    def current_target(self) -> JumpTarget | None:
        """What ``b`` and ``s`` act on: the focused detail's item, else the highlighted row's."""
        return self.list.current_target

    def toggle_mark(self) -> None:
        """Bookmark the session (or mark the booth to visit) ``b`` acts on."""
        target = self.current_target()
        if target is not None:
            self.state.toggle(target)

    def focus_list(self, *, force: bool = False) -> None:
        """Focus the list, unless (without ``force``) the focus is already in the pane."""
        lists = self.query(".list")
        if not lists:
            return  # still being mounted: the main screen focuses it once it is
        focused = self.screen.focused
        if force or focused is None or self not in focused.ancestors_with_self:
            self.screen.set_focus(lists.first())

    def focus_detail(self) -> None:
        """Focus the detail (Enter on a row of a wide screen)."""
        self.screen.set_focus(self.query_one(".detail"))

    def open_detail(self, target: JumpTarget) -> None:
        """Enter on a row: the detail as its own screen on a narrow terminal, else focused.

        Opening a session's detail is seeing it: a refresh's change mark on it goes (the
        detail goes on saying what changed while the app runs)."""
        if target.kind == "session":
            self.state.see_changes([target.item_id])
        if self.screen.has_class("-narrow"):
            from confterm.tui.screens.detail_screen import DetailScreen

            app = confterm_app(self)
            app.push_screen(DetailScreen(self.state, target), app.jump_result)
        else:
            self.focus_detail()

    @on(RowList.Selected)
    def _selected(self, event: RowList.Selected) -> None:
        event.stop()
        if event.row.target is not None:
            self.selected(event.row.target, event.control)

    def selected(self, target: JumpTarget, control: RowList) -> None:
        """Enter on a row of ``control`` (the pane's list, or a list in its detail)."""
        self.open_detail(target)
