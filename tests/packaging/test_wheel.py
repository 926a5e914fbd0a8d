"""The wheel: it carries the bundled data, and once installed it works outside the source tree."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest
from wheelhouse import make_wheelhouse

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
    _run([UV, "build", "--offline", "--wheel", "-o", str(out)], cwd=REPO, env=REAL_ENV)
    (built,) = out.glob("confterm-*.whl")
    return built


@pytest.fixture(scope="module")
def wheelhouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """confterm's locked dependencies as wheels in a folder (see wheelhouse.py)."""
    assert UV is not None
    folder = tmp_path_factory.mktemp("wheelhouse")
    pins = make_wheelhouse(REPO, UV, folder)
    assert {"textual", "pydantic", "platformdirs"} <= set(pins)
    return folder


def _tool_env(root: Path) -> dict[str, str]:
    env = {
        k: v for k, v in REAL_ENV.items() if not k.startswith(("VIRTUAL_ENV", "UV_TOOL_", "PIPX_"))
    }
    env["UV_TOOL_DIR"] = str(root / "tools")
    env["UV_TOOL_BIN_DIR"] = str(root / "bin")
    env["PIPX_HOME"] = str(root / "pipx")
    env["PIPX_BIN_DIR"] = str(root / "bin")
    env["PIPX_MAN_DIR"] = str(root / "man")
    return env


@pytest.fixture(scope="module")
def venv(wheel: Path, wheelhouse: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The tool environment of ``uv tool install`` of the wheel, as the README says, into
    a new tool folder: offline, its dependencies resolved from the wheelhouse alone."""
    assert UV is not None
    root = tmp_path_factory.mktemp("uv-tool")
    install = [UV, "tool", "install", "--offline", "--no-index", "--find-links", str(wheelhouse)]
    _run([*install, "--python", sys.executable, str(wheel)], env=_tool_env(root))
    tool = root / "tools" / "confterm"
    # The script the user runs is in the tool bin folder, pointing into the tool's own venv.
    assert (root / "bin" / "confterm").resolve() == (tool / "bin" / "confterm").resolve()
    return tool


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
    assert (
        "Project-URL: Bundled program (MLSys 2025), https://mlsys.org/Conferences/2025\n"
        in metadata
    )
    assert UV is not None
    out = tmp_path_factory.mktemp("sdist")
    _run([UV, "build", "--offline", "--sdist", "-o", str(out)], cwd=REPO, env=REAL_ENV)
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


def test_pipx_installs_the_wheel_offline(wheel: Path, wheelhouse: Path, tmp_path: Path) -> None:
    """``pipx install`` of the wheel, as the README says, into a new pipx home: pip gets
    no index, only the wheelhouse (pipx's own venv and pip come from the standard library's
    ensurepip, offline)."""
    pipx = Path(sys.executable).with_name("pipx")
    assert pipx.is_file(), "pipx is a dev dependency: run uv sync"
    env = _tool_env(tmp_path)
    pip_args = f"--no-index --find-links {wheelhouse}"
    installed = _run(
        [str(pipx), "install", "--python", sys.executable, "--pip-args", pip_args, str(wheel)],
        env=env,
        cwd=tmp_path,
    )
    assert "installed package confterm 0.1.0" in installed.stdout
    script = tmp_path / "bin" / "confterm"
    run_env = {**_outside_env(tmp_path / "user-data"), "CONFTERM_CONFIG_DIR": str(tmp_path)}
    version = _run([str(script), "--version"], cwd=tmp_path, env=run_env)
    assert version.stdout.startswith("confterm ")
    line = _run([str(script), "now", "--now", "2025-05-13T10:50"], cwd=tmp_path, env=run_env)
    assert line.stdout.startswith("Now: ")
    # Its confterm is the wheel's, in pipx's own venv, not this checkout.
    where = _run(
        [
            str(tmp_path / "pipx" / "venvs" / "confterm" / "bin" / "python"),
            "-c",
            "import confterm; print(confterm.__file__)",
        ],
        cwd=tmp_path,
        env=run_env,
    )
    assert Path(where.stdout.strip()).is_relative_to(tmp_path / "pipx")
