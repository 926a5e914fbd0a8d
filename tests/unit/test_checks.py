"""Every validation rule, each shown failing on an input broken for it (built from tinyconf)."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from confterm.errors import DataError
from confterm.model.checks import Problem, check_program
from confterm.model.loading import load_program_bytes
from confterm.model.program import Program

Doc = dict[str, Any]
TINYCONF = Path(__file__).resolve().parents[1] / "data" / "tinyconf.json"
BASE: Doc = json.loads(TINYCONF.read_text(encoding="utf-8"))
NAME = "data/broken.json"


def _index(doc: Doc, collection: str, item_id: str) -> int:
    return next(i for i, item in enumerate(doc[collection]) if item["id"] == item_id)


def problems_of(mutate: Callable[[Doc], None]) -> list[str]:
    """The error lines for tinyconf after ``mutate``; [] when it still loads."""
    doc = copy.deepcopy(BASE)
    mutate(doc)
    try:
        load_program_bytes(json.dumps(doc).encode(), NAME)
    except DataError as error:
        first, lines = error.message, error.lines()
    else:
        return []
    assert first == lines[0]
    return lines


def test_tinyconf_has_no_problems(tinyconf: Program) -> None:
    assert check_program(tinyconf) == []
    assert problems_of(lambda doc: None) == []


def test_problem_str_names_place_and_message() -> None:
    assert str(Problem("sessions[3].end", "oops")) == "sessions[3].end: oops"
    assert str(Problem("", "oops")) == "oops"


def test_end_before_start() -> None:
    def mutate(doc: Doc) -> None:
        session = doc["sessions"][_index(doc, "sessions", "opening-keynote")]
        session["start"] = "2026-03-07T10:00:00-05:00"
        session["end"] = "2026-03-07T09:30:00-05:00"

    index = _index(BASE, "sessions", "opening-keynote")
    assert problems_of(mutate) == [
        f"{NAME}: sessions[{index}].end: ends before it starts (09:30 < 10:00)"
    ]


def test_end_equal_to_start_is_allowed() -> None:
    def mutate(doc: Doc) -> None:
        session = doc["sessions"][0]
        session["end"] = session["start"]

    assert problems_of(mutate) == []


@pytest.mark.parametrize(
    "collection", ["rooms", "tracks", "speakers", "sessions", "papers", "booths"]
)
def test_duplicate_ids(collection: str) -> None:
    def mutate(doc: Doc) -> None:
        doc[collection][1]["id"] = doc[collection][0]["id"]

    first = BASE[collection][0]["id"]
    lines = problems_of(mutate)
    assert (
        f"{NAME}: {collection}[1].id: duplicate id {first!r} (first used by {collection}[0])"
        in (lines)
    )


@pytest.mark.parametrize(
    ("collection", "item_id", "field", "place", "message"),
    [
        ("sessions", "opening-keynote", "room", ".room", "unknown room 'nowhere'"),
        ("sessions", "opening-keynote", "track", ".track", "unknown track 'nowhere'"),
        ("sessions", "opening-keynote", "speakers", ".speakers[0]", "unknown speaker 'nowhere'"),
        ("sessions", "oral-systems", "chairs", ".chairs[0]", "unknown speaker 'nowhere'"),
        ("papers", "fast-lists", "session", ".session", "unknown session 'nowhere'"),
        ("booths", "acme", "sessions", ".sessions[0]", "unknown session 'nowhere'"),
    ],
)
def test_unknown_references(
    collection: str, item_id: str, field: str, place: str, message: str
) -> None:
    index = _index(BASE, collection, item_id)

    def mutate(doc: Doc) -> None:
        item = doc[collection][index]
        item[field] = ["nowhere"] if isinstance(item.get(field), list) else "nowhere"

    assert problems_of(mutate) == [f"{NAME}: {collection}[{index}]{place}: {message}"]


def test_naive_datetime() -> None:
    def mutate(doc: Doc) -> None:
        doc["sessions"][0]["start"] = "2026-03-07T08:00:00"

    assert problems_of(mutate) == [
        f"{NAME}: sessions[0].start: naive date-time: add a UTC offset "
        "(e.g. 2025-05-12T09:30:00-07:00)"
    ]


def test_unknown_timezone() -> None:
    def mutate(doc: Doc) -> None:
        doc["conference"]["timezone"] = "Mars/Olympus_Mons"

    assert problems_of(mutate) == [
        f"{NAME}: conference.timezone: unknown time zone 'Mars/Olympus_Mons'"
    ]


def test_conference_ending_before_it_starts() -> None:
    def mutate(doc: Doc) -> None:
        doc["conference"]["end_date"] = "2026-03-06"

    lines = problems_of(mutate)
    assert lines[0] == (
        f"{NAME}: conference.end_date: ends before it starts (2026-03-06 < 2026-03-07)"
    )


def test_session_day_outside_the_conference() -> None:
    index = _index(BASE, "sessions", "lightning-1")

    def mutate(doc: Doc) -> None:
        doc["sessions"][index]["day"] = "2026-03-12"

    assert problems_of(mutate) == [
        f"{NAME}: sessions[{index}].day: 2026-03-12 is outside the conference "
        "(2026-03-07 to 2026-03-09)"
    ]


def test_session_start_outside_the_conference() -> None:
    def mutate(doc: Doc) -> None:
        session = doc["sessions"][0]
        session["start"] = "2026-04-01T08:00:00-04:00"
        session["end"] = "2026-04-01T09:00:00-04:00"

    lines = problems_of(mutate)
    assert (
        f"{NAME}: sessions[0].start: 2026-04-01 08:00 is outside the conference "
        "(2026-03-07 to 2026-03-09, America/New_York)"
    ) in lines


def test_session_start_not_on_its_day() -> None:
    def mutate(doc: Doc) -> None:
        doc["sessions"][0]["day"] = "2026-03-09"

    assert problems_of(mutate) == [
        f"{NAME}: sessions[0].start: 2026-03-07 08:00 is not on the session's day (2026-03-09)"
    ]


def test_session_after_midnight_may_belong_to_previous_day() -> None:
    # night-social runs 22:00-01:00 and is filed under its starting day; moving its start past
    # midnight keeps it valid (filed under the evening it belongs to).
    index = _index(BASE, "sessions", "night-social")

    def mutate(doc: Doc) -> None:
        doc["sessions"][index]["start"] = "2026-03-09T00:30:00-04:00"

    assert problems_of(mutate) == []


def test_start_without_end() -> None:
    def mutate(doc: Doc) -> None:
        del doc["sessions"][0]["end"]

    assert problems_of(mutate) == [f"{NAME}: sessions[0].end: start and end must be given together"]


def test_timed_session_needs_a_day() -> None:
    def mutate(doc: Doc) -> None:
        del doc["sessions"][0]["day"]

    assert problems_of(mutate) == [
        f"{NAME}: sessions[0].day: a session with a start time needs its day"
    ]


def test_every_problem_is_reported_in_file_order() -> None:
    def mutate(doc: Doc) -> None:
        doc["sessions"][0]["room"] = "nowhere"
        doc["sessions"][1]["speakers"] = ["nobody"]
        doc["papers"][0]["session"] = "none"

    lines = problems_of(mutate)
    assert [line.split(": ")[1] for line in lines] == [
        "sessions[0].room",
        "sessions[1].speakers[0]",
        "papers[0].session",
    ]
