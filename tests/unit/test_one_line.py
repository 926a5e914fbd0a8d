"""one_line's fast path for printable text gives what collapsing whitespace always gave."""

from __future__ import annotations

from itertools import product

from confterm.text import clean, one_line

# Spaces of every kind, line breaks, tabs and controls, among ordinary letters.
_AWKWARD = "aé★ \t\n\r\x0b\x1c\x85\xa0\u2003\u2028\u3000\x1b["


def test_one_line_is_the_cleaned_text_with_whitespace_collapsed() -> None:
    # Every string of up to three of these characters (some 3,000).
    for size in range(4):
        for chars in product(_AWKWARD, repeat=size):
            text = "".join(chars)
            assert one_line(text) == " ".join(clean(text).split()), repr(text)


def test_one_line_examples() -> None:
    assert one_line("  Rust  in\u00a0Space ") == "Rust in Space"
    assert one_line("Rust in Space") == "Rust in Space"
    assert one_line("") == ""
    assert one_line(" ") == ""
    assert one_line("a\u2028b") == "a b"
