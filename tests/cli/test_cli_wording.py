"""The CLI's words: booths with no location, a description for every command and argument,
import's own --tz help, and fixed-offset zones named by their real offset."""

from __future__ import annotations

import argparse
import json
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from confterm.cli import build_parser

RunCli = Callable[..., subprocess.CompletedProcess[str]]
TINYCONF = Path(__file__).resolve().parents[1] / "data" / "tinyconf.json"


def ok(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return result.stdout


def tiny(run_cli: RunCli, *args: str) -> str:
    return ok(run_cli(*args, "--data", str(TINYCONF)))


# --- booths with no location ------------------------------------------------------------------


def test_booths_say_location_not_announced(run_cli: RunCli) -> None:
    out = tiny(run_cli, "booths")
    assert "location not announced" in out
    assert "TBA" not in out


def test_bookmarked_booths_say_location_not_announced(run_cli: RunCli) -> None:
    tiny(run_cli, "bookmark", "add", "globex")
    out = tiny(run_cli, "bookmark", "list")
    assert "Globex  location not announced" in out
    assert "TBA" not in out
    agenda = tiny(run_cli, "agenda")
    assert "Globex (Silver) — location not announced" in agenda


# --- help -------------------------------------------------------------------------------------


def _subparsers() -> tuple[argparse.Action, dict[str, argparse.ArgumentParser]]:
    parser = build_parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return action, dict(action.choices)


def test_every_command_is_described_in_the_listing_and_its_own_help() -> None:
    action, commands = _subparsers()
    listed = {choice.dest: choice.help for choice in action._choices_actions}
    assert set(listed) == set(commands)
    for name, sub in commands.items():
        assert listed[name], f"{name} has no help in 'confterm --help'"
        assert sub.description, f"'confterm {name} --help' has no description"


def test_every_argument_of_every_command_has_help() -> None:
    _, commands = _subparsers()
    for name, sub in commands.items():
        for arg in sub._actions:
            assert arg.help, f"confterm {name}: {arg.dest} has no help"


@pytest.mark.parametrize(
    "command", ["show", "booths", "papers", "validate", "schema", "conferences", "remove"]
)
def test_the_commands_help_prints_a_description(run_cli: RunCli, command: str) -> None:
    _, commands = _subparsers()
    description = commands[command].description
    assert description
    out = ok(run_cli(command, "--help"))
    assert " ".join(description.split()[:4]) in " ".join(out.split())


def test_validate_help_explains_file(run_cli: RunCli) -> None:
    out = " ".join(ok(run_cli("validate", "--help")).split())
    assert "FILE the conference file (JSON) to check" in out


def test_import_tz_is_the_sources_zone(run_cli: RunCli) -> None:
    out = " ".join(ok(run_cli("import", "--help")).split())
    assert "--tz ZONE the source's zone: naive times in the source are in ZONE" in out
    assert "display zone" not in out
    # Every other command keeps the global meaning.
    assert "--tz ZONE display zone" in " ".join(ok(run_cli("list", "--help")).split())


# --- fixed-offset zones -----------------------------------------------------------------------


@pytest.fixture
def gmt_minus_1(tmp_path: Path) -> str:
    """tinyconf with the zone an offset-only import gets for UTC+01:00."""
    data: dict[str, Any] = json.loads(TINYCONF.read_text(encoding="utf-8"))
    data["conference"]["timezone"] = "Etc/GMT-1"
    path = tmp_path / "gmt.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


def test_fixed_offset_zone_reads_as_its_offset(run_cli: RunCli, gmt_minus_1: str) -> None:
    out = ok(run_cli("--data", gmt_minus_1, "list", "--day", "1"))
    assert out.startswith("Saturday 7 March 2026 (UTC+01:00)\n")
    agenda = ok(run_cli("--data", gmt_minus_1, "agenda", "--all"))
    assert "Saturday 7 March 2026 — times in UTC+01:00\n" in agenda
    assert "GMT-1" not in agenda
    show = ok(run_cli("--data", gmt_minus_1, "show", "registration"))
    assert "Saturday 7 March 2026, 14:00–15:00 (UTC+01:00)" in show


def test_json_keeps_the_iana_key(run_cli: RunCli, gmt_minus_1: str) -> None:
    listing = json.loads(ok(run_cli("--data", gmt_minus_1, "list", "--json")))
    assert listing["zone"] == "Etc/GMT-1"
    agenda = json.loads(ok(run_cli("--data", gmt_minus_1, "agenda", "--all", "--format", "json")))
    assert agenda["zone"] == "Etc/GMT-1"
