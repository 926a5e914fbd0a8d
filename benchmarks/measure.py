"""Helpers of the benchmark runner: timing, child processes, the machine line, the table.

Whole-process measures run a fresh interpreter (:mod:`benchmarks.child`) and are timed by the
parent, from just before the process is spawned to the moment the child prints its marker line
(``PAINTED``) after the first frame has been rendered. The child reports its own peak resident
memory (``VmHWM``) as it exits; ``os.wait4`` on that one child is the fallback.
"""

from __future__ import annotations

import os
import platform
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CHILD = Path(__file__).with_name("child.py")
NOT_AVAILABLE = "n/a (not available)"


@dataclass
class ChildRun:
    """One finished child process."""

    to_marker: float | None  # seconds from spawn to the marker line; None: never printed
    wall: float  # seconds from spawn to exit
    max_rss_kib: int  # peak resident set size of that child
    exit_code: int
    lines: list[str] = field(default_factory=list)
    stderr: str = ""

    def value(self, key: str) -> str | None:
        """The text after ``KEY `` on the first line starting with it, if any."""
        prefix = f"{key} "
        for line in self.lines:
            if line.startswith(prefix):
                return line[len(prefix) :].strip()
        return None


def run_child(
    args: Sequence[str],
    env: Mapping[str, str],
    *,
    marker: str = "PAINTED",
    timeout: float = 300.0,
) -> ChildRun:
    """Run ``python benchmarks/child.py ARGS`` and time it (see the module docstring)."""
    with tempfile.TemporaryFile(mode="w+") as errors:
        start = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, str(CHILD), *args],
            stdout=subprocess.PIPE,
            stderr=errors,
            stdin=subprocess.DEVNULL,
            env=dict(env),
            text=True,
        )
        watchdog = threading.Timer(timeout, proc.kill)
        watchdog.start()
        to_marker: float | None = None
        lines: list[str] = []
        try:
            assert proc.stdout is not None
            for line in proc.stdout:
                if to_marker is None and line.startswith(marker):
                    to_marker = time.perf_counter() - start
                lines.append(line.rstrip("\n"))
            # wait4 rather than Popen.wait: it also returns this child's own rusage.
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            watchdog.cancel()
        wall = time.perf_counter() - start
        code = os.waitstatus_to_exitcode(status)
        proc.returncode = code  # already reaped; keep Popen from waiting again
        errors.seek(0)
        run = ChildRun(to_marker, wall, 0, code, lines, errors.read())
        reported = run.value("PEAK_RSS_KIB")
        # ru_maxrss is in KiB on Linux (bytes on macOS); it may include the parent's pages
        # touched between fork and exec, so the child's own report is preferred.
        rss = usage.ru_maxrss // 1024 if sys.platform == "darwin" else usage.ru_maxrss
        run.max_rss_kib = int(reported) if reported and reported.isdigit() else rss
        return run


def wall_time(args: Sequence[str], env: Mapping[str, str], *, timeout: float = 300.0) -> float:
    """Seconds from spawning the command ``args`` (output discarded) to its exit.

    The wait blocks until the exit (a watchdog kills it after ``timeout``):
    ``subprocess.run(timeout=...)`` polls instead, sleeping 0.5, 1, 2... then 50 ms between
    looks, which rounded every time up to the next look (15.5, 31.5, 63.5, 113.5 ms...).

    Raises:
        subprocess.CalledProcessError: the command failed (or was killed).
    """
    start = time.perf_counter()
    proc = subprocess.Popen(
        list(args),
        env=dict(env),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    watchdog = threading.Timer(timeout, proc.kill)
    watchdog.start()
    try:
        code = proc.wait()
    finally:
        watchdog.cancel()
    elapsed = time.perf_counter() - start
    if code != 0:
        raise subprocess.CalledProcessError(code, list(args))
    return elapsed


def time_calls(call: Callable[[], Any], runs: int) -> list[float]:
    """Wall times in seconds of ``runs`` calls of ``call``."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return times


def median(values: Sequence[float]) -> float | None:
    """The median, or None for no values."""
    return statistics.median(values) if values else None


def machine_line() -> str:
    """CPU model, cores, OS, Python and Textual versions, for the results table."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        from importlib.metadata import version

        textual = version("textual")
        pydantic = version("pydantic")
    except Exception:  # a missing distribution must not stop the report
        textual = pydantic = "?"
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    memory = ""
    try:
        pages = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
        memory = f", {pages / 2**30:.0f} GiB RAM"
    except (ValueError, OSError, AttributeError):
        pass
    return (
        f"{cpu}, {cores} cores{memory}, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}, textual {textual}, pydantic {pydantic}"
    )


def source_line() -> str:
    """Which confterm was measured: the git commit of this checkout, marked when modified."""
    try:
        proc = subprocess.run(
            ["git", "describe", "--always", "--dirty", "--abbrev=10"],
            cwd=Path(__file__).resolve().parent,
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return "confterm (not a git checkout)"
    described = proc.stdout.strip()
    return f"confterm at commit {described}" if described else "confterm (not a git checkout)"


def fmt_ms(seconds: float | None) -> str:
    """Seconds as milliseconds for the table."""
    if seconds is None:
        return NOT_AVAILABLE
    return f"{seconds * 1000:,.1f} ms" if seconds < 0.1 else f"{seconds * 1000:,.0f} ms"


def fmt_mib(kib: float | None) -> str:
    """KiB as MiB for the table."""
    return NOT_AVAILABLE if kib is None else f"{kib / 1024:,.0f} MiB"


def fmt_ratio(ratio: float | None) -> str:
    """A ratio like ``1.23x``."""
    return NOT_AVAILABLE if ratio is None else f"{ratio:.2f}x"


def markdown_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A Markdown table, padded so it also reads well as plain text."""
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]

    def line(cells: Sequence[str]) -> str:
        return "| " + " | ".join(str(c).ljust(w) for c, w in zip(cells, widths, strict=True)) + " |"

    rule = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    return "\n".join([line(header), rule, *(line(r) for r in rows)])
