"""What changed between two imports of the same conference (for ``import --refresh``).

Session ids come from the source's stable ids, so a session keeps its id when it moves; a
session is *moved* when its day, times or room changed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from confterm.model.program import Program, Session


@dataclass(slots=True)
class Moved:
    """A session present in both imports whose day, time or room changed."""

    before: Session
    after: Session


@dataclass(slots=True)
class ProgramChanges:
    """Sessions added, removed and moved between an old and a new program."""

    added: list[Session] = field(default_factory=list)
    removed: list[Session] = field(default_factory=list)
    moved: list[Moved] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        """True when no session was added, removed or moved."""
        return not (self.added or self.removed or self.moved)

    def touched_ids(self) -> set[str]:
        """Ids of every session in the changes."""
        ids = {s.id for s in self.added} | {s.id for s in self.removed}
        return ids | {m.after.id for m in self.moved}


def _place(session: Session) -> tuple[object, ...]:
    return (session.day, session.start, session.end, session.room)


def diff_programs(old: Program, new: Program) -> ProgramChanges:
    """The changes from ``old`` to ``new``, each list in program order."""
    changes = ProgramChanges()
    old_by_id = old.session_by_id
    new_by_id = new.session_by_id
    for session in new.sessions:
        before = old_by_id.get(session.id)
        if before is None:
            changes.added.append(session)
        elif _place(before) != _place(session):
            changes.moved.append(Moved(before, session))
    changes.removed = [s for s in old.sessions if s.id not in new_by_id]
    return changes
