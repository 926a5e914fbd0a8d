"""The main screen's keys: what each does, its description (shown in the key bar and help) and
its id (by which keymap.toml rebinds it)."""

from __future__ import annotations

from textual.binding import Binding, BindingType

MAIN_BINDINGS: list[BindingType] = [
    Binding(
        "b,space",
        "toggle_mark",
        "Bookmark",
        tooltip="Bookmark session / mark booth to visit",
        id="main.bookmark",
    ),
    Binding(
        "left,left_square_bracket",
        "prev_tab",
        "Previous day",
        tooltip="Previous day (or tab)",
        show=False,
        priority=True,
        id="main.previous_day",
    ),
    Binding(
        "right,right_square_bracket",
        "next_tab",
        "Day",
        tooltip="Next day (or tab)",
        key_display="←→",
        priority=True,
        id="main.next_day",
    ),
    Binding("a", "show_tab('agenda')", "Agenda", tooltip="My agenda", id="main.agenda"),
    Binding(
        "slash",
        "open('search')",
        "Search",
        tooltip="Search sessions, speakers, booths",
        id="main.search",
    ),
    Binding("n", "open('now_next')", "Now", tooltip="Now & next", show=False, id="main.now_next"),
    Binding(
        "g",
        "open('grid')",
        "Grid",
        tooltip="The day as a timetable grid",
        show=False,
        id="main.grid",
    ),
    # Shown in the key bar on My agenda only (check_action hides it elsewhere); the second
    # binding, without a description (so not in help twice), keeps p working on every tab.
    Binding(
        "p",
        "export_agenda",
        "Export",
        tooltip="Export my agenda, the program or a day to a file",
        id="main.export",
    ),
    Binding("p", "open('export')", "", show=False, id="main.export_elsewhere"),
    Binding(
        "f",
        "open('filters')",
        "Filter",
        tooltip="Filter the days' lists",
        show=False,
        id="main.filters",
    ),
    Binding("x", "clear_filters", "Clear filters", show=False, id="main.clear_filters"),
    Binding(
        "t",
        "toggle_zone",
        "Zone",
        tooltip="Conference / local time",
        show=False,
        id="main.zone",
    ),
    Binding(
        "s",
        "open('speaker')",
        "Speakers",
        tooltip="The session's speakers",
        show=False,
        id="main.speaker",
    ),
    Binding("B", "show_tab('booths')", "Booths", id="main.booths"),
    Binding("P", "show_tab('papers')", "Papers", id="main.papers"),
    Binding(
        "escape",
        "back",
        "Back",
        tooltip="From the detail pane back to the list",
        show=False,
        id="main.back",
    ),
    *[
        Binding(str(n), f"day({n})", f"Day {n}", tooltip=f"Day {n}", show=False, id=f"main.day_{n}")
        for n in range(1, 10)
    ],
]
