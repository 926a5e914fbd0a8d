"""The settings file's plain lines are read without tomllib (a status line's start), and
always as tomllib reads them."""

from __future__ import annotations

import tomllib
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from confterm.settings import plain_toml, save_setting

# Pieces a line is made of: the plain shapes, and near misses of each.
_KEYS = st.sampled_from(["theme", "zone", "remind_minutes", "a-b_C9", "a.b", "", "k y", "ключ"])
_VALUES = st.one_of(
    st.text(max_size=12).map(lambda text: f'"{text}"'),
    st.integers(min_value=-5, max_value=10**21).map(str),
    st.sampled_from(["0", "00", "01", "+1", "1_000", "1.5", "true", "'x'", '"""x"""', '"a\\"b"']),
    st.sampled_from(['"x" # note', '"x"\r', "[1, 2]", "", '"', '""']),
)
_LINES = st.one_of(
    st.builds(
        lambda k, sp, v: f"{k}{sp}={sp}{v}", _KEYS, st.sampled_from(["", " ", "  ", "\t"]), _VALUES
    ),
    st.sampled_from(["", "   ", "# a comment", "  # ß comment", "#\ttab", "[table]", "=1"]),
    st.text(max_size=20),
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_LINES, max_size=6), st.booleans())
def test_wherever_it_answers_tomllib_gives_the_same(lines: list[str], final_newline: bool) -> None:
    text = "\n".join(lines) + ("\n" if final_newline else "")
    plain = plain_toml(text)
    if plain is None:
        return
    assert tomllib.loads(text) == plain


def test_the_files_confterm_writes_are_read_the_plain_way(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    save_setting(path, "theme", "textual-light")
    save_setting(path, "remind_minutes", 15)
    save_setting(path, "zone", "Europe/Zürich")
    text = path.read_text(encoding="utf-8")
    expected = {"theme": "textual-light", "remind_minutes": 15, "zone": "Europe/Zürich"}
    assert plain_toml(text) == expected == tomllib.loads(text)
    commented = '# my settings\n\n  theme = "nord"  \nconference = "36c3"\n'
    assert plain_toml(commented) == {"theme": "nord", "conference": "36c3"}


def test_anything_else_is_left_to_tomllib() -> None:
    for text in (
        'theme = "a" # trailing comment\n',
        "theme = 'literal'\n",
        'theme = "a\\tb"\n',
        "[table]\nkey = 1\n",
        'theme = "a"\ntheme = "b"\n',
        "remind_minutes = +5\n",
        'theme = "x"\r\n',
    ):
        assert plain_toml(text) is None, text
