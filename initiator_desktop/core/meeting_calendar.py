"""A group's meetings as its calendar shows them: pauses, holidays and the initiator's part.

``core.schedule`` knows one series; this module knows the group: a meeting on a series
date falls away inside a pause, or on a public holiday when the group skips those. A
meeting the group moved or added on purpose always stays. The initiator attends the
first ``initiator_meetings`` meetings that take place, while the group is starting.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from initiator_desktop.core.clock import OSLO
from initiator_desktop.core.holidays import public_holidays
from initiator_desktop.core.models import Group, GroupStatus, Schedule
from initiator_desktop.core.schedule import Meeting, occurrences

UPCOMING_WEEKS = 8
# Groups whose first meetings the initiator still attends.
WITH_INITIATOR = frozenset({GroupStatus.PLANNED, GroupStatus.STARTING})
# How far back and ahead a meeting ordinal is searched; bounds the work for old groups.
_SEARCH_YEARS = 30


class MeetingState(StrEnum):
    PLANNED = "planned"  # takes (or took) place
    CANCELLED = "cancelled"  # the group cancelled this one meeting
    PAUSED = "paused"  # falls in one of the group's pauses
    HOLIDAY = "holiday"  # a public holiday, and the group skips those


@dataclass(frozen=True, slots=True)
class GroupMeeting:
    group: Group
    meeting: Meeting
    state: MeetingState
    holiday: str | None = None  # the public holiday on the meeting's day, named
    with_initiator: bool = False

    @property
    def takes_place(self) -> bool:
        return self.state is MeetingState.PLANNED

    @property
    def holiday_clash(self) -> bool:
        """A meeting still planned on a public holiday: the initiator should decide."""
        return self.takes_place and self.holiday is not None


@dataclass(frozen=True, slots=True)
class Week:
    monday: date
    number: int  # ISO week number, as Norwegian calendars print it
    meetings: tuple[GroupMeeting, ...]
    holidays: tuple[tuple[date, str], ...]


GroupPlan = tuple[Group, Sequence[Schedule]]


def _state(group: Group, meeting: Meeting, holidays: dict[date, str]) -> MeetingState:
    if meeting.cancelled:
        return MeetingState.CANCELLED
    if meeting.moved or meeting.added:
        return MeetingState.PLANNED  # chosen on purpose for that day
    if group.paused_on(meeting.date):
        return MeetingState.PAUSED
    if group.skip_holidays and meeting.date in holidays:
        return MeetingState.HOLIDAY
    return MeetingState.PLANNED


def _raw(group: Group, schedules: Sequence[Schedule], start: date, end: date,
         language: str) -> list[tuple[Meeting, MeetingState, str | None]]:
    found = [m for s in schedules for m in occurrences(s, start, end, include_cancelled=True)]
    found.sort(key=lambda m: (m.start, m.schedule_id))
    if not found:
        return []
    holidays = public_holidays(found[0].date, found[-1].date, language)
    return [(m, _state(group, m, holidays), holidays.get(m.date)) for m in found]


def first_meeting_day(schedules: Sequence[Schedule]) -> date | None:
    days = [s.first_date for s in schedules]
    days += [c.new_date or c.original_date for s in schedules for c in s.changes]
    return min(days, default=None)


def initiator_meetings(group: Group, schedules: Sequence[Schedule],
                       language: str = "nb") -> list[Meeting]:
    """The group's first ``initiator_meetings`` meetings that take place, oldest first."""
    first = first_meeting_day(schedules)
    if first is None:
        return []
    wanted = group.initiator_meetings
    found: list[Meeting] = []
    # Widen the window until enough meetings are found or the search horizon is reached.
    span = timedelta(weeks=max(8, 6 * wanted))
    end = first + span
    limit = first + timedelta(days=366 * _SEARCH_YEARS)
    while True:
        found = [m for m, state, _ in _raw(group, schedules, first, end, language)
                 if state is MeetingState.PLANNED]
        if len(found) >= wanted or end >= limit or _all_series_end_before(schedules, end):
            return found[:wanted]
        end = min(limit, end + span * 4)


def _all_series_end_before(schedules: Sequence[Schedule], day: date) -> bool:
    ends = [s.last_date for s in schedules]
    if any(e is None for e in ends):
        return False
    latest = max([e for e in ends if e is not None], default=day)
    moved = [c.new_date or c.original_date for s in schedules for c in s.changes]
    return max([latest, *moved]) < day


def group_meetings(group: Group, schedules: Sequence[Schedule], start: date, end: date, *,
                   language: str = "nb", include_skipped: bool = True) -> list[GroupMeeting]:
    """The group's meetings dated ``start..end``, each with its state and holiday."""
    with_initiator: set[tuple[str, date]] = set()
    if group.status in WITH_INITIATOR:
        with_initiator = {(m.schedule_id, m.original_date)
                          for m in initiator_meetings(group, schedules, language)}
    result = []
    for meeting, state, holiday in _raw(group, schedules, start, end, language):
        if state is not MeetingState.PLANNED and not include_skipped:
            continue
        key = (meeting.schedule_id, meeting.original_date)
        result.append(GroupMeeting(group, meeting, state, holiday,
                                   with_initiator=state is MeetingState.PLANNED
                                   and key in with_initiator))
    return result


def next_group_meeting(group: Group, schedules: Sequence[Schedule], now: datetime,
                       language: str = "nb") -> GroupMeeting | None:
    """The group's first meeting that takes place and has not ended at ``now`` (aware)."""
    if group.status is GroupStatus.ENDED:
        return None
    today = now.astimezone(OSLO).date()
    # From yesterday: a late meeting may still be running after midnight.
    window = group_meetings(group, schedules, today - timedelta(days=1),
                            today + timedelta(days=366), language=language,
                            include_skipped=False)
    return next((m for m in window if m.meeting.end > now), None)


def calendar_meetings(plans: Iterable[GroupPlan], start: date, end: date, *,
                      language: str = "nb") -> list[GroupMeeting]:
    """Every active group's meetings dated ``start..end``, in time order."""
    found = [m for group, schedules in plans if group.status is not GroupStatus.ENDED
             for m in group_meetings(group, schedules, start, end, language=language)]
    return sorted(found, key=lambda m: (m.meeting.start, m.group.name.casefold(), m.group.id))


def upcoming(plans: Iterable[GroupPlan], today: date, *, weeks: int = UPCOMING_WEEKS,
             language: str = "nb") -> list[Week]:
    """The next ``weeks`` weeks from this week's Monday, each with its meetings and holidays."""
    monday = today - timedelta(days=today.weekday())
    end = monday + timedelta(weeks=weeks, days=-1)
    meetings = [m for m in calendar_meetings(plans, today, end, language=language)]
    holidays = public_holidays(monday, end, language)
    result = []
    for index in range(weeks):
        first = monday + timedelta(weeks=index)
        last = first + timedelta(days=6)
        result.append(Week(
            monday=first,
            number=first.isocalendar().week,
            meetings=tuple(m for m in meetings if first <= m.meeting.date <= last),
            holidays=tuple((d, n) for d, n in holidays.items() if first <= d <= last),
        ))
    return result


def initiator_number(group: Group, schedules: Sequence[Schedule], meeting: Meeting,
                     language: str = "nb") -> int | None:
    """Which of the initiator's meetings ``meeting`` is (1-based), or None if not one."""
    if group.status not in WITH_INITIATOR:
        return None
    for number, own in enumerate(initiator_meetings(group, schedules, language), start=1):
        if (own.schedule_id, own.original_date) == (meeting.schedule_id, meeting.original_date):
            return number
    return None
