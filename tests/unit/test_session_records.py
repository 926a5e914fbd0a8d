"""The JSON text written directly for a session is the text of its JSON object, exactly."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from confterm import paths
from confterm.export.records import (
    EncodedJsonList,
    SessionRecords,
    json_text,
    paper_json,
    paper_text,
)
from confterm.model.loading import load_program_file
from confterm.model.program import Author, Paper, Speaker

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


@pytest.mark.parametrize("source", PROGRAMS, ids=lambda p: p.stem)
def test_session_texts_are_each_sessions_text(source: Path) -> None:
    """The texts of many sessions at once (as the exports write them) are those of the
    sessions one by one: with and without starred papers and clashes (some sessions with
    none listed)."""
    program = load_program_file(source)
    sessions = program.sessions
    starred = {paper.id for paper in program.papers[1::3]}
    clashes = {s.id: [o.id for o in sessions[:3] if o is not s] for s in sessions[::2]}
    records = SessionRecords(program, ZoneInfo("Asia/Tokyo"))
    assert records.session_texts(sessions) == [records.session_text(s) for s in sessions]
    written = records.session_texts(sessions, starred=starred, clashes=clashes)
    assert written == [
        records.session_text(s, starred=starred, clashes=clashes.get(s.id, [])) for s in sessions
    ]
    assert isinstance(written, EncodedJsonList)
    assert records.session_texts([]) == []


def test_json_text_writes_encoded_json_as_it_is() -> None:
    program = load_program_file(DATA / "tinyconf.json")
    records = SessionRecords(program, ZoneInfo("UTC"))
    sessions = program.sessions[:3]
    texts = EncodedJsonList(records.session_text(s) for s in sessions)
    objects = {"sessions": [records.session(s, papers=True) for s in sessions]}
    for expand in (2, 1):  # one session a line; the list on one line
        written = json_text({"sessions": texts}, expand=expand)
        assert written == json_text(objects, expand=expand)
        assert json.loads(written) == objects
    assert json_text({"sessions": EncodedJsonList()}) == json_text({"sessions": []})


_TEXT = st.text(max_size=12)  # any character: quotes, backslashes, controls, astral
_NULLABLE = st.none() | _TEXT


@settings(max_examples=60, deadline=None)
@given(
    st.builds(
        Paper,
        id=_TEXT,
        title=_TEXT,
        authors=st.lists(st.builds(Author, name=_TEXT, affiliation=_NULLABLE), max_size=3),
        url=_NULLABLE,
        session=_NULLABLE,
        award=_NULLABLE,
        topic=_NULLABLE,
    ),
    st.none() | st.sets(_TEXT, max_size=2),
)
def test_paper_text_is_the_text_of_the_paper_object(paper: Paper, starred: set[str] | None) -> None:
    expected = paper_json(paper)
    if starred is not None:
        expected["starred"] = paper.id in starred
    assert paper_text(paper, starred) == ENCODE(expected)


_TINY = load_program_file(DATA / "tinyconf.json")


@settings(max_examples=40, deadline=None)
@given(st.lists(st.builds(Speaker, id=_TEXT, name=_TEXT, affiliation=_NULLABLE), max_size=3))
def test_speakers_texts_are_their_objects_texts(speakers: list[Speaker]) -> None:
    """Speakers' texts are written directly: any characters, no affiliation, and an id that
    names no speaker (left out), as the session's object has them."""
    session = replace(_TINY.sessions[0], speakers=[s.id for s in speakers] + ["nobody-at-all"])
    program = replace(_TINY, speakers=speakers, sessions=[session])
    records = SessionRecords(program, ZoneInfo("UTC"))
    assert records.session_text(session) == ENCODE(records.session(session, papers=True))
