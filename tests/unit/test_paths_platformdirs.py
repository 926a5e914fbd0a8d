"""Where user data lives comes from platformdirs alone (imported only when no override names
a directory): the directories agree with it under the XDG variables, and `confterm now`,
which avoids importing it when it can, still writes where it says."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import platformdirs
import pytest

from confterm import paths

CONFTERM = Path(sys.executable).parent / "confterm"


@pytest.mark.parametrize("xdg", [False, True])
def test_the_directories_are_platformdirs_own(
    xdg: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("CONFTERM_DATA_DIR", "CONFTERM_CACHE_DIR", "CONFTERM_CONFIG_DIR"):
        monkeypatch.delenv(name, raising=False)
    for name in ("XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME"):
        if xdg:
            monkeypatch.setenv(name, str(tmp_path / name.lower()))
        else:
            monkeypatch.delenv(name, raising=False)
    assert paths.user_data_dir() == Path(platformdirs.user_data_dir("confterm", appauthor=False))
    assert paths.user_config_dir() == Path(
        platformdirs.user_config_dir("confterm", appauthor=False)
    )
    assert paths.program_cache_dir() == (
        Path(platformdirs.user_cache_dir("confterm", appauthor=False)) / "programs"
    )
    if xdg:
        assert paths.user_data_dir().is_relative_to(tmp_path / "xdg_data_home")


def test_now_without_overrides_uses_the_platformdirs_directories(tmp_path: Path) -> None:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("CONFTERM_", "XDG_")) and k != "PYTHONDONTWRITEBYTECODE"
    }
    env["HOME"] = str(tmp_path / "home")
    env["XDG_CACHE_HOME"] = str(tmp_path / "xdg-cache")
    done = subprocess.run(
        [str(CONFTERM), "now", "--now", "2025-05-13T10:50"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Now: ")
    # The timeline is kept in platformdirs' cache dir for that environment.
    asked = subprocess.run(
        [
            sys.executable,
            "-c",
            "import platformdirs; print(platformdirs.user_cache_dir('confterm', appauthor=False))",
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=True,
    )
    cache_dir = Path(asked.stdout.strip())
    assert cache_dir.is_relative_to(tmp_path)
    kept = list((cache_dir / "programs").glob("*.timeline.sqlite3"))
    assert len(kept) == 1


_ENVIRONMENTS = [
    {},
    {"HOME": "/home/ann/"},
    {"HOME": "/"},
    {"HOME": "relative/home"},
    {"HOME": ""},
    {"XDG_DATA_HOME": "/x/data", "XDG_CACHE_HOME": "/x/cache/", "XDG_CONFIG_HOME": "/x/cfg"},
    {"XDG_DATA_HOME": "", "XDG_CACHE_HOME": "", "XDG_CONFIG_HOME": ""},
    {"XDG_DATA_HOME": "rel/data", "XDG_CACHE_HOME": "./c", "XDG_CONFIG_HOME": "~/cfg"},
    {"XDG_DATA_HOME": " /x/data", "XDG_CACHE_HOME": "/x/cache ", "XDG_CONFIG_HOME": "\t"},
    {"XDG_DATA_HOME": "/x/ünï cödé", "HOME": "/home/ünï"},
    {"ANDROID_DATA": "/data", "ANDROID_ROOT": "/system", "SHELL": "/bin/sh"},
]


@pytest.mark.parametrize("environment", _ENVIRONMENTS, ids=repr)
@pytest.mark.parametrize("kind", ["data", "cache", "config"])
def test_each_directory_is_the_one_platformdirs_gives(
    kind: str, environment: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HOME", "/home/ann")
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    try:
        expected = getattr(platformdirs, f"user_{kind}_dir")("confterm", appauthor=False)
    except RuntimeError:
        # platformdirs finds no home for this environment: confterm (which asks it then)
        # says so the same way.
        with pytest.raises(RuntimeError):
            paths.platform_dir(kind)
        return
    assert paths.platform_dir(kind) == expected


def test_on_linux_the_plain_xdg_case_never_imports_platformdirs(tmp_path: Path) -> None:
    if not sys.platform.startswith("linux"):
        pytest.skip("the XDG rule is worked out without platformdirs on Linux only")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CONFTERM_", "XDG_"))}
    env["HOME"] = str(tmp_path)
    env["XDG_CACHE_HOME"] = str(tmp_path / "cache")
    code = (
        "import sys; from confterm import paths; "
        "print(paths.user_data_dir(), paths.program_cache_dir(), paths.user_config_dir()); "
        "print('platformdirs' in sys.modules)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    dirs, imported = done.stdout.splitlines()
    assert dirs == (
        f"{tmp_path}/.local/share/confterm {tmp_path}/cache/confterm/programs "
        f"{tmp_path}/.config/confterm"
    )
    assert imported == "False"
