"""Display time zones: the conference's, the machine's, or one the user names."""

from __future__ import annotations

import os
from datetime import datetime, tzinfo
from functools import cache

from confterm.errors import UsageError
from confterm.text import shorten

# re and zoneinfo only where used: `confterm now` (a status line) imports this module, and
# shows times in the conference's zone without zoneinfo (see confterm.glance.timeline).
TYPE_CHECKING = False
if TYPE_CHECKING:
    import re
    from zoneinfo import ZoneInfo

#: Longer than any IANA name (the longest is about 30 characters); a longer one is not looked up.
MAX_ZONE_NAME = 64


def find_zone(name: str) -> ZoneInfo | None:
    """The IANA zone called ``name``, or None when there is none.

    The one place a zone is looked up by a name from outside (a file, ``--tz``, ``TZ``). The
    name becomes a path inside tzdata, so a name that is a folder there (``America``), too long,
    absolute or not text raises OSError or ValueError from ``zoneinfo``, with that path in its
    message: all of them mean "no such zone" here, and the caller names the input and the zone.
    """
    if not name or len(name) > MAX_ZONE_NAME or not name.isprintable():
        return None
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError, UnicodeError):
        return None


def local_zone() -> tzinfo:
    """The machine's zone, as an IANA zone when it can be found (so DST is right)."""
    name = os.environ.get("TZ", "").lstrip(":")
    zone = find_zone(name) if name else None
    if zone is not None:
        return zone
    try:
        target = os.path.realpath("/etc/localtime")
    except OSError:
        target = ""
    if "zoneinfo/" in target:
        zone = find_zone(target.split("zoneinfo/", 1)[1])
        if zone is not None:
            return zone
    fallback = datetime.now().astimezone().tzinfo
    if fallback is not None:
        return fallback
    from zoneinfo import ZoneInfo

    return ZoneInfo("UTC")


# POSIX sign convention: Etc/GMT-1 is one hour AHEAD of UTC (UTC+01:00).
@cache
def _etc_gmt() -> re.Pattern[str]:
    # Compiled on first use, not on import (`confterm now` imports this module).
    import re

    return re.compile(r"Etc/GMT([+-])(\d{1,2})")


def zone_key(zone: tzinfo) -> str | None:
    """The zone's IANA key (``Etc/GMT-1``), for machine-readable output; None when it has
    none."""
    key = getattr(zone, "key", None)
    return key if isinstance(key, str) else None


def is_fixed_offset_name(zone: tzinfo) -> bool:
    """True for the ``Etc/GMT±N`` zones (imports that only had UTC offsets get them)."""
    key = zone_key(zone)
    return key is not None and _etc_gmt().fullmatch(key) is not None


def zone_name(zone: tzinfo, at: datetime | None = None) -> str:
    """A readable name for a zone: its IANA key when it has one, except that ``Etc/GMT-1``
    (which reads as UTC−1 but is UTC+1) shows as ``UTC+01:00``."""
    key = zone_key(zone)
    if key is not None:
        match = _etc_gmt().fullmatch(key)
        if match is None:
            return key
        hours = int(match[2])
        sign = "-" if match[1] == "+" and hours else "+"
        return f"UTC{sign}{hours:02d}:00"
    return (at or datetime.now(zone)).astimezone(zone).tzname() or "local"


def names_conference_zone(spec: str) -> bool:
    """True when ``--tz spec`` asks for the conference's own zone."""
    return spec in ("", "conference")


def resolve_display_zone(spec: str, conference_zone: tzinfo) -> tzinfo:
    """Turn ``--tz conference|local|ZONE`` into a zone."""
    if names_conference_zone(spec):
        return conference_zone
    if spec == "local":
        return local_zone()
    zone = find_zone(spec)
    if zone is None:
        raise UsageError(
            f"--tz: unknown time zone {shorten(spec)!r} (use conference, local or an IANA name)"
        )
    return zone
