"""Session ids depend on the session's own source id, never on the order of the file."""

from __future__ import annotations

import re

from confterm.sources import import_bytes
from confterm.sources.slugs import MAX_SLUG, stable_id

SLUG = re.compile(r"^[a-z0-9][a-z0-9._-]*$")


def _ical(*uids: str) -> bytes:
    events = "".join(
        f"BEGIN:VEVENT\r\nUID:{uid}\r\nSUMMARY:Talk {uid}\r\nDTSTART:20261003T100000\r\n"
        "DTEND:20261003T110000\r\nEND:VEVENT\r\n"
        for uid in uids
    )
    calendar = f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nX-WR-TIMEZONE:Europe/London\r\n{events}"
    return f"{calendar}END:VCALENDAR\r\n".encode()


def _ids(raw: bytes) -> dict[str, str]:
    program = import_bytes(raw, "src", conference_id="x", tz=None).program
    return {session.title.removeprefix("Talk "): session.id for session in program.sessions}


def test_ids_that_slugify_alike_do_not_depend_on_order() -> None:
    forward = _ids(_ical("ABC", "abc", "a b", "a-b"))
    backward = _ids(_ical("a-b", "a b", "abc", "ABC"))
    assert forward == backward
    assert forward["abc"] == "abc"
    assert forward["a-b"] == "a-b"
    assert forward["ABC"].startswith("abc-")
    assert forward["a b"].startswith("a-b-")
    assert len(set(forward.values())) == 4
    # A session added later does not move the others' ids either.
    assert _ids(_ical("ABC"))["ABC"] == forward["ABC"]


def test_stable_id_keeps_slugs_and_hashes_the_rest() -> None:
    for plain in ("1252943", "8079583e-8321-506c-95af-fd2903a5f075", "talk_1.v2"):
        assert stable_id(plain) == plain
    for changed in ("ABCDEF", "x@conf.example.org", "Über", "!!!", "A" * 300):
        made = stable_id(changed)
        assert SLUG.fullmatch(made), made
        assert len(made) <= MAX_SLUG
        assert made != stable_id(changed.lower() + "?")
        assert made == stable_id(changed)
