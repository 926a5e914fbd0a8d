"""How text is compared when a user searches: case and accents do not matter.

"gluck" finds "Glück" and "serenitat" finds "Serenität": a user at a terminal types the plain
letters. Every search (the app's, ``confterm list --search``, ``papers --search``, title
look-ups of ``show`` and ``bookmark add``) folds both sides with :func:`fold`. No Textual.
"""

from __future__ import annotations

import re
import unicodedata

from confterm.text import one_line

# Combining marks left once a letter is decomposed (ü -> u + U+0308).
_MARKS = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def fold(text: str | None) -> str:
    """``text`` on one line, casefolded, with accents and other combining marks removed."""
    folded = one_line(text or "").casefold()
    if folded.isascii():
        return folded  # the common case costs no normalisation
    # NFKD splits accented letters (and ligatures such as "ﬁ") into base letters and marks;
    # NFC afterwards keeps letters that have no plain form (e.g. Hangul) in one piece.
    return unicodedata.normalize("NFC", _MARKS.sub("", unicodedata.normalize("NFKD", folded)))


def matches_words(query: str, text: str) -> bool:
    """True when every word of ``query`` occurs in ``text`` (both folded here)."""
    haystack = fold(text)
    return all(word in haystack for word in fold(query).split())
