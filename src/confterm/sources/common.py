"""Text and URL helpers every importer shares: source text made plain as its author meant it.

Schedules escape text in ways their authors never see: HTML entities inside JSON (30C3 writes
``&quot;`` and ``Security &amp; Safety``), entities escaped twice (the CCC hub's
``&amp;hellip;``), descriptions indented by a template (20 spaces), HTML in abstracts. Every
reader passes its texts through :func:`plain_line` (titles, rooms, tracks, names) or
:func:`rich_text` / :func:`join_texts` (descriptions), so no format is left out.
"""

from __future__ import annotations

import html
import re

from confterm.sources.html_text import html_to_text, looks_like_html
from confterm.text import clean, one_line
from confterm.text import safe_url as _plain_url

MAX_TEXT = 100_000

# A named or numeric character reference that html.unescape would decode.
_ENTITY = re.compile(r"&(#\d+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]{1,31});")
_BLANK_LINES = re.compile(r"\n[ \t]*\n\s*")
_EMPTY_QUOTED = {'""', "''"}


def decode_entities(text: str) -> str:
    """``text`` with HTML character references decoded, twice at most (double-escaped
    ``&amp;hellip;`` is one ellipsis); text without ``&`` is returned as it is."""
    for _ in range(2):
        if "&" not in text or not _ENTITY.search(text):
            break
        text = html.unescape(text)
    return text


def plain_line(value: str | None) -> str:
    """A one-line source text (title, room, track, name): entities decoded, tags dropped,
    whitespace collapsed."""
    if not value:
        return ""
    text = decode_entities(value)
    if "<" in text and looks_like_html(text):
        text = html_to_text(text)
    return one_line(text)


def dedent(text: str) -> str:
    """``text`` without the indentation a template gave all its lines.

    The first line often follows the opening tag directly (no indentation), so the common
    indentation is measured on the other lines.
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    rest = [line for line in lines[1:] if line.strip()]
    if not rest:
        return "\n".join(line.rstrip() for line in lines).strip()
    indent = min(len(line) - len(line.lstrip(" \t")) for line in rest)
    body = [lines[0].strip()] + [line[indent:].rstrip() for line in lines[1:]]
    return "\n".join(body).strip()


def rich_text(value: str | None) -> str:
    """Source text (maybe HTML, maybe entity-escaped, maybe indented) as clean plain text."""
    if not value:
        return ""
    if looks_like_html(value):
        text = html_to_text(value)  # decodes one level of entities itself
        text = decode_entities(text)
    else:
        text = decode_entities(value)
        # Escaped HTML (30C3 writes &lt;p&gt;): once decoded, it is HTML to convert.
        text = html_to_text(text) if looks_like_html(text) else dedent(text)
    return clean(text).strip()


def _paragraphs(text: str) -> list[str]:
    return [part.strip() for part in _BLANK_LINES.split(text) if part.strip()]


def join_texts(*parts: str | None) -> str:
    """Non-empty parts joined by blank lines, capped at the model's limit.

    A paragraph already shown is not repeated: many schedules open the description with the
    abstract (or repeat the subtitle), and the reader should see it once.
    """
    seen: set[str] = set()
    kept: list[str] = []
    for part in parts:
        text = rich_text(part)
        if text in _EMPTY_QUOTED:
            continue  # 30C3 writes an empty description as a quoted empty string
        for paragraph in _paragraphs(text):
            key = " ".join(paragraph.split()).casefold()
            if key not in seen:
                seen.add(key)
                kept.append(paragraph)
    return "\n\n".join(kept)[:MAX_TEXT]


def safe_url(url: str | None) -> str | None:
    """``url`` (entities decoded) when it is a plain http(s) URL, else None (no javascript:,
    no spaces or control characters: see :func:`confterm.text.safe_url`). A
    protocol-relative ``//host/path`` (31C3's wiki links) is taken as https."""
    url = decode_entities(url or "").strip()
    if url.startswith("//") and len(url) > 2 and url[2] != "/":
        url = f"https:{url}"
    return _plain_url(url)
