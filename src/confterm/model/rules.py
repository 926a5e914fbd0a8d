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

if TYPE_CHECKING:
    from pydantic import GetCoreSchemaHandler
    from pydantic_core import CoreSchema


class Rule:
    """What a field's value must be, and how the JSON Schema describes it.

    ``check`` is called with the parsed value (None included, for optional fields) and raises
    ValueError with a message for the user; ``aware`` refuses date-times without a UTC offset.
    ``text`` declares the field one of the model's texts (``"line"``, ``"long"`` or ``"url"``),
    which :mod:`confterm.model.cleaning` makes safe as soon as a record is built.
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
        from pydantic import AfterValidator, AwareDatetime, Field

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
        base = AwareDatetime if self.aware else source
        if not metadata:
            return handler(base)
        from typing import Annotated

        return handler(Annotated[(base, *metadata)])
