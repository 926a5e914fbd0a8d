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
