"""Norwegian public holidays (from the ``holidays`` package) and meetings that fall on one.

Pure Python: no Qt, no SQL. Names come in the language asked for (nb, nn or en), never
in the process locale's.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from functools import cache

import holidays as _holidays

from initiator_desktop.core.schedule import Meeting

# The package picks its default language from the process locale: always ask explicitly.
_PACKAGE_LANGUAGE = {"nb": "no", "nn": "no", "en": "en_US"}
# The package has Bokmål names only; these are the ones Nynorsk words differently.
_NYNORSK = {"Arbeidernes dag": "Arbeidarane sin dag", "Grunnlovsdag": "Grunnlovsdagen"}


def public_holidays(start: date, end: date, language: str = "nb") -> dict[date, str]:
    """Norway's public holidays in ``start..end`` (inclusive), by date, named in ``language``.

    Ordinary Sundays are not listed (they are rest days, not named holidays); named
    holidays that fall on a Sunday, such as Easter Day or 17 May, are.
    """
    if end < start:
        return {}
    return {day: name for year in range(start.year, end.year + 1)
            for day, name in _year(year, language) if start <= day <= end}


@cache
def _year(year: int, language: str) -> tuple[tuple[date, str], ...]:
    # Calendars and upcoming lists ask again and again for the same few years.
    calendar = _holidays.country_holidays(
        "NO", years=year, language=_PACKAGE_LANGUAGE.get(language, "no"), include_sundays=False
    )
    if language == "nn":
        # Two holidays on one day come joined, e.g. "Andre pinsedag; Grunnlovsdag".
        return tuple((day, "; ".join(_NYNORSK.get(part, part) for part in name.split("; ")))
                     for day, name in sorted(calendar.items()))
    return tuple(sorted(calendar.items()))


def holiday_clashes(meetings: Iterable[Meeting], language: str = "nb"
                    ) -> list[tuple[Meeting, str]]:
    """Meetings that fall on a public holiday, each with the holiday's name, in time order.

    Cancelled meetings are left out: there is nothing left to clash.
    """
    active = sorted((m for m in meetings if not m.cancelled), key=lambda m: m.start)
    if not active:
        return []
    found = public_holidays(active[0].date, active[-1].date, language)
    return [(m, found[m.date]) for m in active if m.date in found]
