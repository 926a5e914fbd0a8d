"""Text drawn with hanging indents: a wrapped line goes on under its own text, never back at
column 0 (where it starts is :mod:`confterm.present.hanging`'s rule).

Textual wraps a long line of ``Content`` back to the left edge, so a wrapped paper title in
a detail (``  • APOLLO: … AdamW-level`` / ``Performance``) or a search result's title under
its date loses its place. :class:`Hanging` wraps each line itself and starts the continuation
lines under the line's text: after its leading spaces and bullet (``  • ``), or at a fixed
column (a list's title column).
"""

from __future__ import annotations

from functools import lru_cache

from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual

from confterm.present.hanging import auto_indent, fitting_indent


def wrap_line(line: Content, width: int, indent: int) -> list[Content]:
    """One line of ``line`` (no newline in it) wrapped to ``width`` cells, the continuation
    lines starting ``indent`` cells in (less when the width is too small for it)."""
    if width <= 0:
        return [line]
    indent = fitting_indent(indent, width)
    start = _trailing_link(line)
    if start is not None and line.cell_length > width:
        return _wrap_before_link(line, start, width, indent)
    lines = line.wrap(width)
    if indent <= 0 or len(lines) <= 1:
        return lines
    head = lines[0]
    rest = line[len(head.plain) :]
    # The break's spaces end the first line; the continuation starts at the next word.
    rest = rest[len(rest.plain) - len(rest.plain.lstrip(" ")) :]
    return [head, *(part.pad_left(indent) for part in rest.wrap(width - indent))]


def _trailing_link(line: Content) -> int | None:
    """Where the hyperlink that ends ``line`` starts (a URL of a detail), or None."""
    end = len(line.plain)
    for span in line.spans:
        if isinstance(span.style, Style) and span.style.link and span.end >= end:
            return span.start
    return None


def _wrap_before_link(line: Content, start: int, width: int, indent: int) -> list[Content]:
    """``line`` wrapped with its trailing URL on a line of its own, cut with an ellipsis when
    it is wider still: a URL is never broken in the middle (its link keeps the whole address,
    and a terminal finds it whole)."""
    head = line[:start].rstrip()
    lines = wrap_line(head, width, indent) if head.plain.strip() else []
    pad = min(indent, width - 1) if lines else 0
    url = line[start:].truncate(width - pad, ellipsis=True)
    return [*lines, url.pad_left(pad) if pad else url]


class Hanging(Visual):
    """``Content`` whose wrapped lines hang: each under its line's text (``indent=None``)
    or all at column ``indent``.

    It renders as the content does (styles, links and their click actions are kept), only
    wrapped first; ``plain`` and ``str()`` give the text as the content's.
    """

    def __init__(self, content: Content, indent: int | None = None) -> None:
        self.content = content
        self.indent = indent
        self._wrapped = lru_cache(maxsize=4)(self._wrap)

    @property
    def plain(self) -> str:
        """The text, unwrapped."""
        return self.content.plain

    def __str__(self) -> str:
        return self.content.plain

    def __repr__(self) -> str:
        return f"Hanging({self.content!r}, indent={self.indent!r})"

    def _wrap(self, width: int) -> Content:
        content = self.content
        if width > 0 and content.cell_length <= width and "\n" not in content.plain:
            return content  # one line that fits (most list lines): nothing to wrap
        lines: list[Content] = []
        for line in self.content.split("\n", allow_blank=True):
            indent = auto_indent(line.plain) if self.indent is None else self.indent
            lines.extend(wrap_line(line, width, indent))
        return Content("\n").join(lines)

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        """Render the content, wrapped with hanging indents, to ``width`` cells."""
        return self._wrapped(width).render_strips(width, height, style, options)

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        """As wide as the content's longest line."""
        return self.content.get_optimal_width(rules, container_width)

    def get_height(self, rules: RulesMap, width: int) -> int:
        """The number of lines once wrapped to ``width``."""
        content = self.content
        if width > 0 and content.cell_length <= width and "\n" not in content.plain:
            # One line that fits (most list lines): no need to wrap it to know.
            return 1
        return self._wrapped(width).get_height(rules, width)
