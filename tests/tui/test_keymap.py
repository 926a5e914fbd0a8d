"""Remapping keys by binding id with an optional keymap.toml."""

from __future__ import annotations

from pathlib import Path

from app_clock import DURING, AppFactory

from confterm.store.bookmarks import BookmarkStore
from confterm.tui.keymap import load_keymap


def test_missing_file_is_no_keymap_and_no_problem(tmp_path: Path) -> None:
    assert load_keymap(tmp_path / "keymap.toml") == ({}, None)


def test_a_flat_table_or_a_keys_table_maps_ids_to_keys(tmp_path: Path) -> None:
    flat = tmp_path / "flat.toml"
    flat.write_text('"main.bookmark" = "m"\n"main.agenda" = "A,ctrl+a"\n')
    assert load_keymap(flat) == ({"main.bookmark": "m", "main.agenda": "A,ctrl+a"}, None)
    nested = tmp_path / "nested.toml"
    nested.write_text('[keys]\n"main.bookmark" = "m"\n')
    assert load_keymap(nested) == ({"main.bookmark": "m"}, None)


def test_a_broken_file_is_reported_in_one_line_and_ignored(tmp_path: Path) -> None:
    broken = tmp_path / "keymap.toml"
    broken.write_text('"main.bookmark" = \n')
    keymap, problem = load_keymap(broken)
    assert keymap == {}
    assert problem is not None
    assert problem.startswith(f"{broken}: ignored")
    assert "\n" not in problem


def test_entries_that_are_not_key_strings_are_named(tmp_path: Path) -> None:
    path = tmp_path / "keymap.toml"
    path.write_text('"main.bookmark" = "m"\n"main.agenda" = 3\n"main.papers" = ""\n')
    keymap, problem = load_keymap(path)
    assert keymap == {"main.bookmark": "m"}
    assert problem is not None
    assert "main.agenda, main.papers" in problem


async def test_a_remapped_key_bookmarks_and_the_help_shows_it(
    make_app: AppFactory, isolated_user_data: Path
) -> None:
    app = make_app(DURING, keymap={"main.bookmark": "m"})
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("m")
        await pilot.pause()
        with BookmarkStore.open(isolated_user_data) as store:
            assert store.ids("tinyconf") == {"parsing-schedules"}
        await pilot.press("b")  # the default key no longer bookmarks
        await pilot.pause()
        with BookmarkStore.open(isolated_user_data) as store:
            assert store.ids("tinyconf") == {"parsing-schedules"}
        await pilot.press("question_mark")
        await pilot.pause()
        help_text = str(app.screen.query_one("#help-keys").render())
        line = next(row for row in help_text.splitlines() if "main.bookmark" in row)
        assert line.strip().startswith("m ")


def test_hostile_keymaps_are_one_notice_and_the_default_keys(tmp_path: Path) -> None:
    import os

    from confterm.tui.keymap import MAX_KEYMAP_BYTES

    cases = {
        "deep.toml": ("x = " + "[" * 20_000 + "]" * 20_000 + "\n", "nested too deeply"),
        "huge.toml": ("# " + "x" * MAX_KEYMAP_BYTES + "\n", "larger than the size limit"),
        "binary.toml": ("\udcff", "not UTF-8 text"),
        "escapes.toml": ('"main.grid" = "\\u001b]0;PWNED\\u0007"\n', "main.grid"),
        "markup-id.toml": ('"[bold]main.grid[/]" = "g"\n', "[bold]main.grid[/]"),
    }
    for name, (text, named) in cases.items():
        path = tmp_path / name
        path.write_bytes(text.encode("utf-8", "surrogateescape"))
        keymap, problem = load_keymap(path)
        assert keymap == {}, name
        assert problem is not None, name
        assert problem.startswith(f"{path}: ignored"), name
        assert named in problem, name
        assert problem.isprintable(), name
        assert "PWNED" not in problem
    fifo = tmp_path / "fifo.toml"
    os.mkfifo(fifo)
    assert load_keymap(fifo) == ({}, f"{fifo}: ignored, it is a pipe (FIFO), not a file")
    assert load_keymap(tmp_path) == ({}, f"{tmp_path}: ignored, it is a directory, not a file")
