"""The one cleaning boundary: text from any source is made safe where the model is built."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from confterm.errors import DataError
from confterm.model.cache import cache_key, cache_path, read_cached
from confterm.model.loading import load_program_bytes, load_program_file
from confterm.model.program import Program
from confterm.sources import import_bytes
from confterm.text import clean, is_clean, one_line, safe_url

TESTS = Path(__file__).resolve().parents[1]
HOSTILE = TESTS / "data" / "hostile.json"
TINYCONF = TESTS / "data" / "tinyconf.json"
FRAB = TESTS / "data" / "import" / "frab.json"

UNSAFE = (
    [chr(c) for c in range(0x20) if c not in (0x09, 0x0A)]
    + [chr(c) for c in range(0x7F, 0xA0)]
    + [chr(c) for c in range(0x202A, 0x202F)]
    + [chr(c) for c in range(0x2066, 0x206A)]
    + ["\ud800", "\udfff"]
)


def _strings(value: Any) -> Iterator[str]:
    """Every string in a program (or any nest of dataclasses, lists and dicts)."""
    if isinstance(value, str):
        yield value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for item in dataclasses.fields(value):
            yield from _strings(getattr(value, item.name))
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _assert_safe(program: Program) -> None:
    for text in _strings(program):
        assert not any(char in text for char in UNSAFE), repr(text)
        assert "\x1b" not in text


def test_clean_removes_sequences_controls_bidi_and_surrogates() -> None:
    text = "a\x1b]52;c;ZXZpbA==\x07b\x1b[31mc\x9b2Jd\x9d0;t\x9ce\u202ef\u2066g\x7fh\x00i\ud800j"
    assert clean(text) == "abcdefghij"
    assert clean("line one\r\n\tline two") == "line one\n\tline two"
    assert one_line(" a\n\tb\x1b[1m  c ") == "a b c"
    assert clean("[bold]kept[/]") == "[bold]kept[/]"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from([*UNSAFE, "a", " ", "\n", "\t", "[", "]", "é", "😀"])))
def test_cleaned_text_never_holds_an_unsafe_character(text: str) -> None:
    for result in (clean(text), one_line(text)):
        assert not any(char in result for char in UNSAFE)
        assert is_clean(result)
    assert "\n" not in one_line(text)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.org/x", "https://example.org/x"),
        ("  http://example.org  ", "http://example.org"),
        ("javascript:alert(1)", None),
        ("file:///etc/passwd", None),
        ("https://a.example/\x1b]52;c;eA==\x07", None),
        ("https://a.example/x y", None),
        ("https://a.example/\u202ex", None),
        ("https://a.example/\nx", None),
        ("https://", None),
        ("", None),
    ],
)
def test_urls_are_plain_http_or_refused(url: str, expected: str | None) -> None:
    assert safe_url(url) == expected


def test_confterm_json_is_cleaned_where_the_model_is_built() -> None:
    program = load_program_file(HOSTILE)
    _assert_safe(program)
    assert program.conference.short_name == "[bold red]X[/]TinyConf[bold red]X[/]"
    session = program.session_by_id["opening-keynote"]
    assert session.title == "[bold red]X[/]Opening Keynote: Terminals Forever[bold red]X[/]"
    # Long text keeps its newlines and tabs; everything else is gone.
    assert "\n\t" in session.description


def test_a_title_of_nothing_but_escapes_is_a_missing_title() -> None:
    document = json.loads(TINYCONF.read_text())
    document["conference"]["short_name"] = "\x1b]0;x\x07\u202e"
    with pytest.raises(DataError, match=r"conference\.short_name: nothing left once control"):
        load_program_bytes(json.dumps(document).encode(), "x.json")


@pytest.mark.parametrize("url", ["javascript:alert(1)", "https://x.example/\x1b]0;t\x07"])
def test_a_bad_url_in_confterm_json_is_an_error_naming_the_field(url: str) -> None:
    document = json.loads(TINYCONF.read_text())
    document["speakers"][0]["url"] = url
    with pytest.raises(DataError, match=r"^x\.json: speakers\[0\]\.url: not a plain http\(s\)"):
        load_program_bytes(json.dumps(document).encode(), "x.json")


def test_every_importer_goes_through_the_same_boundary() -> None:
    payload = "\x1b]52;c;ZXZpbA==\x07\u202e\x9b2J[b]"
    document = json.loads(FRAB.read_text())
    conference = document["schedule"]["conference"]
    conference["title"] = payload + "Camp"
    event = conference["days"][0]["rooms"]["Curie"][0]
    event["title"] = payload + "Opening"
    event["links"] = [{"url": "javascript:alert(1)", "title": payload}]
    result = import_bytes(json.dumps(document).encode(), "camp.json", conference_id=None, tz=None)
    _assert_safe(result.program)
    assert result.program.conference.name == "[b]Camp"
    titles = {s.title for s in result.program.sessions}
    assert "[b]Opening" in titles
    assert all(not s.links or s.links[0].url.startswith("http") for s in result.program.sessions)


def test_a_tampered_cache_is_validated_again(tmp_path: Path) -> None:
    """The cache folder is not ours either: a cache file that does not prove it is this
    confterm's own (unclean text put in by hand, say) means validating the file."""
    raw = TINYCONF.read_bytes()
    key = cache_key(raw)
    assert key is not None
    source = tmp_path / "tinyconf.json"
    source.write_bytes(raw)
    program = load_program_file(source, cache_dir=tmp_path / "cache")
    cached = cache_path(tmp_path / "cache", source)
    written = cached.read_bytes()
    assert b"TinyConf" in written
    # Escaped, and raw in UTF-8 (as C1 and bidi characters are written): refused alike.
    for payload in ("\\u001b]0;pwned\\u0007", "Tiny\u202eConf", "Tiny\x9bConf", "Tiny\u2067Conf"):
        cached.write_bytes(written.replace(b"TinyConf", payload.encode(), 1))
        assert read_cached(cached, key) is None
    again = load_program_file(source, cache_dir=tmp_path / "cache")
    assert again.conference.short_name == program.conference.short_name == "TinyConf"
    # A cache path that is a FIFO or a folder is no cache, never a hang.
    cached.unlink()
    cached.mkdir()
    assert read_cached(cached, key) is None


def test_a_proven_cache_with_a_zone_gone_from_tzdata_is_validated_again(tmp_path: Path) -> None:
    # The proof says confterm wrote it; a tzdata updated since may no longer know its zone.
    from confterm.model.cache import SECRET_NAME, _header
    from confterm.model.cache_rows import encode_program

    raw = TINYCONF.read_bytes()
    key = cache_key(raw)
    assert key is not None
    source = tmp_path / "tinyconf.json"
    source.write_bytes(raw)
    rows = encode_program(load_program_file(source, cache_dir=tmp_path / "cache"))
    rows["conference"][5] = "America"  # a folder inside tzdata, not a zone
    body = json.dumps(rows).encode()
    secret = (tmp_path / "cache" / SECRET_NAME).read_bytes()
    cached = cache_path(tmp_path / "cache", source)
    cached.write_bytes(_header(secret, key, body) + b"\n" + body)
    assert read_cached(cached, key) is None


def test_every_text_field_of_the_model_is_declared_and_cleaned() -> None:
    """A new str field without Rule(text=...) would escape the boundary: none may."""
    import typing

    from confterm.model import cleaning

    for cls in cleaning.TEXT_RECORDS:
        declared = {f.name for f in cleaning._text_fields(cls)}
        hints = typing.get_type_hints(cls, include_extras=True)
        for field in dataclasses.fields(cls):
            if "str" not in str(hints[field.name]):
                continue
            rules, _ = cleaning._rules_of(hints[field.name])
            is_slug = any(rule.pattern for rule in rules)
            assert field.name in declared or is_slug or field.name == "timezone", (
                f"{cls.__name__}.{field.name}"
            )
