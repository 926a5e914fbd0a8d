"""Every command's arguments, declared here; the implementations are imported only when their
command runs.

Building the parser is part of every start, the app's included, so this module stays light:
a command module pulls in rich tables, search, records and exporters, which only that command
needs. Each sub-parser's ``handler`` is a :class:`Lazy` naming the function that runs it.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from importlib import import_module

from confterm.cli.lazy import Lazy
from confterm.cli.option_values import MAX_ALARM_MINUTES, window_minutes

#: What ``add(name, help=..., description=...)`` is: it makes one sub-parser with the global
#: options already on it.
AddCommand = Callable[..., argparse.ArgumentParser]

#: The names of :data:`confterm.export.FORMATS`, repeated so that declaring ``--format`` does
#: not import the exporters (a unit test keeps the two equal).
AGENDA_FORMATS = ("text", "markdown", "html", "ics", "json")

BOOKMARK_ACTIONS = ("add", "remove", "list", "export", "import", "compare")


#: The shells ``confterm completion`` writes a script for (confterm.cli.completion.SHELLS).
SHELLS = ("bash", "zsh", "fish")


class Completer:
    """An argcomplete completer: the function ``name`` of :mod:`confterm.cli.completion`,
    imported only when the shell asks for completions."""

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, **kwargs: object) -> list[str]:
        complete: Callable[..., list[str]] = getattr(
            import_module("confterm.cli.completion"), self.name
        )
        return complete(**kwargs)


def complete_with(action: argparse.Action, name: str) -> argparse.Action:
    """Offer the completions of ``name`` (see :class:`Completer`) for ``action``."""
    action.completer = Completer(name)  # type: ignore[attr-defined]
    return action


def declare(add: AddCommand) -> None:
    """Add every sub-command, in the order ``confterm --help`` lists them."""
    _program_commands(add)
    _now_command(add)
    _bookmark_commands(add)
    _agenda_commands(add)
    _import_commands(add)
    _shell_commands(add)


def _json_flag(parser: argparse._ActionsContainer) -> None:
    parser.add_argument("--json", action="store_true", help="machine-readable JSON output")


def _program_commands(add: AddCommand) -> None:
    from confterm.model.program import SessionKind

    def run(name: str) -> Lazy:
        return Lazy("confterm.cli.program_cmd", name)

    listing = add(
        "list",
        help="the sessions in time order, grouped by day",
        description="The sessions in time order, grouped by day; untimed sessions come last "
        "in their day, sessions with no known day at the end.",
    )
    listing.add_argument(
        "--day", metavar="DAY", help="one day: YYYY-MM-DD, a day number, today or tomorrow"
    )
    listing.add_argument(
        "--kind",
        choices=[kind.value for kind in SessionKind],
        metavar="KIND",
        help="only sessions of this kind: " + ", ".join(kind.value for kind in SessionKind),
    )
    listing.add_argument(
        "--search", metavar="TEXT", help="only sessions matching TEXT, best match first"
    )
    _json_flag(listing)
    listing.set_defaults(handler=run("run_list"))

    show = add(
        "show",
        help="one session with everything known about it",
        description="One session with everything known about it: when (dated in the display "
        "zone), room, track, speakers, chairs, description, papers, links and booths.",
    )
    complete_with(
        show.add_argument(
            "session_id",
            metavar="ID",
            help="a session id, short id or title words (see 'confterm list')",
        ),
        "session_ids",
    )
    _json_flag(show)
    show.set_defaults(handler=run("run_show"))

    booths = add(
        "booths",
        help="the sponsor and exhibitor booths",
        description="The sponsor and exhibitor booths of the selected conference, by "
        "organisation, with their level and location.",
    )
    _json_flag(booths)
    booths.set_defaults(handler=run("run_booths"))

    papers = add(
        "papers",
        help="the accepted papers and where they are presented",
        description="The accepted papers with their authors and the session (day and time) "
        "where each is presented.",
    )
    papers.add_argument("--search", metavar="TEXT", help="only papers matching TEXT")
    _json_flag(papers)
    papers.set_defaults(handler=run("run_papers"))

    validate = add(
        "validate",
        help="check a conference file; one line per problem",
        description="Check a conference file in confterm's format (see 'confterm schema'): "
        "a one-line summary when it is valid, else one line per problem and exit code 1.",
    )
    validate.add_argument("file", metavar="FILE", help="the conference file (JSON) to check")
    validate.set_defaults(handler=run("run_validate"))

    schema = add(
        "schema",
        help="print the JSON Schema of confterm's conference format (or of the agenda JSON)",
        description="Print the JSON Schema of confterm's conference format (the files that "
        "--data and 'confterm validate' read); with --agenda, of 'confterm agenda --format "
        "json'.",
    )
    schema.add_argument(
        "--agenda", action="store_true", help="the schema of the agenda JSON export"
    )
    schema.set_defaults(handler=run("run_schema"))


def _now_command(add: AddCommand) -> None:
    now = add(
        "now",
        help="one line: what is on now and next (for a tmux status line or a prompt)",
        description="What is on now and what comes next, in one line: your bookmarked "
        "sessions first, else the whole program. Prints nothing (exit 0) when nothing is on "
        "and nothing starts within the window.",
    )
    shape = now.add_mutually_exclusive_group()
    _json_flag(shape)
    shape.add_argument(
        "--format",
        metavar="TEMPLATE",
        help="print the first session (on now, else next) through TEMPLATE, e.g. "
        "'{title} · {room} · {start}'; fields: title, room, start, end, id, kind, state, "
        "left, more",
    )
    now.add_argument(
        "--window",
        metavar="MINUTES",
        type=_window_minutes,
        default=90,
        help="how far ahead 'next' looks (default: 90)",
    )
    now.set_defaults(handler=Lazy("confterm.cli.now_cmd", "run_now"))


def _window_minutes(text: str) -> int:
    try:
        return window_minutes(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _bookmark_commands(add: AddCommand) -> None:
    parser = add(
        "bookmark",
        help="add, remove, list, export, import or compare bookmarks",
        description="Bookmark sessions and booths of the selected conference by id (see "
        "'confterm list' and 'confterm booths'). An unknown id changes nothing. 'add -' reads "
        "the ids from stdin. 'export [-o FILE]' writes your bookmarks as JSON for a colleague; "
        "'import FILE' merges such a file into yours and names ids no longer in the program; "
        "'compare FILE' shows the sessions you share, theirs that clash with yours, and the "
        "rest.",
    )
    parser.add_argument(
        "action", choices=BOOKMARK_ACTIONS, help="add, remove, list, export, import or compare"
    )
    complete_with(
        parser.add_argument(
            "ids", nargs="*", metavar="ID", help="session or booth ids ('-': stdin), or the FILE"
        ),
        "item_ids",
    )
    parser.add_argument("--json", action="store_true", help="machine-readable JSON (list, compare)")
    parser.add_argument(
        "-o", "--output", metavar="FILE", help="export: write to FILE (atomically), not stdout"
    )
    parser.set_defaults(handler=Lazy("confterm.cli.bookmarks_cmd", "run_bookmark"))


def _agenda_commands(add: AddCommand) -> None:
    parser = add(
        "agenda",
        help="print or export your agenda (bookmarked sessions and booths)",
        description="Your bookmarked sessions by day, with clashes, sessions whose time is not "
        "announced yet, booths to visit and bookmarks that left the program.",
    )
    parser.add_argument(
        "--format",
        choices=AGENDA_FORMATS,
        default=None,
        help="output format (default: from the -o file's extension, else text)",
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write to FILE (atomically; '-' is stdout); .ics, .html, .md, .json or .txt "
        "choose the format",
    )
    parser.add_argument(
        "--all", action="store_true", help="the whole program instead of your bookmarks"
    )
    parser.add_argument(
        "--day", metavar="DAY", help="only this day: YYYY-MM-DD, 1, 2..., today or tomorrow"
    )
    parser.add_argument(
        "--alarm",
        metavar="MINUTES",
        type=_alarm_minutes,
        default=None,
        help="ics: add an alarm MINUTES before each session (at most 10080, one week)",
    )
    parser.add_argument(
        "--include-tba",
        action="store_true",
        help="ics: sessions with a day but no time as all-day, free-time events",
    )
    parser.set_defaults(handler=Lazy("confterm.cli.agenda_cmd", "run_agenda"))

    calendar = add(
        "calendar",
        help="keep an iCalendar file of your agenda current, for a calendar app to subscribe to",
        description="Register PATH (.ics): confterm writes your agenda there now and rewrites "
        "it whenever your bookmarks or the program change (app, CLI, refresh). Subscribe to "
        "the file in a calendar app (see the README). Without PATH, say where it writes.",
    )
    calendar.add_argument("path", nargs="?", metavar="PATH", help="the .ics file to keep current")
    calendar.add_argument("--off", action="store_true", help="stop rewriting the file")
    calendar.add_argument(
        "--alarm",
        metavar="MINUTES",
        type=_alarm_minutes,
        default=None,
        help="an alarm MINUTES before each session (default: 10)",
    )
    calendar.set_defaults(handler=Lazy("confterm.cli.agenda_cmd", "run_calendar"))


def _alarm_minutes(text: str) -> int:
    if not text.strip().isdigit():
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of minutes (0 or more)")
    value = int(text)
    # A bound keeps the alarm's offset representable (a huge one overflows timedelta).
    if value > MAX_ALARM_MINUTES:
        raise argparse.ArgumentTypeError(
            f"{text.strip()} minutes is too early for an alarm (at most {MAX_ALARM_MINUTES}, "
            "one week)"
        )
    return value


def _import_commands(add: AddCommand) -> None:
    def run(name: str) -> Lazy:
        return Lazy("confterm.cli.imports_cmd", name)

    imp = add(
        "import",
        help="import a schedule (frab/Pentabarf XML, frab/pretalx JSON, Sessionize, iCalendar)",
        description="Import a conference schedule from a file or an http(s) URL. "
        "The format is detected from the content. With --tz ZONE, naive times in the "
        "source are taken to be in ZONE.",
    )
    imp.add_argument("source", nargs="?", metavar="SOURCE", help="a file path or http(s) URL")
    imp.add_argument("--id", metavar="ID", help="the conference id to store it under")
    imp.add_argument(
        "--name",
        metavar="NAME",
        help="the conference's name (default: the file's; kept by re-imports and --refresh)",
    )
    imp.add_argument(
        "--refresh",
        metavar="ID",
        help="fetch the stored source of ID again and report what changed (bookmarked first)",
    )
    for action in imp._actions:
        # The global --tz (same dest) is the display zone elsewhere; here it is the source's.
        if action.dest == "tz":
            action.help = (
                "the source's zone: naive times in the source are in ZONE, an IANA name "
                "(default: the zone the source declares)"
            )
    imp.set_defaults(handler=run("run_import"))
    conferences = add(
        "conferences",
        help="list the bundled and imported conferences",
        description="List the bundled and imported conferences with their ids (for "
        "--conference), dates and where each came from.",
    )
    conferences.add_argument("--json", action="store_true", help="machine-readable JSON")
    conferences.set_defaults(handler=run("run_conferences"))
    remove = add(
        "remove",
        help="delete an imported conference",
        description="Delete an imported conference (bundled ones cannot be removed). Asks "
        "first unless --yes; its bookmarks are kept unless --purge.",
    )
    complete_with(
        remove.add_argument("conference_id", metavar="ID", help="the imported conference's id"),
        "conference_ids",
    )
    remove.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    remove.add_argument("--purge", action="store_true", help="also delete its bookmarks")
    remove.set_defaults(handler=run("run_remove"))


def _shell_commands(add: AddCommand) -> None:
    completion = add(
        "completion",
        help="print the shell completion script for bash, zsh or fish",
        description="Print the completion script for SHELL: commands, options, conference "
        "ids and session ids. bash: 'eval \"$(confterm completion bash)\"' in ~/.bashrc; "
        "zsh: the same in ~/.zshrc; fish: 'confterm completion fish | source' in "
        "~/.config/fish/config.fish.",
    )
    completion.add_argument("shell", choices=SHELLS, metavar="SHELL", help="bash, zsh or fish")
    completion.set_defaults(handler=Lazy("confterm.cli.completion", "run_completion"))
    man = add(
        "man",
        help="print the man page (e.g. 'confterm man | man -l -')",
        description="Print confterm's man page, generated from these options, in roff.",
    )
    man.set_defaults(handler=Lazy("confterm.cli.completion", "run_man"))
