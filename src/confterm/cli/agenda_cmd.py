"""Commands: (placeholder, filled in by its issue)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def register(add: Callable[..., Any]) -> None:
    """Add this module's sub-commands."""
