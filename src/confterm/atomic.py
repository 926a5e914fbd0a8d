"""Writing user files atomically: readers see the old content or the new, never half a file.

The data goes to a temporary file in the same directory (so ``os.replace`` is a rename on one
file system), is flushed and fsynced, then replaces the target; the directory is fsynced too
where the platform allows it, so the rename survives a crash. :func:`write_atomic_all` does
the same for files that belong together (an imported program and its metadata): every one is
written in full before any replaces its target, so a failure while writing (a full disk)
changes none of them.

The temporary file is created private (0600) so nobody reads it half-written; before the
rename it gets the mode a plain ``open()`` would have given: the existing file's mode when
replacing one, else 0666 less the user's umask (0644 by default). A character device or a pipe
(``/dev/null``, ``/dev/stdout``, a FIFO) is written into as ``open()`` would, never renamed over.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import threading
from collections.abc import Sequence
from pathlib import Path

_UMASK_LOCK = threading.Lock()


def write_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` atomically, creating its parent directory if needed."""
    write_atomic_all([(path, data)])


def write_atomic_all(files: Sequence[tuple[Path, bytes]]) -> None:
    """Replace each path with its data; when any cannot be written, none is replaced.

    The replacements happen in the order given, once every temporary file is complete: only
    a crash between two renames (no disk space is needed for them) can leave some done.
    """
    written: list[tuple[str, Path]] = []
    streams: list[tuple[Path, bytes]] = []
    try:
        for path, data in files:
            if _is_stream(path):
                streams.append((path, data))
                continue
            path.parent.mkdir(parents=True, exist_ok=True)
            written.append((_write_temp(path, data), path))
        for temp_name, path in written:
            os.replace(temp_name, path)
    except BaseException:
        for temp_name, _ in written:
            with contextlib.suppress(OSError):
                os.unlink(temp_name)
        raise
    for directory in dict.fromkeys(path.parent for _, path in written):
        _fsync_directory(directory)
    for path, data in streams:
        with path.open("wb") as stream:
            stream.write(data)


def _is_stream(path: Path) -> bool:
    """True for a character device or a pipe (``-o /dev/null``, a FIFO): written into, never
    replaced, since renaming over one would put a plain file in its place. Any other target
    that is not a regular file (a block device, a socket) is refused."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    if stat.S_ISCHR(mode) or stat.S_ISFIFO(mode):
        return True
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return False  # a directory is refused by the rename, naming it
    raise OSError(errno.EINVAL, "not a regular file, a terminal or a pipe", str(path))


def _write_temp(path: Path, data: bytes) -> str:
    """A complete, fsynced temporary copy of ``data`` beside ``path``, with the mode ``path``
    should get; its name."""
    import tempfile  # here: reading settings (which imports this module) needs none of it

    mode = _target_mode(path)
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as error:
        # Name the file being saved, not the temporary one that could not be made.
        raise OSError(error.errno, error.strerror, str(path)) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            with contextlib.suppress(OSError):  # a file system without modes (FAT)
                os.fchmod(handle.fileno(), mode)
            os.fsync(handle.fileno())
    except BaseException as error:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        if isinstance(error, OSError):
            raise OSError(error.errno, error.strerror, str(path)) from None
        raise
    return temp_name


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
