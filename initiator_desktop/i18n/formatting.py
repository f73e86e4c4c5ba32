"""Dates, weekdays and times through Babel in the active UI language.

Never strftime: Bokmål says "tirsdag", Nynorsk "tysdag", and English in Norway uses
a 24-hour clock, so English formats with the en_GB locale. ``babel.dates`` is imported
on first use: the unlock screen needs no date and starts faster without it.
"""

from __future__ import annotations

from datetime import date, datetime, time

from initiator_desktop.i18n import current_language

BABEL_LOCALES = {"nb": "nb_NO", "nn": "nn_NO", "en": "en_GB"}


def babel_locale(language: str | None = None) -> str:
    return BABEL_LOCALES.get(language or current_language(), "nb_NO")


def weekday_name(weekday: int, language: str | None = None) -> str:
    """Full weekday name, 0 = Monday."""
    from babel.dates import get_day_names

    return str(get_day_names("wide", locale=babel_locale(language))[weekday])


def format_time(value: time | datetime, language: str | None = None) -> str:
    from babel.dates import format_time as babel_format_time

    return babel_format_time(value, "HH:mm", locale=babel_locale(language))


def format_date(value: date, length: str = "long", language: str | None = None) -> str:
    from babel.dates import format_date as babel_format_date

    return babel_format_date(value, length, locale=babel_locale(language))


def format_day(value: date, language: str | None = None) -> str:
    """Weekday and date, e.g. "tirsdag 3. mars 2026"."""
    return format_date(value, "full", language)


def format_short_day(value: date | datetime, language: str | None = None) -> str:
    """Short weekday and date without the year, e.g. "tir. 3. mars"."""
    from babel.dates import format_datetime

    code = language or current_language()
    pattern = "EEE d MMM" if code == "en" else "EEE d. MMM"
    return format_datetime(value, pattern, locale=babel_locale(language))
