"""Every CLI output command on a real pseudo-terminal, fed hostile data: nothing from the data
reaches the terminal raw.

``tests/data/hostile.json`` is the small test conference with, around every text field, OSC 52
(clipboard) and OSC 0 (title) sequences, CSI sequences, 8-bit C1 controls, bidi overrides and
isolates, DEL, NUL, CR, BS and Rich markup. A crafted frab JSON schedule carries the same into
``import``. On a terminal confterm styles its own output with SGR sequences (``ESC [ ... m``);
any other escape, any C1 or bidi character, or a word of the payloads means data got through.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from tty_run import run_on_tty

TESTS = Path(__file__).resolve().parents[1]
HOSTILE = TESTS / "data" / "hostile.json"
FRAB = TESTS / "data" / "import" / "frab.json"
PAYLOAD = (
    "\x1b]52;c;aGFja2Vk\x07\x1b]0;PWNED\x07\x1b[6n\x1b[2J[bold red]X[/]"
    "\x9b2J\x9d0;t\x9c\u202e\u2066\x7f\x00\r\x08"
)
NOW = "2026-03-07T10:40:00-05:00"  # during the hostile conference's first day

# confterm's own styling: SGR (colours, bold...) and OSC 8 hyperlinks around plain http(s)
# URLs (ids and targets hold no ESC, BEL or control), which it writes on a terminal.
_SGR = re.compile(r"\x1b\[[0-9;]*m|\x1b\]8;[\x21-\x7e]*;[\x21-\x7e]*\x1b\\")
_UNSAFE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def assert_nothing_raw(output: str, *, quoted: bool = False) -> None:
    """No escape but confterm's SGR styling, no control, C1 or bidi character, no payload
    (``quoted``: messages may quote the input as a Python literal, ``'\\x1b]0;PWNED...'``,
    which is printable text)."""
    if not quoted:
        assert "PWNED" not in output
        assert "aGFja2Vk" not in output
    rest = _SGR.sub("", output)
    assert "\x1b" not in rest, repr(rest[max(rest.find("\x1b") - 40, 0) :][:120])
    found = _UNSAFE.search(rest)
    assert found is None, repr(rest[max(found.start() - 40, 0) :][:120])


@pytest.fixture
def hostile_frab(tmp_path: Path) -> Path:
    """The frab JSON import sample with the payload in its titles, names, rooms and text."""
    document = json.loads(FRAB.read_text())
    conference = document["schedule"]["conference"]
    conference["title"] = f"{PAYLOAD}Camp{PAYLOAD}"
    for day in conference["days"]:
        for room, events in list(day["rooms"].items()):
            for event in events:
                event["title"] = f"{PAYLOAD}{event['title']}{PAYLOAD}"
                event["room"] = f"{PAYLOAD}{room}"
                event["abstract"] = f"{PAYLOAD}<p>{PAYLOAD}</p>"
                event["track"] = f"{PAYLOAD}track"
                for person in event.get("persons", []):
                    person["public_name"] = f"{PAYLOAD}{person['public_name']}"
    # A session the importer skips (its title is nothing but the payload) is named in the
    # import's summary.
    day = conference["days"][0]
    day["rooms"]["Curie"].append({**day["rooms"]["Curie"][0], "guid": "x", "title": PAYLOAD})
    path = tmp_path / "hostile-frab.json"
    path.write_text(json.dumps(document))
    return path


DATA = ("--data", str(HOSTILE), "--now", NOW)
COMMANDS: list[tuple[str, ...]] = [
    ("list", *DATA),
    ("list", *DATA, "--json"),
    ("list", *DATA, "--search", "keynote"),
    ("list", *DATA, "--day", "1"),
    ("show", *DATA, "opening-keynote"),
    ("show", *DATA, "opening-keynote", "--json"),
    ("show", *DATA, "posters-a"),
    ("booths", *DATA),
    ("booths", *DATA, "--json"),
    ("papers", *DATA),
    ("papers", *DATA, "--json"),
    ("validate", str(HOSTILE)),
    ("now", *DATA),
    ("now", *DATA, "--json"),
    ("agenda", *DATA, "--all"),
    ("agenda", *DATA, "--all", "--format", "markdown"),
    ("agenda", *DATA, "--all", "--format", "html"),
    ("agenda", *DATA, "--all", "--format", "ics"),
    ("agenda", *DATA, "--all", "--format", "json"),
    ("bookmark", *DATA, "list"),
    ("bookmark", *DATA, "list", "--json"),
    ("bookmark", *DATA, "export"),
    ("agenda", *DATA),
]


def test_the_fixture_carries_the_payload_in_every_text_field() -> None:
    text = HOSTILE.read_text()
    assert json.loads(text)["conference"]["short_name"].startswith(PAYLOAD)
    assert text.count("\\u001b]52;") > 40


@pytest.mark.parametrize("args", COMMANDS, ids=lambda args: " ".join(a for a in args[:1]))
def test_output_commands_show_data_literally(args: tuple[str, ...]) -> None:
    if args[0] == "agenda" and "--all" not in args:
        # The personal agenda of a bookmarked session, booth and paper.
        run_on_tty("bookmark", *DATA, "add", "opening-keynote", env={})
    output = run_on_tty(*args, env={}, stderr_too=True)
    assert output.strip()
    assert_nothing_raw(output)


def test_markup_in_titles_is_shown_as_text() -> None:
    output = run_on_tty("list", *DATA, env={})
    assert "[bold red]X[/]Opening Keynote: Terminals Forever[bold red]X[/]" in _SGR.sub("", output)


def test_bookmark_add_names_the_session_cleanly() -> None:
    output = run_on_tty("bookmark", *DATA, "add", "opening-keynote", env={}, stderr_too=True)
    assert "Opening Keynote" in output
    assert_nothing_raw(output)


def test_import_conferences_and_the_imported_program(hostile_frab: Path) -> None:
    output = run_on_tty("import", str(hostile_frab), "--id", "camp", env={}, stderr_too=True)
    assert "imported" in output
    assert_nothing_raw(output)
    for args in (
        ("conferences",),
        ("conferences", "--json"),
        ("list", "--conference", "camp"),
        ("list", "--conference", "camp", "--json"),
        ("agenda", "--conference", "camp", "--all", "--format", "ics"),
    ):
        output = run_on_tty(*args, env={}, stderr_too=True)
        assert output.strip()
        assert_nothing_raw(output)


def test_error_lines_are_clean(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    document = json.loads(HOSTILE.read_text())
    document["conference"][f"colour{PAYLOAD}"] = "red"  # an unknown field, named in the error
    document["sessions"][0]["room"] = f"x{PAYLOAD}"
    bad.write_text(json.dumps(document))
    for args in (("validate", str(bad)), ("list", "--data", str(bad))):
        output = run_on_tty(*args, env={}, stderr_too=True, expect_code=1)
        assert "confterm: error:" in output
        assert_nothing_raw(output)
    argument = PAYLOAD.replace("\x00", "")  # a command line cannot hold NUL
    output = run_on_tty(
        "list", "--tz", f"Europe/{argument}", env={}, stderr_too=True, expect_code=2
    )
    assert_nothing_raw(output, quoted=True)
    output = run_on_tty(f"lis{argument}t", env={}, stderr_too=True, expect_code=2)
    assert_nothing_raw(output, quoted=True)
