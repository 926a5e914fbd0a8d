"""The agenda as an iCalendar file, built with the ``icalendar`` library.

One VEVENT per timed session, in the conference's zone with its VTIMEZONE. Re-importing a later
export must update events rather than duplicate them, so:

* ``UID`` is ``<session id>@<conference id>.confterm``: both ids are stable slugs;
* ``DTSTAMP`` and ``LAST-MODIFIED`` are the moment of the export, on the real clock (a
  simulated ``--now`` must not make SEQUENCE go down between two real exports);
* ``SEQUENCE`` grows with the moment of the export (whole minutes since 2020). confterm keeps
  no history of past exports, and calendar apps only replace an event whose sequence is not
  lower than the one they hold; a clock-derived number is always higher on a later export.

Sessions with no announced time cannot be placed in a calendar and are left out;
:func:`left_out` lists them so the caller can say so.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from icalendar import Alarm, Calendar, Event

from confterm import __version__
from confterm.model.program import Program, Session
from confterm.queries.agenda import Agenda
from confterm.text import clean, one_line

_SEQUENCE_EPOCH = datetime(2020, 1, 1, tzinfo=UTC)


def uid(program: Program, session: Session) -> str:
    """The event's UID, stable across exports of the same conference."""
    return f"{session.id}@{program.conference.id}.confterm"


def left_out(agenda: Agenda) -> list[Session]:
    """The agenda's sessions that have no announced time, hence no event."""
    return [s for day in agenda.days for s in day.tba]


def sequence_at(moment: datetime) -> int:
    """The SEQUENCE of an export made at ``moment`` (see the module docstring)."""
    return max(0, int((moment - _SEQUENCE_EPOCH).total_seconds() // 60))


def render_ics(
    agenda: Agenda, *, now: datetime | None = None, alarm_minutes: int | None = None
) -> bytes:
    """The agenda's timed sessions as an iCalendar document (UTF-8, CRLF line ends).

    ``now`` is the export moment (default: the real clock); callers pass the real clock too,
    never a simulated one: only tests fix it. ``alarm_minutes`` adds a display alarm that many
    minutes before each event.
    """
    program = agenda.program
    conference = program.conference
    stamp = (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    calendar = Calendar()
    calendar.add("prodid", f"-//confterm//confterm {__version__}//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    name = f"{'Program' if agenda.whole_program else 'My agenda'}: {one_line(conference.name)}"
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", conference.timezone)
    for day in agenda.days:
        for session in day.timed:
            calendar.add_component(_event(program, session, stamp, alarm_minutes))
    _add_timezones(calendar, program)
    data: bytes = calendar.to_ical()
    return data


def _event(program: Program, session: Session, stamp: datetime, alarm_minutes: int | None) -> Event:
    assert session.start is not None
    assert session.end is not None
    zone = program.conference.zone
    event = Event()
    event.add("uid", uid(program, session))
    event.add("dtstamp", stamp)
    event.add("last-modified", stamp)
    event.add("sequence", sequence_at(stamp))
    event.add("dtstart", session.start.astimezone(zone))
    event.add("dtend", session.end.astimezone(zone))
    event.add("summary", one_line(session.title))
    location = _location(program, session)
    if location:
        event.add("location", location)
    event.add("description", _description(program, session))
    url = session.source_url or program.conference.url
    if url:
        event.add("url", url)
    categories = [session.kind.value.replace("-", " ").capitalize()]
    track = program.track_name(session)
    if track:
        categories.append(one_line(track))
    event.add("categories", categories)
    if alarm_minutes is not None:
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", one_line(session.title))
        alarm.add("trigger", timedelta(minutes=-alarm_minutes))
        event.add_component(alarm)
    return event


def _location(program: Program, session: Session) -> str:
    parts = [program.room_name(session), program.conference.venue]
    return ", ".join(one_line(p) for p in parts if p)


def _description(program: Program, session: Session) -> str:
    paragraphs = []
    speakers = program.speakers_of(session)
    if speakers:
        names = ", ".join(
            one_line(s.name) + (f" ({one_line(s.affiliation)})" if s.affiliation else "")
            for s in speakers
        )
        paragraphs.append(f"Speakers: {names}")
    chairs = program.chairs_of(session)
    if chairs:
        paragraphs.append("Chairs: " + ", ".join(one_line(c.name) for c in chairs))
    text = clean(session.description).strip()
    if text:
        paragraphs.append(text)
    links = [f"{one_line(link.title)}: {link.url}" for link in session.links]
    if session.source_url:
        links.append(session.source_url)
    if links:
        paragraphs.append("\n".join(links))
    return "\n\n".join(paragraphs)


def _add_timezones(calendar: Calendar, program: Program) -> None:
    # VTIMEZONE rules are generated from zoneinfo, bounded to the conference so the file stays
    # small; a zone icalendar cannot describe is left for the UTC fallback below.
    first = program.conference.start_date - timedelta(days=366)
    last = program.conference.end_date + timedelta(days=366)
    calendar.add_missing_timezones(first_date=first, last_date=last)
    if calendar.get_missing_tzids():
        for event in calendar.walk("VEVENT"):
            for key in ("DTSTART", "DTEND"):
                moment = event.decoded(key)
                del event[key]
                event.add(key, moment.astimezone(UTC))
