"""A notice across the top of the main window, with a button to dismiss it.

For news that needs no answer: a draft restored after a lock, a backup written. Notices
are fixed texts and file names, never a group name, theme or place.
"""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QPushButton, QWidget

from initiator_desktop.i18n import _
from initiator_desktop.ui.style import MARGIN, SPACING, NoteFrame


class NoticeBar(QWidget):
    """Hidden until ``show_notice``; the close button hides it again."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.frame = NoteFrame(self)
        self.dismiss_button = QPushButton(self.frame)
        self.dismiss_button.setAutoDefault(False)
        frame_layout = cast(QBoxLayout, self.frame.layout())
        row = QHBoxLayout()
        row.setSpacing(SPACING)
        frame_layout.removeWidget(self.frame.label)
        row.addWidget(self.frame.label, 1)
        row.addWidget(self.dismiss_button)
        frame_layout.addLayout(row)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN - 4, MARGIN, 0)
        layout.addWidget(self.frame)
        self.dismiss_button.clicked.connect(self.clear_notice)
        self.retranslate()
        self.hide()

    def show_notice(self, text: str) -> None:
        self.frame.label.setText(text)
        self.setVisible(bool(text))

    def text(self) -> str:
        return self.frame.label.text()

    def clear_notice(self) -> None:
        self.show_notice("")

    def retranslate(self) -> None:
        self.dismiss_button.setText(_("OK"))
        self.dismiss_button.setToolTip(_("Hide this notice"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
