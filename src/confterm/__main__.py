"""Allow ``python -m confterm``."""

from confterm.cli import entry

entry()
