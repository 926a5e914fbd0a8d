"""Agenda text, Markdown and JSON against expected files written by hand from tinyconf.json."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import jsonschema
import pytest
from agenda_marks import MARKS, Mark
from rich.console import Console

from confterm.errors import UsageError
from confterm.export import (
    EXTENSIONS,
    FORMATS,
    ExportOptions,
    default_file_name,
    format_for_path,
    render,
    render_bytes,
)
from confterm.export.agenda_schema import agenda_schema
from confterm.export.markdown import escape
from confterm.export.text import rich_agenda
from confterm.model.program import Program
from confterm.queries.agenda import build_agenda
from confterm.queries.index import ProgramIndex

EXPECTED = Path(__file__).resolve().parents[1] / "data" / "expected"
STAMPED = ExportOptions(
    now=datetime(2026, 3, 1, 9, 0, tzinfo=UTC),
    made_from="Tiny Conference 2026, program as of 2026-02-20 10:00 UTC",
)
# An oral session with two papers, one of them starred.
PAPER_MARKS = [
    Mark("session", "opening-keynote"),
    Mark("session", "oral-systems"),
    Mark("paper", "timezone-pain"),
]


@pytest.mark.parametrize(
    ("marks", "format", "name"),
    [
        (MARKS, "text", "tinyconf-agenda.txt"),
        (MARKS, "markdown", "tinyconf-agenda.md"),
        (PAPER_MARKS, "text", "tinyconf-papers.txt"),
        (PAPER_MARKS, "markdown", "tinyconf-papers.md"),
    ],
)
def test_matches_the_hand_written_file(
    tinyconf: Program, marks: list[Mark], format: str, name: str
) -> None:
    output = render(
        build_agenda(ProgramIndex(tinyconf), marks), format, tinyconf.conference.zone, STAMPED
    )
    assert output == (EXPECTED / name).read_text(encoding="utf-8")


def test_whole_program_lists_every_paper_of_a_session(tinyconf: Program) -> None:
    agenda = build_agenda(ProgramIndex(tinyconf), [], whole_program=True)
    text = render(agenda, "text", tinyconf.conference.zone, STAMPED)
    assert isinstance(text, str)
    assert "- Bookmarks That Survive kill -9 — Linus Example (Best Paper)" in text
    assert "- Time Zones Considered Harmful — Margaret Hamilton" in text
    assert "- Fast Lists for Slow Terminals — Grace Hopper, Alan Turing" in text
    assert "★" not in text
    markdown = render(agenda, "markdown", tinyconf.conference.zone, STAMPED)
    assert (
        "  - [Fast Lists for Slow Terminals](<https://tinyconf.example.org/papers/fast-lists>)"
        " — Grace Hopper, Alan Turing"
    ) in str(markdown)


def test_text_in_another_zone_names_it_once_per_day(tinyconf: Program) -> None:
    agenda = build_agenda(ProgramIndex(tinyconf), [Mark("session", "opening-keynote")])
    text = render(agenda, "text", ZoneInfo("Europe/Paris"))
    assert isinstance(text, str)
    assert "Saturday 7 March 2026 — times in Europe/Paris (CET)" in text
    assert "  15:00–16:00    Opening Keynote: Terminals Forever" in text
    assert text.count("Europe/Paris") == 1


@pytest.mark.parametrize("format", ["text", "markdown", "html"])
def test_an_empty_agenda_says_how_to_add_bookmarks(tinyconf: Program, format: str) -> None:
    output = render(build_agenda(ProgramIndex(tinyconf), []), format, tinyconf.conference.zone)
    assert isinstance(output, str)
    assert "Nothing bookmarked for TinyConf yet" in output
    assert "confterm bookmark add ID" in output


def test_whole_program_lists_every_session_and_flags_no_clash(tinyconf: Program) -> None:
    agenda = build_agenda(ProgramIndex(tinyconf), [], whole_program=True)
    text = render(agenda, "text", tinyconf.conference.zone)
    assert isinstance(text, str)
    assert text.startswith("Program: Tiny Conference 2026\n")
    for session in ("Registration", "Closing Keynote", "Oral Session: Systems", "Lunch"):
        assert session in text
    # Clashes are between sessions the attendee chose; nothing is chosen here.
    assert "clashes with" not in text


def test_markdown_escape_defuses_links_and_emphasis() -> None:
    assert escape("[click](https://evil.example)") == r"\[click\](https://evil.example)"
    assert escape("**loud** _quiet_ `code` <b>") == r"\*\*loud\*\* \_quiet\_ \`code\` \<b\>"
    assert escape("- not a list") == r"\- not a list"
    assert escape("1. not a list") == r"1\. not a list"
    assert escape("![img](x) &amp; #tag") == r"\!\[img\](x) \&amp; \#tag"
    assert escape("plain words, 10:30") == "plain words, 10:30"


def test_json_holds_the_same_content(tinyconf: Program) -> None:
    agenda = build_agenda(ProgramIndex(tinyconf), MARKS)
    data = json.loads(render(agenda, "json", ZoneInfo("UTC"), STAMPED))
    assert data["format"] == "confterm-agenda/1"
    assert data["made_from"] == "Tiny Conference 2026, program as of 2026-02-20 10:00 UTC"
    assert data["exported_at"] == "2026-03-01T09:00:00Z"
    assert data["conference"] == {
        "id": "tinyconf",
        "name": "Tiny Conference 2026",
        "timezone": "America/New_York",
    }
    assert data["scope"] == "bookmarks"
    assert data["zone"] == "UTC"
    assert [day["day"] for day in data["days"]] == ["2026-03-07", "2026-03-08", None]
    first_day = [s["id"] for s in data["days"][0]["sessions"]]
    assert first_day == ["opening-keynote", "parsing-schedules", "caches-talk", "lightning-1"]
    keynote = data["days"][0]["sessions"][0]
    assert keynote["start"] == "2026-03-07T14:00:00+00:00"
    assert keynote["room"] == {"id": "main-hall", "name": "Main Hall"}
    assert keynote["speakers"][0]["name"] == "Ada Lovelace"
    assert keynote["clashes_with"] == []
    caches = data["days"][0]["sessions"][2]
    assert caches["clashes_with"] == ["parsing-schedules"]
    lightning = data["days"][0]["sessions"][3]
    assert lightning["start"] is None
    assert "\x1b" not in data["days"][1]["sessions"][0]["title"]
    assert [b["id"] for b in data["booths"]] == ["acme", "globex"]
    assert data["booths"][1]["location"] is None
    assert data["missing"] == [
        {"kind": "session", "id": "removed-talk", "added_at": "2026-03-01T15:00:00+00:00"},
        {"kind": "booth", "id": "closed-booth", "added_at": "2026-03-03T03:00:00+00:00"},
    ]


def test_json_is_stable_between_runs(tinyconf: Program) -> None:
    agenda = build_agenda(ProgramIndex(tinyconf), MARKS)
    zone = tinyconf.conference.zone
    again = build_agenda(ProgramIndex(tinyconf), MARKS)
    assert render(agenda, "json", zone, STAMPED) == render(again, "json", zone, STAMPED)


def test_day_limits_the_agenda_and_drops_booths(tinyconf: Program) -> None:
    day = datetime(2026, 3, 8).date()
    text = render(
        build_agenda(ProgramIndex(tinyconf), MARKS, day=day), "text", tinyconf.conference.zone
    )
    assert isinstance(text, str)
    assert "Sunday 8 March 2026" in text
    assert "Saturday" not in text
    assert "Booths to visit" not in text


def test_rich_form_keeps_markup_literal(tinyconf: Program) -> None:
    console = Console(width=120, record=True, color_system=None, file=io.StringIO())
    console.print(
        rich_agenda(build_agenda(ProgramIndex(tinyconf), MARKS), tinyconf.conference.zone)
    )
    shown = console.export_text()
    assert "[bold]Not bold[/] and [@click=app.quit]no action[/] red" in shown
    assert "! clashes with Clashing Talk About Caches (10:45–11:30)" in shown
    assert "Globex (Silver) — location not announced" in shown


def test_every_format_renders_and_has_an_extension(tinyconf: Program) -> None:
    agenda = build_agenda(ProgramIndex(tinyconf), MARKS)
    moment = datetime(2026, 3, 1, tzinfo=UTC)
    for format in FORMATS:
        data = render_bytes(agenda, format, tinyconf.conference.zone, ExportOptions(now=moment))
        assert data
        assert default_file_name("tinyconf", format) == f"tinyconf-agenda.{EXTENSIONS[format]}"
    with pytest.raises(ValueError, match="unknown agenda format"):
        render(agenda, "pdf", tinyconf.conference.zone)


def test_json_lists_papers_with_their_star(tinyconf: Program) -> None:
    data = json.loads(
        render(build_agenda(ProgramIndex(tinyconf), PAPER_MARKS), "json", ZoneInfo("UTC"))
    )
    oral = data["days"][1]["sessions"][0]
    assert [(p["id"], p["starred"]) for p in oral["papers"]] == [
        ("sqlite-bookmarks", False),
        ("timezone-pain", True),
    ]


@pytest.mark.parametrize(
    ("path", "given", "expected"),
    [
        ("plan.ics", None, "ics"),
        ("plan.HTML", None, "html"),
        ("plan.htm", None, "html"),
        ("notes.md", None, "markdown"),
        ("data.json", None, "json"),
        ("plan", None, "text"),
        ("plan.txt", None, "text"),
        ("plan.ics", "ics", "ics"),
        ("plan.backup", "ics", "ics"),  # an unknown extension does not contradict
        ("a.dir/plan", "json", "json"),
    ],
)
def test_the_format_follows_the_extension(path: str, given: str | None, expected: str) -> None:
    assert format_for_path(path, given) == expected


def test_an_extension_contradicting_the_format_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match=r"plan.ics has the extension of iCalendar"):
        format_for_path("plan.ics", "text")


def test_agenda_json_follows_its_published_schema(tinyconf: Program) -> None:
    schema = agenda_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    for marks, whole in ((MARKS, False), (PAPER_MARKS, False), ([], True)):
        agenda = build_agenda(ProgramIndex(tinyconf), marks, whole_program=whole)
        validator.validate(json.loads(render(agenda, "json", ZoneInfo("UTC"), STAMPED)))
    # The schema says something: a wrong format marker is refused.
    data = json.loads(render(build_agenda(ProgramIndex(tinyconf), MARKS), "json", ZoneInfo("UTC")))
    data["format"] = "confterm-agenda/2"
    assert not validator.is_valid(data)
    del data["format"]
    assert not validator.is_valid(data)
