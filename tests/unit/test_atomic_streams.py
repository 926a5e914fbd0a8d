"""Writing to a device or a pipe writes into it; renaming over one would put a plain file in
its place (``-o /dev/null`` run as root replaced the machine's /dev/null)."""

from __future__ import annotations

import os
import socket
import stat
import threading
from pathlib import Path

import pytest

from confterm import atomic
from confterm.atomic import write_atomic


def _read_fifo_in_background(fifo: Path, received: list[bytes]) -> threading.Thread:
    def read() -> None:
        with fifo.open("rb") as stream:
            received.append(stream.read())

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    return reader


def test_a_fifo_is_written_into_and_stays_a_fifo(tmp_path: Path) -> None:
    fifo = tmp_path / "agenda.ics"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = _read_fifo_in_background(fifo, received)
    write_atomic(fifo, b"BEGIN:VCALENDAR\r\n")
    reader.join(timeout=10)
    assert received == [b"BEGIN:VCALENDAR\r\n"]
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["agenda.ics"]  # no temporary left


def test_dev_null_is_written_into_and_stays_a_device() -> None:
    null = Path(os.devnull)
    # Checked before writing, so that a regression fails here and never replaces /dev/null.
    assert atomic._is_stream(null)
    write_atomic(null, b"nothing to keep")
    assert stat.S_ISCHR(null.stat().st_mode)


def test_a_socket_is_refused_and_named(tmp_path: Path) -> None:
    path = tmp_path / "s.sock"
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        server.bind(str(path))
        with pytest.raises(OSError, match="not a regular file") as raised:
            write_atomic(path, b"x")
        assert raised.value.filename == str(path)
        assert stat.S_ISSOCK(path.stat().st_mode)
    finally:
        server.close()


def test_a_regular_file_is_still_replaced_whole(tmp_path: Path) -> None:
    target = tmp_path / "agenda.txt"
    target.write_bytes(b"old")
    write_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["agenda.txt"]
