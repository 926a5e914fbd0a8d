"""The interactions timed inside a running confterm app (imported by :mod:`benchmarks.child`).

Each interaction is one key event posted to the app, as a terminal would send it, and is timed
from posting it until every message it caused has been handled and the screen has been
rendered again: the app and every widget of the current screen are drained three times over
(``Pilot._wait_for_screen``, which waits without sleeping), then the pending frame is rendered
at once (``Screen._on_timer_update``, what ``Pilot.pause`` does) instead of at the next refresh
tick. ``Pilot.press`` is not used for timing: it sleeps at least 2 x 20 ms per key to detect
idleness. Between timed keys the app is left to settle with ``Pilot.pause`` (not timed).

Printed lines, medians taken by the runner:

* ``search_open``: the key that opens the search screen, first time, until it is painted;
* ``search_ready``: from that key until the search index is ready (it may be built in a
  worker; the timed keystrokes below wait for it);
* ``search``: each keystroke while typing a word in the search box (every prefix re-searched);
* ``search_first``: the first keystroke of a search (the widest query, the worst case);
* ``noop``: a key bound to nothing (F24): what the measuring itself costs;
* ``day``: next day / previous day (right / left) on the day list;
* ``toggle``: the bookmark key on the highlighted session (an even count: state restored);
* ``agenda``: ``a`` from a day list to my agenda (built fresh each time; the runner seeds
  500 bookmarks, or every session of a smaller program);
* ``grid``: ``g`` from the day list until the day's timetable grid is painted;
* ``grid_day``: next day / previous day (``]`` / ``[``) inside the grid;
* ``now_next``: ``n`` until the now & next list is painted (the clock is the runner's
  ``CONFTERM_NOW``, mid-morning of the second day); a long list paints its first rows and
  adds the rest after the frame: ``now_next_full`` is the time until every row is in;
* ``speaker``: ``s`` on the highlighted session until its speaker's page is painted;
* ``filters``: ``f`` until the filters dialog is painted.

Each screen opened is closed again (Esc, not timed) before the next run.

An interaction the app does not offer (yet) prints ``UNAVAILABLE name``.
"""

from __future__ import annotations

import asyncio
import time
from typing import Any

from textual import events

SEARCH_WORD = "diffusion"
DRAIN_ROUNDS = 3
INDEX_TIMEOUT = 120.0
NOOP_KEY = "f24"  # bound to nothing: the cost of the measurement itself
SPEAKER_SEARCH = 30  # rows tried downwards to find a session with a speaker


async def _drain(pilot: Any) -> None:
    for _ in range(DRAIN_ROUNDS):
        await pilot._wait_for_screen()
    pilot.app.screen._on_timer_update()


async def timed_key(pilot: Any, key: str) -> float:
    """Seconds from posting ``key`` to the app until it is handled and painted."""
    app = pilot.app
    char = key if len(key) == 1 else None
    start = time.perf_counter()
    event = events.Key(key, char)
    event.set_sender(app)
    await app._post_message(event)
    await _drain(pilot)
    return time.perf_counter() - start


def _report(name: str, values: list[float]) -> None:
    if values:
        print(f"TIMING {name} " + " ".join(f"{v:.6f}" for v in values), flush=True)
    else:
        print(f"UNAVAILABLE {name}", flush=True)


def _binding_key(app: Any, action_word: str) -> str | None:
    """The first key bound to the action ``action_word``, else to one whose name contains it
    (``filters`` is not ``clear_filters``)."""
    chain = [
        (str(key), binding.action)
        for _node, bindings in app._binding_chain
        for key, binding_list in bindings.key_to_bindings.items()
        for binding in binding_list
    ]
    for key, action in chain:
        if action == action_word:
            return key
    for key, action in chain:
        if action_word in action:
            return key
    return None


async def run_interactions(pilot: Any, runs: int) -> None:
    """Time each interaction ``runs`` times; print ``TIMING name seconds...`` lines."""
    app = pilot.app
    await pilot.pause()
    main = app.screen
    for name, measure in (
        ("noop", _noop),
        ("day", _days),
        ("toggle", _toggle),
        ("agenda", _agenda),
        ("grid", _grid),
        ("grid_day", _grid_day),
        ("now_next", _now_next),
        ("now_next_full", _now_next_full),
        ("speaker", _speaker),
        ("filters", _filters),
    ):
        try:
            values = await measure(pilot, runs)
        except Exception as error:  # a missing feature must not hide the other numbers
            print(f"ERROR {name} {type(error).__name__}: {error}", flush=True)
            values = []
        _report(name, values)
        while app.screen is not main and len(app.screen_stack) > 1:
            app.pop_screen()
            await pilot.pause()
    await _search(pilot, runs)
    print("DONE", flush=True)


async def _noop(pilot: Any, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        times.append(await timed_key(pilot, NOOP_KEY))
        await pilot.pause()
    return times


async def _days(pilot: Any, runs: int) -> list[float]:
    times = []
    for step in range(2 * runs):
        times.append(await timed_key(pilot, "right" if step % 2 == 0 else "left"))
        await pilot.pause()
    return times


async def _toggle(pilot: Any, runs: int) -> list[float]:
    key = _binding_key(pilot.app, "toggle_mark") or "b"
    times = []
    for _ in range(2 * runs):
        times.append(await timed_key(pilot, key))
        await pilot.pause()
    return times


async def _agenda(pilot: Any, runs: int) -> list[float]:
    key = _binding_key(pilot.app, "show_tab('agenda')")
    if key is None:
        return []
    times = []
    for _ in range(runs):
        times.append(await timed_key(pilot, key))
        await pilot.pause()
        await pilot.press("1")  # back to the first day (not timed)
        await pilot.pause()
    return times


async def _open_and_close(
    pilot: Any, runs: int, action_word: str, *, until_filled: bool = False
) -> list[float]:
    """Time the key bound to ``action_word`` until its screen is painted (``until_filled``:
    until it is no longer ``filling`` rows in after its first frame); Esc (not timed)."""
    app = pilot.app
    key = _binding_key(app, action_word)
    if key is None:
        return []
    times = []
    for _ in range(runs):
        before = app.screen
        start = time.perf_counter()
        elapsed = await timed_key(pilot, key)
        if app.screen is before:
            return []  # nothing opened: not offered here
        if until_filled:
            while getattr(app.screen, "filling", False) and elapsed < INDEX_TIMEOUT:
                await _drain(pilot)
                elapsed = time.perf_counter() - start
        times.append(elapsed)
        await _close(pilot, before)
    return times


async def _close(pilot: Any, below: Any) -> None:
    """Esc until ``below`` is the screen again (not timed)."""
    app = pilot.app
    for _ in range(5):
        if app.screen is below:
            break
        await pilot.press("escape")
        await pilot.pause()


async def _grid(pilot: Any, runs: int) -> list[float]:
    return await _open_and_close(pilot, runs, "grid")


async def _now_next(pilot: Any, runs: int) -> list[float]:
    return await _open_and_close(pilot, runs, "now_next")


async def _now_next_full(pilot: Any, runs: int) -> list[float]:
    return await _open_and_close(pilot, runs, "now_next", until_filled=True)


async def _filters(pilot: Any, runs: int) -> list[float]:
    return await _open_and_close(pilot, runs, "filters")


async def _speaker(pilot: Any, runs: int) -> list[float]:
    # The highlighted session may have no speaker: move down until one has (not timed).
    app = pilot.app
    main = app.screen
    key = _binding_key(app, "speaker")
    if key is None:
        return []
    for _ in range(SPEAKER_SEARCH):
        await pilot.press(key)
        await pilot.pause()
        if app.screen is not main:
            await _close(pilot, main)
            return await _open_and_close(pilot, runs, "speaker")
        await pilot.press("down")
        await pilot.pause()
    return []


async def _grid_day(pilot: Any, runs: int) -> list[float]:
    app = pilot.app
    main = app.screen
    key = _binding_key(app, "grid")
    if key is None:
        return []
    await pilot.press(key)
    await pilot.pause()
    if app.screen is main:
        return []
    forward = _binding_key(app, "other_day(1)")
    back = _binding_key(app, "other_day(-1)")
    times = []
    if forward is not None and back is not None:
        for step in range(2 * runs):
            times.append(await timed_key(pilot, forward if step % 2 == 0 else back))
            await pilot.pause()
    await _close(pilot, main)
    return times


async def _search(pilot: Any, runs: int) -> None:
    app = pilot.app
    main = app.screen
    key = _binding_key(app, "search")
    if key is None:
        for name in ("search_open", "search_ready", "search", "search_first"):
            _report(name, [])
        return
    opens, readies, keystrokes, firsts = [], [], [], []
    for _ in range(runs):
        start = time.perf_counter()
        opens.append(await timed_key(pilot, key))
        if app.screen is main:
            break
        # A large program's index may be built in a worker: keystrokes are timed once it is
        # ready (the screen's ``index`` attribute, when it has one, is no longer None).
        deadline = start + INDEX_TIMEOUT
        while getattr(app.screen, "index", True) is None and time.perf_counter() < deadline:
            await asyncio.sleep(0.005)
        readies.append(time.perf_counter() - start)
        await pilot.pause()
        for position, letter in enumerate(SEARCH_WORD):
            elapsed = await timed_key(pilot, letter)
            keystrokes.append(elapsed)
            if position == 0:
                firsts.append(elapsed)
            await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
    _report("search_open", opens[:1])
    _report("search_ready", readies[:1])
    _report("search", keystrokes)
    _report("search_first", firsts)
