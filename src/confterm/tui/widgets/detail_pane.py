"""A scrollable pane showing one item's detail (session, booth, paper)."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.style import Style
from textual.widgets import Static

from confterm.tui.widgets.hanging import Hanging

if TYPE_CHECKING:
    from textual.css.styles import RulesMap


class DetailPane(VerticalScroll, can_focus=True):
    """Shows the ``Content`` it is given; focusable so long details can be scrolled by keys."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter",
            "open_link",
            "Open link",
            tooltip="Open the detail's first link in the browser",
            id="detail.open_link",
        ),
    ]

    DEFAULT_CSS = """
    DetailPane { padding: 0 1; }
    DetailPane > Static { width: 1fr; }
    """

    def __init__(
        self, placeholder: str = "", *, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(id=id, classes=classes)
        self._placeholder = placeholder
        self._shown: Content | None = None

    def compose(self) -> ComposeResult:
        yield Static(self._empty_content(), classes="body")

    def _empty_content(self) -> Content:
        return Content.styled(self._placeholder, "$text-muted")

    def show(self, content: Content, *, keep_scroll: bool = False) -> None:
        """Replace what the pane shows; a wrapped line goes on under its text (after its
        indent and bullet), not at the left edge."""
        shown = self._shown
        # The same text and styles again (the list announcing a row already shown): no
        # update, which would lay the pane out again for nothing.
        if shown is None or shown.plain != content.plain or shown.spans != content.spans:
            self._shown = content
            body = self.query_one(".body", Static)
            old, new = body.visual, Hanging(content)
            # As many lines as before at this width (a star toggled): redrawn, not laid out
            # again, which would cost the whole screen's layout.
            width = body.content_region.width
            rules = cast("RulesMap", body.styles)  # what Textual itself measures with
            same_height = (
                isinstance(old, Hanging)
                and width > 0
                and old.get_height(rules, width) == new.get_height(rules, width)
            )
            body.update(new, layout=not same_height)
        if not keep_scroll:
            self.scroll_home(animate=False, immediate=True)

    @property
    def links(self) -> list[str]:
        """The URLs of the hyperlinks shown, in order."""
        shown = self._shown
        if shown is None:
            return []
        found = (s.style.link for s in shown.spans if isinstance(s.style, Style))
        return list(dict.fromkeys(link for link in found if link))

    async def action_open_link(self) -> None:
        """Open the first link shown (a click opens any)."""
        links = self.links
        if links:
            # Only links this pane made are here: link_url left no quote in them.
            await self.app.run_action(f"app.open_link('{links[0]}')")
        else:
            self.app.notify("No link in this detail.", timeout=3)

    @property
    def text(self) -> str:
        """The plain text shown (for tests)."""
        visual = self.query_one(".body", Static).visual
        return visual.plain if isinstance(visual, (Content, Hanging)) else str(visual)
