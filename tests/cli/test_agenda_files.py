"""``confterm agenda -o`` and ``confterm calendar`` through the installed script: the format
from the extension, stdout, file modes, and the calendar file that follows the bookmarks."""

from __future__ import annotations

import json
import os
import stat
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

from icalendar import Calendar

RunCli = Callable[..., subprocess.CompletedProcess[str]]
TINYCONF = str(Path(__file__).resolve().parents[1] / "data" / "tinyconf.json")


def tiny(run_cli: RunCli, *args: str, **kwargs: Any) -> subprocess.CompletedProcess[str]:
    return run_cli(*args, "--data", TINYCONF, **kwargs)


def ok(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 0, (result.stdout, result.stderr)
    return result.stdout


def uids(path: Path) -> set[str]:
    calendar = Calendar.from_ical(path.read_bytes())
    return {str(event["UID"]) for event in calendar.walk("VEVENT")}


def test_the_extension_chooses_the_format(run_cli: RunCli, tmp_path: Path) -> None:
    ok(tiny(run_cli, "bookmark", "add", "opening-keynote"))
    for name, start in (
        ("my.ics", b"BEGIN:VCALENDAR\r\n"),
        ("my.html", b"<!DOCTYPE html>"),
        ("my.md", b"# My agenda"),
        ("my.json", b'{\n  "format": "confterm-agenda/1"'),
        ("my.txt", b"My agenda"),
        ("my-agenda", b"My agenda"),
    ):
        ok(tiny(run_cli, "agenda", "-o", str(tmp_path / name)))
        assert (tmp_path / name).read_bytes().startswith(start), name
    # --format wins over an extension that names no format.
    ok(tiny(run_cli, "agenda", "--format", "ics", "-o", str(tmp_path / "plan.backup")))
    assert (tmp_path / "plan.backup").read_bytes().startswith(b"BEGIN:VCALENDAR")


def test_a_contradicting_extension_is_a_usage_error(run_cli: RunCli, tmp_path: Path) -> None:
    result = tiny(run_cli, "agenda", "--format", "text", "-o", str(tmp_path / "my.ics"))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "has the extension of iCalendar (.ics) but --format is text" in result.stderr
    assert not (tmp_path / "my.ics").exists()


def test_dash_is_stdout(run_cli: RunCli, tmp_path: Path) -> None:
    out = ok(tiny(run_cli, "agenda", "--all", "--format", "json", "-o", "-", cwd=tmp_path))
    assert json.loads(out)["scope"] == "program"
    assert not (tmp_path / "-").exists()
    assert ok(tiny(run_cli, "agenda", "-o", "-", cwd=tmp_path)).startswith("Nothing bookmarked")


def test_files_get_the_umask_not_0600(run_cli: RunCli, tmp_path: Path) -> None:
    target = tmp_path / "plan.html"
    old = os.umask(0o022)
    try:
        ok(tiny(run_cli, "agenda", "-o", str(target)))
        assert stat.S_IMODE(target.stat().st_mode) == 0o644
        # Replacing a file keeps the mode its owner gave it.
        target.chmod(0o640)
        ok(tiny(run_cli, "agenda", "-o", str(target)))
        assert stat.S_IMODE(target.stat().st_mode) == 0o640
        os.umask(0o077)
        ok(tiny(run_cli, "agenda", "-o", str(tmp_path / "private.html")))
        assert stat.S_IMODE((tmp_path / "private.html").stat().st_mode) == 0o600
    finally:
        os.umask(old)


def test_the_calendar_file_follows_bookmarks(run_cli: RunCli, tmp_path: Path) -> None:
    calendar = tmp_path / "confterm.ics"
    assert "No calendar file for tinyconf" in ok(tiny(run_cli, "calendar"))
    out = ok(tiny(run_cli, "calendar", str(calendar)))
    assert f"tinyconf: writing {calendar}" in out
    assert uids(calendar) == set()
    assert ok(tiny(run_cli, "calendar")).strip() == f"tinyconf: writing {calendar}"

    ok(tiny(run_cli, "bookmark", "add", "opening-keynote", "caches-talk"))
    assert uids(calendar) == {"opening-keynote@tinyconf.confterm", "caches-talk@tinyconf.confterm"}
    alarms = Calendar.from_ical(calendar.read_bytes()).walk("VALARM")
    assert len(alarms) == 2  # the default alarm, like the app's reminder

    ok(tiny(run_cli, "bookmark", "remove", "opening-keynote"))
    assert uids(calendar) == {"caches-talk@tinyconf.confterm"}
    assert not list(tmp_path.glob(".*.tmp"))  # written atomically, nothing left behind

    out = ok(tiny(run_cli, "calendar", "--off"))
    assert f"No longer updating {calendar}" in out
    ok(tiny(run_cli, "bookmark", "add", "opening-keynote"))
    assert uids(calendar) == {"caches-talk@tinyconf.confterm"}


def test_the_calendar_file_must_be_writable_and_ics(run_cli: RunCli, tmp_path: Path) -> None:
    result = tiny(run_cli, "calendar", str(tmp_path / "missing" / "c.ics"))
    assert result.returncode == 1
    assert "does not exist" in result.stderr
    result = tiny(run_cli, "calendar", str(tmp_path / "c.html"))
    assert result.returncode == 2
    assert "No calendar file" in ok(tiny(run_cli, "calendar"))


def test_the_agenda_schema_is_published(run_cli: RunCli) -> None:
    schema = json.loads(ok(run_cli("schema", "--agenda")))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["properties"]["format"] == {"const": "confterm-agenda/1"}
    conference = json.loads(ok(run_cli("schema")))
    assert conference["$id"] == "urn:confterm:schema:confterm:1"
    assert "$schema" in conference


def test_the_settings_file_names_the_calendar_and_its_alarm(
    run_cli: RunCli, tmp_path: Path
) -> None:
    config = tmp_path / "config"
    config.mkdir()
    calendar = tmp_path / "from-settings.ics"
    (config / "settings.toml").write_text(
        f'calendar_file = "{calendar}"\nremind_minutes = 25\n', encoding="utf-8"
    )
    env = {"CONFTERM_CONFIG_DIR": str(config)}
    out = ok(tiny(run_cli, "calendar", env=env))
    assert f"tinyconf: writing {calendar}" in out
    ok(tiny(run_cli, "bookmark", "add", "opening-keynote", env=env))
    alarms = Calendar.from_ical(calendar.read_bytes()).walk("VALARM")
    assert [str(alarm["TRIGGER"].to_ical(), "ascii") for alarm in alarms] == ["-PT25M"]


def test_a_pipe_given_as_the_file_is_written_into_not_replaced(
    run_cli: RunCli, tmp_path: Path
) -> None:
    # `-o /dev/null` or a FIFO: renaming over one (as root) replaced the device with a file.
    import threading

    fifo = tmp_path / "agenda.ics"
    os.mkfifo(fifo)
    received: list[bytes] = []

    def read() -> None:
        with fifo.open("rb") as stream:
            received.append(stream.read())

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    ok(tiny(run_cli, "agenda", "--all", "-o", str(fifo)))
    reader.join(timeout=30)
    assert len(received) == 1
    assert received[0].startswith(b"BEGIN:VCALENDAR")
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".agenda")) == []
