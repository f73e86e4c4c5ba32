"""Norwegian public holidays (from the ``holidays`` package) and meetings that fall on one.

Pure Python: no Qt, no SQL. Names are always in Norwegian (Bokmål), whatever the locale.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import holidays as _holidays

from initiator_desktop.core.schedule import Meeting

# The package picks its default language from the process locale: always ask for Norwegian.
_LANGUAGE = "no"


def public_holidays(start: date, end: date) -> dict[date, str]:
    """Norway's public holidays in ``start..end`` (inclusive), by date, with Norwegian names.

    Ordinary Sundays are not listed (they are rest days, not named holidays); named
    holidays that fall on a Sunday, such as Easter Day or 17 May, are.
    """
    if end < start:
        return {}
    calendar = _holidays.country_holidays(
        "NO", years=range(start.year, end.year + 1), language=_LANGUAGE, include_sundays=False
    )
    return {day: name for day, name in sorted(calendar.items()) if start <= day <= end}


def holiday_clashes(meetings: Iterable[Meeting]) -> list[tuple[Meeting, str]]:
    """Meetings that fall on a public holiday, each with the holiday's name, in time order.

    Cancelled meetings are left out: there is nothing left to clash.
    """
    active = sorted((m for m in meetings if not m.cancelled), key=lambda m: m.start)
    if not active:
        return []
    found = public_holidays(active[0].date, active[-1].date)
    return [(m, found[m.date]) for m in active if m.date in found]
