"""Reading an import source: a local file, or an http(s) URL with a timeout and a size limit.

Schedules are untrusted input. Downloads follow redirects only to http(s) URLs, give up after
``timeout`` seconds without data or :data:`DEADLINE` seconds overall, and refuse anything
larger than :data:`MAX_BYTES` (20 MiB). What a server says (status reason, redirect target) is
cleaned before it is shown.
A local file is the user's own choice and may be a very large program (50,000 sessions of frab
XML are about 40 MiB), so it gets the much larger bound :data:`MAX_FILE_BYTES`, which only
keeps a mistaken path (a disk image, a video) from filling memory.
"""

from __future__ import annotations

import http.client
import threading
import urllib.error
import urllib.request
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from http.client import HTTPMessage
from pathlib import Path
from typing import IO, TypeVar
from urllib.parse import urlparse

from confterm import __version__
from confterm.errors import DataError
from confterm.files import (
    MAX_FILE_BYTES,
    FileTooLargeError,
    NotAFileError,
    read_regular_file,
    size_text,
)
from confterm.text import one_line, shorten

_MIB = 1024 * 1024
#: The size limit of a download.
MAX_BYTES = 20 * _MIB
TIMEOUT = 30.0
#: How long a whole download may take, however steadily the data trickles in.
DEADLINE = 60.0
_CHUNK = 64 * 1024
_T = TypeVar("_T")


def is_url(source: str) -> bool:
    """True when ``source`` looks like a URL rather than a file path."""
    return "://" in source[:16]


def _check_scheme(url: str, label: str) -> None:
    try:
        scheme = urlparse(url).scheme.lower()
    except ValueError as error:  # e.g. "http://[::1": an unclosed IPv6 bracket
        raise _failed(label, f"invalid URL: {error}") from None
    if scheme not in ("http", "https"):
        raise DataError(
            f"{one_line(label)}: only http and https URLs can be imported "
            f"(got {shorten(one_line(scheme))}:)"
        )


def _scheme(url: str) -> str:
    return urlparse(url).scheme.lower()


class _SafeRedirects(urllib.request.HTTPRedirectHandler):
    """Follows redirects only to http(s), so a server cannot send us to file: or ftp:.

    A redirect from https to plain http is refused too: it would silently drop the encryption.
    """

    def __init__(self, label: str) -> None:
        super().__init__()
        self.label = label

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: HTTPMessage,
        newurl: str,
    ) -> urllib.request.Request | None:
        _check_scheme(newurl, self.label)
        if _scheme(req.full_url) == "https" and _scheme(newurl) != "https":
            # Following it would send the rest of the exchange in clear text.
            raise _failed(self.label, f"refused a redirect from https to {newurl}")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def read_source(
    source: str,
    *,
    timeout: float = TIMEOUT,
    max_bytes: int | None = None,
    deadline: float = DEADLINE,
) -> tuple[bytes, str]:
    """The bytes of ``source`` and the label naming it in messages.

    ``max_bytes`` defaults to :data:`MAX_BYTES` for a URL and :data:`MAX_FILE_BYTES` for a file.
    """
    if is_url(source):
        limit = MAX_BYTES if max_bytes is None else max_bytes
        return _download(source, timeout=timeout, max_bytes=limit, deadline=deadline), source
    limit = MAX_FILE_BYTES if max_bytes is None else max_bytes
    label = str(source)
    try:
        # Refused by type (directory, FIFO, device) and size before any byte is read.
        return read_regular_file(Path(source).expanduser(), limit), label
    except FileNotFoundError:
        raise DataError(f"{label}: no such file") from None
    except FileTooLargeError:
        raise DataError(_too_big(label, limit, "a local file")) from None
    except NotAFileError as error:
        raise DataError(f"{label}: {error.strerror}") from None
    except OSError as error:
        raise DataError(f"{label}: cannot read: {error.strerror or error}") from None


def _too_big(label: str, max_bytes: int, what: str = "a download") -> str:
    return f"{one_line(label)}: larger than the size limit for {what} ({size_text(max_bytes)})"


def _download(url: str, *, timeout: float, max_bytes: int, deadline: float) -> bytes:
    """The body at ``url``, within ``deadline`` seconds overall (see :func:`_within`)."""
    fetched = fetch_if_changed(url, timeout=timeout, max_bytes=max_bytes, deadline=deadline)
    if fetched is None:  # 304 to a request that named no version: nothing to read
        raise _failed(url, "HTTP 304 Not Modified, though no version was asked about")
    return fetched.data


def _within(url: str, deadline: float, work: Callable[[threading.Event], _T]) -> _T:
    """``work(stop)`` done within ``deadline`` seconds overall.

    ``timeout`` bounds each wait for data, but a server dripping a byte every few seconds (in
    its headers or its body) never trips it. Every download therefore runs in a daemon thread
    that the caller waits for at most ``deadline`` seconds; past it the download is abandoned
    (``stop`` is set: the thread stops at its next read) and reported.
    """
    outcome: list[_T | BaseException] = []
    stop = threading.Event()

    def run() -> None:
        try:
            outcome.append(work(stop))
        except BaseException as error:  # handed to the caller's thread, raised there
            outcome.append(error)

    worker = threading.Thread(target=run, name="confterm-download", daemon=True)
    worker.start()
    worker.join(deadline)
    if worker.is_alive() or not outcome:
        stop.set()
        raise _failed(url, f"not finished within {deadline:g} s")
    result = outcome[0]
    if isinstance(result, BaseException):
        raise result
    return result


def _failed(url: str, detail: object) -> DataError:
    # The detail may quote the server (reason phrase, Location): cleaned like any data.
    return DataError(f"{one_line(url)}: download failed: {shorten(one_line(str(detail)), 300)}")


# --- Subscriptions: webcal:// links, conditional GET and gzip (import and --refresh). ---

_WEBCAL = ("webcal://", "webcals://")


def web_url(url: str) -> str:
    """``url`` with a ``webcal://`` (or ``webcals://``) subscription link read as https."""
    for prefix in _WEBCAL:
        if url[: len(prefix)].lower() == prefix:
            return "https://" + url[len(prefix) :]
    return url


@dataclass(frozen=True)
class Validators:
    """What a server said identifies the version it sent (``ETag``, ``Last-Modified``)."""

    etag: str | None = None
    last_modified: str | None = None


@dataclass(frozen=True)
class Fetched:
    """A downloaded body (gzip already undone) and the validators of its version."""

    data: bytes
    validators: Validators


def fetch_if_changed(
    url: str,
    validators: Validators | None = None,
    *,
    timeout: float = TIMEOUT,
    max_bytes: int = MAX_BYTES,
    deadline: float = DEADLINE,
) -> Fetched | None:
    """The body at ``url`` (``webcal://`` is https), or None when the server answers that the
    version named by ``validators`` is still current (HTTP 304: nothing was downloaded).

    Sends ``If-None-Match`` / ``If-Modified-Since`` from ``validators`` and accepts gzip; the
    size limit applies to the body both as sent and unpacked. The same redirect, timeout,
    deadline and error rules as :func:`read_source`.
    """
    url = web_url(url)
    _check_scheme(url, url)
    headers = {"User-Agent": f"confterm/{__version__}", "Accept-Encoding": "gzip"}
    if validators is not None and validators.etag:
        headers["If-None-Match"] = validators.etag
    if validators is not None and validators.last_modified:
        headers["If-Modified-Since"] = validators.last_modified
    got = _within(
        url,
        deadline,
        lambda stop: _fetch_changed(url, headers, timeout=timeout, max_bytes=max_bytes, stop=stop),
    )
    if got is None:
        return None
    body, encoding, found = got
    if encoding == "gzip":
        body = _gunzip(body, url, max_bytes)
    return Fetched(body, found)


def _fetch_changed(
    url: str, headers: dict[str, str], *, timeout: float, max_bytes: int, stop: threading.Event
) -> tuple[bytes, str, Validators] | None:
    opener = urllib.request.build_opener(_SafeRedirects(url))
    request = urllib.request.Request(url, headers=headers)  # noqa: S310 (scheme checked)
    try:
        with opener.open(request, timeout=timeout) as response:
            body = _bounded_read(response, url, max_bytes, stop)
            encoding = (response.headers.get("Content-Encoding") or "").strip().lower()
            found = Validators(response.headers.get("ETag"), response.headers.get("Last-Modified"))
    except urllib.error.HTTPError as error:
        if error.code == 304:
            return None
        raise _failed(url, f"HTTP {error.code} {error.reason}") from None
    except urllib.error.URLError as error:
        raise _failed(url, error.reason) from None
    except TimeoutError:
        raise _failed(url, f"no answer within {timeout:g} s") from None
    except OSError as error:
        raise _failed(url, error.strerror or error) from None
    except http.client.InvalidURL as error:  # e.g. a port that is not a number
        raise _failed(url, f"invalid URL: {error}") from None
    except http.client.IncompleteRead as error:
        raise _failed(
            url, f"the connection closed early ({len(error.partial):,} bytes read)"
        ) from None
    except http.client.HTTPException as error:
        # A malformed answer (bad status line, too many headers...).
        raise _failed(url, f"{type(error).__name__}: {error}") from None
    except ValueError as error:  # a malformed URL or redirect
        raise _failed(url, f"invalid URL: {error}") from None
    return body, encoding, found


def _bounded_read(
    response: http.client.HTTPResponse, url: str, max_bytes: int, stop: threading.Event
) -> bytes:
    length = response.headers.get("Content-Length")
    declared = int(length) if length and length.isdigit() else None
    if declared is not None and declared > max_bytes:
        raise DataError(_too_big(url, max_bytes))
    chunks: list[bytes] = []
    total = 0
    # read1: whatever has arrived, so that a dripping server cannot keep one call waiting for
    # a whole chunk past the deadline.
    while not stop.is_set() and (chunk := response.read1(_CHUNK)):
        total += len(chunk)
        if total > max_bytes:
            raise DataError(_too_big(url, max_bytes))
        chunks.append(chunk)
    if declared is not None and total < declared:
        # read ends quietly on a closed connection: a truncated schedule must not pass for a
        # whole one.
        raise http.client.IncompleteRead(b"".join(chunks), declared - total)
    return b"".join(chunks)


def _gunzip(body: bytes, url: str, max_bytes: int) -> bytes:
    # Bounded: a small gzip body can unpack to gigabytes (a "zip bomb").
    unpacker = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        data = unpacker.decompress(body, max_bytes + 1)
    except zlib.error as error:
        raise _failed(url, f"damaged gzip data ({error})") from None
    if len(data) > max_bytes:
        raise DataError(_too_big(url, max_bytes))
    return data
