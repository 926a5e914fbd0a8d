"""Reading a file named from outside, bounded before any byte is read.

A path given by the user or found on disk (``--data``, ``validate``, ``import``, the keymap,
the program cache) may name a FIFO that never ends, a device such as ``/dev/zero`` that
never stops, a directory, or a file far too large. Each is refused *by its type and size*,
before reading: the file is opened without blocking (a FIFO with no writer would otherwise
hang the open), the opened file itself is checked (so a swap after the check cannot slip a
FIFO in), and at most ``limit`` bytes are ever read.
"""

from __future__ import annotations

import errno
import os
import stat
import time

_MIB = 1024 * 1024
#: The size limit of a local schedule or program file. Far above any real program (50,000
#: sessions of frab XML are about 40 MiB); it only keeps a mistaken path (a disk image, a
#: video) from filling memory.
MAX_FILE_BYTES = 512 * _MIB


_CHUNK = 64 * 1024


class NotAFileError(OSError):
    """The path names something other than a regular file (a directory, FIFO, device...)."""


class FileTooLargeError(OSError):
    """The file is larger than the limit it is read with."""


def size_text(limit: int) -> str:
    """A size limit as people read it (``512 MiB``, ``1,000 bytes``)."""
    return f"{limit // _MIB} MiB" if limit % _MIB == 0 else f"{limit:,} bytes"


def read_regular_file(path: str | os.PathLike[str], limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of the regular file at ``path`` (symbolic links followed).

    Raises:
        FileNotFoundError: there is nothing at ``path``.
        NotAFileError: it is a directory, FIFO, device or socket (``strerror`` says which).
        FileTooLargeError: it holds more than ``limit`` bytes.
        OSError: it cannot be opened or read (permissions, I/O error).
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except IsADirectoryError:
        raise NotAFileError(errno.EISDIR, "is a directory, not a file", str(path)) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotAFileError(
                errno.EINVAL, f"is {file_kind(info.st_mode)}, not a file", str(path)
            )
        if info.st_size > limit:
            raise FileTooLargeError(errno.EFBIG, _too_large(limit), str(path))
        # A regular file may still grow while it is read: never read past the limit.
        chunks: list[bytes] = []
        remaining = limit + 1
        step = max(info.st_size + 1, _CHUNK)  # the whole file in one read, usually
        while remaining > 0 and (chunk := os.read(fd, min(remaining, step))):
            chunks.append(chunk)
            remaining -= len(chunk)
    finally:
        os.close(fd)
    data = b"".join(chunks)
    if len(data) > limit:
        raise FileTooLargeError(errno.EFBIG, _too_large(limit), str(path))
    return data


def _too_large(limit: int) -> str:
    return f"larger than the size limit ({size_text(limit)})"


def file_kind(mode: int) -> str:
    """What a file of this ``st_mode`` is, for messages ("a directory", "a pipe (FIFO)"...)."""
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


# How long ago a program file must have changed for its stamp to be trusted: a file changed
# again within the same tick of its file system's clock could keep the same stamp. Linux file
# systems tick in milliseconds; one that keeps whole seconds (FAT: two) gets a wider margin.
_SETTLED_NS = 100_000_000
_SETTLED_COARSE_NS = 3_000_000_000


class SourceStamp:
    """What tells a program file's content from any other without reading it: its device,
    inode, size, modification and change times (a write changes the change time, which no
    program can set back)."""

    __slots__ = ("settled", "text")

    def __init__(self, text: str, settled: bool) -> None:
        self.text = text
        #: True when it last changed long enough ago (see ``_SETTLED_NS``) that any change
        #: from now on shows in the stamp: only then is a timeline or a program cache kept under it.
        self.settled = settled


def source_stamp(source: str | os.PathLike[str]) -> SourceStamp | None:
    """The stamp of the program file ``source`` now (None when it cannot be read)."""
    looked = time.time_ns()
    try:
        info = os.stat(source)
    except OSError:
        return None
    mtime, ctime = info.st_mtime_ns, info.st_ctime_ns
    coarse = mtime % 1_000_000_000 == 0 and ctime % 1_000_000_000 == 0
    margin = _SETTLED_COARSE_NS if coarse else _SETTLED_NS
    text = f"{info.st_dev}:{info.st_ino}:{info.st_size}:{mtime}:{ctime}"
    return SourceStamp(text, looked - max(mtime, ctime) > margin)


def sqlite_uri(path: str | os.PathLike[str], query: str) -> str:
    """The SQLite ``file:`` URI of ``path`` (made absolute) with the parameters ``query``
    (``mode=ro``...). SQLite decodes ``%HH`` in it, and a ``?`` or ``#`` would end the path:
    those three are escaped."""
    text = os.path.abspath(path).replace("%", "%25").replace("?", "%3F").replace("#", "%23")
    return f"file://{text}?{query}"
