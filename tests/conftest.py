"""Shared fixtures: a small conference, and user data isolated from the developer's own."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from confterm.model.loading import load_program_file
from confterm.model.program import Program

TESTS_DIR = Path(__file__).parent
TEST_DATA = TESTS_DIR / "data"
TINYCONF = TEST_DATA / "tinyconf.json"


@pytest.fixture(autouse=True)
def isolated_user_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point every user-data path at a temporary directory; drop clock and colour overrides."""
    data_dir = tmp_path / "user-data"
    monkeypatch.setenv("CONFTERM_DATA_DIR", str(data_dir))
    monkeypatch.setenv("CONFTERM_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("CONFTERM_NOW", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    # The developer's own settings file and overrides stay out of every test.
    monkeypatch.setenv("CONFTERM_CONFIG_DIR", str(tmp_path / "config"))
    for name in ("THEME", "CONFERENCE", "REMIND", "TZ", "CALENDAR"):
        monkeypatch.delenv(f"CONFTERM_{name}", raising=False)
    return data_dir


@pytest.fixture
def tinyconf_path() -> Path:
    """Path of the small hand-written fixture conference."""
    return TINYCONF


@pytest.fixture
def tinyconf() -> Program:
    """The small hand-written fixture conference, loaded."""
    return load_program_file(TINYCONF)


ServeHttp = Callable[[type[BaseHTTPRequestHandler]], str]


@pytest.fixture
def serve_http() -> Iterator[ServeHttp]:
    """Start a local HTTP server (127.0.0.1, a free port) with a handler; returns its base URL.

    Servers stop when the test ends. Tests never need the network."""
    servers: list[ThreadingHTTPServer] = []

    def start(handler: type[BaseHTTPRequestHandler]) -> str:
        httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        servers.append(httpd)
        return f"http://127.0.0.1:{httpd.server_address[1]}"

    yield start
    for httpd in servers:
        httpd.shutdown()
        httpd.server_close()
