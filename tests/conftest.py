"""Shared fixtures: a small conference, and user data isolated from the developer's own."""

from __future__ import annotations

from pathlib import Path

import pytest

from confterm.model.loading import load_program_file
from confterm.model.program import Program

TESTS_DIR = Path(__file__).parent
TEST_DATA = TESTS_DIR / "data"
TINYCONF = TEST_DATA / "tinyconf.json"


@pytest.fixture(autouse=True)
def isolated_user_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point every user-data path at a temporary directory; drop clock and colour overrides."""
    data_dir = tmp_path / "user-data"
    monkeypatch.setenv("CONFTERM_DATA_DIR", str(data_dir))
    monkeypatch.delenv("CONFTERM_NOW", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    return data_dir


@pytest.fixture
def tinyconf_path() -> Path:
    """Path of the small hand-written fixture conference."""
    return TINYCONF


@pytest.fixture
def tinyconf() -> Program:
    """The small hand-written fixture conference, loaded."""
    return load_program_file(TINYCONF)
