"""The domain never imports Textual, and neither do the CLI commands that do not open the app.

Each check runs in a fresh interpreter, because this test process may already hold Textual.
"""

from __future__ import annotations

import importlib.util
import json
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

TINYCONF = Path(__file__).resolve().parents[1] / "data" / "tinyconf.json"

# Modules that exist now and must stay free of Textual.
DOMAIN_MODULES = [
    "confterm",
    "confterm.model",
    "confterm.model.program",
    "confterm.model.checks",
    "confterm.model.loading",
    "confterm.catalog",
    "confterm.agenda",
    "confterm.search",
    "confterm.formatting",
    "confterm.text",
    "confterm.clock",
    "confterm.timezones",
    "confterm.paths",
    "confterm.errors",
]
# Modules and packages written alongside; each is checked (with every submodule) once it exists.
LATER_MODULES = ["confterm.store", "confterm.sources", "confterm.export", "confterm.atomic"]


def _with_submodules(name: str) -> list[str]:
    spec = importlib.util.find_spec(name)
    if spec is None:
        return []
    found = [name]
    for location in spec.submodule_search_locations or []:
        found += [f"{name}.{info.name}" for info in pkgutil.iter_modules([location])]
    return found


def _domain_modules() -> list[str]:
    names = list(DOMAIN_MODULES)
    for name in LATER_MODULES:
        names += [n for n in _with_submodules(name) if n not in names]
    return names


_PROBE = """
import contextlib, io, json, sys
target = sys.argv[1]
with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
    if target == "--cli":
        from confterm.cli import main
        try:
            main(sys.argv[2:])
        except SystemExit:
            pass
    else:
        __import__(target)
print(json.dumps(sorted(m for m in sys.modules if m == "textual" or m.startswith("textual."))))
"""


def _textual_modules_after(*target: str) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, *target],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    result: list[str] = json.loads(done.stdout)
    return result


def test_the_list_includes_every_later_module_that_exists() -> None:
    names = _domain_modules()
    assert "confterm.model.loading" in names
    for name in LATER_MODULES:
        assert (name in names) == (importlib.util.find_spec(name) is not None)


@pytest.mark.parametrize("module", _domain_modules())
def test_domain_module_imports_no_textual(module: str) -> None:
    assert _textual_modules_after(module) == []


def test_the_probe_sees_textual_when_it_is_imported() -> None:
    # Guards the test above: a probe that never saw Textual would prove nothing.
    assert "textual.app" in _textual_modules_after("textual.app")


@pytest.mark.parametrize(
    "argv",
    [
        ["--help"],
        ["--version"],
        ["list"],
        ["list", "--data", str(TINYCONF), "--json"],
        ["show", "--data", str(TINYCONF), "opening-keynote"],
        ["validate", str(TINYCONF)],
    ],
    ids=lambda argv: " ".join(a for a in argv if not a.startswith("/")),
)
def test_cli_commands_import_no_textual(argv: list[str]) -> None:
    assert _textual_modules_after("--cli", *argv) == []
