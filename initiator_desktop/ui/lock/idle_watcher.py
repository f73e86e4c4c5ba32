"""Notices when nobody has used the app for a while (the auto-lock trigger).

Input is seen once per key press or mouse event, where it reaches a window; the timer
does not restart on each event but, when it fires, waits out what remains.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QWindow

from initiator_desktop.core.lock_policy import IdleDeadline
from initiator_desktop.ui.lock.window_input import WindowInputFilter

_INPUT_EVENTS = frozenset({
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
    QEvent.Type.TouchUpdate,
    QEvent.Type.TabletPress,
})


class IdleWatcher(WindowInputFilter):
    """``idle_timed_out`` fires once after ``timeout_ms`` without input; ``start`` re-arms."""

    idle_timed_out = Signal()

    def __init__(
        self, clock: Callable[[], float] = time.monotonic, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._deadline: IdleDeadline | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_timer_timeout)

    def start(self, timeout_ms: int) -> None:
        """Watch for ``timeout_ms`` of inactivity from now; 0 or less switches it off."""
        if timeout_ms <= 0:
            self.stop()
            return
        self._deadline = IdleDeadline(timeout_ms / 1000, self._clock())
        self._timer.start(timeout_ms)

    def stop(self) -> None:
        self._deadline = None
        self._timer.stop()

    def is_active(self) -> bool:
        return self._deadline is not None

    def window_event(self, window: QWindow, event: QEvent) -> bool:
        # Input reaches the window first and then each widget in turn: count it once.
        if self._deadline is not None and event.type() in _INPUT_EVENTS:
            self._deadline.touch(self._clock())
        return False

    def _on_timer_timeout(self) -> None:
        if self._deadline is None:
            return
        remaining = self._deadline.remaining(self._clock())
        if remaining > 0:
            self._timer.start(max(1, round(remaining * 1000)))
            return
        self._deadline = None
        self.idle_timed_out.emit()
