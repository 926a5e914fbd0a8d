"""Display time zones: the conference's, the machine's, or one the user names."""

from __future__ import annotations

import os
from datetime import datetime, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from confterm.errors import UsageError


def local_zone() -> tzinfo:
    """The machine's zone, as an IANA zone when it can be found (so DST is right)."""
    name = os.environ.get("TZ", "").lstrip(":")
    if name:
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            pass
    link = Path("/etc/localtime")
    try:
        target = str(link.resolve())
    except OSError:
        target = ""
    if "zoneinfo/" in target:
        try:
            return ZoneInfo(target.split("zoneinfo/", 1)[1])
        except (ZoneInfoNotFoundError, ValueError):
            pass
    fallback = datetime.now().astimezone().tzinfo
    return fallback if fallback is not None else ZoneInfo("UTC")


def zone_name(zone: tzinfo, at: datetime | None = None) -> str:
    """A readable name for a zone: its IANA key when it has one."""
    key = getattr(zone, "key", None)
    if isinstance(key, str):
        return key
    return (at or datetime.now(zone)).astimezone(zone).tzname() or "local"


def resolve_display_zone(spec: str, conference_zone: tzinfo) -> tzinfo:
    """Turn ``--tz conference|local|ZONE`` into a zone."""
    if spec in ("", "conference"):
        return conference_zone
    if spec == "local":
        return local_zone()
    try:
        return ZoneInfo(spec)
    except (ZoneInfoNotFoundError, ValueError):
        raise UsageError(
            f"--tz: unknown time zone {spec!r} (use conference, local or an IANA name)"
        ) from None
