"""The grid's columns at scale (issue 15, item 10): their width, and headers that tell rooms
apart when their names differ only far in (38C3's two "Saal A - Lötstationen …")."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from confterm.model.program import Program
from confterm.present.grid_layout import (
    MAX_COLUMN_WIDTH,
    MIN_COLUMN_WIDTH,
    GridColumn,
    build_layout,
    cell_width,
    column_headers,
    column_width,
)
from confterm.queries.index import ProgramIndex
from confterm.sources import import_source

SAAL_A = "Saal A - Lötstationen Hardware Hacking Area"


def test_columns_share_the_width_left_of_the_time_axis() -> None:
    # 120 columns less a 2-cell scrollbar and the 6-cell time axis: five rooms of 22.
    assert column_width(112, 5) == 22
    assert column_width(112, 40) == 22  # many rooms: as many as fit, the rest scroll
    assert column_width(72, 40) == 24  # 80 columns: three rooms share 72 cells
    assert column_width(112, 2) == MAX_COLUMN_WIDTH  # few rooms: wide, not endless
    assert column_width(10, 3) == MIN_COLUMN_WIDTH  # never narrower than a readable block


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=400), st.integers(min_value=1, max_value=200))
def test_whole_columns_fill_the_screen_when_there_are_enough(available: int, rooms: int) -> None:
    width = column_width(available, rooms)
    assert MIN_COLUMN_WIDTH <= width <= MAX_COLUMN_WIDTH
    shown = available // width
    if shown and rooms >= shown and width < MAX_COLUMN_WIDTH:
        assert available - shown * width < shown  # what is left is less than a cell each


def test_rooms_that_differ_late_get_different_headers() -> None:
    names = [SAAL_A, f"{SAAL_A} 2", "Assembly:Foodhackingbase", "Assembly:Foodhackingbase2"]
    headers = column_headers([GridColumn(n, 0) for n in names], 21)
    assert len(set(headers)) == 4
    assert all(cell_width(h) <= 21 for h in headers)
    assert headers[0] == "Saal A - Lötstatione…"
    assert headers[1] == "Saal A - Lötstatio… 2"
    assert headers[3].endswith("…2")
    # Names that part in the middle show where they part.
    north, south = column_headers(
        [GridColumn(f"{SAAL_A} North wing", 0), GridColumn(f"{SAAL_A} South wing", 0)], 23
    )
    assert north != south
    assert "N" in north.split("…")[1]
    assert "S" in south.split("…")[1]


def test_a_lane_keeps_its_number_when_the_name_is_cut() -> None:
    headers = column_headers([GridColumn(SAAL_A, 0), GridColumn(SAAL_A, 1)], 21)
    assert headers == ["Saal A - Lötstatione…", "Saal A - Lötstat… (2)"]
    assert column_headers([GridColumn("Room A", 1)], 21) == ["Room A (2)"]


def test_wide_characters_are_measured_in_cells() -> None:
    (header,) = column_headers([GridColumn("会議室" * 10, 0)], 21)
    assert cell_width(header) <= 21
    assert header.endswith("…")


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.text(alphabet="ab -Ö", min_size=1, max_size=40), min_size=1, max_size=6),
    st.integers(min_value=8, max_value=40),
)
def test_headers_fit_and_differ_where_they_can(names: list[str], width: int) -> None:
    columns = [GridColumn(n, 0) for n in dict.fromkeys(names)]
    headers = column_headers(columns, width)
    assert all(cell_width(h) <= width for h in headers)
    for (a, ha), (b, hb) in zip(
        zip([c.room_name for c in columns], headers, strict=True),
        zip([c.room_name for c in columns][1:], headers[1:], strict=True),
        strict=False,
    ):
        # Two names of which neither starts the other (that case keeps its cut end).
        if not (a.startswith(b) or b.startswith(a)):
            assert ha != hb, (a, b, ha, hb)


def test_the_layout_keeps_the_untimed_sessions_and_finds_blocks_by_id(
    tinyconf: Program,
) -> None:
    layout = build_layout(ProgramIndex(tinyconf), date(2026, 3, 7), ZoneInfo("America/New_York"))
    assert [s.id for s in layout.untimed] == ["lightning-1"]
    for number, block in enumerate(layout.blocks):
        assert layout.block_of(block.session_id) == number
    assert layout.block_of("lightning-1") is None


CONFERENCE_36C3 = Path(__file__).resolve().parents[3] / "shared" / "conformance"


@pytest.mark.skipif(
    not (CONFERENCE_36C3 / "frab-36c3-merged-2019.xml").is_file(),
    reason="conformance sample frab-36c3-merged-2019.xml not found",
)
@pytest.mark.parametrize("width", [21, 23, 27])
def test_36c3_rooms_all_get_different_headers(width: int) -> None:
    # 36C3 has "Assembly:Foodhackingbase" and "Assembly:Foodhackingbase2" (they part at
    # the 25th character), as 38C3 has two "Saal A - Lötstationen …".
    program = import_source(
        str(CONFERENCE_36C3 / "frab-36c3-merged-2019.xml"), conference_id=None, tz=None
    ).program
    index = ProgramIndex(program)
    seen_pair = False
    for day in index.days:
        columns = build_layout(index, day, program.conference.zone).columns
        headers = column_headers(columns, width)
        named = {(c.room_name, c.lane): h for c, h in zip(columns, headers, strict=True)}
        assert len(set(named.values())) == len(named), day
        seen_pair |= {"Assembly:Foodhackingbase", "Assembly:Foodhackingbase2"} <= {
            c.room_name for c in columns
        }
    assert seen_pair


def test_a_layout_asked_for_by_two_threads_is_built_once(
    tinyconf: Program, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading
    import time

    from confterm.present import grid_layout

    built: list[date | None] = []
    real = grid_layout.build_layout

    def slow_build(index: ProgramIndex, day: date | None, zone: ZoneInfo) -> object:
        built.append(day)
        time.sleep(0.05)  # long enough for the other thread to ask meanwhile
        return real(index, day, zone)

    monkeypatch.setattr(grid_layout, "build_layout", slow_build)
    layouts = grid_layout.GridLayouts(ProgramIndex(tinyconf))
    zone = ZoneInfo("America/New_York")
    got: list[object] = []
    threads = [
        threading.Thread(target=lambda: got.append(layouts.get(date(2026, 3, 7), zone)))
        for _ in range(3)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert built == [date(2026, 3, 7)]
    assert got[0] is got[1] is got[2]
