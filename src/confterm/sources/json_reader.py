"""Typed reading of the parsed JSON documents the JSON importers (frab JSON, Sessionize) walk."""

from __future__ import annotations

from typing import Any

from confterm.errors import DataError


class JsonReader:
    """Typed access to a parsed JSON document: a value of the wrong type is a DataError that
    names its JSON path (``sessions[0].speakers: expected a list, got a number``), never a
    TypeError from deep inside an importer."""

    def __init__(self, label: str) -> None:
        self.label = label

    def error(self, path: str, what: str) -> DataError:
        """A DataError for the value at ``path``."""
        return DataError(f"{self.label}: {path}: {what}")

    def obj(self, value: Any, path: str) -> dict[str, Any]:
        """``value`` when it is an object."""
        if not isinstance(value, dict):
            raise self.error(path, f"expected an object, got {json_kind(value)}")
        return value

    def items(self, value: Any, path: str) -> list[Any]:
        """``value`` when it is a list."""
        if not isinstance(value, list):
            raise self.error(path, f"expected a list, got {json_kind(value)}")
        return value

    def list_at(self, parent: dict[str, Any], key: str, path: str) -> list[Any]:
        """``parent[key]`` as a list; missing or null is an empty list."""
        value = parent.get(key)
        if value is None:
            return []
        return self.items(value, f"{path}.{key}" if path else key)

    def text(self, parent: dict[str, Any], key: str, path: str) -> str:
        """``parent[key]`` as stripped text (a number is written out); missing or null is ""."""
        value = parent.get(key)
        if value is None:
            return ""
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return str(value)
        if not isinstance(value, str):
            where = f"{path}.{key}" if path else key
            raise self.error(where, f"expected a string, got {json_kind(value)}")
        return value.strip()


def json_kind(value: Any) -> str:
    """How a JSON value's type is named in messages ("a list", "null"...)."""
    names = {dict: "an object", list: "a list", str: "a string", bool: "a boolean"}
    if value is None:
        return "null"
    return names.get(type(value), "a number")
