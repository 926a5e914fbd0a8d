"""The one place that reads how Textual describes a screen's active keys.

``Screen.active_bindings`` maps each key to a ``(node, binding, enabled, tooltip)`` tuple
(Textual's ``ActiveBinding``). That shape is Textual's inside, not a promise: a Textual
upgrade may change it. :func:`active_keys` reads it here and nowhere else, checking what it
reads, and ``tests/tui/test_key_bar.py`` fails loudly when the shape changes.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding
from textual.screen import Screen


class BindingsShapeChanged(RuntimeError):
    """Textual's active bindings are no longer the tuples this adapter reads."""


@dataclass(frozen=True, slots=True)
class ActiveKey:
    """One key active on a screen: its binding, whether it can run now, and its tooltip."""

    binding: Binding
    enabled: bool
    tooltip: str


def active_keys(screen: Screen[object]) -> dict[str, ActiveKey]:
    """The keys active on ``screen`` (the focused widget's, then its ancestors', then the
    app's), by key, in Textual's order."""
    keys: dict[str, ActiveKey] = {}
    for key, active in screen.active_bindings.items():
        if len(active) != 4:
            raise BindingsShapeChanged(f"an active binding is {active!r}, not 4 fields")
        _node, binding, enabled, tooltip = active
        if not isinstance(binding, Binding) or not isinstance(enabled, bool):
            raise BindingsShapeChanged(f"an active binding is {active!r}")
        keys[key] = ActiveKey(binding, enabled, tooltip or "")
    return keys
