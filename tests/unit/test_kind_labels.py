"""Kind labels beside titles never repeat a word of the title, and how complete a program's
times are is said in words that fit."""

from __future__ import annotations

import itertools
import re
from datetime import UTC, datetime

import pytest

from confterm.model.program import Program, Session, SessionKind
from confterm.present.formatting import completeness_forms, kind_label

WORD = re.compile(r"[^\W_]+")


def _session(title: str, kind: SessionKind, *, timed: bool = False) -> Session:
    start = datetime(2026, 3, 7, 9, tzinfo=UTC) if timed else None
    end = datetime(2026, 3, 7, 10, tzinfo=UTC) if timed else None
    return Session(id="s", title=title, kind=kind, start=start, end=end)


@pytest.mark.parametrize(
    ("title", "kind", "expected"),
    [
        # The bundled program's own cases.
        ("Lightning talk by Matt White (PyTorch Foundation)", SessionKind.LIGHTNING, ""),
        ("Invited talk by Beidi Chen (title not verified)", SessionKind.INVITED_TALK, ""),
        ("Session 1: LLM and Diffusion Model Serving", SessionKind.ORAL, "Oral"),
        ("An AI Stack: From Scaling AI Workloads", SessionKind.KEYNOTE, "Keynote"),
        # Anywhere in the title, in any case, singular or plural.
        ("Opening Keynote: Terminals Forever", SessionKind.KEYNOTE, ""),
        ("Poster Session A", SessionKind.POSTER, ""),
        ("Lightning Talks", SessionKind.LIGHTNING, ""),
        ("Lightning Talks", SessionKind.TALK, ""),
        ("Night Social", SessionKind.SOCIAL, ""),
        # An abbreviated label repeats the word it abbreviates.
        ("Registration", SessionKind.REGISTRATION, ""),
        # A word that merely starts with the label is another word.
        ("Talking Heads", SessionKind.TALK, "Talk"),
        ("Postering", SessionKind.POSTER, "Poster"),
    ],
)
def test_kind_label_beside_a_title(title: str, kind: SessionKind, expected: str) -> None:
    assert kind_label(_session(title, kind)) == expected


# Every title of up to two words from a vocabulary of label words, their plurals, other
# forms and neighbours, with every kind: exhaustive rather than sampled (hypothesis is not a
# dependency of the project), and fast (about 1,000 titles per kind).
VOCABULARY = sorted(
    {kind.label for kind in SessionKind}
    | {kind.label.rstrip(".") + "s" for kind in SessionKind}
    | {"talk", "talking", "Registration", "keynote:", "(Poster)", "on", ""}
)


@pytest.mark.parametrize("kind", list(SessionKind))
def test_a_row_never_repeats_a_word_of_its_kind(kind: SessionKind) -> None:
    for words in itertools.product(VOCABULARY, repeat=2):
        title = " ".join(words).strip() or "x"
        label = kind_label(_session(title, kind))
        assert label in ("", kind.label), title
        if label:
            stem = label.rstrip(".").casefold()
            title_words = WORD.findall(title.casefold())
            assert stem not in title_words, title
            assert stem + "s" not in title_words, title
        else:
            # Left out only when the title does say it.
            assert kind.label.rstrip(".").casefold() in title.casefold(), title


def test_completeness_counts_sessions_with_an_announced_time() -> None:
    sessions = [
        _session("A", SessionKind.TALK, timed=True),
        _session("B", SessionKind.TALK),
        _session("C", SessionKind.TALK),
    ]
    assert completeness_forms(sessions) == [
        "1 of 3 sessions have an announced time",
        "1 of 3 timed",
        "1/3 timed",
    ]
    assert completeness_forms(sessions[1:2])[0] == "0 of 1 session has an announced time"


def test_a_complete_or_empty_program_needs_no_such_line() -> None:
    assert completeness_forms([_session("A", SessionKind.TALK, timed=True)]) == []
    assert completeness_forms([]) == []


def test_tinyconf_an_imported_style_program_with_tba_sessions(tinyconf: Program) -> None:
    # tests/data/tinyconf.json: 14 sessions, of which "Lightning Talks" and "Birds of a
    # Feather" have no time.
    assert completeness_forms(tinyconf.sessions)[0] == "12 of 14 sessions have an announced time"
