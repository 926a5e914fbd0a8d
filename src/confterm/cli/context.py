"""What every command needs, built lazily from the parsed global options."""

from __future__ import annotations

import argparse
from datetime import tzinfo
from functools import cached_property
from pathlib import Path

from confterm import paths
from confterm.catalog import open_program
from confterm.clock import Clock, now_from_env, parse_now
from confterm.model.program import Program
from confterm.timezones import resolve_display_zone


class Context:
    """The parsed command line, and the program, zone and clock it selects."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args

    @cached_property
    def data_dir(self) -> Path:
        """Where user data lives."""
        return paths.user_data_dir(getattr(self.args, "data_dir", None))

    @cached_property
    def program(self) -> Program:
        """The selected conference program, loaded and validated."""
        data = getattr(self.args, "data", None)
        return open_program(
            getattr(self.args, "conference", None),
            Path(data) if data else None,
            self.data_dir,
        )

    @cached_property
    def display_zone(self) -> tzinfo:
        """The zone every time is shown in."""
        spec = getattr(self.args, "tz", "conference") or "conference"
        return resolve_display_zone(spec, self.program.conference.zone)

    @cached_property
    def clock(self) -> Clock:
        """The clock for 'today' and 'now'."""
        text = getattr(self.args, "now", None) or now_from_env()
        if text is None:
            return Clock()
        return Clock(parse_now(text, self.program.conference.zone))
