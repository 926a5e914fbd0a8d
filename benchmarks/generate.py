"""A deterministic generator of synthetic conference programs, for the benchmarks.

``generate(n_sessions, seed=...)`` builds one program as a plain JSON-ready dict in confterm's
format (see :mod:`confterm.model.program`); :func:`write_confterm_json` and
:func:`write_frab_xml` write it as a confterm JSON file and as a frab ``schedule.xml``.
The same seed always gives the same bytes, so runs are comparable.

Shape, chosen to look like a large ML conference: ``R = max(4, N / 500)`` rooms, 4 days (5 from
2,000 sessions up), timed sessions between 08:00 and 20:00 in 15-minute steps lasting 15 minutes
to 2 hours, about 4% "time to be announced" (day only) and 1% unscheduled; posters present
papers; a few dozen sponsor booths. Titles, names and descriptions come from word lists so
search has realistic words to match.
"""

from __future__ import annotations

import hashlib
import json
import random
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr
from zoneinfo import ZoneInfo

CONFERENCE_ID = "synthconf"
TIMEZONE = "America/Vancouver"
FIRST_DAY = date(2031, 12, 8)


def _words(text: str, sep: str) -> list[str]:
    return text.split(sep)


_ADJECTIVES = _words(
    "Scalable Efficient Robust Sparse Federated Causal Differentiable Probabilistic Adaptive "
    "Contrastive Hierarchical Equivariant Neural Bayesian Distributed Quantized Private "
    "Interpretable Generative Self-Supervised Low-Rank Streaming Continual Multimodal",
    " ",
)
_NOUNS = _words(
    "Transformers Diffusion Models Attention Optimizers Kernels Embeddings Agents Graphs "
    "Compilers Schedulers Retrieval Tokenizers Mixtures-of-Experts Caches Priors Policies "
    "Benchmarks Accelerators Gradients Datasets Representations Verifiers Planners",
    " ",
)
_DOMAINS = _words(
    "Language Modeling|Protein Design|Robotics|Climate Forecasting|Code Generation|"
    "Medical Imaging|Recommendation|Speech|Video Understanding|Theorem Proving|"
    "Edge Devices|Reinforcement Learning|Time Series|Chemistry|Autonomous Driving|"
    "Education|Fairness|Compilers|Databases|Scientific Discovery",
    "|",
)
_FIRST = _words(
    "Ada Alan Amara Bo Carlos Chen Dana Diego Elena Farah Grace Hana Ibrahim Ines Jun Kai "
    "Lena Luis Maya Mei Nadia Omar Priya Quinn Ravi Sara Tomas Uma Vera Wei Xin Yara Zoe",
    " ",
)
_LAST = _words(
    "Abara Bianchi Chowdhury Dubois Eriksen Fujita Garcia Haddad Ivanova Jensen Kowalski "
    "Li Moreau Nakamura Okafor Petrov Quispe Rossi Singh Tanaka Ueda Varga Wang Xu Yilmaz Zhang",
    " ",
)
_AFFILIATIONS = _words(
    "University of Toronto|ETH Zurich|MIT|Tsinghua University|Mila|Stanford University|"
    "KAIST|University of Cambridge|Inria|Max Planck Institute|IIT Bombay|UC Berkeley|"
    "University of Tokyo|EPFL|Carnegie Mellon University|Independent researcher",
    "|",
)
_COMPANIES = _words(
    "Acme AI|Borealis Compute|Cobalt Labs|Delta Systems|Ember Cloud|Fjord Robotics|"
    "Granite Data|Helix Bio|Ion Semiconductors|Juniper Vision|Kestrel Analytics|Lumen Search",
    "|",
)
_LEVELS = ("Diamond", "Platinum", "Gold", "Silver", "Bronze")
# Weighted: most slots at a large ML conference are posters and orals.
_KINDS = (
    ["poster"] * 10
    + ["oral"] * 4
    + ["workshop"] * 2
    + ["talk"] * 2
    + ["invited-talk", "tutorial", "keynote", "lightning", "panel", "social", "break"]
)
# frab's event types for confterm kinds; the importer maps them back (or to a close kind).
_FRAB_TYPES = {
    "keynote": "keynote",
    "invited-talk": "lecture",
    "oral": "lecture",
    "talk": "lecture",
    "lightning": "lightning_talk",
    "poster": "poster",
    "workshop": "workshop",
    "tutorial": "workshop",
    "panel": "podium",
    "social": "meeting",
    "break": "other",
}


def shape(n_sessions: int) -> dict[str, int]:
    """How many rooms, days, speakers, papers and booths a program of ``n_sessions`` has."""
    return {
        "sessions": n_sessions,
        "rooms": max(4, n_sessions // 500),
        "days": 5 if n_sessions >= 2000 else 4,
        "speakers": max(8, n_sessions // 2),
        "papers": n_sessions // 2,
        "booths": min(60, max(3, n_sessions // 100)),
    }


def _title(rng: random.Random) -> str:
    return f"{rng.choice(_ADJECTIVES)} {rng.choice(_NOUNS)} for {rng.choice(_DOMAINS)}"


def _sentence(rng: random.Random) -> str:
    return (
        f"We study {rng.choice(_ADJECTIVES).lower()} {rng.choice(_NOUNS).lower()} and show "
        f"that {rng.choice(_ADJECTIVES).lower()} {rng.choice(_NOUNS).lower()} improve "
        f"{rng.choice(_DOMAINS).lower()} by {rng.randint(2, 40)}% at "
        f"{rng.choice(('half', 'a tenth of', 'twice', 'the same'))} the cost."
    )


def generate(n_sessions: int, *, seed: int = 2031) -> dict[str, Any]:
    """A program of ``n_sessions`` sessions as a JSON-ready dict (confterm format)."""
    rng = random.Random(f"{seed}-{n_sessions}")
    counts = shape(n_sessions)
    zone = ZoneInfo(TIMEZONE)
    days = [FIRST_DAY + timedelta(days=i) for i in range(counts["days"])]
    rooms = [
        {"id": f"room-{i + 1}", "name": f"Hall {chr(65 + i % 26)}{i // 26 + 1}"}
        for i in range(counts["rooms"])
    ]
    tracks = [{"id": f"track-{i + 1}", "name": domain} for i, domain in enumerate(_DOMAINS[:12])]
    speakers = [
        {
            "id": f"sp-{i + 1}",
            "name": f"{rng.choice(_FIRST)} {rng.choice(_LAST)}",
            "affiliation": rng.choice(_AFFILIATIONS),
        }
        for i in range(counts["speakers"])
    ]
    sessions: list[dict[str, Any]] = []
    for i in range(n_sessions):
        kind = rng.choice(_KINDS)
        session: dict[str, Any] = {
            "id": f"s-{i + 1}",
            "title": _title(rng),
            "kind": kind,
            "room": rooms[rng.randrange(len(rooms))]["id"],
            "track": tracks[rng.randrange(len(tracks))]["id"],
            "speakers": [
                speakers[rng.randrange(len(speakers))]["id"] for _ in range(rng.randint(1, 3))
            ],
            "description": " ".join(_sentence(rng) for _ in range(rng.randint(1, 3))),
        }
        roll = rng.random()
        if roll < 0.01:
            pass  # unscheduled: neither day nor time known
        elif roll < 0.05:
            session["day"] = rng.choice(days).isoformat()
        else:
            day = rng.choice(days)
            start = datetime(day.year, day.month, day.day, 8, tzinfo=zone) + timedelta(
                minutes=15 * rng.randrange(48)
            )
            end = start + timedelta(minutes=rng.choice((15, 30, 45, 60, 90, 120)))
            session.update(day=day.isoformat(), start=start.isoformat(), end=end.isoformat())
        sessions.append(session)
    posters = [s["id"] for s in sessions if s["kind"] == "poster"] or [None]
    papers = [
        {
            "id": f"p-{i + 1}",
            "title": _title(rng),
            "authors": [
                {
                    "name": f"{rng.choice(_FIRST)} {rng.choice(_LAST)}",
                    "affiliation": rng.choice(_AFFILIATIONS),
                }
                for _ in range(rng.randint(1, 5))
            ],
            "session": rng.choice(posters),
            "topic": rng.choice(_DOMAINS),
        }
        for i in range(counts["papers"])
    ]
    booths = [
        {
            "id": f"b-{i + 1}",
            "organisation": f"{_COMPANIES[i % len(_COMPANIES)]} {i // len(_COMPANIES) + 1}",
            "level": rng.choice(_LEVELS),
            "location": f"Booth {100 + i}",
            "description": _sentence(rng),
            "people": [{"name": f"{rng.choice(_FIRST)} {rng.choice(_LAST)}", "role": "Recruiter"}],
            "sessions": [rng.choice(sessions)["id"]] if sessions else [],
        }
        for i in range(counts["booths"])
    ]
    return {
        "format": "confterm/1",
        "conference": {
            "id": CONFERENCE_ID,
            "name": f"Synthetic Conference ({n_sessions:,} sessions)",
            "short_name": "SynthConf",
            "start_date": days[0].isoformat(),
            "end_date": days[-1].isoformat(),
            "timezone": TIMEZONE,
            "venue": "Convention Centre",
            "city": "Vancouver",
            "sources": ["benchmarks/generate.py"],
        },
        "rooms": rooms,
        "tracks": tracks,
        "speakers": speakers,
        "sessions": sessions,
        "papers": papers,
        "booths": booths,
    }


def write_confterm_json(program: dict[str, Any], path: Path) -> Path:
    """Write ``program`` as a confterm JSON file."""
    path.write_text(json.dumps(program, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return path


def frab_xml(program: dict[str, Any]) -> str:
    """``program`` as a frab ``schedule.xml`` document (timed sessions only: frab has no TBA).

    Speakers are ``<person>`` elements by id; the conference zone is ``time_zone_name``.
    """
    conf = program["conference"]
    rooms = {room["id"]: room["name"] for room in program["rooms"]}
    tracks = {track["id"]: track["name"] for track in program["tracks"]}
    people = {speaker["id"]: speaker["name"] for speaker in program["speakers"]}
    by_day_room: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for session in program["sessions"]:
        if session.get("start") and session.get("day"):
            room = session.get("room") or ""
            by_day_room.setdefault(session["day"], {}).setdefault(room, []).append(session)
    start, end = date.fromisoformat(conf["start_date"]), date.fromisoformat(conf["end_date"])
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        "<schedule>",
        "  <version>benchmark</version>",
        "  <conference>",
        f"    <acronym>{escape(conf['id'])}</acronym>",
        f"    <title>{escape(conf['name'])}</title>",
        f"    <start>{start.isoformat()}</start>",
        f"    <end>{end.isoformat()}</end>",
        f"    <days>{(end - start).days + 1}</days>",
        "    <timeslot_duration>00:15</timeslot_duration>",
        f"    <time_zone_name>{escape(conf['timezone'])}</time_zone_name>",
        "  </conference>",
    ]
    for index, day in enumerate(sorted(by_day_room), start=1):
        out.append(f'  <day index="{index}" date="{day}">')
        for room_id, sessions in by_day_room[day].items():
            room = rooms.get(room_id, "Main hall")
            out.append(f"    <room name={quoteattr(room)}>")
            for session in sorted(sessions, key=lambda s: (s["start"], s["id"])):
                out.extend(_frab_event(session, room, tracks, people))
            out.append("    </room>")
        out.append("  </day>")
    out.append("</schedule>")
    return "\n".join(out) + "\n"


def _frab_event(
    session: dict[str, Any], room: str, tracks: dict[str, str], people: dict[str, str]
) -> list[str]:
    start = datetime.fromisoformat(session["start"])
    minutes = int((datetime.fromisoformat(session["end"]) - start).total_seconds() // 60)
    number = int(hashlib.sha1(session["id"].encode(), usedforsecurity=False).hexdigest()[:8], 16)
    persons = "".join(
        f'<person id="{sid.removeprefix("sp-")}">{escape(people[sid])}</person>'
        for sid in session.get("speakers", [])
    )
    return [
        f'      <event id="{number}" guid="00000000-0000-4000-8000-{number:012d}">',
        f"        <date>{start.isoformat()}</date>",
        f"        <start>{start:%H:%M}</start>",
        f"        <duration>{minutes // 60:02d}:{minutes % 60:02d}</duration>",
        f"        <room>{escape(room)}</room>",
        f"        <slug>{escape(session['id'])}</slug>",
        f"        <title>{escape(session['title'])}</title>",
        "        <subtitle></subtitle>",
        f"        <track>{escape(tracks.get(session.get('track') or '', ''))}</track>",
        f"        <type>{_FRAB_TYPES.get(session['kind'], 'other')}</type>",
        "        <language>en</language>",
        "        <abstract></abstract>",
        f"        <description>{escape(session.get('description', ''))}</description>",
        f"        <persons>{persons}</persons>",
        "        <links></links>",
        "      </event>",
    ]


def write_frab_xml(program: dict[str, Any], path: Path) -> Path:
    """Write ``program`` as a frab ``schedule.xml`` file."""
    path.write_text(frab_xml(program), encoding="utf-8")
    return path
