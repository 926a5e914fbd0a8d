"""Making text from data safe to show: no control characters, no escape sequences.

Data files are not ours. A title may contain ANSI escapes, control characters or bidirectional
overrides that would move the cursor, retitle the terminal, write the clipboard (OSC 52) or make
text read backwards; they are removed here, once, where the model is built (see
:mod:`confterm.model.rules`). Markup such as ``[bold]`` is *kept* as characters: it is the
display layer's job to never interpret it (rich ``Text`` or Textual ``Content``, not markup).
"""

from __future__ import annotations

from functools import cache

TYPE_CHECKING = False
if TYPE_CHECKING:
    import re

# CSI/OSC/other escape sequences, then any remaining C0/C1 control character except \n and \t.
_ESCAPES_PATTERN = (
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI ... final byte
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC ... BEL or ST
    r"|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"  # DCS/SOS/PM/APC ... ST
    r"|\x1b[@-Z\\-_]?"  # other two-byte escapes, or a lone ESC
    r"|\x9b[0-?]*[ -/]*[@-~]"  # 8-bit CSI
    r"|\x9d[^\x07\x1b\x9c]*(?:\x07|\x9c|\x1b\\)?"  # 8-bit OSC ... BEL or ST
)
# What is never shown: C0 controls except \n and \t, DEL and C1, the bidi embeddings,
# overrides and isolates (U+202A-U+202E, U+2066-U+2069), and lone surrogates (which cannot be
# encoded for the terminal at all).
_UNSAFE_CLASS = r"\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff"


# Imported and compiled on first use: most text takes the fast paths below, and `confterm now`
# (a status line's command) may show a line without ever needing them.
@cache
def _escapes() -> re.Pattern[str]:
    import re

    return re.compile(_ESCAPES_PATTERN)


@cache
def _unsafe() -> re.Pattern[str]:
    import re

    return re.compile(f"[{_UNSAFE_CLASS}]")


def clean(text: str) -> str:
    """``text`` without escape sequences and unsafe characters (newlines and tabs kept)."""
    # Fast path: printable text holds no control, bidi or surrogate character (isprintable is
    # False for all of them). It is most text, and one C call instead of a regex scan.
    if not text or text.isprintable():
        return text
    # Second fast path, for long text with newlines: nothing unsafe (one scan, no copy).
    if _unsafe().search(text) is None:
        return text
    if "\x1b" in text or "\x9b" in text or "\x9d" in text:
        text = _escapes().sub("", text)
    text = text.replace("\r\n", "\n")
    return _unsafe().sub("", text)


def one_line(text: str) -> str:
    """``text`` cleaned and collapsed to a single line (for names, titles and table cells)."""
    if text.isprintable() and "  " not in text and text == text.strip():
        return text
    return " ".join(clean(text).split())


def is_clean(text: str) -> bool:
    """True when ``text`` holds nothing :func:`clean` would remove (newlines and tabs allowed)."""
    return text.isprintable() or _unsafe().search(text) is None


def safe_url(url: str | None) -> str | None:
    """``url`` (trimmed) when it is a plain http(s) URL, else None.

    Plain means no whitespace and nothing :func:`clean` would remove: such a URL is refused,
    not repaired, since removing characters would silently point it somewhere else.
    """
    if not url:
        return None
    url = url.strip()
    scheme, _, rest = url.partition("://")
    if scheme.lower() not in ("http", "https") or not rest:
        return None
    # isprintable is False for every control, bidi and surrogate character and for all
    # whitespace but the plain space, which is checked apart.
    if not url.isprintable() or " " in url:
        return None
    return url


def shorten(text: str, limit: int = 60) -> str:
    """``text`` cut to ``limit`` characters (with an ellipsis), for quoting input in messages."""
    return text if len(text) <= limit else text[: limit - 1] + "…"
