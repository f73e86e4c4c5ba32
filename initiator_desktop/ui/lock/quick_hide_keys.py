"""The quick-hide keys, wherever the focus is: F12, and Esc pressed twice within 0.8 s.

A filter on each top-level window sees the key where it reaches the window, so the keys
work in a modal dialog too, and each press counts once (not again for every parent).
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QWindow

from initiator_desktop.core.lock_policy import DoublePress
from initiator_desktop.ui.lock.window_input import WindowInputFilter


class QuickHideKeys(WindowInputFilter):
    """``toggle_requested`` on F12; ``hide_requested`` on the second of two quick Esc."""

    toggle_requested = Signal()
    hide_requested = Signal()

    def __init__(
        self, clock: Callable[[], float] = time.monotonic, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._escapes = DoublePress()

    def window_event(self, window: QWindow, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress:
            return False
        if not isinstance(event, QKeyEvent) or event.isAutoRepeat():
            return False
        if event.key() == Qt.Key.Key_F12:
            self._escapes.reset()
            self.toggle_requested.emit()
            return True
        if event.key() == Qt.Key.Key_Escape:
            if self._escapes.press(self._clock()):
                self.hide_requested.emit()
                return True
            # The first Esc still does its usual work (closing a dialog, a popup).
            return False
        self._escapes.reset()
        return False
