"""The CLI shows the ids it asks for, takes titles, and words things right (issue 15,
items 2 and 17), run through the installed script."""

from __future__ import annotations

import json
import re
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tty_run import run_on_tty

RunCli = Callable[..., subprocess.CompletedProcess[str]]

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


# --- global options after the subcommand, --day today|tomorrow ---------------------------------


def test_global_options_work_after_the_subcommand(run_cli: RunCli) -> None:
    added = run_cli("bookmark", "add", "--data", TINYCONF, "lunch-1", "--tz", "UTC", "acme")
    assert added.returncode == 0, added.stderr
    assert set(marks(run_cli)) == {("session", "lunch-1"), ("booth", "acme")}
    conference = run_cli("bookmark", "add", "--conference", "mlsys2025", "flashinfer")
    assert conference.returncode == 0, conference.stderr
    assert "bookmarked: paper flashinfer" in conference.stdout


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
