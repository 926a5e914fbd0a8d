"""What the app state announces when it changes (see :class:`confterm.tui.state.AppState`).

Each is a small immutable record published on the state's signal; subscribers (panes, screens)
redraw what it touches. The display zone is not announced here: it is a reactive of the state
(``AppState.zone``), which widgets watch.
"""

from __future__ import annotations

from dataclasses import dataclass

from confterm.queries.filters import Filters


@dataclass(frozen=True, slots=True)
class MarksChanged:
    """Bookmarks or booths to visit changed: ``sessions`` and ``booths`` are the ids whose
    mark flipped. ``elsewhere``: seen in the store, made by another confterm or the CLI."""

    sessions: frozenset[str] = frozenset()
    booths: frozenset[str] = frozenset()
    elsewhere: bool = False
    #: Papers whose star flipped (a paper is starred on its own, never its session).
    papers: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class FiltersChanged:
    """The days' lists are now shown through ``filters``."""

    filters: Filters


StateChange = MarksChanged | FiltersChanged
