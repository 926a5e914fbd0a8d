"""The few error types a user can see, each carrying a clear one-line message.

The CLI turns them into ``confterm: error: ...`` on stderr and an exit code:
1 for bad data, 2 for bad usage. Nothing else should ever reach the user as a traceback.

Messages quote what they are about (a file name, a URL, a field name, a value), which may come
from a crafted file: each line is cleaned to one safe line when the error is made.
"""

from __future__ import annotations

from confterm.text import one_line

EXIT_DATA = 1
EXIT_USAGE = 2


class ConftermError(Exception):
    """Base of every error meant to be shown to the user as it is."""

    exit_code = EXIT_DATA

    def __init__(self, message: str) -> None:
        message = one_line(message)
        super().__init__(message)
        self.message = message

    def lines(self) -> list[str]:
        """The lines to print, one problem per line."""
        return [self.message]


class DataError(ConftermError):
    """A data file (conference, import, store) is missing, unreadable or invalid."""

    exit_code = EXIT_DATA

    def __init__(self, message: str, problems: list[str] | None = None) -> None:
        super().__init__(message)
        self.problems = [one_line(problem) for problem in problems] if problems else [self.message]

    def lines(self) -> list[str]:
        return list(self.problems)


class UsageError(ConftermError):
    """The command line asks for something that cannot be (unknown day, bad option value)."""

    exit_code = EXIT_USAGE


class StoreError(ConftermError):
    """The bookmark store cannot be written (read-only directory, locked database)."""

    exit_code = EXIT_DATA
