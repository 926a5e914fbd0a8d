"""The light declarations of :mod:`confterm.cli.commands` agree with what they stand for."""

from __future__ import annotations

import argparse
import importlib

import pytest

from confterm.cli import build_parser
from confterm.cli.commands import AGENDA_FORMATS, Lazy
from confterm.export import FORMATS


def test_agenda_formats_are_the_exporters_formats() -> None:
    # Repeated in commands.py so that building the parser does not import the exporters.
    assert AGENDA_FORMATS == FORMATS


def _handlers() -> dict[str, Lazy]:
    parser = build_parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return {name: sub.get_default("handler") for name, sub in action.choices.items()}


@pytest.mark.parametrize(("command", "handler"), sorted(_handlers().items()))
def test_every_command_names_a_function_that_exists(command: str, handler: Lazy) -> None:
    # A misspelt name would otherwise only fail when someone runs that command.
    assert isinstance(handler, Lazy), command
    assert handler.module.startswith("confterm.cli.")
    assert callable(getattr(importlib.import_module(handler.module), handler.name))
