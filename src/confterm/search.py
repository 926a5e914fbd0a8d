"""Search over a program (placeholder: plain substring match; replaced by the ranked engine).

The public function keeps its signature when the ranked engine lands.
"""

from __future__ import annotations

from collections.abc import Collection

from confterm.model.program import Program, Session


def search_sessions(
    program: Program, query: str, bookmarked: Collection[str] = ()
) -> list[Session]:
    """Sessions matching ``query`` in title, speakers, description or room, best first."""
    needle = query.casefold().strip()
    if not needle:
        return list(program.sessions)
    found = []
    for session in program.sessions:
        haystack = " ".join(
            [session.title, session.description, program.room_name(session) or ""]
            + [speaker.name for speaker in program.speakers_of(session)]
        ).casefold()
        if needle in haystack:
            found.append(session)
    return found
