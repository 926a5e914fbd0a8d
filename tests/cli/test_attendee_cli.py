"""The CLI shows the ids it asks for, takes titles, and words things right (issue 15,
items 2 and 17), run through the installed script."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from tty_run import run_on_tty

from confterm.store.bookmarks import BookmarkStore, ItemKind, LastKnown

RunCli = Callable[..., subprocess.CompletedProcess[str]]

CONFTERM = Path(sys.executable).parent / "confterm"
TINYCONF = str(Path(__file__).resolve().parents[1] / "data" / "tinyconf.json")
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def tiny(run_cli: RunCli, *args: str) -> subprocess.CompletedProcess[str]:
    return run_cli(*args, "--data", TINYCONF)


def marks(run_cli: RunCli) -> list[tuple[str, str]]:
    result = tiny(run_cli, "bookmark", "list", "--json")
    assert result.returncode == 0, result.stderr
    parsed: list[dict[str, Any]] = json.loads(result.stdout)
    return [(m["kind"], m["id"]) for m in parsed]


# --- show and bookmark add accept a short id or a title ----------------------------------------


def test_show_takes_the_short_id_that_list_prints(run_cli: RunCli) -> None:
    listing = tiny(run_cli, "list").stdout
    short = next(line.split()[0] for line in listing.splitlines() if "Parsing Schedules" in line)
    assert short != "parsing-schedules"  # shortened
    shown = tiny(run_cli, "show", short)
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.splitlines()[:2] == ["Parsing Schedules Without Tears", "parsing-schedules"]


def test_show_takes_words_of_a_title(run_cli: RunCli) -> None:
    shown = tiny(run_cli, "show", "schedules without tears")
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.startswith("Parsing Schedules Without Tears\n")


def test_show_lists_several_matches_and_exits_2(run_cli: RunCli) -> None:
    result = tiny(run_cli, "show", "keynote")
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "confterm: error: 'keynote' matches 2 sessions; give one of these ids:",
        "  opening  session  Opening Keynote: Terminals Forever",
        "  closing  session  Closing Keynote",
    ]


def test_bookmark_add_by_title_short_id_and_paper(run_cli: RunCli) -> None:
    added = tiny(run_cli, "bookmark", "add", "closing keynote", "parsing", "survive kill", "acme")
    assert added.returncode == 0, added.stderr
    assert added.stdout.splitlines() == [
        "bookmarked: session closing-keynote: Closing Keynote",
        "bookmarked: session parsing-schedules: Parsing Schedules Without Tears",
        "bookmarked: paper sqlite-bookmarks: Bookmarks That Survive kill -9",
        "bookmarked: booth acme: Acme Corp",
    ]
    assert set(marks(run_cli)) == {
        ("session", "closing-keynote"),
        ("session", "parsing-schedules"),
        ("paper", "sqlite-bookmarks"),
        ("booth", "acme"),
    }


def test_ambiguous_bookmark_add_changes_nothing(run_cli: RunCli) -> None:
    result = tiny(run_cli, "bookmark", "add", "lunch-1", "keynote")
    assert result.returncode == 2
    assert "'keynote' matches 2 items" in result.stderr
    assert "  opening  session  Opening Keynote: Terminals Forever" in result.stderr
    assert marks(run_cli) == []


def test_bookmark_list_shows_short_ids_and_starred_papers(run_cli: RunCli) -> None:
    assert tiny(run_cli, "bookmark", "add", "parsing-schedules", "orphan-paper").returncode == 0
    lines = tiny(run_cli, "bookmark", "list").stdout.splitlines()
    assert "  parsing  Sat 7 Mar  10:30–11:15  Parsing Schedules Without Tears  · Room A" in lines
    papers = lines.index("Starred papers")
    assert lines[papers + 1] == (
        "  orphan-paper  A Paper Without a Session  @ session not announced"
    )


def test_bookmark_list_json_room_has_the_shape_of_list_json(run_cli: RunCli) -> None:
    assert tiny(run_cli, "bookmark", "add", "fast-lists").returncode == 0
    (mark,) = json.loads(tiny(run_cli, "bookmark", "list", "--json").stdout)
    listed = json.loads(tiny(run_cli, "list", "--json").stdout)["sessions"]
    posters = next(s for s in listed if s["id"] == "posters-a")
    # A paper is placed by the session presenting it.
    assert mark["kind"] == "paper"
    assert mark["room"] == posters["room"] == {"id": "hall-b", "name": "Hall B"}
    assert mark["start"] == posters["start"]


# --- bookmark remove reads its arguments as bookmark add does ----------------------------------


def piped(data_dir: Path, stdin: str, *args: str) -> subprocess.CompletedProcess[str]:
    """``confterm ARGS --data tinyconf.json`` with ``stdin`` piped in."""
    return subprocess.run(
        [str(CONFTERM), *args, "--data", TINYCONF],
        input=stdin,
        capture_output=True,
        text=True,
        env={**os.environ, "CONFTERM_DATA_DIR": str(data_dir)},
        check=False,
        timeout=60,
    )


def test_bookmark_remove_takes_the_short_id_that_list_prints_and_title_words(
    run_cli: RunCli,
) -> None:
    added = tiny(run_cli, "bookmark", "add", "opening-keynote", "parsing-schedules", "acme")
    assert added.returncode == 0, added.stderr
    listed = tiny(run_cli, "bookmark", "list").stdout
    short = next(line.split()[0] for line in listed.splitlines() if "Terminals Forever" in line)
    assert short == "opening"  # as list prints it, not the id

    removed = tiny(run_cli, "bookmark", "remove", short, "schedules without tears")
    assert removed.returncode == 0, removed.stderr
    assert removed.stdout.splitlines() == [
        "removed: session opening-keynote",
        "removed: session parsing-schedules",
    ]
    assert marks(run_cli) == [("booth", "acme")]


def test_ambiguous_bookmark_remove_lists_matches_and_changes_nothing(run_cli: RunCli) -> None:
    added = tiny(run_cli, "bookmark", "add", "opening-keynote", "closing-keynote")
    assert added.returncode == 0, added.stderr
    result = tiny(run_cli, "bookmark", "remove", "opening", "keynote")
    assert result.returncode == 2
    assert result.stdout == ""
    assert "'keynote' matches 2 items" in result.stderr
    assert "  opening  session  Opening Keynote: Terminals Forever" in result.stderr
    assert "  closing  session  Closing Keynote" in result.stderr
    assert set(marks(run_cli)) == {("session", "opening-keynote"), ("session", "closing-keynote")}


def test_bookmark_remove_dash_reads_ids_from_stdin(
    isolated_user_data: Path, run_cli: RunCli
) -> None:
    added = tiny(run_cli, "bookmark", "add", "opening-keynote", "caches-talk", "acme", "lunch-1")
    assert added.returncode == 0, added.stderr
    removed = piped(
        isolated_user_data, "opening\n# a comment\nacme, caches-talk\n", "bookmark", "remove", "-"
    )
    assert removed.returncode == 0, removed.stderr
    assert marks(run_cli) == [("session", "lunch-1")]
    empty = piped(isolated_user_data, "\n", "bookmark", "remove", "-")
    assert empty.returncode == 2
    assert empty.stderr == "confterm: error: bookmark remove -: no ids on stdin\n"
    unknown = piped(isolated_user_data, "lunch-1 nope\n", "bookmark", "remove", "-")
    assert unknown.returncode == 1
    assert "'nope'" in unknown.stderr
    assert marks(run_cli) == [("session", "lunch-1")]


def test_a_bookmark_that_left_the_program_is_removed_by_its_full_id(
    isolated_user_data: Path, run_cli: RunCli
) -> None:
    with BookmarkStore.open(isolated_user_data) as store:
        store.add("tinyconf", ["closing", "closing-keynote"])
        # Its id is also the short id of a session still bookmarked: the bookmark's id wins.
        store.remember("tinyconf", {(ItemKind.SESSION, "closing"): LastKnown("Closing Keynote")})
    removed = tiny(run_cli, "bookmark", "remove", "closing")
    assert removed.returncode == 0, removed.stderr
    assert removed.stdout == "removed: session closing\n"
    assert marks(run_cli) == [("session", "closing-keynote")]


# --- global options after the subcommand, --day today|tomorrow ---------------------------------


def test_global_options_work_after_the_subcommand(run_cli: RunCli) -> None:
    added = run_cli("bookmark", "add", "--data", TINYCONF, "lunch-1", "--tz", "UTC", "acme")
    assert added.returncode == 0, added.stderr
    assert set(marks(run_cli)) == {("session", "lunch-1"), ("booth", "acme")}
    conference = run_cli("bookmark", "add", "--conference", "mlsys2025", "flashinfer")
    assert conference.returncode == 0, conference.stderr
    assert "bookmarked: paper flashinfer" in conference.stdout


@pytest.mark.parametrize("zone", ["", "  ", "Nowhere/Zone"])
def test_an_empty_tz_is_a_usage_error_like_an_unknown_one(run_cli: RunCli, zone: str) -> None:
    # Refused as the arguments are read, so also by commands that show no time.
    commands: list[tuple[str, ...]] = [("list",), ("now",), ("bookmark", "add", "lunch-1")]
    for args in commands:
        result = tiny(run_cli, *args, "--tz", zone)
        assert result.returncode == 2, (args, result.stderr)
        assert result.stdout == ""
        assert result.stderr.startswith("confterm: error:")
        assert len(result.stderr.splitlines()) == 1
        assert "time zone" in result.stderr
    assert marks(run_cli) == []


def _commands_taking_tz() -> list[tuple[str, ...]]:
    """Every command whose parser has ``--tz`` (``bookmark``'s actions are one of its
    arguments), found by walking the real parser, so that a command added later is covered."""
    import argparse

    from confterm.cli import build_parser

    found: list[tuple[str, ...]] = []

    def walk(parser: argparse.ArgumentParser, words: tuple[str, ...]) -> None:
        if words and any("--tz" in action.option_strings for action in parser._actions):
            found.append(words)
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, sub in action.choices.items():
                    walk(sub, (*words, name))

    walk(build_parser(), ())
    return found


def test_every_command_with_tz_refuses_an_unknown_zone(run_cli: RunCli) -> None:
    commands = _commands_taking_tz()
    assert {("list",), ("now",), ("import",), ("bookmark",)} <= set(commands)
    for words in [(), *commands]:
        # Before the command's own arguments, so that a missing one (import's SOURCE) is not
        # what is refused.
        action = ("add", "lunch-1") if words == ("bookmark",) else ()
        result = run_cli(*words, "--tz", "Nowhere/Zone", *action, "--data", TINYCONF)
        assert result.returncode == 2, (words, result.stdout, result.stderr)
        assert result.stdout == ""
        (line,) = result.stderr.splitlines()
        assert line.startswith(
            "confterm: error: argument --tz: unknown time zone 'Nowhere/Zone' (use conference, "
            "local or an IANA name)"
        ), (words, line)
    assert marks(run_cli) == []


def test_day_today_and_tomorrow_follow_the_clock(run_cli: RunCli) -> None:
    def days(spec: str) -> set[str]:
        result = tiny(run_cli, "list", "--day", spec, "--now", "2026-03-08T12:00", "--json")
        assert result.returncode == 0, result.stderr
        return {s["day"] for s in json.loads(result.stdout)["sessions"]}

    assert days("today") == {"2026-03-08"}
    assert days("tomorrow") == {"2026-03-09"}
    after = tiny(run_cli, "list", "--day", "tomorrow", "--now", "2026-03-09T12:00")
    assert after.returncode == 2
    assert after.stderr == (
        "confterm: error: --day tomorrow: 2026-03-10 is not a day of the conference "
        "(2026-03-07 to 2026-03-09)\n"
    )


# --- wording and tables -----------------------------------------------------------------------


def test_counts_agree_with_their_nouns(run_cli: RunCli) -> None:
    one = tiny(run_cli, "list", "--search", "tears").stdout
    assert one.startswith("1 session matching 'tears'")
    assert tiny(run_cli, "list", "--search", "zzz").stdout == "No session matches 'zzz'.\n"


def test_conferences_is_a_table_with_readable_dates(run_cli: RunCli) -> None:
    out = run_cli("conferences").stdout
    assert re.search(
        r"^  mlsys2025 +Eighth Conference .* +12–15 May 2025 +22 sessions +bundled$", out, re.M
    ), out


def test_timed_and_tba_tables_line_up_on_a_terminal(isolated_user_data: Path) -> None:
    out = run_on_tty(
        "list",
        "--data",
        TINYCONF,
        "--day",
        "1",
        env={"CONFTERM_DATA_DIR": str(isolated_user_data), "NO_COLOR": "1"},
    )
    lines = [ANSI.sub("", line).rstrip() for line in out.replace("\r", "").splitlines()]
    timed = next(line for line in lines if "Clashing Talk" in line and "Invited" in line)
    tba = next(line for line in lines if "Lightning Talks" in line)
    # The title starts in the same column in both tables (the TBA row shows no kind: its
    # title says it).
    assert timed.index("Clashing Talk") == tba.index("Lightning Talks")


# --- the conference used last opens by default (item 14) --------------------------------------

IMPORT_SAMPLE = Path(__file__).resolve().parents[1] / "data" / "import" / "frab_midnight.xml"


def conference_of(run_cli: RunCli, *args: str, env: dict[str, str | None] | None = None) -> str:
    result = run_cli("list", "--json", *args, env=env or {"CONFTERM_CONFERENCE": None})
    assert result.returncode == 0, result.stderr
    conference: str = json.loads(result.stdout)["conference"]
    return conference


def test_an_import_is_opened_by_the_next_commands(run_cli: RunCli) -> None:
    assert conference_of(run_cli) == "mlsys2025"
    done = run_cli("import", str(IMPORT_SAMPLE))
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == (
        "confterm now opens nc24 unless told otherwise (--conference ID)"
    )
    assert conference_of(run_cli) == "nc24"
    # Naming another one makes it the last used...
    assert conference_of(run_cli, "--conference", "mlsys2025") == "mlsys2025"
    assert conference_of(run_cli) == "mlsys2025"
    # ...and the environment wins over the last used, without changing it.
    assert conference_of(run_cli, env={"CONFTERM_CONFERENCE": "nc24"}) == "nc24"
    assert conference_of(run_cli) == "mlsys2025"


def test_a_removed_last_conference_falls_back_to_the_bundled_one(run_cli: RunCli) -> None:
    assert run_cli("import", str(IMPORT_SAMPLE)).returncode == 0
    assert run_cli("remove", "nc24", "--yes").returncode == 0
    assert conference_of(run_cli) == "mlsys2025"


def test_a_data_file_is_not_remembered(run_cli: RunCli) -> None:
    assert conference_of(run_cli, "--data", TINYCONF) == "tinyconf"
    assert conference_of(run_cli) == "mlsys2025"
