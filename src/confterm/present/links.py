"""Which URLs from data may become terminal hyperlinks, and in what form.

A URL from a schedule is outside text: it goes into an OSC 8 escape sequence (the CLI) and into
a click action string (the app), so it must carry nothing that could end either early. Only
http(s) URLs with a host qualify; everything outside a conservative set of URL characters
(quotes, parentheses, backslashes, spaces, non-ASCII...) is percent-encoded, so the result is
plain ASCII that means the same address. Everything else stays literal text, never a link.
"""

from __future__ import annotations

from urllib.parse import quote, urlsplit

from confterm.text import clean

#: Characters kept as they are: RFC 3986 unreserved and reserved ones, minus the quotes and
#: parentheses that action strings and shells treat specially (and %, already an escape).
_SAFE = "-._~:/?#[]@!$&*+,;=%"
_SCHEMES = ("http", "https")


def link_url(text: str | None) -> str | None:
    """``text`` as a URL safe to make a hyperlink of, or None when it is not an http(s) URL.

    The result holds only ASCII letters, digits and :data:`_SAFE` characters.
    """
    if not text:
        return None
    url = clean(text).strip()
    if not url or any(ch.isspace() for ch in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in _SCHEMES or not parts.hostname:
        return None
    return quote(url, safe=_SAFE)
