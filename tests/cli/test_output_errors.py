"""Writing to a full disk (stdout on /dev/full) is one error line and exit 1, no traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

CONFTERM = Path(sys.executable).parent / "confterm"
TINYCONF = Path(__file__).parents[1] / "data" / "tinyconf.json"


@pytest.mark.parametrize(
    "args",
    [
        ("list", "--data", str(TINYCONF)),  # more than a buffer: fails while printing
        ("validate", str(TINYCONF)),  # one short line: fails only when flushed
    ],
)
def test_full_stdout_is_one_error_line(args: tuple[str, ...], isolated_user_data: Path) -> None:
    env = dict(os.environ, CONFTERM_DATA_DIR=str(isolated_user_data))
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [str(CONFTERM), *args],
            stdout=full,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            text=True,
            env=env,
            check=False,
            timeout=60,
        )
    assert done.stderr == "confterm: error: cannot write output: No space left on device\n"
    assert done.returncode == 1
