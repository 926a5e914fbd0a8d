"""A detail's plain lines (:mod:`confterm.present.detail_text`) drawn in the theme's styles."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace

from textual.content import Content
from textual.style import Style

from confterm.present.detail_text import Line, Role, Span, url_span

#: How a key is named: (binding id, default key) -> the key shown.
KeyNamer = Callable[[str, str], str]

#: How each role of a detail is drawn.
ROLE_STYLES: dict[Role, str] = {
    Role.PLAIN: "",
    Role.TITLE: "bold",
    Role.KIND: "italic $text-secondary",
    Role.LABEL: "bold $text-secondary",
    Role.SECTION: "bold $text-accent",
    Role.MUTED: "$text-muted",
    Role.MARKED: "bold $text-warning",
    Role.CLASH: "bold $text-error",
    Role.URL: "$link-color",
}


def _piece(span: Span) -> Content:
    if span.link:
        # link_url leaves no quote or backslash, so the URL cannot end the action's argument.
        link = Style(link=span.link) + Style.from_meta({"@click": f"app.open_link('{span.link}')"})
        return Content.styled(span.text, "$link-color underline").stylize(link)
    if span.action:
        return Content.styled(span.text, Style.from_meta({"@click": span.action}))
    return Content.styled(span.text, ROLE_STYLES[span.role])


def detail_content(lines: Iterable[Line], keys: KeyNamer | None = None) -> Content:
    """``lines`` as one ``Content``; a span with an action runs it when clicked; a span
    naming a key names it as ``keys`` does (the app state's keys: as keymap.toml remaps)."""
    return Content("\n").join(
        Content.assemble(*(_piece(span) for span in _named(line, keys))) for line in lines
    )


def _named(line: Line, keys: KeyNamer | None) -> list[Span]:
    """``line`` with its keys named as ``keys`` names them, each merged into the text around
    it (drawn as one piece, as a line without a key is)."""
    spans: list[Span] = []
    for span in line:
        if span.key:
            span = replace(span, text=keys(span.key, span.text) if keys else span.text, key="")
        last = spans[-1] if spans else None
        if last is not None and (last.role, last.action, last.link) == (
            span.role,
            span.action,
            span.link,
        ):
            spans[-1] = replace(last, text=last.text + span.text)
        else:
            spans.append(span)
    return spans


def url_content(url: str) -> Content:
    """``url`` as a hyperlink when it is a safe http(s) URL, else as plain text."""
    return _piece(url_span(url))
