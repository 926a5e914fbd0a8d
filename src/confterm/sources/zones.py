"""The venue's time zone: from ``--tz``, the file's declared zone, or its times' offsets."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from confterm.errors import UsageError
from confterm.text import shorten
from confterm.timezones import find_zone

NO_ZONE_HINT = "pass --tz ZONE with the venue's zone (e.g. --tz Europe/London)"


def zone_from_option(tz: str | None) -> ZoneInfo | None:
    """The zone named by ``--tz``, or None when not given; a bad name is a usage error."""
    if not tz:
        return None
    zone = find_zone(tz)
    if zone is None:
        raise UsageError(f"--tz: unknown time zone {shorten(tz)!r} (use an IANA name)")
    return zone


def known_zone(name: str | None) -> ZoneInfo | None:
    """The IANA zone ``name`` when it exists, else None."""
    return find_zone(name.strip()) if name else None


def no_zone_error(label: str, *, all_utc: bool = False) -> UsageError:
    """The error for a file that names no zone: what is missing, and what to pass."""
    if all_utc:
        return UsageError(
            f"{label}: the file names no time zone and all its times are in UTC, so the "
            f"venue's local times are unknown: {NO_ZONE_HINT}"
        )
    return UsageError(
        f"{label}: the file names no time zone and its times carry no offset: {NO_ZONE_HINT}"
    )


def require_zone(label: str, declared: str | None, tz: str | None) -> ZoneInfo:
    """The zone for naive times: ``--tz``, else the file's own; never silently UTC."""
    zone = zone_from_option(tz) or known_zone(declared)
    if zone is None:
        raise no_zone_error(label)
    return zone


def choose_zone(
    label: str,
    declared: str | None,
    tz: str | None,
    samples: list[tuple[datetime, time | None]],
    notes: list[str],
) -> ZoneInfo:
    """The venue zone for a file whose times carry offsets.

    ``samples`` are (moment with offset, local wall-clock time written next to it or None).
    The declared zone wins when most events agree with it (an odd event, say a stream from
    New York written ``-05:00``, keeps its own instant: it is a fact about that event, not
    about the file); then ``--tz``; then a fixed ``Etc/GMT`` zone matching one constant
    offset (noted in ``notes``); otherwise a usage error.
    """
    zone = known_zone(declared)
    if zone is not None:
        odd = sum(1 for sample in samples if not _agrees(zone, sample))
        if odd * 2 < len(samples):
            if odd:
                notes.append(
                    f"{odd} of {len(samples)} events are written in another offset than "
                    f"{declared}; they keep their own time"
                )
            return zone
    if declared and zone is None:
        notes.append(f"unknown time zone {declared!r} in the file was ignored")
    elif zone is not None:
        notes.append(f"the file's time zone {declared!r} disagrees with its times; not used")
    chosen = zone_from_option(tz)
    if chosen is not None:
        return chosen
    offsets = {moment.utcoffset() for moment, _ in samples}
    if len(offsets) == 1:
        offset = offsets.pop()
        if offset is not None and offset % timedelta(hours=1) == timedelta(0):
            hours = int(offset / timedelta(hours=1))
            # Etc/GMT signs are inverted: UTC+01:00 is Etc/GMT-1.
            name = "Etc/UTC" if hours == 0 else f"Etc/GMT{-hours:+d}"
            notes.append(
                f"no usable time zone name in the file: using {name} (UTC{_offset_text(offset)}) "
                "from its offsets; pass --tz ZONE for the venue's zone"
            )
            return ZoneInfo(name)
    raise UsageError(
        f"{label}: the file names no usable time zone and its offsets vary: {NO_ZONE_HINT}"
    )


def _offset_text(offset: timedelta) -> str:
    minutes = int(offset / timedelta(minutes=1))
    sign = "+" if minutes >= 0 else "-"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def _agrees(zone: ZoneInfo, sample: tuple[datetime, time | None]) -> bool:
    moment, wall = sample
    try:
        local = moment.astimezone(zone)
    except OverflowError:
        return False  # year 1 or 9999: the event itself is reported when it is read
    if wall is not None:
        return local.time().replace(second=0) == wall.replace(second=0)
    return local.utcoffset() == moment.utcoffset()
