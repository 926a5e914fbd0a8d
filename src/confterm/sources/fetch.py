"""Reading an import source: a local file, or an http(s) URL with a timeout and a size limit.

Schedules are untrusted input. Downloads follow redirects only to http(s) URLs, give up after
``timeout`` seconds without data and refuse anything larger than :data:`MAX_BYTES` (20 MiB).
A local file is the user's own choice and may be a very large program (50,000 sessions of frab
XML are about 40 MiB), so it gets the much larger bound :data:`MAX_FILE_BYTES`, which only
keeps a mistaken path (a disk image, a video) from filling memory.
"""

from __future__ import annotations

import http.client
import urllib.error
import urllib.request
from http.client import HTTPMessage
from pathlib import Path
from typing import IO
from urllib.parse import urlparse

from confterm import __version__
from confterm.errors import DataError

_MIB = 1024 * 1024
#: The size limit of a download.
MAX_BYTES = 20 * _MIB
#: The size limit of a local file.
MAX_FILE_BYTES = 512 * _MIB
TIMEOUT = 30.0
_CHUNK = 64 * 1024


def is_url(source: str) -> bool:
    """True when ``source`` looks like a URL rather than a file path."""
    return "://" in source[:16]


def _check_scheme(url: str, label: str) -> None:
    try:
        scheme = urlparse(url).scheme.lower()
    except ValueError as error:  # e.g. "http://[::1": an unclosed IPv6 bracket
        raise DataError(f"{label}: download failed: invalid URL: {error}") from None
    if scheme not in ("http", "https"):
        raise DataError(f"{label}: only http and https URLs can be imported (got {scheme}:)")


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
            raise DataError(
                f"{self.label}: download failed: refused a redirect from https to {newurl}"
            )
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def read_source(
    source: str, *, timeout: float = TIMEOUT, max_bytes: int | None = None
) -> tuple[bytes, str]:
    """The bytes of ``source`` and the label naming it in messages.

    ``max_bytes`` defaults to :data:`MAX_BYTES` for a URL and :data:`MAX_FILE_BYTES` for a file.
    """
    if is_url(source):
        limit = MAX_BYTES if max_bytes is None else max_bytes
        return _download(source, timeout=timeout, max_bytes=limit), source
    limit = MAX_FILE_BYTES if max_bytes is None else max_bytes
    path = Path(source).expanduser()
    label = str(source)
    try:
        with path.open("rb") as handle:
            # The size first, so a huge file is refused without reading it; the bounded read
            # still guards files that report no size (a pipe, a device) or grow meanwhile.
            if path.stat().st_size > limit:
                raise DataError(_too_big(label, limit, "a local file"))
            data = handle.read(limit + 1)
    except FileNotFoundError:
        raise DataError(f"{label}: no such file") from None
    except IsADirectoryError:
        raise DataError(f"{label}: is a directory, not a schedule file") from None
    except OSError as error:
        raise DataError(f"{label}: cannot read: {error.strerror or error}") from None
    if len(data) > limit:
        raise DataError(_too_big(label, limit, "a local file"))
    return data, label


def _too_big(label: str, max_bytes: int, what: str = "a download") -> str:
    size = f"{max_bytes // _MIB} MiB" if max_bytes % _MIB == 0 else f"{max_bytes:,} bytes"
    return f"{label}: larger than the size limit for {what} ({size})"


def _download(url: str, *, timeout: float, max_bytes: int) -> bytes:
    _check_scheme(url, url)
    opener = urllib.request.build_opener(_SafeRedirects(url))
    # The scheme was checked just above (and redirects are checked by _SafeRedirects).
    request = urllib.request.Request(url, headers={"User-Agent": f"confterm/{__version__}"})  # noqa: S310
    try:
        with opener.open(request, timeout=timeout) as response:
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise DataError(_too_big(url, max_bytes))
            chunks: list[bytes] = []
            total = 0
            while chunk := response.read(_CHUNK):
                total += len(chunk)
                if total > max_bytes:
                    raise DataError(_too_big(url, max_bytes))
                chunks.append(chunk)
            if length and length.isdigit() and total < int(length):
                # read(n) ends quietly on a closed connection: a truncated schedule must not
                # pass for a whole one.
                raise http.client.IncompleteRead(b"".join(chunks), int(length) - total)
    except urllib.error.HTTPError as error:
        raise DataError(f"{url}: download failed: HTTP {error.code} {error.reason}") from None
    except urllib.error.URLError as error:
        raise DataError(f"{url}: download failed: {error.reason}") from None
    except TimeoutError:
        raise DataError(f"{url}: download failed: no answer within {timeout:g} s") from None
    except OSError as error:
        raise DataError(f"{url}: download failed: {error.strerror or error}") from None
    except http.client.InvalidURL as error:  # e.g. a port that is not a number
        raise DataError(f"{url}: download failed: invalid URL: {error}") from None
    except http.client.IncompleteRead as error:
        raise DataError(
            f"{url}: download failed: the connection closed early "
            f"({len(error.partial):,} bytes read)"
        ) from None
    except http.client.HTTPException as error:
        # A malformed answer (bad status line, too many headers...).
        raise DataError(f"{url}: download failed: {type(error).__name__}: {error}") from None
    except ValueError as error:  # e.g. a redirect to a malformed URL
        raise DataError(f"{url}: download failed: invalid URL: {error}") from None
    return b"".join(chunks)
