"""How one row of a list is drawn: exactly ``width`` cells per line, on one line or two.

A session row says when, what kind, what, who and where. On one line (narrow lists, the grid's
untimed strip) the title shares the line with the room. On two lines (the day list, my agenda)
the first line carries the marks, the time, the kind and the title; the second the room under
the time, then the rest of a title too long for the first line, then the speakers:

    ★⚠▶21:45–22:45 talk      Why the title of a talk is never as
       Saal 1                 short as its abstract · A. One, B. Two

A paper row on two lines gives its title the whole first line, and its authors and session
the second. Text from data goes into :class:`~textual.content.Content` as plain strings,
never markup.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual.content import Content

from confterm.present.rows import (
    BoothRow,
    Heading,
    NowLine,
    PaperRow,
    Row,
    SessionRow,
)

STAR = "★"
CLASH = "⚠"
#: Before the time of a session in progress (the line's colour, and a shape for no colour).
NOW_MARK = "▶"
NOW_STYLE = "bold $text-error"  # the calendar convention: a red line at the current time
CHANGE_STYLE = "bold reverse $text-warning"  # an unseen change (its words say it too)
KIND_WIDTH = 9
MARKS_WIDTH = 3  # star, clash, in progress
#: Between the rest of a title and the speakers on a session's second line.
WHO_SEPARATOR = " · "
ROOM_STYLE = "$text-muted"
WHO_STYLE = "$text-secondary"
NOTE_STYLE = "$text-muted"


def fit(text: str, width: int) -> str:
    """``text`` cut to ``width`` cells with an ellipsis, padded to exactly ``width``."""
    if width <= 0:
        return ""
    length = cell_len(text)
    if length > width:
        return Content(text).truncate(width - 1).plain + "…"
    return text + " " * (width - length)


def split_words(text: str, width: int) -> tuple[str, str]:
    """``text`` as the part that fits ``width`` cells, broken at a space when there is one,
    and the rest (without the space it broke at); a single word too long is cut."""
    if cell_len(text) <= width:
        return text, ""
    if width <= 0:
        return "", text
    cut = Content(text).truncate(width).plain
    space = cut.rfind(" ")
    if space > 0 and text[len(cut)] != " ":
        return cut[:space], text[space + 1 :]
    return cut.rstrip(" "), text[len(cut) :].lstrip(" ")


def _pad(content: Content, width: int) -> Content:
    return content.truncate(width, pad=True)


def _rule(label: str, width: int, style: str) -> Content:
    return Content.styled(fit(label + "─" * max(0, width - len(label)), width), style)


def render_row(row: Row, width: int, time_width: int = 11) -> Content:
    """One row on one line, as styled content exactly ``width`` cells wide."""
    return render_lines(row, width, time_width, two_lines=False)[0]


def row_height(row: Row, two_lines: bool) -> int:
    """How many lines ``row`` takes: sessions and papers two in a two-line list."""
    return 2 if two_lines and isinstance(row, (SessionRow, PaperRow)) else 1


def render_lines(row: Row, width: int, time_width: int, *, two_lines: bool) -> list[Content]:
    """``row`` as :func:`row_height` lines, each styled content exactly ``width`` cells."""
    if isinstance(row, Heading):
        return [_rule(f"── {row.text} ", width, "bold $text-accent")]
    if isinstance(row, NowLine):
        return [_rule(f"── now {row.time} ", width, NOW_STYLE)]
    if isinstance(row, SessionRow):
        if two_lines:
            return _session_lines(row, width, time_width)
        return [_session_line(row, width, time_width)]
    if isinstance(row, PaperRow):
        if two_lines:
            return _paper_lines(row, width)
        return [_paper_line(row, width)]
    if isinstance(row, BoothRow):
        return [_booth_line(row, width)]
    text = f"  {row.label or f'{row.kind} {row.item_id!r}'} is no longer in the program"
    return [Content.styled(fit(text, width), "$text-muted")]


def _session_start(row: SessionRow, time_width: int) -> list[Content | tuple[str, str] | str]:
    """Marks, time and kind: the first line's fixed columns."""
    return [
        Content.assemble(
            (STAR if row.bookmarked else " ", "bold $text-warning"),
            (CLASH if row.clash else " ", "bold $text-error"),
            (NOW_MARK, NOW_STYLE) if row.in_progress else " ",
        ),
        (fit(row.time, time_width), NOW_STYLE if row.in_progress else "$text-muted"),
        " ",
        (fit(row.kind, KIND_WIDTH), "italic $text-secondary"),
        " ",
    ]


def _title_text(row: SessionRow) -> str:
    """The title, after ``[moved]`` (or changed, cancelled) while a refresh's change to the
    session is not yet seen: words, so the mark reads without colour."""
    return f"[{row.change}] {row.title}" if row.change else row.title


def _title_piece(row: SessionRow, text: str) -> Content:
    """``text`` (the start of :func:`_title_text`) with the change word styled."""
    content = Content(text)
    if row.change:
        content = content.stylize(CHANGE_STYLE, 0, min(len(text), len(row.change) + 2))
    return content


def _session_line(row: SessionRow, width: int, time_width: int) -> Content:
    rest = max(0, width - (MARKS_WIDTH + time_width + 1 + KIND_WIDTH + 1))
    if row.note:
        rest = max(0, rest - len(row.note) - 2)
    room_width = min(cell_len(row.room), 18, rest // 3) if row.room else 0
    title_width = rest - (room_width + 1 if room_width else 0)
    title = _title_piece(row, fit(_title_text(row), title_width))
    parts = [*_session_start(row, time_width), title]
    if room_width:
        parts += [" ", (fit(row.room, room_width), ROOM_STYLE)]
    if row.note:
        parts += ["  ", (row.note, NOTE_STYLE)]
    return _pad(Content.assemble(*parts), width)


def _session_lines(row: SessionRow, width: int, time_width: int) -> list[Content]:
    fixed = MARKS_WIDTH + time_width + 1 + KIND_WIDTH + 1
    text_width = max(0, width - fixed)
    first, more = split_words(_title_text(row), text_width)
    top = _pad(Content.assemble(*_session_start(row, time_width), _title_piece(row, first)), width)
    # A note (``25 min left``) ends the second line; the rest of the title and who share
    # what is left of it.
    note = fit(row.note, min(len(row.note), text_width // 2)) if row.note else ""
    if note:
        text_width = max(0, text_width - len(note) - 2)
    # The second line: the room under the time and kind, then the title's rest and who.
    parts: list[Content | tuple[str, str] | str] = [
        " " * MARKS_WIDTH,
        (fit(row.room, fixed - MARKS_WIDTH - 1), ROOM_STYLE),
        " ",
    ]
    if more:
        # The title first: its rest gets the line if need be, the speakers what is left.
        more_width = min(cell_len(more), text_width)
        parts.append(fit(more, more_width))
        who_width = text_width - more_width - len(WHO_SEPARATOR)
        if row.speakers and who_width >= 4:
            parts += [WHO_SEPARATOR, (fit(row.speakers, who_width), WHO_STYLE)]
    elif row.speakers:
        parts.append((fit(row.speakers, text_width), WHO_STYLE))
    if note:
        line = Content.assemble(*parts).truncate(width - len(note), pad=True)
        return [top, _pad(Content.assemble(line, (note, NOTE_STYLE)), width)]
    return [top, _pad(Content.assemble(*parts), width)]


def _paper_line(row: PaperRow, width: int) -> Content:
    rest = max(0, width - 1)
    authors_width = rest // 4
    session_width = rest // 4
    title_width = max(0, rest - authors_width - session_width - 2)
    return _pad(
        Content.assemble(
            (STAR if row.starred else " ", "bold $text-warning"),
            fit(row.title, title_width),
            " ",
            (fit(row.authors, authors_width), WHO_STYLE),
            " ",
            (fit(row.session, session_width), ROOM_STYLE),
        ),
        width,
    )


def _paper_lines(
    row: PaperRow, width: int, session_text: str | None = None, *, title_lines: int = 1
) -> list[Content]:
    """The title on the whole first line (``title_lines`` 2: on to a second line when it is
    longer, broken at a space); authors, then the session at the right, below.

    ``session_text``: the session as the list fitted it (else the row's, cut to fit)."""
    text_width = max(0, width - 1)
    star = (STAR if row.starred else " ", "bold $text-warning")
    if title_lines == 2:
        first, more = split_words(row.title, text_width)
        title = [Content.assemble(star, first), Content.assemble(" ", more)]
    else:
        title = [Content.assemble(star, row.title)]
    session = session_text if session_text is not None else row.session
    session_width = min(cell_len(session), max(0, text_width // 2))
    authors_width = max(0, text_width - session_width - (2 if session_width else 0))
    parts: list[Content | tuple[str, str] | str] = [
        " ",
        (fit(row.authors, authors_width), WHO_STYLE),
    ]
    if session_width:
        parts += ["  ", (fit(session, session_width), ROOM_STYLE)]
    lines = [line.truncate(width, ellipsis=True, pad=True) for line in title]
    return [*lines, _pad(Content.assemble(*parts), width)]


def paper_title_lines(row: PaperRow, width: int) -> int:
    """How many lines a paper's title needs in a list ``width`` wide: 1, or 2 at most."""
    return 2 if width > 1 and cell_len(row.title) > width - 1 else 1


def paper_lines(row: PaperRow, width: int, session_text: str) -> list[Content]:
    """A paper's lines (its title on one or two, as it needs) with its session column as
    the list fitted it."""
    return _paper_lines(row, width, session_text, title_lines=paper_title_lines(row, width))


def _booth_line(row: BoothRow, width: int) -> Content:
    rest = max(0, width - 2)
    level_width = min(10, rest // 5)
    location_width = min(26, rest // 3)
    name_width = max(0, rest - level_width - location_width - 2)
    return _pad(
        Content.assemble(
            (STAR if row.to_visit else " ", "bold $text-warning"),
            " ",
            fit(row.organisation, name_width),
            " ",
            (fit(row.level, level_width), "italic $text-secondary"),
            " ",
            (fit(row.location, location_width), ROOM_STYLE),
        ),
        width,
    )
