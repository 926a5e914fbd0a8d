"""The conference model: pydantic v2 classes, validation and loading. No Textual here."""

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
