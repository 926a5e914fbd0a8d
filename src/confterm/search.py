"""Ranked, incremental search over a program's sessions and booths. No Textual.

A :class:`SearchIndex` is built once per program: every searchable field is cleaned and
casefolded up front, so a keystroke costs a few ``in`` tests per candidate and never a regular
expression per item. Ranking, best first:

1. the title is exactly the query;
2. the title starts with it, then a word of the title starts with it;
3. the title contains it;
4. a speaker, chair or affiliation, the room or the track contains it;
5. a paper presented in the session (title or author) contains it;
6. the description contains it;
7. every word of the query appears somewhere in the session;
8. the letters of the query appear in order in the title or speakers (fuzzy).

Among equal scores bookmarked sessions come first, then time order. When a query extends the
previous one, only the previous matches are scanned again: extending a query can only lose
matches, never gain them (the fuzzy tier is computed separately over one joined string).
"""

from __future__ import annotations

import bisect
import re
import weakref
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from confterm.agenda import sort_key
from confterm.model.program import Booth, Program, Session
from confterm.text import one_line

HitKind = Literal["session", "booth"]

SCORE_EXACT = 100
SCORE_PREFIX = 90
SCORE_WORD_PREFIX = 80
SCORE_TITLE = 70
SCORE_PEOPLE = 60
SCORE_PLACE = 60
SCORE_PAPER = 50
SCORE_DESCRIPTION = 40
SCORE_WORDS = 30
SCORE_FUZZY = 10

# Fuzzy matching on one or two letters matches nearly everything; it only helps from three.
FUZZY_MAX_GAP = 2
FUZZY_MIN_LENGTH = 3
_SEP = "\x1f"
# Punctuation becomes spaces (str.translate is several times faster than a regex here).
_PUNCTUATION = (
    "".join(chr(c) for c in range(0x80) if not chr(c).isalnum() and not chr(c).isspace())
    + "\x1f–—‘’“”«»…·•"
)
_TO_SPACES = str.maketrans(_PUNCTUATION, " " * len(_PUNCTUATION))


@dataclass(frozen=True)
class Hit:
    """One search result: what was found, how well it matched, and in which field."""

    kind: HitKind
    item_id: str
    score: int
    field: str


def _fold(text: str | None) -> str:
    return one_line(text or "").casefold()


def _words(folded: str) -> str:
    """``folded`` with punctuation turned into spaces and a leading space, so that
    ``" " + word in _words(x)`` tests for a word starting with ``word``."""
    return " " + " ".join(folded.translate(_TO_SPACES).split())


def _fuzzy_pattern(query: str) -> re.Pattern[str] | None:
    letters = [c for c in query if not c.isspace()]
    if len(letters) < FUZZY_MIN_LENGTH:
        return None
    # "a[^\na]{0,2}b[^\nb]{0,2}c": each gap excludes the next letter, so there is no
    # backtracking, and is short, so that a typo or a skipped letter matches ("pytrch") but
    # letters scattered across a whole title do not ("stoica" in "Extreme PyTorch: Inside...").
    parts = [re.escape(letters[0])]
    for letter in letters[1:]:
        parts.append(f"[^\n{re.escape(letter)}]{{0,{FUZZY_MAX_GAP}}}{re.escape(letter)}")
    return re.compile("".join(parts))


@dataclass
class _Fields:
    """The prepared strings of one searchable item."""

    title: str
    title_words: str
    people: str
    room: str
    track: str
    papers: str
    description: str
    blob: str
    blob_words: str = ""


def _session_fields(program: Program, session: Session) -> _Fields:
    people = [
        part
        for speaker in program.speakers_of(session) + program.chairs_of(session)
        for part in (speaker.name, speaker.affiliation or "")
    ]
    papers = [
        part
        for paper in program.papers_by_session.get(session.id, [])
        for part in [paper.title, *(author.name for author in paper.authors)]
    ]
    title = _fold(session.title)
    fields = _Fields(
        title=title,
        title_words=_words(title),
        people=_fold(_SEP.join(people)),
        room=_fold(program.room_name(session)),
        track=_fold(program.track_name(session)),
        papers=_fold(_SEP.join(papers)),
        description=_fold(session.description),
        blob="",
    )
    fields.blob = _SEP.join(
        [fields.title, fields.people, fields.room, fields.track, fields.papers, fields.description]
    )
    fields.blob_words = _words(fields.blob)
    return fields


def _booth_fields(booth: Booth) -> _Fields:
    title = _fold(booth.organisation)
    people = _fold(_SEP.join(f"{p.name}{_SEP}{p.role or ''}" for p in booth.people))
    place = _fold(f"{booth.location or ''}{_SEP}{booth.level or ''}")
    description = _fold(booth.description)
    return _Fields(
        title=title,
        title_words=_words(title),
        people=people,
        room=place,
        track="",
        papers="",
        description=description,
        blob=_SEP.join([title, people, place, description]),
        blob_words=_words(_SEP.join([title, people, place, description])),
    )


def _normalise(query: str) -> str:
    return " ".join(_fold(query).split())


# (score, field label, name of the _Fields attribute, how it is tested) in rank order.
_TIERS: list[tuple[int, str, str, str]] = [
    (SCORE_EXACT, "title", "title", "equal"),
    (SCORE_PREFIX, "title", "title", "prefix"),
    (SCORE_WORD_PREFIX, "title", "title_words", "words"),
    (SCORE_TITLE, "title", "title", "in"),
    (SCORE_PEOPLE, "speaker", "people", "in"),
    (SCORE_PLACE, "room", "room", "in"),
    (SCORE_PLACE, "track", "track", "in"),
    (SCORE_PAPER, "paper", "papers", "in"),
    (SCORE_DESCRIPTION, "description", "description", "in"),
    (SCORE_WORDS, "words", "blob_words", "all-words"),
]


def _select(values: list[str], indices: list[int], how: str, q: str, words: str) -> list[int]:
    """The indices whose value passes the tier's test; inlined comprehensions, because a
    function call per item would cost more than the test itself."""
    if how == "equal":
        return [i for i in indices if values[i] == q]
    if how == "prefix":
        return [i for i in indices if values[i].startswith(q)]
    if how == "words":
        return [i for i in indices if words in values[i]]
    if how == "in":
        return [i for i in indices if q in values[i]]
    starts = [" " + token for token in q.split()]
    return [i for i in indices if all(s in values[i] for s in starts)]


def _columns(items: list[_Fields]) -> dict[str, list[str]]:
    """Field name -> that field of every item, so a tier scans one plain list."""
    names = [
        "title",
        "title_words",
        "people",
        "room",
        "track",
        "papers",
        "description",
        "blob",
        "blob_words",
    ]
    return {name: [getattr(item, name) for item in items] for name in names}


class SearchIndex:
    """Prepared search fields of one program, and the last query's matches for narrowing."""

    def __init__(self, program: Program) -> None:
        ordered = sorted(program.sessions, key=sort_key)
        self.session_ids: list[str] = [s.id for s in ordered]
        self._position = {session_id: i for i, session_id in enumerate(self.session_ids)}
        self._sessions = _columns([_session_fields(program, s) for s in ordered])
        self.booth_ids: list[str] = [b.id for b in program.booths]
        self._booths = _columns([_booth_fields(b) for b in program.booths])
        # One line per session title for the fuzzy tier's single regex scan.
        self._fuzzy_lines = [title.replace("\n", " ") for title in self._sessions["title"]]
        self._fuzzy_text = "\n".join(self._fuzzy_lines)
        self._line_starts: list[int] = []
        offset = 0
        for line in self._fuzzy_lines:
            self._line_starts.append(offset)
            offset += len(line) + 1
        self._last_query = ""
        self._last_pool: list[int] = []

    def _pool(self, query: str, tokens: Sequence[str]) -> list[int]:
        """Indices of sessions containing every word of ``query`` somewhere."""
        blobs = self._sessions["blob"]
        if self._last_query and query.startswith(self._last_query):
            candidates: Iterable[int] = self._last_pool
        else:
            candidates = range(len(blobs))
        longest = max(tokens, key=len)
        pool = [i for i in candidates if longest in blobs[i]]
        for token in tokens:
            if token != longest:
                pool = [i for i in pool if token in blobs[i]]
        self._last_query, self._last_pool = query, pool
        return pool

    def _fuzzy(
        self, query: str, exclude: set[int], bookmarked: Collection[str], wanted: int | None
    ) -> list[int]:
        """Sessions whose title holds the query's letters in order: bookmarked
        ones first, then in time order, stopping once ``wanted`` are found."""
        pattern = _fuzzy_pattern(query)
        if pattern is None:
            return []
        positions = sorted(self._position[b] for b in bookmarked if b in self._position)
        marked = [i for i in positions if i not in exclude and pattern.search(self._fuzzy_lines[i])]
        found = list(marked)
        skip = exclude | set(marked)
        last = -1
        for match in pattern.finditer(self._fuzzy_text):
            if wanted is not None and len(found) >= wanted:
                break
            line = bisect.bisect_right(self._line_starts, match.start()) - 1
            if line != last and line not in skip:
                found.append(line)
            last = line
        return found

    def search(
        self, query: str, bookmarked: Collection[str] = (), limit: int | None = 200
    ) -> list[Hit]:
        """The best hits for ``query`` (at most ``limit``; None: all), best first."""
        q = _normalise(query)
        if not q:
            return []
        tokens = q.split()
        words = _words(q)
        remaining = self._pool(q, tokens)
        booths = [
            i for i, blob in enumerate(self._booths["blob"]) if all(t in blob for t in tokens)
        ]
        hits: list[Hit] = []
        found: set[int] = set()
        for score, field, column, how in _TIERS:
            if limit is not None and len(hits) >= limit:
                break
            if remaining:
                matched = _select(self._sessions[column], remaining, how, q, words)
                if matched:
                    taken = set(matched)
                    found |= taken
                    remaining = [i for i in remaining if i not in taken]
                    hits.extend(self._ranked(matched, score, field, bookmarked))
            if booths:
                matched = _select(self._booths[column], booths, how, q, words)
                if matched:
                    taken = set(matched)
                    booths = [i for i in booths if i not in taken]
                    label = "organisation" if field == "title" else field
                    hits.extend(Hit("booth", self.booth_ids[i], score, label) for i in matched)
        if limit is None or len(hits) < limit:
            wanted = None if limit is None else limit - len(hits)
            fuzzy = self._fuzzy(q, found, bookmarked, wanted)
            hits.extend(Hit("session", self.session_ids[i], SCORE_FUZZY, "fuzzy") for i in fuzzy)
        return hits if limit is None else hits[:limit]

    def _ranked(
        self, indices: list[int], score: int, field: str, bookmarked: Collection[str]
    ) -> list[Hit]:
        # Indices are in time order already; a stable split puts bookmarks first.
        ids = [self.session_ids[i] for i in indices]
        first = [i for i in ids if i in bookmarked]
        rest = [i for i in ids if i not in bookmarked] if first else ids
        return [Hit("session", i, score, field) for i in first + rest]


# Programs are unhashable pydantic models, so the cache is keyed by id() and cleared by a
# weakref callback when the program is garbage collected.
_INDEXES: dict[int, tuple[weakref.ref[Program], SearchIndex]] = {}


def cached_index(program: Program) -> SearchIndex | None:
    """The index of ``program`` if it has been built already, else None (no work done)."""
    cached = _INDEXES.get(id(program))
    return cached[1] if cached is not None and cached[0]() is program else None


def index_for(program: Program) -> SearchIndex:
    """The (cached) search index of ``program``."""
    key = id(program)
    cached = _INDEXES.get(key)
    if cached is not None and cached[0]() is program:
        return cached[1]
    index = SearchIndex(program)
    _INDEXES[key] = (weakref.ref(program, lambda _ref: _INDEXES.pop(key, None)), index)
    return index


def search_sessions(
    program: Program, query: str, bookmarked: Collection[str] = ()
) -> list[Session]:
    """Sessions matching ``query``, best first (all sessions, in file order, when empty)."""
    if not query.strip():
        return list(program.sessions)
    hits = index_for(program).search(query, bookmarked, limit=None)
    return [program.session_by_id[h.item_id] for h in hits if h.kind == "session"]
