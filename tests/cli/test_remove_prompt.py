"""Ctrl-D at the `confterm remove` confirmation means "no": nothing removed, exit 1."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest

from confterm.cli import main
from confterm.store import catalog

TINYCONF = Path(__file__).parents[1] / "data" / "tinyconf.json"


class _TerminalAtEnd(io.StringIO):
    """A terminal on which the user pressed Ctrl-D (end of input) straight away."""

    def isatty(self) -> bool:
        return True


def test_ctrl_d_at_prompt_keeps_the_conference(
    isolated_user_data: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    stored = catalog.imported_program_path(isolated_user_data, "kept")
    stored.parent.mkdir(parents=True)
    shutil.copy(TINYCONF, stored)
    monkeypatch.setattr("sys.stdin", _TerminalAtEnd(""))

    code = main(["remove", "kept", "--data-dir", str(isolated_user_data)])

    out, err = capsys.readouterr()
    assert code == 1
    assert err == ""
    assert out.splitlines()[-1] == "not removed"
    assert stored.is_file()
