"""Build the bundled ``data/mlsys2025.json`` from the compiled MLSys 2025 facts.

Usage (from the repository root)::

    uv run python scripts/build_mlsys2025.py

It reads ``../shared/data/mlsys2025-facts.json`` (relative to the repository root) and writes
``data/mlsys2025.json``. The output is deterministic: running it twice gives the same bytes.

Nothing is invented here. Times appear only where a source states them; everything else stays
null ("time to be announced"). Ids are chosen in the tables below, by hand, so that they stay
put when a title or an author list is corrected in the facts; the build fails loudly when the
facts name something these tables do not cover.
"""

from __future__ import annotations

import json
import re
import sys
from datetime import date, datetime, time
from pathlib import Path
from typing import Any
from urllib.parse import urlparse
from zoneinfo import ZoneInfo

REPO_ROOT = Path(__file__).resolve().parents[1]
FACTS_PATH = REPO_ROOT.parent / "shared" / "data" / "mlsys2025-facts.json"
OUTPUT_PATH = REPO_ROOT / "data" / "mlsys2025.json"

CONFERENCE_ID = "mlsys2025"
ZONE = ZoneInfo("America/Los_Angeles")

YPS_TRACK = {"id": "yps", "name": "Young Professionals Symposium"}
ORAL_TRACK = {"id": "oral-sessions", "name": "Main conference: oral sessions"}

ORAL_SESSION_IDS = {
    1: "session-01-llm-diffusion-serving",
    2: "session-02-parallel-distributed",
    3: "session-03-quantization-sparsity",
    4: "session-04-reliable-scalable",
    5: "session-05-llm-training-fine-tuning",
    6: "session-06-edge-cloud",
    7: "session-07-quantization-sparsity",
    8: "session-08-llm-diffusion-serving",
    9: "session-09-parallel-distributed",
    10: "session-10-llm-diffusion-serving",
    11: "session-11-federated-learning",
    12: "session-12-edge-cloud",
}

# Sessions that are not numbered oral sessions, keyed by the start of their title in the facts.
OTHER_SESSION_IDS = {
    "Extreme PyTorch": "keynote-chintala-extreme-pytorch",
    "An AI Stack": "keynote-stoica-ai-stack",
    "MLSys 2025 Young Professionals Symposium": "yps-2025",
    "LMArena": "yps-chiang-lmarena",
    "Designing Models from the Hardware Up": "yps-arora-hardware-up",
    "Invited talk by Beidi Chen": "yps-chen-invited-talk",
    "Lessons Learned from Successful PhD Students": "yps-dettmers-invited-talk",
    "Lightning talk by Matt White": "lightning-white-pytorch-foundation",
    "Hardware-Aware Training and Inference": "keynote-anandkumar-hardware-aware",
    "Responsible Finetuning": "keynote-liu-responsible-finetuning",
}

# The four main-conference keynotes. The facts file them as invited talks; a public talk index
# calls all four "Conference Keynote" while their official pages sit under invited-talk paths,
# so they are keynotes here and each note says why.
KEYNOTE_IDS = {
    "keynote-chintala-extreme-pytorch",
    "keynote-stoica-ai-stack",
    "keynote-anandkumar-hardware-aware",
    "keynote-liu-responsible-finetuning",
}

_TIME_ROOM_UNKNOWN = "Time and room not announced in the sources read."
_GREPTALKS_DAY = "Day and papers from greptalks.ai talk pages. " + _TIME_ROOM_UNKNOWN
_YPS_DAY = "Day from an organiser's list of YPS invited speakers."
SESSION_NOTES = {
    "keynote-chintala-extreme-pytorch": (
        "Title, time and room as stated by the PyTorch Foundation's post; it is filed under "
        "the Young Professionals Symposium on the word of a news digest quoting an organiser. "
        "Listed as a keynote, as a public talk index calls it; its official recording sits "
        "under an invited-talk path."
    ),
    "keynote-stoica-ai-stack": (
        "Title, time and room as stated by the PyTorch Foundation's post, which calls it a "
        "keynote, as does a public talk index; greptalks.ai lists it as an invited talk."
    ),
    "keynote-anandkumar-hardware-aware": (
        "Title, speaker and day from a single third-party talk index, which says it checked the "
        "official recording page. Listed as a keynote, as that index calls it; the other "
        "keynotes' official pages sit under invited-talk paths. " + _TIME_ROOM_UNKNOWN
    ),
    "keynote-liu-responsible-finetuning": (
        "Title, speaker and day from greptalks.ai and a public talk index, which agree. "
        "Listed as a keynote, as that index calls it; greptalks.ai says invited talk. "
        + _TIME_ROOM_UNKNOWN
    ),
    "session-01-llm-diffusion-serving": (
        "Time from the official session page; room not announced in the sources read."
    ),
    "session-02-parallel-distributed": (
        "Papers from the official session page, day from greptalks.ai. " + _TIME_ROOM_UNKNOWN
    ),
    "session-03-quantization-sparsity": _GREPTALKS_DAY,
    "session-04-reliable-scalable": (
        "Official title and two of its papers from the session page; greptalks.ai calls it "
        "'Reliable and Scalable Systems' (kept as another name that search finds). Day and "
        "the other papers from greptalks.ai talk pages. " + _TIME_ROOM_UNKNOWN
    ),
    "session-05-llm-training-fine-tuning": _GREPTALKS_DAY,
    "session-06-edge-cloud": _GREPTALKS_DAY,
    "session-07-quantization-sparsity": _GREPTALKS_DAY,
    "session-08-llm-diffusion-serving": (
        "Papers and moderator from a copy of the official session page, day from greptalks.ai. "
        + _TIME_ROOM_UNKNOWN
    ),
    "session-09-parallel-distributed": _GREPTALKS_DAY,
    "session-10-llm-diffusion-serving": (
        "Time from the official session page; room not announced in the sources read."
    ),
    "session-11-federated-learning": _GREPTALKS_DAY,
    "session-12-edge-cloud": (
        "Time from the official session page; papers from it and from greptalks.ai; room not "
        "announced in the sources read."
    ),
    "yps-2025": (
        "Date from an organiser's post and a project README; the speaker list may be "
        "incomplete. " + _TIME_ROOM_UNKNOWN
    ),
    "yps-chiang-lmarena": "Title, speaker and day from greptalks.ai. " + _TIME_ROOM_UNKNOWN,
    "yps-arora-hardware-up": "Title, speaker and day from greptalks.ai. " + _TIME_ROOM_UNKNOWN,
    "yps-chen-invited-talk": (
        "Title not verified: an attendee's notes head it 'Scaling Laws'. "
        + _YPS_DAY
        + " "
        + _TIME_ROOM_UNKNOWN
    ),
    "yps-dettmers-invited-talk": (
        "Title from a third-party page linking the official talk page. "
        + _YPS_DAY
        + " "
        + _TIME_ROOM_UNKNOWN
    ),
    "lightning-white-pytorch-foundation": (
        "Announced in the PyTorch Foundation's post, whose paragraph on it was not read "
        "first-hand. Session name, day, time and room not announced; it may be part of the "
        "Young Professionals Symposium."
    ),
}

# Papers whose title has no short name before a colon, keyed by the start of the title.
PAPER_IDS = {
    "Rethinking Key-Value Cache Compression": "rethinking-kv-cache-compression",
    "Context Parallelism for Scalable": "context-parallelism-million-token",
    "Enabling Unstructured Sparse Acceleration": "unstructured-sparse-acceleration",
    "Self-Data Distillation": "self-data-distillation",
    "Interference-aware Edge Runtime Prediction": "interference-aware-runtime-prediction",
    "Know Where You're Uncertain": "uncertainty-aware-multimodal-planning",
    "The Hidden Bloat": "hidden-bloat-ml-systems",
    "Training Ultra Long Context": "fully-pipelined-distributed-transformer",
    "A Bring-Your-Own-Model Approach": "byom-storage-placement",
    "Efficient On-Device Machine Learning": "forward-only-on-device-learning",
    "Optimizing LLM Queries": "llm-queries-relational-analytics",
    "Efficient LLM Inference using Dynamic Input Pruning": "dynamic-input-pruning",
    "Lightweight Software Kernels": "sparse-dnn-microcontroller-kernels",
    "Balancing Pipeline Parallelism": "vocabulary-parallelism",
    "On Distributed Larger-Than-Memory": "distributed-subset-selection",
    "Scaling Deep Learning Training with MPMD": "mpmd-pipeline-parallelism",
    "Supply-Chain Attacks": "ml-supply-chain-attacks",
}

# Papers updated by the second research pass, whose facts note says what changed after the
# first pass: their note is written here, and the build fails when another paper gets such an
# update without one (a condensed note could otherwise still say what the first pass said).
SECOND_PASS_NOTES = {
    "flashinfer": ("All 11 authors from the official poster page; oral session from greptalks.ai."),
    "unstructured-sparse-acceleration": (
        "Authors confirmed by the official poster page; oral session from greptalks.ai."
    ),
    "ai-metropolis": "Authors and oral session from the official session page.",
    "aiopslab": (
        "Oral session from the official session page. Authors from arXiv; the official page "
        "abbreviates the last author as 'S R'."
    ),
    "graph-learning-at-scale": "Authors and oral session from the official session page.",
    "lava": (
        "Oral session from the official session page. Authors from arXiv. Medium certainty: the "
        "official page, read only in part, does not list Anshul Kapoor among the first 15 "
        "authors and writes Logan Bush."
    ),
}
_SECOND_PASS = re.compile(r"\| (Turn-2|Correction)")

# Where each award comes from, in our words; every paper with an award needs an entry.
AWARD_NOTES = {
    "flashinfer": (
        "Award reported by CMU School of Computer Science news; "
        "an attendee's notes call it Outstanding Paper Award."
    ),
    "apollo": "Award reported by UT Austin news and an attendee's notes.",
    "seesaw": "Award shown on the official session page.",
    "comet": "Award reported only by an attendee's notes.",
    "marconi": "Award reported only by an attendee's notes.",
    "lava": "Award reported only by an attendee's notes.",
}

LINK_TITLES = {
    "mlsys.org": "MLSys virtual site",
    "proceedings.mlsys.org": "MLSys proceedings",
    "greptalks.ai": "Talk page (greptalks.ai)",
    "amansinghal927.github.io": "An attendee's notes",
    "twitter.com": "Post on X (twitter.com)",
}

_SESSION_NUMBER = re.compile(r"^Session (\d+):")
_PROVENANCE = re.compile(r" \([^()]*\)$")
_AFFILIATION_ROLE = re.compile(r"^(?P<org>.+?) \((?P<role>[^()]+)\)$")


def slug(text: str) -> str:
    """Lower-case ``text`` and join its letters and digits with hyphens."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def by_prefix(table: dict[str, str], title: str, what: str) -> str:
    """The id whose key starts ``title``; fail when the facts hold something new."""
    for prefix, item_id in table.items():
        if title.startswith(prefix):
            return item_id
    raise SystemExit(f"build_mlsys2025: no id chosen for {what} {title!r}: add it to the table")


def session_id(title: str) -> str:
    """The stable id of the session titled ``title`` in the facts (or of the oral session a
    paper's ``session_group`` names: numbered sessions are known by their number, since
    the facts may give the same session under two titles)."""
    match = _SESSION_NUMBER.match(title)
    if match:
        return ORAL_SESSION_IDS[int(match.group(1))]
    return by_prefix(OTHER_SESSION_IDS, title, "session")


def session_kind(fact: dict[str, Any], item_id: str) -> str:
    """The kind from the facts, except for the four keynotes (see ``KEYNOTE_IDS``)."""
    return "keynote" if item_id in KEYNOTE_IDS else str(fact["kind"])


def session_note(fact: dict[str, Any], item_id: str) -> str:
    """Our note on where the session's facts come from, then the facts' certainty, if any."""
    note = SESSION_NOTES[item_id]
    certainty = fact.get("certainty")
    return f"{note} Certainty: {certainty}." if certainty else note


def aliases(fact: dict[str, Any]) -> list[str]:
    """Other titles the session is known by, without the facts' "(label used by ...)"."""
    return [_PROVENANCE.sub("", title) for title in fact.get("alt_titles", [])]


def paper_id(title: str) -> str:
    """The short name before the colon, slugged; else the id chosen in ``PAPER_IDS``."""
    short, colon, _ = title.partition(":")
    if colon and len(short.split()) <= 4:
        return slug(short)
    return by_prefix(PAPER_IDS, title, "paper")


def link(url: str) -> dict[str, str]:
    """A link labelled by the site it points to."""
    host = (urlparse(url).hostname or url).removeprefix("www.")
    return {"title": LINK_TITLES.get(host, host), "url": url}


def moment(day: str, clock: str | None) -> str | None:
    """``day`` at ``clock`` in the venue's zone, as ISO 8601 with its offset; None if unknown."""
    if clock is None:
        return None
    stamp = datetime.combine(date.fromisoformat(day), time.fromisoformat(clock), tzinfo=ZONE)
    return stamp.isoformat()


def track_of(group: str | None) -> str | None:
    """The track a facts group belongs to; None for the PyTorch blog's own groupings."""
    if group is None:
        return None
    if group.startswith("Young Professionals Symposium"):
        return YPS_TRACK["id"]
    if _SESSION_NUMBER.match(group):
        return ORAL_TRACK["id"]
    return None


def split_affiliation(text: str) -> tuple[str, str | None]:
    """``"Org (Role)"`` becomes ``("Org", "Role")``."""
    match = _AFFILIATION_ROLE.match(text)
    if match:
        return match.group("org"), match.group("role")
    return text, None


def build_speakers(sessions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One speaker per distinct person, in order of first appearance."""
    people: dict[str, dict[str, Any]] = {}
    for fact in sessions:
        names = [*fact["speakers"], *([fact["moderator"]] if fact.get("moderator") else [])]
        affiliations = fact["affiliations"] if len(fact["affiliations"]) == len(names) else []
        for position, name in enumerate(names):
            person = people.setdefault(
                name, {"id": slug(name), "name": name, "affiliation": None, "bio": None}
            )
            if affiliations and person["affiliation"] is None:
                organisation, role = split_affiliation(affiliations[position])
                person["affiliation"] = organisation
                if role:
                    person["bio"] = f"{role}, {organisation}."
    return list(people.values())


def build_session(fact: dict[str, Any], speaker_ids: dict[str, str]) -> dict[str, Any]:
    """One session from its facts entry."""
    item_id = session_id(fact["title"])
    day = fact["date"]
    return {
        "id": item_id,
        "title": fact["title"],
        "aliases": aliases(fact),
        "kind": session_kind(fact, item_id),
        "day": day,
        "start": moment(day, fact["start"]) if day else None,
        "end": moment(day, fact["end"]) if day else None,
        "room": slug(fact["room"]) if fact["room"] else None,
        "track": track_of(fact["track_or_session_group"]),
        "speakers": [speaker_ids[name] for name in fact["speakers"]],
        "chairs": [speaker_ids[fact["moderator"]]] if fact.get("moderator") else [],
        "description": fact["summary"],
        # Each extra source URL the facts give (alt_urls may be null).
        "links": [link(url) for url in fact.get("alt_urls") or []],
        "source_url": fact["url"],
        "note": session_note(fact, item_id),
    }


def paper_note(fact: dict[str, Any], item_id: str) -> str | None:
    """The facts' certainty note for a paper, condensed into a few plain sentences."""
    source = fact["source_note"]
    if _SECOND_PASS.search(source):
        if item_id not in SECOND_PASS_NOTES:
            raise SystemExit(
                f"build_mlsys2025: paper {item_id!r} was updated by a later pass: "
                "write its note in SECOND_PASS_NOTES"
            )
        award = [AWARD_NOTES[item_id]] if fact.get("award") else []
        return " ".join([SECOND_PASS_NOTES[item_id], *award])
    parts: list[str] = []
    if "Title as written in an attendee's notes" in source:
        parts.append("Title not verified: taken from an attendee's notes.")
    if not fact["authors"]:
        parts.append("Authors not found in the sources read.")
    elif "lists the first five authors" in source:
        parts.append("First five authors from the official page, the rest from arXiv.")
    elif "may be shortened" in source:
        parts.append("Author list from greptalks.ai; it may be incomplete.")
    elif not re.search(r"[Aa]uthors( and session)? from (the )?official|proceedings", source):
        parts.append("Authors from a secondary source, not an official MLSys page.")
    if fact["session_group"] is None:
        parts.append("Oral session not known from the sources read.")
    elif "Session not confirmed" in source:
        parts.append("Oral session from greptalks.ai only, not confirmed elsewhere.")
    elif not re.search(r"official Session \d+ page", source, re.IGNORECASE):
        parts.append("Oral session from greptalks.ai.")
    if fact.get("award"):
        parts.append(AWARD_NOTES[item_id])
    return " ".join(parts) or None


def build_paper(fact: dict[str, Any]) -> dict[str, Any]:
    """One paper from its facts entry."""
    item_id = paper_id(fact["title"])
    group = fact["session_group"]
    award = fact.get("award")
    return {
        "id": item_id,
        "title": fact["title"],
        "authors": [{"name": name, "affiliation": None} for name in fact["authors"]],
        "url": fact["url"],
        "session": session_id(group) if group else None,
        # The award's provenance goes to the note; the field keeps the award's name.
        "award": award.split(" (")[0] if award else None,
        "topic": fact.get("topic"),
        "source_url": fact["url"],
        "note": paper_note(fact, item_id),
    }


def build_booth(fact: dict[str, Any], sessions: list[dict[str, Any]]) -> dict[str, Any]:
    """A sponsor booth; its related sessions are those announced on the sponsor's own page."""
    roles = fact.get("people_roles", {})
    location = fact["booth"]
    return {
        "id": slug(fact["name"]),
        "organisation": fact["name"],
        "level": fact["level"],
        "location": location,
        "description": fact["summary"],
        "people": [{"name": name, "role": roles.get(name)} for name in fact["people"]],
        "links": [],
        "sessions": [session["id"] for session in sessions if session["source_url"] == fact["url"]],
        "source_url": fact["url"],
        "note": (
            f"{fact['level']} level, booth and staff as stated on the sponsor's post about "
            "MLSys 2025." + (" Booth number or place not announced." if location is None else "")
        ),
    }


def build(facts: dict[str, Any]) -> dict[str, Any]:
    """The confterm program (as plain JSON data) for the given facts."""
    conference = facts["conference"]
    speakers = build_speakers(facts["sessions"])
    speaker_ids = {speaker["name"]: speaker["id"] for speaker in speakers}
    sessions = [build_session(fact, speaker_ids) for fact in facts["sessions"]]
    papers = [build_paper(fact) for fact in facts["papers"]]
    booths = [build_booth(fact, sessions) for fact in facts["sponsors"]]
    for collection in (speakers, sessions, papers, booths):
        ids = [item["id"] for item in collection]
        if len(ids) != len(set(ids)):
            raise SystemExit(f"build_mlsys2025: duplicate ids in {ids}")
    return {
        "format": "confterm/1",
        "conference": {
            "id": CONFERENCE_ID,
            "name": conference["name"],
            "short_name": conference["short_name"],
            "start_date": conference["start_date"],
            "end_date": conference["end_date"],
            "timezone": conference["timezone"],
            "venue": conference["venue"],
            "city": conference["city"],
            "url": conference["url"],
            "sources": facts["sources"],
            "note": (
                "Compiled from public pages. Only some sessions have announced times; poster "
                "sessions, breaks, socials and the full sponsor list were not found."
            ),
        },
        "rooms": [{"id": slug(name), "name": name} for name in facts["rooms"]],
        "tracks": [YPS_TRACK, ORAL_TRACK],
        "speakers": speakers,
        "sessions": sessions,
        "papers": papers,
        "booths": booths,
    }


def render(facts: dict[str, Any]) -> str:
    """The exact text of ``data/mlsys2025.json`` for the given facts."""
    return json.dumps(build(facts), indent=2, ensure_ascii=False) + "\n"


def main() -> int:
    """Read the facts, write the bundled file."""
    facts = json.loads(FACTS_PATH.read_text(encoding="utf-8"))
    OUTPUT_PATH.write_text(render(facts), encoding="utf-8")
    print(f"wrote {OUTPUT_PATH.relative_to(REPO_ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
