"""The conference model: its classes (plain dataclasses), validation with pydantic, loading and
the cache of validated programs. No Textual here."""

from confterm.model.program import (
    Author,
    Booth,
    BoothPerson,
    Conference,
    Link,
    Paper,
    Program,
    Room,
    Session,
    SessionKind,
    Speaker,
    Track,
)

__all__ = [
    "Author",
    "Booth",
    "BoothPerson",
    "Conference",
    "Link",
    "Paper",
    "Program",
    "Room",
    "Session",
    "SessionKind",
    "Speaker",
    "Track",
]
