"""What every command needs, built lazily from the parsed global options.

Each part is imported where it is first built: ``confterm now`` asks for the program file,
zone and clock but, with its timeline current, never for the program (see
:mod:`confterm.glance`), so it never imports the model. It asks for the places as text
(``*_text``), so it never imports pathlib either; every other part is given a ``Path``.
"""

from __future__ import annotations

import os
from datetime import date, datetime, tzinfo
from functools import cached_property

from confterm import paths
from confterm.clock import NOW_ENV, Clock, now_from_env, parse_now
from confterm.errors import UsageError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from argparse import Namespace
    from collections.abc import Callable
    from pathlib import Path
    from types import SimpleNamespace

    from confterm.model.program import Program
    from confterm.queries.index import ProgramIndex
    from confterm.settings import Settings


class Context:
    """The parsed command line, and the program, zone and clock it selects."""

    def __init__(self, args: Namespace | SimpleNamespace) -> None:
        """Keep ``args``; check ``--now`` (or ``CONFTERM_NOW``) at once, so that every command
        rejects a bad one before it prints anything, whether or not it reads the clock.

        Raises:
            UsageError: ``--now`` or ``CONFTERM_NOW`` is not an ISO date-time.
        """
        self.args = args
        self._now_text = checked_now(getattr(args, "now", None))
        #: One-line notices for the user (a settings file that was partly ignored...): the
        #: CLI prints them on stderr, the app shows them.
        self.notices: list[str] = []
        #: Where :attr:`conference_zone` comes from instead of the program, when it must not
        #: be loaded (``confterm now`` sets its timeline's); asked only when needed.
        self.conference_zone_source: Callable[[], tzinfo] | None = None

    @cached_property
    def settings(self) -> Settings:
        """The settings file with the environment on top (see :mod:`confterm.settings`).

        Raises:
            UsageError: an environment variable holds a bad value.
        """
        from confterm import settings

        file_settings, problem = settings.read_file(paths.settings_file_text())
        if problem:
            self.notices.append(problem)
        self._file_settings = file_settings
        try:
            return settings.with_environment(file_settings)
        except ValueError as error:
            raise UsageError(str(error)) from None

    @cached_property
    def conference_id(self) -> str | None:
        """The conference to open: ``--conference``, else ``CONFTERM_CONFERENCE``, else the
        settings file's (when it is still known; else a notice), else the one used last
        (see :func:`confterm.store.catalog.last_conference`); None: the default."""
        chosen: str | None = getattr(self.args, "conference", None)
        if chosen or getattr(self.args, "data", None):
            return chosen
        wanted = self.settings.conference
        if not wanted:
            from confterm.store.selection import last_conference

            return last_conference(self.data_dir_text)
        if wanted and wanted == self._file_settings.conference and not _env_names_it():
            from confterm.store.selection import program_file

            try:
                program_file(wanted, self.data_dir_text)
            except UsageError as error:
                self.notices.append(f"{paths.settings_file_text()}: conference: {error.message}")
                return None
        return wanted

    @cached_property
    def data_dir_text(self) -> str:
        """Where user data lives."""
        return paths.data_dir_text(getattr(self.args, "data_dir", None))

    @cached_property
    def data_dir(self) -> Path:
        """:attr:`data_dir_text` as a Path."""
        from pathlib import Path

        return Path(self.data_dir_text)

    @cached_property
    def program_file_text(self) -> tuple[str, str | None]:
        """The file of the selected conference, and its label in messages (None: its path)."""
        from confterm.store.selection import program_source_file

        data = getattr(self.args, "data", None)
        return program_source_file(self.conference_id, data or None, self.data_dir_text)

    @cached_property
    def program_file(self) -> tuple[Path, str | None]:
        """:attr:`program_file_text`, the file as a Path."""
        from pathlib import Path

        path, label = self.program_file_text
        return Path(path), label

    @cached_property
    def program(self) -> Program:
        """The selected conference program, loaded and validated."""
        from pathlib import Path

        from confterm.store.catalog import open_program

        data = getattr(self.args, "data", None)
        program = open_program(
            self.conference_id,
            Path(data) if data else None,
            self.data_dir,
        )
        if getattr(self.args, "conference", None):
            # Named on the command line: the next command (or the app) opens it unasked.
            from confterm.store.catalog import remember_conference

            remember_conference(self.data_dir, program.conference.id)
        return program

    @cached_property
    def index(self) -> ProgramIndex:
        """The index of :attr:`program` that every query takes (one per command)."""
        from confterm.queries.index import ProgramIndex

        return ProgramIndex(self.program)

    @cached_property
    def conference_zone(self) -> tzinfo:
        """The conference's own zone: the program's, or :attr:`conference_zone_source`'s."""
        if self.conference_zone_source is not None:
            return self.conference_zone_source()
        return self.program.conference.zone

    @cached_property
    def zone_spec(self) -> str:
        """The display zone as asked for: ``--tz``, else the settings' (or ``CONFTERM_TZ``),
        else ``conference``."""
        spec: str = getattr(self.args, "tz", None) or self.settings.zone or "conference"
        return spec

    @property
    def shows_conference_zone(self) -> bool:
        """True when times are shown in the conference's own zone."""
        from confterm.timezones import names_conference_zone

        return names_conference_zone(self.zone_spec)

    @cached_property
    def display_zone(self) -> tzinfo:
        """The zone every time is shown in."""
        from confterm.timezones import resolve_display_zone

        return resolve_display_zone(self.zone_spec, self.conference_zone)

    @cached_property
    def remind_minutes(self) -> int:
        """How long before a bookmarked session the app reminds (0: never): ``--remind``,
        else ``CONFTERM_REMIND``, else the settings file, else 10."""
        given: int | None = getattr(self.args, "remind", None)
        return given if given is not None else self.settings.reminder_minutes

    @cached_property
    def theme(self) -> str | None:
        """The app's theme: ``--theme``, else ``CONFTERM_THEME``, else the settings file
        (None: Textual's default). Checked against the app's themes where the app starts."""
        given: str | None = getattr(self.args, "theme", None)
        return given or self.settings.theme

    @cached_property
    def clock(self) -> Clock:
        """The clock for 'today' and 'now'."""
        if self._now_text is None:
            return Clock()
        # A naive --now is in the conference zone, which needs the program: applied only here.
        return Clock(parse_now(self._now_text, lambda: self.conference_zone))

    def day(self, spec: str) -> date:
        """The conference day ``--day spec`` names (a date, a day number, today, tomorrow)."""
        from confterm.queries.agenda import resolve_day

        today = self.clock.now().astimezone(self.program.conference.zone).date()
        return resolve_day(self.index, spec, today=today)


def _env_names_it() -> bool:
    from confterm.settings import ENV

    return bool(os.environ.get(ENV["conference"], "").strip())


#: The years a --now may name: a day's margin either side keeps every zone's conversion and
#: the running clock inside what datetime can hold.
_NOW_YEARS = range(2, 9999)


def checked_now(option: str | None) -> str | None:
    """The ``--now`` text (else ``CONFTERM_NOW``, else None), once its syntax is known good.

    Only the syntax is checked: the program (whose zone a naive time is in) is not loaded.

    Raises:
        UsageError: the text is not an ISO date-time, or its year is out of range.
    """
    source, text = ("--now", option) if option else (NOW_ENV, now_from_env())
    if text is None:
        return None
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        raise UsageError(
            f"{source}: {text!r} is not an ISO date-time (e.g. 2025-05-13T10:00-07:00)"
        ) from None
    if moment.year not in _NOW_YEARS:
        raise UsageError(
            f"{source}: {text!r} is out of range (years {_NOW_YEARS.start} to "
            f"{_NOW_YEARS.stop - 1})"
        )
    return text
