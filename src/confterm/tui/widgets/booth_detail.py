"""The detail of one booth: what it is, its related sessions as a list to jump from, then its
links, note and source.

The related sessions come right after the description and people, so they stay in view on a
24-line terminal however many links a booth has.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.strip import Strip
from textual.visual import Visual

from confterm.model.program import Session
from confterm.present.detail_text import booth_more_text, booth_text, related_sessions, short_when
from confterm.present.rows import Heading, Row, SessionRow
from confterm.text import one_line
from confterm.tui.state import AppState
from confterm.tui.widgets.detail_content import detail_content
from confterm.tui.widgets.detail_pane import DetailPane
from confterm.tui.widgets.row_list import STAR, RowList

RELATED_HEADING = "Related sessions ({} to go there)"  # the key that opens a row
#: At most this many related sessions are shown without scrolling the list.
MOST_SHOWN = 10


def related_row(state: AppState, session: Session, *, bookmarked: bool) -> SessionRow:
    """A related session's row: its day and time in the time column, no kind or room."""
    return SessionRow(
        session_id=session.id,
        time=short_when(session, state.zone),
        kind="",
        title=one_line(session.title),
        room="",
        bookmarked=bookmarked,
    )


class RelatedSessions(RowList):
    """The sessions a booth names as related, under a heading; Enter jumps to one.

    Each row is the session's day, time and title: a booth's sessions span days, so the day
    matters more here than the kind or room (those are one Enter away).
    """

    when_width = 0

    def render_line(self, y: int) -> Strip:
        index = self.scroll_offset.y + y
        row = self.rows[index] if 0 <= index < len(self.rows) else None
        if not isinstance(row, SessionRow):
            return super().render_line(y)
        width = self.scrollable_content_region.width
        names = (
            ("row-list--row", "row-list--cursor") if index == self.cursor else ("row-list--row",)
        )
        content = Content.assemble(
            (STAR if row.bookmarked else " ", "bold $text-warning"),
            " ",
            (row.time.ljust(self.when_width), "$text-muted"),
            " ",
            row.title,
        ).truncate(width, ellipsis=True, pad=True)
        strips = Visual.to_strips(self, content, width, 1, self.get_visual_style(*names), pad=True)
        return strips[0].apply_meta({"row": index}) if strips else Strip.blank(width)


class BoothDetail(Vertical):
    """A booth's description and people, its related sessions, then links, note and source."""

    DEFAULT_CSS = """
    BoothDetail > .booth-body { height: auto; max-height: 60%; }
    BoothDetail > RelatedSessions { height: 1; padding: 0 1; margin-top: 1; }
    BoothDetail > .booth-more { height: 1fr; }
    """

    booth_id: str | None = None

    def compose(self) -> ComposeResult:
        yield DetailPane("No booth selected.", classes="booth-body")
        yield RelatedSessions(empty="No related sessions.", classes="related")
        yield DetailPane("", classes="booth-more")

    def show_booth(
        self,
        state: AppState,
        booth_id: str | None,
    ) -> None:
        """Show the booth ``booth_id`` (or nothing)."""
        same = booth_id == self.booth_id
        self.booth_id = booth_id
        pane = self.query_one(".booth-body", DetailPane)
        more = self.query_one(".booth-more", DetailPane)
        related = self.query_one(RelatedSessions)
        booth = state.program.booth_by_id.get(booth_id or "")
        if booth is None:
            pane.show(pane._empty_content())
            related.set_rows([])
            related.display = False
            more.display = False
            return
        pane.show(detail_content(booth_text(booth, state.to_visit), state.keys), keep_scroll=same)
        extra = booth_more_text(booth)
        more.show(detail_content(extra, state.keys), keep_scroll=same)
        more.display = bool(extra)
        rows: list[Row] = [
            related_row(state, session, bookmarked=session.id in state.bookmarks)
            for session in related_sessions(state.index, booth)
        ]
        if rows:
            rows.insert(0, Heading(RELATED_HEADING.format(state.keys("list.open", "Enter"))))
        related.when_width = max(
            (len(r.time) for r in rows if isinstance(r, SessionRow)), default=0
        )
        cursor = related.current_target if same else None
        related.set_rows(rows, cursor_to=cursor)
        related.display = bool(rows)
        # A line-API list has no natural height: one line per row, up to a screenful.
        related.styles.height = min(len(rows), MOST_SHOWN + 1) or 1
