"""The benchmark runner keeps working: a tiny program, one run, every row printed.

No timing is asserted; the numbers on a test machine mean nothing. What is checked is that the
runner exits cleanly, prints every row of the table and the machine line, and that the
generator's programs are valid confterm data and importable frab XML.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from confterm.model.loading import load_program_file
from confterm.sources import import_bytes

ROOT = Path(__file__).resolve().parents[1]
# benchmarks/ sits beside src/ and is not installed; `python -m benchmarks` runs from the root.
sys.path.insert(0, str(ROOT))

from benchmarks.__main__ import MEASURES  # noqa: E402
from benchmarks.generate import frab_xml, generate, shape, write_confterm_json  # noqa: E402


def test_generated_program_is_valid_and_deterministic(tmp_path: Path) -> None:
    first = generate(300)
    assert first == generate(300)
    program = load_program_file(write_confterm_json(first, tmp_path / "p.json"))
    counts = shape(300)
    assert len(program.sessions) == 300
    assert len(program.rooms) == counts["rooms"]
    assert len(program.conference.days) == counts["days"]
    timed = [s for s in program.sessions if s.is_timed]
    tba = [s for s in program.sessions if s.day is not None and not s.is_timed]
    assert timed, "the generator must produce timed sessions"
    assert tba, "the generator must produce 'time to be announced' sessions"
    assert program.papers
    assert program.booths


def test_generated_frab_xml_imports_every_timed_session() -> None:
    data = generate(200)
    result = import_bytes(frab_xml(data).encode(), "synth.xml", conference_id="synthconf", tz=None)
    timed = [s for s in data["sessions"] if "start" in s]
    assert len(result.program.sessions) == len(timed)
    titles = {s.title for s in result.program.sessions}
    assert titles == {s["title"] for s in timed}


def test_runner_prints_every_row_at_a_tiny_size(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CONFTERM")}
    out = tmp_path / "results.md"
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "benchmarks",
            "--sizes",
            "30",
            "--runs",
            "1",
            "--markdown",
            str(out),
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0].startswith("| measure")
    assert "| 30 " in lines[0]
    for measure in MEASURES:
        assert any(line.startswith(f"| {measure.label} ") for line in lines), measure.label
    # The load row holds a number, not "n/a": the model loader is always there.
    load_row = next(line for line in lines if line.startswith("| load + validate"))
    assert " ms " in load_row
    # So do the loads through the cache: the first (validate, write it) and the next.
    for label in ("| load, first time", "| load, validated before"):
        assert " ms " in next(line for line in lines if line.startswith(label)), label
    # The app starts headless in the runner's children: its rows hold numbers too.
    for label in ("| first paint: confterm app ", "| day switch (app) ", "| grid open (app) "):
        assert " ms " in next(line for line in lines if line.startswith(label)), label
    assert "Machine: " in proc.stdout
    assert "cores" in proc.stdout
    assert out.read_text(encoding="utf-8") == proc.stdout


@pytest.mark.parametrize("size", ["0", "lots"])
def test_runner_rejects_bad_sizes(size: str) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--sizes", size, "--runs", "1"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 2
    assert "bad size" in proc.stderr


def test_json_output_has_every_size(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--sizes", "bundled,20", "--runs", "1", "--json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    raw = json.loads(proc.stdout)
    assert set(raw["results"]) == {"bundled", "20"}
    assert raw["results"]["20"]["sessions"] == 20
    assert raw["results"]["bundled"]["load"] > 0


def test_a_timed_process_is_waited_for_and_its_failure_reported() -> None:
    from benchmarks.measure import wall_time

    env = dict(os.environ)
    assert wall_time([sys.executable, "-c", "pass"], env) > 0
    with pytest.raises(subprocess.CalledProcessError):
        wall_time([sys.executable, "-c", "raise SystemExit(3)"], env)
    # A process that outlives its time is killed, and that is a failure too.
    with pytest.raises(subprocess.CalledProcessError):
        wall_time([sys.executable, "-c", "import time; time.sleep(60)"], env, timeout=0.5)
