"""Fixed clocks for the app's tests (shared by the Pilot and snapshot tests)."""

from __future__ import annotations

from collections.abc import Callable

from confterm.tui.app import ConftermApp

# Far from a minute boundary, and outside the conference unless a test says otherwise.
BEFORE = "2026-02-01T12:00:30"
DURING = "2026-03-07T10:40:30"  # Day 1, "Parsing Schedules Without Tears" in progress (alone)

AppFactory = Callable[..., ConftermApp]
