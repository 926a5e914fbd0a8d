"""A bad ``--now`` (or ``CONFTERM_NOW``) is a usage error for every command, before any output,
whether or not the command reads the clock."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

RunCli = Callable[..., subprocess.CompletedProcess[str]]
TINYCONF = str(Path(__file__).resolve().parents[1] / "data" / "tinyconf.json")
BAD_NOW = "--now: 'garbage' is not an ISO date-time (e.g. 2025-05-13T10:00-07:00)"


def only_error(result: subprocess.CompletedProcess[str]) -> str:
    """The one error line of a usage error (exit 2) that printed nothing else."""
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, lines
    return lines[0].removeprefix("confterm: error: ")


@pytest.mark.parametrize(
    "command",
    [
        ["list"],
        ["show", "night-social"],
        ["booths"],
        ["papers"],
        ["bookmark", "list"],
        ["agenda", "--all"],
        ["conferences"],
        ["schema"],
        ["validate", TINYCONF],
    ],
)
def test_every_command_rejects_a_bad_now(run_cli: RunCli, command: list[str]) -> None:
    result = run_cli("--data", TINYCONF, "--now", "garbage", *command)
    assert only_error(result) == BAD_NOW


def test_a_bad_now_after_the_command_is_rejected_too(run_cli: RunCli) -> None:
    result = run_cli("list", "--data", TINYCONF, "--now", "garbage")
    assert only_error(result) == BAD_NOW


def test_ics_agenda_prints_only_the_error_not_the_left_out_notes(run_cli: RunCli) -> None:
    result = run_cli("--data", TINYCONF, "agenda", "--all", "--format", "ics", "--now", "garbage")
    assert only_error(result) == BAD_NOW


def test_a_bad_environment_value_is_named_as_such(run_cli: RunCli) -> None:
    result = run_cli("--data", TINYCONF, "list", env={"CONFTERM_NOW": "soon"})
    assert only_error(result) == (
        "CONFTERM_NOW: 'soon' is not an ISO date-time (e.g. 2025-05-13T10:00-07:00)"
    )


def test_a_now_at_the_edge_of_time_is_out_of_range(run_cli: RunCli) -> None:
    result = run_cli("--data", TINYCONF, "--now", "0001-01-01T00:00", "list")
    assert only_error(result) == "--now: '0001-01-01T00:00' is out of range (years 2 to 9998)"


def test_bad_now_is_checked_without_loading_the_program(run_cli: RunCli, tmp_path: Path) -> None:
    # The syntax check needs no conference: a missing data file is not reached.
    result = run_cli("--data", str(tmp_path / "missing.json"), "--now", "garbage", "list")
    assert only_error(result) == BAD_NOW


@pytest.mark.parametrize("now", ["2026-03-07T10:00", "2026-03-07T10:00+09:00", "2026-03-07"])
def test_a_good_now_still_works(run_cli: RunCli, now: str) -> None:
    result = run_cli("--data", TINYCONF, "--now", now, "list", "--day", "1")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert "Registration" in result.stdout
