"""Meeting occurrences from a group's schedules, in Europe/Oslo local time.

Recurrence comes from dateutil's rrule on local dates; the wall-clock start time is
attached afterwards so a meeting stays at 18:00 across daylight-saving changes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from dateutil.rrule import WEEKLY, rrule

from initiator_desktop.core.models import ChangeKind, MeetingChange, Schedule

OSLO = ZoneInfo("Europe/Oslo")


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


def occurrences(
    schedule: Schedule, start: date, end: date, *, include_cancelled: bool = False
) -> list[Meeting]:
    """Meetings of ``schedule`` whose (possibly moved) date lies in ``start..end``."""
    changes: dict[date, MeetingChange] = {c.original_date: c for c in schedule.changes}
    meetings: list[Meeting] = []
    # A moved meeting may land inside the window from a series date outside it.
    margin = timedelta(days=62)
    for original in _series_dates(schedule, start - margin, end + margin):
        change = changes.get(original)
        if change is None:
            meeting = _meeting(schedule, original, original, schedule.start)
        elif change.kind is ChangeKind.CANCELLED:
            if not include_cancelled:
                continue
            meeting = _meeting(schedule, original, original, schedule.start, cancelled=True)
        else:
            day = change.new_date or original
            meeting = _meeting(schedule, original, day, change.new_start or schedule.start,
                               moved=True)
        if start <= meeting.date <= end:
            meetings.append(meeting)
    return sorted(meetings, key=lambda m: m.start)


def next_meeting(schedules: Iterable[Schedule], now: datetime) -> Meeting | None:
    """The first meeting that has not yet ended at ``now`` (aware datetime), if any."""
    today = now.astimezone(OSLO).date()
    horizon = today + timedelta(days=366)
    upcoming = [
        m for s in schedules for m in occurrences(s, today, horizon) if m.end > now
    ]
    return min(upcoming, key=lambda m: m.start, default=None)


def held_meetings(schedules: Iterable[Schedule], until: date) -> list[Meeting]:
    """Meetings that took place (were not cancelled) from each series' start up to ``until``."""
    found = [
        m for s in schedules for m in occurrences(s, s.first_date, until)
    ]
    return sorted(found, key=lambda m: m.start)
