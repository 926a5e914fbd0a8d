"""Programs validated before, rebuilt without pydantic.

Opening the app on a program means importing pydantic and building its validators (about
65 ms) before the first frame, for a file that has not changed since the last start. So once a
program file has been validated, its validated form is kept in the cache folder, keyed by the
file's path. The next load of the same bytes (same SHA-256), by the same confterm version and
the same model source files, rebuilds the program from it with plain constructors. Anything
unexpected in a cache file (missing, damaged, stale, from another version) means validating
the program again, never an error. Programs up to :data:`MAX_CACHED_BYTES` are cached.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any

from confterm import __version__, paths
from confterm.atomic import write_atomic
from confterm.files import read_regular_file
from confterm.model.program import (
    Author,
    Booth,
    BoothPerson,
    Conference,
    Link,
    Paper,
    Program,
    Room,
    Session,
    SessionKind,
    Speaker,
    Track,
)
from confterm.text import is_clean
from confterm.timezones import find_zone

CACHE_FORMAT = 1
# The limit was 8 MiB while rebuilding cost about as much per session as pydantic. With the
# rebuild trimmed (records decoded in place, kinds by dict lookup), measured at 50,000
# sessions (40 MB, CPU time, load ~7 on 2 cores): a whole load from the cache 0.87 s
# against 1.09 to 1.23 s validating, and the cache wins more on smaller programs. The limit
# now only bounds the memory of decoding a cache file: far above any real program (36C3,
# the largest sample, is under 2 MB).
MAX_CACHED_BYTES = 256 * 1024 * 1024

# Whatever decides what a validated program is: a change to any of these files (a field, a
# pattern, a date range, a check) makes every cache written before it stale, even when the
# version number stays the same (a checkout between releases).
MODEL_SOURCES = (
    "program.py",
    "cleaning.py",
    "rules.py",
    "checks.py",
    "validation.py",
    "cache.py",
    "../text.py",
    "../timezones.py",
)


@cache
def model_fingerprint() -> str | None:
    """A digest of the model's source files (None when they cannot be read: no caching)."""
    digest = hashlib.sha256()
    folder = Path(__file__).parent
    try:
        for name in MODEL_SOURCES:
            digest.update((folder / name).read_bytes())
    except OSError:
        return None
    return digest.hexdigest()[:16]


def cache_path(cache_dir: Path, source: Path) -> Path:
    """The cache file of the program file ``source``."""
    return paths.program_cache_file(cache_dir, source, ".json")


def cache_key(raw: bytes) -> str | None:
    """What a cache file must hold to stand for a program validated from ``raw`` (None when
    the model's sources cannot be read: nothing is cached then)."""
    model = model_fingerprint()
    if model is None:
        return None
    return f"{CACHE_FORMAT}/{__version__}/{model}/{hashlib.sha256(raw).hexdigest()}"


def read_cached(cached: Path, key: str) -> Program | None:
    """The program in the cache file ``cached`` when it was written under ``key``."""
    try:
        raw = read_regular_file(cached, 2 * MAX_CACHED_BYTES)
        content = json.loads(raw)
    except (OSError, ValueError, RecursionError):
        return None
    if not isinstance(content, dict) or content.get("key") != key:
        return None
    # The cache folder is outside confterm's control too: its text must be as clean as a
    # validated program's, and its zone one that exists, or the file is validated again.
    if not _bytes_clean(raw) and not _all_clean(content.get("program")):
        return None
    try:
        program = program_from_json(content["program"])
    except (KeyError, TypeError, ValueError, AttributeError):
        return None
    return program if find_zone(program.conference.timezone) is not None else None


# What unclean text looks like in JSON as confterm writes it: C0 controls only as escapes
# (``\u001b``, ``\r``, ``\b``, ``\f``; newlines and tabs as ``\n`` and ``\t`` are fine), DEL,
# and C1 and the bidi characters raw in UTF-8 (lead bytes, then a range of last bytes).
_ESCAPES = (b"\\u", b"\\r", b"\\b", b"\\f", b"\x7f")
_RAW = ((b"\xc2", 0x80, 0x9F), (b"\xe2\x80", 0xAA, 0xAE), (b"\xe2\x81", 0xA6, 0xA9))


def _bytes_clean(raw: bytes) -> bool:
    """True when the JSON text ``raw`` cannot hold an unclean string (most cache files: then
    the strings need not be walked). False means "walk them", not "unclean".

    Substring searches only (a regular expression over the bytes is ten times slower): the
    lead bytes are rare enough (``\xe2\x80`` is in every dash and curly quote) to check each.
    """
    if any(escape in raw for escape in _ESCAPES):
        return False
    for lead, low, high in _RAW:
        at = raw.find(lead)
        while at >= 0:
            after = at + len(lead)
            if after < len(raw) and low <= raw[after] <= high:
                return False
            at = raw.find(lead, after)
    return True


def _all_clean(value: Any) -> bool:
    # Iterative: a crafted cache file may nest deeper than the interpreter's recursion limit.
    pending = [value]
    while pending:
        item = pending.pop()
        if isinstance(item, str):
            if not is_clean(item):
                return False
        elif isinstance(item, dict):
            pending.extend(item.keys())
            pending.extend(item.values())
        elif isinstance(item, list):
            pending.extend(item)
    return True


def write_cached(cached: Path, key: str, program_json: bytes) -> None:
    """Keep ``program_json`` (the validated program, as confterm JSON) under ``key``.

    A cache that cannot be written (read-only or full disk) only means validating next time.
    """
    body = b'{"key": ' + json.dumps(key).encode() + b', "program": ' + program_json + b"}"
    with contextlib.suppress(OSError):
        write_atomic(cached, body)


def program_from_json(data: dict[str, Any]) -> Program:
    """Rebuild a program from the JSON that validation wrote, trusting it (no checks).

    ``data`` is freshly decoded and used up: its records are converted in place."""
    conference = dict(data["conference"])
    conference["start_date"] = date.fromisoformat(conference["start_date"])
    conference["end_date"] = date.fromisoformat(conference["end_date"])
    return Program(
        format=data["format"],
        conference=Conference(**conference),
        rooms=[Room(**item) for item in data.get("rooms", ())],
        tracks=[Track(**item) for item in data.get("tracks", ())],
        speakers=[Speaker(**item) for item in data.get("speakers", ())],
        sessions=[_session(item) for item in data.get("sessions", ())],
        papers=[_paper(item) for item in data.get("papers", ())],
        booths=[_booth(item) for item in data.get("booths", ())],
    )


_KINDS = {kind.value: kind for kind in SessionKind}


def _session(item: dict[str, Any]) -> Session:
    # ``item`` is decoded from the cache file for this rebuild only: converted in place (a
    # copy per record cost a tenth of the rebuild at 50,000 sessions). An unknown kind is a
    # KeyError: the cache is not trusted then.
    if "kind" in item:
        item["kind"] = _KINDS[item["kind"]]
    if "day" in item:
        item["day"] = date.fromisoformat(item["day"])
    if "start" in item:
        item["start"] = datetime.fromisoformat(item["start"])
    if "end" in item:
        item["end"] = datetime.fromisoformat(item["end"])
    if "links" in item:
        item["links"] = [Link(**link) for link in item["links"]]
    return Session(**item)


def _paper(item: dict[str, Any]) -> Paper:
    if "authors" in item:
        item["authors"] = [Author(**author) for author in item["authors"]]
    return Paper(**item)


def _booth(data: dict[str, Any]) -> Booth:
    item = dict(data)
    if "people" in item:
        item["people"] = [BoothPerson(**person) for person in item["people"]]
    if "links" in item:
        item["links"] = [Link(**link) for link in item["links"]]
    return Booth(**item)
