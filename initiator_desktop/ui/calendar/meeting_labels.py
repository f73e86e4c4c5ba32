"""How a meeting in the calendar views is described: times, state and flags, translated."""

from __future__ import annotations

from datetime import date

from initiator_desktop.core.meeting_calendar import GroupMeeting, MeetingState
from initiator_desktop.i18n import _, current_language
from initiator_desktop.i18n.formatting import babel_locale, format_short_day, format_time


def time_span(meeting: GroupMeeting) -> str:
    return _("{start}–{end}").format(start=format_time(meeting.meeting.start),
                                     end=format_time(meeting.meeting.end))


def day_and_time(meeting: GroupMeeting) -> str:
    return _("{day}, {time}").format(day=format_short_day(meeting.meeting.start),
                                     time=time_span(meeting))


def state_notes(meeting: GroupMeeting, initiator_number: int | None = None) -> list[str]:
    """Short notes for a meeting: why it falls away, or what is special about it."""
    notes: list[str] = []
    if meeting.state is MeetingState.CANCELLED:
        notes.append(_("Cancelled"))
    elif meeting.state is MeetingState.PAUSED:
        notes.append(_("Pause"))
    elif meeting.state is MeetingState.HOLIDAY:
        notes.append(_("Left out: public holiday ({name})").format(name=meeting.holiday))
    elif meeting.holiday_clash:
        notes.append(_("Public holiday: {name}").format(name=meeting.holiday))
    if meeting.meeting.moved:
        notes.append(_("Moved"))
    if meeting.meeting.added:
        notes.append(_("Extra meeting"))
    if meeting.with_initiator:
        if initiator_number is not None:
            notes.append(_("With you ({number} of {count})").format(
                number=initiator_number, count=meeting.group.initiator_meetings))
        else:
            notes.append(_("With you"))
    return notes


def week_heading(number: int, monday: date, sunday: date) -> str:
    from babel.dates import format_interval

    span = format_interval(monday, sunday, "MMMMd", locale=babel_locale(current_language()))
    return _("Week {number} · {span}").format(number=number, span=span)


def month_title(day: date) -> str:
    from babel.dates import format_date

    return str(format_date(day, "LLLL y", locale=babel_locale(current_language()))).capitalize()


def short_weekday_names() -> list[str]:
    from babel.dates import get_day_names

    names = get_day_names("abbreviated", context="stand-alone",
                          locale=babel_locale(current_language()))
    return [str(names[i]).rstrip(".").capitalize() for i in range(7)]
