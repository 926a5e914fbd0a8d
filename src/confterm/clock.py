"""The app's notion of "now": the real clock, or a moved one for testing and planning.

``--now 2025-05-13T10:00`` (or ``CONFTERM_NOW``) starts the clock at that moment; it then runs
forward in real time, so a running app behaves as it would on that day.
"""

from __future__ import annotations

import os
import time
from datetime import UTC, datetime, timedelta, tzinfo

from confterm.errors import UsageError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable

NOW_ENV = "CONFTERM_NOW"


class Clock:
    """A clock that may start at a chosen moment and then runs in real time."""

    def __init__(self, start: datetime | None = None, *, frozen: bool = False) -> None:
        """Start at ``start`` (default: the real time); ``frozen`` stops it there (snapshots)."""
        self._start = start
        self._frozen = frozen
        self._started_at = time.monotonic()
        self._offset = timedelta(0)

    def now(self) -> datetime:
        """The current moment, timezone-aware (UTC)."""
        if self._start is None:
            return datetime.now(UTC) + self._offset
        if self._frozen:
            return self._start.astimezone(UTC) + self._offset
        elapsed = timedelta(seconds=time.monotonic() - self._started_at)
        return self._start.astimezone(UTC) + elapsed + self._offset

    def advance(self, delta: timedelta) -> None:
        """Move the clock forward (tests and demos)."""
        self._offset += delta


def parse_now(text: str, default_zone: tzinfo | Callable[[], tzinfo]) -> datetime:
    """Parse an ISO date-time for ``--now``; a naive one is read in ``default_zone`` (which
    may be given as a function, called only for a naive time)."""
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        raise UsageError(
            f"--now: {text!r} is not an ISO date-time (e.g. 2025-05-13T10:00-07:00)"
        ) from None
    if moment.tzinfo is None:
        zone = default_zone if isinstance(default_zone, tzinfo) else default_zone()
        moment = moment.replace(tzinfo=zone)
    return moment


def now_from_env() -> str | None:
    """The ``CONFTERM_NOW`` value, if set."""
    return os.environ.get(NOW_ENV) or None
