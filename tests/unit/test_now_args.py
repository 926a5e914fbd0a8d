"""The reader of a plain ``confterm now`` (cli/now_args.py) reads what it accepts exactly as
the full parser does, and leaves everything else to it; and ``ids.is_slug`` is the slug
pattern."""

from __future__ import annotations

import re
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from confterm.cli.now_args import read_now_args
from confterm.cli.parsing import build_parser
from confterm.ids import SLUG_PATTERN, is_slug

VALUES = [
    "",
    "x",
    "-x",
    "now",
    "--json",
    "UTC",
    "Europe/Paris",
    "Nowhere/Zone",
    "local",
    "conference",
    "5",
    "0",
    "90",
    "10081",
    "{title} · {room}",
    "a=b",
    "2026-03-07T09:30",
    "mlsys2025",
]
OPTIONS = [
    "--data",
    "--conference",
    "--tz",
    "--now",
    "--data-dir",
    "--json",
    "--format",
    "--window",
    "--remind",
    "--theme",
    "--help",
    "--version",
    "--wind",
    "--",
    "-h",
]


GOOD_VALUES = {
    "--data": ["x.json", "now", "a=b"],
    "--conference": ["mlsys2025", "now", "x"],
    "--tz": ["UTC", "Europe/Paris", "local", "conference", "Nowhere/Zone", ""],
    "--now": ["2026-03-07T09:30", "x"],
    "--data-dir": ["/tmp/d", "now"],
    "--format": ["{title} · {room}", "{nope}", "now", ""],
    "--window": ["5", "90", "0", "10081", "x"],
}
GLOBAL = ["--data", "--conference", "--tz", "--now", "--data-dir"]


@st.composite
def _option(draw: st.DrawFn, names: list[str]) -> list[str]:
    name = draw(st.sampled_from(names))
    if name == "--json":
        return [name]
    value = draw(st.sampled_from(GOOD_VALUES[name]))
    return [f"{name}={value}"] if draw(st.booleans()) else [name, value]


@st.composite
def command_lines(draw: st.DrawFn) -> list[str]:
    """A ``now`` call as people write them (global options before or after it, its own
    after it), often with one thing added anywhere: another option, a stray word."""
    words: list[str] = []
    for _ in range(draw(st.integers(0, 2))):
        words += draw(_option(GLOBAL))
    words.append("now")
    for _ in range(draw(st.integers(0, 3))):
        words += draw(_option([*GLOBAL, "--json", "--format", "--window"]))
    if draw(st.integers(0, 3)) == 0:
        option = draw(st.sampled_from(OPTIONS))
        extra = [option, draw(st.sampled_from(VALUES))] if draw(st.booleans()) else [option]
        position = draw(st.integers(0, len(words)))
        words[position:position] = extra
    return words


def _full(words: list[str]) -> dict[str, Any]:
    namespace = vars(build_parser().parse_args(words))
    namespace["handler"] = repr(namespace["handler"])
    return namespace


@settings(max_examples=300, deadline=None)
@given(words=command_lines())
def test_what_the_reader_accepts_the_parser_reads_the_same_way(words: list[str]) -> None:
    quick = read_now_args(words)
    if quick is None:
        return  # the parser's to read (or to refuse)
    answer = vars(quick)
    answer["handler"] = repr(answer["handler"])
    assert answer == _full(words)


@pytest.mark.parametrize(
    "words",
    [
        ["now"],
        ["now", "--json"],
        ["now", "--format", "{title} · {room} · {start}"],
        ["now", "--format={title}"],
        ["--tz", "Europe/Paris", "now", "--window", "30"],
        ["--conference", "mlsys2025", "now", "--now=2025-05-13T10:50"],
        ["now", "--data", "x.json", "--data-dir", "/tmp/d", "--tz", "local"],
    ],
)
def test_a_plain_now_is_read_without_the_parser(words: list[str]) -> None:
    quick = read_now_args(words)
    assert quick is not None
    answer = vars(quick)
    answer["handler"] = repr(answer["handler"])
    assert answer == _full(words)


@pytest.mark.parametrize(
    "words",
    [
        ["list"],
        ["now", "--help"],
        ["--help", "now"],
        ["now", "--wind", "5"],  # an abbreviation: argparse's rules, argparse's business
        ["now", "--json", "--format", "x"],  # refused by the parser
        ["now", "--window", "0"],
        ["now", "--tz", "Nowhere/Zone"],
        ["now", "--", "x"],
        ["now", "now"],
        ["now", "--format", "-x"],
        ["--remind", "5", "now"],
        ["now", "--tz", "UTC", "--tz", "UTC"],
    ],
)
def test_anything_else_goes_to_the_parser(words: list[str]) -> None:
    assert read_now_args(words) is None


def test_a_completion_request_goes_to_the_parser(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("_ARGCOMPLETE", "1")
    assert read_now_args(["now"]) is None


SLUG_TEXT = st.text(alphabet=st.sampled_from("az09._-AZ \n/é\x00"), max_size=8)


@settings(max_examples=300, deadline=None)
@given(text=SLUG_TEXT)
def test_is_slug_is_the_slug_pattern(text: str) -> None:
    assert is_slug(text) == (re.fullmatch(SLUG_PATTERN, text) is not None)


def test_is_slug_on_every_single_character_and_a_trailing_newline() -> None:
    for code in range(0x300):
        for text in (chr(code), "a" + chr(code), chr(code) + "a"):
            assert is_slug(text) == (re.fullmatch(SLUG_PATTERN, text) is not None), text
    assert not is_slug("abc\n")
    assert not is_slug("")
