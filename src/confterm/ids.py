"""What an id is: the slug naming every conference, session, room, speaker... (the model's
ids, and the file names of imported conferences). A module of its own, with no import, so that
code checking an id (``confterm now`` choosing its program) does not load the model."""

from __future__ import annotations

SLUG_PATTERN = r"^[a-z0-9][a-z0-9._-]*$"
SLUG_MAX_LENGTH = 200
