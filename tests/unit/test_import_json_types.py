"""JSON values of the wrong type in Sessionize or frab/pretalx JSON: a DataError with the
value's JSON path, never a TypeError."""

from __future__ import annotations

import copy
import itertools
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from confterm.errors import ConftermError, DataError
from confterm.sources import import_bytes

DATA = Path(__file__).parents[1] / "data" / "import"


def _load(name: str) -> Any:
    return json.loads((DATA / name).read_text("utf-8"))


def _import(document: Any, tz: str | None = None) -> None:
    import_bytes(json.dumps(document).encode(), "src", conference_id="x", tz=tz)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("speakers", 5, "src: sessions[0].speakers: expected a list, got a number"),
        ("categoryItems", 7, "src: sessions[0].categoryItems: expected a list, got a number"),
        ("title", {"en": "T"}, "src: sessions[0].title: expected a string, got an object"),
        ("startsAt", ["x"], "src: sessions[0].startsAt: expected a string, got a list"),
    ],
)
def test_sessionize_wrong_types(field: str, value: Any, message: str) -> None:
    document = _load("sessionize.json")
    document["sessions"][0][field] = value
    with pytest.raises(DataError) as caught:
        _import(document, tz="Europe/London")
    assert caught.value.message == message


def test_sessionize_wrong_category_items() -> None:
    document = _load("sessionize.json")
    document["categories"][1]["items"] = 3
    with pytest.raises(DataError) as caught:
        _import(document, tz="Europe/London")
    assert caught.value.message == "src: categories[1].items: expected a list, got a number"


def test_frab_json_wrong_persons_and_null_lists() -> None:
    document = _load("frab.json")
    day = document["schedule"]["conference"]["days"][0]
    room = next(iter(day["rooms"]))
    event = day["rooms"][room][0]
    event["persons"] = None  # null is "none", as pretalx may write it
    event["links"] = None
    _import(copy.deepcopy(document))
    event["persons"] = 5
    with pytest.raises(DataError) as caught:
        _import(document)
    place = f"schedule.conference.days[0].rooms[{room!r}][0].persons"
    assert caught.value.message == f"src: {place}: expected a list, got a number"


def _places(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    if path:
        yield path
    if isinstance(value, dict):
        for key, child in value.items():
            yield from _places(child, (*path, key))
    elif isinstance(value, list):
        for index, child in enumerate(value[:2]):
            yield from _places(child, (*path, index))


@pytest.mark.parametrize(
    ("name", "tz"), [("sessionize.json", "Europe/London"), ("frab.json", None)]
)
def test_any_value_of_a_wrong_type_is_a_user_error(name: str, tz: str | None) -> None:
    base = _load(name)
    escaped = []
    for path, bad in itertools.product(list(_places(base)), [5, True, {}, [5]]):
        document = copy.deepcopy(base)
        parent = document
        for part in path[:-1]:
            parent = parent[part]
        parent[path[-1]] = bad
        try:
            _import(document, tz=tz)
        except ConftermError:
            pass
        except Exception as error:  # collecting what escaped is the point
            escaped.append(f"{path} = {bad!r}: {type(error).__name__}: {error}")
    assert escaped == []
