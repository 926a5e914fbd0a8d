"""Running the installed ``confterm`` with its output on a pseudo-terminal (rich output)."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

CONFTERM = Path(sys.executable).parent / "confterm"


def run_on_tty(*args: str, env: dict[str, str], columns: int = 160) -> str:
    """Run confterm with stdout on a pseudo-terminal ``columns`` wide; return what it wrote."""
    leader, follower = pty.openpty()
    environment = {**os.environ, "COLUMNS": str(columns), "LINES": "50", "TERM": "xterm-256color"}
    environment.pop("NO_COLOR", None)
    environment.update(env)
    process = subprocess.Popen(
        [str(CONFTERM), *args],
        stdout=follower,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        env=environment,
    )
    os.close(follower)
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
    assert process.wait(timeout=60) == 0
    return b"".join(chunks).decode("utf-8")
