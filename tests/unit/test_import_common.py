"""Shared import helpers: slugs, durations, HTML to text, format detection, safe fetching."""

from __future__ import annotations

import io
import json
import urllib.request
from collections.abc import Callable
from datetime import timedelta
from http.client import HTTPMessage
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import ClassVar

import pytest

from confterm.errors import DataError, UsageError
from confterm.sources.detect import FRAB_JSON, FRAB_XML, ICAL, SESSIONIZE, detect
from confterm.sources.fetch import Validators, _SafeRedirects, fetch_if_changed, read_source
from confterm.sources.html_text import html_to_text
from confterm.sources.slugs import slugify
from confterm.sources.times import parse_duration

DATA = Path(__file__).parents[1] / "data" / "import"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("29aecfd7-2E44-4f49", "29aecfd7-2e44-4f49"),
        ("presentation_94@conf-ng.jres.org", "presentation_94-conf-ng.jres.org"),
        ("1252943", "1252943"),
        ("--Über Talk!", "uber-talk"),
    ],
)
def test_slugify_is_deterministic_and_valid(raw: str, expected: str) -> None:
    assert slugify(raw) == expected
    assert slugify(raw) == slugify(raw)


def test_slugify_long_and_empty_ids_get_a_stable_hash() -> None:
    long_id = "a" * 300
    assert len(slugify(long_id)) <= 80
    assert slugify(long_id) != slugify("a" * 299)
    assert slugify("!!!").startswith("x")
    assert slugify("!!!") != slugify("???")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("00:30", timedelta(minutes=30)),
        ("01:15:30", timedelta(hours=1, minutes=15, seconds=30)),
        ("1:02:00", timedelta(days=1, hours=2)),
        ("09:00", timedelta(hours=9)),
    ],
)
def test_durations(text: str, expected: timedelta) -> None:
    assert parse_duration(text) == expected


def test_bad_duration() -> None:
    with pytest.raises(ValueError, match="expected a duration"):
        parse_duration("1h")


def test_html_becomes_plain_text() -> None:
    html = (
        "<p>First <b>para</b> &amp; more.</p><p>Second<br>line</p>"
        "<ul><li>one</li><li>two <a href='https://x.org/a'>link</a></li></ul>"
        "<ol><li>a</li><li>b</li></ol><script>alert(1)</script>[bold]kept[/bold]"
    )
    assert html_to_text(html) == (
        "First para & more.\n\nSecond\nline\n\n- one\n- two link (https://x.org/a)\n\n"
        "1. a\n2. b\n\n[bold]kept[/bold]"
    )
    assert html_to_text("a < b and c > d") == "a < b and c > d"


def test_detect_by_content_not_name() -> None:
    assert detect((DATA / "frab_midnight.xml").read_bytes(), "x.json").format == FRAB_XML
    assert detect((DATA / "frab.json").read_bytes(), "x.xml").format == FRAB_JSON
    assert detect((DATA / "sessionize.json").read_bytes(), "x").format == SESSIONIZE
    assert detect(b"\xef\xbb\xbf  BEGIN:VCALENDAR\r\n", "x").format == ICAL


@pytest.mark.parametrize("raw", [b"just text", b"<html><body/></html>", b'{"a": 1}', b""])
def test_unknown_format(raw: bytes) -> None:
    with pytest.raises(DataError) as caught:
        detect(raw, "f.dat")
    assert caught.value.message == (
        "f.dat: unrecognised format (expected frab/Pentabarf XML, frab/pretalx JSON, "
        "Sessionize JSON or iCalendar)"
    )


def test_broken_json_names_line_and_column() -> None:
    with pytest.raises(DataError, match=r"^f.json: line 2 column 1: not valid JSON"):
        detect(b'{"schedule": \n}', "f.json")


class _Handler(BaseHTTPRequestHandler):
    routes: ClassVar[dict[str, tuple[int, dict[str, str], bytes]]] = {}

    def do_GET(self) -> None:
        status, headers, body = self.routes.get(self.path, (404, {}, b"missing"))
        self.send_response(status)
        for key, value in headers.items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def server(serve_http: Callable[[type[BaseHTTPRequestHandler]], str]) -> str:
    return serve_http(_Handler)


def test_download_and_size_limit(server: str) -> None:
    _Handler.routes = {"/s.json": (200, {}, b'{"x": 1}'), "/big": (200, {}, b"x" * 5000)}
    assert read_source(f"{server}/s.json") == (b'{"x": 1}', f"{server}/s.json")
    with pytest.raises(DataError, match="larger than the size limit"):
        read_source(f"{server}/big", max_bytes=1000)
    with pytest.raises(DataError, match="download failed: HTTP 404"):
        read_source(f"{server}/nothing")


def test_redirects_only_to_http(server: str) -> None:
    _Handler.routes = {
        "/evil": (302, {"Location": "file:///etc/passwd"}, b""),
        "/ftp": (302, {"Location": "ftp://127.0.0.1/schedule.xml"}, b""),
        "/ok": (302, {"Location": "/s.json"}, b""),
        "/s.json": (200, {}, b"{}"),
    }
    assert read_source(f"{server}/ok")[0] == b"{}"
    with pytest.raises(DataError, match="only http and https URLs"):
        read_source(f"{server}/ftp")
    with pytest.raises(DataError, match=r"download failed: .*'file:///etc/passwd' is not allowed"):
        read_source(f"{server}/evil")


def test_other_schemes_and_missing_files_refused(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="only http and https URLs"):
        read_source("file:///etc/passwd")
    with pytest.raises(DataError, match="no such file"):
        read_source(str(tmp_path / "nope.xml"))
    big = tmp_path / "big.xml"
    big.write_bytes(b"x" * 2000)
    with pytest.raises(DataError, match="larger than the size limit"):
        read_source(str(big), max_bytes=1000)


def test_control_and_escape_characters_are_removed_markup_kept() -> None:
    from confterm.sources import import_bytes

    payload = {
        "sessions": [
            {
                "id": "1",
                "title": "\u001b[31mRed\u001b[0m [bold]talk[/bold]\u0007",
                "description": "<p>a\u001b]8;;http://x\u0007b</p>",
                "startsAt": "2026-01-01T10:00:00",
                "endsAt": "2026-01-01T11:00:00",
                "speakers": ["s"],
                "roomId": 1,
            }
        ],
        "speakers": [{"id": "s", "fullName": "Eve\u001b[2J Evil"}],
        "rooms": [{"id": 1, "name": "Room\u0000 1"}],
        "categories": [],
    }
    raw = json.dumps(payload).encode()
    program = import_bytes(raw, "x.json", conference_id="c", tz="UTC").program
    session = program.sessions[0]
    assert session.title == "Red [bold]talk[/bold]"
    assert session.description == "ab"
    assert program.speakers[0].name == "Eve Evil"
    assert program.rooms[0].name == "Room 1"


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://[::1", "invalid URL: Invalid IPv6 URL"),
        ("http://example.com:abc/", "invalid URL: nonnumeric port: 'abc'"),
    ],
)
def test_malformed_urls_are_data_errors(url: str, reason: str) -> None:
    with pytest.raises(DataError) as caught:
        read_source(url)
    assert caught.value.message == f"{url}: download failed: {reason}"


class _ShortHandler(BaseHTTPRequestHandler):
    """Promises 1,000 bytes and sends 10, then closes the connection."""

    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Length", "1000")
        self.end_headers()
        self.wfile.write(b"0123456789")
        self.wfile.flush()
        self.close_connection = True

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.mark.parametrize(
    "download",
    [
        read_source,
        fetch_if_changed,
        lambda url: fetch_if_changed(url, Validators(etag='"v1"')),
    ],
    ids=["read_source", "import", "refresh"],
)
def test_connection_closed_early_is_a_data_error(
    serve_http: Callable[[type[BaseHTTPRequestHandler]], str],
    download: Callable[[str], object],
) -> None:
    # Every download path (a plain read, import's and --refresh's conditional GET) refuses
    # a body shorter than the length the server promised.
    url = serve_http(_ShortHandler) + "/s.json"
    with pytest.raises(DataError) as caught:
        download(url)
    assert (
        caught.value.message
        == f"{url}: download failed: the connection closed early (10 bytes read)"
    )


def test_https_to_http_redirect_is_refused() -> None:
    # Exercised on the handler itself: a local https server would need a certificate.
    handler = _SafeRedirects("https://example.org/s.json")

    def redirect(origin: str, target: str) -> urllib.request.Request | None:
        request = urllib.request.Request(origin)
        return handler.redirect_request(request, io.BytesIO(), 302, "Found", HTTPMessage(), target)

    with pytest.raises(DataError, match=r"refused a redirect from https to http://a\.org/x"):
        redirect("https://example.org/s.json", "http://a.org/x")
    kept = redirect("https://example.org/s.json", "https://b.org/x")
    assert kept is not None
    assert kept.full_url == "https://b.org/x"
    assert redirect("http://example.org/s.json", "http://c.org/") is not None


def test_a_confterm_program_is_not_taken_for_sessionize() -> None:
    raw = b'{"format": "confterm/1", "conference": {}, "sessions": [], "speakers": [], "rooms": []}'
    with pytest.raises(UsageError) as local:
        detect(raw, "prog.json")
    assert str(local.value.message).endswith(
        "open it with 'confterm --data prog.json' (or check it with 'confterm validate')"
    )
    with pytest.raises(UsageError) as remote:
        detect(raw, "https://example.org/prog.json")
    assert "download it, then open it with 'confterm --data FILE'" in remote.value.message
