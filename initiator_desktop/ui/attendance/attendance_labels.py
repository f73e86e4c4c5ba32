"""Words and number formats for the attendance history, looked up when shown."""

from __future__ import annotations

from babel.numbers import format_decimal

from initiator_desktop.core.attendance_stats import MeetingRecord, Outcome, Trend
from initiator_desktop.i18n import _, current_language, pgettext
from initiator_desktop.i18n.formatting import babel_locale
from initiator_desktop.printing.attendance_chart import ChartTexts


def outcome_label(meeting: MeetingRecord) -> str:
    if meeting.outcome is Outcome.NOT_HELD:
        return (_("Not held: public holiday") if meeting.skipped_for_holiday
                else _("Not held: pause"))
    return {
        Outcome.RECORDED: pgettext("meeting", "Held"),
        Outcome.UNRECORDED: _("Held, not recorded"),
        Outcome.CANCELLED: pgettext("meeting", "Cancelled"),
        Outcome.PERIOD: "",
    }[meeting.outcome]


def trend_label(trend: Trend) -> str:
    return {
        Trend.RISING: _("Rising"),
        Trend.STEADY: _("Steady"),
        Trend.FALLING: _("Falling"),
        Trend.TOO_FEW: _("Too few recorded meetings to tell"),
    }[trend]


def decimal(value: float) -> str:
    """One decimal in the language's own way ("5,8" in Norwegian)."""
    return str(format_decimal(value, "0.0", locale=babel_locale(current_language())))


def signed_decimal(value: float) -> str:
    text = decimal(abs(value))
    return ("+" if value > 0 else "−" if value < 0 else "±") + text


def chart_texts() -> ChartTexts:
    """The history chart's words in the current language."""
    return ChartTexts(
        language=current_language(),
        present=_("Present"),
        newcomers=_("Of whom newcomers"),
        members=_("Members"),
        cancelled=pgettext("meeting", "Cancelled"),
        unrecorded=_("Held, not recorded"),
        not_held=_("Pause or public holiday"),
        hidden=_("Hidden (small number)"),
        empty=_("No meetings in this period yet."),
    )
