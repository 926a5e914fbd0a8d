"""The settings file: read, overridden by the environment, written one line at a time."""

from __future__ import annotations

from pathlib import Path

import pytest

from confterm.settings import Settings, load, read_file, save_setting


def test_no_file_is_no_settings_and_no_problem(tmp_path: Path) -> None:
    assert read_file(tmp_path / "settings.toml") == (Settings(), None)
    assert Settings().reminder_minutes == 10


def test_every_setting_is_read(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text(
        'theme = "textual-light"\nconference = "tinyconf"\nremind_minutes = 5\n'
        'zone = "Europe/Paris"\ncalendar_file = "~/cal/me.ics"\n'
    )
    settings, problem = read_file(path)
    assert problem is None
    assert settings == Settings("textual-light", "tinyconf", 5, "Europe/Paris", "~/cal/me.ics")
    assert settings.calendar_path() == Path("~/cal/me.ics").expanduser()


@pytest.mark.parametrize("text", ['theme = "x\n', "remind_minutes = \n", "\x00", "[a]\n[a]\n"])
def test_a_broken_file_is_one_line_and_the_defaults(tmp_path: Path, text: str) -> None:
    path = tmp_path / "settings.toml"
    path.write_text(text)
    settings, problem = read_file(path)
    assert settings == Settings()
    assert problem is not None
    assert problem.startswith(f"{path}: ignored")
    assert problem.endswith("using the defaults")
    assert "\n" not in problem


def test_bad_values_are_named_and_the_good_ones_kept(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text('theme = "nord"\nremind_minutes = -3\nzone = 7\ncolour = "red"\n')
    settings, problem = read_file(path)
    assert settings == Settings(theme="nord")
    assert problem is not None
    assert "\n" not in problem
    for part in ("remind_minutes", "zone", "unknown setting 'colour'"):
        assert part in problem


def test_the_environment_wins_over_the_file(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text('theme = "nord"\nremind_minutes = 5\n')
    env = {"CONFTERM_THEME": "gruvbox", "CONFTERM_REMIND": "0", "CONFTERM_TZ": "local"}
    settings, _ = load(path, env)
    assert (settings.theme, settings.remind_minutes, settings.zone) == ("gruvbox", 0, "local")
    with pytest.raises(ValueError, match="CONFTERM_REMIND: not a whole number"):
        load(path, {"CONFTERM_REMIND": "soon"})


def test_saving_replaces_one_line_and_keeps_the_rest(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text('# mine\ntheme = "nord"   # dark\nzone = "local"\n\n[extra]\ntheme = "x"\n')
    save_setting(path, "theme", 'light "quoted"')
    text = path.read_text()
    assert text.startswith('# mine\ntheme = "light \\"quoted\\""\nzone = "local"\n')
    assert text.endswith('[extra]\ntheme = "x"\n')
    assert read_file(path)[0].theme == 'light "quoted"'
    save_setting(path, "remind_minutes", 15)
    assert read_file(path)[0].remind_minutes == 15
    assert text.count("[extra]") == path.read_text().count("[extra]") == 1


def test_saving_creates_the_file_and_leaves_a_broken_one_alone(tmp_path: Path) -> None:
    path = tmp_path / "config" / "settings.toml"
    save_setting(path, "theme", "nord")
    assert path.read_text() == 'theme = "nord"\n'
    path.write_text("theme = \n")
    with pytest.raises(ValueError, match="line 1"):
        save_setting(path, "theme", "gruvbox")
    assert path.read_text() == "theme = \n"
    with pytest.raises(ValueError, match="unknown setting"):
        save_setting(path, "colour", "red")
