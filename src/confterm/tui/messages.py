"""Messages and results shared between the app's screens and widgets."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True)
class JumpTarget:
    """Where a screen (search, booths, papers, speaker, grid...) asks the app to go."""

    kind: Literal["session", "booth", "speaker", "paper"]
    item_id: str
