"""Ranked, incremental search over a program's sessions and booths. No Textual.

A :class:`SearchIndex` is built once per program, when its
:class:`~confterm.queries.index.ProgramIndex` is first asked for it: every searchable field is
cleaned and casefolded up front and kept in ONE text per item (fields joined by a separator,
with their offsets), so a keystroke costs a few bounded ``find`` tests per candidate. Ranking,
best first:

1. the title is exactly the query;
2. the title starts with it, then a word of the title starts with it;
3. the title contains it;
3b. another name of the session (an alias, e.g. an older title) contains it;
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
from array import array
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from confterm.model.program import Booth, Paper, Program, Session
from confterm.queries.folding import fold
from confterm.queries.index import ProgramIndex

HitKind = Literal["session", "booth"]

SCORE_EXACT = 100
SCORE_PREFIX = 90
SCORE_WORD_PREFIX = 80
SCORE_TITLE = 70
SCORE_ALIAS = 65
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


# A text is its fields folded and joined by _SEP, in this order; cleaning removed every control
# character from the fields (and from queries), so _SEP only ever marks a field boundary. The
# values within a field are joined by _PART, which no query can span either.
_PART = "\x1e"
_FIELDS = ("title", "aliases", "people", "room", "track", "papers", "description")
_TITLE, _ALIASES, _PEOPLE, _ROOM, _TRACK, _PAPERS, _DESCRIPTION = range(len(_FIELDS))
# What ends a word for the word tiers: what _words turns into spaces, and whitespace.
_BOUNDARY = r"\s\x1c-\x1f" + "".join(re.escape(c) for c in _PUNCTUATION)
_WORD_CHAR = f"[^{_BOUNDARY}]"
_HAS_BOUNDARY = re.compile(f"[{_BOUNDARY}]")


def _fold_parts(parts: Iterable[str]) -> str:
    """Several values of one field (names and affiliations, a paper's title and authors...)
    folded one by one and joined by _PART: cleaning the joined text would remove the
    separator and glue the last word of one to the first of the next."""
    return _PART.join(fold(part) for part in parts if part)


def _session_text(program: Program, session: Session) -> str:
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
    return _SEP.join(
        [
            fold(session.title),
            _fold_parts(session.aliases),
            _fold_parts(people),
            fold(program.room_name(session)),
            fold(program.track_name(session)),
            _fold_parts(papers),
            fold(session.description),
        ]
    )


def _booth_text(booth: Booth) -> str:
    # Organisation, staff and place in the title, people and room fields; no aliases, track
    # or papers.
    people = _fold_parts(part for p in booth.people for part in (p.name, p.role or ""))
    place = _fold_parts([booth.location or "", booth.level or ""])
    fields = [fold(booth.organisation), "", people, place, "", "", fold(booth.description)]
    return _SEP.join(fields)


def _normalise(query: str) -> str:
    return " ".join(fold(query).split())


def _word_start(token: str) -> str:
    """A pattern for ``token`` at the start of a word. The literal comes first, so the regex
    engine scans for it as fast as ``in``; the lookbehind then rejects a word character
    just before it (at the start of the text there is none)."""
    literal = re.escape(token)
    return f"{literal}(?<!{_WORD_CHAR}{literal})"


def _phrase_pattern(q: str) -> re.Pattern[str] | None:
    """The title-words test: the query's words in order, the last one possibly cut short,
    separated by anything that is not a word character. None: the query has no word (all
    punctuation), which every title passes, as the space-joined word forms always did."""
    tokens = _words(q).split()
    if not tokens:
        return None
    rest = "".join(f"[{_BOUNDARY}]+{re.escape(token)}" for token in tokens[1:])
    return re.compile(_word_start(tokens[0]) + rest)


class _Table:
    """One folded text per item, and where each field ends in it (the separator's offset)."""

    def __init__(self, texts: list[str]) -> None:
        self.texts = texts
        # ends[k][i]: the offset of the separator after field k of item i. The region of field
        # k is (ends[k - 1], ends[k]): it includes the separator before the field, which no
        # query can match, so the bounds need no +1.
        self.ends = [array("I") for _ in _FIELDS[:-1]]
        for text in texts:
            end = -1
            for column in self.ends:
                end = text.index(_SEP, end + 1)
                column.append(end)

    def select(self, indices: list[int], field: int, how: str, q: str) -> list[int]:
        """The indices whose field ``field`` (-1: the whole text) passes test ``how`` for the
        normalised query ``q``. Inlined comprehensions, because a function call per item
        would cost more than the test itself."""
        texts, ends = self.texts, self.ends
        if how == "equal":
            size, stops = len(q), ends[_TITLE]
            return [i for i in indices if stops[i] == size and texts[i].startswith(q)]
        if how == "prefix":
            # The query holds no separator, so a prefix of the text is a prefix of the title.
            return [i for i in indices if texts[i].startswith(q)]
        if how == "words":
            pattern = _phrase_pattern(q)
            if pattern is None:
                return list(indices)
            search, stops = pattern.search, ends[_TITLE]
            return [i for i in indices if search(texts[i], 0, stops[i])]
        if how == "all-words":
            tokens = q.split()
            # A word never holds punctuation, so a token with some matches nothing.
            if any(_HAS_BOUNDARY.search(token) for token in tokens):
                return []
            patterns = [re.compile(_word_start(token)).search for token in tokens]
            return [i for i in indices if all(search(texts[i]) for search in patterns)]
        if field == _TITLE:
            stops = ends[_TITLE]
            return [i for i in indices if texts[i].find(q, 0, stops[i]) >= 0]
        if field == _DESCRIPTION:
            starts = ends[_DESCRIPTION - 1]
            return [i for i in indices if texts[i].find(q, starts[i]) >= 0]
        starts, stops = ends[field - 1], ends[field]
        return [i for i in indices if texts[i].find(q, starts[i], stops[i]) >= 0]

    def title(self, i: int) -> str:
        """The folded title of item ``i``."""
        return self.texts[i][: self.ends[_TITLE][i]]


# (score, field label, field (-1: the whole text), how it is tested) in rank order.
_TIERS: list[tuple[int, str, int, str]] = [
    (SCORE_EXACT, "title", _TITLE, "equal"),
    (SCORE_PREFIX, "title", _TITLE, "prefix"),
    (SCORE_WORD_PREFIX, "title", _TITLE, "words"),
    (SCORE_TITLE, "title", _TITLE, "in"),
    (SCORE_ALIAS, "alias", _ALIASES, "in"),
    (SCORE_PEOPLE, "speaker", _PEOPLE, "in"),
    (SCORE_PLACE, "room", _ROOM, "in"),
    (SCORE_PLACE, "track", _TRACK, "in"),
    (SCORE_PAPER, "paper", _PAPERS, "in"),
    (SCORE_DESCRIPTION, "description", _DESCRIPTION, "in"),
    (SCORE_WORDS, "words", -1, "all-words"),
]
# A tier that may stop early scans this many candidates at a time (see SearchIndex._tier).
_CHUNK = 2048


class SearchIndex:
    """Prepared search texts of one program, and the last query's matches for narrowing."""

    def __init__(self, index: ProgramIndex) -> None:
        program = index.program
        ordered = index.in_order
        self.session_ids: list[str] = [s.id for s in ordered]
        self._position = {session_id: i for i, session_id in enumerate(self.session_ids)}
        self._sessions = _Table([_session_text(program, s) for s in ordered])
        # Each text up to its description (a copy: ``in`` on it is faster than a bounded
        # ``find`` on the whole text, and it is about a quarter of the text).
        stops = self._sessions.ends[_DESCRIPTION - 1]
        texts = self._sessions.texts
        self._heads = [texts[i][: stops[i]] for i in range(len(texts))]
        self.booth_ids: list[str] = [b.id for b in program.booths]
        self._booths = _Table([_booth_text(b) for b in program.booths])
        # One line per session title for the fuzzy tier's single regex scan (titles are one
        # line already: cleaning collapsed their whitespace).
        titles = [self._sessions.title(i) for i in range(len(self.session_ids))]
        self._fuzzy_text = "\n".join(titles)
        self._line_starts = array("I")
        offset = 0
        for title in titles:
            self._line_starts.append(offset)
            offset += len(title) + 1
        # The last pools made, with their queries (see _pool).
        self._last_head: tuple[str, list[int]] = ("", [])
        self._last_whole: tuple[str, list[int]] = ("", [])

    def _pool(self, query: str, tokens: Sequence[str], *, whole: bool) -> list[int]:
        """Indices of sessions containing every word of ``query``: in the whole text
        (``whole``), else in the fields before the description (a far shorter scan).

        Each kind of pool narrows from the last one of its kind when the query extends that
        one's query; the whole-text pool is made only when a search needs it (see search).
        """
        texts = self._sessions.texts
        last_query, last_pool = self._last_whole if whole else self._last_head
        candidates: Iterable[int] = (
            last_pool if last_query and query.startswith(last_query) else range(len(texts))
        )
        longest = max(tokens, key=len)
        if whole:
            pool = [i for i in candidates if longest in texts[i]]
            for token in tokens:
                if token != longest:
                    pool = [i for i in pool if token in texts[i]]
            self._last_whole = (query, pool)
        else:
            heads = self._heads
            pool = [i for i in candidates if longest in heads[i]]
            for token in tokens:
                if token != longest:
                    pool = [i for i in pool if token in heads[i]]
            self._last_head = (query, pool)
        return pool

    def _fuzzy(
        self, query: str, exclude: set[int], marked: list[int], wanted: int | None
    ) -> list[int]:
        """Sessions whose title holds the query's letters in order: bookmarked
        ones first, then in time order, stopping once ``wanted`` are found."""
        pattern = _fuzzy_pattern(query)
        if pattern is None:
            return []
        titles = self._sessions
        found = [i for i in marked if i not in exclude and pattern.search(titles.title(i))]
        skip = exclude | set(found)
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
        # Every tier before the description's tests a field before it, and a query found in
        # such a field has each of its words there: the tiers down to the papers' need only
        # the sessions holding every word in those fields, a pool made by scanning a quarter
        # of the text. The whole text is scanned only once a search reaches the description
        # (a query that is rarer than the limit), which a search typed word by word at
        # 50,000 sessions seldom does. A query whose words hold punctuation is the
        # exception: the title-words tier splits them further, so it takes the whole pool.
        whole = _words(q).split() != tokens
        remaining = self._pool(q, tokens, whole=whole)
        booths = [i for i, text in enumerate(self._booths.texts) if all(t in text for t in tokens)]
        # Bookmarked sessions by position, in time order: they come first among equals.
        marked = sorted(self._position[b] for b in bookmarked if b in self._position)
        hits: list[Hit] = []
        found: set[int] = set()
        for score, label, field, how in _TIERS:
            room = None if limit is None else limit - len(hits)
            if room is not None and room <= 0:
                break
            if not whole and field in (_DESCRIPTION, -1):
                whole = True
                remaining = [i for i in self._pool(q, tokens, whole=True) if i not in found]
            if remaining:
                matched, complete = self._tier(remaining, field, how, q, marked, room)
                if not complete:
                    # Enough hits from this tier: nothing after it is shown.
                    hits.extend(Hit("session", self.session_ids[i], score, label) for i in matched)
                    break
                if matched:
                    taken = set(matched)
                    found |= taken
                    remaining = [i for i in remaining if i not in taken]
                    hits.extend(Hit("session", self.session_ids[i], score, label) for i in matched)
            if booths:
                matched = self._booths.select(booths, field, how, q)
                if matched:
                    taken = set(matched)
                    booths = [i for i in booths if i not in taken]
                    name = "organisation" if label == "title" else label
                    hits.extend(Hit("booth", self.booth_ids[i], score, name) for i in matched)
        if limit is None or len(hits) < limit:
            wanted = None if limit is None else limit - len(hits)
            fuzzy = self._fuzzy(q, found, marked, wanted)
            hits.extend(Hit("session", self.session_ids[i], SCORE_FUZZY, "fuzzy") for i in fuzzy)
        return hits if limit is None else hits[:limit]

    def _tier(
        self,
        remaining: list[int],
        field: int,
        how: str,
        q: str,
        marked: list[int],
        room: int | None,
    ) -> tuple[list[int], bool]:
        """The sessions of ``remaining`` that match a tier, ranked (bookmarked first, then
        time order), and whether that is all of them.

        With ``room`` (how many more hits are wanted) the scan goes a chunk at a time and
        stops once ``room`` unbookmarked matches are found; only the bookmarked sessions
        past that point are still tested, since they would rank first. The list returned is
        then exactly the first ``room`` of the complete ranking.
        """
        select = self._sessions.select
        marks = set(marked)
        if room is None or len(remaining) <= _CHUNK:
            matched = select(remaining, field, how, q)
            complete = True
        else:
            matched, plain, complete = [], 0, True
            for start in range(0, len(remaining), _CHUNK):
                part = select(remaining[start : start + _CHUNK], field, how, q)
                matched += part
                plain += sum(1 for i in part if i not in marks) if marks else len(part)
                if plain >= room and start + _CHUNK < len(remaining):
                    later = _members(marked, remaining, start + _CHUNK)
                    matched += select(later, field, how, q) if later else []
                    complete = False
                    break
        if marks:
            first = [i for i in matched if i in marks]
            if first:
                matched = first + [i for i in matched if i not in marks]
        return (matched if complete else matched[:room]), complete


def _members(marked: list[int], remaining: list[int], start: int) -> list[int]:
    """The items of ``marked`` that are in ``remaining[start:]`` (both sorted)."""
    found = []
    for i in marked:
        at = bisect.bisect_left(remaining, i, start)
        if at < len(remaining) and remaining[at] == i:
            found.append(i)
    return found


def search_sessions(
    index: ProgramIndex, query: str, bookmarked: Collection[str] = ()
) -> list[Session]:
    """Sessions matching ``query``, best first (all sessions, in file order, when empty)."""
    program = index.program
    if not query.strip():
        return list(program.sessions)
    hits = index.search.search(query, bookmarked, limit=None)
    return [program.session_by_id[h.item_id] for h in hits if h.kind == "session"]


def matching_paper(program: Program, session_id: str, query: str) -> Paper | None:
    """The first paper of a session whose title or authors hold ``query`` (as a whole, else
    every word of it): what a search hit in the "paper" field matched, so it can be named."""
    q = _normalise(query)
    words = q.split()
    if not words:
        return None
    texts = [
        (paper, fold(" ".join([paper.title, *(a.name for a in paper.authors)])))
        for paper in program.papers_by_session.get(session_id, [])
    ]
    for paper, text in texts:
        if q in text:
            return paper
    for paper, text in texts:
        if all(word in text for word in words):
            return paper
    return None
