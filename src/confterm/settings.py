"""The user's settings file, ``settings.toml`` in the user config dir, and its overrides.

Every setting has three sources, strongest first: a command-line option, an environment
variable, the settings file; then confterm's default::

    theme = "textual-light"          # --theme NAME,        CONFTERM_THEME
    conference = "fosdem2026"        # --conference ID,     CONFTERM_CONFERENCE
    remind_minutes = 10              # --remind MINUTES,    CONFTERM_REMIND
    zone = "local"                   # --tz ZONE,           CONFTERM_TZ
    calendar_file = "~/cal/me.ics"   # confterm calendar's output option, CONFTERM_CALENDAR

For the conference the last one used comes after the file, then the bundled program (see
``team-owners.md``). A file that cannot be read or parsed, or holds a value of the wrong type,
is never fatal: its good values are used, the rest fall back to defaults, and one line says
what was wrong. The app stores the theme picked in its theme picker here
(:func:`save_setting`), rewriting only that line, atomically, so the rest of the file and its
comments are kept.

No Textual here: the CLI reads these on every start, and the app's theme names are checked
where the app starts. For that start (a status line's ``confterm now`` among them) this
module imports little: TOML, json, re and the atomic writer only where they are used.
"""

from __future__ import annotations

import os

from confterm.files import read_regular_file
from confterm.text import one_line

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping
    from pathlib import Path

#: The environment variable of each setting.
ENV = {
    "theme": "CONFTERM_THEME",
    "conference": "CONFTERM_CONFERENCE",
    "remind_minutes": "CONFTERM_REMIND",
    "zone": "CONFTERM_TZ",
    "calendar_file": "CONFTERM_CALENDAR",
}

DEFAULT_REMIND_MINUTES = 10
#: The longest reminder (one week), as for ``agenda --alarm``.
MAX_REMIND_MINUTES = 7 * 24 * 60


class Settings:
    """The settings from the file and the environment (None: not set; use the default).

    A plain class, not a NamedTuple: importing typing is a good part of the start of
    ``confterm now``, which reads these.
    """

    #: The settings, in order (also the positional order of the constructor).
    FIELDS = ("theme", "conference", "remind_minutes", "zone", "calendar_file")
    __slots__ = FIELDS

    def __init__(
        self,
        theme: str | None = None,
        conference: str | None = None,
        remind_minutes: int | None = None,
        zone: str | None = None,
        calendar_file: str | None = None,
    ) -> None:
        self.theme = theme
        self.conference = conference
        self.remind_minutes = remind_minutes
        self.zone = zone
        self.calendar_file = calendar_file

    def _values(self) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name in self.FIELDS)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Settings):
            return NotImplemented
        return self._values() == other._values()

    __hash__ = None  # type: ignore[assignment]  # compared by value, and mutable: not hashable

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.FIELDS)
        return f"Settings({shown})"

    def replace(self, **changes: object) -> Settings:
        """A copy with ``changes`` (setting names) applied."""
        values = dict(zip(self.FIELDS, self._values(), strict=True))
        values.update(changes)
        return Settings(**values)  # type: ignore[arg-type]

    @property
    def reminder_minutes(self) -> int:
        """How long before a bookmarked session to remind (0: never)."""
        return DEFAULT_REMIND_MINUTES if self.remind_minutes is None else self.remind_minutes

    def calendar_path(self) -> Path | None:
        """The calendar file, ``~`` expanded; None when not set."""
        from pathlib import Path

        return Path(self.calendar_file).expanduser() if self.calendar_file else None


def parse_minutes(text: str) -> int:
    """A whole number of minutes from 0 to one week.

    Raises:
        ValueError: anything else (the message says what is wrong).
    """
    try:
        value = int(text)
    except ValueError:
        raise ValueError(f"not a whole number of minutes: {text!r}") from None
    if value < 0:
        raise ValueError(f"minutes cannot be negative: {text!r}")
    if value > MAX_REMIND_MINUTES:
        raise ValueError(f"more than a week of minutes: {text!r} (at most {MAX_REMIND_MINUTES})")
    return value


def _check(key: str, value: object) -> object:
    """``value`` for ``key`` if it has the right type and range, else ValueError."""
    if key == "remind_minutes":
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError("expected a whole number of minutes")
        return parse_minutes(str(value))
    if not isinstance(value, str) or not value.strip() or not value.isprintable():
        raise ValueError("expected a non-empty string on one line")
    return value.strip()


#: A settings file is a few short lines; anything near this is not one.
MAX_SETTINGS_BYTES = 64 * 1024


_BARE_KEY = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")


def plain_toml(text: str) -> dict[str, str | int] | None:
    """What ``tomllib.loads(text)`` gives, for a file of the plain lines a settings file
    usually holds (as :func:`save_setting` writes them): blank lines, ``# comment`` lines and
    ``key = "text"`` or ``key = 123`` lines, each key once. None for anything else (escapes,
    tables, trailing comments, other types...): tomllib reads those, and says what is wrong.
    A test holds the two equal wherever this answers.
    """
    found: dict[str, str | int] = {}
    for line in text.split("\n"):
        stripped = line.strip(" ")
        if not stripped or (stripped.startswith("#") and stripped.isprintable()):
            continue
        key, equals, value = stripped.partition("=")
        key, value = key.strip(" "), value.strip(" ")
        if not equals or not key or not _BARE_KEY.issuperset(key) or key in found:
            return None
        if len(value) >= 2 and value[0] == value[-1] == '"':
            inner = value[1:-1]
            if '"' in inner or "\\" in inner or not inner.isprintable():
                return None
            found[key] = inner
        elif value == "0" or (
            value.isascii() and value.isdigit() and value[0] > "0" and len(value) < 19
        ):
            found[key] = int(value)
        else:
            return None
    return found


def read_file(path: str | os.PathLike[str]) -> tuple[Settings, str | None]:
    """The settings in ``path`` (none when there is no file) and one line naming what was
    wrong with it, if anything."""
    try:
        # Bounded by type and size before reading: a FIFO or /dev/zero here must not hang
        # or fill memory (see confterm.files).
        raw = read_regular_file(path, MAX_SETTINGS_BYTES)
        text = raw.decode("utf-8")
        data = plain_toml(text)
        if data is None:
            # Imported only for a file beyond the plain lines: with typing, string and re,
            # importing it costs a status line's `confterm now` more than its answer.
            import tomllib

            data = tomllib.loads(text)
    except FileNotFoundError:
        return Settings(), None
    except RecursionError:
        return Settings(), f"{one_line(str(path))}: ignored, nested too deeply; using the defaults"
    except (OSError, ValueError) as error:
        # tomllib.TOMLDecodeError is a ValueError; its message names the line and column.
        reason = one_line(
            error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        )
        return (
            Settings(),
            f"{one_line(str(path))}: ignored, cannot read it ({reason}); using the defaults",
        )
    values: dict[str, object] = {}
    problems: list[str] = []
    known = set(Settings.FIELDS)
    for key, value in data.items():
        if key not in known:
            problems.append(f"unknown setting {key!r}")
            continue
        try:
            values[key] = _check(key, value)
        except ValueError as error:
            problems.append(f"{key}: {error}")
    problem = None
    if problems:
        problem = f"{path}: ignored {'; '.join(problems)} (known: {', '.join(sorted(known))})"
    return Settings(**values), problem  # type: ignore[arg-type]


def with_environment(settings: Settings, environ: Mapping[str, str] | None = None) -> Settings:
    """``settings`` with the environment variables of :data:`ENV` that are set on top.

    Raises:
        ValueError: ``CONFTERM_REMIND`` is not a number of minutes (the message names it).
    """
    env = os.environ if environ is None else environ
    changes: dict[str, object] = {}
    for key, name in ENV.items():
        text = env.get(name, "").strip()
        if not text:
            continue
        if key == "remind_minutes":
            try:
                changes[key] = parse_minutes(text)
            except ValueError as error:
                raise ValueError(f"{name}: {error}") from None
        else:
            changes[key] = text
    return settings.replace(**changes)


def load(
    path: str | os.PathLike[str], environ: Mapping[str, str] | None = None
) -> tuple[Settings, str | None]:
    """The file's settings with the environment on top, and the file's problem, if any.

    Raises:
        ValueError: an environment variable holds a bad value.
    """
    settings, problem = read_file(path)
    return with_environment(settings, environ), problem


def _toml_value(value: str | int) -> str:
    if isinstance(value, int):
        return str(value)
    import json

    # A JSON string is a valid TOML basic string: the same escapes (\" \\ \n \uXXXX).
    return json.dumps(value, ensure_ascii=False)


def save_setting(path: Path, key: str, value: str | int) -> None:
    """Set ``key`` to ``value`` in the file at ``path``, atomically, keeping every other line.

    The first top-level ``key = ...`` line is replaced; with none, the line is added before
    the first table (or at the end). A file that cannot be parsed is left alone.

    Raises:
        OSError: the file cannot be read or written.
        ValueError: ``key`` is not a setting, or the file is not valid TOML (so not ours to
            rewrite).
    """
    if key not in ENV:
        raise ValueError(f"unknown setting {key!r}")
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        text = ""
    import re
    import tomllib

    from confterm.atomic import write_atomic

    tomllib.loads(text)  # raises TOMLDecodeError (a ValueError) before anything is written
    line = f"{key} = {_toml_value(value)}"
    lines = text.splitlines()
    pattern = re.compile(rf"\s*{re.escape(key)}\s*=")
    first_table = next(
        (i for i, existing in enumerate(lines) if existing.lstrip().startswith("[")), len(lines)
    )
    for index in range(first_table):
        if pattern.match(lines[index]):
            lines[index] = line
            break
    else:
        lines.insert(first_table, line)
    write_atomic(path, ("\n".join(lines) + "\n").encode("utf-8"))
