"""Making text from data safe to show: no control characters, no escape sequences.

Data files are not ours. A title may contain ANSI escapes or control characters that would move
the cursor or change the terminal; they are removed here. Markup such as ``[bold]`` is *kept* as
characters: it is the display layer's job to never interpret it (rich ``Text``, not markup).
"""

from __future__ import annotations

import re

# CSI/OSC/other escape sequences, then any remaining C0/C1 control character except \n and \t.
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI ... final byte
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC ... BEL or ST
    r"|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"  # DCS/SOS/PM/APC ... ST
    r"|\x1b[@-Z\\-_]?"  # other two-byte escapes, or a lone ESC
    r"|\x9b[0-?]*[ -/]*[@-~]"  # 8-bit CSI
)
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def clean(text: str) -> str:
    """``text`` without escape sequences and control characters (newlines and tabs kept)."""
    # Fast path: printable text holds no control character (isprintable is False for every
    # C0/C1 control, ESC included). It is most text, and one C call instead of a regex scan.
    if not text or text.isprintable():
        return text
    if "\x1b" in text or "\x9b" in text:
        text = _ESCAPES.sub("", text)
    text = text.replace("\r\n", "\n")
    return _CONTROLS.sub("", text)


def one_line(text: str) -> str:
    """``text`` cleaned and collapsed to a single line (for list rows and table cells)."""
    return " ".join(clean(text).split())
