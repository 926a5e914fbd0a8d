"""The installed script ends a command's process at once (without freeing the program
object by object): everything the command wrote is still there, in full, and its exit code
and notices are the command's."""

from __future__ import annotations

import contextlib
import io
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from confterm.cli import main

RunCli = Callable[..., "subprocess.CompletedProcess[str]"]
TINYCONF = Path(__file__).resolve().parents[1] / "data" / "tinyconf.json"
CONFTERM = Path(sys.executable).parent / "confterm"


def _in_process(*args: str) -> tuple[int, str, str]:
    # Streams with a byte buffer under them, as the real ones (exports write bytes).
    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="")
    err = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="")
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    texts = []
    for stream in (out, err):
        stream.flush()
        buffer = stream.buffer
        assert isinstance(buffer, io.BytesIO)
        texts.append(buffer.getvalue().decode("utf-8").replace("\r\n", "\n"))
    return code, texts[0], texts[1]


@pytest.mark.parametrize(
    "args",
    [
        ("list", "--json", "--data", str(TINYCONF)),
        ("agenda", "--all", "--format", "text", "--data", str(TINYCONF)),
        ("agenda", "--all", "--format", "markdown", "--data", str(TINYCONF)),
        ("show", "--data", str(TINYCONF), "opening-keynote"),
        ("now", "--data", str(TINYCONF), "--now", "2026-03-07T09:40-05:00"),
        ("list", "--data", str(TINYCONF), "--day", "9"),  # bad usage: exit 2
        ("list", "--data", "/nonexistent/program.json"),  # bad data: exit 1
    ],
    ids=lambda args: " ".join(a for a in args if not a.startswith("/")),
)
def test_the_script_prints_and_exits_as_the_command_returns(
    run_cli: RunCli, args: tuple[str, ...]
) -> None:
    expected = _in_process(*args)
    done = run_cli(*args)
    assert (done.returncode, done.stdout, done.stderr) == expected
    assert expected[1] or expected[2]  # something to compare


@pytest.fixture
def big(tmp_path: Path) -> Path:
    """TinyConf with 4,000 more sessions: megabytes of output, far more than a pipe holds."""
    program = json.loads(TINYCONF.read_text(encoding="utf-8"))
    session = program["sessions"][0]
    program["sessions"] += [{**session, "id": f"extra-{n}"} for n in range(4_000)]
    path = tmp_path / "big.json"
    path.write_text(json.dumps(program), encoding="utf-8")
    return path


def test_a_large_output_reaches_a_slow_reader_whole(big: Path) -> None:
    """All of stdout is written before the process ends, to a pipe read a little at a time."""
    args = ("list", "--json", "--data", str(big))
    expected = _in_process(*args)[1]
    assert len(expected) > 1_000_000
    with subprocess.Popen([str(CONFTERM), *args], stdout=subprocess.PIPE) as process:
        assert process.stdout is not None
        chunks = []
        while chunk := process.stdout.read(4096):
            chunks.append(chunk)
    assert process.returncode == 0
    assert b"".join(chunks).decode("utf-8") == expected


def test_a_reader_that_goes_away_ends_it_quietly(big: Path) -> None:
    args = [str(CONFTERM), "list", "--json", "--data", str(big)]
    with subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as writer:
        assert writer.stdout is not None
        assert writer.stderr is not None
        first = writer.stdout.read(10)
        writer.stdout.close()  # the reader goes away (as `| head -c 10` does)
        errors = writer.stderr.read()
    assert len(first) == 10
    assert writer.returncode == 0
    assert b"Traceback" not in errors
