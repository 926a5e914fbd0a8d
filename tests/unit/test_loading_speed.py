"""What keeps large programs fast to load: the collector paused and frozen, slotted records.

These assert the mechanisms (never timings): a bug that leaves the collector disabled, freezes
small programs, or gives records a ``__dict__`` again fails here.
"""

from __future__ import annotations

import gc
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from confterm.errors import DataError
from confterm.model.loading import FREEZE_FROM_RECORDS, load_program_bytes, load_program_file
from confterm.model.program import Program
from confterm.model.validation import parse_program_json, program_json


@pytest.fixture
def restore_gc() -> Iterator[None]:
    """Undo any freeze a test causes, so other tests see a normal collector."""
    yield
    gc.unfreeze()
    gc.enable()


def _large_program(tinyconf_path: Path, sessions: int) -> bytes:
    data: dict[str, Any] = json.loads(tinyconf_path.read_text(encoding="utf-8"))
    template = next(s for s in data["sessions"] if s.get("start"))
    data["sessions"] = [{**template, "id": f"s-{i}"} for i in range(sessions)]
    data["papers"] = [p for p in data.get("papers", []) if p.get("session") is None]
    data["booths"] = [{**b, "sessions": []} for b in data.get("booths", [])]
    return json.dumps(data).encode()


@pytest.mark.usefixtures("restore_gc")
def test_a_large_program_is_frozen_and_the_collector_runs_again(tinyconf_path: Path) -> None:
    gc.unfreeze()
    raw = _large_program(tinyconf_path, FREEZE_FROM_RECORDS)
    program = load_program_bytes(raw, "large.json")
    assert len(program.sessions) == FREEZE_FROM_RECORDS
    assert gc.isenabled()
    assert gc.get_freeze_count() > FREEZE_FROM_RECORDS


@pytest.mark.usefixtures("restore_gc")
def test_a_small_program_is_not_frozen(tinyconf_path: Path) -> None:
    gc.unfreeze()
    load_program_file(tinyconf_path)
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0


@pytest.mark.usefixtures("restore_gc")
def test_a_bad_file_leaves_the_collector_running() -> None:
    with pytest.raises(DataError):
        load_program_bytes(b'{"format": "confterm/1", "conference": {}}', "bad.json")
    assert gc.isenabled()


def test_records_have_no_per_instance_dict(tinyconf: Program) -> None:
    session = tinyconf.sessions[0]
    assert not hasattr(session, "__dict__")
    assert not hasattr(tinyconf.speakers[0], "__dict__")


def test_records_round_trip_through_json(tinyconf: Program) -> None:
    again = parse_program_json(program_json(tinyconf), "again.json")
    assert again.sessions == tinyconf.sessions
    assert again.papers == tinyconf.papers
    first = json.loads(program_json(tinyconf))["sessions"][0]
    assert list(first)[:3] == ["id", "title", "kind"]
