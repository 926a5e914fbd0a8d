"""A command's handler, imported only when the command runs."""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable

    from confterm.cli.context import Context


class Lazy:
    """A command's handler: the function ``name`` of ``module``, imported on the first call."""

    __slots__ = ("module", "name")

    def __init__(self, module: str, name: str) -> None:
        self.module = module
        self.name = name

    def __call__(self, context: Context) -> int:
        # __import__ with a fromlist gives the module itself; importlib would be one more
        # import on the start of every command (a status line's `confterm now` among them).
        module = __import__(self.module, fromlist=[self.name])
        run: Callable[[Context], int] = getattr(module, self.name)
        return run(context)

    def __repr__(self) -> str:
        return f"Lazy({self.module!r}, {self.name!r})"
