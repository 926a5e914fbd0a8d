"""Readers raise nothing but confterm's own error, naming the file and the place; files are
bounded by type and size before any byte is read."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from confterm.errors import DataError, UsageError
from confterm.files import FileTooLargeError, NotAFileError, read_regular_file
from confterm.model import loading
from confterm.model.loading import load_program_bytes, load_program_file
from confterm.sources import import_bytes
from confterm.sources.fetch import read_source
from confterm.timezones import find_zone, resolve_display_zone

TESTS = Path(__file__).resolve().parents[1]
TINYCONF = TESTS / "data" / "tinyconf.json"
FRAB = TESTS / "data" / "import" / "frab.json"
ICAL = TESTS / "data" / "import" / "ical_tzid.ics"
CONFTERM = Path(sys.executable).parent / "confterm"


def _tiny(**conference: object) -> bytes:
    document = json.loads(TINYCONF.read_text())
    document["conference"].update(conference)
    return json.dumps(document).encode()


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b'{"format": "confterm/1",\n "conference": ' + b"[" * 50_000, r"line 2 column \d+: "),
        (b'{"a":' * 50_000, r"line 1 column \d+: not valid JSON \(recursion limit"),
        (b'{"format": "confterm/1",\n"rooms": [' + b"9" * 5000 + b"]}", r"line 2 column \d+: "),
        (b'{"format": "confterm/1",\n"x": "\\ud800"}', r"line 2 column \d+: not valid JSON"),
        (b'{"format":\n"\xed\xa0\x80"}', r"line 2 column 2: not UTF-8 text"),
    ],
    ids=["deep-array", "deep-object", "long-integer", "lone-surrogate", "encoded-surrogate"],
)
def test_confterm_json_errors_name_line_and_column(raw: bytes, message: str) -> None:
    with pytest.raises(DataError, match=rf"^x\.json: {message}"):
        load_program_bytes(raw, "x.json")


@pytest.mark.parametrize("zone", ["America", "Etc", "x" * 300, "../etc/passwd", "Europe/\x00"])
def test_a_zone_that_is_no_zone_names_the_zone_never_a_tzdata_path(zone: str) -> None:
    assert find_zone(zone) is None
    with pytest.raises(DataError) as caught:
        load_program_bytes(_tiny(timezone=zone), "x.json")
    assert caught.value.message.startswith("x.json: conference.timezone: unknown time zone")
    assert "tzdata" not in caught.value.message
    assert "zoneinfo" not in caught.value.message
    with pytest.raises(UsageError, match=r"^--tz: unknown time zone"):
        resolve_display_zone(zone, find_zone("UTC"))  # type: ignore[arg-type]
    with pytest.raises(UsageError, match=r"^--tz: unknown time zone"):
        import_bytes(FRAB.read_bytes(), "frab.json", conference_id=None, tz=zone)


@pytest.mark.parametrize("offset", ["+14:01", "-14:30", "+23:59"])
def test_utc_offsets_beyond_fourteen_hours_are_refused(offset: str) -> None:
    document = json.loads(TINYCONF.read_text())
    session = next(s for s in document["sessions"] if s.get("start"))
    session["start"] = session["start"][:19] + offset
    with pytest.raises(DataError, match=r"start: .*UTC offset beyond ±14:00"):
        load_program_bytes(json.dumps(document).encode(), "x.json")


def test_an_ical_zone_that_is_a_folder_is_an_error_not_a_crash() -> None:
    raw = ICAL.read_bytes().replace(b"TZID=", b"TZID=America/../America")
    for tz in (None, "Europe/Berlin"):
        outcome = _import_outcome(raw, tz)
        assert "tzdata" not in outcome
        assert "Traceback" not in outcome


def _import_outcome(raw: bytes, tz: str | None) -> str:
    """The zone of the imported program, or confterm's error message."""
    try:
        result = import_bytes(raw, "x.ics", conference_id=None, tz=tz)
    except (DataError, UsageError) as error:
        return error.message
    zone = result.program.conference.timezone
    assert find_zone(zone) is not None  # the folder's name was not taken for a zone
    return zone


def test_import_json_with_a_long_integer_names_its_line() -> None:
    raw = FRAB.read_bytes().replace(b'"index": 1', b'"index": ' + b"7" * 5000, 1)
    with pytest.raises(DataError, match=r"^frab\.json: line \d+ column \d+: number too long"):
        import_bytes(raw, "frab.json", conference_id=None, tz=None)


def test_import_json_nested_too_deeply_is_an_error() -> None:
    raw = b'{"schedule": {"conference": ' + b"[" * 100_000 + b"]" * 100_000 + b"}}"
    with pytest.raises(DataError, match=r"^deep\.json: "):
        import_bytes(raw, "deep.json", conference_id=None, tz=None)


# --- bounds before reading -------------------------------------------------------------------


def test_fifos_devices_and_folders_are_refused_by_type(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    for path, kind in ((fifo, "a pipe"), (Path("/dev/zero"), "a device"), (tmp_path, "a dir")):
        with pytest.raises(NotAFileError, match=f"is {kind}"):
            read_regular_file(path)
        with pytest.raises(DataError, match=f"^{path}: is {kind}"):
            load_program_file(path)
        with pytest.raises(DataError, match=f"^{path}: is {kind}"):
            read_source(str(path))


def test_data_and_validate_get_the_import_size_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(loading, "MAX_FILE_BYTES", 1000)
    big = tmp_path / "big.json"
    big.write_bytes(b" " * 1001)
    with pytest.raises(DataError, match=r"big\.json: larger than the size limit \(1,000 bytes\)"):
        load_program_file(big)
    with pytest.raises(FileTooLargeError):
        read_regular_file(big, 1000)


def test_validate_dev_zero_and_a_fifo_end_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    for path in ("/dev/zero", str(fifo), str(tmp_path)):
        for args in (("validate", path), ("--data", path, "list")):
            done = subprocess.run(
                [str(CONFTERM), *args], capture_output=True, text=True, timeout=20, check=False
            )
            assert done.returncode == 1
            assert done.stderr.startswith(f"confterm: error: {path}: is ")
            assert "Traceback" not in done.stderr


def test_tz_that_is_a_folder_is_a_usage_error() -> None:
    for args in (("--tz", "America", "list"), ("import", str(FRAB), "--tz", "America")):
        done = subprocess.run(
            [str(CONFTERM), *args], capture_output=True, text=True, timeout=20, check=False
        )
        assert done.returncode == 2
        assert "unknown time zone 'America'" in done.stderr
        assert "tzdata" not in done.stderr


def test_ical_errors_name_the_line() -> None:
    raw = ICAL.read_bytes()
    lines = raw.split(b"\n")
    third_event = [i for i, line in enumerate(lines) if line.startswith(b"BEGIN:VEVENT")][2]
    lines.insert(third_event + 1, b"DTSTART:99999999T999999Z")
    with pytest.raises(DataError, match=rf"^x\.ics: line {third_event + 2}: VEVENT\[2\]\.DTSTART"):
        import_bytes(b"\n".join(lines), "x.ics", conference_id=None, tz=None)


def test_settings_and_shared_bookmarks_are_bounded_too(tmp_path: Path) -> None:
    from confterm.settings import Settings, read_file
    from confterm.store.sharing import read_document

    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    settings, problem = read_file(fifo)
    assert settings == Settings()
    assert problem is not None
    assert "not a file" in problem
    deep = tmp_path / "deep.toml"
    deep.write_text("x = " + "[" * 20_000 + "]" * 20_000 + "\n")
    settings, problem = read_file(deep)
    assert settings == Settings()
    assert problem is not None
    assert "nested too deeply" in problem
    for path in (fifo, Path("/dev/zero")):
        with pytest.raises(DataError, match="not a file"):
            read_document(path)
