"""Papers are starred on their own (issue 15, item 1): in the store and on the agenda."""

from __future__ import annotations

from pathlib import Path

from agenda_marks import Mark

from confterm.model.program import Program
from confterm.queries.agenda import build_agenda
from confterm.queries.index import ProgramIndex
from confterm.store.bookmarks import BookmarkStore, ItemKind


def test_a_paper_is_a_bookmark_kind_of_its_own(tmp_path: Path) -> None:
    with BookmarkStore.open(tmp_path) as store:
        assert store.toggle("tinyconf", "sqlite-bookmarks", ItemKind.PAPER) is True
        assert store.toggle("tinyconf", "timezone-pain", ItemKind.PAPER) is True
        # Two papers of one session are both starred; the session itself is not.
        assert store.ids("tinyconf", ItemKind.PAPER) == {"sqlite-bookmarks", "timezone-pain"}
        assert store.ids("tinyconf", ItemKind.SESSION) == set()
        # Unstarring one leaves its sibling starred.
        assert store.toggle("tinyconf", "sqlite-bookmarks", ItemKind.PAPER) is False
        assert store.ids("tinyconf", ItemKind.PAPER) == {"timezone-pain"}
        kinds = [(m.kind, m.item_id) for m in store.bookmarks("tinyconf")]
        assert kinds == [(ItemKind.PAPER, "timezone-pain")]


def test_a_paper_and_its_session_are_separate_bookmarks(tmp_path: Path) -> None:
    with BookmarkStore.open(tmp_path) as store:
        store.toggle("tinyconf", "oral-systems", ItemKind.SESSION)
        store.toggle("tinyconf", "timezone-pain", ItemKind.PAPER)
        store.toggle("tinyconf", "timezone-pain", ItemKind.PAPER)  # unstarred again
        assert store.ids("tinyconf", ItemKind.SESSION) == {"oral-systems"}


def test_a_starred_paper_puts_its_session_on_the_agenda(tinyconf: Program) -> None:
    agenda = build_agenda(ProgramIndex(tinyconf), [Mark("paper", "timezone-pain")])
    sessions = [s.id for day in agenda.days for s in day.sessions]
    assert sessions == ["oral-systems"]
    assert [p.id for p in agenda.starred_by_session["oral-systems"]] == ["timezone-pain"]
    assert agenda.papers_without_session == []
    assert not agenda.is_empty


def test_starred_papers_are_listed_in_the_sessions_order(tinyconf: Program) -> None:
    marks = [Mark("paper", "timezone-pain"), Mark("paper", "sqlite-bookmarks")]
    agenda = build_agenda(ProgramIndex(tinyconf), marks)
    assert [p.id for p in agenda.starred_by_session["oral-systems"]] == [
        "sqlite-bookmarks",
        "timezone-pain",
    ]


def test_a_bookmarked_session_with_a_starred_paper_appears_once(tinyconf: Program) -> None:
    marks = [Mark("session", "oral-systems"), Mark("paper", "sqlite-bookmarks")]
    agenda = build_agenda(ProgramIndex(tinyconf), marks)
    assert [s.id for day in agenda.days for s in day.sessions] == ["oral-systems"]


def test_a_paper_with_no_session_has_its_own_heading(tinyconf: Program) -> None:
    agenda = build_agenda(ProgramIndex(tinyconf), [Mark("paper", "orphan-paper")])
    assert agenda.days == []
    assert [p.id for p in agenda.papers_without_session] == ["orphan-paper"]
    assert not agenda.is_empty
    # A day's agenda leaves it out, like booths.
    day = tinyconf.conference.days[0]
    assert build_agenda(ProgramIndex(tinyconf), [Mark("paper", "orphan-paper")], day=day).is_empty


def test_paper_sessions_and_bookmarked_sessions_share_time_order(tinyconf: Program) -> None:
    agenda = build_agenda(
        ProgramIndex(tinyconf), [Mark("paper", "fast-lists"), Mark("session", "lunch-1")]
    )
    assert [s.id for day in agenda.days for s in day.sessions] == ["lunch-1", "posters-a"]


def test_a_paper_that_left_the_program_is_missing(tinyconf: Program) -> None:
    agenda = build_agenda(ProgramIndex(tinyconf), [Mark("paper", "withdrawn")])
    assert [(m.kind, m.item_id) for m in agenda.missing] == [("paper", "withdrawn")]
