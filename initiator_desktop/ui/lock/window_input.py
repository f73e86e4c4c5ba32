"""Watching input on every top-level window, without an application-wide event filter.

A Python filter on the QApplication sees every event of every object, and PySide must
then wrap objects Qt is still building or already tearing down (which can crash). Input
reaches a window's QWindow first, so a filter on each top-level QWindow sees each key
press and mouse event once. New windows are picked up when they get the focus, and when a
modal one blocks a watched window.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QGuiApplication, QWindow


class WindowInputFilter(QObject):
    """Base for filters on the app's top-level windows; subclasses define ``window_event``."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.focusWindowChanged.connect(self._on_app_focus_window_changed)
        self.watch_windows()

    def watch_windows(self) -> None:
        """Install on every top-level window there is now (installing twice is harmless)."""
        for window in QGuiApplication.topLevelWindows():
            window.installEventFilter(self)

    def _on_app_focus_window_changed(self, _window: QWindow | None) -> None:
        self.watch_windows()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(watched, QWindow):
            return False
        if event.type() == QEvent.Type.WindowBlocked:
            self.watch_windows()  # a modal dialog just opened over this window
        return self.window_event(watched, event)

    def window_event(self, window: QWindow, event: QEvent) -> bool:
        """Handle an event of a watched window; True eats it."""
        return False
