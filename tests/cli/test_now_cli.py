"""``confterm now``: one line for a status bar, bookmarks first, nothing when nothing is on."""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import pytest

RunCli = Callable[..., "subprocess.CompletedProcess[str]"]
TINYCONF = Path(__file__).resolve().parents[1] / "data" / "tinyconf.json"

DATA = ("--data", str(TINYCONF))
# TinyConf, Saturday 7 March 2026 (New York): keynote 09:00-10:00 in Main Hall; "parsing
# schedules" 10:30-11:15 in Room A and the caches talk 10:45-11:30 in Room B.
DURING_KEYNOTE = "2026-03-07T09:40"
DURING_BOTH_TALKS = "2026-03-07T10:50"


def test_prints_what_is_on_and_what_is_next_in_one_line(run_cli: RunCli) -> None:
    done = run_cli("now", *DATA, "--now", DURING_KEYNOTE)
    assert done.returncode == 0, done.stderr
    assert done.stdout.count("\n") == 1
    line = done.stdout.rstrip("\n")
    assert line.startswith("Now: Opening Keynote")
    assert "(20 min left)" in line
    assert "Next 10:30: " in line
    assert "Room A" in line


@pytest.mark.parametrize("when", ["2026-03-01T12:00", "2026-03-07T17:00", "2026-04-01T12:00"])
@pytest.mark.parametrize("shape", [[], ["--json"], ["--format", "{title}"]])
def test_prints_nothing_and_succeeds_when_nothing_is_on(
    run_cli: RunCli, when: str, shape: list[str]
) -> None:
    done = run_cli("now", *DATA, "--now", when, *shape)
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")


def test_the_format_string_names_fields_of_the_first_session(run_cli: RunCli) -> None:
    done = run_cli(
        "now", *DATA, "--now", DURING_BOTH_TALKS, "--format", "{title} · {room} · {start} {more}"
    )
    assert done.returncode == 0, done.stderr
    title = json.loads(TINYCONF.read_text())["sessions"][2]["title"]
    # Both talks are on; the one ending first is shown, the other counted.
    assert done.stdout == f"{title} · Room A · 10:30 +1 more\n"


def test_the_format_string_shows_the_next_session_when_none_is_on(run_cli: RunCli) -> None:
    done = run_cli("now", *DATA, "--now", "2026-03-07T10:10", "--format", "{state} {left} {id}")
    assert done.stdout == "next in 20 min parsing-schedules\n"


@pytest.mark.parametrize(
    "template", ["{title.__class__}", "{nope}", "{title[0]}", "{title", "{room:{start}}"]
)
def test_a_bad_format_string_is_a_usage_error(run_cli: RunCli, template: str) -> None:
    done = run_cli("now", *DATA, "--now", DURING_KEYNOTE, "--format", template)
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.startswith("confterm: error: --format: ")
    assert done.stderr.count("\n") == 1


def test_bookmarked_sessions_come_first(run_cli: RunCli) -> None:
    added = run_cli("bookmark", "add", "caches-talk", *DATA)
    assert added.returncode == 0, added.stderr
    done = run_cli("now", *DATA, "--now", DURING_BOTH_TALKS, "--json")
    result = json.loads(done.stdout)
    assert result["source"] == "bookmarks"
    assert [s["id"] for s in result["now"]] == ["caches-talk"]
    assert result["now"][0]["minutes_left"] == 40
    # With no bookmarked session on or near, the whole program is shown.
    later = json.loads(run_cli("now", *DATA, "--now", "2026-03-07T13:30", "--json").stdout)
    assert later["source"] == "program"
    assert [s["id"] for s in later["next"]] == ["posters-a"]


def test_json_lists_every_session_on_and_next(run_cli: RunCli) -> None:
    done = run_cli("now", *DATA, "--now", DURING_BOTH_TALKS, "--json")
    result = json.loads(done.stdout)
    assert result["conference"] == "tinyconf"
    assert result["zone"] == "America/New_York"
    assert [s["id"] for s in result["now"]] == ["parsing-schedules", "caches-talk"]
    assert [s["id"] for s in result["next"]] == ["lunch-1"]
    assert result["now"][0]["start"] == "2026-03-07T10:30:00-05:00"


def test_the_window_sets_how_far_next_looks(run_cli: RunCli) -> None:
    at = "2026-03-07T13:00"  # posters start at 14:00
    assert run_cli("now", *DATA, "--now", at, "--window", "30").stdout == ""
    assert "Next 14:00" in run_cli("now", *DATA, "--now", at, "--window", "60").stdout
    assert run_cli("now", *DATA, "--window", "0").returncode == 2


def test_json_and_format_exclude_each_other(run_cli: RunCli) -> None:
    done = run_cli("now", *DATA, "--json", "--format", "{title}")
    assert done.returncode == 2


# -- the timeline (confterm.glance): same answers, never a stale one ------------------------


def _timeline_file(cache_dir: Path, source: Path) -> Path:
    from confterm.glance.timeline import timeline_path

    return Path(timeline_path(cache_dir / "programs", source))


def _settled_copy(folder: Path, content: bytes) -> Path:
    # A program file written this instant is not trusted yet (a change within the same tick
    # of the file system's clock could keep its stamp): let it settle.
    path = folder / "program.json"
    path.write_bytes(content)
    time.sleep(0.2)
    return path


SHAPES = [
    [],
    ["--json"],
    ["--format", "{title}|{room}|{start}|{end}|{id}|{kind}|{state}|{left}|{more}"],
]
MOMENTS = [
    DURING_KEYNOTE,
    DURING_BOTH_TALKS,
    "2026-03-07T10:10",
    "2026-03-07T13:30",
    "2026-03-08T09:00",
]


def test_the_answer_is_the_same_with_and_without_a_kept_timeline(
    run_cli: RunCli, tmp_path: Path
) -> None:
    unwritable = tmp_path / "not-a-folder"
    unwritable.write_text("a file where the cache folder would be")
    assert run_cli("bookmark", "add", "caches-talk", *DATA).returncode == 0
    for when in MOMENTS:
        for shape in SHAPES:
            argv = ("now", *DATA, "--now", when, *shape)
            # No timeline can be kept: it is made from the loaded program on each run.
            made = run_cli(*argv, env={"CONFTERM_CACHE_DIR": str(unwritable)})
            first = run_cli(*argv)  # makes the timeline and keeps it
            warm = run_cli(*argv)  # answers from the kept timeline
            assert made.returncode == first.returncode == warm.returncode == 0
            assert made.stdout == first.stdout == warm.stdout, (when, shape)
            assert made.stderr == first.stderr == warm.stderr == ""


def test_a_changed_program_file_is_never_answered_from_its_old_timeline(
    run_cli: RunCli, tmp_path: Path, isolated_user_data: Path
) -> None:
    source = _settled_copy(tmp_path, TINYCONF.read_bytes())
    argv = ("now", "--data", str(source), "--now", DURING_KEYNOTE, "--format", "{title}")
    assert run_cli(*argv).stdout == "Opening Keynote: Terminals Forever\n"
    kept = _timeline_file(Path(os.environ["CONFTERM_CACHE_DIR"]), source)
    assert kept.is_file()
    # Same size, same second: only the stamp's finer parts tell the two apart.
    source.write_bytes(TINYCONF.read_bytes().replace(b"Opening Keynote", b"Opening Remarks"))
    assert run_cli(*argv).stdout == "Opening Remarks: Terminals Forever\n"
    time.sleep(0.2)
    assert run_cli(*argv).stdout == "Opening Remarks: Terminals Forever\n"  # made again, and kept
    assert _meta(kept)["stamp"].endswith(str(source.stat().st_ctime_ns))


def _meta(path: Path) -> dict[str, str]:
    with contextlib.closing(sqlite3.connect(path)) as conn:
        return dict(conn.execute("SELECT key, value FROM meta"))


@pytest.mark.parametrize("damage", ["garbage", "truncated", "no sessions table", "other code"])
def test_a_damaged_timeline_is_ignored_and_made_again(
    run_cli: RunCli, tmp_path: Path, damage: str
) -> None:
    source = _settled_copy(tmp_path, TINYCONF.read_bytes())
    argv = ("now", "--data", str(source), "--now", DURING_BOTH_TALKS, "--json")
    expected = run_cli(*argv)
    kept = _timeline_file(Path(os.environ["CONFTERM_CACHE_DIR"]), source)
    assert kept.is_file()
    if damage == "garbage":
        kept.write_bytes(b"not a timeline" * 100)
    elif damage == "truncated":
        kept.write_bytes(kept.read_bytes()[:3000])
    else:
        with contextlib.closing(sqlite3.connect(kept)) as conn:
            if damage == "no sessions table":
                conn.execute("DROP TABLE sessions")
            else:
                conn.execute("UPDATE meta SET value = 'another' WHERE key = 'code'")
            conn.commit()
    again = run_cli(*argv)
    assert (again.returncode, again.stdout, again.stderr) == (0, expected.stdout, "")
    assert json.loads(again.stdout)["now"][0]["id"] == "parsing-schedules"
    # And the next run finds a sound one.
    assert _meta(kept)["code"] != "another"
    assert run_cli(*argv).stdout == expected.stdout


def test_a_line_that_only_mentions_now_is_read_by_the_full_parser(run_cli: RunCli) -> None:
    # A plain `now` is read without the parser (cli/now_args.py); anything else is the parser's.
    listed = run_cli("--theme", "now", "list", *DATA)
    assert listed.returncode == 0, listed.stderr
    assert "Opening Keynote" in listed.stdout
    helped = run_cli("--help", "now")
    assert helped.returncode == 0
    assert "bookmark" in helped.stdout  # the full help, every command in it
    bad = run_cli("now", *DATA, "--window", "x")
    assert bad.returncode == 2
    assert bad.stderr == (
        "confterm: error: argument --window: 'x' is not a whole number of minutes from 1 to "
        "10080 (see 'confterm now --help')\n"
    )


# -- times in another display zone (the conference's come from the timeline itself) ---------


@pytest.mark.parametrize("how", ["flag", "environment", "settings"])
def test_times_are_shown_in_the_zone_asked_for(run_cli: RunCli, how: str, tmp_path: Path) -> None:
    # The talks at 10:30 and 10:45 in New York (UTC-5) are at 15:30 and 15:45 in London.
    args = ["now", *DATA, "--now", "2026-03-07T10:10-05:00"]
    env: dict[str, str | None] = {"CONFTERM_TZ": None}
    if how == "flag":
        args += ["--tz", "Europe/London"]
    elif how == "environment":
        env["CONFTERM_TZ"] = "Europe/London"
    else:
        (tmp_path / "config").mkdir()
        (tmp_path / "config" / "settings.toml").write_text('zone = "Europe/London"\n')
        env["CONFTERM_CONFIG_DIR"] = str(tmp_path / "config")
    for _ in range(2):  # made, then answered from the kept timeline
        done = run_cli(*args, "--format", "{start} {end}", env=env)
        assert (done.returncode, done.stdout, done.stderr) == (0, "15:30 16:15\n", "")
    assert "Next 15:30: " in run_cli(*args, env=env).stdout
    result = json.loads(run_cli(*args, "--json", env=env).stdout)
    assert result["zone"] == "Europe/London"
    assert result["next"][0]["start"] == "2026-03-07T15:30:00+00:00"
    # The conference's own zone, asked for by name, is shown as the default is.
    ny = run_cli("now", *DATA, "--now", "2026-03-07T10:10-05:00", "--tz", "conference", env=env)
    assert "Next 10:30: " in ny.stdout


def test_a_naive_moment_is_read_in_the_conference_zone(run_cli: RunCli) -> None:
    for _ in range(2):  # made, then answered from the kept timeline
        done = run_cli("now", *DATA, "--now", "2026-03-07T10:10", "--format", "{left}")
        assert (done.returncode, done.stdout) == (0, "in 20 min\n")
