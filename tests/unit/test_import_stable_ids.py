"""Session ids depend on the session's own source id, never on the order of the file."""

from __future__ import annotations

import random
import re
from datetime import UTC, datetime, timedelta

from confterm.sources import import_bytes
from confterm.sources.builder import session_ids
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


def test_session_ids_do_not_depend_on_order() -> None:
    """A bounded property check (200 random files, fixed seed): shuffling the events of a file
    where many share a source id never moves an id to another session."""
    generator = random.Random(11)  # noqa: S311  (reproducible test data, not secrets)
    base = datetime(2024, 9, 13, 10, tzinfo=UTC)
    for _ in range(200):
        sessions: list[tuple[str, dict[str, object]]] = [
            (
                generator.choice(["46939", "a", "b"]),
                {
                    "start": base + timedelta(hours=generator.randint(0, 3)),
                    "room": generator.choice(["XOR", "MOV", None]),
                    "title": generator.choice(["Talk", "Workshop"]),
                },
            )
            for _ in range(generator.randint(1, 12))
        ]
        ids = session_ids(sessions)
        assert len(set(ids)) == len(ids)
        order = list(range(len(sessions)))
        generator.shuffle(order)
        shuffled = session_ids([sessions[i] for i in order])
        # Identical sessions may swap ids between themselves, nothing else may.
        for position, index in enumerate(order):
            twins = [j for j, other in enumerate(sessions) if other == sessions[index]]
            assert shuffled[position] in {ids[j] for j in twins}
