"""Small, named edits of a group's meeting series, as the calendar views offer them.

Each edit returns new values; ``save_schedule`` writes one series back in place.
A change of rhythm ends the old series and starts a new one, so the history stays.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, time, timedelta

from initiator_desktop.core.errors import N_, DomainError
from initiator_desktop.core.models import ChangeKind, MeetingChange, Schedule, new_id
from initiator_desktop.core.repository import VaultRepository


def on_or_after(day: date, weekday: int) -> date:
    """The first date from ``day`` onwards that falls on ``weekday`` (0 = Monday)."""
    return day + timedelta(days=(weekday - day.weekday()) % 7)


def _without(schedule: Schedule, day: date) -> tuple[MeetingChange, ...]:
    return tuple(c for c in schedule.changes if c.original_date != day)


def _series_date(schedule: Schedule, day: date) -> None:
    if not schedule.is_series_date(day):
        raise DomainError(N_("There is no regular meeting on that day."), "original_date")


def cancel_meeting(schedule: Schedule, day: date) -> Schedule:
    """Cancel the series' meeting on ``day`` (replacing a move of it, if any)."""
    _series_date(schedule, day)
    return replace(schedule, changes=(*_without(schedule, day),
                                      MeetingChange(day, ChangeKind.CANCELLED)))


def move_meeting(schedule: Schedule, day: date, new_date: date, new_start: time) -> Schedule:
    """Move the series' meeting on ``day`` to another date or time."""
    _series_date(schedule, day)
    if new_date == day and new_start == schedule.start:
        return restore_meeting(schedule, day)
    if new_date != day and (schedule.is_series_date(new_date) or any(
            c.kind is ChangeKind.ADDED and c.original_date == new_date
            for c in schedule.changes)):
        raise DomainError(N_("There is already a meeting on that day."), "new_date")
    return replace(schedule, changes=(*_without(schedule, day), MeetingChange(
        day, ChangeKind.MOVED, new_date=None if new_date == day else new_date,
        new_start=None if new_start == schedule.start else new_start)))


def add_meeting(schedule: Schedule, day: date, start: time | None = None) -> Schedule:
    """One extra meeting on ``day``, outside the rhythm (at the usual time by default)."""
    if any(c.original_date == day for c in schedule.changes):
        raise DomainError(N_("There is already a meeting on that day."), "original_date")
    at = None if start is None or start == schedule.start else start
    return replace(schedule, changes=(*schedule.changes,
                                      MeetingChange(day, ChangeKind.ADDED, new_start=at)))


def restore_meeting(schedule: Schedule, day: date) -> Schedule:
    """Undo a cancellation or move, or remove an added meeting."""
    return replace(schedule, changes=_without(schedule, day))


def change_rhythm(schedule: Schedule, from_day: date, *, interval_weeks: int,
                  weekday: int | None = None, start: time | None = None
                  ) -> tuple[Schedule, ...]:
    """The series with a new rhythm from ``from_day``: the old one ends, a new one begins.

    Returns one schedule when nothing was held before ``from_day`` (the series is simply
    changed), else two. Changes dated from ``from_day`` on move to the new series if they
    are added meetings; cancellations and moves of old dates there lapse with the old rhythm.
    """
    weekday = schedule.weekday if weekday is None else weekday
    start = schedule.start if start is None else start
    first = on_or_after(from_day, weekday)
    if schedule.last_date is not None and first > schedule.last_date:
        raise DomainError(N_("The series has ended before that day."), "first_date")
    later = tuple(c for c in schedule.changes
                  if c.original_date >= from_day and c.kind is ChangeKind.ADDED)
    earlier = tuple(c for c in schedule.changes if c.original_date < from_day)
    follower = Schedule(
        weekday=weekday, start=start, first_date=first,
        duration_minutes=schedule.duration_minutes, break_minutes=schedule.break_minutes,
        interval_weeks=interval_weeks, last_date=schedule.last_date,
        changes=tuple(c for c in later if not _lands_in(c, weekday, first, interval_weeks)),
        id=new_id(),
    )
    held_before = [d for d in _dates_before(schedule, from_day)]
    if not held_before:
        return (replace(follower, id=schedule.id),)
    ended = replace(schedule, last_date=held_before[-1], changes=earlier)
    return ended, follower


def _lands_in(change: MeetingChange, weekday: int, first: date, interval: int) -> bool:
    # An added meeting that the new rhythm now holds anyway is no longer extra.
    day = change.original_date
    return day >= first and day.weekday() == weekday and (day - first).days % (7 * interval) == 0


def _dates_before(schedule: Schedule, day: date) -> list[date]:
    last = day - timedelta(days=1)
    if schedule.last_date is not None:
        last = min(last, schedule.last_date)
    if last < schedule.first_date:
        return []
    step = 7 * schedule.interval_weeks
    count = (last - schedule.first_date).days // step
    return [schedule.first_date + timedelta(days=step * i) for i in range(count + 1)]


def replace_schedule(schedules: Sequence[Schedule], old_id: str,
                     new: Sequence[Schedule]) -> tuple[Schedule, ...]:
    """``schedules`` with the one called ``old_id`` replaced by ``new`` (in its place)."""
    result: list[Schedule] = []
    for schedule in schedules:
        result.extend(new if schedule.id == old_id else (schedule,))
    return tuple(result)


def save_schedule(repo: VaultRepository, group_id: str, old_id: str,
                  new: Sequence[Schedule]) -> None:
    """Write an edited series (or the two a change of rhythm makes) back to the group."""
    stored = repo.schedules(group_id)
    if not any(s.id == old_id for s in stored):
        raise DomainError(N_("The meeting series no longer exists."), "schedule")
    with repo.transaction():
        repo.save_schedules(group_id, replace_schedule(stored, old_id, new))
