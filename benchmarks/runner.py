"""Collecting the measurements: one :class:`Dataset` per program size, timed several times.

What each measure is, exactly (all medians over ``runs``):

* ``load``: :func:`confterm.model.loading.load_program_file` on the confterm JSON file
  (read, parse, pydantic validation, semantic checks), in the runner's process.
* ``load_cached``: the same for a program validated before, rebuilt from the cache without
  pydantic (:mod:`confterm.model.cache`); none above the size that is cached.
* ``load_first``: the load of a program seen for the first time with a cache folder (as the
  app's and every command's first start on a new or changed file): validate, then write the
  cache; each run with an empty folder. None above the size that is cached.
* ``import``: :func:`confterm.sources.import_bytes` on the frab XML bytes (detect, parse,
  convert, validate), in the runner's process. The bytes are read directly: ``confterm import``
  refuses files over its 20 MiB download limit, which a 50,000-session frab XML exceeds.
* ``floor`` / ``paint``: wall time from spawning a fresh interpreter to its first rendered
  frame, for a bare one-line Textual app and for ``confterm --data FILE`` (see
  :mod:`benchmarks.child`); ``ratio`` is paint / floor (medians).
* ``rss_paint``: peak resident memory of the ``paint`` process.
* ``floor_cpu`` / ``paint_cpu``: CPU time of those processes at their first paint, as they
  report it (less sensitive than wall time to other work on the machine).
* the interactions (``search``, ``day``, ``toggle``, ``agenda``) and ``rss_interact``: see
  :mod:`benchmarks.interactions`; they run in one fresh app process per size.
* ``q_domain`` / ``agenda_domain`` / ``toggle_domain``: the domain calls under those
  interactions, in the runner's process, to tell the app's own cost from the model's.
* ``parse_floor``, ``list_json``, ``agenda_<format>`` and their ratios: whole ``confterm``
  processes, see :mod:`benchmarks.commands`.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from benchmarks.generate import frab_xml, generate, write_confterm_json
from benchmarks.measure import ChildRun, median, run_child, time_calls

AGENDA_BOOKMARKS = 500  # bookmarked before the app starts (every session of a smaller program)
SEARCH_WORD = "diffusion"


@dataclass
class Dataset:
    """One program to measure, written to disk in both formats."""

    label: str
    sessions: int
    json_path: Path
    xml_path: Path
    conference_id: str
    now: str  # CONFTERM_NOW: mid-morning of the conference's second day
    data_dir: Path
    results: dict[str, Any] = field(default_factory=dict)

    @property
    def cache_dir(self) -> Path:
        """Where the measured processes cache the validated program."""
        return self.data_dir.with_name(f"{self.data_dir.name}-cache")


def prepare(size: str, workdir: Path) -> Dataset:
    """Write the program for ``size`` ("bundled" or a session count) and its frab XML."""
    if size == "bundled":
        from confterm import paths
        from confterm.store.catalog import DEFAULT_CONFERENCE

        source = paths.bundled_file(f"{DEFAULT_CONFERENCE}.json")
        program = json.loads(source.read_text(encoding="utf-8"))
        json_path = workdir / f"{DEFAULT_CONFERENCE}.json"
        shutil.copyfile(source, json_path)
        label = "bundled"
    else:
        program = generate(int(size))
        json_path = write_confterm_json(program, workdir / f"synth-{size}.json")
        label = f"{int(size):,}"
    xml_path = workdir / f"{json_path.stem}.xml"
    xml_path.write_text(frab_xml(program), encoding="utf-8")
    conference = program["conference"]
    first, last = (
        date.fromisoformat(conference["start_date"]),
        date.fromisoformat(conference["end_date"]),
    )
    day = first + timedelta(days=min(1, max(0, (last - first).days)))
    now = datetime.combine(day, time(10, 30), ZoneInfo(conference["timezone"]))
    data_dir = workdir / f"{json_path.stem}-data"
    dataset = Dataset(
        label,
        len(program["sessions"]),
        json_path,
        xml_path,
        conference["id"],
        now.isoformat(),
        data_dir,
    )
    _seed_bookmarks(dataset, [s["id"] for s in program["sessions"]])
    return dataset


def _seed_bookmarks(dataset: Dataset, session_ids: list[str]) -> None:
    """Bookmark 500 sessions spread over the program (or all of a smaller one), so "my
    agenda" has a heavy user's bookmarks to show."""
    from confterm.store.bookmarks import BookmarkStore, ItemKind

    step = max(1, len(session_ids) // AGENDA_BOOKMARKS)
    chosen = session_ids[::step][:AGENDA_BOOKMARKS]
    with BookmarkStore.open(dataset.data_dir) as store:
        store.add_items(dataset.conference_id, [(ItemKind.SESSION, i) for i in chosen])


def child_env(dataset: Dataset | None) -> dict[str, str]:
    """The environment of a measured process: the dataset's data dir and clock."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TEXTUAL", "CONFTERM"))}
    # An installed confterm runs from compiled bytecode: let the warm-up run write it.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if dataset is not None:
        env["CONFTERM_DATA_DIR"] = str(dataset.data_dir)
        # The warm-up run validates the program and caches it, as a first start does.
        env["CONFTERM_CACHE_DIR"] = str(dataset.cache_dir)
        # No settings file of the user's (none at all: the status line's rows add one).
        env["CONFTERM_CONFIG_DIR"] = str(
            dataset.data_dir.with_name(f"{dataset.data_dir.name}-config")
        )
        env["CONFTERM_NOW"] = dataset.now
    return env


def measure_floor(runs: int) -> list[ChildRun]:
    """``runs`` first paints of the bare Textual app."""
    return [run_child(["floor"], child_env(None)) for _ in range(runs)]


def measure_in_process(dataset: Dataset, runs: int) -> None:
    """Load, import and the domain calls, in this process."""
    from confterm.model.loading import load_program_file

    res = dataset.results
    res["load"] = median(time_calls(lambda: load_program_file(dataset.json_path), runs))
    res["load_cached"] = _cached_load(dataset, runs)
    res["load_first"] = _first_load(dataset, runs)
    program = load_program_file(dataset.json_path)
    res["import"] = _median_or_none(lambda: _import(dataset), runs)
    res.update(_domain(dataset, program, runs))


def _cached_load(dataset: Dataset, runs: int) -> float | None:
    """The load of a program validated before (None: too large to be cached)."""
    from confterm.model.cache import MAX_CACHED_BYTES
    from confterm.model.loading import load_program_file

    if dataset.json_path.stat().st_size > MAX_CACHED_BYTES:
        return None
    cache_dir = dataset.cache_dir.with_name(f"{dataset.cache_dir.name}-in-process")
    load_program_file(dataset.json_path, cache_dir=cache_dir)
    return median(
        time_calls(lambda: load_program_file(dataset.json_path, cache_dir=cache_dir), runs)
    )


def _first_load(dataset: Dataset, runs: int) -> float | None:
    """The load of a program not validated before, which then writes its cache (None: too
    large to be cached)."""
    from confterm.model.cache import MAX_CACHED_BYTES
    from confterm.model.loading import load_program_file

    if dataset.json_path.stat().st_size > MAX_CACHED_BYTES:
        return None
    base = dataset.cache_dir.with_name(f"{dataset.cache_dir.name}-first")
    folders = iter(base / str(n) for n in range(runs))  # an empty folder for each run
    times = time_calls(lambda: load_program_file(dataset.json_path, cache_dir=next(folders)), runs)
    shutil.rmtree(base, ignore_errors=True)
    return median(times)


def _median_or_none(call: Callable[[], Any], runs: int) -> float | None:
    try:
        return median(time_calls(call, runs))
    except ImportError:
        return None


def _import(dataset: Dataset) -> None:
    from confterm.sources import import_bytes

    raw = dataset.xml_path.read_bytes()
    import_bytes(raw, str(dataset.xml_path), conference_id=dataset.conference_id, tz=None)


def _domain(dataset: Dataset, program: Any, runs: int) -> dict[str, float | None]:
    """Median costs of the domain calls under one keystroke, toggle and agenda."""
    from confterm.queries.agenda import build_agenda
    from confterm.queries.index import ProgramIndex
    from confterm.queries.search import SearchIndex
    from confterm.store.bookmarks import BookmarkStore

    out: dict[str, float | None] = {}
    # A fresh program index each time: the search index's build includes putting every
    # session in time order, which a program's index does once.
    index_times = time_calls(lambda: SearchIndex(ProgramIndex(program)), runs)
    out["q_index"] = median(index_times)
    out["q_domain"] = median(
        [t for _ in range(runs) for t in _typing(SearchIndex(ProgramIndex(program)), SEARCH_WORD)]
    )
    index = ProgramIndex(program)  # the app's, kept from one agenda to the next
    with BookmarkStore.open(dataset.data_dir) as store:
        marks = store.bookmarks(dataset.conference_id)
        out["agenda_domain"] = median(time_calls(lambda: build_agenda(index, marks), runs))
        target = program.sessions[len(program.sessions) // 2].id
        # An even number of toggles leaves the seeded bookmarks as they were.
        toggles = time_calls(lambda: store.toggle(dataset.conference_id, target), 2 * runs)
        out["toggle_domain"] = median(toggles)
    return out


def _typing(index: Any, word: str) -> list[float]:
    """Seconds per query while typing ``word`` one letter at a time (each prefix searched)."""
    return [
        time_calls(lambda end=end: index.search(word[:end]), 1)[0]
        for end in range(1, len(word) + 1)
    ]


def measure_paint(dataset: Dataset) -> ChildRun:
    """One first paint of confterm on ``dataset``."""
    return run_child(["app", str(dataset.json_path)], child_env(dataset))


def measure_interactions(dataset: Dataset, runs: int) -> ChildRun:
    """One app process timing every interaction ``runs`` times (see benchmarks.interactions)."""
    return run_child(
        ["interact", str(dataset.json_path), str(runs)], child_env(dataset), marker="DONE"
    )


def record_paints(dataset: Dataset, paints: list[ChildRun], floors: list[ChildRun]) -> None:
    """Turn the first-paint child runs into results (None when the app did not start)."""
    res = dataset.results
    good = [p for p in paints if p.to_marker is not None and p.exit_code == 0]
    failed = [p for p in paints if p.to_marker is None and "NOAPP" not in p.lines]
    if failed:
        res["paint_error"] = (failed[0].stderr.strip().splitlines() or ["?"])[-1]
    floor = median([f.to_marker for f in floors if f.to_marker is not None])
    res["floor"] = floor
    res["paint"] = median([p.to_marker for p in good if p.to_marker is not None]) if good else None
    res["ratio"] = res["paint"] / floor if res["paint"] and floor else None
    res["rss_paint"] = median([p.max_rss_kib for p in good]) if good else None
    res["paint_cpu"] = (
        median([c for p in good if (c := _paint_cpu(p)) is not None]) if good else None
    )
    floor_cpu = [c for f in floors if (c := _paint_cpu(f)) is not None]
    res["floor_cpu"] = median(floor_cpu)


def _paint_cpu(run: ChildRun) -> float | None:
    """The CPU seconds the child reported at its first paint."""
    fields = (run.value("PAINTED") or "").split()
    return float(fields[1]) if len(fields) > 1 else None


def record_interactions(dataset: Dataset, run: ChildRun) -> None:
    """Turn the interaction child's ``TIMING`` lines into results."""
    res = dataset.results
    for line in run.lines:
        if line.startswith("TIMING "):
            _, name, *values = line.split()
            numbers = [float(v) for v in values]
            res[name] = median(numbers) if numbers else None
        elif line.startswith("UNAVAILABLE "):
            res[line.split()[1]] = None
    if run.to_marker is not None and run.exit_code == 0:
        res["rss_interact"] = run.max_rss_kib
    elif run.exit_code != 0 and "NOAPP" not in run.lines:
        res["interact_error"] = (run.stderr.strip().splitlines() or ["?"])[-1]
