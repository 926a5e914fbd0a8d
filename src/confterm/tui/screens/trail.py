"""Where jumps came from (a paper to its session, My agenda to a session, a search...), so
that Esc on the main screen can walk back along them."""

from __future__ import annotations

from confterm.model.targets import JumpTarget

#: How many places back Esc can go.
TRAIL_LENGTH = 50

#: A place: a tab and the item its list's cursor was on.
Place = tuple[str, JumpTarget | None]


class Trail:
    """The places jumped from, newest last, at most :data:`TRAIL_LENGTH`."""

    def __init__(self) -> None:
        self._places: list[Place] = []

    def __bool__(self) -> bool:
        return bool(self._places)

    def remember(self, tab: str, here: JumpTarget | None) -> None:
        """Note ``(tab, here)`` before a jump (once, when it is where the last jump began)."""
        place = (tab, here)
        if not self._places or self._places[-1] != place:
            self._places.append(place)
            del self._places[:-TRAIL_LENGTH]

    def pop(self) -> Place:
        """The place the last jump came from, forgotten."""
        return self._places.pop()
