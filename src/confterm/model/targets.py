"""What a list row, a search hit or a jump points at: one item of a program, by kind and id."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True, slots=True)
class JumpTarget:
    """A session, booth, speaker or paper of the program, by id: where Enter on a row, a
    search hit or a palette entry leads, and what ``b`` acts on."""

    kind: Literal["session", "booth", "speaker", "paper"]
    item_id: str
