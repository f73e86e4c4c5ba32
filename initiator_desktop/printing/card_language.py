"""The language a printout is made in, chosen per print and independent of the UI.

Call sites write ``language.pgettext("printed frames", "...")`` with literal strings,
so the catalog extraction finds them; the text comes from that language's catalog.
The meeting line is formatted here too: weekday and times through Babel, never
the place's address, notes or dial-in details.
"""

from __future__ import annotations

import gettext
from collections.abc import Sequence
from datetime import datetime, timedelta

from initiator_desktop import i18n
from initiator_desktop.core.models import Place, PlaceKind, Schedule
from initiator_desktop.core.schedule import next_meeting
from initiator_desktop.i18n.formatting import format_time, weekday_name

SEPARATOR = " · "


class CardLanguage:
    """The catalog and formatting of one of nb, nn and en."""

    def __init__(self, code: str) -> None:
        if code not in i18n.LANGUAGES:
            raise ValueError(f"unknown card language {code!r}")
        self.code = code
        # Looked up through the module, so a test can serve a catalog of its own.
        self._catalog: gettext.NullTranslations = i18n.load_catalog(code)

    def pgettext(self, context: str, message: str) -> str:
        return self._catalog.pgettext(context, message)

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        return self._catalog.ngettext(singular, plural, count)


def regular_schedule(schedules: Sequence[Schedule], now: datetime) -> Schedule | None:
    """The series the group meets by now (or met by last), for a card that lasts."""
    if not schedules:
        return None
    upcoming = next_meeting(schedules, now)
    if upcoming is not None:
        return next(s for s in schedules if s.id == upcoming.schedule_id)
    return max(schedules, key=lambda s: s.first_date)


def _days(schedule: Schedule, language: CardLanguage) -> str:
    weekday = weekday_name(schedule.weekday, language.code)
    if schedule.interval_weeks == 1:
        return language.pgettext("printed frames", "Every {weekday}").format(weekday=weekday)
    if schedule.interval_weeks == 2:
        return language.pgettext("printed frames", "Every other {weekday}").format(
            weekday=weekday)
    return language.ngettext("Every {count} week, {weekday}", "Every {count} weeks, {weekday}",
                             schedule.interval_weeks).format(count=schedule.interval_weeks,
                                                             weekday=weekday)


def place_words(place: Place, language: CardLanguage) -> str:
    """A room's name; for phone and video only the kind of meeting (never how to join)."""
    if place.kind is PlaceKind.PHONE:
        return language.pgettext("printed frames", "Phone meeting")
    if place.kind is PlaceKind.VIDEO:
        return language.pgettext("printed frames", "Video meeting")
    return place.name


def meeting_line(schedules: Sequence[Schedule], place: Place | None,
                 language: CardLanguage, now: datetime) -> str:
    """E.g. "Every Tuesday, 18:00–20:00 · Library, group room"; "" without a schedule."""
    schedule = regular_schedule(schedules, now)
    if schedule is None:
        return ""
    start = datetime.combine(schedule.first_date, schedule.start)
    end = start + timedelta(minutes=schedule.duration_minutes)
    when = language.pgettext("printed frames", "{days}, {start}–{end}").format(
        days=_days(schedule, language), start=format_time(start, language.code),
        end=format_time(end, language.code))
    if place is None:
        return when
    return when + SEPARATOR + place_words(place, language)
