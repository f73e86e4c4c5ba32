"""Words for course runs on screen: dates, session times, durations and coverage states."""

from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QDateEdit

from initiator_desktop.core.course_runs import CourseRun, Coverage, ModuleSummary, Session
from initiator_desktop.i18n import _, current_language, ngettext
from initiator_desktop.i18n.formatting import (
    babel_locale,
    format_date,
    format_short_day,
    format_time,
)

# A module planned with this much less time than it suggests is flagged (a few minutes
# short is only the rounding of a shared session).
SHORT_SHARE = 0.85
SHORT_MINUTES = 10


def run_dates(run: CourseRun) -> str:
    """E.g. "12–13 Mar 2026" or "12.–13. mar. 2026"; months and years only where needed."""
    first, last = run.first_day, run.last_day
    if first == last:
        return format_date(last, "medium")
    if (first.year, first.month) == (last.year, last.month):
        day = str(first.day) if current_language() == "en" else f"{first.day}."
        return f"{day}–{format_date(last, 'medium')}"
    return _("{first} – {last}").format(first=format_date(first, "medium"),
                                         last=format_date(last, "medium"))


def session_when(session: Session) -> str:
    """E.g. "tor. 12. mars, 09:00–11:30"."""
    return _("{day}, {start}–{end}").format(day=format_short_day(session.day),
                                            start=format_time(session.start),
                                            end=format_time(session.end))


def duration(minutes: int) -> str:
    """E.g. "2 h 30 min", "45 min", "3 h"."""
    hours, rest = divmod(max(0, minutes), 60)
    if not hours:
        return _("{minutes} min").format(minutes=rest)
    if not rest:
        return _("{hours} h").format(hours=hours)
    return _("{hours} h {minutes} min").format(hours=hours, minutes=rest)


def rounded(minutes: int) -> int:
    """A module's share of a session, to the nearest five minutes."""
    return 5 * round(minutes / 5)


def short_of_time(module: ModuleSummary) -> bool:
    """Whether a planned module has clearly less time than it suggests."""
    return bool(module.sessions and module.suggested_minutes
                and -module.difference >= SHORT_MINUTES
                and module.planned_minutes < SHORT_SHARE * module.suggested_minutes)


def localise_date_edit(edit: QDateEdit) -> None:
    """The UI language's short date format (e.g. 12.03.2026), as elsewhere in the app."""
    locale = QLocale(babel_locale())
    edit.setLocale(locale)
    edit.setDisplayFormat(locale.dateFormat(QLocale.FormatType.ShortFormat))


def participants(count: int) -> str:
    return ngettext("{count} participant", "{count} participants", count).format(count=count)


def coverage_label(coverage: Coverage) -> str:
    return {
        Coverage.NOT_PLANNED: _("Not planned"),
        Coverage.PLANNED: _("Planned"),
        Coverage.PARTLY: _("Partly covered"),
        Coverage.COVERED: _("Covered"),
    }[coverage]
