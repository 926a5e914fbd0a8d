"""confterm: a terminal companion for conference attendees."""

__version__ = "0.1.0"
