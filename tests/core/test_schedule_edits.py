"""One-click edits of a series: cancel, move, add, undo, and a change of rhythm."""

from __future__ import annotations

from datetime import date, time

import pytest

from initiator_desktop.core.errors import DomainError
from initiator_desktop.core.memory_repository import MemoryRepository
from initiator_desktop.core.models import ChangeKind, Group, MeetingChange, Schedule
from initiator_desktop.core.schedule import occurrences
from initiator_desktop.core.schedule_edits import (
    add_meeting,
    cancel_meeting,
    change_rhythm,
    move_meeting,
    restore_meeting,
    save_schedule,
)

TUESDAYS = Schedule(weekday=1, start=time(18, 0), first_date=date(2026, 1, 6))


def dates(schedule: Schedule, start: date, end: date) -> list[date]:
    return [m.date for m in occurrences(schedule, start, end)]


def test_cancel_then_restore() -> None:
    cancelled = cancel_meeting(TUESDAYS, date(2026, 1, 13))
    assert dates(cancelled, date(2026, 1, 6), date(2026, 1, 20)) == [
        date(2026, 1, 6), date(2026, 1, 20)]
    assert restore_meeting(cancelled, date(2026, 1, 13)) == TUESDAYS


def test_cancel_replaces_a_move() -> None:
    moved = move_meeting(TUESDAYS, date(2026, 1, 13), date(2026, 1, 14), time(18, 0))
    cancelled = cancel_meeting(moved, date(2026, 1, 13))
    assert cancelled.changes == (MeetingChange(date(2026, 1, 13), ChangeKind.CANCELLED),)


def test_move_to_another_day_and_time() -> None:
    moved = move_meeting(TUESDAYS, date(2026, 5, 12), date(2026, 5, 13), time(17, 0))
    found = occurrences(moved, date(2026, 5, 11), date(2026, 5, 17))
    assert [(m.start.date(), m.start.time(), m.moved) for m in found] == [
        (date(2026, 5, 13), time(17, 0), True)]
    assert move_meeting(moved, date(2026, 5, 12), date(2026, 5, 12), time(18, 0)) == TUESDAYS


def test_move_onto_another_meeting_is_refused() -> None:
    with pytest.raises(DomainError, match="already a meeting"):
        move_meeting(TUESDAYS, date(2026, 5, 12), date(2026, 5, 19), time(18, 0))


def test_edits_need_a_real_series_date() -> None:
    with pytest.raises(DomainError, match="no regular meeting"):
        cancel_meeting(TUESDAYS, date(2026, 5, 13))


def test_add_a_meeting_once() -> None:
    added = add_meeting(TUESDAYS, date(2026, 5, 14), time(12, 0))
    found = occurrences(added, date(2026, 5, 11), date(2026, 5, 17))
    assert [(m.start.date(), m.start.time(), m.added) for m in found] == [
        (date(2026, 5, 12), time(18, 0), False), (date(2026, 5, 14), time(12, 0), True)]
    with pytest.raises(DomainError, match="already a meeting"):
        add_meeting(added, date(2026, 5, 14))
    with pytest.raises(DomainError, match="already a meeting"):
        add_meeting(TUESDAYS, date(2026, 5, 12))
    assert restore_meeting(added, date(2026, 5, 14)) == TUESDAYS


def test_change_of_rhythm_keeps_the_history() -> None:
    series = cancel_meeting(TUESDAYS, date(2026, 2, 3))
    series = cancel_meeting(series, date(2026, 6, 16))  # lapses with the old rhythm
    series = add_meeting(series, date(2026, 7, 2))  # stays, in the new series
    ended, follower = change_rhythm(series, date(2026, 6, 1), interval_weeks=2,
                                    start=time(19, 0))
    assert ended.id == series.id and ended.last_date == date(2026, 5, 26)
    assert ended.changes == (MeetingChange(date(2026, 2, 3), ChangeKind.CANCELLED),)
    assert follower.first_date == date(2026, 6, 2) and follower.interval_weeks == 2
    assert follower.start == time(19, 0) and follower.id != series.id
    assert follower.changes == (MeetingChange(date(2026, 7, 2), ChangeKind.ADDED),)
    after = dates(follower, date(2026, 6, 1), date(2026, 7, 31))
    assert after == [date(2026, 6, 2), date(2026, 6, 16), date(2026, 6, 30), date(2026, 7, 2),
                     date(2026, 7, 14), date(2026, 7, 28)]


def test_change_of_rhythm_before_the_first_meeting_changes_the_series() -> None:
    planned = Schedule(weekday=0, start=time(19, 0), first_date=date(2026, 12, 21))
    (changed,) = change_rhythm(planned, date(2026, 12, 1), interval_weeks=2, weekday=2)
    assert changed.id == planned.id
    assert changed.first_date == date(2026, 12, 2) and changed.weekday == 2


def test_change_of_rhythm_after_the_series_ended_is_refused() -> None:
    ended = Schedule(weekday=1, start=time(18, 0), first_date=date(2026, 1, 6),
                     last_date=date(2026, 3, 31))
    with pytest.raises(DomainError):
        change_rhythm(ended, date(2026, 4, 1), interval_weeks=2)


def test_save_schedule_replaces_in_place() -> None:
    repo = MemoryRepository()
    group = Group(name="A")
    other = Schedule(weekday=3, start=time(10, 0), first_date=date(2026, 1, 1))
    repo.save_group(group)
    repo.save_schedules(group.id, [TUESDAYS, other])
    new = change_rhythm(TUESDAYS, date(2026, 6, 1), interval_weeks=2)
    save_schedule(repo, group.id, TUESDAYS.id, new)
    stored = repo.schedules(group.id)
    assert {s.id for s in stored} == {TUESDAYS.id, new[1].id, other.id}
    with pytest.raises(DomainError):
        save_schedule(repo, group.id, "gone", new)
