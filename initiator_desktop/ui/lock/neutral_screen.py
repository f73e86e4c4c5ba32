"""The neutral screen of quick-hide: the app's name and how to come back, nothing else.

It must never show anything from the vault, so it takes no data at all.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from initiator_desktop.i18n import _, ngettext
from initiator_desktop.ui.language import app_display_name
from initiator_desktop.ui.style import SPACING, WIDE_SPACING, heading_label, hint_label


class NeutralScreen(QWidget):
    """A calm, empty view with one button; ``return_requested`` when it is pressed."""

    return_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lock_seconds: int | None = None
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Window)
        self.title = heading_label(parent=self, scale=1.6)
        self.title.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.how_back = QLabel(self)
        self.how_back.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.how_back.setWordWrap(True)
        self.lock_note = hint_label(parent=self)
        self.lock_note.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.back_button = QPushButton(self)
        self.back_button.setMinimumWidth(160)
        self.back_button.clicked.connect(self.return_requested)
        column = QVBoxLayout(self)
        column.setSpacing(SPACING)
        column.addStretch(3)
        column.addWidget(self.title)
        column.addSpacing(WIDE_SPACING)
        column.addWidget(self.how_back)
        column.addWidget(self.lock_note)
        column.addSpacing(WIDE_SPACING)
        column.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addStretch(4)
        self.retranslate()

    def set_lock_delay(self, seconds: int | None) -> None:
        """Say when the vault locks by itself (None: say nothing about it)."""
        self._lock_seconds = seconds
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(app_display_name())
        self.how_back.setText(_("Press F12 to come back."))
        self.back_button.setText(_("&Come back"))
        seconds = self._lock_seconds
        if seconds is None:
            note = ""
        elif seconds <= 0:
            note = _("The vault is locked now.")
        else:
            note = ngettext(
                "If nobody comes back, the vault locks after {count} second.",
                "If nobody comes back, the vault locks after {count} seconds.",
                seconds,
            ).format(count=seconds)
        self.lock_note.setText(note)
        self.lock_note.setVisible(bool(note))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
