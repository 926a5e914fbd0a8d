"""The JSON Schema: generated from the model, kept equal to data/schema.json, and meaningful."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from confterm.cli.program_cmd import schema_text
from confterm.model.program import SessionKind

SCHEMA_FILE = Path(__file__).resolve().parents[2] / "data" / "schema.json"


def _schema() -> dict[str, Any]:
    result: dict[str, Any] = json.loads(schema_text())
    return result


def test_data_schema_json_equals_the_generated_schema() -> None:
    # If this fails: uv run confterm schema > data/schema.json
    assert SCHEMA_FILE.read_text(encoding="utf-8") == schema_text()


def test_schema_describes_the_top_level() -> None:
    schema = _schema()
    assert schema["title"] == "Program"
    assert schema["type"] == "object"
    assert schema["required"] == ["conference"]
    assert schema["additionalProperties"] is False
    for key in ("format", "conference", "rooms", "speakers", "sessions", "papers", "booths"):
        assert key in schema["properties"]


def test_schema_session_definition() -> None:
    definitions = _schema()["$defs"]
    session = definitions["Session"]
    assert set(session["required"]) == {"id", "title"}
    assert session["additionalProperties"] is False
    start_types = {option.get("type") for option in session["properties"]["start"]["anyOf"]}
    assert start_types == {"string", "null"}
    kinds = definitions["SessionKind"]["enum"]
    assert kinds == [kind.value for kind in SessionKind]


def test_schema_slug_pattern() -> None:
    room_id = _schema()["$defs"]["Room"]["properties"]["id"]
    assert room_id["pattern"] == r"^[a-z0-9][a-z0-9._-]*$"
