"""Running the installed ``confterm`` with its output on a pseudo-terminal (rich output)."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

CONFTERM = Path(sys.executable).parent / "confterm"


def run_on_tty(
    *args: str,
    env: dict[str, str],
    columns: int = 160,
    stderr_too: bool = False,
    expect_code: int | None = 0,
    stdin: bytes | None = None,
) -> str:
    """Run confterm with stdout on a pseudo-terminal ``columns`` wide; return what it wrote.

    ``stderr_too`` puts stderr on the same terminal (error lines are what the user sees too);
    ``expect_code`` is the exit code required (None: any).
    """
    leader, follower = pty.openpty()
    environment = {**os.environ, "COLUMNS": str(columns), "LINES": "50", "TERM": "xterm-256color"}
    environment.pop("NO_COLOR", None)
    environment.update(env)
    process = subprocess.Popen(
        [str(CONFTERM), *args],
        stdout=follower,
        stderr=follower if stderr_too else subprocess.PIPE,
        stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
        env=environment,
    )
    os.close(follower)
    if stdin is not None:
        assert process.stdin is not None
        process.stdin.write(stdin)
        process.stdin.close()
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    code = process.wait(timeout=60)
    if expect_code is not None:
        assert code == expect_code, b"".join(chunks).decode("utf-8", "replace")
    return b"".join(chunks).decode("utf-8", "replace")
