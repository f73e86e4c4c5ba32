"""The clipboard guard: text the app copies (the recovery key) does not stay there.

It clears the clipboard after a timeout, on lock and on quit, but only while the
clipboard still holds the text the app put there: what the person copied since is theirs.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtGui import QGuiApplication

from initiator_desktop.core.lock_policy import CLIPBOARD_CLEAR_SECONDS


class ClipboardGuard(QObject):
    """Copies text and forgets it again after ``clear_after_ms``."""

    def __init__(
        self, clear_after_ms: int = CLIPBOARD_CLEAR_SECONDS * 1000, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._copied: str | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(clear_after_ms)
        self._timer.timeout.connect(self._on_timer_timeout)

    @property
    def clear_after_ms(self) -> int:
        return self._timer.interval()

    def set_clear_after_ms(self, milliseconds: int) -> None:
        self._timer.setInterval(milliseconds)

    def copy(self, text: str) -> None:
        QGuiApplication.clipboard().setText(text)
        self._copied = text
        self._timer.start()

    def holds_ours(self) -> bool:
        return self._copied is not None and QGuiApplication.clipboard().text() == self._copied

    def clear_if_ours(self) -> None:
        """Empty the clipboard if it still holds what we copied (or we own it)."""
        clipboard = QGuiApplication.clipboard()
        # ownsClipboard covers text copied from the app's own fields on X11; it is
        # False where the platform cannot tell (Wayland, offscreen).
        if self.holds_ours() or clipboard.ownsClipboard():
            clipboard.clear()
        self._copied = None
        self._timer.stop()

    def _on_timer_timeout(self) -> None:
        self.clear_if_ours()


def shared_clipboard_guard() -> ClipboardGuard:
    """The app's one guard, living as long as the application object."""
    app = QCoreApplication.instance()
    guard = app.findChild(ClipboardGuard, "shared_clipboard_guard") if app else None
    if guard is None:
        guard = ClipboardGuard(parent=app)
        guard.setObjectName("shared_clipboard_guard")
    return guard
