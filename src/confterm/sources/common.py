"""Text and URL helpers every importer shares: source text (maybe HTML) made plain, safe links."""

from __future__ import annotations

from confterm.sources.html_text import html_to_text
from confterm.text import clean, one_line

MAX_TEXT = 100_000


def rich_text(value: str | None) -> str:
    """Source text (maybe HTML) as clean plain text."""
    if not value:
        return ""
    return clean(html_to_text(value)).strip()


def join_texts(*parts: str | None) -> str:
    """Non-empty, distinct parts joined by blank lines, capped at the model's limit."""
    seen: list[str] = []
    for part in parts:
        text = rich_text(part)
        if text and text not in seen:
            seen.append(text)
    return "\n\n".join(seen)[:MAX_TEXT]


def safe_url(url: str | None) -> str | None:
    """``url`` when it is a plain http(s) URL, else None (no javascript:, no control chars)."""
    url = one_line(url or "")
    if url.startswith(("http://", "https://")) and " " not in url:
        return url
    return None
