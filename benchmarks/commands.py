"""Whole-process commands, each beside a parse floor: what a script pays per call.

* ``parse_floor``: wall time of a Python process that only reads the dataset's program file
  and ``json.loads`` it: the least any command reading that program can cost.
* ``list_json``: ``confterm list --json --data FILE`` (every session, as JSON).
* ``agenda_<format>``: ``confterm agenda --all --format FORMAT --data FILE`` for text,
  markdown, html, ics and json (the whole program as an agenda).
* ``<name>_ratio``: each command's median over the parse floor's (medians of one run).

Output goes to /dev/null. The program is validated and cached by a first, unmeasured run (as
it is from a user's second command on); programs over the cache's size limit are validated on
every run, which is part of what these rows show. The floor and the commands are interleaved
run by run, so a busy moment of the machine weighs on both.
"""

from __future__ import annotations

import sys
from pathlib import Path

from benchmarks.measure import median, wall_time
from benchmarks.runner import Dataset, child_env

AGENDA_FORMATS = ("text", "markdown", "html", "ics", "json")
PARSE_FLOOR = "import json, sys\nwith open(sys.argv[1], 'rb') as f:\n    json.loads(f.read())\n"
TIMEOUT = 300


def _confterm() -> list[str]:
    script = Path(sys.executable).with_name("confterm")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "confterm"]


def commands(dataset: Dataset) -> dict[str, list[str]]:
    """Each measured command line, by result key (the parse floor first)."""
    data = ["--data", str(dataset.json_path)]
    confterm = _confterm()
    found = {
        "parse_floor": [sys.executable, "-c", PARSE_FLOOR, str(dataset.json_path)],
        "list_json": [*confterm, "list", "--json", *data],
    }
    for fmt in AGENDA_FORMATS:
        found[f"agenda_{fmt}"] = [*confterm, "agenda", "--all", "--format", fmt, *data]
    return found


def measure_commands(dataset: Dataset, runs: int) -> None:
    """Time every command ``runs`` times, interleaved; record medians and ratios."""
    env = child_env(dataset)
    lines = commands(dataset)
    for args in lines.values():
        # Validates and caches the program, writes bytecode: not measured.
        wall_time(args, env, timeout=TIMEOUT)
    times: dict[str, list[float]] = {key: [] for key in lines}
    for _ in range(runs):
        for key, args in lines.items():
            times[key].append(wall_time(args, env, timeout=TIMEOUT))
    res = dataset.results
    floor = median(times["parse_floor"])
    res["parse_floor"] = floor
    for key, values in times.items():
        if key != "parse_floor":
            res[key] = median(values)
            res[f"{key}_ratio"] = res[key] / floor if floor else None
