"""The one cleaning boundary: every text of a program made safe, once, where it is built.

Which fields are text, and of which kind, is declared on the model itself (``Rule(text=...)``
in :mod:`confterm.model.program`): ``"line"`` (names, titles: cleaned, collapsed to one line,
cut at :data:`MAX_LINE`), ``"long"`` (descriptions, bios, notes: newlines and tabs kept) and
``"url"`` (plain http(s) only: anything else is refused, not repaired). The cleaning itself is
:mod:`confterm.text`'s.

It runs right after pydantic has built the records (:mod:`confterm.model.validation`), for
confterm's own JSON (``--data``, ``validate``, the bundled file, imported programs) and for
every record an importer builds. It is a pass over the built records rather than a validator
on each field because most text is clean, and a ``str.isprintable`` test per field costs a
fraction of pydantic calling back into Python for each one (1.9 MB of program: 4 ms against
50 ms).
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Iterator
from typing import Annotated, Any, get_args, get_origin

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
    Speaker,
    Track,
)
from confterm.model.rules import Rule
from confterm.text import clean, is_clean, one_line, safe_url, shorten

#: The longest name or title kept. Real ones are far shorter; a crafted megabyte-long title
#: would make every row that shows it slow to measure and draw.
MAX_LINE = 2_000

_URL_PROBLEM = "not a plain http(s) URL (no spaces or control characters)"
_EMPTIED = "nothing left once control characters and escape sequences are removed"


@dataclasses.dataclass(frozen=True, slots=True)
class _TextField:
    name: str
    kind: str  # "line", "long" or "url"
    required: bool  # must not be empty (a Name)
    many: bool  # a list of texts


def clean_program(program: Program) -> list[str]:
    """Clean every text of ``program`` in place; the problems found (``sessions[3].title:
    ...``), each naming its place, for texts that cannot be made safe."""
    problems: list[str] = []
    problems += clean_record(program.conference, "conference")
    for name in ("rooms", "tracks", "speakers", "sessions", "papers", "booths"):
        for index, record in enumerate(getattr(program, name)):
            problems += clean_record(record, f"{name}[{index}]")
    return problems


def clean_record(record: Any, place: str = "") -> list[str]:
    """Clean the texts of one record (and of the records it holds: links, authors, people)
    in place; the problems found, named from ``place``."""
    problems: list[str] = []
    for text_field in _text_fields(type(record)):
        value = getattr(record, text_field.name)
        if value is None:
            continue
        where = f"{place}.{text_field.name}" if place else text_field.name
        if text_field.many:
            cleaned_items = []
            for index, item in enumerate(value):
                cleaned, problem = _clean_one(item, text_field)
                if problem:
                    problems.append(f"{where}[{index}]: {problem}")
                elif cleaned:
                    cleaned_items.append(cleaned)
            if cleaned_items != value:
                setattr(record, text_field.name, cleaned_items)
            continue
        cleaned, problem = _clean_one(value, text_field)
        if problem:
            problems.append(f"{where}: {problem}")
        elif cleaned is not value:
            setattr(record, text_field.name, cleaned)
    for name, children in _children(record):
        for index, child in enumerate(children):
            problems += clean_record(child, f"{place}.{name}[{index}]" if place else name)
    return problems


def _clean_one(value: str, text_field: _TextField) -> tuple[str | None, str | None]:
    """(the cleaned text, None) or (None, the problem)."""
    kind = text_field.kind
    if kind == "url":
        url = safe_url(value)
        if url is None:
            return None, _URL_PROBLEM
        return (value if url == value else url), None
    # Fast path: no control, bidi or surrogate character (isprintable is False for all of
    # them, and for newlines and tabs), and for a line nothing to collapse.
    if kind == "long":
        if is_clean(value):  # most descriptions: newlines and tabs, nothing else to remove
            return value, None
    elif value.isprintable() and "  " not in value and len(value) <= MAX_LINE:
        return value, None
    cleaned = shorten(one_line(value), MAX_LINE) if kind == "line" else clean(value).strip()
    if not cleaned and text_field.required:
        return None, _EMPTIED
    return cleaned, None


_CHILDREN: dict[type[Any], tuple[str, ...]] = {
    Session: ("links",),
    Paper: ("authors",),
    Booth: ("people", "links"),
}


def _children(record: Any) -> Iterator[tuple[str, list[Any]]]:
    for name in _CHILDREN.get(type(record), ()):
        yield name, getattr(record, name)


_FIELDS: dict[type[Any], tuple[_TextField, ...]] = {}


def _text_fields(cls: type[Any]) -> tuple[_TextField, ...]:
    """The text fields of a model class, read from its annotations' rules (once per class)."""
    known = _FIELDS.get(cls)
    if known is None:
        known = _FIELDS[cls] = _read_text_fields(cls)
    return known


def _read_text_fields(cls: type[Any]) -> tuple[_TextField, ...]:
    hints = typing.get_type_hints(cls, include_extras=True)
    found = []
    for item in dataclasses.fields(cls):
        rules, many = _rules_of(hints[item.name])
        kinds = [rule.text for rule in rules if rule.text is not None]
        if kinds:
            required = any((rule.min_length or 0) > 0 for rule in rules)
            found.append(_TextField(item.name, kinds[0], required, many))
    return tuple(found)


def _rules_of(hint: Any, many: bool = False) -> tuple[list[Rule], bool]:
    """The rules in a type hint (through Annotated, Optional and list), and whether it is a
    list."""
    rules: list[Rule] = []
    if get_origin(hint) is Annotated:
        base, *metadata = get_args(hint)
        rules += [m for m in metadata if isinstance(m, Rule)]
        inner, many = _rules_of(base, many)
        return rules + inner, many
    origin = get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        for arg in get_args(hint):
            if arg is not type(None):
                inner, many = _rules_of(arg, many)
                rules += inner
        return rules, many
    if origin is list:
        return _rules_of(get_args(hint)[0], True)
    return rules, many


# Every class with text fields, so a test can check each one declares its texts.
TEXT_RECORDS: tuple[type[Any], ...] = (
    Conference,
    Room,
    Track,
    Speaker,
    Session,
    Link,
    Author,
    Paper,
    BoothPerson,
    Booth,
)
