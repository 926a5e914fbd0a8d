"""Texts as their authors meant them, and speakers as the files name them, in every format."""

from __future__ import annotations

import json

from confterm.sources import import_bytes
from confterm.sources.common import decode_entities, join_texts, plain_line, rich_text


def test_entities_are_decoded_once_or_twice_never_more() -> None:
    assert decode_entities("Security &amp; Safety") == "Security & Safety"
    assert decode_entities("&quot;Hi&quot; &#x27;there&#x27;") == "\"Hi\" 'there'"
    assert decode_entities("and so on&amp;hellip;") == "and so on…"  # double-escaped (hub)
    assert decode_entities("a & b; c") == "a & b; c"
    assert plain_line("  Rock &amp;amp; <b>Roll</b>\n ") == "Rock & Roll"


def test_template_indentation_is_removed_and_paragraphs_kept() -> None:
    indented = "First line.\n                    Second line.\n\n                    Next."
    assert rich_text(indented) == "First line.\nSecond line.\n\nNext."
    assert rich_text("&lt;p&gt;Escaped &amp;amp; HTML&lt;/p&gt;") == "Escaped & HTML"


def test_a_paragraph_shared_by_abstract_and_description_is_shown_once() -> None:
    abstract = "We show how.\n\nIt works."
    description = "We show   how.\n\nDetails follow."
    assert join_texts(abstract, description) == "We show how.\n\nIt works.\n\nDetails follow."
    assert join_texts("Same.", "<p>Same.</p>") == "Same."
    assert join_texts("Abstract.", '""') == "Abstract."


def _ics(prodid: str, body: str) -> bytes:
    return (
        f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:{prodid}\r\nX-WR-CALNAME:Conf\r\n"
        "X-WR-TIMEZONE:Europe/Berlin\r\nBEGIN:VEVENT\r\nUID:e1\r\n"
        "DTSTART:20260310T100000Z\r\nDTEND:20260310T110000Z\r\n"
        f"{body}END:VEVENT\r\nEND:VCALENDAR\r\n"
    ).encode()


def _speakers(raw: bytes) -> tuple[str, list[str]]:
    program = import_bytes(raw, "x.ics", conference_id=None, tz=None).program
    (session,) = program.sessions
    names = {p.id: p.name for p in program.speakers}
    return session.title, [names[p] for p in session.speakers]


def test_pretalx_summary_is_split_only_in_pretalx_files() -> None:
    summary = "SUMMARY:Rust - safe and fast - Ada Lovelace, Grace Hopper\r\n"
    assert _speakers(_ics("-//pretalx//pretalx.example//", summary)) == (
        "Rust - safe and fast",
        ["Ada Lovelace", "Grace Hopper"],
    )
    assert _speakers(_ics("-//pretalx//x//", "SUMMARY:Rust - safe - \r\n")) == (
        "Rust - safe",
        [],
    )
    assert _speakers(_ics("-//Other//EN", summary)) == (
        "Rust - safe and fast - Ada Lovelace, Grace Hopper",
        [],
    )


def test_attendees_are_speakers_and_the_organizer_is_not() -> None:
    body = (
        "SUMMARY:Talk\r\nORGANIZER;CN=Org Team:MAILTO:org@example.org\r\n"
        'ATTENDEE;CN="Jürgen Groß";ROLE=REQ-PARTICIPANT:invalid:nomail\r\n'
        "DESCRIPTION:von: Jürgen Groß\\n\\nAbout Xen.\r\n"
    )
    assert _speakers(_ics("-//Kielux//EN", body)) == ("Talk", ["Jürgen Groß"])
    assert _speakers(_ics("-//X//EN", "SUMMARY:Talk\r\nORGANIZER;CN=Org:MAILTO:o@x\r\n")) == (
        "Talk",
        [],
    )


def test_speakers_are_one_person_per_name_whatever_their_ids_or_case() -> None:
    def event(guid: str, person: dict[str, str]) -> dict[str, object]:
        return {
            "guid": guid,
            "date": "2026-03-10T10:00:00+01:00",
            "start": "10:00",
            "duration": "00:30",
            "room": "A",
            "title": f"Talk {guid}",
            "persons": [person],
        }

    document = {
        "schedule": {
            "conference": {
                "title": "C",
                "time_zone_name": "Europe/Berlin",
                "days": [
                    {
                        "index": 1,
                        "date": "2026-03-10",
                        "rooms": {
                            "A": [
                                event("g1", {"id": "7", "public_name": "Ada"}),
                                event("g2", {"id": "7", "public_name": "Grace"}),
                                event("g3", {"id": "9", "full_public_name": "ada"}),
                            ]
                        },
                    }
                ],
            }
        }
    }
    raw = json.dumps(document).encode()
    program = import_bytes(raw, "x.json", conference_id=None, tz=None).program
    names = {p.id: p.name for p in program.speakers}
    by_title = {s.title: [names[p] for p in s.speakers] for s in program.sessions}
    assert by_title == {"Talk g1": ["Ada"], "Talk g2": ["Grace"], "Talk g3": ["Ada"]}
    assert len(program.speakers) == 2
