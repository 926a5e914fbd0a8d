"""A command's handler, imported only when the command runs."""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from confterm.cli.context import Context


class Lazy:
    """A command's handler: the function ``name`` of ``module``, imported on the first call."""

    __slots__ = ("module", "name")

    def __init__(self, module: str, name: str) -> None:
        self.module = module
        self.name = name

    def __call__(self, context: Context) -> int:
        run: Callable[[Context], int] = getattr(import_module(self.module), self.name)
        return run(context)

    def __repr__(self) -> str:
        return f"Lazy({self.module!r}, {self.name!r})"
