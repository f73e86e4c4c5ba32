"""The group's calendar: pauses, skipped holidays, the initiator's meetings, upcoming weeks."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from initiator_desktop.core.clock import OSLO
from initiator_desktop.core.meeting_calendar import (
    MeetingState,
    calendar_meetings,
    group_meetings,
    initiator_meetings,
    next_group_meeting,
    upcoming,
)
from initiator_desktop.core.models import (
    ChangeKind,
    Group,
    GroupStatus,
    MeetingChange,
    Pause,
    Schedule,
)

THURSDAYS = Schedule(weekday=3, start=time(17, 30), first_date=date(2026, 1, 1))
CHRISTMAS = Pause(date(2026, 12, 21), date(2027, 1, 3))


def states(group: Group, schedule: Schedule, start: date, end: date) -> dict[date, MeetingState]:
    return {m.meeting.date: m.state for m in group_meetings(group, [schedule], start, end)}


def test_holidays_are_flagged_and_skipped_only_when_the_group_chooses() -> None:
    keeps = Group(name="A")
    found = group_meetings(keeps, [THURSDAYS], date(2026, 5, 1), date(2026, 5, 31),
                           language="en")
    ascension = next(m for m in found if m.meeting.date == date(2026, 5, 14))
    assert ascension.holiday == "Ascension Day"
    assert ascension.takes_place and ascension.holiday_clash
    skips = Group(name="B", skip_holidays=True)
    assert states(skips, THURSDAYS, date(2026, 5, 1), date(2026, 5, 31)) == {
        date(2026, 5, 7): MeetingState.PLANNED,
        date(2026, 5, 14): MeetingState.HOLIDAY,
        date(2026, 5, 21): MeetingState.PLANNED,
        date(2026, 5, 28): MeetingState.PLANNED,
    }


def test_holiday_names_follow_the_language() -> None:
    found = group_meetings(Group(name="A"), [THURSDAYS], date(2026, 4, 1), date(2026, 4, 3),
                           language="nb")
    assert found[0].holiday == "Skjærtorsdag"


def test_pause_and_what_stays_on_purpose() -> None:
    moved_into_pause = MeetingChange(date(2026, 12, 31), ChangeKind.MOVED, new_start=time(12, 0))
    added = MeetingChange(date(2026, 12, 29), ChangeKind.ADDED)
    schedule = Schedule(weekday=3, start=time(17, 30), first_date=date(2026, 1, 1),
                        changes=(moved_into_pause, added))
    group = Group(name="A", pauses=(CHRISTMAS,))
    found = {(m.meeting.date, m.state) for m in group_meetings(
        group, [schedule], date(2026, 12, 14), date(2027, 1, 10))}
    assert found == {
        (date(2026, 12, 17), MeetingState.PLANNED),
        (date(2026, 12, 24), MeetingState.PAUSED),
        (date(2026, 12, 29), MeetingState.PLANNED),  # added on purpose
        (date(2026, 12, 31), MeetingState.PLANNED),  # moved on purpose
        (date(2027, 1, 7), MeetingState.PLANNED),
    }


def test_skipped_meetings_can_be_left_out() -> None:
    group = Group(name="A", pauses=(CHRISTMAS,))
    found = group_meetings(group, [THURSDAYS], date(2026, 12, 1), date(2027, 1, 31),
                           include_skipped=False)
    assert all(m.takes_place for m in found)
    assert date(2026, 12, 24) not in {m.meeting.date for m in found}


def test_initiator_attends_the_first_meetings_that_take_place() -> None:
    schedule = Schedule(weekday=3, start=time(17, 30), first_date=date(2026, 12, 10),
                        changes=(MeetingChange(date(2026, 12, 17), ChangeKind.CANCELLED),))
    group = Group(name="A", status=GroupStatus.STARTING, initiator_meetings=3,
                  pauses=(CHRISTMAS,))
    assert [m.date for m in initiator_meetings(group, [schedule])] == [
        date(2026, 12, 10), date(2027, 1, 7), date(2027, 1, 14)]
    marked = [m.meeting.date for m in group_meetings(group, [schedule], date(2026, 12, 1),
                                                     date(2027, 2, 28)) if m.with_initiator]
    assert marked == [date(2026, 12, 10), date(2027, 1, 7), date(2027, 1, 14)]
    running = Group(name="B", status=GroupStatus.SELF_RUNNING, id=group.id)
    assert not any(m.with_initiator for m in group_meetings(
        running, [schedule], date(2026, 12, 1), date(2027, 2, 28)))


def test_initiator_meetings_of_a_short_series() -> None:
    short = Schedule(weekday=0, start=time(19, 0), first_date=date(2026, 1, 5),
                     last_date=date(2026, 1, 12))
    assert len(initiator_meetings(Group(name="A", initiator_meetings=5), [short])) == 2
    assert initiator_meetings(Group(name="A"), []) == []


def test_next_meeting_skips_pauses_and_ended_groups() -> None:
    group = Group(name="A", pauses=(CHRISTMAS,))
    now = datetime(2026, 12, 18, 12, 0, tzinfo=OSLO)
    found = next_group_meeting(group, [THURSDAYS], now)
    assert found is not None and found.meeting.date == date(2027, 1, 7)
    ended = Group(name="B", status=GroupStatus.ENDED)
    assert next_group_meeting(ended, [THURSDAYS], now) is None
    # A meeting that is running now is still the next one.
    during = datetime(2027, 1, 7, 18, 0, tzinfo=OSLO)
    running = next_group_meeting(group, [THURSDAYS], during)
    assert running is not None and running.meeting.date == date(2027, 1, 7)


def test_upcoming_has_eight_weeks_from_monday_with_holidays() -> None:
    group = Group(name="Torsdagsgruppa", status=GroupStatus.STARTING)
    weeks = upcoming([(group, [THURSDAYS])], date(2026, 4, 29), language="en")
    assert len(weeks) == 8
    assert weeks[0].monday == date(2026, 4, 27) and weeks[0].number == 18
    assert [w.monday for w in weeks] == [date(2026, 4, 27) + timedelta(weeks=i)
                                         for i in range(8)]
    first = weeks[0]
    assert dict(first.holidays) == {date(2026, 5, 1): "Labor Day"}
    assert [m.meeting.date for m in first.meetings] == [date(2026, 4, 30)]
    ascension = weeks[2].meetings[0]
    assert ascension.holiday == "Ascension Day" and ascension.holiday_clash


def test_upcoming_leaves_out_ended_groups_and_past_days() -> None:
    ended = Group(name="Old", status=GroupStatus.ENDED)
    live = Group(name="Live")
    mondays = Schedule(weekday=0, start=time(19, 0), first_date=date(2026, 1, 5))
    weeks = upcoming([(ended, [THURSDAYS]), (live, [mondays])], date(2026, 3, 4))
    names = {m.group.name for w in weeks for m in w.meetings}
    assert names == {"Live"}
    assert weeks[0].meetings == ()  # Monday 2 March is past on Wednesday 4 March


def test_calendar_meetings_are_in_time_order_across_groups() -> None:
    a = Group(name="B-gruppa")
    b = Group(name="A-gruppa")
    same_time = Schedule(weekday=3, start=time(17, 30), first_date=date(2026, 1, 1))
    earlier = Schedule(weekday=3, start=time(10, 0), first_date=date(2026, 1, 1))
    found = calendar_meetings([(a, [same_time]), (b, [THURSDAYS, earlier])],
                              date(2026, 1, 8), date(2026, 1, 8))
    assert [(m.group.name, m.meeting.start.time()) for m in found] == [
        ("A-gruppa", time(10, 0)), ("A-gruppa", time(17, 30)), ("B-gruppa", time(17, 30))]


# -- properties ------------------------------------------------------------------------
@st.composite
def plans(draw: st.DrawFn) -> tuple[Group, Schedule]:
    first = date(2025, 1, 1) + timedelta(days=draw(st.integers(0, 1000)))
    schedule = Schedule(
        weekday=first.weekday(), first_date=first,
        start=time(draw(st.integers(0, 23)), draw(st.sampled_from([0, 15, 30, 45]))),
        interval_weeks=draw(st.integers(1, 4)),
        last_date=first + timedelta(days=draw(st.integers(0, 800)))
        if draw(st.booleans()) else None,
    )
    cancelled = draw(st.lists(st.integers(0, 60), max_size=4, unique=True))
    changes = tuple(MeetingChange(first + timedelta(weeks=schedule.interval_weeks * k),
                                  ChangeKind.CANCELLED) for k in cancelled)
    pause_start = first + timedelta(days=draw(st.integers(-30, 600)))
    pause = Pause(pause_start, pause_start + timedelta(days=draw(st.integers(0, 60))))
    group = Group(name="G", skip_holidays=draw(st.booleans()), pauses=(pause,))
    return group, Schedule(weekday=schedule.weekday, start=schedule.start, first_date=first,
                           interval_weeks=schedule.interval_weeks,
                           last_date=schedule.last_date, changes=changes)


@settings(max_examples=150, deadline=None)
@given(plans(), st.integers(0, 900), st.integers(1, 400))
def test_every_meeting_respects_the_rules(plan: tuple[Group, Schedule], offset: int,
                                          span: int) -> None:
    group, schedule = plan
    start = schedule.first_date + timedelta(days=offset - 100)
    end = start + timedelta(days=span)
    cancelled = {c.original_date for c in schedule.changes}
    for m in group_meetings(group, [schedule], start, end, language="nb"):
        local = m.meeting.start.astimezone(OSLO)
        assert local.weekday() == schedule.weekday
        assert m.meeting.start.time() == schedule.start  # the wall clock, as planned
        if local.time() != schedule.start:  # only an hour that the spring change skips
            assert schedule.start.hour == 2 and local.month == 3 and local.weekday() == 6
        assert start <= m.meeting.date <= end
        assert m.meeting.date >= schedule.first_date
        assert schedule.last_date is None or m.meeting.date <= schedule.last_date
        assert (m.meeting.date in cancelled) == (m.state is MeetingState.CANCELLED)
        if m.takes_place:
            assert not group.paused_on(m.meeting.date)
            assert not (group.skip_holidays and m.holiday)
        assert m.meeting.break_start < m.meeting.break_end <= m.meeting.end


def test_initiator_number() -> None:
    from initiator_desktop.core.meeting_calendar import initiator_number

    group = Group(name="A", status=GroupStatus.STARTING, initiator_meetings=2)
    meetings = group_meetings(group, [THURSDAYS], date(2026, 1, 1), date(2026, 1, 31))
    assert [initiator_number(group, [THURSDAYS], m.meeting) for m in meetings] == [
        1, 2, None, None, None]
    running = Group(name="A", status=GroupStatus.SELF_RUNNING)
    assert initiator_number(running, [THURSDAYS], meetings[0].meeting) is None
