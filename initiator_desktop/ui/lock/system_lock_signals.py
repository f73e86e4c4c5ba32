"""Lock when the session locks or the machine goes to sleep, where we can be told.

Qt reports a suspended application on some platforms; on Linux, logind announces sleep
on the system bus and the screen saver its activation on the session bus. Every part
is optional: without D-Bus (or without QtDBus) nothing fails, the app just is not told.
"""

from __future__ import annotations

import contextlib

from PySide6.QtCore import SLOT, QCoreApplication, QObject, Qt, Signal, Slot
from PySide6.QtGui import QGuiApplication

_LOGIND = ("org.freedesktop.login1", "/org/freedesktop/login1",
           "org.freedesktop.login1.Manager", "PrepareForSleep")
# Desktops differ in which name announces the screen saver; listen to the usual ones.
_SCREEN_SAVERS = (
    ("", "/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver", "ActiveChanged"),
    ("", "/ScreenSaver", "org.freedesktop.ScreenSaver", "ActiveChanged"),
    ("", "/org/gnome/ScreenSaver", "org.gnome.ScreenSaver", "ActiveChanged"),
)


class SystemLockSignals(QObject):
    """``lock_requested`` when the session locks or the machine is about to sleep."""

    lock_requested = Signal()

    def __init__(self, parent: QObject | None = None, *, use_dbus: bool = True) -> None:
        super().__init__(parent)
        self.connected_to: list[str] = []
        app = QCoreApplication.instance()
        if isinstance(app, QGuiApplication):
            app.applicationStateChanged.connect(self._on_app_application_state_changed)
        if use_dbus:
            self._connect_dbus()

    def _connect_dbus(self) -> None:
        try:
            from PySide6.QtDBus import QDBusConnection
        except ImportError:
            return
        with contextlib.suppress(Exception):  # a missing or odd bus must never stop the app
            system = QDBusConnection.systemBus()
            if system.isConnected() and system.connect(
                *_LOGIND, self, SLOT("_on_logind_prepare_for_sleep(bool)")
            ):
                self.connected_to.append("logind")
        with contextlib.suppress(Exception):
            session = QDBusConnection.sessionBus()
            if session.isConnected():
                for signal in _SCREEN_SAVERS:
                    if session.connect(
                        *signal, self, SLOT("_on_screensaver_active_changed(bool)")
                    ):
                        self.connected_to.append(signal[2])

    @Slot(bool)
    def _on_logind_prepare_for_sleep(self, going_to_sleep: bool) -> None:
        if going_to_sleep:
            self.lock_requested.emit()

    @Slot(bool)
    def _on_screensaver_active_changed(self, active: bool) -> None:
        if active:
            self.lock_requested.emit()

    def _on_app_application_state_changed(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationSuspended:
            self.lock_requested.emit()
