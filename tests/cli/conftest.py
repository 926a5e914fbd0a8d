"""Fixtures for CLI tests: run the installed ``confterm`` script in a subprocess, no TTY."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest

CONFTERM = Path(sys.executable).parent / "confterm"

RunCli = Callable[..., "subprocess.CompletedProcess[str]"]


@pytest.fixture
def run_cli(isolated_user_data: Path) -> RunCli:
    """Run ``confterm *args`` as the user would; stdout is a pipe, so output is plain text.

    The environment is this process's (with the isolated CONFTERM_DATA_DIR from the autouse
    fixture) plus ``env``; a value of None removes a variable.
    """
    assert CONFTERM.is_file(), f"the confterm script is not installed at {CONFTERM}"

    def run(
        *args: str, env: Mapping[str, str | None] | None = None, cwd: Path | None = None
    ) -> subprocess.CompletedProcess[str]:
        environment = dict(os.environ)
        environment["CONFTERM_DATA_DIR"] = str(isolated_user_data)
        environment.pop("NO_COLOR", None)
        for key, value in (env or {}).items():
            if value is None:
                environment.pop(key, None)
            else:
                environment[key] = value
        return subprocess.run(
            [str(CONFTERM), *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=environment,
            cwd=cwd,
            stdin=subprocess.DEVNULL,
            check=False,
            timeout=60,
        )

    return run
