"""Meeting occurrences in Europe/Oslo wall-clock time, next meeting and held meetings."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from initiator_desktop.core.models import ChangeKind, MeetingChange, Schedule
from initiator_desktop.core.schedule import Meeting, held_meetings, next_meeting, occurrences

OSLO = ZoneInfo("Europe/Oslo")


def wall_clock(moment: datetime) -> datetime:
    """The Oslo wall-clock reading of the instant ``moment`` denotes.

    Going through UTC first matters: ``astimezone`` to the very same tzinfo object is a
    no-op and would not notice a wrong offset.
    """
    return moment.astimezone(UTC).astimezone(OSLO).replace(tzinfo=None)


def naive(moment: datetime) -> datetime:
    return moment.replace(tzinfo=None)


def last_sunday(year: int, month: int) -> date:
    day = date(year, month + 1, 1) - timedelta(days=1)
    return day - timedelta(days=(day.weekday() - 6) % 7)


# -- strategies ------------------------------------------------------------------------
# Hour 2 is left out: on the last Sunday of March 02:00-02:59 does not exist in Oslo, so
# no instant can read that wall-clock time. Every other hour exists on every day.
HOURS = [h for h in range(24) if h != 2]
clock_times = st.builds(time, st.sampled_from(HOURS), st.integers(0, 59))

DST_SUNDAYS = [last_sunday(y, m) for y in range(2024, 2031) for m in (3, 10)]
near_dst = st.builds(
    lambda sunday, offset: sunday + timedelta(days=offset),
    st.sampled_from(DST_SUNDAYS),
    st.integers(-35, 7),
)
first_dates = st.one_of(near_dst, st.dates(date(2024, 1, 1), date(2030, 12, 31)))


@st.composite
def schedules(draw: st.DrawFn, *, with_changes: bool = True) -> Schedule:
    first = draw(first_dates)
    interval = draw(st.integers(1, 4))
    duration = draw(st.integers(15, 360))
    pause = draw(st.integers(0, min(60, duration - 1)))
    last = draw(st.none() | st.integers(0, 500).map(lambda n: first + timedelta(days=n)))
    changes: list[MeetingChange] = []
    if with_changes:
        indices = draw(st.lists(st.integers(0, 60), unique=True, max_size=8))
        for index in indices:
            original = first + timedelta(weeks=index * interval)
            if draw(st.booleans()):
                changes.append(MeetingChange(original, ChangeKind.CANCELLED))
                continue
            # Moves stay within three weeks; see test_meeting_moved_far_away_is_in_any_window.
            new_date = draw(
                st.none() | st.integers(-20, 20).map(lambda n, o=original: o + timedelta(days=n))
            )
            new_start = draw(clock_times) if new_date is None else draw(st.none() | clock_times)
            changes.append(MeetingChange(original, ChangeKind.MOVED, new_date, new_start))
    return Schedule(
        weekday=first.weekday(),
        start=draw(clock_times),
        first_date=first,
        duration_minutes=duration,
        break_minutes=pause,
        interval_weeks=interval,
        last_date=last,
        changes=tuple(changes),
    )


@dataclass(frozen=True)
class Case:
    schedule: Schedule
    start: date
    end: date


@st.composite
def cases(draw: st.DrawFn, *, with_changes: bool = True) -> Case:
    schedule = draw(schedules(with_changes=with_changes))
    start = schedule.first_date + timedelta(days=draw(st.integers(-60, 400)))
    return Case(schedule, start, start + timedelta(days=draw(st.integers(0, 400))))


def expected(case: Case, *, include_cancelled: bool = False) -> list[tuple[object, ...]]:
    """An independent model of ``occurrences``: (original, date, time, cancelled, moved)."""
    s = case.schedule
    changes = {c.original_date: c for c in s.changes}
    series_end = min(s.last_date or date.max, case.end + timedelta(days=30))
    found = []
    day = s.first_date
    while day <= series_end:
        change = changes.get(day)
        if change is None:
            row = (day, day, s.start, False, False)
        elif change.kind is ChangeKind.CANCELLED:
            row = (day, day, s.start, True, False)
        else:
            row = (day, change.new_date or day, change.new_start or s.start, False, True)
        if case.start <= row[1] <= case.end and (include_cancelled or not row[3]):
            found.append(row)
        day += timedelta(weeks=s.interval_weeks)
    return sorted(found)


def observed(meetings: list[Meeting]) -> list[tuple[object, ...]]:
    return sorted(
        (m.original_date, m.date, wall_clock(m.start).time(), m.cancelled, m.moved)
        for m in meetings
    )


# -- occurrences: properties -----------------------------------------------------------
@settings(deadline=None)
@given(cases(), st.booleans())
def test_occurrences_match_an_independent_model(case: Case, include_cancelled: bool) -> None:
    found = occurrences(case.schedule, case.start, case.end, include_cancelled=include_cancelled)
    assert observed(found) == expected(case, include_cancelled=include_cancelled)
    assert [m.start for m in found] == sorted(m.start for m in found)


@settings(deadline=None)
@given(cases())
def test_unchanged_meetings_fall_on_the_weekday_at_the_local_start_time(case: Case) -> None:
    s = case.schedule
    for m in occurrences(s, case.start, case.end, include_cancelled=True):
        if m.moved:
            continue
        local = wall_clock(m.start)
        assert local.weekday() == s.weekday
        assert local.time() == s.start
        assert m.start.utcoffset() in (timedelta(hours=1), timedelta(hours=2))
        assert m.original_date == m.date == local.date()


@settings(deadline=None)
@given(cases())
def test_occurrences_respect_window_first_and_last_date(case: Case) -> None:
    s = case.schedule
    for m in occurrences(s, case.start, case.end, include_cancelled=True):
        assert case.start <= m.date <= case.end
        assert s.first_date <= m.original_date
        if s.last_date is not None:
            assert m.original_date <= s.last_date
        assert (m.original_date - s.first_date).days % (7 * s.interval_weeks) == 0


@settings(deadline=None)
@given(cases(with_changes=False))
def test_consecutive_occurrences_are_interval_weeks_apart(case: Case) -> None:
    s = case.schedule
    dates = [wall_clock(m.start).date() for m in occurrences(s, case.start, case.end)]
    for earlier, later in itertools.pairwise(dates):
        assert later - earlier == timedelta(weeks=s.interval_weeks)
    if dates:
        first_possible = max(case.start, s.first_date)
        assert dates[0] - first_possible < timedelta(weeks=s.interval_weeks)


@settings(deadline=None)
@given(cases())
def test_cancelled_meetings_are_absent_unless_asked_for(case: Case) -> None:
    s = case.schedule
    cancelled = {c.original_date for c in s.changes if c.kind is ChangeKind.CANCELLED}
    plain = occurrences(s, case.start, case.end)
    assert not any(m.cancelled for m in plain)
    assert not cancelled & {m.original_date for m in plain}
    every = occurrences(s, case.start, case.end, include_cancelled=True)
    flagged = {m.original_date for m in every if m.cancelled}
    assert flagged <= cancelled
    assert [m for m in every if not m.cancelled] == plain
    for m in every:
        if m.cancelled:
            assert (m.date, wall_clock(m.start).time()) == (m.original_date, s.start)


@settings(deadline=None)
@given(cases())
def test_moved_meetings_appear_at_the_new_date_and_time(case: Case) -> None:
    s = case.schedule
    moves = {c.original_date: c for c in s.changes if c.kind is ChangeKind.MOVED}
    for m in occurrences(s, case.start, case.end):
        assert m.moved == (m.original_date in moves)
        if m.moved:
            change = moves[m.original_date]
            local = wall_clock(m.start)
            assert local.date() == (change.new_date or change.original_date)
            assert local.time() == (change.new_start or s.start)


@settings(deadline=None)
@given(cases())
def test_duration_and_break_in_wall_clock_terms(case: Case) -> None:
    s = case.schedule
    for m in occurrences(s, case.start, case.end, include_cancelled=True):
        assert naive(m.end) - naive(m.start) == timedelta(minutes=s.duration_minutes)
        assert naive(m.start) <= naive(m.break_start) <= naive(m.break_end) <= naive(m.end)
        assert naive(m.break_end) - naive(m.break_start) == timedelta(minutes=s.break_minutes)


# -- occurrences: daylight saving time -------------------------------------------------
@pytest.mark.parametrize(
    ("sunday", "before", "after"),
    [
        (date(2026, 3, 29), 1, 2),
        (date(2026, 10, 25), 2, 1),
        (date(2025, 3, 30), 1, 2),
        (date(2025, 10, 26), 2, 1),
    ],
)
def test_meeting_stays_at_18_across_dst(sunday: date, before: int, after: int) -> None:
    for weekday_offset in (-1, 0):  # a Saturday series and a Sunday series
        first = sunday + timedelta(days=weekday_offset - 14)
        s = Schedule(weekday=first.weekday(), start=time(18, 0), first_date=first)
        found = occurrences(s, first, first + timedelta(weeks=4))
        assert len(found) == 5
        for m in found:
            local = wall_clock(m.start)
            assert local.time() == time(18, 0)
            hours = before if m.date < sunday else after
            assert m.start.utcoffset() == timedelta(hours=hours)
            assert m.start.astimezone(UTC).hour == 18 - hours


def test_meeting_through_the_spring_night_keeps_wall_clock_duration() -> None:
    saturday = date(2026, 3, 28)
    s = Schedule(
        weekday=5, start=time(23, 0), first_date=saturday, duration_minutes=240, break_minutes=20
    )
    (m,) = occurrences(s, saturday, saturday)
    assert naive(m.end) == datetime(2026, 3, 29, 3, 0)
    assert wall_clock(m.end) == datetime(2026, 3, 29, 3, 0)
    # Only three hours pass in reality: the clock jumps from 02:00 to 03:00.
    assert m.end.astimezone(UTC) - m.start.astimezone(UTC) == timedelta(hours=3)


def test_meeting_moved_far_away_is_found_in_a_window_holding_both_dates() -> None:
    original = date(2026, 1, 5)
    moved_to = date(2026, 4, 1)
    s = Schedule(
        weekday=0,
        start=time(18, 0),
        first_date=original,
        changes=(MeetingChange(original, ChangeKind.MOVED, new_date=moved_to),),
    )
    wide = occurrences(s, original, moved_to)
    assert [m.original_date for m in wide if m.moved] == [original]
    assert moved_to in {m.date for m in wide if m.moved}
    assert original not in {m.date for m in wide}


def test_meeting_moved_far_away_is_in_any_window() -> None:
    original = date(2026, 1, 5)
    moved_to = date(2026, 4, 1)
    s = Schedule(
        weekday=0,
        start=time(18, 0),
        first_date=original,
        changes=(MeetingChange(original, ChangeKind.MOVED, new_date=moved_to),),
    )
    narrow = occurrences(s, date(2026, 3, 31), date(2026, 4, 2))
    assert [m.date for m in narrow] == [moved_to]


# -- next_meeting ----------------------------------------------------------------------
TUESDAY = date(2026, 1, 6)
WEEKLY = Schedule(weekday=1, start=time(18, 0), first_date=TUESDAY, duration_minutes=120)


def oslo(*args: int) -> datetime:
    return datetime(*args, tzinfo=OSLO)  # type: ignore[misc]


@pytest.mark.parametrize(
    ("now", "expected_day"),
    [
        (oslo(2025, 12, 1, 12, 0), TUESDAY),  # long before the first meeting
        (oslo(2026, 1, 6, 17, 59), TUESDAY),
        (oslo(2026, 1, 6, 18, 0), TUESDAY),  # just started
        (oslo(2026, 1, 6, 19, 59), TUESDAY),  # in progress
        (oslo(2026, 1, 6, 20, 0), date(2026, 1, 13)),  # ended exactly now
        (datetime(2026, 1, 6, 18, 30, tzinfo=UTC), TUESDAY),  # 19:30 in Oslo
        (datetime(2026, 1, 6, 19, 30, tzinfo=UTC), date(2026, 1, 13)),  # 20:30 in Oslo
        (oslo(2026, 7, 1, 9, 0), date(2026, 7, 7)),
    ],
)
def test_next_meeting_is_the_first_not_yet_ended(now: datetime, expected_day: date) -> None:
    found = next_meeting([WEEKLY], now)
    assert found is not None
    assert found.date == expected_day
    assert wall_clock(found.start).time() == time(18, 0)


def test_next_meeting_none_after_last_date_and_without_schedules() -> None:
    last = date(2026, 1, 13)
    ending = Schedule(weekday=1, start=time(18, 0), first_date=TUESDAY, last_date=last)
    found = next_meeting([ending], oslo(2026, 1, 13, 19, 0))
    assert found is not None and found.date == last
    assert next_meeting([ending], oslo(2026, 1, 13, 20, 0)) is None
    assert next_meeting([ending], oslo(2026, 1, 14, 9, 0)) is None
    assert next_meeting([], oslo(2026, 1, 1, 9, 0)) is None


def test_next_meeting_skips_cancelled_and_follows_moves() -> None:
    cancelled = Schedule(
        weekday=1,
        start=time(18, 0),
        first_date=TUESDAY,
        changes=(MeetingChange(TUESDAY, ChangeKind.CANCELLED),),
    )
    found = next_meeting([cancelled], oslo(2026, 1, 5, 9, 0))
    assert found is not None and found.date == date(2026, 1, 13)
    moved = Schedule(
        weekday=1,
        start=time(18, 0),
        first_date=TUESDAY,
        changes=(
            MeetingChange(
                TUESDAY, ChangeKind.MOVED, new_date=date(2026, 1, 8), new_start=time(17, 0)
            ),
        ),
    )
    found = next_meeting([moved], oslo(2026, 1, 7, 9, 0))
    assert found is not None and found.moved
    assert wall_clock(found.start) == datetime(2026, 1, 8, 17, 0)


def test_next_meeting_picks_the_earliest_of_several_schedules() -> None:
    thursday = Schedule(weekday=3, start=time(17, 30), first_date=date(2026, 1, 8))
    monday = Schedule(weekday=0, start=time(19, 0), first_date=date(2026, 1, 5))
    found = next_meeting([monday, WEEKLY, thursday], oslo(2026, 1, 6, 20, 30))
    assert found is not None
    assert (found.schedule_id, found.date) == (thursday.id, date(2026, 1, 8))
    found = next_meeting([thursday, monday, WEEKLY], oslo(2026, 1, 9, 12, 0))
    assert found is not None
    assert (found.schedule_id, found.date) == (monday.id, date(2026, 1, 12))


def test_next_meeting_in_progress_across_midnight() -> None:
    late = Schedule(weekday=0, start=time(23, 0), first_date=date(2026, 1, 5), duration_minutes=120)
    found = next_meeting([late], oslo(2026, 1, 6, 0, 30))
    assert found is not None
    assert found.date == date(2026, 1, 5)


# -- held_meetings ---------------------------------------------------------------------
def test_held_meetings_exclude_cancelled_and_include_moved() -> None:
    s = Schedule(
        weekday=1,
        start=time(18, 0),
        first_date=TUESDAY,
        changes=(
            MeetingChange(date(2026, 1, 13), ChangeKind.CANCELLED),
            MeetingChange(date(2026, 1, 20), ChangeKind.MOVED, new_date=date(2026, 1, 21)),
        ),
    )
    held = held_meetings([s], date(2026, 2, 3))
    assert [m.date for m in held] == [
        TUESDAY,
        date(2026, 1, 21),
        date(2026, 1, 27),
        date(2026, 2, 3),
    ]
    assert not any(m.cancelled for m in held)
    assert [m.moved for m in held] == [False, True, False, False]


def test_held_meetings_of_several_schedules_in_time_order() -> None:
    thursday = Schedule(
        weekday=3, start=time(17, 30), first_date=date(2026, 1, 8), last_date=date(2026, 1, 15)
    )
    held = held_meetings([thursday, WEEKLY], date(2026, 1, 20))
    assert [(m.date, m.schedule_id) for m in held] == [
        (TUESDAY, WEEKLY.id),
        (date(2026, 1, 8), thursday.id),
        (date(2026, 1, 13), WEEKLY.id),
        (date(2026, 1, 15), thursday.id),
        (date(2026, 1, 20), WEEKLY.id),
    ]
    assert held_meetings([WEEKLY], date(2026, 1, 5)) == []
