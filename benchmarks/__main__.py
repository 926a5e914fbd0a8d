"""The benchmark runner: ``uv run python -m benchmarks [--sizes bundled,5000,50000] [--runs 5]``.

Generates the synthetic programs in a temporary directory, measures each size (see
:mod:`benchmarks.runner`, :mod:`benchmarks.interactions` and :mod:`benchmarks.commands` for
what each row means exactly) and prints a Markdown table of medians with the targets, plus the
machine it ran on. With the bundled program and a larger size measured, one more column gives
each time at the largest size over the same time on the bundled program. ``--json`` prints the
raw numbers instead; ``--markdown FILE`` also writes the table (with how it was run) to FILE.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.commands import AGENDA_FORMATS, measure_commands
from benchmarks.measure import (
    NOT_AVAILABLE,
    fmt_ms,
    fmt_ratio,
    machine_line,
    markdown_table,
    source_line,
)
from benchmarks.runner import (
    Dataset,
    measure_floor,
    measure_in_process,
    measure_interactions,
    measure_paint,
    prepare,
    record_interactions,
    record_paints,
)
from benchmarks.status_line import measure_now

DEFAULT_SIZES = "bundled,5000,50000"


@dataclass(frozen=True)
class Measure:
    """One row of the table: how to show it, and the target it must meet, if any."""

    key: str
    label: str
    show: Callable[[float | None], str]
    target: str = "—"
    target_size: str | None = None  # the column the target applies to
    meets: Callable[[float], bool] | None = None
    # At most this many times the bundled program's value, at ``target_size``.
    vs_bundled: float | None = None


#: Issue 16: each whole-program export at most 3x a process that only parses the program.
EXPORT_TARGET = "≤ 3x at 50,000"


def _cached_ms(seconds: float | None) -> str:
    return "not cached (too large)" if seconds is None else fmt_ms(seconds)


def _mb(kib: float | None) -> str:
    return NOT_AVAILABLE if kib is None else f"{kib * 1024 / 1e6:,.0f} MB"


MEASURES = (
    Measure("load", "load + validate (confterm JSON)", fmt_ms),
    Measure("load_cached", "load, validated before (cache)", _cached_ms),
    Measure("load_first", "load, first time (validate, write the cache)", _cached_ms),
    Measure("import", "import (frab XML)", fmt_ms),
    Measure("floor", "first paint: bare Textual app (floor)", fmt_ms),
    Measure(
        "paint",
        "first paint: confterm app",
        fmt_ms,
        "< 1.0 s at 50,000",
        "50000",
        lambda v: v < 1.0,
    ),
    Measure("floor_cpu", "first paint, CPU time: floor", fmt_ms),
    Measure("paint_cpu", "first paint, CPU time: confterm app", fmt_ms),
    Measure(
        "ratio",
        "first paint: app / floor",
        fmt_ratio,
        "≤ 1.5x bundled",
        "bundled",
        lambda v: v <= 1.5,
    ),
    Measure("noop", "unbound key (measurement floor, app)", fmt_ms),
    Measure("search_open", "open search, first time (app)", fmt_ms),
    Measure(
        "search_ready",
        "search index ready, first time (app)",
        fmt_ms,
        "< 100 ms and ≤ 3x bundled at 50,000",
        "50000",
        lambda v: v < 0.100,
        3.0,
    ),
    Measure("search_first", "search: first keystroke (app)", fmt_ms),
    Measure(
        "search",
        "search keystroke (app)",
        fmt_ms,
        "< 30 ms at 50,000",
        "50000",
        lambda v: v < 0.030,
    ),
    Measure("day", "day switch (app)", fmt_ms, "< 50 ms at 50,000", "50000", lambda v: v < 0.050),
    Measure(
        "toggle", "bookmark toggle (app)", fmt_ms, "< 20 ms at 50,000", "50000", lambda v: v < 0.020
    ),
    *(
        Measure(
            key,
            label,
            fmt_ms,
            "< 100 ms and ≤ 3x bundled at 50,000",
            "50000",
            lambda v: v < 0.100,
            3.0,
        )
        for key, label in (
            ("agenda", "my agenda, 500 bookmarks (app)"),
            ("grid", "grid open (app)"),
            ("grid_day", "next day in the grid (app)"),
            ("now_next", "now & next (app)"),
            ("now_next_full", "now & next, every row in (app)"),
            ("speaker", "speaker view (app)"),
            ("filters", "filters dialog (app)"),
        )
    ),
    Measure(
        "rss_paint",
        "peak memory: app at first paint",
        _mb,
        "< 300 MB at 50,000",
        "50000",
        lambda v: v * 1024 < 300e6,
    ),
    Measure(
        "rss_interact",
        "peak memory: app after the interactions",
        _mb,
        "< 300 MB at 50,000",
        "50000",
        lambda v: v * 1024 < 300e6,
    ),
    Measure("py_floor", "process: python -c pass (floor)", fmt_ms),
    Measure("now_cmd", "process: confterm now (status line)", fmt_ms),
    Measure("now_ratio", "process: confterm now / python -c pass", fmt_ratio),
    Measure("sqlite_floor", "process: python -c 'import sqlite3'", fmt_ms),
    Measure("now_settings", "process: confterm now, with a settings file", fmt_ms),
    Measure("parse_floor", "process: json.loads of the program (parse floor)", fmt_ms),
    Measure("list_json", "process: list --json", fmt_ms),
    Measure(
        "list_json_ratio",
        "process: list --json / parse floor",
        fmt_ratio,
        EXPORT_TARGET,
        "50000",
        lambda v: v <= 3.0,
    ),
    *(
        measure
        for fmt in AGENDA_FORMATS
        for measure in (
            Measure(f"agenda_{fmt}", f"process: agenda --all --format {fmt}", fmt_ms),
            Measure(
                f"agenda_{fmt}_ratio",
                f"process: agenda --all --format {fmt} / parse floor",
                fmt_ratio,
                EXPORT_TARGET,
                "50000",
                lambda v: v <= 3.0,
            ),
        )
    ),
    Measure("q_index", "domain: build the search index", fmt_ms),
    Measure("q_domain", "domain: one search query", fmt_ms),
    Measure("agenda_domain", "domain: build_agenda", fmt_ms),
    Measure("toggle_domain", "domain: store toggle (SQLite commit)", fmt_ms),
)


def _sizes(text: str) -> list[str]:
    sizes = []
    for part in text.split(","):
        part = part.strip().replace("_", "")
        if part == "bundled" or (part.isdigit() and int(part) > 0):
            sizes.append(part)
        else:
            raise argparse.ArgumentTypeError(f"bad size {part!r}: 'bundled' or a session count")
    return sizes


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--sizes", type=_sizes, default=_sizes(DEFAULT_SIZES))
    parser.add_argument("--runs", type=int, default=5, help="runs per measure (median shown)")
    parser.add_argument("--json", action="store_true", help="print raw numbers as JSON")
    parser.add_argument("--markdown", type=Path, metavar="FILE", help="also write the table here")
    return parser


def collect(
    sizes: Sequence[str], runs: int, workdir: Path, log: Callable[[str], None]
) -> list[Dataset]:
    """Measure every size; first paints of floor and app are interleaved run by run."""
    datasets = []
    for size in sizes:
        log(f"generating {size}...")
        datasets.append(prepare(size, workdir))
    for dataset in datasets:
        log(f"{dataset.label}: load, import, domain...")
        measure_in_process(dataset, runs)
    log("warm-up (bytecode and file caches, not measured)...")
    measure_floor(1)
    for dataset in datasets:
        measure_paint(dataset)
    floors = []
    paints: dict[str, list[Any]] = {d.label: [] for d in datasets}
    for run in range(runs):
        log(f"first paint, run {run + 1}/{runs}...")
        floors.extend(measure_floor(1))
        for dataset in datasets:
            paints[dataset.label].append(measure_paint(dataset))
    for dataset in datasets:
        record_paints(dataset, paints[dataset.label], floors)
        log(f"{dataset.label}: interactions...")
        record_interactions(dataset, measure_interactions(dataset, runs))
        log(f"{dataset.label}: confterm now...")
        measure_now(dataset, runs)
        log(f"{dataset.label}: list and agenda commands...")
        measure_commands(dataset, runs)
    return datasets


def _column(dataset: Dataset) -> str:
    return f"bundled ({dataset.sessions})" if dataset.label == "bundled" else dataset.label


def table(datasets: Sequence[Dataset]) -> str:
    """The results as a Markdown table: measure | each size | [largest / bundled] | target |
    met?."""
    header = ["measure", *(_column(d) for d in datasets)]
    bundled, largest = _bundled_and_largest(datasets)
    if bundled is not None and largest is not None:
        header.append(f"{largest.label} / bundled")
    header += ["target", "met?"]
    rows = []
    for measure in MEASURES:
        cells = [measure.show(d.results.get(measure.key)) for d in datasets]
        if bundled is not None and largest is not None:
            ratio = _ratio_to_bundled(measure, bundled, largest)
            cells.append("—" if ratio is None else fmt_ratio(ratio))
        rows.append([measure.label, *cells, measure.target, _verdict(measure, datasets)])
    return markdown_table(header, rows)


def _bundled_and_largest(datasets: Sequence[Dataset]) -> tuple[Dataset | None, Dataset | None]:
    bundled = next((d for d in datasets if d.label == "bundled"), None)
    others = [d for d in datasets if d.label != "bundled"]
    return bundled, max(others, key=lambda d: d.sessions, default=None)


def _ratio_to_bundled(measure: Measure, bundled: Dataset, other: Dataset) -> float | None:
    """``other``'s value over the bundled program's, for rows that are times."""
    if measure.show is not fmt_ms:
        return None
    base, value = bundled.results.get(measure.key), other.results.get(measure.key)
    return value / base if base and value is not None else None


def _verdict(measure: Measure, datasets: Sequence[Dataset]) -> str:
    if measure.meets is None:
        return "—"
    wanted = "bundled" if measure.target_size == "bundled" else f"{int(measure.target_size or 0):,}"
    bundled = next((d for d in datasets if d.label == "bundled"), None)
    for dataset in datasets:
        if dataset.label == wanted:
            value = dataset.results.get(measure.key)
            if value is None:
                return NOT_AVAILABLE
            met = measure.meets(value)
            if measure.vs_bundled is not None:
                if bundled is None:
                    return ("yes" if met else "**NO**") + " (bundled not run)"
                ratio = _ratio_to_bundled(measure, bundled, dataset)
                met = met and ratio is not None and ratio <= measure.vs_bundled
            return "yes" if met else "**NO**"
    return "not run"


def report(datasets: Sequence[Dataset], runs: int, command: str) -> str:
    """The table with the machine line and how it was produced."""
    notes = [
        f"Medians of {runs} run(s) each, {source_line()}. Machine: {machine_line()}.",
        f"Command: `{command}`. Program sizes in sessions; what each row measures is "
        "described in `benchmarks/runner.py`, `benchmarks/interactions.py` and "
        "`benchmarks/commands.py`.",
    ]
    errors = [
        f"- {d.label}: {key}: {d.results[key]}"
        for d in datasets
        for key in ("paint_error", "interact_error")
        if key in d.results
    ]
    text = table(datasets) + "\n\n" + "\n".join(notes)
    if errors:
        text += "\n\nErrors:\n" + "\n".join(errors)
    return text + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmarks and print the table (or JSON)."""
    args = _parser().parse_args(argv)
    runs = max(1, args.runs)
    started = time.perf_counter()

    def log(message: str) -> None:
        print(f"[{time.perf_counter() - started:6.1f}s] {message}", file=sys.stderr, flush=True)

    with tempfile.TemporaryDirectory(prefix="confterm-bench-") as tmp:
        datasets = collect(args.sizes, runs, Path(tmp), log)
    command = "uv run python -m benchmarks " + " ".join(sys.argv[1:] if argv is None else argv)
    text = report(datasets, runs, command.strip())
    if args.markdown:
        args.markdown.write_text(text, encoding="utf-8")
    if args.json:
        raw = {
            "machine": machine_line(),
            "runs": runs,
            "results": {d.label: {"sessions": d.sessions, **d.results} for d in datasets},
        }
        print(json.dumps(raw, indent=2))
    else:
        print(text, end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
