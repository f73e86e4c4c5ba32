"""The session clock and the role-play round timer, on a monotonic clock in seconds.

Pure Python (no Qt): the widgets ask for the time left whenever they repaint.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

MIN_MINUTES, MAX_MINUTES = 1, 600
DEFAULT_SESSION_MINUTES = 60
DEFAULT_ROUND_MINUTES = 10
MAX_ROUND_MINUTES = 60
NEAR_END_SECONDS = 60


class Phase(StrEnum):
    CALM = "calm"
    NEAR_END = "near_end"
    OVER = "over"


def _minutes(value: int, highest: int = MAX_MINUTES) -> int:
    return min(max(int(value), MIN_MINUTES), highest)


@dataclass
class SessionClock:
    """Time since the session started and time left of its planned length."""

    started: float
    minutes: int = DEFAULT_SESSION_MINUTES

    def __post_init__(self) -> None:
        self.minutes = _minutes(self.minutes)

    def set_minutes(self, minutes: int) -> None:
        self.minutes = _minutes(minutes)

    def elapsed(self, now: float) -> float:
        return max(0.0, now - self.started)

    def left(self, now: float) -> float:
        """Seconds left; negative once the session runs over."""
        return self.minutes * 60 - self.elapsed(now)

    def restart(self, now: float) -> None:
        self.started = now


@dataclass
class RoundTimer:
    """A role-play round: start, pause and reset; it runs on past zero, showing the overrun."""

    minutes: int = DEFAULT_ROUND_MINUTES
    _spent: float = 0.0
    _since: float | None = None

    def __post_init__(self) -> None:
        self.minutes = _minutes(self.minutes, MAX_ROUND_MINUTES)

    @property
    def running(self) -> bool:
        return self._since is not None

    @property
    def started(self) -> bool:
        return self.running or self._spent > 0

    def start(self, now: float) -> None:
        if self._since is None:
            self._since = now

    def pause(self, now: float) -> None:
        if self._since is not None:
            self._spent += max(0.0, now - self._since)
            self._since = None

    def toggle(self, now: float) -> None:
        if self.running:
            self.pause(now)
        else:
            self.start(now)

    def reset(self) -> None:
        self._spent, self._since = 0.0, None

    def set_minutes(self, minutes: int) -> None:
        self.minutes = _minutes(minutes, MAX_ROUND_MINUTES)

    def spent(self, now: float) -> float:
        running = max(0.0, now - self._since) if self._since is not None else 0.0
        return self._spent + running

    def remaining(self, now: float) -> float:
        return self.minutes * 60 - self.spent(now)

    def phase(self, now: float) -> Phase:
        """Calm, then a gentle warning in the last minute (or quarter of a short round)."""
        left = self.remaining(now)
        if left <= 0:
            return Phase.OVER
        if left <= min(NEAR_END_SECONDS, self.minutes * 60 / 4):
            return Phase.NEAR_END
        return Phase.CALM


def clock_text(seconds: float) -> str:
    """``12:05`` or ``1:02:05`` for a duration (the sign is the caller's business)."""
    total = int(abs(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
