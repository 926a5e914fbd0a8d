"""Whole-program exports as a user runs them, against a process that only parses the program.

* ``parse_floor``: wall time of a fresh ``python`` that only ``json.load``\\ s the program file
  (the least any export of it can cost).
* ``ics_cmd``, ``html_cmd``, ``markdown_cmd``, ``json_cmd``: ``confterm agenda --all --data
  FILE -o OUT.ext`` (the format from the extension), the program already validated and cached;
  ``list_json_cmd``: ``confterm list --json --data FILE`` to /dev/null.
* ``*_ratio``: each over ``parse_floor`` (medians); the target is at most 3x at 50,000
  sessions. Floor and commands are interleaved run by run.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.measure import median
from benchmarks.runner import Dataset, child_env

#: Result key, and the extension of the file written (None: ``list --json`` to stdout).
EXPORTS = (
    ("ics", "ics"),
    ("html", "html"),
    ("markdown", "md"),
    ("json", "json"),
    ("list_json", None),
)
_PARSE = "import json, sys\nwith open(sys.argv[1], 'rb') as f: json.load(f)"


def _confterm() -> list[str]:
    script = Path(sys.executable).with_name("confterm")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "confterm"]


def _wall(args: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(args, env=env, stdout=subprocess.DEVNULL, check=True, timeout=600)
    return time.perf_counter() - started


def commands(dataset: Dataset, out: Path) -> dict[str, list[str]]:
    """The measured command lines, by result key."""
    data = ["--data", str(dataset.json_path)]
    found = {}
    for key, extension in EXPORTS:
        if extension is None:
            found[key] = [*_confterm(), "list", "--json", *data]
        else:
            target = out / f"all.{extension}"
            found[key] = [*_confterm(), "agenda", "--all", *data, "-o", str(target)]
    return found


def measure_exports(dataset: Dataset, runs: int) -> None:
    """Time each export and the parse floor, interleaved; record the medians and ratios."""
    env = child_env(dataset)
    floor = [sys.executable, "-c", _PARSE, str(dataset.json_path)]
    with tempfile.TemporaryDirectory(prefix="confterm-exports-") as folder:
        lines = commands(dataset, Path(folder))
        for line in lines.values():  # validates and caches the program, writes bytecode
            _wall(line, env)
        floors: list[float] = []
        times: dict[str, list[float]] = {key: [] for key in lines}
        for _ in range(runs):
            floors.append(_wall(floor, env))
            for key, line in lines.items():
                times[key].append(_wall(line, env))
    res = dataset.results
    res["parse_floor"] = median(floors)
    for key, values in times.items():
        res[f"{key}_cmd"] = median(values)
        res[f"{key}_ratio"] = res[f"{key}_cmd"] / res["parse_floor"] if floors else None
