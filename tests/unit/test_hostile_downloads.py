"""Downloads from a hostile server: a deadline beyond the per-read timeout, and whatever the
server says (status reason, redirect target) cleaned before it is shown."""

from __future__ import annotations

import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler

import pytest

from confterm.errors import DataError
from confterm.sources.fetch import fetch_if_changed, read_source

ServeHttp = Callable[[type[BaseHTTPRequestHandler]], str]
# What a server can put in a status line or header (latin-1): OSC 52, OSC 0, 8-bit CSI.
PAYLOAD = "\x1b]52;c;aGFja2Vk\x07\x1b]0;PWNED\x07\x9b2J"


class _DripBody(BaseHTTPRequestHandler):
    """Headers at once, then one byte of body every 0.1 s: never silent long enough for the
    per-read timeout."""

    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Length", "100000")
        self.end_headers()
        for _ in range(200):  # bounded: 20 s at most, long after the test is over
            try:
                self.wfile.write(b"x")
                self.wfile.flush()
            except OSError:
                return
            time.sleep(0.1)

    def log_message(self, *args: object) -> None:
        pass


class _DripHeaders(_DripBody):
    """The status line, then one header byte every 0.1 s."""

    def do_GET(self) -> None:
        self.wfile.write(b"HTTP/1.1 200 OK\r\n")
        for _ in range(200):
            try:
                self.wfile.write(b"X")
                self.wfile.flush()
            except OSError:
                return
            time.sleep(0.1)


class _HostileStatus(_DripBody):
    """A 404 whose reason phrase and a redirect whose Location carry escape sequences."""

    def do_GET(self) -> None:
        if self.path == "/redirect":
            self.send_response(302)
            self.send_header("Location", f"ftp://example.org/{PAYLOAD}")
        elif self.path == "/redirect-http":
            self.send_response(302)
            self.send_header("Location", f"http://127.0.0.1:9/{PAYLOAD}")
        else:
            self.send_response(404, f"Not {PAYLOAD}Found")
        self.send_header("Content-Length", "0")
        self.end_headers()


@pytest.mark.parametrize("handler", [_DripBody, _DripHeaders], ids=["body", "headers"])
def test_a_dripping_server_meets_the_overall_deadline(
    serve_http: ServeHttp, handler: type[BaseHTTPRequestHandler]
) -> None:
    url = serve_http(handler) + "/schedule.xml"
    started = time.monotonic()
    with pytest.raises(DataError, match=r"download failed: not finished within 1 s$"):
        read_source(url, timeout=5.0, deadline=1.0)
    assert time.monotonic() - started < 3.0
    # The subscription path (import and --refresh of a URL) keeps the same deadline.
    started = time.monotonic()
    with pytest.raises(DataError, match=r"download failed: not finished within 1 s$"):
        fetch_if_changed(url, timeout=5.0, deadline=1.0)
    assert time.monotonic() - started < 3.0


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/missing", "download failed: HTTP 404 Not Found"),
        ("/redirect", "(got ftp:)"),
        ("/redirect-http", ""),
    ],
)
def test_status_reason_and_location_are_cleaned(
    serve_http: ServeHttp, path: str, expected: str
) -> None:
    url = serve_http(_HostileStatus) + path
    with pytest.raises(DataError) as caught:
        read_source(url, timeout=5.0, deadline=5.0)
    with pytest.raises(DataError) as also:
        fetch_if_changed(url, timeout=5.0, deadline=5.0)
    assert also.value.message == caught.value.message
    message = caught.value.message
    assert message.isprintable()
    assert "PWNED" not in message
    assert "\x1b" not in message
    assert message.endswith(expected)
    assert "download failed" in message or "only http and https" in message
