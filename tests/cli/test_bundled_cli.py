"""The bundled MLSys 2025 program as the installed CLI shows it: the facts of the second
research pass, the four keynotes, and how complete the program is."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from typing import Any

RunCli = Callable[..., "subprocess.CompletedProcess[str]"]

TINYCONF = "tests/data/tinyconf.json"


def _listing(run_cli: RunCli, *args: str) -> dict[str, Any]:
    result = run_cli("list", "--json", *args)
    assert result.returncode == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def _by_id(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {session["id"]: session for session in data["sessions"]}


def test_list_json_shows_the_new_facts(run_cli: RunCli) -> None:
    sessions = _by_id(_listing(run_cli))
    session_12 = sessions["session-12-edge-cloud"]
    assert session_12["title"] == "Session 12: Edge and Cloud Systems"
    assert (session_12["day"], session_12["start"], session_12["end"]) == (
        "2025-05-15",
        "2025-05-15T16:30:00-07:00",
        "2025-05-15T18:00:00-07:00",
    )
    assert sessions["session-04-reliable-scalable"]["title"] == (
        "Session 4: Measurement and Analysis"
    )
    flashinfer = next(
        paper
        for paper in sessions["session-01-llm-diffusion-serving"]["papers"]
        if paper["id"] == "flashinfer"
    )
    assert len(flashinfer["authors"]) == 11
    assert flashinfer["authors"][-1]["name"] == "Luis Ceze"
    placed = {p["id"] for s in sessions.values() for p in s.get("papers", [])}
    assert {"lava", "ai-metropolis", "aiopslab"} <= placed
    assert len(placed) == 55


def test_list_kind_keynote_finds_the_four_with_their_days(run_cli: RunCli) -> None:
    keynotes = _listing(run_cli, "--kind", "keynote")["sessions"]
    assert [(s["speakers"][0]["name"], s["day"], s["start"]) for s in keynotes] == [
        ("Soumith Chintala", "2025-05-12", "2025-05-12T09:30:00-07:00"),
        ("Ion Stoica", "2025-05-13", "2025-05-13T10:30:00-07:00"),
        ("Animashree Anandkumar", "2025-05-14", None),
        ("Ling Liu", "2025-05-15", None),
    ]
    plain = run_cli("list", "--kind", "keynote").stdout.splitlines()
    chintala = next(line for line in plain if "Extreme PyTorch" in line)
    assert "  09:30–10:30  Keynote  Extreme PyTorch: Inside the Most Demanding" in chintala
    assert chintala.endswith("Democratize Them  · Mission City Ballroom")
    assert plain[-1] == "2 of 4 sessions have an announced time; the others say time TBA."


def test_list_ends_saying_how_complete_the_program_is(run_cli: RunCli) -> None:
    lines = run_cli("list").stdout.splitlines()
    assert lines[-2:] == ["", "5 of 22 sessions have an announced time; the others say time TBA."]
    # Said once, and never in the JSON a script reads.
    assert sum("announced time" in line for line in lines) == 1
    assert "announced time" not in run_cli("list", "--json").stdout


def test_any_program_with_tba_sessions_gets_the_line(run_cli: RunCli) -> None:
    lines = run_cli("--data", TINYCONF, "list").stdout.splitlines()
    assert lines[-1] == "12 of 14 sessions have an announced time; the others say time TBA."
    # A listing where every session is timed says nothing more.
    timed = run_cli("--data", TINYCONF, "list", "--kind", "keynote").stdout
    assert "announced time" not in timed


def test_kind_labels_do_not_repeat_the_title(run_cli: RunCli) -> None:
    lines = run_cli("list").stdout.splitlines()
    white = next(line for line in lines if "Matt White" in line)
    # After the time, the title at once: no "Lightning" kind beside "Lightning talk by".
    assert white.split("time TBA", 1)[1].split()[:2] == ["Lightning", "talk"]
    chen = next(line for line in lines if "Beidi Chen" in line)
    assert chen.split("time TBA", 1)[1].split()[:2] == ["Invited", "talk"]
    # A kind the title does not say is still shown.
    anandkumar = next(line for line in lines if "Hardware-Aware" in line)
    assert anandkumar.split("time TBA", 1)[1].split()[:2] == ["Keynote", "Hardware-Aware"]


def test_search_finds_session_4_by_its_old_label(run_cli: RunCli) -> None:
    found = _listing(run_cli, "--search", "Reliable and Scalable")["sessions"]
    assert found[0]["id"] == "session-04-reliable-scalable"
    shown = run_cli("show", "session-04-reliable-scalable").stdout
    assert "Also called: Session 4: Reliable and Scalable Systems" in shown
