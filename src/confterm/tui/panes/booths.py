"""The booths pane: every sponsor and exhibitor booth (those marked to visit starred), and the
highlighted booth's detail with its related sessions, which Enter goes to."""

from __future__ import annotations

from textual import on

from confterm.model.targets import JumpTarget
from confterm.present.rows import BoothRow, booth_row, booth_rows
from confterm.tui.access import confterm_app
from confterm.tui.messages import MarksChanged, StateChange
from confterm.tui.panes.base import Pane
from confterm.tui.state import AppState
from confterm.tui.widgets.booth_detail import BoothDetail, RelatedSessions
from confterm.tui.widgets.booth_list import BoothList
from confterm.tui.widgets.detail_pane import DetailPane
from confterm.tui.widgets.row_list import RowList


class BoothsPane(Pane):
    """The booths and the highlighted one's detail."""

    def __init__(self, state: AppState, *, id: str = "booths-pane") -> None:
        super().__init__(
            state,
            BoothList(empty="No booths announced.", id="booths", classes="list"),
            BoothDetail(id="booth-detail", classes="detail"),
            id=id,
        )
        self._filled = False

    @property
    def detail(self) -> BoothDetail:
        """The highlighted booth's detail."""
        return self.query_one(BoothDetail)

    def show(self, target: JumpTarget | None = None) -> None:
        if not self._filled:  # made once, with the marks of the moment, then remarked
            self._filled = True
            self.list.set_rows(booth_rows(self.state.program, self.state.to_visit), target)
        elif target is not None:
            self.list.move_to(target)

    def current_target(self) -> JumpTarget | None:
        focused = self.screen.focused
        if focused is not None and isinstance(focused.parent, BoothDetail):
            booth = focused.parent.booth_id
            return JumpTarget("booth", booth) if booth else None
        return self.list.current_target

    def _booth_shown(self) -> str | None:
        target = self.list.current_target
        return target.item_id if target else None

    def state_changed(self, change: StateChange) -> None:
        if isinstance(change, MarksChanged):
            if self._filled:
                self._remark()
            self.detail.show_booth(self.state, self._booth_shown())

    def zone_changed(self) -> None:
        self.detail.show_booth(self.state, self._booth_shown())

    def _remark(self) -> None:
        """Star the booths marked to visit, unstar the others: only the rows that changed."""
        booths, to_visit = self.list, self.state.to_visit
        rows = list(booths.rows)
        changed = []
        for index, row in enumerate(rows):
            if isinstance(row, BoothRow) and row.to_visit != (row.booth_id in to_visit):
                booth = self.state.program.booth_by_id[row.booth_id]
                rows[index] = booth_row(booth, to_visit=booth.id in to_visit)
                changed.append(index)
        if changed:
            booths.rows = rows
            booths.update_rows(changed, announce=False)

    def focus_detail(self) -> None:
        related = self.query_one(RelatedSessions)
        self.screen.set_focus(related if related.rows else self.detail.query_one(DetailPane))

    def selected(self, target: JumpTarget, control: RowList) -> None:
        if isinstance(control, RelatedSessions):
            confterm_app(self).jump_to(target)
        else:
            self.open_detail(target)

    @on(RowList.Highlighted, "#booths")
    def _highlighted(self, event: RowList.Highlighted) -> None:
        event.stop()
        target = event.row.target if event.row is not None else None
        self.detail.show_booth(self.state, target.item_id if target else None)
