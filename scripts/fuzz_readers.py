"""Fuzzing every schedule reader and ``validate`` with mutated real files.

Each round takes a real file (the conformance samples in ``../shared/conformance``, the import
samples in ``tests/data/import``, confterm's own programs), mutates it as an attacker would
(flipped and deleted bytes, spliced hostile snippets: deep nesting, huge numbers, lone
surrogates, escape sequences, absurd offsets and zone names) and feeds it to the importer
dispatch and to confterm's own JSON loader. The only outcomes allowed are a program or
confterm's own error; anything else is a finding, printed with the file and the seed that
reproduce it.

    uv run python scripts/fuzz_readers.py --runs 5000 --seed 1

The test suite draws a few dozen of the same mutations through hypothesis
(tests/unit/test_hostile_fuzz.py); this script is for long runs outside it.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from pathlib import Path

from confterm.errors import ConftermError

REPO_ROOT = Path(__file__).resolve().parents[1]
CONFORMANCE = REPO_ROOT.parent / "shared" / "conformance"
SAMPLE_SUFFIXES = (".xml", ".json", ".ics")

#: Pieces an attacker splices into a file: structure, numbers, text and times no reader expects.
HOSTILE_SNIPPETS: tuple[bytes, ...] = (
    b"[" * 5000,
    b"{" * 3000,
    b'{"a":' * 3000,
    b"<a>" * 5000,
    b"9" * 5000,
    b"-" + b"1" * 4400,
    b"1e99999",
    b'"\\ud800"',
    b"\\ud800",
    b"\\udfff\\ud800",
    b"\xed\xa0\x80",
    b"\x1b]52;c;ZXZpbA==\x07",
    b"\x1b]0;pwned\x07",
    b"\x1b[2J\x1b[H",
    b"\xc2\x9b31m\xc2\x9d0;t\xc2\x9c",
    b"\xe2\x80\xae\xe2\x81\xa6",
    b"[bold red]x[/]",
    b"\x00\x7f\r",
    b"+25:00",
    b"-23:59",
    b"+14:01",
    b"T99:99:99",
    b"0000-00-00",
    b"9999-12-31T23:59:59+14:00",
    b"0001-01-01T00:00:00-14:00",
    b"America",
    b"Etc",
    b"../../../../etc/passwd",
    b"A" * 300,
    b"TZID=America:",
    b"TZID=" + b"x" * 300 + b":",
    b"DTSTART;TZID=Europe:20200101T100000\r\n",
    b"DTSTART:99999999T999999Z\r\n",
    b"DURATION:P99999999D\r\n",
    b"BEGIN:VEVENT\r\n" * 50,
    b"END:VCALENDAR\r\n",
    b"<!DOCTYPE x [<!ENTITY a 'aaaa'>]>",
    b"&a;&#0;&#x1b;&#xd800;",
    b"<![CDATA[\x1b[31m]]>",
    b"null",
    b"true",
    b"[]",
    b"{}",
    b'""',
    b"-1",
    b"1" * 20,
    b"javascript:alert(1)",
    b"file:///etc/passwd",
)


def seed_files(*, max_bytes: int | None = None) -> list[Path]:
    """The real files mutations start from (each at most ``max_bytes`` when given)."""
    found = sorted((REPO_ROOT / "tests" / "data" / "import").iterdir())
    found += [REPO_ROOT / "tests" / "data" / "tinyconf.json"]
    found += sorted((REPO_ROOT / "tests" / "data" / "invalid").iterdir())
    if CONFORMANCE.is_dir():
        found += sorted(p for p in CONFORMANCE.iterdir() if p.suffix in SAMPLE_SUFFIXES)
    return [
        p for p in found if p.is_file() and (max_bytes is None or p.stat().st_size <= max_bytes)
    ]


def mutate(data: bytes, rng: random.Random, rounds: int | None = None) -> bytes:
    """``data`` changed ``rounds`` times (1 to 4 when None) by one of the mutations below."""
    buffer = bytearray(data)
    for _ in range(rounds if rounds is not None else rng.randint(1, 4)):
        where = rng.randrange(len(buffer) + 1)
        choice = rng.randrange(7)
        if choice == 0:  # splice a hostile snippet
            buffer[where:where] = rng.choice(HOSTILE_SNIPPETS)
        elif choice == 1:  # replace a stretch by a hostile snippet
            buffer[where : where + rng.randint(1, 40)] = rng.choice(HOSTILE_SNIPPETS)
        elif choice == 2 and buffer:  # flip bytes
            for _ in range(rng.randint(1, 8)):
                buffer[rng.randrange(len(buffer))] = rng.randrange(256)
        elif choice == 3:  # delete a stretch
            del buffer[where : where + rng.randint(1, 200)]
        elif choice == 4:  # truncate
            del buffer[where:]
        elif choice == 5 and len(buffer) > 2:  # duplicate a stretch
            start = rng.randrange(len(buffer) - 1)
            buffer[where:where] = buffer[start : start + rng.randint(1, 400)]
        else:  # put a snippet inside a quoted value, where text fields live
            quote = buffer.find(b'"', where)
            at = quote + 1 if quote >= 0 else where
            buffer[at:at] = rng.choice(HOSTILE_SNIPPETS)
    return bytes(buffer)


def feed(raw: bytes, label: str) -> str:
    """Run ``raw`` through the import dispatch and the program loader; the outcome's name.

    "program" or "error" are allowed; an exception of any other type propagates.
    """
    from confterm.model.loading import load_program_bytes
    from confterm.sources import import_bytes

    outcomes = []
    for read in (
        lambda: import_bytes(raw, label, conference_id=None, tz=None),
        lambda: import_bytes(raw, label, conference_id="fuzz", tz="Europe/Berlin"),
        lambda: load_program_bytes(raw, label),
    ):
        try:
            read()
            outcomes.append("program")
        except ConftermError as error:
            # The message itself must be safe to print: no escape or control character.
            for line in error.lines():
                assert line.isprintable(), f"unclean error line: {line!r}"
            outcomes.append("error")
    return "program" if "program" in outcomes else "error"


def main(argv: list[str] | None = None) -> int:
    """Run the fuzzer; exit 1 when any input raised something else than confterm's error."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--max-bytes", type=int, default=None, help="skip larger seed files")
    args = parser.parse_args(argv)
    seeds = seed_files(max_bytes=args.max_bytes)
    contents = {path: path.read_bytes() for path in seeds}
    outcomes: Counter[str] = Counter()
    findings: Counter[str] = Counter()
    started = time.monotonic()
    for run in range(args.runs):
        rng = random.Random(args.seed * 1_000_003 + run)  # noqa: S311 (reproducible, not secret)
        path = rng.choice(seeds)
        raw = mutate(contents[path], rng)
        try:
            outcomes[feed(raw, path.name)] += 1
        except Exception as error:  # the finding this script looks for
            kind = f"{type(error).__name__}: {str(error)[:120]}"
            findings[kind] += 1
            outcomes["uncaught"] += 1
            print(f"run {run} ({path.name}, seed {args.seed}): {kind}", file=sys.stderr)
    elapsed = time.monotonic() - started
    print(
        f"{args.runs} mutated inputs from {len(seeds)} files in {elapsed:.0f} s: "
        f"{outcomes['program']} programs, {outcomes['error']} confterm errors, "
        f"{outcomes['uncaught']} uncaught exceptions"
    )
    for kind, count in findings.most_common():
        print(f"  {count:5d}  {kind}")
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
