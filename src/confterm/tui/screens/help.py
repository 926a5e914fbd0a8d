"""The help screen: every key, what it does, and its binding id (for remapping)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from confterm.tui.keymap import key_text

# What fits inside the help box on an 80-column terminal (border, padding and scroll bar).
LINE_WIDTH = 74
KEYS_WIDTH = 14
GAP = 2
MIN_DESCRIPTION = 20

EXTRA = [
    ("Tab ⇧Tab", "Switch between the list and the detail pane", ""),
    ("Mouse", "Click a tab or a row; double-click a row to open it", ""),
]


def help_rows(
    sections: Iterable[tuple[str, Iterable[BindingType]]], keymap: dict[str, str] | None = None
) -> Content:
    """A table of sections of bindings: keys, description, id.

    The description column is as wide as the longest description, but no wider than lets a
    line fit the help box on an 80-column terminal; a longer description gets its id on a
    dimmed line of its own, so the two never run together.
    """
    keymap = keymap or {}
    table: list[tuple[str, str, str] | str] = []  # rows, and section titles
    seen: set[str] = set()
    for title, bindings in sections:
        table.append(title)
        for binding in bindings:
            if not isinstance(binding, Binding) or not binding.description:
                continue
            key = binding.id or binding.action
            if key in seen:
                continue
            seen.add(key)
            keys = key_text(keymap.get(binding.id or "", binding.key))
            description = binding.tooltip or binding.description
            binding_id = binding.id or ""
            prefix, _, name = binding_id.partition(".")
            if name.startswith("day_") and name[4:].isdigit():
                # Nine bindings, one line: 1-9 jump to day N.
                if name != "day_1":
                    continue
                keys, description, binding_id = "1 … 9", "Jump to day N", f"{prefix}.day_1…9"
            table.append((keys, description, binding_id))
    rows = [row for row in table if isinstance(row, tuple)]
    longest_id = max((cell_len(i) for _, _, i in rows), default=0)
    widest = max((cell_len(d) for _, d, _ in rows), default=0)
    width = max(min(widest, LINE_WIDTH - KEYS_WIDTH - GAP - longest_id), MIN_DESCRIPTION)
    lines: list[Content] = []
    for row in table:
        if isinstance(row, str):
            lines.append(Content.styled(f"\n{row}", "bold $text-accent"))
            continue
        keys, description, binding_id = row
        keys_cell = (f"  {keys:<{KEYS_WIDTH - 2}}", "bold")
        if cell_len(description) <= width:
            padding = " " * (width - cell_len(description) + GAP)
            lines.append(
                Content.assemble(keys_cell, description, padding, (binding_id, "$text-muted"))
            )
        else:
            lines.append(Content.assemble(keys_cell, description))
            if binding_id:
                indent = " " * (KEYS_WIDTH + width + GAP)
                lines.append(Content.assemble(indent, (binding_id, "$text-muted")))
    lines.append(Content.styled("\nAlso", "bold $text-accent"))
    lines.extend(Content.assemble((f"  {k:<{KEYS_WIDTH - 2}}", "bold"), d) for k, d, _ in EXTRA)
    return Content("\n").join(lines)


class HelpScreen(ModalScreen[None]):
    """Every key of the app; Esc, q or ? closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "close", "Close", id="help.close"),
        # Like every list (the same ids' keys follow list.* in keymap.toml).
        Binding("down,j", "scroll(1)", "Down", show=False, id="help.down"),
        Binding("up,k", "scroll(-1)", "Up", show=False, id="help.up"),
        Binding("pagedown,space", "page(1)", "Page down", show=False, id="help.page_down"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="help.page_up"),
        Binding("home", "end(False)", "Top", show=False, id="help.top"),
        Binding("end", "end(True)", "Bottom", show=False, id="help.bottom"),
    ]

    def __init__(self, content: Content, *, close_key: str = "Esc") -> None:
        """``close_key``: the key the border names (as keymap.toml remaps it)."""
        super().__init__()
        self.content = content
        self.close_key = close_key

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box") as box:
            box.border_title = f"Keys — {self.close_key} to close"
            box.border_subtitle = "remap by binding id in keymap.toml"
            yield Static(
                Content.styled("confterm — a conference in your terminal", "bold"), id="help-title"
            )
            yield Static(self.content, id="help-keys")

    @property
    def box(self) -> VerticalScroll:
        """The scrolling box of every key."""
        return self.query_one("#help-box", VerticalScroll)

    def action_scroll(self, lines: int) -> None:
        """Scroll by ``lines`` (j and k, as in every list)."""
        self.box.scroll_relative(y=lines, animate=False)

    def action_page(self, pages: int) -> None:
        """Scroll by a screenful."""
        box = self.box
        box.scroll_relative(
            y=pages * max(box.scrollable_content_region.height - 1, 1), animate=False
        )

    def action_end(self, bottom: bool) -> None:
        """The first or the last key."""
        if bottom:
            self.box.scroll_end(animate=False)
        else:
            self.box.scroll_home(animate=False)

    def action_close(self) -> None:
        """Back to where you were."""
        self.dismiss(None)
