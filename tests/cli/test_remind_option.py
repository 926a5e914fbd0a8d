"""``confterm --remind MINUTES``: validated on the command line and handed to the app."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from confterm.cli import main
from confterm.tui.app import ConftermApp

RunCli = Callable[..., subprocess.CompletedProcess[str]]
TINYCONF = str(Path(__file__).parents[1] / "data" / "tinyconf.json")


@pytest.mark.parametrize(
    ("value", "why"),
    [
        ("-5", "minutes cannot be negative: '-5'"),
        ("x", "not a whole number of minutes: 'x'"),
        ("1.5", "not a whole number of minutes: '1.5'"),
    ],
)
def test_bad_minutes_are_a_usage_error(run_cli: RunCli, value: str, why: str) -> None:
    result = run_cli("--remind", value, "--data", TINYCONF)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == (f"confterm: error: argument --remind: {why} (see 'confterm --help')\n")


def test_help_names_the_option(run_cli: RunCli) -> None:
    result = run_cli("--help")
    assert result.returncode == 0
    assert "--remind MINUTES" in result.stdout


@pytest.mark.parametrize(
    ("argv", "expected"), [([], 10), (["--remind", "5"], 5), (["--remind", "0"], 0)]
)
def test_the_app_gets_the_minutes(
    monkeypatch: pytest.MonkeyPatch, argv: list[str], expected: int
) -> None:
    seen: list[tuple[int, bool]] = []

    def fake_run(self: ConftermApp) -> None:
        seen.append((self.remind_minutes, self.reminders))

    monkeypatch.setattr(ConftermApp, "run", fake_run)

    # as if typed at a terminal: the app opens only on one

    monkeypatch.setattr("confterm.cli._app_has_terminal", lambda: True)
    assert main([*argv, "--data", TINYCONF]) == 0
    # 0 turns reminders off altogether.
    assert seen == [(expected, expected > 0)]
