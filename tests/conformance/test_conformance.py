"""Every real schedule in ../shared/conformance imports with the counts its README gives.

The files are public schedules kept outside the repository (never copied into it); these tests
skip, saying so, when the folder is not there.
"""

from __future__ import annotations

import importlib
import json
from datetime import datetime, time
from pathlib import Path

import pytest

from confterm.model.cache import program_from_json
from confterm.model.loading import validate_program
from confterm.model.program import Program
from confterm.model.validation import program_json
from confterm.sources import import_source

REPO_ROOT = Path(__file__).resolve().parents[2]
CONFORMANCE = REPO_ROOT.parent / "shared" / "conformance"

# file, --tz (only where the file has no zone at all), events, days, expected zone.
SAMPLES = [
    ("pentabarf-fosdem-2021.xml", "Europe/Brussels", 773, 2, "Europe/Brussels"),
    ("frab-31c3-2014.xml", None, 138, 4, "Etc/GMT-1"),
    ("frab-debconf23-2023-wafer.xml", None, 117, 8, "Asia/Kolkata"),
    ("frabjson-camp-2019.json", None, 79, 5, "Europe/Berlin"),
    ("pretalxjson-democon-2020.json", None, 36, 3, "Etc/GMT-1"),
    ("sessionize-all-scottishsummit-2026.json", "Europe/London", 61, 2, "Europe/London"),
    ("ics-lca-2020.ics", None, 262, 6, "Australia/Brisbane"),
    ("ics-jres-2022.ics", None, 120, 4, "Europe/Paris"),
]

pytestmark = pytest.mark.skipif(
    not CONFORMANCE.is_dir(), reason=f"conformance samples not found at {CONFORMANCE}"
)


def _import(name: str, tz: str | None) -> Program:
    return import_source(str(CONFORMANCE / name), conference_id=None, tz=tz).program


@pytest.mark.parametrize(("name", "tz", "events", "days", "zone"), SAMPLES)
def test_sample_imports_with_readme_counts(
    name: str, tz: str | None, events: int, days: int, zone: str
) -> None:
    result = import_source(str(CONFORMANCE / name), conference_id=None, tz=tz)
    program = result.program
    validate_program(program, name)
    assert len(program.sessions) == events
    assert len({s.day for s in program.sessions if s.day is not None}) == days
    assert program.conference.timezone == zone
    assert result.skipped == []
    assert all(s.is_timed for s in program.sessions)


@pytest.mark.parametrize(("name", "tz"), [(sample[0], sample[1]) for sample in SAMPLES])
def test_sample_rebuilds_from_the_cache_as_imported(name: str, tz: str | None) -> None:
    program = _import(name, tz)
    written = program_json(program)
    rebuilt = program_from_json(json.loads(written))
    assert rebuilt == program
    assert program_json(rebuilt) == written


def test_every_sample_is_listed() -> None:
    listed = {name for name, *_ in SAMPLES}
    present = {p.name for p in CONFORMANCE.iterdir() if p.suffix in (".xml", ".json", ".ics")}
    assert present == listed


def test_31c3_after_midnight_stays_on_its_day() -> None:
    program = _import("frab-31c3-2014.xml", None)
    citizenfour = next(s for s in program.sessions if "Citizenfour" in s.title)
    assert citizenfour.start is not None
    assert citizenfour.start.isoformat() == "2014-12-28T00:00:00+01:00"
    assert str(citizenfour.day) == "2014-12-27"


def test_wafer_local_days_and_times() -> None:
    program = _import("frab-debconf23-2023-wafer.xml", None)
    opening = next(s for s in program.sessions if s.title == "Opening Ceremony")
    assert opening.start is not None
    local = opening.start.astimezone(program.conference.zone)
    assert (local.date().isoformat(), local.time()) == ("2023-09-10", time(10, 30))
    assert str(opening.day) == "2023-09-10"
    assert str(program.conference.start_date) == "2023-09-10"


def test_pretalx_trusts_offsets_over_declared_utc() -> None:
    program = _import("pretalxjson-democon-2020.json", None)
    first = min(s.start for s in program.sessions if s.start is not None)
    assert first.utcoffset() is not None
    assert program.conference.zone.utcoffset(datetime(2020, 12, 14)) == first.utcoffset()


def test_fosdem_needs_a_zone_and_keeps_html_out() -> None:
    program = _import("pentabarf-fosdem-2021.xml", "Europe/Brussels")
    assert not any("<p>" in s.description for s in program.sessions)
    welcome = next(s for s in program.sessions if s.title == "Welcome to FOSDEM 2021")
    assert welcome.id == "11795"
    assert welcome.description.startswith("FOSDEM welcome and opening talk.")


def test_jres_fold_inside_utf8_and_breaks() -> None:
    program = _import("ics-jres-2022.ics", None)
    assert any("d’exploitation" in s.title + s.description for s in program.sessions)
    assert any(s.kind.value == "break" for s in program.sessions)


@pytest.mark.parametrize(("name", "tz", "events", "days", "zone"), SAMPLES)
async def test_app_opens_on_sample(
    name: str, tz: str | None, events: int, days: int, zone: str, tmp_path: Path
) -> None:
    try:
        importlib.import_module("confterm.tui")
    except ImportError as error:
        pytest.skip(f"confterm.tui cannot be imported yet ({error})")
    from confterm.clock import Clock
    from confterm.store.bookmarks import BookmarkStore
    from confterm.tui.app import ConftermApp
    from confterm.tui.view import View

    program = _import(name, tz)
    first = min(s.start for s in program.sessions if s.start is not None)
    view = View(program=program, store=BookmarkStore.open(tmp_path), clock=Clock(first))
    app = ConftermApp(view)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.main.is_mounted
