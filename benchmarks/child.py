"""One measured process of the benchmark runner; run as ``python benchmarks/child.py MODE``.

Modes:

* ``floor``: a bare Textual app showing one line. It paints once headless, prints
  ``PAINTED <seconds since this interpreter ran its first line> <CPU seconds>`` and exits.
* ``app FILE``: confterm exactly as the ``confterm --data FILE`` command starts it (through
  :func:`confterm.cli.main`), except that :meth:`textual.app.App.run_async` is made headless at
  120x40 (so it needs no terminal) with an auto-pilot that prints ``PAINTED`` once the first
  frame is rendered, then exits.
  Prints ``NOAPP`` when confterm returned without starting a Textual app.
* ``interact FILE RUNS``: the same start, then the auto-pilot times interactions
  (see :mod:`benchmarks.interactions`) and prints one ``TIMING name seconds...`` line each.

Every mode prints ``PEAK_RSS_KIB n`` (its own ``VmHWM``) last. Both paint modes go through the
same patched ``run_async`` so the ratio app/floor is fair. In
headless mode Textual still composes, lays out and renders every frame; it only skips the write
to the terminal. The user's data dir and clock come from the environment the runner sets
(``CONFTERM_DATA_DIR``, ``CONFTERM_NOW``).
"""

import time

START = time.perf_counter()

import sys  # noqa: E402  (the clock above must start before any import)
from collections.abc import Awaitable, Callable  # noqa: E402
from typing import Any  # noqa: E402

SIZE = (120, 40)


def _patch_run(auto_pilot: Callable[[Any], Awaitable[None]]) -> None:
    from textual.app import App

    original = App.run_async

    async def run_async(self: App[Any], **kwargs: Any) -> Any:
        kwargs.update(headless=True, size=SIZE, auto_pilot=auto_pilot)
        return await original(self, **kwargs)

    App.run_async = run_async  # type: ignore[method-assign]


SETTLE_ROUNDS = 20


async def _first_frame(pilot: Any) -> None:
    # The auto-pilot starts when the app is ready; screens pushed from on_mount may still be
    # composing, and some widgets fill in only after a frame (Textual's footer composes its
    # keys after the first refresh). Drain every queue and render, without sleeping, until
    # the screen has nothing left to lay out, draw or call after a refresh: the first frame
    # counted is the settled first screen, for the floor and the app alike.
    for _ in range(SETTLE_ROUNDS):
        for _ in range(3):
            await pilot._wait_for_screen()
        screen = pilot.app.screen
        screen._on_timer_update()
        await pilot._wait_for_screen()
        if not _pending(pilot.app.screen):
            break
    # Wall time since the first line ran, and CPU time of the whole process (interpreter
    # start included): on a busy machine the CPU time tells the app's own cost.
    print(f"PAINTED {time.perf_counter() - START:.6f} {time.process_time():.6f}", flush=True)


def _pending(screen: Any) -> bool:
    """True while the screen still has layout, drawing or after-refresh calls queued."""
    return bool(
        screen._layout_required
        or screen._scroll_required
        or screen._repaint_required
        or screen._recompose_required
        or screen._dirty_widgets
        or screen._callbacks
    )


async def _painted(pilot: Any) -> None:
    await _first_frame(pilot)
    pilot.app.exit()


def floor() -> int:
    """The bare Textual app."""
    _patch_run(_painted)
    from textual.app import App, ComposeResult
    from textual.widgets import Static

    class Floor(App[None]):
        def compose(self) -> ComposeResult:
            yield Static("confterm benchmark floor: one line")

    Floor().run()
    return 0


def app(path: str, auto_pilot: Callable[[Any], Awaitable[None]] = _painted) -> int:
    """confterm's app on the program at ``path``."""
    _patch_run(auto_pilot)
    from textual.app import App

    started: list[bool] = []
    original = App.run_async

    async def run_async(self: App[Any], **kwargs: Any) -> Any:
        started.append(True)
        return await original(self, **kwargs)

    App.run_async = run_async  # type: ignore[method-assign]
    import confterm.cli
    from confterm.cli import main

    # Headless, the app needs no terminal: the check that refuses a pipe would stop it here.
    confterm.cli._app_has_terminal = lambda: True  # type: ignore[attr-defined]
    code = main(["--data", path])
    if not started:
        print("NOAPP", flush=True)
    return code


def interact(path: str, runs: int) -> int:
    """confterm's app, with the interactions timed by the auto-pilot."""
    # Run as a script, this file's folder is on sys.path: the sibling module imports plainly.
    from interactions import run_interactions

    async def pilot_script(pilot: Any) -> None:
        await _first_frame(pilot)
        try:
            await run_interactions(pilot, runs)
        finally:
            pilot.app.exit()

    return app(path, pilot_script)


def peak_rss_kib() -> int:
    """This process's peak resident memory in KiB.

    Linux's ``VmHWM`` belongs to this program image only; ``ru_maxrss`` would also count the
    parent's memory that was mapped in the child between fork and exec.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak // 1024 if sys.platform == "darwin" else peak


def main(argv: list[str]) -> int:
    """Run one mode; print the peak memory last."""
    mode = argv[0]
    if mode == "floor":
        code = floor()
    elif mode == "app":
        code = app(argv[1])
    elif mode == "interact":
        code = interact(argv[1], int(argv[2]))
    else:
        print(f"unknown mode {mode!r}", file=sys.stderr)
        return 2
    print(f"PEAK_RSS_KIB {peak_rss_kib()}", flush=True)
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
