"""The help screen: every key, what it does, and its binding id (for remapping)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

KEY_NAMES = {
    "left": "←",
    "right": "→",
    "up": "↑",
    "down": "↓",
    "left_square_bracket": "[",
    "right_square_bracket": "]",
    "question_mark": "?",
    "enter": "Enter",
    "escape": "Esc",
    "space": "Space",
    "tab": "Tab",
    "shift+tab": "Shift+Tab",
    "pageup": "PgUp",
    "pagedown": "PgDn",
    "home": "Home",
    "end": "End",
    "slash": "/",
}

EXTRA = [
    ("Tab ⇧Tab", "Switch between the list and the detail pane", ""),
    ("Mouse", "Click a tab or a row; double-click a row to open it", ""),
]


def key_text(keys: str) -> str:
    """``left,left_square_bracket`` → ``← [``."""
    names = [KEY_NAMES.get(key.strip(), key.strip()) for key in keys.split(",")]
    return " ".join(names)


def help_rows(
    sections: Iterable[tuple[str, Iterable[BindingType]]], keymap: dict[str, str] | None = None
) -> Content:
    """A table of sections of bindings: keys, description, id."""
    keymap = keymap or {}
    lines: list[Content] = []
    seen: set[str] = set()
    for title, bindings in sections:
        lines.append(Content.styled(f"\n{title}", "bold $accent"))
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
            if binding_id.startswith("main.day_"):
                # Nine bindings, one line: 1-9 jump to day N.
                if binding_id != "main.day_1":
                    continue
                keys, description, binding_id = "1 … 9", "Jump to day N", "main.day_1…9"
            lines.append(
                Content.assemble(
                    (f"  {keys:<12}", "bold"),
                    f"{description:<38} ",
                    (binding_id, "$text-muted"),
                )
            )
    lines.append(Content.styled("\nAlso", "bold $accent"))
    lines.extend(Content.assemble((f"  {k:<12}", "bold"), d) for k, d, _ in EXTRA)
    return Content("\n").join(lines)


class HelpScreen(ModalScreen[None]):
    """Every key of the app; Esc, q or ? closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "close", "Close", id="help.close"),
    ]

    def __init__(self, content: Content) -> None:
        super().__init__()
        self.content = content

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box") as box:
            box.border_title = "Keys — Esc to close"
            box.border_subtitle = "remap by binding id in keymap.toml"
            yield Static(
                Content.styled("confterm — a conference in your terminal", "bold"), id="help-title"
            )
            yield Static(self.content, id="help-keys")

    def action_close(self) -> None:
        """Back to where you were."""
        self.dismiss(None)
