"""`import` and `remove` on a data dir that cannot be written: one error line, exit 1."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

RunCli = Callable[..., "subprocess.CompletedProcess[str]"]
TINYCONF = Path(__file__).parents[1] / "data" / "tinyconf.json"
FRAB_JSON = Path(__file__).parents[1] / "data" / "import" / "frab.json"


@pytest.fixture
def read_only_conferences(isolated_user_data: Path) -> Iterator[Path]:
    """The conferences folder, holding one import 'kept', made unwritable even for root.

    Root ignores permission bits, so as root the immutable attribute (chattr +i) is used.
    """
    folder = isolated_user_data / "conferences"
    folder.mkdir(parents=True)
    shutil.copy(TINYCONF, folder / "kept.json")
    if os.geteuid() == 0:
        chattr = shutil.which("chattr")
        assert chattr is not None, "running as root: chattr is needed to make a dir read-only"
        subprocess.run([chattr, "+i", str(folder)], check=True)
        try:
            yield folder
        finally:
            subprocess.run([chattr, "-i", str(folder)], check=True)
    else:
        folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
        try:
            yield folder
        finally:
            folder.chmod(stat.S_IRWXU)


def test_import_into_read_only_dir(run_cli: RunCli, read_only_conferences: Path) -> None:
    done = run_cli("import", str(FRAB_JSON), "--id", "camp")
    assert done.returncode == 1, done.stderr
    # The program is written first (then its metadata), each in full before either replaces
    # anything: the first file that cannot be written is named.
    program = read_only_conferences / "camp.json"
    assert done.stderr.startswith(f"confterm: error: cannot save {program}: ")
    assert done.stderr.count("\n") == 1
    assert "Traceback" not in done.stderr
    assert sorted(p.name for p in read_only_conferences.iterdir()) == ["kept.json"]


def test_remove_from_read_only_dir(run_cli: RunCli, read_only_conferences: Path) -> None:
    done = run_cli("remove", "kept", "--yes")
    assert done.returncode == 1, done.stderr
    kept = read_only_conferences / "kept.json"
    assert done.stderr.startswith(f"confterm: error: cannot remove {kept}: ")
    assert done.stderr.count("\n") == 1
    assert kept.is_file()
