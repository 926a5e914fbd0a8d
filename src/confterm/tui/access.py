"""The one typed way from a screen or widget to the running app (no ``type: ignore``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from textual.app import App

    from confterm.tui.app import ConftermApp


class InApp(Protocol):
    """A screen, widget or command provider: anything that knows its app."""

    @property
    def app(self) -> App[Any]: ...


def confterm_app(node: InApp) -> ConftermApp:
    """The confterm app running ``node`` (a screen, widget or command provider).

    Raises:
        TypeError: ``node`` runs in another app (a test's host app, say).
    """
    from confterm.tui.app import ConftermApp  # the app imports the screens that import this

    app = node.app
    if not isinstance(app, ConftermApp):
        raise TypeError(f"{node!r} is not running in confterm's app")
    return app
