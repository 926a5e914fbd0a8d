"""Size limits of an import source: 20 MiB for a download, much more for a local file."""

from __future__ import annotations

from collections.abc import Callable
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest

from confterm.cli import main
from confterm.errors import DataError
from confterm.sources import fetch
from confterm.sources.fetch import MAX_BYTES, MAX_FILE_BYTES, read_source

FRAB_JSON = Path(__file__).resolve().parents[1] / "data" / "import" / "frab.json"


class _Body(BaseHTTPRequestHandler):
    """Serves ``body`` for every path."""

    body = b""

    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Length", str(len(self.body)))
        self.end_headers()
        self.wfile.write(self.body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def server(serve_http: Callable[[type[BaseHTTPRequestHandler]], str]) -> str:
    return serve_http(_Body)


def test_the_limits() -> None:
    assert MAX_BYTES == 20 * 1024 * 1024
    assert MAX_FILE_BYTES == 512 * 1024 * 1024


def test_a_local_file_over_the_download_limit_is_read(tmp_path: Path) -> None:
    big = tmp_path / "big.xml"
    data = b"x" * (MAX_BYTES + 1)
    big.write_bytes(data)
    assert read_source(str(big)) == (data, str(big))


def test_a_download_over_the_limit_is_refused(server: str) -> None:
    _Body.body = b"x" * (MAX_BYTES + 1)
    with pytest.raises(DataError, match=r"larger than the size limit for a download \(20 MiB\)"):
        read_source(f"{server}/schedule.xml")
    _Body.body = b"x" * MAX_BYTES
    assert len(read_source(f"{server}/schedule.xml")[0]) == MAX_BYTES


def test_a_local_file_over_its_limit_is_refused_unread(tmp_path: Path) -> None:
    huge = tmp_path / "disk.img"
    with huge.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)  # sparse: no disk space used
    with pytest.raises(DataError) as error:
        read_source(str(huge))
    assert str(error.value) == f"{huge}: larger than the size limit for a local file (512 MiB)"


def test_the_bounded_read_catches_a_file_whose_size_is_not_known(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A file that grows after its size was taken (or a pipe that reports none) is still
    # cut at the limit by the read.
    grown = tmp_path / "grown.xml"
    grown.write_bytes(b"x" * 2000)
    monkeypatch.setattr(fetch, "MAX_FILE_BYTES", 1000)
    real_stat = Path.stat

    def stale_stat(self: Path, **kwargs: bool) -> object:
        result = real_stat(self, **kwargs)
        return type("Stat", (), {"st_size": 0, "st_mode": result.st_mode})()

    monkeypatch.setattr(Path, "stat", stale_stat)
    with pytest.raises(DataError, match=r"larger than the size limit for a local file \(1,000"):
        read_source(str(grown))


def test_confterm_import_of_a_file_over_20_mib(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A frab schedule padded with whitespace past the download limit (still valid JSON).
    padded = tmp_path / "padded.json"
    padded.write_bytes(FRAB_JSON.read_bytes() + b" " * (MAX_BYTES + 1))
    assert main(["import", str(padded), "--id", "padded"]) == 0
    assert "imported" in capsys.readouterr().out
    assert main(["list", "--conference", "padded"]) == 0
