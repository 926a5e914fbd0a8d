"""The Textual app. Imported lazily by the CLI so that scripted commands start fast."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from confterm.cli.context import Context


def run_app(context: Context) -> int:
    """Open the app on the conference the command line selects; return the exit code.

    Loading the program happens first, so a bad file is reported by the CLI as one line and
    the app never opens. The bookmark store never stops the app: problems are shown inside.
    """
    import gc

    # Nothing the start builds is garbage: collecting while it runs only re-scans the modules
    # and widgets being created (about 25 ms of a 270 ms start). The app resumes the collector
    # once its first frame is drawn, with everything built so far frozen out of its sight.
    pause_gc = gc.isenabled()
    gc.disable()
    try:
        _run(context, resume_gc=pause_gc)
    finally:
        # Also when the program or the store could not be opened: never leave it off.
        if pause_gc:
            gc.enable()
    return 0


def _run(context: Context, *, resume_gc: bool) -> None:
    from confterm import paths
    from confterm.store.bookmarks import BookmarkStore
    from confterm.tui.app import ConftermApp
    from confterm.tui.keymap import load_keymap
    from confterm.tui.view import View

    program = context.program
    view = View(
        program=program,
        store=BookmarkStore.open(context.data_dir),
        clock=context.clock,
        display_zone=context.display_zone,
    )
    keymap, problem = load_keymap(paths.keymap_file())
    # Read before the notices are: a settings problem found on the way is one of them.
    remind_minutes, theme = context.remind_minutes, context.theme
    app = ConftermApp(
        view,
        keymap=keymap,
        notices=[*context.notices, *([problem] if problem else [])],
        remind_minutes=remind_minutes,
        theme=theme,
        settings_file=paths.settings_file(),
        data_dir=context.data_dir,
        resume_gc=resume_gc,
    )
    try:
        app.run()
    finally:
        view.store.close()
