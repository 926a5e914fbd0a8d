"""Commands that read the program: list, show, booths, papers, validate, schema."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from confterm.cli.context import Context
from confterm.model.loading import load_program_file
from confterm.model.program import Program


def register(add: Callable[..., Any]) -> None:
    """Add this module's sub-commands."""
    schema = add("schema", help="print the JSON Schema of confterm's conference format")
    schema.set_defaults(handler=run_schema)
    validate = add("validate", help="check a conference file; one line per problem")
    validate.add_argument("file", metavar="FILE")
    validate.set_defaults(handler=run_validate)


def schema_text() -> str:
    """The JSON Schema generated from the model, as written to data/schema.json."""
    return json.dumps(Program.model_json_schema(), indent=2, ensure_ascii=False) + "\n"


def run_schema(context: Context) -> int:
    """``confterm schema``."""
    sys.stdout.write(schema_text())
    return 0


def run_validate(context: Context) -> int:
    """``confterm validate FILE``."""
    program = load_program_file(Path(context.args.file))
    days = {s.day for s in program.sessions if s.day is not None}
    print(
        f"{context.args.file}: valid: {len(program.sessions)} sessions, "
        f"{len(program.papers)} papers, {len(program.booths)} booths, {len(days)} days"
    )
    return 0


def print_today(context: Context) -> int:
    """Fallback for no subcommand before the app exists."""
    program = context.program
    for session in program.sessions:
        print(session.title)
    return 0
