"""Messages and results shared between the app's screens and widgets."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from textual.message import Message


@dataclass(frozen=True)
class JumpTarget:
    """Where a screen (search, booths, papers, speaker, grid...) asks the app to go."""

    kind: Literal["session", "booth", "speaker", "paper"]
    item_id: str


class JumpRequested(Message):
    """Posted by any widget or screen that wants the app to go to a session, booth, paper or
    speaker; the app handles it like a :class:`JumpTarget` returned from a screen."""

    def __init__(self, target: JumpTarget) -> None:
        super().__init__()
        self.target = target
