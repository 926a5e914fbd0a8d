"""The JSON text written directly for a session is the text of its JSON object, exactly."""

from __future__ import annotations

import json
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from confterm import paths
from confterm.export.records import SessionRecords, json_text
from confterm.model.loading import load_program_file

DATA = Path(__file__).parents[1] / "data"
PROGRAMS = [DATA / "tinyconf.json", DATA / "hostile.json", paths.bundled_file("mlsys2025.json")]
ENCODE = json.JSONEncoder(ensure_ascii=False).encode  # the text json_text writes for an object


@pytest.mark.parametrize("source", PROGRAMS, ids=lambda p: p.stem)
@pytest.mark.parametrize("zone", ["UTC", "Asia/Tokyo"])
def test_session_text_is_the_text_of_the_session_object(source: Path, zone: str) -> None:
    program = load_program_file(source)
    records = SessionRecords(program, ZoneInfo(zone))
    assert program.sessions
    for session in program.sessions:
        expected = records.session(session, papers=True)
        assert records.session_text(session) == ENCODE(expected), session.id
        assert json.loads(records.session_text(session)) == expected


@pytest.mark.parametrize("source", PROGRAMS, ids=lambda p: p.stem)
def test_agenda_session_text_adds_starred_papers_and_clashes(source: Path) -> None:
    program = load_program_file(source)
    records = SessionRecords(program, ZoneInfo("UTC"))
    starred = {paper.id for paper in program.papers[::2]}
    for session in program.sessions:
        clashes = [other.id for other in program.sessions[:2] if other is not session]
        expected = records.session(session, papers=True)
        for paper in expected["papers"]:
            paper["starred"] = paper["id"] in starred
        expected["clashes_with"] = clashes
        text = records.session_text(session, starred=starred, clashes=clashes)
        assert text == ENCODE(expected), session.id


def test_json_text_writes_encoded_json_as_it_is() -> None:
    program = load_program_file(DATA / "tinyconf.json")
    records = SessionRecords(program, ZoneInfo("UTC"))
    sessions = program.sessions[:3]
    written = json_text({"sessions": [records.session_text(s) for s in sessions]}, expand=2)
    objects = {"sessions": [records.session(s, papers=True) for s in sessions]}
    assert written == json_text(objects, expand=2)
    assert json.loads(written) == objects
