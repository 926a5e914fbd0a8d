"""What an id is: the slug naming every conference, session, room, speaker... (the model's
ids, and the file names of imported conferences). A module of its own, with no import, so that
code checking an id (``confterm now`` choosing its program) does not load the model."""

from __future__ import annotations

SLUG_PATTERN = r"^[a-z0-9][a-z0-9._-]*$"
SLUG_MAX_LENGTH = 200

# SLUG_PATTERN's two character classes, for is_slug (a test holds the two equal).
_SLUG_FIRST = "abcdefghijklmnopqrstuvwxyz0123456789"
_SLUG_CHARS = _SLUG_FIRST + "._-"


def is_slug(text: str) -> bool:
    """True when the whole of ``text`` matches :data:`SLUG_PATTERN` (length aside).

    String methods instead of the pattern: compiling a regular expression is a good part of
    the start of ``confterm now``, which checks the id of the conference it opens.
    """
    return text[:1] in _SLUG_FIRST and bool(text) and not text.strip(_SLUG_CHARS)
