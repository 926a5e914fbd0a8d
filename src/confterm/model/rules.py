"""Field constraints written into the model's annotations without importing pydantic.

The records of :mod:`confterm.model.program` are plain dataclasses, so that opening a program
that was validated before (see :mod:`confterm.model.cache`) never imports pydantic: importing
it and building its validators cost about 65 ms, a third of the app's start. Their annotations
carry a :class:`Rule` wherever a field is constrained; pydantic reads it through its
``__get_pydantic_core_schema__`` hook when a file is validated (:mod:`confterm.model.validation`),
and the rule hands pydantic its own ``Field`` and ``AfterValidator``, so messages and the JSON
Schema are pydantic's.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Literal

from confterm.text import clean, one_line, safe_url

if TYPE_CHECKING:
    from pydantic import GetCoreSchemaHandler
    from pydantic_core import CoreSchema


class Rule:
    """What a field's value must be, and how the JSON Schema describes it.

    ``check`` is called with the parsed value (None included, for optional fields) and raises
    ValueError with a message for the user; ``aware`` refuses date-times without a UTC offset.
    ``text`` makes the field one of the model's texts, cleaned *before* any other rule sees it
    (so a title made only of escape codes is an empty, hence missing, title): ``"line"`` for
    names and titles (cleaned and collapsed to one line), ``"long"`` for descriptions (newlines
    and tabs kept), ``"url"`` for links (plain http(s) only; anything else is refused). This is
    the one place where text from any source (confterm's own JSON, the bundled program, every
    importer) is made safe: see :mod:`confterm.text`.
    (A plain class, not a dataclass: the model builds a dozen at import, on the app's start.)
    """

    __slots__ = ("aware", "check", "description", "max_length", "min_length", "pattern", "text")

    def __init__(
        self,
        *,
        description: str | None = None,
        min_length: int | None = None,
        max_length: int | None = None,
        pattern: str | None = None,
        check: Callable[[Any], Any] | None = None,
        aware: bool = False,
        text: Literal["line", "long", "url"] | None = None,
    ) -> None:
        self.description = description
        self.min_length = min_length
        self.max_length = max_length
        self.pattern = pattern
        self.check = check
        self.aware = aware
        self.text = text

    def __repr__(self) -> str:
        given = {name: getattr(self, name) for name in self.__slots__ if getattr(self, name)}
        return f"Rule({', '.join(f'{k}={v!r}' for k, v in sorted(given.items()))})"

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> CoreSchema:
        from pydantic import AfterValidator, AwareDatetime, BeforeValidator, Field

        constrained = (self.description, self.min_length, self.max_length, self.pattern)
        metadata: list[Any] = []
        if any(value is not None for value in constrained):
            metadata.append(
                Field(
                    description=self.description,
                    min_length=self.min_length,
                    max_length=self.max_length,
                    pattern=self.pattern,
                )
            )
        if self.check is not None:
            metadata.append(AfterValidator(self.check))
        if self.text is not None:
            # Last, so it wraps (runs before) the type, the length and the check.
            metadata.append(BeforeValidator(_CLEANERS[self.text]))
        base = AwareDatetime if self.aware else source
        if not metadata:
            return handler(base)
        from typing import Annotated

        return handler(Annotated[(base, *metadata)])


def _clean_line(value: Any) -> Any:
    return one_line(value) if isinstance(value, str) else value


def _clean_long(value: Any) -> Any:
    return clean(value).strip() if isinstance(value, str) else value


def _checked_url(value: Any) -> Any:
    if not isinstance(value, str):
        return value
    url = safe_url(value)
    if url is None:
        raise ValueError("not a plain http(s) URL (no spaces or control characters)")
    return url


_CLEANERS: dict[str, Callable[[Any], Any]] = {
    "line": _clean_line,
    "long": _clean_long,
    "url": _checked_url,
}
