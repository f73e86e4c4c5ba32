"""The app's time zone and clock: meetings are held in Norway, in Europe/Oslo time."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

OSLO = ZoneInfo("Europe/Oslo")


def oslo_now() -> datetime:
    """The current time in Europe/Oslo (aware)."""
    return datetime.now(OSLO)
