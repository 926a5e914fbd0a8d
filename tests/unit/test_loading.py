"""Loading conference files: the bundled data, and one clear line per problem for broken files."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from confterm import paths
from confterm.errors import DataError, UsageError
from confterm.model.checks import check_program
from confterm.model.loading import load_program_bytes, load_program_file
from confterm.model.validation import format_location
from confterm.store.catalog import bundled_ids, open_program

INVALID = Path(__file__).resolve().parents[1] / "data" / "invalid"

# Each broken file and every line its validation must print, in order.
EXPECTED = {
    "end-before-start.json": ["sessions[1].end: ends before it starts (09:30 < 10:00)"],
    "many-problems.json": [
        "sessions[1].id: duplicate id 'one' (first used by sessions[0])",
        "sessions[0].room: unknown room 'attic'",
        "sessions[1].day: 2025-05-20 is outside the conference (2025-05-12 to 2025-05-13)",
        "sessions[1].speakers[0]: unknown speaker 'bob'",
        "papers[0].session: unknown session 'three'",
    ],
    "missing-field.json": [
        "conference.name: required field is missing",
        "conference.colour: unknown field",
    ],
    "naive-datetime.json": [
        "sessions[0].start: naive date-time: add a UTC offset (e.g. 2025-05-12T09:30:00-07:00)"
    ],
    "not-json.json": [
        "line 5 column 3: not valid JSON (Expecting property name enclosed in double quotes)"
    ],
    "not-utf8.json": ["line 1 column 1: not UTF-8 text"],
    "unknown-timezone.json": ["conference.timezone: unknown time zone 'Atlantis/Capital'"],
}


def test_every_invalid_file_has_an_expectation() -> None:
    assert sorted(p.name for p in INVALID.iterdir()) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_invalid_file_lines(name: str) -> None:
    path = INVALID / name
    with pytest.raises(DataError) as caught:
        load_program_file(path)
    assert caught.value.lines() == [f"{path}: {line}" for line in EXPECTED[name]]
    assert caught.value.message == caught.value.lines()[0]


def test_label_replaces_the_path_in_messages() -> None:
    with pytest.raises(DataError) as caught:
        load_program_file(INVALID / "end-before-start.json", label="data/x.json")
    assert caught.value.lines() == [
        "data/x.json: sessions[1].end: ends before it starts (09:30 < 10:00)"
    ]


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nope.json"
    with pytest.raises(DataError, match=r"nope\.json: no such file$"):
        load_program_file(path)


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(DataError, match=r"is a directory, not a file$"):
        load_program_file(tmp_path)


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.json"
    path.write_bytes(b"")
    with pytest.raises(DataError) as caught:
        load_program_file(path)
    assert caught.value.lines() == [f"{path}: line 1 column 1: not valid JSON (Expecting value)"]


def test_top_level_not_an_object() -> None:
    with pytest.raises(DataError) as caught:
        load_program_bytes(b"[1, 2]", "x.json")
    assert caught.value.lines() == ["x.json: input should be an object"]


def test_utf8_byte_order_mark_is_accepted(tinyconf_path: Path) -> None:
    raw = codecs.BOM_UTF8 + tinyconf_path.read_bytes()
    program = load_program_bytes(raw, "bom.json")
    assert program.conference.id == "tinyconf"


def test_tinyconf_loads(tinyconf_path: Path) -> None:
    program = load_program_file(tinyconf_path)
    assert program.conference.timezone == "America/New_York"
    assert len(program.sessions) == 14
    assert program.session_by_id["bof-tba"].day is None
    assert program.session_by_id["lightning-1"].start is None


@pytest.mark.parametrize(
    ("loc", "text"),
    [
        (("sessions", 12, "end"), "sessions[12].end"),
        (("conference", "timezone"), "conference.timezone"),
        (("booths", 0, "sessions", 3), "booths[0].sessions[3]"),
        ((), ""),
    ],
)
def test_format_location(loc: tuple[int | str, ...], text: str) -> None:
    assert format_location(loc) == text


def test_bundled_conferences_load_and_pass_checks(tmp_path: Path) -> None:
    ids = bundled_ids()
    assert "mlsys2025" in ids
    assert "schema" not in ids
    for conference_id in ids:
        program = open_program(conference_id, None, tmp_path)
        assert program.conference.id == conference_id
        assert check_program(program) == []
        assert program.sessions


def test_default_conference_is_mlsys2025(tmp_path: Path) -> None:
    program = open_program(None, None, tmp_path)
    assert program.conference.id == "mlsys2025"
    assert program.conference.timezone == "America/Los_Angeles"


def test_bundled_data_dir_holds_schema_and_program() -> None:
    assert paths.bundled_file("mlsys2025.json").is_file()
    assert paths.bundled_file("schema.json").is_file()


def test_unknown_conference_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="unknown conference 'nope'"):
        open_program("nope", None, tmp_path)


def test_data_and_conference_together_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="cannot be used together"):
        open_program("mlsys2025", tmp_path / "x.json", tmp_path)
