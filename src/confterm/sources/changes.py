"""What changed between two imports of the same conference (``import --refresh`` and a
re-import over an existing id), told the way an attendee needs to hear it.

Session ids come from the source's stable ids, so a session keeps its id when it moves. A
session is *moved* when its day, times or room changed, *retitled* when its title changed;
a title that gains "cancelled" is a *cancellation*, reported before everything else of its
kind because it is the change an attendee must not miss. Bookmarked sessions come first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from confterm.model.program import Program, Session

_CANCELLED = re.compile(r"\b(cancell?ed|canceled|abgesagt|entf[äa]llt|annul[ée]e?)\b", re.I)


@dataclass(frozen=True, slots=True)
class Change:
    """One session that changed: ``before`` is None when added, ``after`` when removed."""

    before: Session | None
    after: Session | None

    @property
    def session(self) -> Session:
        """The session as it is now (as it was, when removed)."""
        found = self.after or self.before
        assert found is not None
        return found

    @property
    def id(self) -> str:
        """The session's id."""
        return self.session.id

    @property
    def moved(self) -> bool:
        """Its day, times or room changed."""
        return (
            self.before is not None
            and self.after is not None
            and _place(self.before) != _place(self.after)
        )

    @property
    def retitled(self) -> bool:
        """Its title changed."""
        return (
            self.before is not None
            and self.after is not None
            and self.before.title != self.after.title
        )

    @property
    def cancelled(self) -> bool:
        """Its title now says it is cancelled, and did not before."""
        return (
            self.before is not None
            and self.after is not None
            and is_cancelled(self.after.title)
            and not is_cancelled(self.before.title)
        )


@dataclass(slots=True)
class ProgramChanges:
    """Sessions added, removed, moved and retitled between an old and a new program."""

    added: list[Change] = field(default_factory=list)
    removed: list[Change] = field(default_factory=list)
    changed: list[Change] = field(default_factory=list)  # moved and/or retitled

    @property
    def moved(self) -> list[Change]:
        """Changed sessions whose day, time or room moved."""
        return [c for c in self.changed if c.moved]

    @property
    def retitled(self) -> list[Change]:
        """Changed sessions whose title changed (cancellations among them)."""
        return [c for c in self.changed if c.retitled]

    @property
    def cancelled(self) -> list[Change]:
        """Sessions whose title now says cancelled."""
        return [c for c in self.changed if c.cancelled]

    @property
    def is_empty(self) -> bool:
        """True when nothing was added, removed, moved or retitled."""
        return not (self.added or self.removed or self.changed)

    def touched_ids(self) -> set[str]:
        """Ids of every session in the changes."""
        return {c.id for c in [*self.added, *self.removed, *self.changed]}

    def ordered(self, bookmarked: set[str]) -> list[Change]:
        """Every change, bookmarked sessions first; within each, cancellations, then
        removals, moves and retitles, then additions (each in program order)."""

        def rank(change: Change) -> tuple[int, int]:
            if change.cancelled:
                what = 0
            elif change.after is None:
                what = 1
            elif change.before is None:
                what = 3
            else:
                what = 2
            return (0 if change.id in bookmarked else 1, what)

        everything = [*self.changed, *self.removed, *self.added]
        return sorted(everything, key=rank)  # sorted is stable: program order is kept


def is_cancelled(title: str) -> bool:
    """True when a title says the session is cancelled."""
    return bool(_CANCELLED.search(title))


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
            changes.added.append(Change(None, session))
        elif _place(before) != _place(session) or before.title != session.title:
            changes.changed.append(Change(before, session))
    changes.removed = [Change(s, None) for s in old.sessions if s.id not in new_by_id]
    return changes
