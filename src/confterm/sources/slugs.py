"""Source ids as confterm ids: deterministic slugs, and registries that keep them unique."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable

MAX_SLUG = 80


def slugify(raw: str) -> str:
    """A deterministic slug ``^[a-z0-9][a-z0-9._-]*$`` for a source id (never random)."""
    folded = unicodedata.normalize("NFKD", raw).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9._-]+", "-", folded.lower())
    slug = re.sub(r"^[^a-z0-9]+", "", slug).rstrip("-._")
    digest = hashlib.sha1(raw.encode("utf-8"), usedforsecurity=False).hexdigest()[:10]
    if not slug:
        return f"x{digest}"
    if len(slug) > MAX_SLUG:
        return f"{slug[: MAX_SLUG - 11].rstrip('-._')}-{digest}"
    return slug


def _short_hash(raw: str) -> str:
    return hashlib.sha1(raw.encode("utf-8"), usedforsecurity=False).hexdigest()[:8]


def stable_id(raw: str) -> str:
    """A session's confterm id, decided by its source id alone (bookmarks point at it).

    A source id that is already a slug is kept as it is. Any other gets the slug plus a short
    hash of the source id, so ids that slugify alike ("ABC" and "abc", "a b" and "a-b") never
    take each other's id, whatever their order in the file or in a later version of it.
    """
    slug = slugify(raw)
    if slug == raw:
        return slug
    suffix = f"-{_short_hash(raw)}"
    return f"{slug[: MAX_SLUG - len(suffix)].rstrip('-._')}{suffix}"


class SlugRegistry:
    """Maps source keys to unique slugs; a clash gets a suffix derived from the key itself."""

    def __init__(self, make: Callable[[str], str] = slugify) -> None:
        self.by_key: dict[str, str] = {}
        self.used: set[str] = set()
        self._make = make

    def get(self, key: str) -> str | None:
        return self.by_key.get(key)

    def add(self, key: str) -> str:
        slug = self._make(key)
        if slug in self.used:
            slug = f"{slug[:MAX_SLUG]}-{_short_hash(key)}"
            counter = 2
            while slug in self.used:
                slug = f"{slug}-{counter}"
                counter += 1
        self.used.add(slug)
        self.by_key[key] = slug
        return slug
