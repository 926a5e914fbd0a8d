"""The wheel: it carries the bundled data, and once installed it works outside the source tree."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import tarfile
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
# uv needs its own cache (and so the real HOME), which the autouse fixture hides from tests.
REAL_ENV = dict(os.environ)
UV = shutil.which("uv")

pytestmark = pytest.mark.skipif(UV is None, reason="uv is not on PATH")


def _run(
    args: list[str], *, cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        args, capture_output=True, text=True, check=False, timeout=600, cwd=cwd, env=env
    )
    assert result.returncode == 0, f"{args}: {result.stdout}\n{result.stderr}"
    return result


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A freshly built wheel of the working tree."""
    assert UV is not None
    out = tmp_path_factory.mktemp("dist")
    _run([UV, "build", "--wheel", "-o", str(out)], cwd=REPO, env=REAL_ENV)
    (built,) = out.glob("confterm-*.whl")
    return built


@pytest.fixture(scope="module")
def venv(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new virtual environment with the wheel installed (not the source tree)."""
    assert UV is not None
    root = tmp_path_factory.mktemp("venv") / "venv"
    _run([UV, "venv", "--quiet", "--python", sys.executable, str(root)], env=REAL_ENV)
    python = root / "bin" / "python"
    # --no-deps: CI may have no index to resolve from, and the dependencies are already
    # installed, at their locked versions, in this test's own environment. A .pth file makes
    # them importable; it is read after the venv's own site-packages, so the wheel's confterm
    # wins over the editable one (whose own .pth is not processed from there).
    install = [UV, "pip", "install", "--quiet", "--offline", "--no-deps", "--python"]
    _run([*install, str(python), str(wheel)], env=REAL_ENV)
    site = _run([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"])
    deps = sysconfig.get_path("purelib")
    (Path(site.stdout.strip()) / "_confterm_test_deps.pth").write_text(deps + "\n")
    return root


def _outside_env(data_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env["CONFTERM_DATA_DIR"] = str(data_dir)
    return env


def test_wheel_contains_the_package_and_data(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        schema = archive.read("confterm/data/schema.json").decode("utf-8")
        program = json.loads(archive.read("confterm/data/mlsys2025.json"))
    for name in (
        "confterm/__init__.py",
        "confterm/__main__.py",
        "confterm/cli/__init__.py",
        "confterm/cli/output.py",
        "confterm/model/program.py",
        "confterm/data/mlsys2025.json",
        "confterm/data/schema.json",
    ):
        assert name in names, name
    assert not any(name.startswith("tests/") for name in names)
    assert schema == (REPO / "data" / "schema.json").read_text(encoding="utf-8")
    assert program["conference"]["id"] == "mlsys2025"
    assert any(name.endswith("entry_points.txt") for name in names)


def test_the_wheel_and_sdist_carry_the_license_and_metadata(
    wheel: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    license_text = (REPO / "LICENSE").read_text(encoding="utf-8")
    assert license_text.startswith("MIT License")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        (licence_name,) = [n for n in names if n.endswith(".dist-info/licenses/LICENSE")]
        assert archive.read(licence_name).decode("utf-8") == license_text
        (metadata_name,) = [n for n in names if n.endswith(".dist-info/METADATA")]
        metadata = archive.read(metadata_name).decode("utf-8")
    assert "License-Expression: MIT" in metadata
    for classifier in (
        "Environment :: Console",
        "Intended Audience :: End Users/Desktop",
        "Programming Language :: Python :: 3.11",
        "Topic :: Office/Business :: Scheduling",
    ):
        assert f"Classifier: {classifier}\n" in metadata
    assert UV is not None
    out = tmp_path_factory.mktemp("sdist")
    _run([UV, "build", "--sdist", "-o", str(out)], cwd=REPO, env=REAL_ENV)
    (sdist,) = out.glob("confterm-*.tar.gz")
    with tarfile.open(sdist) as archive:
        member = archive.extractfile(f"{sdist.name.removesuffix('.tar.gz')}/LICENSE")
        assert member is not None
        assert member.read().decode("utf-8") == license_text


def test_installed_wheel_runs_outside_the_source_tree(venv: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = _outside_env(tmp_path / "user-data")
    python = str(venv / "bin" / "python")
    where = _run(
        [
            python,
            "-c",
            "import confterm, confterm.paths as p; print(confterm.__file__); "
            "print(p.bundled_data_dir())",
        ],
        cwd=elsewhere,
        env=env,
    ).stdout.splitlines()
    assert Path(where[0]).is_relative_to(venv)
    assert Path(where[1]) == Path(where[0]).parent / "data"

    listing = json.loads(
        _run([python, "-m", "confterm", "list", "--json"], cwd=elsewhere, env=env).stdout
    )
    assert listing["conference"] == "mlsys2025"
    assert listing["zone"] == "America/Los_Angeles"
    assert listing["sessions"]
    assert {"id", "title", "kind", "start", "end", "room", "speakers"} <= set(
        listing["sessions"][0]
    )

    version = _run([str(venv / "bin" / "confterm"), "--version"], cwd=elsewhere, env=env)
    assert version.stdout.startswith("confterm ")
    schema = _run([str(venv / "bin" / "confterm"), "schema"], cwd=elsewhere, env=env)
    assert schema.stdout == (REPO / "data" / "schema.json").read_text(encoding="utf-8")


def test_the_installed_script_has_completion_man_page_and_now(venv: Path, tmp_path: Path) -> None:
    env = _outside_env(tmp_path / "user-data")
    env["CONFTERM_CONFIG_DIR"] = str(tmp_path / "config")
    script = str(venv / "bin" / "confterm")
    for shell in ("bash", "zsh", "fish"):
        assert "_ARGCOMPLETE" in _run([script, "completion", shell], cwd=tmp_path, env=env).stdout
    man = _run([script, "man"], cwd=tmp_path, env=env).stdout
    assert man.startswith(".TH CONFTERM 1")
    assert "\n.SS now\n" in man
    line = _run([script, "now", "--now", "2025-05-13T10:50"], cwd=tmp_path, env=env).stdout
    assert line.startswith("Now: ")
    assert line.count("\n") == 1
