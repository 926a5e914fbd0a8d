"""The app opens only on a terminal: on a pipe, a file or /dev/null it says so and exits 2.

Before, ``confterm`` with stdin at end-of-input drew escape sequences into the pipe and died with
a traceback, and with a closed stdin it grew without end.
"""

from __future__ import annotations

import os
import pty
import subprocess
from collections.abc import Callable
from pathlib import Path

from tty_run import CONFTERM

RunCli = Callable[..., "subprocess.CompletedProcess[str]"]


def test_the_app_on_a_pipe_is_a_usage_error_of_one_line(run_cli: RunCli) -> None:
    result = run_cli()  # stdin /dev/null, stdout and stderr pipes
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("confterm: error: the app needs a terminal")
    assert "confterm list" in lines[0]
    assert "\x1b" not in result.stderr
    assert "Traceback" not in result.stderr


def test_the_app_typed_at_a_terminal_with_stdout_to_a_file_writes_nothing_there(
    tmp_path: Path,
) -> None:
    # `confterm > out.txt` at a shell prompt: the keys come from a terminal, the screen would not.
    leader, follower = pty.openpty()
    out = tmp_path / "out.txt"
    try:
        with out.open("w") as stdout:
            result = subprocess.run(
                [str(CONFTERM), "--conference", "mlsys2025"],
                stdin=follower,
                stdout=stdout,
                stderr=subprocess.PIPE,
                text=True,
                timeout=60,
                check=False,
            )
    finally:
        os.close(follower)
        os.close(leader)
    assert result.returncode == 2
    assert out.read_text() == ""
    assert result.stderr.startswith("confterm: error: the app needs a terminal")


def test_the_app_with_a_closed_stdin_ends_at_once() -> None:
    # A closed stdin (a service, or `confterm <&-`) must not leave a process running.
    result = subprocess.run(
        ["sh", "-c", f"exec '{CONFTERM}' <&-"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert "needs a terminal" in result.stderr
