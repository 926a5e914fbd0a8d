"""The ``t`` key: show every time in the conference's zone or in the machine's own zone.

The app calls :func:`toggle_zone` and then redraws whatever shows times; the header reads
``view.zone`` on its own.
"""

from __future__ import annotations

from confterm.present.formatting import zone_label
from confterm.timezones import zone_name
from confterm.tui.view import View


def same_zone(view: View) -> bool:
    """True when the machine's zone is the conference's (switching would change nothing)."""
    conference = view.program.conference.zone
    return view.local is conference or zone_name(view.local) == zone_name(conference)


def describe_zone(view: View) -> str:
    """``Times in Asia/Tokyo (JST), your local zone`` (or ``…, the conference's zone``)."""
    which = "your local zone" if view.showing_local_zone else "the conference's zone"
    return f"Times in {zone_label(view.zone, view.now())}, {which}"


def toggle_zone(view: View) -> str:
    """Flip ``view.display_zone`` between the conference's zone and the local one; return a
    line saying which is now shown (for a notification)."""
    if view.showing_local_zone:
        view.display_zone = view.program.conference.zone
    elif same_zone(view):
        return f"{describe_zone(view)}; it is also your local zone"
    else:
        view.display_zone = view.local
    return describe_zone(view)
