"""Programs validated before, rebuilt without pydantic.

Opening the app on a program means importing pydantic and building its validators (about
65 ms) before the first frame, for a file that has not changed since the last start. So once a
program file has been validated, its validated form is kept in the cache folder, keyed by the
file's path. The next load of the same bytes (same SHA-256), by the same confterm version and
the same model source files, rebuilds the program from it with plain constructors
(:mod:`confterm.model.cache_rows`). Programs up to :data:`MAX_CACHED_BYTES` are cached.

A program file that has not changed for a moment (its stamp has *settled*: see
:func:`confterm.files.source_stamp`, which ``confterm now``'s timeline uses too) is cached
under its stamp instead, so the next load finds it without reading or hashing the file; a
cache made under the content's digest while the file was fresh moves to the stamp once it
has settled.

The cache folder is outside confterm's control: a cache file is trusted only when it proves
it is this confterm's own. Each one carries an HMAC (SHA-256) of its key and its rows under a
secret made once per cache folder (:data:`SECRET_NAME`, readable by its owner alone). A file
changed by hand, damaged, copied from elsewhere or made by another version fails that proof
and the program is validated again from its source file, as hostile input always is; it is
never an error. Checking the proof costs one pass of a hash over the file (40 MB: about
30 ms), where checking every string of an unproven file for unclean text cost ten times that.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import os
import secrets
import stat
import tempfile
from functools import cache
from pathlib import Path

from confterm import __version__, paths
from confterm.atomic import write_atomic
from confterm.files import SourceStamp, read_regular_file
from confterm.model.cache_rows import decode_program, encode_program
from confterm.model.program import Program
from confterm.timezones import find_zone

CACHE_FORMAT = 2  # 2: rows under an HMAC (1: records as objects, strings checked)
# The limit only bounds the memory of decoding a cache file: far above any real program
# (36C3, the largest sample, is under 2 MB). At 50,000 sessions (40 MB) a load from the cache
# costs about half of validating.
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
    "cache_rows.py",
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
    """The cache file of the program file ``source``.

    (Named ``.json`` as format 1's files were, which held JSON alone: a new cache file
    replaces an old one rather than leaving it behind.)"""
    return paths.program_cache_file(cache_dir, source, ".json")


def cache_key(raw: bytes) -> str | None:
    """What a cache file must hold to stand for a program validated from ``raw`` (None when
    the model's sources cannot be read: nothing is cached then)."""
    model = model_fingerprint()
    if model is None:
        return None
    return f"{CACHE_FORMAT}/{__version__}/{model}/{hashlib.sha256(raw).hexdigest()}"


def stamp_key(stamp: SourceStamp) -> str | None:
    """What a cache file must hold to stand for the program file whose settled stamp is
    ``stamp`` (see :func:`confterm.files.source_stamp`): found without reading the file,
    which at 50,000 sessions saves reading and hashing 40 MB."""
    model = model_fingerprint()
    if model is None or not stamp.settled:
        return None
    return f"{CACHE_FORMAT}/{__version__}/{model}/stamp:{stamp.text}"


#: The cache folder's secret (random, made on first use, mode 0600).
SECRET_NAME = "cache-secret"  # noqa: S105 (a file name, not a password)
_SECRET_BYTES = 32


def read_cached(cached: Path, key: str, *, rekey: str | None = None) -> Program | None:
    """The program in the cache file ``cached`` when this confterm wrote it under ``key``;
    with ``rekey``, the file is then kept under that key instead (a program file that has
    settled since is found by its stamp from then on)."""
    secret = _secret(cached.parent, create=False)
    if secret is None:
        return None
    try:
        raw = read_regular_file(cached, 2 * MAX_CACHED_BYTES)
    except OSError:
        return None
    header_end = raw.find(b"\n")
    body = memoryview(raw)[header_end + 1 :]  # not copied: the rows are most of the file
    if header_end < 0 or not hmac.compare_digest(raw[:header_end], _header(secret, key, body)):
        return None
    try:
        program = decode_program(json.loads(str(body, "utf-8")))
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError):
        return None
    # A zone known when the file was written may be gone from an updated tzdata since.
    if find_zone(program.conference.timezone) is None:
        return None
    if rekey is not None:
        with contextlib.suppress(OSError):
            write_atomic(cached, _header(secret, rekey, body) + b"\n" + body)
    return program


def write_cached(cached: Path, key: str, program: Program) -> None:
    """Keep the validated ``program`` under ``key``.

    A cache that cannot be written (read-only or full disk) only means validating next time.
    """
    try:
        rows = json.dumps(encode_program(program), ensure_ascii=False, separators=(",", ":"))
        body = rows.encode("utf-8")
    except (ValueError, TypeError):  # a lone surrogate could not be written: no cache
        return
    with contextlib.suppress(OSError):
        secret = _secret(cached.parent, create=True)
        if secret is not None:
            write_atomic(cached, _header(secret, key, body) + b"\n" + body)


def _header(secret: bytes, key: str, body: bytes | memoryview) -> bytes:
    """The first line of a cache file: its key and the proof that this cache folder's
    confterm wrote the key and the rows that follow."""
    mac = hmac.new(secret, key.encode("utf-8") + b"\n", hashlib.sha256)
    mac.update(body)
    return f"{key} {mac.hexdigest()}".encode()


def _secret(cache_dir: Path, *, create: bool) -> bytes | None:
    """The cache folder's secret (None: there is none, or it is not private to this user)."""
    path = cache_dir / SECRET_NAME
    found = _read_secret(path)
    if found is not None or not create:
        return found
    cache_dir.mkdir(parents=True, exist_ok=True)
    # Made complete under a temporary name, then linked into place: a reader never sees half
    # a secret, and two processes making one at once agree on whichever was linked first.
    fd, temp_name = tempfile.mkstemp(prefix=f".{SECRET_NAME}.", dir=cache_dir)  # mode 0600
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(secrets.token_bytes(_SECRET_BYTES))
        with contextlib.suppress(FileExistsError):
            os.link(temp_name, path)
    finally:
        os.unlink(temp_name)
    return _read_secret(path)


def _read_secret(path: Path) -> bytes | None:
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or not _private(info):
            return None
        secret = os.read(fd, _SECRET_BYTES + 1)
    except OSError:
        return None
    finally:
        os.close(fd)
    return secret if len(secret) == _SECRET_BYTES else None


def _private(info: os.stat_result) -> bool:
    """Owned by this user and unreadable by anyone else (where the platform has owners)."""
    if not hasattr(os, "getuid"):
        return True
    return info.st_uid == os.getuid() and not info.st_mode & (stat.S_IRWXG | stat.S_IRWXO)
