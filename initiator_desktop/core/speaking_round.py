"""Time in a meeting: a fair share per person, the speaking round, the break and the end.

Plain Python driven by injected clocks (seconds for the round, aware datetimes for the
meeting), so tests never sleep. The UI asks and shows; it keeps no time of its own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from initiator_desktop.core.errors import N_, DomainError
from initiator_desktop.core.schedule import Meeting

MAX_PEOPLE = 50
MIN_SHARE_SECONDS = 60
MAX_SHARE_SECONDS = 10 * 60
# Time kept back at the end of a meeting for the closing round and the attendance.
DEFAULT_RESERVE_SECONDS = 10 * 60
# The colour changes gently when this share of a turn is left (but never under 15 s).
NEARLY_UP_FRACTION = 0.2
NEARLY_UP_MIN_SECONDS = 15
BREAK_NOTICE = timedelta(minutes=5)
END_NOTICE = timedelta(minutes=10)


# fair share --------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class FairShare:
    """Seconds per person for a round; ``seconds * people`` never exceeds ``available``.

    ``short`` states that the time does not allow the minimum; ``capped`` that there was
    more time than the maximum per person.
    """

    seconds: int
    people: int
    available: int
    short: bool = False
    capped: bool = False

    @property
    def total(self) -> int:
        return self.seconds * self.people


def _round_down(seconds: int) -> int:
    """Whole minutes from three minutes on, half minutes below, whole seconds under 30 s."""
    if seconds >= 180:
        return seconds // 60 * 60
    if seconds >= 30:
        return seconds // 30 * 30
    return seconds


def check_people(people: int) -> None:
    if isinstance(people, bool) or not isinstance(people, int) or not 1 <= people <= MAX_PEOPLE:
        raise DomainError(N_("The number must be between {low} and {high}."), "people",
                          low=1, high=MAX_PEOPLE)


def fair_share(available_seconds: float, people: int, *, minimum: int = MIN_SHARE_SECONDS,
               maximum: int = MAX_SHARE_SECONDS) -> FairShare:
    """An equal, rounded-down share of ``available_seconds`` for each of ``people``.

    Rounding always goes down, so the round fits the time; a share under ``minimum`` is
    given as it is, flagged ``short``, rather than promising time that is not there.
    """
    check_people(people)
    if not 0 < minimum <= maximum:
        raise DomainError(N_("The shortest turn must not be longer than the longest."),
                          "minimum")
    available = max(0, int(available_seconds))
    raw = available // people
    share = _round_down(min(raw, maximum))
    if share < minimum <= raw:
        share = minimum  # rounding must not be what pushes a share under the minimum
    return FairShare(share, people, available, short=share < minimum, capped=raw > maximum)


# the meeting's time ------------------------------------------------------------------
class MeetingPart(StrEnum):
    BEFORE = "before"
    FIRST_HALF = "first_half"
    BREAK = "break"
    SECOND_HALF = "second_half"
    OVER = "over"


@dataclass(frozen=True, slots=True)
class MeetingTime:
    """Where a meeting stands at one moment, for the calm clock line of meeting mode."""

    part: MeetingPart
    has_break: bool
    break_soon: bool  # the break is less than ``BREAK_NOTICE`` away
    end_soon: bool  # the end is less than ``END_NOTICE`` away
    until_break: timedelta | None  # None once the break has begun (or there is none)
    until_end: timedelta


def meeting_time(meeting: Meeting, now: datetime) -> MeetingTime:
    """The part of ``meeting`` that ``now`` (aware) falls in, and the time to its marks."""
    has_break = meeting.break_end > meeting.break_start
    if now < meeting.start:
        part = MeetingPart.BEFORE
    elif now < meeting.break_start:
        part = MeetingPart.FIRST_HALF
    elif now < meeting.break_end:
        part = MeetingPart.BREAK
    elif now < meeting.end:
        part = MeetingPart.SECOND_HALF
    else:
        part = MeetingPart.OVER
    until_break = meeting.break_start - now if has_break and now < meeting.break_start else None
    until_end = max(meeting.end - now, timedelta(0))
    return MeetingTime(
        part=part,
        has_break=has_break,
        break_soon=until_break is not None and until_break <= BREAK_NOTICE,
        end_soon=part is not MeetingPart.OVER and until_end <= END_NOTICE,
        until_break=until_break,
        until_end=until_end,
    )


def round_seconds_available(meeting: Meeting, now: datetime,
                            reserve_seconds: int = DEFAULT_RESERVE_SECONDS) -> int:
    """Seconds a round started at ``now`` may use.

    Up to the break while it is still ahead; after it, up to the end less ``reserve_seconds``
    (kept for the closing round and the attendance). Before the meeting, as if it began now.
    """
    begin = max(now, meeting.start)
    if meeting.break_end > meeting.break_start:
        if begin < meeting.break_start:
            return int((meeting.break_start - begin).total_seconds())
        begin = max(begin, meeting.break_end)  # a round asked for in the break starts after it
    left = (meeting.end - begin).total_seconds() - max(0, reserve_seconds)
    return max(0, int(left))


# the speaking round ------------------------------------------------------------------
class RoundState(StrEnum):
    READY = "ready"
    RUNNING = "running"
    PAUSED = "paused"
    FINISHED = "finished"


class TurnPhase(StrEnum):
    CALM = "calm"
    NEARLY_UP = "nearly_up"
    OVER = "over"


class RoundAction(StrEnum):
    START = "start"
    PAUSE = "pause"
    RESUME = "resume"
    NEXT = "next"
    FINISH = "finish"


_ALLOWED: dict[RoundState, frozenset[RoundAction]] = {
    RoundState.READY: frozenset({RoundAction.START, RoundAction.FINISH}),
    RoundState.RUNNING: frozenset({RoundAction.PAUSE, RoundAction.NEXT, RoundAction.FINISH}),
    RoundState.PAUSED: frozenset({RoundAction.RESUME, RoundAction.NEXT, RoundAction.FINISH}),
    RoundState.FINISHED: frozenset(),
}


class RoundStateError(DomainError):
    """An action the round's present state does not allow (a bug in the caller)."""


class SpeakingRound:
    """A round where each of ``people`` has ``share_seconds``, in turn.

    ``clock`` returns seconds (e.g. ``time.monotonic``). Pauses do not count as speaking
    time. A turn may run over: the round only shows it, it never cuts anyone off.
    """

    def __init__(self, people: int, share_seconds: int, clock: Callable[[], float]) -> None:
        check_people(people)
        if isinstance(share_seconds, bool) or not 1 <= share_seconds <= 60 * 60:
            raise DomainError(N_("The number must be between {low} and {high}."), "share",
                              low=1, high=60 * 60)
        self.people = people
        self.share_seconds = share_seconds
        self._clock = clock
        self.state = RoundState.READY
        self.person = 0  # 1-based once started
        self._turns: list[float] = []
        self._turn_start = 0.0
        self._paused_at: float | None = None
        self._paused_total = 0.0

    # transitions ---------------------------------------------------------------------
    def allowed(self) -> frozenset[RoundAction]:
        return _ALLOWED[self.state]

    def _require(self, action: RoundAction) -> float:
        if action not in self.allowed():
            raise RoundStateError(N_("This is not possible now."), "round")
        return self._clock()

    def start(self) -> None:
        now = self._require(RoundAction.START)
        self.state = RoundState.RUNNING
        self._begin_turn(1, now)

    def pause(self) -> None:
        self._paused_at = self._require(RoundAction.PAUSE)
        self.state = RoundState.PAUSED

    def resume(self) -> None:
        now = self._require(RoundAction.RESUME)
        self._paused_total += now - (self._paused_at if self._paused_at is not None else now)
        self._paused_at = None
        self.state = RoundState.RUNNING

    def next_person(self) -> None:
        """End this turn; the next person's turn starts running (also from a pause)."""
        now = self._require(RoundAction.NEXT)
        self._turns.append(self._elapsed_at(now))
        if self.person >= self.people:
            self._end()
            return
        self.state = RoundState.RUNNING
        self._begin_turn(self.person + 1, now)

    def finish(self) -> None:
        now = self._require(RoundAction.FINISH)
        if self.state is not RoundState.READY:
            self._turns.append(self._elapsed_at(now))
        self._end()

    def _begin_turn(self, person: int, now: float) -> None:
        self.person = person
        self._turn_start = now
        self._paused_at = None
        self._paused_total = 0.0

    def _end(self) -> None:
        self.state = RoundState.FINISHED
        self._paused_at = None

    # readings ------------------------------------------------------------------------
    def _elapsed_at(self, now: float) -> float:
        if self.state is RoundState.READY:
            return 0.0
        until = self._paused_at if self._paused_at is not None else now
        # A clock set back must not make a turn negative.
        return max(0.0, until - self._turn_start - self._paused_total)

    def elapsed(self) -> float:
        """Seconds the current person has spoken (0 before the start and after the end)."""
        if self.state is RoundState.FINISHED:
            return 0.0
        return self._elapsed_at(self._clock())

    def remaining(self) -> float:
        """Seconds left of the current turn; negative when it has run over."""
        return self.share_seconds - self.elapsed()

    def nearly_up_seconds(self) -> float:
        return min(float(self.share_seconds),
                   max(NEARLY_UP_MIN_SECONDS, self.share_seconds * NEARLY_UP_FRACTION))

    def phase(self) -> TurnPhase:
        if self.state in (RoundState.READY, RoundState.FINISHED):
            return TurnPhase.CALM
        left = self.remaining()
        if left < 0:
            return TurnPhase.OVER
        if left <= self.nearly_up_seconds():
            return TurnPhase.NEARLY_UP
        return TurnPhase.CALM

    def turns(self) -> tuple[float, ...]:
        """Seconds each finished turn took, in order."""
        return tuple(self._turns)

    def total_elapsed(self) -> float:
        return sum(self._turns) + self.elapsed()
