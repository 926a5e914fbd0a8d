"""The agenda as an iCalendar file (RFC 5545), written as text line by line.

A library that builds one object per property was 58x slower than parsing the program at
50,000 sessions; the format is simple enough to write directly, and the tests parse every
export back with the ``icalendar`` library.

One VEVENT per timed session, in the conference's zone with its VTIMEZONE. Re-importing a later
export must update events rather than duplicate them, so:

* ``UID`` is ``<session id>@<conference id>.confterm``: both ids are stable slugs;
* ``SEQUENCE`` and ``LAST-MODIFIED`` come from a :data:`Revisions` lookup: the caller keeps a
  digest of each event's content (the store does, see :mod:`confterm.store.revisions`), so the
  sequence grows only when the event changed, and LAST-MODIFIED is when that was first seen;
* ``DTSTAMP`` is the moment of the export, on the real clock.

Sessions with a day but no time are left out (:func:`left_out` lists them), or with
``include_tba`` become all-day, transparent events marked "time to be announced".
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from datetime import UTC, date, datetime, timedelta, tzinfo
from operator import itemgetter

from confterm import __version__
from confterm.model.program import Program, Session, SessionKind
from confterm.queries.agenda import Agenda

#: What the export of an event with this content digest should say: (SEQUENCE, LAST-MODIFIED),
#: by UID. Given every UID and digest of one export at once, so a store answers in one go.
Revisions = Callable[[Mapping[str, str]], Mapping[str, tuple[int, datetime]]]

TBA_NOTE = "time to be announced"
_FOLD = 75  # octets per line before folding (RFC 5545 3.1)
#: The pieces an ASCII line of each length is folded into, taken in one C call (an
#: itemgetter of slices), made once per length; at most this many lengths are kept.
_ascii_pieces: dict[int, Callable[[str], tuple[str, ...]]] = {}
_KEPT_LENGTHS = 4096


def uid(program: Program, session: Session) -> str:
    """The event's UID, stable across exports of the same conference."""
    return event_uid(program.conference.id, session.id)


def event_uid(conference_id: str, session_id: str) -> str:
    """The UID of the event of session ``session_id`` (which may have left the program)."""
    return f"{session_id}@{conference_id}.confterm"


def left_out(agenda: Agenda, *, include_tba: bool = False) -> list[Session]:
    """The agenda's sessions that get no event: no announced time (and, with
    ``include_tba``, not even a day)."""
    return [s for day in agenda.days for s in day.tba if not (include_tba and s.day is not None)]


def unchanged_revisions(stamp: datetime) -> Revisions:
    """Revisions for an export that remembers nothing: sequence 0, modified at ``stamp``."""
    return lambda digests: dict.fromkeys(digests, (0, stamp))


def render_ics(
    agenda: Agenda,
    *,
    now: datetime | None = None,
    alarm_minutes: int | None = None,
    include_tba: bool = False,
    revisions: Revisions | None = None,
    made_from: str | None = None,
) -> bytes:
    """The agenda's sessions as an iCalendar document (UTF-8, CRLF line ends).

    ``now`` is the export moment (default: the real clock); callers pass the real clock, never
    a simulated one. ``alarm_minutes`` adds a display alarm that many minutes before each timed
    event. ``made_from`` (what the export was made from) goes into the calendar's description.
    """
    program = agenda.program
    conference = program.conference
    zone = conference.zone
    stamp = (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    writer = _EventWriter(program, alarm_minutes)
    # Each event's folded text (what the file holds) and its content's digest, by UID.
    digests: dict[str, str] = {}
    events: dict[str, str] = {}
    for day in agenda.days:
        writer.add(day.timed, None, events, digests)
        if include_tba and day.day is not None:
            writer.add(day.tba, day.day, events, digests)
    known = (revisions or unchanged_revisions(stamp))(digests)
    stamp_text = _utc(stamp)
    name = f"{'Program' if agenda.whole_program else 'My agenda'}: {conference.name}"
    head = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//confterm//confterm {__version__}//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{_text(name)}",
        f"X-WR-TIMEZONE:{conference.timezone}",
    ]
    if made_from:
        head.append(f"X-WR-CALDESC:{_text(made_from)}")
    head += _vtimezone(
        conference.timezone,
        zone,
        conference.start_date - timedelta(days=366),
        conference.end_date + timedelta(days=366),
    )
    out = [_fold(line) for line in head]
    # Most events share one (SEQUENCE, LAST-MODIFIED): their lines, and DTSTAMP before them,
    # are made once.
    revision_texts: dict[tuple[int, datetime], str] = {}
    unknown = (0, stamp)
    for key, folded in events.items():
        revision = known.get(key, unknown)
        revision_text = revision_texts.get(revision)
        if revision_text is None:
            sequence, modified = revision
            revision_text = revision_texts[revision] = (
                f"DTSTAMP:{stamp_text}\r\nLAST-MODIFIED:{_utc(modified)}\r\nSEQUENCE:{sequence}"
            )
        uid_line = f"UID:{_text(key)}"
        if len(uid_line) > _FOLD or not uid_line.isascii():
            uid_line = _fold(uid_line)
        # Four lines of the file, joined below: each event's text is copied once, into the file.
        out += (f"BEGIN:VEVENT\r\n{uid_line}", revision_text, folded, "END:VEVENT")
    out += ["END:VCALENDAR", ""]  # the empty line: the file ends with CRLF
    return "\r\n".join(out).encode()


class _EventWriter:
    """The content lines of one event (all but UID, DTSTAMP, LAST-MODIFIED and SEQUENCE),
    twice: joined by "\\n" (what the event's digest is made of, so that a sequence means the
    same as in earlier versions) and each line folded, joined by CRLF (what the file holds).

    Only the lines whose length depends on the program are folded: the others are short by
    construction (``tests/unit/test_export_ics.py`` holds the result to folding every line).
    """

    def __init__(self, program: Program, alarm_minutes: int | None) -> None:
        self.program = program
        self.suffix = event_uid(program.conference.id, "")  # each UID: the session's id, then this
        self.zone = program.conference.zone
        self.tzid = program.conference.timezone
        self.venue = program.conference.venue
        self.url = program.conference.url
        self.alarm = f"-PT{alarm_minutes}M" if alarm_minutes is not None else None
        self._slots: dict[tuple[datetime, datetime], tuple[str, str]] = {}
        # Sessions share rooms, tracks and speakers: each one's text is made once.
        self._locations: dict[str | None, tuple[str, str]] = {}
        self._categories: dict[tuple[SessionKind, str | None], tuple[str, str]] = {}
        self._speakers: dict[str, str | None] = {}
        self._chairs: dict[str, str | None] = {}

    def add(
        self,
        sessions: list[Session],
        day: date | None,
        events: dict[str, str],
        digests: dict[str, str],
    ) -> None:
        """Each session's event: its text folded, as the file holds it, into ``events``, and
        the digest of its content into ``digests``, both by UID. Timed sessions when ``day``
        is None, else all-day events on ``day`` (see :meth:`_all_day_opening`).

        The content is written twice, each form in one step (a 50,000-event export copies no
        part of it twice): its lines joined by "\\n" (what the digest is made of, so that a
        sequence means the same as in earlier versions) and each folded, joined by CRLF."""
        blake2b = hashlib.blake2b
        slots, locations, categories = self._slots, self._locations, self._categories
        description_of, default_url, suffix = self._description, self.url, self.suffix
        trigger = self.alarm
        note = None if day is None else f"The {TBA_NOTE}."
        end = folded_end = ""
        for session in sessions:
            title = _text(session.title)
            if day is None:
                # Sessions share their slots: each slot's DTSTART and DTEND lines made once.
                # (Timed sessions: both times are set.)
                slot = (session.start, session.end)
                dates, folded_dates = slots.get(slot) or self._slot(slot)  # type: ignore[arg-type]
                summary = f"SUMMARY:{title}"
                opening = dates + summary
                # Most titles are short ASCII: the test is inline, not a call per event.
                if len(summary) > _FOLD or not summary.isascii():
                    summary = _fold(summary)
                folded_opening = folded_dates + summary
                if trigger is not None:
                    alarm = f"DESCRIPTION:{title}"
                    end = f"\nBEGIN:VALARM\nACTION:DISPLAY\n{alarm}\nTRIGGER:{trigger}\nEND:VALARM"
                    folded_end = (
                        f"\r\nBEGIN:VALARM\r\nACTION:DISPLAY\r\n{_fold(alarm)}\r\n"
                        f"TRIGGER:{trigger}\r\nEND:VALARM"
                    )
            else:
                opening, folded_opening = self._all_day_opening(title, day)
            room = session.room
            location, folded_location = locations.get(room) or self._location(room)
            description = f"DESCRIPTION:{_escape(description_of(session, note))}"
            url = session.source_url or default_url
            url_line = folded_url = ""
            if url:
                line = f"URL:{url}"
                url_line = f"{line}\n"
                folded_url = f"{line if len(line) <= _FOLD and line.isascii() else _fold(line)}\r\n"
            # SessionKind is a StrEnum: the member hashes as its text, no .value lookup.
            key = (session.kind, session.track)
            category, folded_category = categories.get(key) or self._category(session, key)
            plain = f"{opening}\n{location}{description}\n{url_line}{category}{end}"
            uid = session.id + suffix
            events[uid] = (
                f"{folded_opening}\r\n{folded_location}{_fold(description)}\r\n"
                f"{folded_url}{folded_category}{folded_end}"
            )
            digests[uid] = blake2b(plain.encode(), digest_size=12).hexdigest()

    def _slot(self, slot: tuple[datetime, datetime]) -> tuple[str, str]:
        """The DTSTART and DTEND lines of ``slot``, each with its line end, plain and folded.

        Equal instants are equal keys whatever their offset, and convert to the same local
        time, so the cache cannot mix two different slots."""
        zone, tzid = self.zone, self.tzid
        start, end = (moment.astimezone(zone).strftime("%Y%m%dT%H%M%S") for moment in slot)
        lines = (f"DTSTART;TZID={tzid}:{start}", f"DTEND;TZID={tzid}:{end}")
        found = self._slots[slot] = (
            "".join(f"{line}\n" for line in lines),
            "".join(f"{_fold(line)}\r\n" for line in lines),
        )
        return found

    def _all_day_opening(self, title: str, day: date) -> tuple[str, str]:
        """The lines before LOCATION of a session with a day but no time (all day, free
        time, marked as such), plain and folded, without the last line end."""
        lines = [
            f"DTSTART;VALUE=DATE:{day.strftime('%Y%m%d')}",
            f"DTEND;VALUE=DATE:{(day + timedelta(days=1)).strftime('%Y%m%d')}",
            f"SUMMARY:{title} ({TBA_NOTE})",
            "TRANSP:TRANSPARENT",
        ]
        return "\n".join(lines), "\r\n".join([_fold(line) for line in lines])

    def _location(self, room_id: str | None) -> tuple[str, str]:
        """The LOCATION line and its line end (both empty without room or venue)."""
        room = self.program.room_by_id.get(room_id) if room_id is not None else None
        name = room.name if room is not None else room_id
        location = ", ".join(p for p in (name, self.venue) if p)
        line = f"LOCATION:{_text(location)}" if location else ""
        found = self._locations[room_id] = (f"{line}\n", f"{_fold(line)}\r\n") if line else ("", "")
        return found

    def _category(self, session: Session, key: tuple[SessionKind, str | None]) -> tuple[str, str]:
        categories = [session.kind.value.replace("-", " ").capitalize()]
        track = self.program.track_name(session)
        if track:
            categories.append(track)
        line = "CATEGORIES:" + ",".join(_text(c) for c in categories)
        found = self._categories[key] = (line, _fold(line))
        return found

    def _people(self, ids: list[str], known: dict[str, str | None], chairs: bool) -> str:
        """The names of the speakers (or chairs) ``ids`` that the program knows, joined."""
        # No try of a join first: a whole program's speakers are each met for the first time
        # in many of its sessions (17,529 of the 47,471 generated ones), and a raised KeyError
        # costs more than this loop.
        found = []
        for speaker_id in ids:
            text = known.get(speaker_id, "")
            if text == "":  # not met yet
                speaker = self.program.speaker_by_id.get(speaker_id)
                if speaker is None:
                    text = None
                elif chairs or not speaker.affiliation:
                    text = speaker.name
                else:
                    text = f"{speaker.name} ({speaker.affiliation})"
                known[speaker_id] = text
            if text is not None:
                found.append(text)
        return ", ".join(found)

    def _description(self, session: Session, note: str | None) -> str:
        paragraphs = [note] if note else []
        if session.speakers:
            speakers = self._people(session.speakers, self._speakers, chairs=False)
            if speakers:
                paragraphs.append("Speakers: " + speakers)
        if session.chairs:
            chairs = self._people(session.chairs, self._chairs, chairs=True)
            if chairs:
                paragraphs.append("Chairs: " + chairs)
        papers = self.program.papers_by_session.get(session.id)
        if papers:
            paragraphs.append(
                "Papers:\n"
                + "\n".join([f"- {p.title} {p.url}" if p.url else f"- {p.title}" for p in papers])
            )
        # The model's description: cleaned once, no surrounding whitespace.
        if session.description:
            paragraphs.append(session.description)
        if session.links or session.source_url:
            links = [f"{link.title}: {link.url}" for link in session.links]
            if session.source_url:
                links.append(session.source_url)
            paragraphs.append("\n".join(links))
        return "\n\n".join(paragraphs)


def _text(value: str) -> str:
    """A TEXT value escaped (RFC 5545 3.3.11); line breaks become ``\\n``."""
    if not ("\\" in value or ";" in value or "," in value or "\n" in value or "\r" in value):
        return value  # most titles and names: five scans, no call
    return _escape(value)


def _escape(value: str) -> str:
    """:func:`_text` without its test for a character to escape."""
    # Commas and line breaks are in most descriptions; backslashes, semicolons and carriage
    # returns (which the model removes) in few: looking for those three is cheaper than
    # three replace calls that find nothing (a whole program's descriptions: about half).
    if "\\" in value or ";" in value or "\r" in value:
        value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
        return value.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")
    return value.replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> str:
    """``line`` folded to 75 octets of UTF-8 per physical line, never inside a character."""
    # Most lines are short, and isascii() is a flag check: no encoding for them.
    if line.isascii():  # one byte a character: cut the text itself (most long lines)
        length = len(line)
        if length <= _FOLD:
            return line
        pieces = _ascii_pieces.get(length) or _cut_ascii(length)
        return "\r\n ".join(pieces(line))
    if len(line.encode()) <= _FOLD:
        return line
    encoded = line.encode()
    parts = []
    start, limit = 0, _FOLD
    while len(encoded) - start > limit:
        end = start + limit
        while encoded[end] & 0xC0 == 0x80:  # a continuation byte: cut before its character
            end -= 1
        parts.append(encoded[start:end])
        start, limit = end, _FOLD - 1  # continuation lines start with a space
    parts.append(encoded[start:])
    return b"\r\n ".join(parts).decode()


def _cut_ascii(length: int) -> Callable[[str], tuple[str, ...]]:
    """The pieces of an ASCII line of ``length`` (over 75) characters: the first 75, then 74
    each, as continuation lines start with a space (RFC 5545 3.1)."""
    rest = [slice(at, at + _FOLD - 1) for at in range(_FOLD, length, _FOLD - 1)]
    pieces = itemgetter(slice(0, _FOLD), *rest)  # two slices at least: a tuple
    if len(_ascii_pieces) < _KEPT_LENGTHS:
        _ascii_pieces[length] = pieces
    return pieces


def _utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _offset(delta: timedelta) -> str:
    seconds = int(delta.total_seconds())
    sign = "-" if seconds < 0 else "+"
    hours, rest = divmod(abs(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{sign}{hours:02d}{minutes:02d}" + (f"{secs:02d}" if secs else "")


def _vtimezone(tzid: str, zone: tzinfo, first: date, last: date) -> list[str]:
    """The VTIMEZONE of ``zone`` from ``first`` to ``last``: each offset change found in
    zoneinfo becomes one observance (no RRULE: every client reads plain dates)."""
    moment = datetime(first.year, first.month, first.day, tzinfo=UTC)
    end = datetime(last.year, last.month, last.day, tzinfo=UTC)
    observances = [(moment, moment.astimezone(zone))]
    step = timedelta(days=1)
    while moment < end:
        following = moment + step
        if following.astimezone(zone).utcoffset() != moment.astimezone(zone).utcoffset():
            low, high = moment, following  # bisect to the second of the change
            while high - low > timedelta(seconds=1):
                middle = low + (high - low) / 2
                if middle.astimezone(zone).utcoffset() == low.astimezone(zone).utcoffset():
                    low = middle
                else:
                    high = middle
            observances.append((high, high.astimezone(zone)))
        moment = following
    lines = ["BEGIN:VTIMEZONE", f"TZID:{tzid}"]
    previous = observances[0][1].utcoffset() or timedelta(0)
    for when, local in observances:
        offset = local.utcoffset() or timedelta(0)
        kind = "DAYLIGHT" if local.dst() else "STANDARD"
        # DTSTART is the local time in the offset in force before the change (RFC 5545 3.6.5).
        start = (when + previous).replace(tzinfo=None).strftime("%Y%m%dT%H%M%S")
        lines += [f"BEGIN:{kind}", f"DTSTART:{start}", f"TZOFFSETFROM:{_offset(previous)}"]
        lines += [f"TZOFFSETTO:{_offset(offset)}", f"TZNAME:{_text(local.tzname() or tzid)}"]
        lines.append(f"END:{kind}")
        previous = offset
    lines.append("END:VTIMEZONE")
    return lines
