"""`confterm import URL` and `import --refresh ID` against a local server: gzip accepted, and
a refresh of an unchanged program is a conditional GET that downloads nothing."""

from __future__ import annotations

import gzip
import subprocess
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import ClassVar

import pytest

from confterm.sources.fetch import web_url

RunCli = Callable[..., subprocess.CompletedProcess[str]]
FRAB_JSON = Path(__file__).resolve().parents[1] / "data" / "import" / "frab.json"
ETAG = '"v1"'
LAST_MODIFIED = "Tue, 20 Aug 2024 10:00:00 GMT"


class _Versioned(BaseHTTPRequestHandler):
    """Serves one version with validators; answers 304 to a request that names it."""

    body: ClassVar[bytes] = b""
    etag: ClassVar[str] = ETAG
    requests: ClassVar[list[dict[str, str]]] = []
    bodies_sent: ClassVar[int] = 0

    def do_GET(self) -> None:
        headers = {key.lower(): value for key, value in self.headers.items()}
        type(self).requests.append(headers)
        if headers.get("if-none-match") == self.etag:
            self.send_response(304)
            self.send_header("ETag", self.etag)
            self.end_headers()
            return
        body = self.body
        gzipped = "gzip" in headers.get("accept-encoding", "")
        if gzipped:
            body = gzip.compress(body)
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("ETag", self.etag)
        self.send_header("Last-Modified", LAST_MODIFIED)
        if gzipped:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        type(self).bodies_sent += 1

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def server(serve_http: Callable[[type[BaseHTTPRequestHandler]], str]) -> str:
    _Versioned.body = FRAB_JSON.read_bytes()
    _Versioned.etag = ETAG
    _Versioned.requests = []
    _Versioned.bodies_sent = 0
    return serve_http(_Versioned) + "/schedule.json"


def test_an_unchanged_program_downloads_nothing(
    run_cli: RunCli, server: str, isolated_user_data: Path
) -> None:
    first = run_cli("import", server)
    assert first.returncode == 0, first.stderr
    assert "accept-encoding" in _Versioned.requests[0]
    assert "gzip" in _Versioned.requests[0]["accept-encoding"]
    stored = isolated_user_data / "conferences" / "camp24.json"
    before = stored.stat().st_mtime_ns

    same = run_cli("import", "--refresh", "camp24")
    assert same.returncode == 0, same.stderr
    assert "camp24: unchanged on the server since the last import; nothing downloaded" in (
        same.stdout
    )
    conditional = _Versioned.requests[1]
    assert conditional["if-none-match"] == ETAG
    assert conditional["if-modified-since"] == LAST_MODIFIED
    assert _Versioned.bodies_sent == 1
    assert stored.stat().st_mtime_ns == before

    # A new version on the server is downloaded (gzipped) and imported.
    _Versioned.etag = '"v2"'
    changed = run_cli("import", "--refresh", "camp24")
    assert changed.returncode == 0, changed.stderr
    assert "changes: none" in changed.stdout
    assert _Versioned.bodies_sent == 2
    assert _Versioned.requests[2]["if-none-match"] == ETAG
    again = run_cli("import", "--refresh", "camp24")
    assert "nothing downloaded" in again.stdout
    assert _Versioned.requests[3]["if-none-match"] == '"v2"'


def test_webcal_links_are_https() -> None:
    assert web_url("webcal://example.org/cal.ics") == "https://example.org/cal.ics"
    assert web_url("WEBCAL://example.org/cal.ics") == "https://example.org/cal.ics"
    assert web_url("webcals://example.org/x") == "https://example.org/x"
    assert web_url("http://example.org/x") == "http://example.org/x"
    assert web_url("https://example.org/webcal://x") == "https://example.org/webcal://x"
