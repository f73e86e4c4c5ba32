"""The speaking round: fair shares, the round's states, and the meeting's break and end."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from initiator_desktop.core.clock import OSLO
from initiator_desktop.core.errors import DomainError
from initiator_desktop.core.models import Schedule
from initiator_desktop.core.schedule import Meeting, occurrences
from initiator_desktop.core.speaking_round import (
    BREAK_NOTICE,
    MAX_PEOPLE,
    MeetingPart,
    RoundAction,
    RoundState,
    RoundStateError,
    SpeakingRound,
    TurnPhase,
    fair_share,
    meeting_time,
    round_seconds_available,
)


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def a_meeting(duration: int = 120, break_minutes: int = 15) -> Meeting:
    schedule = Schedule(weekday=1, start=time(18), first_date=date(2026, 3, 3),
                        duration_minutes=duration, break_minutes=break_minutes)
    return occurrences(schedule, date(2026, 3, 3), date(2026, 3, 3))[0]


def at(hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 3, 3, hour, minute, tzinfo=OSLO)


# fair share --------------------------------------------------------------------------
people = st.integers(1, MAX_PEOPLE)
seconds = st.integers(-3600, 6 * 3600)
limits = st.tuples(st.integers(1, 900), st.integers(1, 900)).map(sorted)


@given(available=seconds, people=people, limits=limits)
def test_a_share_never_exceeds_the_time_available(available: int, people: int,
                                                   limits: list[int]) -> None:
    minimum, maximum = limits
    share = fair_share(available, people, minimum=minimum, maximum=maximum)
    assert 0 <= share.seconds <= maximum
    assert share.seconds * people == share.total <= max(0, available)


@given(available=seconds, people=people, limits=limits)
def test_a_share_is_below_the_minimum_only_when_it_says_so(available: int, people: int,
                                                           limits: list[int]) -> None:
    minimum, maximum = limits
    share = fair_share(available, people, minimum=minimum, maximum=maximum)
    assert share.short == (share.seconds < minimum)
    if max(0, available) // people >= minimum:
        assert not share.short


@given(available=st.integers(0, 6 * 3600), people=people)
def test_shares_are_rounded_to_whole_or_half_minutes(available: int, people: int) -> None:
    share = fair_share(available, people)
    if share.seconds >= 180 and not share.capped:
        assert share.seconds % 60 == 0
    elif share.seconds >= 30:
        assert share.seconds % 30 == 0


def test_shares_by_hand() -> None:
    # 55 minutes to the break, 7 people: 471 s each, rounded down to 7 minutes.
    assert fair_share(55 * 60, 7).seconds == 7 * 60
    # 20 minutes for 8 people: 150 s, two and a half minutes.
    assert fair_share(20 * 60, 8).seconds == 150
    # Plenty of time: held to ten minutes each.
    capped = fair_share(3 * 3600, 3)
    assert (capped.seconds, capped.capped, capped.short) == (600, True, False)
    # Almost no time: stated as short, never stretched beyond the time.
    short = fair_share(100, 6)
    assert (short.seconds, short.short) == (16, True)
    assert fair_share(0, 5).seconds == 0


def test_rounding_does_not_push_a_share_under_the_minimum() -> None:
    # 230 s would round down to 180 s, below a minimum of 200 s that the time allows.
    share = fair_share(230, 1, minimum=200)
    assert (share.seconds, share.short) == (200, False)


@pytest.mark.parametrize("bad", [0, -1, MAX_PEOPLE + 1, True, 2.5, "6"])
def test_fair_share_refuses_a_bad_number_of_people(bad: object) -> None:
    with pytest.raises(DomainError):
        fair_share(600, bad)  # type: ignore[arg-type]


def test_fair_share_refuses_limits_the_wrong_way_round() -> None:
    with pytest.raises(DomainError):
        fair_share(600, 3, minimum=300, maximum=60)


# the meeting's time ------------------------------------------------------------------
def test_the_break_sits_half_way_and_is_announced_gently() -> None:
    meeting = a_meeting()  # 18:00-20:00, break 18:50-19:05
    assert (meeting.break_start.time(), meeting.break_end.time()) == (time(18, 50), time(19, 5))
    assert meeting_time(meeting, at(17, 50)).part is MeetingPart.BEFORE
    early = meeting_time(meeting, at(18, 30))
    assert (early.part, early.break_soon, early.end_soon) == (MeetingPart.FIRST_HALF, False, False)
    assert early.until_break == timedelta(minutes=20)
    soon = meeting_time(meeting, at(18, 50) - BREAK_NOTICE)
    assert soon.break_soon
    pause = meeting_time(meeting, at(19))
    assert (pause.part, pause.until_break, pause.break_soon) == (MeetingPart.BREAK, None, False)
    ending = meeting_time(meeting, at(19, 52))
    assert (ending.part, ending.end_soon) == (MeetingPart.SECOND_HALF, True)
    over = meeting_time(meeting, at(20, 5))
    assert (over.part, over.until_end, over.end_soon) == (MeetingPart.OVER, timedelta(0), False)


def test_time_for_a_round_runs_to_the_break_then_to_the_end_less_the_reserve() -> None:
    meeting = a_meeting()
    assert round_seconds_available(meeting, at(18, 10)) == 40 * 60
    assert round_seconds_available(meeting, at(17, 0)) == 50 * 60  # as if it began at 18
    # In the break: from its end (19:05) to 20:00, less ten minutes.
    assert round_seconds_available(meeting, at(19, 0)) == 45 * 60
    assert round_seconds_available(meeting, at(19, 30), reserve_seconds=0) == 30 * 60
    assert round_seconds_available(meeting, at(19, 55)) == 0
    assert round_seconds_available(meeting, at(21, 0)) == 0


def test_a_meeting_without_a_break_counts_to_the_end() -> None:
    meeting = a_meeting(duration=60, break_minutes=0)
    assert not meeting_time(meeting, at(18, 10)).has_break
    assert meeting_time(meeting, at(18, 10)).until_break is None
    assert round_seconds_available(meeting, at(18, 10), reserve_seconds=300) == 45 * 60


@given(minute=st.integers(-120, 240), reserve=st.integers(0, 3600))
def test_the_time_available_never_reaches_past_the_next_mark(minute: int, reserve: int) -> None:
    meeting = a_meeting()
    now = meeting.start + timedelta(minutes=minute)
    available = round_seconds_available(meeting, now, reserve)
    assert available >= 0
    if now >= meeting.end:
        assert available == 0
        return
    assert max(now, meeting.start) + timedelta(seconds=available) <= meeting.end
    if now < meeting.break_start:
        assert max(now, meeting.start) + timedelta(seconds=available) <= meeting.break_start


# the round ---------------------------------------------------------------------------
def test_a_round_from_start_to_finish() -> None:
    clock = FakeClock()
    turn = SpeakingRound(people=3, share_seconds=120, clock=clock)
    assert (turn.state, turn.person, turn.elapsed()) == (RoundState.READY, 0, 0)
    assert turn.allowed() == {RoundAction.START, RoundAction.FINISH}
    turn.start()
    assert (turn.state, turn.person) == (RoundState.RUNNING, 1)
    clock.advance(90)
    assert turn.elapsed() == 90 and turn.remaining() == 30
    assert turn.phase() is TurnPhase.CALM
    clock.advance(6)  # 24 s left: within a fifth of the turn
    assert turn.phase() is TurnPhase.NEARLY_UP
    clock.advance(30)
    assert turn.phase() is TurnPhase.OVER and turn.remaining() == -6
    turn.next_person()
    assert (turn.person, turn.elapsed(), turn.turns()) == (2, 0, (126,))
    clock.advance(60)
    turn.next_person()
    clock.advance(10)
    turn.next_person()  # after the last person the round is over
    assert turn.state is RoundState.FINISHED
    assert turn.turns() == (126, 60, 10)
    assert turn.total_elapsed() == 196
    assert turn.allowed() == frozenset()


def test_a_pause_does_not_count() -> None:
    clock = FakeClock()
    turn = SpeakingRound(people=2, share_seconds=60, clock=clock)
    turn.start()
    clock.advance(20)
    turn.pause()
    assert turn.state is RoundState.PAUSED
    clock.advance(300)
    assert turn.elapsed() == 20
    turn.resume()
    clock.advance(5)
    assert turn.elapsed() == 25
    turn.pause()
    clock.advance(50)
    turn.next_person()  # from a pause straight to the next person, running
    assert (turn.state, turn.person, turn.turns()) == (RoundState.RUNNING, 2, (25,))
    clock.advance(7)
    assert turn.elapsed() == 7


def test_finishing_early_keeps_the_turns_so_far() -> None:
    clock = FakeClock()
    turn = SpeakingRound(people=5, share_seconds=60, clock=clock)
    turn.start()
    clock.advance(40)
    turn.finish()
    assert (turn.state, turn.turns(), turn.elapsed()) == (RoundState.FINISHED, (40,), 0)
    untouched = SpeakingRound(people=5, share_seconds=60, clock=clock)
    untouched.finish()
    assert untouched.turns() == ()


@pytest.mark.parametrize("action", ["pause", "resume", "next_person"])
def test_actions_out_of_turn_are_refused(action: str) -> None:
    turn = SpeakingRound(people=2, share_seconds=60, clock=FakeClock())
    with pytest.raises(RoundStateError):
        getattr(turn, action)()
    assert turn.state is RoundState.READY


def test_a_finished_round_accepts_nothing_more() -> None:
    turn = SpeakingRound(people=1, share_seconds=60, clock=FakeClock())
    turn.start()
    turn.next_person()
    for action in ("start", "pause", "resume", "next_person", "finish"):
        with pytest.raises(RoundStateError):
            getattr(turn, action)()


def test_a_clock_set_back_does_not_give_negative_time() -> None:
    clock = FakeClock()
    turn = SpeakingRound(people=2, share_seconds=60, clock=clock)
    turn.start()
    clock.advance(-500)
    assert turn.elapsed() == 0 and turn.phase() is TurnPhase.CALM


@pytest.mark.parametrize("share", [0, -5, 3601, True])
def test_a_round_needs_a_sensible_share(share: int) -> None:
    with pytest.raises(DomainError):
        SpeakingRound(people=3, share_seconds=share, clock=FakeClock())


def test_nearly_up_is_never_longer_than_the_turn() -> None:
    short = SpeakingRound(people=3, share_seconds=10, clock=FakeClock())
    assert short.nearly_up_seconds() == 10
    long = SpeakingRound(people=3, share_seconds=600, clock=FakeClock())
    assert long.nearly_up_seconds() == 120


_ACTIONS = st.lists(st.tuples(st.sampled_from(list(RoundAction)), st.integers(0, 400)),
                    max_size=40)


@given(steps=_ACTIONS, people=st.integers(1, 8))
def test_any_sequence_of_allowed_actions_keeps_the_round_consistent(
        steps: list[tuple[RoundAction, int]], people: int) -> None:
    clock = FakeClock()
    turn = SpeakingRound(people=people, share_seconds=90, clock=clock)
    methods = {RoundAction.START: turn.start, RoundAction.PAUSE: turn.pause,
               RoundAction.RESUME: turn.resume, RoundAction.NEXT: turn.next_person,
               RoundAction.FINISH: turn.finish}
    spoken = 0.0
    for action, wait in steps:
        clock.advance(wait)
        allowed = action in turn.allowed()
        if not allowed:
            with pytest.raises(RoundStateError):
                methods[action]()
            continue
        methods[action]()
        assert 0 <= turn.person <= people
        assert len(turn.turns()) <= people
        spoken = turn.total_elapsed()
        assert all(t >= 0 for t in turn.turns())
    assert turn.total_elapsed() >= 0
    assert spoken <= sum(w for _, w in steps)
