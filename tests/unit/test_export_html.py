"""The printable HTML page: parsed with html.parser; everything from the data is escaped."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from zoneinfo import ZoneInfo

from agenda_marks import MARKS, Mark

from confterm.export import ExportOptions, render
from confterm.model.program import Program
from confterm.model.validation import build_record, program_json
from confterm.queries.agenda import build_agenda
from confterm.queries.index import ProgramIndex

EVIL = '<script>alert("x")</script><img src=x onerror=alert(1)> & <b>bold</b> [b]x[/b]'


class Collector(HTMLParser):
    """Every start tag (with attributes), and the text inside each element kind."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.style = ""
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.style += data
        else:
            self.text.append(data)


def parse(page: str | bytes) -> Collector:
    assert isinstance(page, str)
    parser = Collector()
    parser.feed(page)
    parser.close()
    return parser


def hostile_program(tinyconf: Program) -> Program:
    data = json.loads(program_json(tinyconf))
    for session in data["sessions"]:
        if session["id"] == "opening-keynote":
            session["title"] = EVIL
    for speaker in data["speakers"]:
        if speaker["id"] == "ada":
            speaker["name"] = "Ada <i>Lovelace</i>"
    for booth in data["booths"]:
        if booth["id"] == "acme":
            booth["location"] = "</li><script>x</script>"
    return build_record(Program, **data)


def test_hostile_text_is_escaped(tinyconf: Program) -> None:
    program = hostile_program(tinyconf)
    page = render(build_agenda(ProgramIndex(program), MARKS), "html", program.conference.zone)
    parsed = parse(page)
    tag_names = {name for name, _ in parsed.tags}
    assert "script" not in tag_names
    assert "img" not in tag_names
    assert "b" not in tag_names
    assert "i" not in tag_names
    text = "".join(parsed.text)
    # The parser unescapes entities: the text reads exactly as the data says.
    assert EVIL in text
    assert "Ada <i>Lovelace</i>" in text
    assert "</li><script>x</script>" in text


def test_page_is_self_contained_and_prints_a_day_per_page(tinyconf: Program) -> None:
    parsed = parse(
        render(build_agenda(ProgramIndex(tinyconf), MARKS), "html", tinyconf.conference.zone)
    )
    for name, attrs in parsed.tags:
        assert name not in ("link", "script", "img", "iframe")
        assert "src" not in attrs
    assert "@media print" in parsed.style
    assert ".day + .day { break-before: page;" in parsed.style
    assert "url(" not in parsed.style
    sections = [attrs.get("class") for name, attrs in parsed.tags if name == "section"]
    assert sections.count("day") == 3


def test_content_matches_the_agenda(tinyconf: Program) -> None:
    parsed = parse(render(build_agenda(ProgramIndex(tinyconf), MARKS), "html", ZoneInfo("UTC")))
    text = " ".join(t.strip() for t in parsed.text if t.strip())
    assert "My agenda: Tiny Conference 2026" in text
    assert "Saturday 7 March 2026 Times in UTC" in text
    assert "14:00–15:00 Opening Keynote: Terminals Forever Keynote Main Hall Ada Lovelace" in text
    assert "Clashes with Clashing Talk About Caches (15:45–16:30)" in text
    assert "time TBA Lightning Talks Lightning" in text
    assert "Acme Corp (Gold) — Booth 12" in text
    assert "session removed-talk (bookmarked 2026-03-01)" in text
    # The clash mark is on the first cell of the row only (and written out in words).
    cells = [a.get("class") or "" for name, a in parsed.tags if name == "td"]
    assert cells.count("time clash") == 2
    assert all("clash" not in c for c in cells if not c.startswith("time"))
    assert not [a for name, a in parsed.tags if name == "tr" and a.get("class")]


def test_a_bookmark_to_a_removed_booth_alone_is_listed(tinyconf: Program) -> None:
    parsed = parse(
        render(
            build_agenda(ProgramIndex(tinyconf), [Mark("booth", "gone")]), "html", ZoneInfo("UTC")
        )
    )
    assert "booth gone" in "".join(parsed.text)


def test_links_papers_and_what_it_was_made_from(tinyconf: Program) -> None:
    marks = [Mark("session", "opening-keynote"), Mark("session", "posters-a")]
    marks.append(Mark("paper", "fast-lists"))
    options = ExportOptions(made_from="Tiny Conference 2026, program as of 2026-02-20 10:00 UTC")
    parsed = parse(
        render(build_agenda(ProgramIndex(tinyconf), marks), "html", ZoneInfo("UTC"), options)
    )
    links = [a["href"] for name, a in parsed.tags if name == "a"]
    assert links == [
        "https://tinyconf.example.org/program",
        "https://tinyconf.example.org/papers/fast-lists",
    ]
    text = " ".join(t.strip() for t in parsed.text if t.strip())
    assert "Made from Tiny Conference 2026, program as of 2026-02-20 10:00 UTC; exported" in text
    assert "★ Fast Lists for Slow Terminals — Grace Hopper, Alan Turing" in text


def test_only_web_links_are_links(tinyconf: Program) -> None:
    data = json.loads(program_json(tinyconf))
    for session in data["sessions"]:
        if session["id"] == "opening-keynote":
            session["source_url"] = "javascript:alert(1)"
    program = build_record(Program, **data)
    parsed = parse(render(build_agenda(ProgramIndex(program), MARKS), "html", ZoneInfo("UTC")))
    assert not [a for name, a in parsed.tags if name == "a"]


def test_print_pages_name_the_conference_and_number_the_pages(tinyconf: Program) -> None:
    data = json.loads(program_json(tinyconf))
    data["conference"]["name"] = 'Evil"; } body { display: none } </style><script>'
    program = build_record(Program, **data)
    parsed = parse(render(build_agenda(ProgramIndex(program), MARKS), "html", ZoneInfo("UTC")))
    assert "script" not in {name for name, _ in parsed.tags}
    page_rule = parsed.style[parsed.style.index("@page") :]
    assert 'counter(page) " of " counter(pages)' in page_rule
    # The name is one CSS string of hex escapes: it cannot end the string or the rule.
    content = page_rule[page_rule.index("@top-center") :].split("content: ", 1)[1]
    quoted = content[: content.index('"', 1) + 1]
    assert quoted.startswith('"Evil\\000022\\00003b')
    assert "display: none" not in page_rule


def test_the_same_column_widths_every_day(tinyconf: Program) -> None:
    page = render(build_agenda(ProgramIndex(tinyconf), MARKS), "html", ZoneInfo("UTC"))
    parsed = parse(page)
    assert "table-layout: fixed" in parsed.style
    groups = [a for name, a in parsed.tags if name == "colgroup"]
    assert len(groups) == 3
    assert isinstance(page, str)
    assert page.count('<col class="time"><col class="session">') == 3
