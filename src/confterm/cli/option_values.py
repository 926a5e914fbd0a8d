"""Checks of option values shared by the parser (:mod:`confterm.cli.parsing`) and the
reader of a plain ``confterm now`` (:mod:`confterm.cli.now_args`), which builds no parser:
one check each, so that both accept exactly the same values. Each raises ValueError with the
message the parser shows (exit 2)."""

from __future__ import annotations

#: The longest alarm, and the longest "next" window of ``confterm now``: one week.
MAX_ALARM_MINUTES = 7 * 24 * 60


def zone_spec(text: str) -> str:
    """A ``--tz`` value: ``conference``, ``local`` or a zone that exists. Checked as the
    arguments are read, so that every command refuses it, also one that shows no time
    (``bookmark add``); the same name from the environment or the settings file is checked
    where it is used."""
    if not text.strip():
        raise ValueError("empty time zone (use conference, local or an IANA name)")
    if text not in ("conference", "local"):
        from confterm.text import shorten
        from confterm.timezones import find_zone

        if find_zone(text) is None:
            raise ValueError(
                f"unknown time zone {shorten(text)!r} (use conference, local or an IANA name)"
            )
    return text


def window_minutes(text: str) -> int:
    """``confterm now --window``: a whole number of minutes from 1 to a week."""
    if not text.strip().isdigit() or not 0 < int(text) <= MAX_ALARM_MINUTES:
        raise ValueError(f"{text!r} is not a whole number of minutes from 1 to {MAX_ALARM_MINUTES}")
    return int(text)
