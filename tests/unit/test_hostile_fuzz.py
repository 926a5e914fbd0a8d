"""Mutated real files through every reader and through ``validate``: the only outcomes allowed
are a program or confterm's own error (never a traceback, never an unclean message).

The mutations are those of ``scripts/fuzz_readers.py`` (which runs thousands of them outside
the suite); here hypothesis draws a bounded number, from the small real files, so CI stays fast.
"""

from __future__ import annotations

import importlib.util
import random
import subprocess
import sys
from pathlib import Path
from types import ModuleType

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

REPO_ROOT = Path(__file__).resolve().parents[2]
SCRIPT = REPO_ROOT / "scripts" / "fuzz_readers.py"


def _load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("fuzz_readers", SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


FUZZ = _load_script()
# Small seeds keep each example fast; together they cover all four formats and confterm's own.
SEEDS = FUZZ.seed_files(max_bytes=100_000)
CONTENTS = {path: path.read_bytes() for path in SEEDS}


def test_the_seeds_cover_every_format() -> None:
    suffixes = {path.suffix for path in SEEDS}
    assert {".xml", ".json", ".ics"} <= suffixes
    names = " ".join(path.name for path in SEEDS)
    for reader in ("frab", "sessionize", "ical", "pretalx", "tinyconf"):
        assert reader in names


@settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    seed=st.sampled_from(SEEDS),
    salt=st.integers(min_value=0, max_value=2**32),
    rounds=st.integers(min_value=1, max_value=4),
)
def test_mutated_files_give_a_program_or_confterms_error(
    seed: Path, salt: int, rounds: int
) -> None:
    raw = FUZZ.mutate(CONTENTS[seed], random.Random(salt), rounds)  # noqa: S311
    # feed() lets any exception but confterm's own error escape, and checks error lines.
    assert FUZZ.feed(raw, seed.name) in ("program", "error")


def test_validate_on_mutated_files_prints_one_clean_error_or_valid(tmp_path: Path) -> None:
    confterm = Path(sys.executable).parent / "confterm"
    rng = random.Random(2026)  # noqa: S311
    for seed in SEEDS[::8]:
        path = tmp_path / seed.name
        path.write_bytes(FUZZ.mutate(CONTENTS[seed], rng))
        done = subprocess.run(
            [str(confterm), "validate", str(path)],
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
        assert done.returncode in (0, 1), done.stderr
        assert "Traceback" not in done.stderr
        if done.returncode == 1:
            assert done.stderr.startswith(f"confterm: error: {path}: ")
            assert all(line.isprintable() for line in done.stderr.splitlines())
