"""Lock policy: when the app locks, what becomes of unsaved work, and the quick-hide keys.

Plain Python with an injected clock (seconds, e.g. ``time.monotonic``); the Qt side only
reports input times and key presses here. No Qt, no storage, no files.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

DEFAULT_AUTO_LOCK_MINUTES = 5
MIN_AUTO_LOCK_MINUTES = 1
MAX_AUTO_LOCK_MINUTES = 60
AUTO_LOCK_OFF = 0
DEFAULT_QUICK_HIDE_SECONDS = 30
MAX_QUICK_HIDE_SECONDS = 600
DEFAULT_ROLLING_BACKUPS = 5
MAX_ROLLING_BACKUPS = 30
DOUBLE_PRESS_SECONDS = 0.8
CLIPBOARD_CLEAR_SECONDS = 10


class LockReason(Enum):
    MANUAL = "manual"
    IDLE = "idle"
    QUICK_HIDE = "quick-hide"
    SYSTEM = "system"


class UnsavedAction(Enum):
    """What to do with unsaved changes before locking."""

    NOTHING = "nothing"
    ASK = "ask"
    SAVE_OR_DRAFT = "save-or-draft"


def unsaved_action(reason: LockReason, dirty: bool) -> UnsavedAction:
    """Ask only when the person chose to lock; otherwise nobody is there to answer.

    An unattended lock saves the page if it is valid and keeps it as an encrypted draft
    if not, so that locking never loses typing and never waits for an answer.
    """
    if not dirty:
        return UnsavedAction.NOTHING
    if reason is LockReason.MANUAL:
        return UnsavedAction.ASK
    return UnsavedAction.SAVE_OR_DRAFT


def _as_int(value: object) -> int | None:
    """An int from a stored setting (the INI format gives strings); None if it is not one."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str):
        try:
            return int(value.strip())
        except ValueError:
            return None
    return None


def auto_lock_minutes(value: object) -> int:
    """Minutes of inactivity before locking (0 = off) from a stored value; default 5."""
    number = _as_int(value)
    if number is None or number < 0:
        return DEFAULT_AUTO_LOCK_MINUTES
    if number == AUTO_LOCK_OFF:
        return AUTO_LOCK_OFF
    return min(max(number, MIN_AUTO_LOCK_MINUTES), MAX_AUTO_LOCK_MINUTES)


def quick_hide_seconds(value: object) -> int:
    """Seconds between quick-hide and locking (0 = lock at once); default 30."""
    number = _as_int(value)
    if number is None or number < 0:
        return DEFAULT_QUICK_HIDE_SECONDS
    return min(number, MAX_QUICK_HIDE_SECONDS)


def rolling_backups(value: object) -> int:
    """How many automatic backups to keep (0 = none); default 5."""
    number = _as_int(value)
    if number is None or number < 0:
        return DEFAULT_ROLLING_BACKUPS
    return min(number, MAX_ROLLING_BACKUPS)


@dataclass(slots=True)
class IdleDeadline:
    """The time of the last input and how long the app may stay idle after it.

    A timer that fires early asks ``remaining`` and waits that long again, so input does
    not have to restart a timer on every key press or mouse move.
    """

    timeout: float
    last_input: float

    def __post_init__(self) -> None:
        if self.timeout <= 0:
            raise ValueError("the idle timeout must be positive")

    def touch(self, now: float) -> None:
        self.last_input = max(self.last_input, now)

    def remaining(self, now: float) -> float:
        """Seconds left before the app counts as idle; 0 when it already is."""
        return max(0.0, self.last_input + self.timeout - now)

    def expired(self, now: float) -> bool:
        return self.remaining(now) <= 0


class DoublePress:
    """Recognises a key pressed twice within ``window`` seconds (Esc twice hides)."""

    def __init__(self, window: float = DOUBLE_PRESS_SECONDS) -> None:
        self.window = window
        self._last: float | None = None

    def press(self, now: float) -> bool:
        """Record a press; True when it completes a double press (which then starts over)."""
        last, self._last = self._last, now
        if last is not None and 0 <= now - last <= self.window:
            self._last = None
            return True
        return False

    def reset(self) -> None:
        self._last = None
