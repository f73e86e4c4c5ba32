"""Quick-hide for the main window: swap its content for the neutral screen and back.

The work area leaves the visible tree (a stacked-widget page switch plus ``hide``), its
actions stop answering shortcuts, and dialogs and popups on top of it are closed.
"""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QStackedWidget, QToolBar, QWidget

from initiator_desktop.ui.lock.neutral_screen import NeutralScreen
from initiator_desktop.ui.lock.quick_hide_keys import QuickHideKeys
from initiator_desktop.ui.lock.window_sweep import close_open_dialogs


class QuickHide(QObject):
    """Owns the stack of ``work`` and the neutral screen in ``window``'s centre."""

    hidden_changed = Signal(bool)

    def __init__(self, window: QMainWindow, work: QWidget, actions: list[QAction]) -> None:
        super().__init__(window)
        self._work = work
        self._actions = actions
        self._enabled_before: dict[QAction, bool] = {}
        self.stack = QStackedWidget(window)
        self.neutral = NeutralScreen(self.stack)
        self.stack.addWidget(work)
        self.stack.addWidget(self.neutral)
        self.stack.setCurrentWidget(work)
        self.keys = QuickHideKeys(parent=self)
        self.keys.toggle_requested.connect(self._on_keys_toggle_requested)
        self.keys.hide_requested.connect(self._on_keys_hide_requested)
        self.neutral.return_requested.connect(self._on_neutral_return_requested)

    def _window(self) -> QMainWindow:
        # Not stored: a reference back to the window would keep it alive in a cycle.
        return cast(QMainWindow, self.parent())

    def _bars(self) -> list[QWidget]:
        window = self._window()
        return [window.menuBar(), *window.findChildren(QToolBar)]

    def is_hidden(self) -> bool:
        return self.stack.currentWidget() is self.neutral

    def hide_content(self) -> None:
        if self.is_hidden():
            return
        close_open_dialogs(keep=[self._window()])
        self._enabled_before = {action: action.isEnabled() for action in self._actions}
        for action in self._actions:
            action.setEnabled(False)
        self.stack.setCurrentWidget(self.neutral)
        self._work.hide()
        for bar in self._bars():
            bar.hide()
        self.neutral.back_button.setFocus()
        self.hidden_changed.emit(True)

    def show_content(self) -> None:
        if not self.is_hidden():
            return
        for bar in self._bars():
            bar.show()
        for action, enabled in self._enabled_before.items():
            action.setEnabled(enabled)
        self._enabled_before = {}
        self.stack.setCurrentWidget(self._work)
        self._work.show()
        self.hidden_changed.emit(False)

    def _on_keys_toggle_requested(self) -> None:
        if self.is_hidden():
            self.show_content()
        else:
            self.hide_content()

    def _on_keys_hide_requested(self) -> None:
        self.hide_content()

    def _on_neutral_return_requested(self) -> None:
        self.show_content()

