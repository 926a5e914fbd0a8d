"""Writing user files atomically: readers see the old content or the new, never half a file.

The data goes to a temporary file in the same directory (so ``os.replace`` is a rename on one
file system), is flushed and fsynced, then replaces the target; the directory is fsynced too
where the platform allows it, so the rename survives a crash.

The temporary file is created private (0600) so nobody reads it half-written; before the
rename it gets the mode a plain ``open()`` would have given: the existing file's mode when
replacing one, else 0666 less the user's umask (0644 by default).
"""

from __future__ import annotations

import contextlib
import os
import stat
import threading
from pathlib import Path

_UMASK_LOCK = threading.Lock()


def write_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` atomically, creating its parent directory if needed."""
    import tempfile  # here: reading settings (which imports this module) needs none of it

    path.parent.mkdir(parents=True, exist_ok=True)
    mode = _target_mode(path)
    fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            with contextlib.suppress(OSError):  # a file system without modes (FAT)
                os.fchmod(handle.fileno(), mode)
            os.fsync(handle.fileno())
        os.replace(temp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise
    _fsync_directory(path.parent)


def _target_mode(path: Path) -> int:
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        return 0o666 & ~current_umask()


def current_umask() -> int:
    """The process's umask."""
    # Linux tells it without changing it; elsewhere reading it means setting it for a moment.
    with contextlib.suppress(OSError, ValueError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    with _UMASK_LOCK:
        mask = os.umask(0o022)
        os.umask(mask)
    return mask


def _fsync_directory(directory: Path) -> None:
    # Not every platform can open a directory (Windows cannot); the rename is still atomic there.
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)
