"""The settings file and its overrides, as the installed ``confterm`` sees them."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from confterm.cli import main
from confterm.tui.app import ConftermApp

RunCli = Callable[..., "subprocess.CompletedProcess[str]"]
TINYCONF = Path(__file__).resolve().parents[1] / "data" / "tinyconf.json"
FRAB = Path(__file__).resolve().parents[1] / "data" / "import" / "frab.json"


@pytest.fixture
def settings_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    config = tmp_path / "config"
    monkeypatch.setenv("CONFTERM_CONFIG_DIR", str(config))
    config.mkdir(exist_ok=True)
    return config / "settings.toml"


@pytest.fixture
def imported(run_cli: RunCli) -> str:
    """A frab schedule imported as 'tinyconf' next to the bundled mlsys2025."""
    done = run_cli("import", str(FRAB), "--id", "tinyconf")
    assert done.returncode == 0, done.stderr
    return "tinyconf"


def _listing(run_cli: RunCli, *args: str, env: dict[str, str | None] | None = None) -> dict:  # type: ignore[type-arg]
    done = run_cli("list", "--json", *args, env=env)
    assert done.returncode == 0, done.stderr
    result: dict = json.loads(done.stdout)  # type: ignore[type-arg]
    return result


def test_the_file_sets_the_conference_and_zone(
    run_cli: RunCli, settings_file: Path, imported: str
) -> None:
    settings_file.write_text(f'conference = "{imported}"\nzone = "Asia/Tokyo"\n')
    listing = _listing(run_cli)
    assert (listing["conference"], listing["zone"]) == ("tinyconf", "Asia/Tokyo")


def test_the_environment_beats_the_file_and_the_option_beats_both(
    run_cli: RunCli, settings_file: Path, imported: str
) -> None:
    settings_file.write_text('conference = "mlsys2025"\nzone = "Asia/Tokyo"\n')
    env: dict[str, str | None] = {"CONFTERM_CONFERENCE": imported, "CONFTERM_TZ": "UTC"}
    listing = _listing(run_cli, env=env)
    assert (listing["conference"], listing["zone"]) == ("tinyconf", "UTC")
    listing = _listing(run_cli, "--conference", "mlsys2025", "--tz", "Europe/Paris", env=env)
    assert (listing["conference"], listing["zone"]) == ("mlsys2025", "Europe/Paris")


def test_a_broken_file_is_one_warning_and_the_defaults(
    run_cli: RunCli, settings_file: Path
) -> None:
    settings_file.write_text('conference = "tinyconf\n')
    done = run_cli("list", "--json")
    assert done.returncode == 0
    assert json.loads(done.stdout)["conference"] == "mlsys2025"
    assert done.stderr.startswith(f"confterm: warning: {settings_file}: ignored, cannot read it")
    assert done.stderr.count("\n") == 1


def test_a_conference_that_is_gone_is_a_warning_not_an_error(
    run_cli: RunCli, settings_file: Path
) -> None:
    settings_file.write_text('conference = "removed-since"\n')
    done = run_cli("list", "--json")
    assert done.returncode == 0
    assert json.loads(done.stdout)["conference"] == "mlsys2025"
    assert "conference: unknown conference 'removed-since'" in done.stderr
    # Named explicitly (option or environment), it is still an error.
    assert run_cli("list", env={"CONFTERM_CONFERENCE": "removed-since"}).returncode == 2


def test_a_bad_environment_value_is_a_usage_error(run_cli: RunCli) -> None:
    done = run_cli(
        "now", "--data", str(TINYCONF), "--now", "2026-03-07T09:30", env={"CONFTERM_REMIND": "soon"}
    )
    assert done.returncode == 2
    assert (
        done.stderr == "confterm: error: CONFTERM_REMIND: not a whole number of minutes: 'soon'\n"
    )


@pytest.mark.parametrize(
    ("file", "env", "argv", "expected"),
    [
        ("remind_minutes = 3\n", {}, [], (3, "textual-dark")),
        ("remind_minutes = 3\n", {"CONFTERM_REMIND": "4"}, [], (4, "textual-dark")),
        ("remind_minutes = 3\n", {"CONFTERM_REMIND": "4"}, ["--remind", "0"], (0, "textual-dark")),
        ('theme = "nord"\n', {}, [], (10, "nord")),
        ('theme = "nord"\n', {"CONFTERM_THEME": "gruvbox"}, [], (10, "gruvbox")),
        ('theme = "nord"\n', {}, ["--theme", "textual-light"], (10, "textual-light")),
    ],
)
def test_the_app_gets_the_reminder_and_theme(
    monkeypatch: pytest.MonkeyPatch,
    settings_file: Path,
    file: str,
    env: dict[str, str],
    argv: list[str],
    expected: tuple[int, str],
) -> None:
    settings_file.write_text(file)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    seen: list[tuple[int, str]] = []

    def fake_run(self: ConftermApp) -> None:
        seen.append((self.remind_minutes, self.theme))

    monkeypatch.setattr(ConftermApp, "run", fake_run)

    # as if typed at a terminal: the app opens only on one

    monkeypatch.setattr("confterm.cli._app_has_terminal", lambda: True)
    assert main([*argv, "--data", str(TINYCONF)]) == 0
    assert seen == [expected]


def test_an_unknown_theme_is_a_notice_in_the_app(
    monkeypatch: pytest.MonkeyPatch, settings_file: Path
) -> None:
    settings_file.write_text('theme = "no-such-theme"\n')
    seen: list[tuple[str, list[str]]] = []

    def fake_run(self: ConftermApp) -> None:
        seen.append((self.theme, self.notices))

    monkeypatch.setattr(ConftermApp, "run", fake_run)

    # as if typed at a terminal: the app opens only on one

    monkeypatch.setattr("confterm.cli._app_has_terminal", lambda: True)
    assert main(["--data", str(TINYCONF)]) == 0
    assert seen == [("textual-dark", ["unknown theme 'no-such-theme'; using textual-dark"])]
