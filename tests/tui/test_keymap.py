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


def binding_keys() -> dict[str, set[str]]:
    """Every binding id of the app (its screens and widgets) and its default keys."""
    from textual.binding import Binding
    from textual.dom import DOMNode

    from confterm.tui.keymap import known_binding_ids

    known_binding_ids()  # imports every module of the app
    found: dict[str, set[str]] = {}
    pending: list[type] = [DOMNode]
    while pending:
        node = pending.pop()
        pending += node.__subclasses__()
        if not node.__module__.startswith("confterm."):
            continue
        for binding in node.__dict__.get("BINDINGS", []):
            if isinstance(binding, Binding) and binding.id:
                found.setdefault(binding.id, set()).update(binding.key.split(","))
    return found


def test_each_binding_that_follows_another_has_its_keys_by_default() -> None:
    from confterm.tui.keymap import FOLLOWS

    keys = binding_keys()
    # Space types a space in the search input: search leaves it out.
    left_out = {"search.bookmark": {"space"}}
    for binding_id, (followed, own) in FOLLOWS.items():
        assert binding_id in keys, binding_id
        expected = set(own).union(*(keys[name] for name in followed))
        expected -= left_out.get(binding_id, set())
        assert keys[binding_id] == expected, binding_id


def test_a_remap_carries_to_the_bindings_that_follow_it() -> None:
    from confterm.tui.keymap import expand_keymap

    defaults = {"main.bookmark": "b,space", "main.back": "escape", "main.grid": "g"}
    expanded = expand_keymap({"main.bookmark": "m", "main.grid": "G"}, defaults)
    assert expanded["detail.bookmark"] == "m"
    assert expanded["grid.bookmark"] == "m"
    assert expanded["search.bookmark"] == "ctrl+t,m"  # b is a letter in the search input
    assert expanded["grid.back"] == "escape,G"
    assert "detail.back" not in expanded  # nothing it follows was remapped
    # A binding remapped by the user keeps the user's keys.
    assert (
        expand_keymap({"main.bookmark": "m", "grid.bookmark": "z"}, defaults)["grid.bookmark"]
        == "z"
    )


async def test_a_remapped_bookmark_key_works_and_is_named_on_every_screen(
    make_app: AppFactory, isolated_user_data: Path
) -> None:
    from confterm.tui.screens.detail_screen import DetailScreen
    from confterm.tui.screens.grid import GridScreen
    from confterm.tui.screens.now_next import NowNextScreen
    from confterm.tui.widgets.key_bar import KeyBar
    from confterm.tui.widgets.session_detail import SessionDetail

    def stored() -> set[str]:
        with BookmarkStore.open(isolated_user_data) as store:
            return store.ids("tinyconf")

    app = make_app(DURING, keymap={"main.bookmark": "m"}, reminders=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("a")  # My agenda, empty: it says which key bookmarks
        await pilot.pause()
        assert "press m on a session" in app.main.query_one("#agenda").empty
        await pilot.press("1", "enter")  # a detail screen on a narrow terminal
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen)
        detail = app.screen.query_one(SessionDetail)
        assert "Not bookmarked (m to bookmark)" in detail.text
        bar = app.screen.query_one(KeyBar)
        assert ("m", "Bookmark") in [(e.key_display, e.description) for e in bar.entries()[0]]
        await pilot.press("b")  # the old key does nothing here either
        await pilot.pause()
        assert stored() == set()
        await pilot.press("m")
        await pilot.pause()
        assert stored() == {"parsing-schedules"}
        assert "★ Bookmarked (m to remove)" in detail.text
        await pilot.press("escape", "g")  # the grid
        await pilot.pause()
        assert isinstance(app.screen, GridScreen)
        await pilot.press("m")
        await pilot.pause()
        assert stored() == set()
        await pilot.press("escape", "n")  # now & next
        await pilot.pause()
        assert isinstance(app.screen, NowNextScreen)
        await pilot.press("m")
        await pilot.pause()
        assert len(stored()) == 1
        await pilot.press("escape", "question_mark")
        await pilot.pause()
        help_text = str(app.screen.query_one("#help-keys").render())
        for binding_id in ("main.bookmark", "detail.bookmark"):
            line = next(row for row in help_text.splitlines() if binding_id in row)
            assert line.strip().startswith("m "), line


async def test_remapped_keys_are_named_in_the_filter_banner_and_help_title(
    make_app: AppFactory,
) -> None:
    from confterm.tui.widgets.filter_bar import FilterBar

    keymap = {"main.filters": "F", "main.clear_filters": "X", "main.back": "h"}
    app = make_app(DURING, keymap=keymap, reminders=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.main.query_one(FilterBar).hint == "F: change · X: clear"
        await pilot.press("question_mark")
        await pilot.pause()
        assert app.screen.query_one("#help-box").border_title == "Keys — h to close"
        await pilot.press("h")  # help.close follows main.back
        await pilot.pause()
        assert app.screen is app.main


async def test_an_unknown_binding_id_is_reported_once(make_app: AppFactory) -> None:
    keymap = {"main.bookmrk": "m", "grid.nope": "z", "main.agenda": "A"}
    app = make_app(DURING, keymap=keymap, reminders=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        unknown = [m for m in messages if "no key has the id" in m]
        assert len(unknown) == 1, messages
        assert "grid.nope, main.bookmrk" in unknown[0]
        assert "main.agenda" not in unknown[0]
        await pilot.press("A")  # the known one still works
        await pilot.pause()
        assert app.main.current_tab == "agenda"


async def test_a_keymap_of_known_ids_gives_no_notice(make_app: AppFactory) -> None:
    app = make_app(DURING, keymap={"main.bookmark": "m", "list.down": "J"}, reminders=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert not list(app._notifications)


async def test_search_names_its_remapped_bookmark_key(make_app: AppFactory) -> None:
    from textual.widgets import Label

    app = make_app(DURING, keymap={"search.bookmark": "ctrl+y"}, reminders=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("slash", *"parsing")
        await pilot.pause()
        status = str(app.screen.query_one("#search-status", Label).render())
        assert "ctrl+y bookmarks" in status
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert "parsing-schedules" in app.state.bookmarks


async def test_search_and_filters_name_their_remapped_keys(make_app: AppFactory) -> None:
    from textual.widgets import Label

    keymap = {"search.jump": "ctrl+o", "search.back": "ctrl+g", "filters.apply": "ctrl+a"}
    app = make_app(DURING, keymap=keymap, reminders=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash", *"parsing")
        await pilot.pause()
        status = str(app.screen.query_one("#search-status", Label).render())
        assert "ctrl+o jumps" in status
        assert "ctrl+g goes back" in status
        await pilot.press("ctrl+g", "f")
        await pilot.pause()
        line = str(app.screen.query_one("#filter-help", Label).render())
        assert "ctrl+a applies · Esc cancels" in line
