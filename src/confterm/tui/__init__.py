"""The Textual app. Imported lazily by the CLI so that scripted commands start fast."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import tzinfo
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from confterm.clock import Clock
    from confterm.model.program import Program


@dataclass(frozen=True)
class AppOptions:
    """What the app is opened on: plain values, whoever parsed them (the CLI, a test)."""

    program: Program
    data_dir: Path
    clock: Clock
    display_zone: tzinfo
    #: How long before a bookmarked session to remind (0: never).
    remind_minutes: int = 10
    #: The colour theme (None: Textual's default).
    theme: str | None = None
    #: Warnings to show when the app opens (a settings problem, say).
    notices: tuple[str, ...] = ()


def run_app(options: AppOptions) -> int:
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
        _run(options, resume_gc=pause_gc)
    finally:
        # Also when the program or the store could not be opened: never leave it off.
        if pause_gc:
            gc.enable()
    return 0


def _run(options: AppOptions, *, resume_gc: bool) -> None:
    from confterm import paths
    from confterm.store.bookmarks import BookmarkStore
    from confterm.tui.app import ConftermApp
    from confterm.tui.keymap import load_keymap
    from confterm.tui.state import AppState

    state = AppState(
        program=options.program,
        store=BookmarkStore.open(options.data_dir),
        clock=options.clock,
        display_zone=options.display_zone,
    )
    keymap, problem = load_keymap(paths.keymap_file())
    app = ConftermApp(
        state,
        keymap=keymap,
        notices=[*options.notices, *([problem] if problem else [])],
        remind_minutes=options.remind_minutes,
        theme=options.theme,
        settings_file=paths.settings_file(),
        data_dir=options.data_dir,
        resume_gc=resume_gc,
    )
    try:
        app.run()
    finally:
        state.close()
