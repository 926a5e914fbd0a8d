"""The app with a damaged or read-only bookmark store: it says so and keeps working."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from app_clock import DURING, AppFactory

from confterm import paths
from confterm.store.bookmarks import BookmarkStore
from confterm.tui.screens.main import MainScreen


async def test_damaged_store_is_reported_in_one_line(
    make_app: AppFactory, isolated_user_data: Path
) -> None:
    isolated_user_data.mkdir(parents=True)
    paths.bookmarks_db(isolated_user_data).write_bytes(b"this is not a database" * 100)
    app = make_app(DURING)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert any("damaged" in m and "\n" not in m for m in messages)
        await pilot.press("b")
        with BookmarkStore.open(isolated_user_data) as store:
            assert store.ids("tinyconf") == {"parsing-schedules"}


def make_read_only(directory: Path) -> Callable[[], None]:
    """Make ``directory`` unwritable, even for root (who ignores permission bits: the
    immutable attribute stops root too); return the function that undoes it."""
    if os.geteuid() == 0:
        chattr = shutil.which("chattr")
        if chattr is None or subprocess.run([chattr, "+i", str(directory)], check=False).returncode:
            pytest.skip("running as root without a working chattr: cannot make a dir read-only")

        def undo_immutable() -> None:
            subprocess.run([chattr, "-i", str(directory)], check=True)

        return undo_immutable
    directory.chmod(stat.S_IRUSR | stat.S_IXUSR)

    def undo_chmod() -> None:
        directory.chmod(stat.S_IRWXU)

    return undo_chmod


async def test_read_only_data_dir_browses_and_reports_bookmark_errors(
    make_app: AppFactory, isolated_user_data: Path
) -> None:
    isolated_user_data.mkdir(parents=True)
    undo = make_read_only(isolated_user_data)
    probe = isolated_user_data / "probe"
    with pytest.raises(PermissionError):
        probe.write_text("x")
    try:
        app = make_app(DURING)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press("right", "left", "b")
            assert isinstance(app.screen, MainScreen)
            errors = [n for n in app._notifications if n.severity == "error"]
            assert errors
            assert "cannot save bookmarks" in errors[0].message
    finally:
        undo()


async def test_store_error_on_toggle_is_shown_not_raised(
    make_app: AppFactory, isolated_user_data: Path
) -> None:
    # A plain file where the data directory should be: works as root too.
    isolated_user_data.parent.mkdir(parents=True, exist_ok=True)
    isolated_user_data.write_text("not a directory")
    app = make_app(DURING)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("b", "j")
        assert app.is_running
        errors = [n for n in app._notifications if n.severity == "error"]
        assert errors
        assert errors[0].message.startswith("cannot save bookmarks")
