"""The search dialog (``/``): type, see ranked hits update, Enter to jump, Esc to go back.

It dismisses with a :class:`~confterm.model.targets.JumpTarget` (the session or booth picked) or
None on Esc, so the screen underneath is untouched and the app stays where it was. The ranking
is :mod:`confterm.queries.search`'s, shared with ``confterm list --search``.
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from contextlib import suppress
from datetime import tzinfo
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option, OptionDoesNotExist

from confterm.model.program import Program, Session
from confterm.model.targets import JumpTarget
from confterm.present.formatting import DAY_UNKNOWN, TIME_TBA, day_label, time_range
from confterm.queries.search import Hit, SearchIndex, matching_paper
from confterm.text import one_line
from confterm.tui.messages import StateChange
from confterm.tui.state import AppState
from confterm.tui.widgets.hanging import Hanging

RESULT_LIMIT = 200  # hits ranked and counted
#: Hits listed: a keystroke builds (and measures the height of) only these lines; past them
#: one line says how many more there are, and typing more narrows them down.
RESULTS_SHOWN = 50
# Above this many sessions the index (about 1 s for 50,000) is built in a thread.
BACKGROUND_INDEX_FROM = 5_000
STAR = "★"
#: Bookmarks the highlighted hit while the cursor is in the input (named in the status line).
BOOKMARK_KEY = "ctrl+t"
WHEN_WIDTH = 22
#: Where a result's title starts (after the mark and the day and time): its wrapped lines too.
TITLE_COLUMN = 2 + WHEN_WIDTH + 1


def when_text(session: Session, zone: tzinfo) -> str:
    """``Sat 7 Mar 10:30–11:15`` in ``zone`` (whose date may differ from the session's filed
    day), ``Sat 7 Mar time TBA``, or ``Day not announced``."""
    if session.start is not None and session.end is not None:
        local_day = session.start.astimezone(zone).date()
        return f"{day_label(local_day)} {time_range(session, zone)}"
    if session.day is not None:
        return f"{day_label(session.day)} {TIME_TBA}"
    return DAY_UNKNOWN


def result_option(prompt: Content, id: str | None = None) -> Option:
    """A result line whose wrapped lines go on under the title column, not at column 0."""
    return Option(Hanging(prompt, TITLE_COLUMN), id=id)


def session_prompt(
    program: Program, session: Session, zone: tzinfo, bookmarked: bool, note: str = ""
) -> Content:
    """One list line for a session: mark, day and time, title, room (and ``note``).

    Every piece of data goes in as plain text, never markup.
    """
    room = program.room_name(session)
    parts: list[Content | tuple[str, str] | str] = [
        (STAR if bookmarked else " ", "bold $text-warning"),
        " ",
        (when_text(session, zone).ljust(WHEN_WIDTH), "$text-muted"),
        " ",
        one_line(session.title),
    ]
    if room:
        parts += ["  ", (one_line(room), "italic $text-secondary")]
    if note:
        parts += ["  ", (note, "$text-muted")]
    return Content.assemble(*parts)


class SearchScreen(ModalScreen[JumpTarget | None]):
    """Incremental, ranked search over every day's sessions and the booths."""

    DEFAULT_CSS = """
    /* Opaque, as now & next and the speaker view are: a translucent screen draws the whole
       main screen again, tinted, segment by segment, on every frame. That was most of the
       cost of opening search, and it grows with what the main screen shows (a full day
       list of rows naming who and where, on a large program, against a few on a small one). */
    SearchScreen { align: center top; background: $background; }
    SearchScreen > Vertical {
        width: 90%; max-width: 130; height: 80%; margin-top: 2;
        border: thick $accent; background: $surface; padding: 0 1;
    }
    SearchScreen #search-status { color: $text-muted; height: 1; }
    SearchScreen OptionList { height: 1fr; border: none; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Back", id="search.back"),
        Binding("enter", "choose", "Jump", id="search.jump", priority=True),
        # The cursor stays in the input, where b is a letter: ctrl+t from there, b in the list.
        # Not ctrl+b: it is tmux's prefix, which tmux keeps and the app never sees.
        Binding(
            f"{BOOKMARK_KEY},b",
            "toggle_mark",
            "Bookmark",
            tooltip="Bookmark the highlighted session, or mark the booth to visit",
            key_display="^t",
            id="search.bookmark",
        ),
        Binding("down", "move(1)", "Next hit", show=False, id="search.down"),
        Binding("up", "move(-1)", "Previous hit", show=False, id="search.up"),
        Binding("pagedown", "move(10)", "Page down", show=False, id="search.page_down"),
        Binding("pageup", "move(-10)", "Page up", show=False, id="search.page_up"),
    ]

    def __init__(self, state: AppState, query: str = "") -> None:
        super().__init__()
        self.state = state
        self.initial_query = query
        self.hits: list[Hit] = []
        self._query = ""
        self.index: SearchIndex | None = None

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Input(
                self.initial_query,
                placeholder="Search titles, speakers, rooms, tracks, papers, booths…",
                id="search-input",
            )
            yield Label("", id="search-status")
            yield OptionList(id="search-results")

    def on_mount(self) -> None:
        # A bookmark made elsewhere (another confterm, the CLI) or the zone: redraw.
        self.state.subscribe(self, self._state_changed)
        self.query_one(Input).focus()
        program, programs_index = self.state.program, self.state.index
        if programs_index.search_ready or len(program.sessions) < BACKGROUND_INDEX_FROM:
            self.index = programs_index.search
        if self.index is None:
            count = len(program.sessions)
            self.query_one("#search-status", Label).update(f"Indexing {count:,} sessions…")
            self.run_worker(self._build_index, thread=True, exclusive=True)
        else:
            self.run_search(self.initial_query)

    def _state_changed(self, _change: StateChange) -> None:
        """The same search again (its stars or times changed), the same hit highlighted."""
        results = self.query_one(OptionList)
        shown = results.highlighted
        kept = results.get_option_at_index(shown).id if shown is not None else None
        self.run_search(self.query_one(Input).value)
        if kept is not None:
            with suppress(OptionDoesNotExist):
                results.highlighted = results.get_option_index(kept)

    def _build_index(self) -> None:
        index = self.state.index.search
        self.app.call_from_thread(self._index_ready, index)

    def _index_ready(self, index: SearchIndex) -> None:
        self.index = index
        self.run_search(self.query_one(Input).value)

    @on(Input.Changed, "#search-input")
    def _changed(self, event: Input.Changed) -> None:
        self.run_search(event.value)

    def run_search(self, query: str) -> None:
        """Search for ``query`` and show the hits, the best one highlighted."""
        if self.index is None:
            return  # still indexing; the query is run when the index is ready
        bookmarked = self.state.bookmarks
        self._query = query
        self.hits = self.index.search(query, bookmarked, limit=RESULT_LIMIT)
        options = [self._option(hit, bookmarked) for hit in self.hits[:RESULTS_SHOWN]]
        if len(self.hits) > RESULTS_SHOWN:
            options.append(self._more_option())
        results = self.query_one(OptionList)
        results.set_options(options)
        results.highlighted = 0 if self.hits else None
        status = self.query_one("#search-status", Label)
        if not query.strip():
            status.update("Type to search every day of the program and the booths.")
        elif not self.hits:
            status.update("No matches.")
        else:
            keys = self.state.keys  # as keymap.toml remaps them
            more = "+" if len(self.hits) >= RESULT_LIMIT else ""
            noun = "match" if len(self.hits) == 1 else "matches"
            status.update(
                f"{len(self.hits)}{more} {noun} · {keys('search.jump', 'Enter')} jumps · "
                f"{keys('search.bookmark', BOOKMARK_KEY)} bookmarks · "
                f"{keys('search.back', 'Esc')} goes back"
            )

    def _more_option(self) -> Option:
        """The last line when not every hit is listed (it cannot be highlighted or chosen)."""
        more = len(self.hits) - RESULTS_SHOWN
        plus = "+" if len(self.hits) >= RESULT_LIMIT else ""
        text = f"  {more}{plus} more — keep typing to narrow the search"
        return Option(Content.styled(text, "$text-muted"), id="more", disabled=True)

    def _option(self, hit: Hit, bookmarked: AbstractSet[str]) -> Option:
        program = self.state.program
        if hit.kind == "booth":
            booth = program.booth_by_id[hit.item_id]
            where = one_line(booth.location or "location not announced")
            prompt = Content.assemble(
                "  ",
                (f"Booth {where}"[:WHEN_WIDTH].ljust(WHEN_WIDTH), "$text-muted"),
                " ",
                one_line(booth.organisation),
                "  ",
                (one_line(booth.level or ""), "italic $text-secondary"),
            )
        else:
            session = program.session_by_id[hit.item_id]
            note = "" if hit.field == "title" else f"({hit.field})"
            if hit.field == "paper":
                # Name the paper that matched: the session's title rarely says why it is here.
                paper = matching_paper(program, hit.item_id, self._query)
                if paper is not None:
                    note = f"(paper: {one_line(paper.title)})"
            prompt = session_prompt(
                program, session, self.state.zone, hit.item_id in bookmarked, note
            )
        return result_option(prompt, id=f"{hit.kind}:{hit.item_id}")

    def action_move(self, step: int) -> None:
        """Move the highlight while the cursor stays in the input."""
        results = self.query_one(OptionList)
        if not self.hits:
            return
        current = results.highlighted if results.highlighted is not None else -1
        shown = min(len(self.hits), RESULTS_SHOWN)
        results.highlighted = max(0, min(shown - 1, current + step))

    def action_choose(self) -> None:
        """Jump to the highlighted hit."""
        results = self.query_one(OptionList)
        if results.highlighted is None or results.highlighted >= min(len(self.hits), RESULTS_SHOWN):
            return
        hit = self.hits[results.highlighted]
        self.dismiss(JumpTarget(hit.kind, hit.item_id))

    def action_toggle_mark(self) -> None:
        """Bookmark the highlighted session (or mark the booth to visit); saved before shown."""
        results = self.query_one(OptionList)
        if results.highlighted is None or results.highlighted >= min(len(self.hits), RESULTS_SHOWN):
            self.notify("No hit highlighted to bookmark.", severity="warning")
            return
        hit = self.hits[results.highlighted]
        # The hits are searched again (same hit highlighted) when the state announces it.
        self.state.toggle(JumpTarget(hit.kind, hit.item_id))

    @on(OptionList.OptionSelected, "#search-results")
    def _clicked(self, event: OptionList.OptionSelected) -> None:
        if event.option.disabled or event.option_index >= len(self.hits):
            return
        hit = self.hits[event.option_index]
        self.dismiss(JumpTarget(hit.kind, hit.item_id))

    def action_cancel(self) -> None:
        """Close without moving."""
        self.dismiss(None)
