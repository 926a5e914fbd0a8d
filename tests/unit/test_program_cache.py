"""Programs validated once are rebuilt from the cache, without pydantic, exactly as validated.

The cache only ever saves work: a changed file is validated again (its errors reported), and
a damaged, stale, foreign or unwritable cache means validating, never an error.
"""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
from pathlib import Path

import pytest

from confterm import files, paths
from confterm.errors import DataError
from confterm.files import source_stamp
from confterm.model import cache, cache_rows, loading, validation
from confterm.model.cache import (
    MAX_CACHED_BYTES,
    SECRET_NAME,
    cache_key,
    cache_path,
    read_cached,
    stamp_key,
)
from confterm.model.cache_rows import FIELDS, decode_program, encode_program
from confterm.model.loading import load_program_file
from confterm.model.program import Program
from confterm.model.validation import program_json

BUNDLED = paths.bundled_file("mlsys2025.json")


def _rebuilt(program: Program) -> Program:
    """``program`` through the cache's rows and JSON, as a cache file holds it."""
    return decode_program(json.loads(json.dumps(encode_program(program))))


def _no_validation(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(raw: bytes, name: str) -> Program:
        raise AssertionError(f"{name} was validated again")

    monkeypatch.setattr(validation, "parse_program_json", refuse)


def _validations(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []
    real = validation.parse_program_json

    def counting(raw: bytes, name: str) -> Program:
        seen.append(name)
        return real(raw, name)

    monkeypatch.setattr(validation, "parse_program_json", counting)
    return seen


@pytest.mark.parametrize("source", [BUNDLED, Path(__file__).parents[1] / "data" / "tinyconf.json"])
def test_the_rebuilt_program_equals_the_validated_one(source: Path) -> None:
    validated = load_program_file(source)
    rebuilt = _rebuilt(validated)
    assert rebuilt == validated
    # Equal datetimes may still differ in offset; the JSON shows offsets, zones and types.
    assert program_json(rebuilt) == program_json(validated)
    assert all(
        type(a.kind) is type(b.kind) and a.start == b.start and a.day == b.day
        for a, b in zip(rebuilt.sessions, validated.sessions, strict=True)
    )


def test_the_second_load_comes_from_the_cache(
    tmp_path: Path, tinyconf_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "conf.json"
    source.write_bytes(tinyconf_path.read_bytes())
    validations = _validations(monkeypatch)
    first = load_program_file(source, cache_dir=tmp_path / "cache")
    assert validations == [str(source)]
    assert cache_path(tmp_path / "cache", source).is_file()
    _no_validation(monkeypatch)
    assert load_program_file(source, cache_dir=tmp_path / "cache") == first


def test_a_changed_file_is_validated_again_and_its_errors_reported(
    tmp_path: Path, tinyconf_path: Path
) -> None:
    source = tmp_path / "conf.json"
    source.write_bytes(tinyconf_path.read_bytes())
    load_program_file(source, cache_dir=tmp_path / "cache")
    data = json.loads(source.read_text(encoding="utf-8"))
    data["sessions"][0]["id"] = "Not A Slug"
    source.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(DataError, match=r"sessions\[0\]\.id: string should match pattern"):
        load_program_file(source, cache_dir=tmp_path / "cache")
    data["sessions"][0]["id"] = "renamed-session"
    source.write_text(json.dumps(data), encoding="utf-8")
    program = load_program_file(source, cache_dir=tmp_path / "cache")
    assert program.sessions[0].id == "renamed-session"


@pytest.mark.parametrize(
    "damage",
    [
        b"",
        b"{not json",
        b"[]",
        b'{"key": "1/0.0.0/x/y", "program": {}}',
        b"2/0.0.0/x/y 0123456789abcdef\n[]",
    ],
    ids=["empty", "not-json", "not-an-object", "format-1", "stale-key"],
)
def test_a_damaged_or_stale_cache_is_validated_again_and_rewritten(
    tmp_path: Path, tinyconf_path: Path, monkeypatch: pytest.MonkeyPatch, damage: bytes
) -> None:
    cache_dir = tmp_path / "cache"
    expected = load_program_file(tinyconf_path, cache_dir=cache_dir)
    cache_path(cache_dir, tinyconf_path).write_bytes(damage)
    validations = _validations(monkeypatch)
    assert load_program_file(tinyconf_path, cache_dir=cache_dir) == expected
    assert validations == [str(tinyconf_path)]
    # Rewritten under the key the next load looks for first (the file has long settled).
    stamp = source_stamp(tinyconf_path)
    assert stamp is not None
    assert stamp.settled
    key = stamp_key(stamp)
    assert key is not None
    assert read_cached(cache_path(cache_dir, tinyconf_path), key) == expected


def _settle_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Files count as settled as soon as they are written (no test waits 100 ms)."""
    monkeypatch.setattr(files, "_SETTLED_NS", -1)
    monkeypatch.setattr(files, "_SETTLED_COARSE_NS", -1)


def _no_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(path: Path, name: str) -> bytes:
        raise AssertionError(f"{name} was read")

    monkeypatch.setattr(loading, "read_program_bytes", refuse)


def test_a_settled_file_is_found_by_its_stamp_without_reading_it(
    tmp_path: Path, tinyconf_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "conf.json"
    source.write_bytes(tinyconf_path.read_bytes())
    _settle_at_once(monkeypatch)
    first = load_program_file(source, cache_dir=tmp_path / "cache")
    _no_validation(monkeypatch)
    _no_reading(monkeypatch)
    assert load_program_file(source, cache_dir=tmp_path / "cache") == first


def test_a_fresh_file_is_cached_by_content_then_by_stamp_once_settled(
    tmp_path: Path, tinyconf_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "conf.json"
    source.write_bytes(tinyconf_path.read_bytes())
    monkeypatch.setattr(files, "_SETTLED_NS", 10**18)  # written just now: not settled
    monkeypatch.setattr(files, "_SETTLED_COARSE_NS", 10**18)
    first = load_program_file(source, cache_dir=tmp_path / "cache")
    key = cache_key(source.read_bytes())
    assert key is not None
    assert read_cached(cache_path(tmp_path / "cache", source), key) == first
    _settle_at_once(monkeypatch)
    validations = _validations(monkeypatch)
    assert load_program_file(source, cache_dir=tmp_path / "cache") == first  # re-keyed
    _no_reading(monkeypatch)
    assert load_program_file(source, cache_dir=tmp_path / "cache") == first
    assert validations == []


def test_a_file_changed_in_place_with_its_size_and_times_kept_is_validated_again(
    tmp_path: Path, tinyconf_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Its change time moves with every write and no program can set it back.
    source = tmp_path / "conf.json"
    raw = tinyconf_path.read_bytes()
    source.write_bytes(raw)
    _settle_at_once(monkeypatch)
    first = load_program_file(source, cache_dir=tmp_path / "cache")
    before = source.stat()
    title = first.sessions[0].title.encode()
    changed = raw.replace(title, b"X" * len(title), 1)
    assert len(changed) == len(raw)
    source.write_bytes(changed)
    os.utime(source, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert source.stat().st_mtime_ns == before.st_mtime_ns
    again = load_program_file(source, cache_dir=tmp_path / "cache")
    assert again.sessions[0].title == "X" * len(title)


def _sign(cache_dir: Path, source: Path, rows: object) -> None:
    """Write ``rows`` as the cache file of ``source``, with a proof made by the folder's own
    secret (as only confterm could)."""
    key = cache_key(source.read_bytes())
    assert key is not None
    body = json.dumps(rows).encode()
    secret = (cache_dir / SECRET_NAME).read_bytes()
    cache_path(cache_dir, source).write_bytes(cache._header(secret, key, body) + b"\n" + body)


@pytest.mark.parametrize(
    "damage",
    ["a time that is not one", "a row too short", "an unknown kind", "not rows"],
)
def test_a_proven_cache_whose_rows_do_not_decode_is_validated_again(
    tmp_path: Path, tinyconf_path: Path, monkeypatch: pytest.MonkeyPatch, damage: str
) -> None:
    cache_dir = tmp_path / "cache"
    expected = load_program_file(tinyconf_path, cache_dir=cache_dir)
    rows = encode_program(expected)
    if damage == "a time that is not one":
        rows["sessions"][0][FIELDS[type(expected.sessions[0])].index("start")] = "not a time"
    elif damage == "a row too short":
        rows["sessions"][0] = rows["sessions"][0][:-1]
    elif damage == "an unknown kind":
        rows["sessions"][0][2] = "séance"
    else:
        rows = {"format": "confterm/1"}
    _sign(cache_dir, tinyconf_path, rows)
    validations = _validations(monkeypatch)
    assert load_program_file(tinyconf_path, cache_dir=cache_dir) == expected
    assert validations == [str(tinyconf_path)]


def test_a_cache_changed_by_hand_is_validated_again(
    tmp_path: Path, tinyconf_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Even a change that still decodes (a title) and keeps the key fails the proof.
    cache_dir = tmp_path / "cache"
    expected = load_program_file(tinyconf_path, cache_dir=cache_dir)
    cached = cache_path(cache_dir, tinyconf_path)
    title = expected.sessions[0].title.encode()
    cached.write_bytes(cached.read_bytes().replace(title, b"Changed", 1))
    validations = _validations(monkeypatch)
    assert load_program_file(tinyconf_path, cache_dir=cache_dir) == expected
    assert validations == [str(tinyconf_path)]


def test_a_cache_from_another_folder_is_not_trusted(
    tmp_path: Path, tinyconf_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Copied from another machine or user: that folder's secret made its proof, not ours.
    ours, theirs = tmp_path / "ours", tmp_path / "theirs"
    expected = load_program_file(tinyconf_path, cache_dir=ours)
    load_program_file(tinyconf_path, cache_dir=theirs)
    assert (ours / SECRET_NAME).read_bytes() != (theirs / SECRET_NAME).read_bytes()
    shutil.copyfile(cache_path(theirs, tinyconf_path), cache_path(ours, tinyconf_path))
    validations = _validations(monkeypatch)
    assert load_program_file(tinyconf_path, cache_dir=ours) == expected
    assert validations == [str(tinyconf_path)]


def test_the_secret_is_private_and_a_shared_one_is_not_trusted(
    tmp_path: Path, tinyconf_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache_dir = tmp_path / "cache"
    load_program_file(tinyconf_path, cache_dir=cache_dir)
    secret = cache_dir / SECRET_NAME
    assert secret.stat().st_mode & 0o777 == 0o600
    validations = _validations(monkeypatch)
    load_program_file(tinyconf_path, cache_dir=cache_dir)
    assert validations == []
    # Readable by others, anyone could have read it and made a proof: no longer a proof.
    os.chmod(secret, 0o644)
    load_program_file(tinyconf_path, cache_dir=cache_dir)
    assert validations == [str(tinyconf_path)]
    # A secret that is a link (to something anyone may write) is not read either.
    secret.unlink()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.write_bytes(b"x" * 32)
    os.chmod(elsewhere, 0o600)
    secret.symlink_to(elsewhere)
    load_program_file(tinyconf_path, cache_dir=cache_dir)
    assert validations == [str(tinyconf_path)] * 2


def test_rows_hold_every_field_of_the_model_in_its_order() -> None:
    for cls, names in FIELDS.items():
        assert names == tuple(f.name for f in dataclasses.fields(cls)), cls.__name__
    # The many records are written field by field: the same rows as through FIELDS.
    program = load_program_file(BUNDLED)
    rows = encode_program(program)
    for name in ("speakers", "sessions", "papers"):
        records = getattr(program, name)
        assert records
        assert rows[name] == [cache_rows._row(record) for record in records], name


def test_a_change_to_the_model_sources_makes_the_cache_stale(
    tmp_path: Path, tinyconf_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A new date range, pattern or check changes what is valid, with the same version number.
    model_dir = tmp_path / "model"
    model_dir.mkdir()
    for name in cache.MODEL_SOURCES:
        (model_dir / name).write_text(f"# {name}\n", encoding="utf-8")
    monkeypatch.setattr(cache, "__file__", str(model_dir / "cache.py"))
    cache.model_fingerprint.cache_clear()
    cache_dir = tmp_path / "cache"
    load_program_file(tinyconf_path, cache_dir=cache_dir)
    validations = _validations(monkeypatch)
    cache.model_fingerprint.cache_clear()
    load_program_file(tinyconf_path, cache_dir=cache_dir)
    assert validations == []  # same sources: read from the cache
    (model_dir / "checks.py").write_text("# a new check\n", encoding="utf-8")
    cache.model_fingerprint.cache_clear()
    load_program_file(tinyconf_path, cache_dir=cache_dir)
    assert validations == [str(tinyconf_path)]
    cache.model_fingerprint.cache_clear()


def test_unreadable_model_sources_mean_no_cache(
    tmp_path: Path, tinyconf_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache, "__file__", str(tmp_path / "nowhere" / "cache.py"))
    cache.model_fingerprint.cache_clear()
    try:
        load_program_file(tinyconf_path, cache_dir=tmp_path / "cache")
        assert not (tmp_path / "cache").exists()
    finally:
        cache.model_fingerprint.cache_clear()


def test_a_cache_path_that_is_a_file_only_means_validating(
    tmp_path: Path, tinyconf_path: Path
) -> None:
    # A read-only or full disk alike: nothing can be created beneath a regular file (this
    # holds for root too, which CI runs as).
    blocker = tmp_path / "cache"
    blocker.write_text("not a folder", encoding="utf-8")
    assert load_program_file(tinyconf_path, cache_dir=blocker).conference.id == "tinyconf"
    assert blocker.read_text(encoding="utf-8") == "not a folder"


def test_large_programs_are_not_cached(
    tmp_path: Path, tinyconf_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("confterm.model.loading.MAX_CACHED_BYTES", 100)
    load_program_file(tinyconf_path, cache_dir=tmp_path / "cache")
    assert not (tmp_path / "cache").exists()
    assert tinyconf_path.stat().st_size > 100
    assert BUNDLED.stat().st_size < MAX_CACHED_BYTES


def test_each_program_file_has_its_own_cache_file(tmp_path: Path, tinyconf_path: Path) -> None:
    cache_dir = tmp_path / "cache"
    load_program_file(tinyconf_path, cache_dir=cache_dir)
    load_program_file(BUNDLED, cache_dir=cache_dir)
    assert cache_path(cache_dir, tinyconf_path) != cache_path(cache_dir, BUNDLED)
    assert len(list(cache_dir.glob("*.json"))) == 2
    assert load_program_file(BUNDLED, cache_dir=cache_dir).conference.id == "mlsys2025"


def test_a_session_alias_survives_the_cache() -> None:
    rebuilt = _rebuilt(load_program_file(BUNDLED))
    session = rebuilt.session_by_id["session-04-reliable-scalable"]
    assert session.aliases == ["Session 4: Reliable and Scalable Systems"]
