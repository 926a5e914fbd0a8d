"""pydantic's side of the model: validating files and records, writing JSON, the JSON Schema.

This is the only module of the model that imports pydantic; opening a program that was
validated before does not import it (see :mod:`confterm.model.cache`).
"""

from __future__ import annotations

import json
import re
from typing import Any, TypeVar

from pydantic import TypeAdapter, ValidationError
from pydantic_core import ErrorDetails

from confterm.errors import DataError
from confterm.model.cleaning import clean_program, clean_record
from confterm.model.program import Program

_T = TypeVar("_T")


_ADAPTERS: dict[type[Any], TypeAdapter[Any]] = {}


def _adapter(cls: type[_T]) -> TypeAdapter[_T]:
    # Built once per class: building one is most of pydantic's cost for a small file.
    adapter = _ADAPTERS.get(cls)
    if adapter is None:
        adapter = _ADAPTERS[cls] = TypeAdapter(cls)
    return adapter


def parse_program_json(raw: bytes, name: str) -> Program:
    """The program in the JSON document ``raw``, validated field by field and its texts
    cleaned (:mod:`confterm.model.cleaning`), not yet checked as a whole (see
    :func:`confterm.model.checks.check_program`)."""
    try:
        program: Program = _adapter(Program).validate_json(raw)
    except ValidationError as error:
        problems = _describe_validation_error(raw, name, error)
        raise DataError(problems[0], problems) from None
    problems = [f"{name}: {problem}" for problem in clean_program(program)]
    if problems:
        raise DataError(problems[0], problems)
    return program


def build_record(cls: type[_T], **fields: Any) -> _T:
    """``cls(**fields)`` validated and cleaned as if read from a file; ValueError naming the
    first problem."""
    try:
        record: _T = _adapter(cls).validate_python(fields)
    except ValidationError as error:
        raise ValueError(_describe_one(error.errors(include_url=False)[0])) from None
    problems = clean_record(record)
    if problems:
        raise ValueError(problems[0])
    return record


def program_json(program: Program, *, indent: int | None = 2) -> bytes:
    """The program as confterm JSON (fields left empty are omitted)."""
    return _adapter(Program).dump_json(program, indent=indent, exclude_none=True)


def program_json_schema() -> dict[str, Any]:
    """The JSON Schema of confterm's program format, with its draft and identifier."""
    schema = _adapter(Program).json_schema()
    # The same identifiers as confterm.export.agenda_schema (not imported: model is below it).
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "urn:confterm:schema:confterm:1",
        **schema,
    }


def format_location(loc: tuple[int | str, ...]) -> str:
    """Turn a pydantic error location into ``sessions[12].end``."""
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text


def _describe_validation_error(raw: bytes, name: str, error: ValidationError) -> list[str]:
    errors = error.errors(include_url=False)
    if errors and errors[0]["type"] == "json_invalid":
        return [_describe_json_syntax(raw, name, errors[0]["msg"])]
    return [f"{name}: {_describe_one(detail)}" for detail in errors]


def _describe_one(detail: ErrorDetails) -> str:
    place = format_location(tuple(detail["loc"]))
    kind = detail["type"]
    if kind == "timezone_aware":
        message = "naive date-time: add a UTC offset (e.g. 2025-05-12T09:30:00-07:00)"
    elif kind == "missing":
        message = "required field is missing"
    elif kind in ("extra_forbidden", "unexpected_keyword_argument"):
        message = "unknown field"
    else:
        message = detail["msg"]
        if message.startswith("Value error, "):
            message = message.removeprefix("Value error, ")
        message = message[:1].lower() + message[1:]
    return f"{place}: {message}" if place else message


def _describe_json_syntax(raw: bytes, name: str, parser_message: str) -> str:
    # Decode first: json.loads(bytes) would guess UTF-16/32 and report a misleading place.
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        return f"{name}: {place_of_offset(raw, error.start)}: not UTF-8 text"
    try:
        json.loads(text)
    except json.JSONDecodeError as error:
        return f"{name}: line {error.lineno} column {error.colno}: not valid JSON ({error.msg})"
    except (RecursionError, ValueError):
        pass  # nested too deeply, an integer too long: the parser's own message says where
    # What Python's json accepts but pydantic's parser refuses (a lone surrogate escape, a
    # number out of range...): its message ends "at line L column C".
    found = _PARSER_PLACE.fullmatch(parser_message.removeprefix("Invalid JSON: "))
    if found:
        return f"{name}: line {found[2]} column {found[3]}: not valid JSON ({found[1]})"
    return f"{name}: not valid JSON ({parser_message})"


_PARSER_PLACE = re.compile(r"(.*) at line (\d+) column (\d+)", re.S)


def place_of_offset(raw: bytes, offset: int) -> str:
    """``line L column C`` of the byte at ``offset`` (columns counted in bytes)."""
    line = raw.count(b"\n", 0, offset) + 1
    column = offset - (raw.rfind(b"\n", 0, offset) + 1) + 1
    return f"line {line} column {column}"
