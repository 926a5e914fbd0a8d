"""The theme picked in the app is kept in the settings file for the next start."""

from __future__ import annotations

from pathlib import Path

from app_clock import AppFactory

from confterm.settings import read_file


async def test_a_theme_picked_in_the_theme_picker_is_saved(
    make_app: AppFactory, tmp_path: Path
) -> None:
    path = tmp_path / "config" / "settings.toml"
    app = make_app(reminders=False, settings_file=path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert not path.exists()  # starting saves nothing
        app.action_change_theme()
        await pilot.pause()
        await pilot.press(*"textual-light")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert app.theme == "textual-light"
    assert read_file(path)[1] is None
    assert read_file(path)[0].theme == "textual-light"

    again = make_app(reminders=False, settings_file=path, theme="textual-light")
    async with again.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert again.theme == "textual-light"
    # Starting on the saved theme writes nothing new.
    assert path.read_text() == 'theme = "textual-light"\n'


async def test_a_settings_file_that_cannot_be_rewritten_is_left_alone(
    make_app: AppFactory, tmp_path: Path
) -> None:
    path = tmp_path / "settings.toml"
    path.write_text("zone = \n")
    app = make_app(reminders=False, settings_file=path)
    async with app.run_test(size=(100, 30)) as pilot:
        app.theme = "nord"
        await pilot.pause()
        await pilot.pause()
        assert [n.title for n in app._notifications] == ["Theme not saved"]
    assert path.read_text() == "zone = \n"


async def test_on_a_light_theme_the_cursor_row_is_one_readable_colour(
    make_app: AppFactory,
) -> None:
    from textual.color import Color

    from confterm.tui.widgets.row_list import RowList

    app = make_app(reminders=False, theme="textual-light")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        rows = app.screen.query_one(RowList)
        rows.focus()
        await pilot.pause()
        assert rows.cursor is not None
        line = rows.render_line(rows.cursor - rows.scroll_offset.y)
        background = rows.get_visual_style("row-list--row", "row-list--cursor").background
        assert background is not None
        colours = {s.style.color for s in line if s.text.strip() and s.style and s.style.color}
        assert len(colours) == 1
        (colour,) = colours
        # The kind, time and room are no longer drawn in a colour as dark as the cursor.
        brightness = Color.from_rich_color(colour).brightness
        assert abs(brightness - background.brightness) > 0.5
