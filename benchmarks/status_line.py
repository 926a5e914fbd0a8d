"""``confterm now`` as a status line runs it: a whole process, against Python's own start.

* ``py_floor``: wall time of ``python -c pass`` (the same interpreter, site and all).
* ``now_cmd``: wall time of ``confterm now --data FILE`` on the dataset, its timeline already
  made (as it is from the second run of a status line on: the first loads the program and
  makes it, see :mod:`confterm.glance`), at the dataset's clock (mid-morning of its second
  day, so thousands of sessions are on or next at 50,000).
* ``now_ratio``: now_cmd / py_floor (medians).
* ``sqlite_floor``: wall time of ``python -c "import sqlite3"``: an answer read from SQLite
  (the timeline, the bookmarks) costs at least this.
* ``now_settings``: ``confterm now`` with a settings file (a saved theme), which it parses
  with tomllib for the conference and zone settings.

All are interleaved run by run.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from benchmarks.measure import median, wall_time
from benchmarks.runner import Dataset, child_env


def _confterm() -> list[str]:
    script = Path(sys.executable).with_name("confterm")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "confterm"]


def measure_now(dataset: Dataset, runs: int) -> None:
    """Time ``confterm now`` and ``python -c pass``, interleaved; record the medians."""
    env = child_env(dataset)
    now = [*_confterm(), "now", "--data", str(dataset.json_path)]
    floor = [sys.executable, "-c", "pass"]
    sqlite_floor = [sys.executable, "-c", "import sqlite3"]
    config = Path(env["CONFTERM_CONFIG_DIR"] + "-saved")
    config.mkdir(parents=True, exist_ok=True)
    (config / "settings.toml").write_text('theme = "textual-light"\n', encoding="utf-8")
    with_settings = {**env, "CONFTERM_CONFIG_DIR": str(config)}
    # Not measured: the first run validates the program and makes its timeline (and writes
    # bytecode); a program file written less than a moment before is not trusted yet, so the
    # timeline is kept from the run after that at the latest.
    wall_time(now, env)
    time.sleep(0.2)
    wall_time(now, env)
    wall_time(floor, env)
    wall_time(now, with_settings)
    floors: list[float] = []
    nows: list[float] = []
    sqlite_floors: list[float] = []
    with_settings_runs: list[float] = []
    for _ in range(runs):
        floors.append(wall_time(floor, env))
        nows.append(wall_time(now, env))
        sqlite_floors.append(wall_time(sqlite_floor, env))
        with_settings_runs.append(wall_time(now, with_settings))
    res = dataset.results
    res["py_floor"] = median(floors)
    res["now_cmd"] = median(nows)
    res["now_ratio"] = res["now_cmd"] / res["py_floor"] if res["py_floor"] else None
    res["sqlite_floor"] = median(sqlite_floors)
    res["now_settings"] = median(with_settings_runs)
