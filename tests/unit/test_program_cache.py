"""Programs validated once are rebuilt from the cache, without pydantic, exactly as validated.

The cache only ever saves work: a changed file is validated again (its errors reported), and
a damaged, stale or unwritable cache means validating, never an error.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from confterm import paths
from confterm.errors import DataError
from confterm.model import cache, validation
from confterm.model.cache import MAX_CACHED_BYTES, cache_path, program_from_json
from confterm.model.loading import load_program_file
from confterm.model.program import Program
from confterm.model.validation import program_json

BUNDLED = paths.bundled_file("mlsys2025.json")


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
    rebuilt = program_from_json(json.loads(program_json(validated)))
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
    ],
    ids=["empty", "not-json", "not-an-object", "stale-key"],
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
    assert json.loads(cache_path(cache_dir, tinyconf_path).read_bytes())["program"]


def test_a_cache_with_the_right_key_but_a_broken_program_is_validated_again(
    tmp_path: Path, tinyconf_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache_dir = tmp_path / "cache"
    expected = load_program_file(tinyconf_path, cache_dir=cache_dir)
    written = json.loads(cache_path(cache_dir, tinyconf_path).read_bytes())
    written["program"]["sessions"][0]["start"] = "not a time"
    cache_path(cache_dir, tinyconf_path).write_text(json.dumps(written), encoding="utf-8")
    validations = _validations(monkeypatch)
    assert load_program_file(tinyconf_path, cache_dir=cache_dir) == expected
    assert validations == [str(tinyconf_path)]


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
    rebuilt = program_from_json(json.loads(program_json(load_program_file(BUNDLED))))
    session = rebuilt.session_by_id["session-04-reliable-scalable"]
    assert session.aliases == ["Session 4: Reliable and Scalable Systems"]
