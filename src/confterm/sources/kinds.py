"""A session's kind guessed from the source's type or format and from its title."""

from __future__ import annotations

import re

from confterm.model.program import SessionKind

_KIND_PATTERNS: list[tuple[SessionKind, re.Pattern[str]]] = [
    (
        SessionKind.BREAK,
        re.compile(
            r"\b(lunch|break|pause|coffee|tea|dinner|breakfast|buffet|snacks?|d[ée]jeuner)\b", re.I
        ),
    ),
    (SessionKind.REGISTRATION, re.compile(r"\b(registration|check-in|accueil)\b", re.I)),
    (SessionKind.KEYNOTE, re.compile(r"\bkeynote|plenary|pl[ée]ni[èe]re\b", re.I)),
    (SessionKind.LIGHTNING, re.compile(r"\blightning\b", re.I)),
    (SessionKind.WORKSHOP, re.compile(r"\b(workshop|hands-on|atelier|bof)\b", re.I)),
    (SessionKind.TUTORIAL, re.compile(r"\btutorial\b", re.I)),
    (SessionKind.PANEL, re.compile(r"\b(panel|podium|round ?table)\b", re.I)),
    (SessionKind.POSTER, re.compile(r"\bposters?\b", re.I)),
    (SessionKind.SOCIAL, re.compile(r"\b(party|social|reception|meetup|get-together)\b", re.I)),
    (SessionKind.TALK, re.compile(r"\b(talk|lecture|maintrack|presentation|session)\b", re.I)),
]


def guess_kind(
    kind_hint: str | None, title: str, *, default: SessionKind = SessionKind.TALK
) -> SessionKind:
    """The kind from a type/format hint first, then from the title (Lunch, Pause...)."""
    for text in (kind_hint or "", title):
        for kind, pattern in _KIND_PATTERNS:
            if text and pattern.search(text):
                if kind is SessionKind.TALK and text is title:
                    continue  # "session" in a title says nothing
                return kind
    return default
