"""A group's attendance history: meeting outcomes, the simple figures and the trend."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from initiator_desktop.core.attendance_stats import (
    Outcome,
    Trend,
    chart_series,
    figures,
    group_history,
    trend,
)
from initiator_desktop.core.clock import OSLO
from initiator_desktop.core.errors import DomainError
from initiator_desktop.core.group_life import MemberCount
from initiator_desktop.core.memory_repository import MemoryRepository
from initiator_desktop.core.models import (
    Attendance,
    ChangeKind,
    Group,
    GroupStatus,
    MeetingChange,
    Pause,
    Schedule,
)

NOW = datetime(2025, 5, 30, 12, 0, tzinfo=OSLO)
RECORDS = (
    Attendance(date(2025, 4, 3), 6, 0, 0),
    Attendance(date(2025, 4, 10), 5, 0, 1),
    Attendance(date(2025, 4, 24), 6, 1, 0),
    Attendance(date(2025, 5, 3), 3, 0, 0),  # a Saturday: no longer in the calendar
    Attendance(date(2025, 5, 22), 4, 0, 1),
)


def _repo(*, members: bool = True, is_open: bool = False) -> tuple[MemoryRepository, str]:
    """Thursdays from 3 April 2025, skipping public holidays (17 April, 1 and 29 May),
    a pause over 8 May, 15 May cancelled, and an extra meeting on Tuesday 27 May."""
    repo = MemoryRepository()
    group = Group(name="Torsdagsgruppa", theme="Angst", status=GroupStatus.SELF_RUNNING,
                  skip_holidays=True, is_open=is_open,
                  pauses=(Pause(date(2025, 5, 5), date(2025, 5, 11)),))
    repo.save_group(group)
    schedule = Schedule(weekday=3, start=time(18), first_date=date(2025, 4, 3), changes=(
        MeetingChange(date(2025, 5, 15), ChangeKind.CANCELLED),
        MeetingChange(date(2025, 5, 27), ChangeKind.ADDED),
    ))
    repo.save_schedules(group.id, [schedule])
    for record in RECORDS:
        repo.save_attendance(group.id, record)
    if members:
        repo.save_member_count(group.id, MemberCount(date(2025, 4, 1), 6))
        repo.save_member_count(group.id, MemberCount(date(2025, 5, 1), 5))
    return repo, group.id


def test_each_meeting_has_its_outcome() -> None:
    repo, group_id = _repo()
    history = group_history(repo, group_id, NOW)
    found = [(m.day, m.outcome) for m in history.meetings]
    assert found == [
        (date(2025, 4, 3), Outcome.RECORDED),
        (date(2025, 4, 10), Outcome.RECORDED),
        (date(2025, 4, 17), Outcome.NOT_HELD),  # Maundy Thursday
        (date(2025, 4, 24), Outcome.RECORDED),
        (date(2025, 5, 1), Outcome.NOT_HELD),  # Labour Day
        (date(2025, 5, 3), Outcome.RECORDED),  # the record wins over the calendar
        (date(2025, 5, 8), Outcome.NOT_HELD),  # the pause
        (date(2025, 5, 15), Outcome.CANCELLED),
        (date(2025, 5, 22), Outcome.RECORDED),
        (date(2025, 5, 27), Outcome.UNRECORDED),  # the added meeting
        (date(2025, 5, 29), Outcome.NOT_HELD),  # Ascension Day
    ]
    by_day = {m.day: m for m in history.meetings}
    assert by_day[date(2025, 4, 17)].skipped_for_holiday
    assert not by_day[date(2025, 5, 8)].skipped_for_holiday
    assert history.start == date(2025, 4, 3)
    assert history.end == date(2025, 5, 30)


def test_the_figures_by_hand() -> None:
    repo, group_id = _repo()
    f = group_history(repo, group_id, NOW).figures
    assert (f.held, f.recorded, f.unrecorded, f.cancelled, f.not_held) == (6, 5, 1, 1, 4)
    assert f.average_present == pytest.approx((6 + 5 + 6 + 3 + 4) / 5)
    assert f.newcomers == 1
    assert f.notified_absent == 2
    # A closed group: members minus everyone present minus notified (a newcomer is a new
    # member): 6-6-0, 6-5-1, 6-6-0, 5-3-0, 5-4-1.
    assert f.absent_without_notice == 0 + 0 + 0 + 2 + 0
    assert f.unknown_members == 0
    assert f.trend is Trend.FALLING  # see the next test


def test_the_trend_of_the_example_group() -> None:
    # Five recorded: halves of two, 6 and 5 against 3 and 4 (the middle one is left out).
    assert trend([6, 5, 6, 3, 4]) == (Trend.FALLING, pytest.approx(-2.0))


def test_in_an_open_group_newcomers_are_visitors() -> None:
    repo, group_id = _repo(is_open=True)
    # 6-6-0, 6-5-1, 6-(6-1)-0, 5-3-0, 5-4-1
    assert group_history(repo, group_id, NOW).figures.absent_without_notice == 0 + 0 + 1 + 2


def test_without_a_member_count_absences_without_notice_are_unknown() -> None:
    repo, group_id = _repo(members=False)
    f = group_history(repo, group_id, NOW).figures
    assert f.absent_without_notice is None
    assert f.unknown_members == 5
    assert all(m.absent_without_notice is None for m in group_history(repo, group_id,
                                                                       NOW).meetings)


def test_a_meeting_later_today_is_not_yet_history() -> None:
    repo, group_id = _repo()
    before = group_history(repo, group_id, datetime(2025, 5, 27, 12, 0, tzinfo=OSLO))
    assert before.meetings[-1].day == date(2025, 5, 22)
    started = group_history(repo, group_id, datetime(2025, 5, 27, 18, 5, tzinfo=OSLO))
    assert (started.meetings[-1].day, started.meetings[-1].outcome) == (
        date(2025, 5, 27), Outcome.UNRECORDED)


def test_a_period_limits_meetings_and_figures() -> None:
    repo, group_id = _repo()
    history = group_history(repo, group_id, NOW, start=date(2025, 5, 1),
                            end=date(2025, 5, 25))
    assert [m.day for m in history.meetings] == [
        date(2025, 5, 1), date(2025, 5, 3), date(2025, 5, 8), date(2025, 5, 15),
        date(2025, 5, 22)]
    assert history.figures.recorded == 2
    assert history.figures.average_present == pytest.approx(3.5)


def test_a_record_on_a_cancelled_day_counts_as_held() -> None:
    repo, group_id = _repo()
    repo.save_attendance(group_id, Attendance(date(2025, 5, 15), 2))
    by_day = {m.day: m for m in group_history(repo, group_id, NOW).meetings}
    assert by_day[date(2025, 5, 15)].outcome is Outcome.RECORDED


def test_a_group_without_meetings_has_an_empty_history() -> None:
    repo = MemoryRepository()
    group = Group(name="Ny")
    repo.save_group(group)
    history = group_history(repo, group.id, NOW)
    assert history.meetings == ()
    assert history.figures.average_present is None
    assert history.figures.trend is Trend.TOO_FEW
    assert chart_series(history.meetings).points == ()


def test_an_unknown_group_is_refused() -> None:
    with pytest.raises(DomainError):
        group_history(MemoryRepository(), "nope", NOW)


@pytest.mark.parametrize(("present", "expected"), [
    ([5, 5, 5], Trend.TOO_FEW),
    ([5, 5, 5, 5], Trend.STEADY),
    ([5, 5, 6, 5], Trend.STEADY),  # half a person more: not yet a trend
    ([4, 4, 6, 6], Trend.RISING),
    ([8, 8, 8, 8, 6, 6, 6, 6], Trend.FALLING),
    ([20, 20, 22, 22], Trend.STEADY),  # two more of twenty is within an eighth
    ([20, 20, 24, 24], Trend.RISING),
    ([9, 9, 9, 9, 9, 9, 9, 9, 2, 2, 2, 2, 2, 2, 2, 2], Trend.STEADY),  # only the last eight
])
def test_trend(present: list[int], expected: Trend) -> None:
    assert trend(present)[0] is expected


def test_the_chart_series_carries_the_same_numbers() -> None:
    repo, group_id = _repo()
    history = group_history(repo, group_id, NOW)
    series = chart_series(history.meetings)
    assert len(series.points) == len(history.meetings)
    for point, meeting in zip(series.points, history.meetings, strict=True):
        assert point.outcome is meeting.outcome
        assert point.day == point.last_day == meeting.day
        if meeting.record is None:
            assert point.present is None
        else:
            assert point.present is not None and point.present.value == meeting.record.present
            assert point.newcomers is not None
            assert point.newcomers.value == meeting.record.newcomers
        assert (point.members.value if point.members else None) == meeting.members
    assert series.threshold is None  # the initiator's own view hides nothing


def test_figures_of_no_meetings() -> None:
    f = figures([])
    assert (f.held, f.recorded, f.average_present, f.absent_without_notice) == (0, 0, None,
                                                                               None)
