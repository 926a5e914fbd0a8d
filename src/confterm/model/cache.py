"""Programs validated before, rebuilt without pydantic.

Opening the app on a program means importing pydantic and building its validators (about
65 ms) before the first frame, for a file that has not changed since the last start. So once a
program file has been validated, its validated form is kept in the cache folder, keyed by the
file's path. The next load of the same bytes (same SHA-256), by the same confterm version and
the same model source files, rebuilds the program from it with plain constructors. Anything
unexpected in a cache file (missing, damaged, stale, from another version) means validating
the program again, never an error. Only programs up to :data:`MAX_CACHED_BYTES` are cached:
far above that, pydantic's parser is faster than rebuilding in Python.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any

from confterm import __version__
from confterm.atomic import write_atomic
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

CACHE_FORMAT = 1
# Measured (benchmarks' generator, 2-core Xeon): rebuilding takes about 8 ms per 1,000
# sessions (0.8 MB) against about 7 ms for pydantic once it is imported, but importing it and
# building its validators costs about 65 ms, so the cache wins up to tens of thousands of
# sessions. 8 MiB (some 10,000 sessions) keeps a margin, and keeps small the memory of
# decoding the JSON in Python.
MAX_CACHED_BYTES = 8 * 1024 * 1024

# Whatever decides what a validated program is: a change to any of these files (a field, a
# pattern, a date range, a check) makes every cache written before it stale, even when the
# version number stays the same (a checkout between releases).
MODEL_SOURCES = ("program.py", "rules.py", "checks.py", "validation.py", "cache.py")


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
    key = hashlib.sha256(str(source.resolve()).encode("utf-8", "surrogateescape")).hexdigest()
    return cache_dir / f"{key[:32]}.json"


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
        content = json.loads(cached.read_bytes())
    except (OSError, ValueError):
        return None
    if not isinstance(content, dict) or content.get("key") != key:
        return None
    try:
        return program_from_json(content["program"])
    except (KeyError, TypeError, ValueError, AttributeError):
        return None


def write_cached(cached: Path, key: str, program_json: bytes) -> None:
    """Keep ``program_json`` (the validated program, as confterm JSON) under ``key``.

    A cache that cannot be written (read-only or full disk) only means validating next time.
    """
    body = b'{"key": ' + json.dumps(key).encode() + b', "program": ' + program_json + b"}"
    with contextlib.suppress(OSError):
        write_atomic(cached, body)


def program_from_json(data: dict[str, Any]) -> Program:
    """Rebuild a program from the JSON that validation wrote, trusting it (no checks)."""
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


def _session(data: dict[str, Any]) -> Session:
    item = dict(data)
    if "kind" in item:
        item["kind"] = SessionKind(item["kind"])
    if "day" in item:
        item["day"] = date.fromisoformat(item["day"])
    for name in ("start", "end"):
        if name in item:
            item[name] = datetime.fromisoformat(item[name])
    if "links" in item:
        item["links"] = [Link(**link) for link in item["links"]]
    return Session(**item)


def _paper(data: dict[str, Any]) -> Paper:
    item = dict(data)
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
