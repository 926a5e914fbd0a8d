"""Every place confterm reads or writes on disk, and the overrides for them.

All platformdirs calls live here so that tests (and ``--data-dir`` / ``CONFTERM_DATA_DIR``)
can redirect user data in one place. On Linux, where the answer is the plain XDG Base
Directory rule, it is worked out here (:func:`platform_dir`); platformdirs is imported only
elsewhere, or for an environment that rule does not cover plainly. Importing it (with
pathlib, tempfile, shutil, random...) was the largest part of the start of ``confterm now``.

Each place is worked out as text first (``*_text``: what ``confterm now``, a status line's
command, uses, without importing pathlib), and given to the rest of confterm as a ``Path``.
"""

from __future__ import annotations

import os
import sys

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path

APP_NAME = "confterm"
DATA_DIR_ENV = "CONFTERM_DATA_DIR"
CACHE_DIR_ENV = "CONFTERM_CACHE_DIR"
CONFIG_DIR_ENV = "CONFTERM_CONFIG_DIR"

#: The files and folders in the user data directory.
BOOKMARKS_FILE = "bookmarks.sqlite3"
LAST_CONFERENCE_FILE = "last-conference"
CONFERENCES_FOLDER = "conferences"
SETTINGS_FILE = "settings.toml"


def _path(text: str) -> Path:
    from pathlib import Path

    return Path(text)


def data_dir_text(override: str | os.PathLike[str] | None = None) -> str:
    """Where bookmarks and imported conferences live.

    Precedence: an explicit override (``--data-dir``), then ``CONFTERM_DATA_DIR``, then the
    platform's user data directory.
    """
    if override:
        return os.path.expanduser(os.fspath(override))
    from_env = os.environ.get(DATA_DIR_ENV)
    if from_env:
        return os.path.expanduser(from_env)
    return platform_dir("data")


def user_data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """:func:`data_dir_text` as a Path."""
    return _path(data_dir_text(override))


#: The XDG variable of each user directory, and its default under the home directory.
_XDG = {
    "data": ("XDG_DATA_HOME", ".local/share"),
    "cache": ("XDG_CACHE_HOME", ".cache"),
    "config": ("XDG_CONFIG_HOME", ".config"),
}


def platform_dir(kind: str) -> str:
    """confterm's user directory of ``kind`` ("data", "cache" or "config"), as platformdirs
    gives it (``user_data_dir("confterm", appauthor=False)``...).

    On Linux with an absolute ``HOME`` and each XDG variable unset, empty or an absolute path
    as written, that is the XDG rule: the variable, else its default under ``HOME``, then
    ``confterm``. Anywhere else (Windows, macOS, Android, a relative ``HOME`` or XDG value)
    platformdirs answers, whose rules for those cases are its own.
    """
    variable, default = _XDG[kind]
    home = os.environ.get("HOME", "")
    given = os.environ.get(variable, "")
    plain = (
        sys.platform.startswith("linux")
        and not hasattr(sys, "getandroidapilevel")
        and "ANDROID_ROOT" not in os.environ
        and os.path.isabs(home)
        and (not given or (os.path.isabs(given) and given == given.strip()))
    )
    if plain:
        base = given or os.path.expanduser(f"~/{default}")
        return os.path.join(base, APP_NAME)
    import platformdirs

    # platformdirs' functions, by kind.
    answer: str = getattr(platformdirs, f"user_{kind}_dir")(APP_NAME, appauthor=False)
    return answer


def bookmarks_db(data_dir: Path) -> Path:
    """The SQLite file holding bookmarks and per-conference preferences."""
    return data_dir / BOOKMARKS_FILE


def last_conference_file(data_dir: Path) -> Path:
    """The small file naming the conference used last (opened when none is named)."""
    return data_dir / LAST_CONFERENCE_FILE


def conferences_dir(data_dir: Path) -> Path:
    """Where imported conferences are stored, one file each."""
    return data_dir / CONFERENCES_FOLDER


def documents_dir() -> Path:
    """The user's documents folder, the default place for exported agendas."""
    import platformdirs

    return _path(platformdirs.user_documents_dir())


def bundled_dir_text() -> str:
    """The directory of the data files shipped with confterm.

    In an installed wheel the top-level ``data/`` is packaged as ``confterm/data``; in a source
    checkout (editable install) it is the repository's ``data/`` folder.
    """
    # What importlib.resources.files("confterm") is for a package on disk, without importing
    # importlib.resources (with tempfile, zipfile...: a good part of a status line's start).
    here = os.path.dirname(os.path.abspath(__file__))
    packaged = os.path.join(here, "data")
    if os.path.isdir(packaged):
        return packaged
    return os.path.join(os.path.dirname(os.path.dirname(os.path.realpath(here))), "data")


def bundled_data_dir() -> Path:
    """:func:`bundled_dir_text` as a Path."""
    return _path(bundled_dir_text())


def bundled_file(name: str) -> Path:
    """A file shipped in ``data/``."""
    return bundled_data_dir() / name


def program_cache_dir_text() -> str:
    """Where programs validated before are kept, to open them faster (safe to delete):
    ``programs`` in ``CONFTERM_CACHE_DIR``, else in the platform's user cache directory."""
    from_env = os.environ.get(CACHE_DIR_ENV)
    base = os.path.expanduser(from_env) if from_env else platform_dir("cache")
    return os.path.join(base, "programs")


def program_cache_dir() -> Path:
    """:func:`program_cache_dir_text` as a Path."""
    return _path(program_cache_dir_text())


def program_cache_name(source: str | os.PathLike[str], suffix: str) -> str:
    """The name of a file derived from the program file ``source`` in the program cache:
    a digest of its resolved path, so each program file has its own (``suffix``: what the
    file is)."""
    key = _sha256_hex(os.path.realpath(source).encode("utf-8", "surrogateescape"))
    return f"{key[:32]}{suffix}"


def program_cache_file(cache_dir: Path, source: Path, suffix: str) -> Path:
    """:func:`program_cache_name` in ``cache_dir``."""
    return cache_dir / program_cache_name(source, suffix)


def _sha256_hex(data: bytes) -> str:
    # The standard library's own SHA-256 (the same digest as hashlib's): importing hashlib
    # loads OpenSSL, a good part of a status line's `confterm now` start.
    try:
        from _sha256 import sha256  # type: ignore[import-not-found]  # Python 3.11
    except ImportError:  # 3.12 renamed it: hashlib there
        from hashlib import sha256
    digest: str = sha256(data).hexdigest()
    return digest


def config_dir_text() -> str:
    """Where optional user settings live (``settings.toml``, ``keymap.toml``):
    ``CONFTERM_CONFIG_DIR``, else the platform's user config directory."""
    from_env = os.environ.get(CONFIG_DIR_ENV)
    if from_env:
        return os.path.expanduser(from_env)
    return platform_dir("config")


def user_config_dir() -> Path:
    """:func:`config_dir_text` as a Path."""
    return _path(config_dir_text())


def keymap_file() -> Path:
    """The optional file remapping the app's keys by binding id."""
    return user_config_dir() / "keymap.toml"


def settings_file_text() -> str:
    """The optional settings file (theme, default conference, reminders, zone, calendar)."""
    return os.path.join(config_dir_text(), SETTINGS_FILE)


def settings_file() -> Path:
    """:func:`settings_file_text` as a Path."""
    return _path(settings_file_text())
