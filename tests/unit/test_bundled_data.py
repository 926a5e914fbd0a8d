"""The bundled MLSys 2025 program: the facts it must carry exactly, and that it is reproducible."""

from __future__ import annotations

import importlib.util
import json
from datetime import date, datetime
from pathlib import Path
from types import ModuleType
from zoneinfo import ZoneInfo

import pytest

from confterm.model.program import Program, Session, SessionKind
from confterm.store.catalog import open_program

REPO_ROOT = Path(__file__).resolve().parents[2]
GENERATOR = REPO_ROOT / "scripts" / "build_mlsys2025.py"
BUNDLED = REPO_ROOT / "data" / "mlsys2025.json"
FACTS = REPO_ROOT.parent / "shared" / "data" / "mlsys2025-facts.json"
LA = ZoneInfo("America/Los_Angeles")

CHINTALA_TITLE = (
    "Extreme PyTorch: Inside the Most Demanding ML Workloads—and the Open Challenges in "
    "Building AI Agents to Democratize Them"
)
STOICA_TITLE = "An AI Stack: From Scaling AI Workloads to Evaluating LLMs"
TIMED_SESSIONS = {
    "keynote-chintala-extreme-pytorch",
    "keynote-stoica-ai-stack",
    "session-01-llm-diffusion-serving",
    "session-10-llm-diffusion-serving",
    "session-12-edge-cloud",
}
# The four main-conference keynotes and the day each is known for (Liu's and Anandkumar's
# without a time or room).
KEYNOTES = {
    "keynote-chintala-extreme-pytorch": ("Soumith Chintala", date(2025, 5, 12)),
    "keynote-stoica-ai-stack": ("Ion Stoica", date(2025, 5, 13)),
    "keynote-anandkumar-hardware-aware": ("Animashree Anandkumar", date(2025, 5, 14)),
    "keynote-liu-responsible-finetuning": ("Ling Liu", date(2025, 5, 15)),
}
FLASHINFER_AUTHORS = [
    "Zihao Ye",
    "Lequn Chen",
    "Ruihang Lai",
    "Wuwei Lin",
    "Yineng Zhang",
    "Stephanie Wang",
    "Tianqi Chen",
    "Baris Kasikci",
    "Vinod Grover",
    "Arvind Krishnamurthy",
    "Luis Ceze",
]


@pytest.fixture
def program(tmp_path: Path) -> Program:
    """The default bundled conference, loaded through the catalog like the app does."""
    return open_program(None, None, tmp_path)


def _la(day: int, hour: int, minute: int) -> datetime:
    return datetime(2025, 5, day, hour, minute, tzinfo=LA)


def _session_titled(program: Program, title: str) -> Session:
    matches = [session for session in program.sessions if session.title == title]
    assert len(matches) == 1, f"expected one session titled {title!r}, found {len(matches)}"
    return matches[0]


def _load_generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_mlsys2025", GENERATOR)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_conference_facts(program: Program) -> None:
    conference = program.conference
    assert conference.id == "mlsys2025"
    assert conference.short_name == "MLSys 2025"
    assert "Machine Learning and Systems" in conference.name
    assert (conference.start_date, conference.end_date) == (date(2025, 5, 12), date(2025, 5, 15))
    assert conference.timezone == "America/Los_Angeles"
    assert conference.venue == "Santa Clara Convention Center"
    assert conference.city is not None
    assert "Santa Clara" in conference.city
    assert conference.url == "https://mlsys.org/Conferences/2025"
    assert "https://pytorch.org/blog/pytorch-foundation-at-mlsys-2025" in conference.sources
    assert [(room.id, room.name) for room in program.rooms] == [
        ("mission-city-ballroom", "Mission City Ballroom")
    ]


@pytest.mark.parametrize(
    ("title", "speaker", "start", "end"),
    [
        (CHINTALA_TITLE, "Soumith Chintala", _la(12, 9, 30), _la(12, 10, 30)),
        (STOICA_TITLE, "Ion Stoica", _la(13, 10, 30), _la(13, 11, 30)),
    ],
)
def test_pytorch_foundation_talks_are_exact(
    program: Program, title: str, speaker: str, start: datetime, end: datetime
) -> None:
    session = _session_titled(program, title)
    assert session.kind is SessionKind.KEYNOTE
    assert [person.name for person in program.speakers_of(session)] == [speaker]
    assert session.start is not None
    assert session.end is not None
    assert session.start.astimezone(LA) == start
    assert session.end.astimezone(LA) == end
    # Same wall-clock time, not merely the same instant: the file says PDT.
    assert session.start.utcoffset() == start.utcoffset()
    assert session.day == start.date()
    assert program.room_name(session) == "Mission City Ballroom"


def test_pytorch_foundation_booth(program: Program) -> None:
    booth = program.booth_by_id["pytorch-foundation"]
    assert booth.organisation == "PyTorch Foundation"
    assert booth.level == "Gold"
    assert booth.location is None
    assert [(person.name, person.role) for person in booth.people] == [
        ("Matt White", "Executive Director")
    ]
    assert "vLLM" in booth.description
    assert "DeepSpeed" in booth.description
    related = [program.session_by_id[session_id] for session_id in booth.sessions]
    assert {session.title for session in related} >= {CHINTALA_TITLE, STOICA_TITLE}
    lightning = [session for session in related if session.kind is SessionKind.LIGHTNING]
    assert len(lightning) == 1
    assert [person.name for person in program.speakers_of(lightning[0])] == ["Matt White"]
    assert lightning[0].day is None
    assert lightning[0].start is None


@pytest.mark.parametrize(
    ("session_id", "start", "end"),
    [
        ("session-01-llm-diffusion-serving", _la(13, 8, 45), _la(13, 10, 0)),
        ("session-10-llm-diffusion-serving", _la(15, 13, 15), _la(15, 14, 40)),
        ("session-12-edge-cloud", _la(15, 16, 30), _la(15, 18, 0)),
    ],
)
def test_oral_sessions_with_official_times(
    program: Program, session_id: str, start: datetime, end: datetime
) -> None:
    session = program.session_by_id[session_id]
    assert session.kind is SessionKind.ORAL
    assert session.start == start
    assert session.end == end
    assert session.room is None


def test_only_sourced_sessions_have_times(program: Program) -> None:
    timed = {session.id for session in program.sessions if session.start is not None}
    assert timed == TIMED_SESSIONS
    assert all(session.end is None for session in program.sessions if session.id not in timed)


def test_every_oral_session_lists_its_papers(program: Program) -> None:
    orals = [session for session in program.sessions if session.kind is SessionKind.ORAL]
    assert len(orals) == 12
    for session in orals:
        assert len(program.papers_by_session.get(session.id, [])) >= 2, session.id
    flashinfer = program.paper_by_id["flashinfer"]
    assert flashinfer.session == "session-01-llm-diffusion-serving"
    assert flashinfer.award == "Best Paper"


def test_papers_count_authors_and_placement(program: Program) -> None:
    assert len(program.papers) == 61
    # The facts record no authors for exactly these two papers.
    assert {paper.id for paper in program.papers if not paper.authors} == {"swiftvi", "volut"}
    # 55 of the 61 are placed in their oral session.
    assert sum(paper.session is not None for paper in program.papers) == 55


@pytest.mark.parametrize(
    ("paper_id", "session_id"),
    [
        ("lava", "session-12-edge-cloud"),
        ("ai-metropolis", "session-04-reliable-scalable"),
        ("aiopslab", "session-04-reliable-scalable"),
    ],
)
def test_papers_placed_by_the_second_pass(program: Program, paper_id: str, session_id: str) -> None:
    paper = program.paper_by_id[paper_id]
    assert paper.session == session_id
    assert paper.note is not None
    assert "official session page" in paper.note


def test_lava_note_says_how_sure_its_authors_are(program: Program) -> None:
    note = program.paper_by_id["lava"].note
    assert note is not None
    assert "Medium certainty" in note
    assert "Anshul Kapoor" in note


def test_flashinfer_has_its_eleven_authors(program: Program) -> None:
    flashinfer = program.paper_by_id["flashinfer"]
    assert [author.name for author in flashinfer.authors] == FLASHINFER_AUTHORS
    assert flashinfer.note is not None
    assert flashinfer.note.startswith("All 11 authors from the official poster page")


def test_session_4_has_its_official_title_and_keeps_the_old_one(program: Program) -> None:
    session = program.session_by_id["session-04-reliable-scalable"]
    assert session.title == "Session 4: Measurement and Analysis"
    assert session.aliases == ["Session 4: Reliable and Scalable Systems"]
    assert session.source_url == "https://mlsys.org/virtual/2025/session/3145"
    assert session.note is not None
    assert "Reliable and Scalable Systems" in session.note


def test_four_keynotes_with_their_days(program: Program) -> None:
    keynotes = {s.id: s for s in program.sessions if s.kind is SessionKind.KEYNOTE}
    assert set(keynotes) == set(KEYNOTES)
    for session_id, (speaker, day) in KEYNOTES.items():
        session = keynotes[session_id]
        assert [person.name for person in program.speakers_of(session)] == [speaker]
        assert session.day == day
        assert session.note is not None
        # Each note says why it is a keynote although the facts file it as an invited talk.
        assert "keynote" in session.note
        assert "invited" in session.note


@pytest.mark.parametrize(
    ("session_id", "title", "certainty"),
    [
        (
            "keynote-anandkumar-hardware-aware",
            "Hardware-Aware Training and Inference for Large-Scale AI",
            "Certainty: medium",
        ),
        (
            "keynote-liu-responsible-finetuning",
            "Responsible Finetuning of Large Language Models",
            "Certainty: high for title, speaker and day",
        ),
    ],
)
def test_new_keynotes_have_a_day_but_no_time_and_say_how_sure(
    program: Program, session_id: str, title: str, certainty: str
) -> None:
    session = program.session_by_id[session_id]
    assert session.title == title
    assert (session.start, session.end, session.room) == (None, None, None)
    assert session.note is not None
    assert certainty in session.note


def test_extra_source_urls_are_links(program: Program) -> None:
    stoica = program.session_by_id["keynote-stoica-ai-stack"]
    assert [link.url for link in stoica.links] == [
        "https://greptalks.ai/c/mlsys-2025/mlsys25-006/",
        "https://mlsys.org/virtual/2025/3013",
    ]
    liu = program.session_by_id["keynote-liu-responsible-finetuning"]
    assert [(link.title, link.url) for link in liu.links] == [
        ("MLSys virtual site", "https://mlsys.org/virtual/2025/3012")
    ]


def test_session_chairs_and_yps_speakers(program: Program) -> None:
    session_8 = program.session_by_id["session-08-llm-diffusion-serving"]
    assert [person.name for person in program.chairs_of(session_8)] == ["Pradeep Dubey"]
    yps = program.session_by_id["yps-2025"]
    assert yps.kind is SessionKind.WORKSHOP
    assert [person.name for person in program.speakers_of(yps)] == [
        "Soumith Chintala",
        "Tim Dettmers",
        "Wei-Lin Chiang",
        "Simran Arora",
        "Beidi Chen",
    ]
    names = [speaker.name for speaker in program.speakers]
    assert len(names) == len(set(names))


def test_every_item_names_its_source(program: Program) -> None:
    items = [*program.sessions, *program.papers, *program.booths]
    missing = [item.id for item in items if not item.source_url]
    assert missing == []


@pytest.mark.skipif(not FACTS.is_file(), reason=f"facts file {FACTS} not present")
def test_generator_reproduces_the_committed_file() -> None:
    generator = _load_generator()
    facts = json.loads(FACTS.read_text(encoding="utf-8"))
    first = generator.render(facts)
    assert first == generator.render(facts)
    assert first == BUNDLED.read_text(encoding="utf-8")


@pytest.mark.skipif(not FACTS.is_file(), reason=f"facts file {FACTS} not present")
def test_every_extra_source_url_of_a_session_is_a_link(program: Program) -> None:
    facts = json.loads(FACTS.read_text(encoding="utf-8"))
    for fact in facts["sessions"]:
        session = _session_titled(program, fact["title"])
        assert session.source_url == fact["url"]
        assert [link.url for link in session.links] == (fact.get("alt_urls") or [])
