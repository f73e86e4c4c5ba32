"""The lock policy: unsaved work on lock, stored preferences, idle deadline, Esc twice."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from initiator_desktop.core.lock_policy import (
    DEFAULT_AUTO_LOCK_MINUTES,
    DEFAULT_QUICK_HIDE_SECONDS,
    DEFAULT_ROLLING_BACKUPS,
    MAX_AUTO_LOCK_MINUTES,
    MAX_QUICK_HIDE_SECONDS,
    MAX_ROLLING_BACKUPS,
    DoublePress,
    IdleDeadline,
    LockReason,
    UnsavedAction,
    auto_lock_minutes,
    quick_hide_seconds,
    rolling_backups,
    unsaved_action,
)


def test_only_a_manual_lock_asks_about_unsaved_changes() -> None:
    assert unsaved_action(LockReason.MANUAL, dirty=True) is UnsavedAction.ASK
    for reason in (LockReason.IDLE, LockReason.QUICK_HIDE, LockReason.SYSTEM):
        assert unsaved_action(reason, dirty=True) is UnsavedAction.SAVE_OR_DRAFT
    for reason in LockReason:
        assert unsaved_action(reason, dirty=False) is UnsavedAction.NOTHING


@pytest.mark.parametrize(
    ("stored", "minutes"),
    [(None, DEFAULT_AUTO_LOCK_MINUTES), ("", DEFAULT_AUTO_LOCK_MINUTES), ("abc", 5),
     ("0", 0), (0, 0), ("1", 1), ("15", 15), (61, MAX_AUTO_LOCK_MINUTES), (-3, 5),
     (True, 5), ([], 5)],
)
def test_auto_lock_minutes_from_a_stored_value(stored: object, minutes: int) -> None:
    assert auto_lock_minutes(stored) == minutes


def test_quick_hide_and_backup_counts_are_clamped() -> None:
    assert quick_hide_seconds(None) == DEFAULT_QUICK_HIDE_SECONDS
    assert quick_hide_seconds("0") == 0
    assert quick_hide_seconds(10_000) == MAX_QUICK_HIDE_SECONDS
    assert rolling_backups(None) == DEFAULT_ROLLING_BACKUPS
    assert rolling_backups("0") == 0
    assert rolling_backups(99) == MAX_ROLLING_BACKUPS
    assert rolling_backups("x") == DEFAULT_ROLLING_BACKUPS


def test_input_postpones_the_idle_deadline() -> None:
    deadline = IdleDeadline(timeout=300, last_input=0)
    assert deadline.remaining(100) == 200
    deadline.touch(250)
    assert deadline.remaining(300) == 250
    assert not deadline.expired(549)
    assert deadline.expired(550)
    deadline.touch(10)  # a late report of older input never moves the deadline back
    assert deadline.remaining(300) == 250


def test_the_idle_timeout_must_be_positive() -> None:
    with pytest.raises(ValueError):
        IdleDeadline(timeout=0, last_input=0)


@given(st.lists(st.floats(min_value=0, max_value=1000), max_size=20),
       st.floats(min_value=0, max_value=2000))
def test_remaining_never_exceeds_the_timeout(inputs: list[float], now: float) -> None:
    deadline = IdleDeadline(timeout=60, last_input=0)
    for moment in inputs:
        deadline.touch(moment)
    assert 0 <= deadline.remaining(now) <= 60 + max(inputs, default=0) + 1e-9
    if now >= max(inputs, default=0):
        assert deadline.remaining(now) <= 60 + 1e-9


def test_two_presses_within_the_window_are_a_double_press() -> None:
    presses = DoublePress(window=0.8)
    assert not presses.press(10.0)
    assert presses.press(10.5)
    # A third press starts a new pair rather than completing another one.
    assert not presses.press(10.9)
    assert not presses.press(12.0)
    assert presses.press(12.7)


def test_presses_too_far_apart_are_not_a_double_press() -> None:
    presses = DoublePress(window=0.8)
    assert not presses.press(1.0)
    assert not presses.press(1.81)
    assert presses.press(2.0)
    presses.press(5.0)
    presses.reset()
    assert not presses.press(5.1)
