"""A detail's plain lines (:mod:`confterm.present.detail_text`) drawn in the theme's styles."""

from __future__ import annotations

from collections.abc import Iterable

from textual.content import Content
from textual.style import Style

from confterm.present.detail_text import Line, Role

#: How each role of a detail is drawn.
ROLE_STYLES: dict[Role, str] = {
    Role.PLAIN: "",
    Role.TITLE: "bold",
    Role.KIND: "italic $text-secondary",
    Role.LABEL: "bold $text-secondary",
    Role.SECTION: "bold $accent",
    Role.MUTED: "$text-muted",
    Role.MARKED: "bold $warning",
    Role.CLASH: "bold $error",
    Role.URL: "$link-color",
}


def detail_content(lines: Iterable[Line]) -> Content:
    """``lines`` as one ``Content``; a span with an action runs it when clicked."""
    return Content("\n").join(
        Content.assemble(
            *(
                (span.text, Style.from_meta({"@click": span.action}))
                if span.action
                else (span.text, ROLE_STYLES[span.role])
                for span in line
            )
        )
        for line in lines
    )
