"""HTML in abstracts and descriptions turned into readable plain text.

Only text comes out: paragraphs become blank-line separated, ``<br>`` a line break, list items
``- item`` (or ``1. item``), links keep their text and show an absolute URL after it. Scripts
and styles are dropped. Nothing of the input is ever interpreted as markup afterwards; the
caller still runs :func:`confterm.text.clean` on the result.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_HTML_HINT = re.compile(
    r"</?(p|br|a|ul|ol|li|div|em|strong|b|i|u|h[1-6]|span|code|pre|blockquote|img|table|tr|td|"
    r"th|hr|dl|dt|dd|sup|sub|small|s|del|ins|tt|font|center)\b[^>]*>",
    re.IGNORECASE,
)
_BLOCKS = {
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "table",
    "ul",
    "ol",
    "dl",
    "hr",
    "section",
    "article",
}
_LINES = {"tr", "dt", "dd", "li"}
_DROPPED = {"script", "style", "head", "title"}


def looks_like_html(text: str) -> bool:
    """True when ``text`` contains HTML tags (so ``a < b`` stays as it is)."""
    return bool(_HTML_HINT.search(text))


def html_to_text(text: str) -> str:
    """``text`` as plain text: converted when it looks like HTML, returned as is otherwise."""
    if not looks_like_html(text):
        return text
    parser = _TextParser()
    parser.feed(text)
    parser.close()
    return parser.result()


class _TextParser(HTMLParser):
    """Collects text, turning block structure into line breaks."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self._lines: list[str] = []
        self._current: list[str] = []
        self._pending_blank = False
        self._lists: list[list[int]] = []  # one counter per open list; [-1] for <ul>
        self._dropping = 0
        self._pre = 0
        self._href: str | None = None
        self._link_text: list[str] = []

    def _break(self, *, blank: bool) -> None:
        line = "".join(self._current).strip()
        if line:
            if self._pending_blank and self._lines:
                self._lines.append("")
            self._lines.append(line)
            self._pending_blank = False
        self._current = []
        if blank:
            self._pending_blank = True

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _DROPPED:
            self._dropping += 1
        elif tag == "br":
            self._break(blank=False)
        elif tag in ("ul", "ol"):
            self._break(blank=not self._lists)
            self._lists.append([0 if tag == "ol" else -1])
        elif tag == "li":
            self._break(blank=False)
            indent = "  " * max(len(self._lists) - 1, 0)
            counter = self._lists[-1] if self._lists else [-1]
            if counter[0] >= 0:
                counter[0] += 1
                self._current.append(f"{indent}{counter[0]}. ")
            else:
                self._current.append(f"{indent}- ")
        elif tag in _BLOCKS:
            self._break(blank=True)
            if tag == "pre":
                self._pre += 1
        elif tag in _LINES:
            self._break(blank=False)
        elif tag == "a":
            self._href = dict(attrs).get("href")
            self._link_text = []
        elif tag in ("td", "th"):
            self._current.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _DROPPED:
            self._dropping = max(self._dropping - 1, 0)
        elif tag in ("ul", "ol"):
            if self._lists:
                self._lists.pop()
            self._break(blank=not self._lists)
        elif tag in _BLOCKS:
            if tag == "pre":
                self._pre = max(self._pre - 1, 0)
            self._break(blank=True)
        elif tag in _LINES:
            self._break(blank=False)
        elif tag == "a":
            shown = "".join(self._link_text).strip()
            href = self._href or ""
            if href.startswith(("http://", "https://")) and href != shown:
                self._current.append(f" ({href})")
            self._href = None

    def handle_data(self, data: str) -> None:
        if self._dropping:
            return
        if self._pre:
            pieces = data.split("\n")
            for index, piece in enumerate(pieces):
                if index:
                    self._break(blank=False)
                self._current.append(piece)
            return
        text = re.sub(r"\s+", " ", data)
        joined = "".join(self._current)
        if not joined.strip() or joined.endswith(" "):
            text = text.lstrip()
        self._current.append(text)
        if self._href is not None:
            self._link_text.append(text)

    def result(self) -> str:
        """The text collected so far."""
        self._break(blank=False)
        return "\n".join(self._lines)
