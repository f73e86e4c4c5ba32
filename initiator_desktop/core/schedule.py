"""Meeting occurrences from a group's schedules, in Europe/Oslo local time.

Recurrence comes from dateutil's rrule on local dates; the wall-clock start time is
attached afterwards so a meeting stays at 18:00 across daylight-saving changes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from dateutil.rrule import WEEKLY, rrule

from initiator_desktop.core.clock import OSLO
from initiator_desktop.core.models import ChangeKind, MeetingChange, Schedule


@dataclass(frozen=True, slots=True)
class Meeting:
    """One concrete meeting: when it starts, when the break is, when it ends."""

    schedule_id: str
    original_date: date
    start: datetime
    end: datetime
    break_start: datetime
    break_end: datetime
    cancelled: bool = False
    moved: bool = False
    added: bool = False

    @property
    def date(self) -> date:
        return self.start.date()


def _series_dates(schedule: Schedule, start: date, end: date) -> list[date]:
    last = min(end, schedule.last_date) if schedule.last_date else end
    if last < max(start, schedule.first_date):
        return []
    rule = rrule(
        WEEKLY,
        interval=schedule.interval_weeks,
        byweekday=schedule.weekday,
        dtstart=datetime.combine(schedule.first_date, time()),
        until=datetime.combine(last, time()),
    )
    return [d.date() for d in rule if d.date() >= start]


def _meeting(schedule: Schedule, original: date, day: date, at: time, **flags: bool) -> Meeting:
    begin = datetime.combine(day, at, tzinfo=OSLO)
    # Wall-clock arithmetic: add minutes to the naive time, then attach the zone again.
    def later(minutes: int) -> datetime:
        naive = datetime.combine(day, at) + timedelta(minutes=minutes)
        return naive.replace(tzinfo=OSLO)

    # The break sits at the half-way point, rounded to five minutes for a clock that reads well.
    half = 5 * round((schedule.duration_minutes - schedule.break_minutes) / 10)
    return Meeting(
        schedule_id=schedule.id,
        original_date=original,
        start=begin,
        end=later(schedule.duration_minutes),
        break_start=later(half),
        break_end=later(half + schedule.break_minutes),
        **flags,
    )


def in_series(schedule: Schedule, day: date) -> bool:
    """Whether ``day`` is one of the series' regular meeting dates."""
    return schedule.is_series_date(day)


def occurrences(
    schedule: Schedule, start: date, end: date, *, include_cancelled: bool = False
) -> list[Meeting]:
    """Meetings of ``schedule`` whose (possibly moved or added) date lies in ``start..end``."""
    changes: dict[date, MeetingChange] = {c.original_date: c for c in schedule.changes}
    meetings: list[Meeting] = []
    for original in _series_dates(schedule, start, end):
        change = changes.get(original)
        if change is None:
            meetings.append(_meeting(schedule, original, original, schedule.start))
        elif change.kind is ChangeKind.CANCELLED and include_cancelled:
            meetings.append(
                _meeting(schedule, original, original, schedule.start, cancelled=True)
            )
    # A moved meeting may land in the window from a series date anywhere else.
    for change in changes.values():
        if change.kind is ChangeKind.ADDED:
            if start <= change.original_date <= end:
                at = change.new_start or schedule.start
                meetings.append(_meeting(schedule, change.original_date, change.original_date,
                                         at, added=True))
            continue
        if change.kind is not ChangeKind.MOVED or not in_series(schedule, change.original_date):
            continue
        day = change.new_date or change.original_date
        if start <= day <= end:
            at = change.new_start or schedule.start
            meetings.append(_meeting(schedule, change.original_date, day, at, moved=True))
    return sorted(meetings, key=lambda m: m.start)


def next_meeting(schedules: Iterable[Schedule], now: datetime) -> Meeting | None:
    """The first meeting that has not yet ended at ``now`` (aware datetime), if any."""
    today = now.astimezone(OSLO).date()
    horizon = today + timedelta(days=366)
    # From yesterday: a late meeting may still be running after midnight.
    upcoming = [
        m for s in schedules
        for m in occurrences(s, today - timedelta(days=1), horizon) if m.end > now
    ]
    return min(upcoming, key=lambda m: m.start, default=None)


def held_meetings(schedules: Iterable[Schedule], until: date) -> list[Meeting]:
    """Meetings that took place (were not cancelled) from each series' start up to ``until``."""
    found = [m for s in schedules for m in occurrences(s, s.first_date, until)]
    return sorted(found, key=lambda m: m.start)
