"""Display words for the domain's enums, looked up at call time so they follow the language."""

from __future__ import annotations

from datetime import datetime

from babel.dates import format_datetime

from initiator_desktop.core.models import FrameKind, PlaceKind, Tradition
from initiator_desktop.i18n import _, current_language, pgettext
from initiator_desktop.i18n.formatting import babel_locale, format_time


def tradition_label(tradition: Tradition) -> str:
    return {
        Tradition.SN: _("Selvhjelp Norge model"),
        Tradition.TWELVE_STEP: _("12-step model"),
        Tradition.HYBRID: _("A mix of the two"),
    }[tradition]


def place_kind_label(kind: PlaceKind) -> str:
    return {
        PlaceKind.ROOM: pgettext("meeting place", "A room"),
        PlaceKind.PHONE: pgettext("meeting place", "By phone"),
        PlaceKind.VIDEO: pgettext("meeting place", "By video"),
    }[kind]


def frame_kind_label(kind: FrameKind) -> str:
    return {
        FrameKind.PRACTICAL: pgettext("frame kind", "Practical frame"),
        FrameKind.CONVERSATION: pgettext("frame kind", "Principle for the conversation"),
        FrameKind.CUSTOM: pgettext("frame kind", "The group's own"),
    }[kind]


# Long weekday and date without the year: the list only shows the coming meetings.
_DAY_PATTERNS = {"nb": "EEEE d. MMMM", "nn": "EEEE d. MMMM", "en": "EEEE d MMMM"}


def meeting_when(start: datetime) -> str:
    """A meeting's day and time, e.g. "tirsdag 3. mars, 18:00"."""
    language = current_language()
    day = format_datetime(start, _DAY_PATTERNS.get(language, "EEEE d. MMMM"),
                          locale=babel_locale(language))
    return _("{day}, {time}").format(day=day, time=format_time(start))
