"""A conference id given on the command line can never name a file outside the conferences dir."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from confterm.errors import UsageError
from confterm.store import catalog

RunCli = Callable[..., "subprocess.CompletedProcess[str]"]
TINYCONF = Path(__file__).parents[1] / "data" / "tinyconf.json"


@pytest.fixture
def precious(isolated_user_data: Path) -> Path:
    """A valid conference file one level above the conferences folder."""
    isolated_user_data.mkdir(parents=True, exist_ok=True)
    (isolated_user_data / "conferences").mkdir(exist_ok=True)
    target = isolated_user_data / "precious.json"
    shutil.copy(TINYCONF, target)
    return target


@pytest.mark.parametrize(
    "args",
    [
        ("remove", "../precious", "--yes"),
        ("import", "--refresh", "../precious"),
        ("list", "--conference", "../precious"),
        ("import", str(TINYCONF), "--id", "../precious"),
    ],
)
def test_path_like_id_is_refused(run_cli: RunCli, precious: Path, args: tuple[str, ...]) -> None:
    done = run_cli(*args)
    assert done.returncode == 2, done.stderr
    assert done.stderr == "confterm: error: not a conference id: '../precious'\n"
    assert precious.is_file()


def test_require_imported(isolated_user_data: Path) -> None:
    with pytest.raises(UsageError, match="not a conference id: 'A/b'"):
        catalog.require_imported(isolated_user_data, "A/b", action="removed")
    with pytest.raises(UsageError, match="and cannot be refreshed"):
        catalog.require_imported(isolated_user_data, catalog.DEFAULT_CONFERENCE, action="refreshed")
    with pytest.raises(UsageError, match="unknown imported conference 'gone'"):
        catalog.require_imported(isolated_user_data, "gone", action="removed")
    path = catalog.imported_program_path(isolated_user_data, "here")
    path.parent.mkdir(parents=True)
    shutil.copy(TINYCONF, path)
    assert catalog.require_imported(isolated_user_data, "here", action="removed") == path
