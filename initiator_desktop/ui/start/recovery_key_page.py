"""The one time a new recovery key is shown: after creating a vault or upgrading an old one."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from initiator_desktop.i18n import _
from initiator_desktop.printing.recovery_sheet import RecoverySheet
from initiator_desktop.ui.style import SPACING, NoteFrame, heading_label, hint_label
from initiator_desktop.ui.vault.recovery_key_actions import RecoveryKeyActions


class RecoveryKeyPage(QWidget):
    """Shows the key until the person confirms they wrote it down; then ``confirmed``."""

    confirmed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._upgraded = False
        self.heading = heading_label(parent=self, scale=1.15)
        self.explanation = QLabel(self)
        self.explanation.setWordWrap(True)
        self.key_box = NoteFrame(self)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(max(font.pointSizeF(), QFont(self.font()).pointSizeF()) * 1.3)
        self.key_box.label.setFont(font)
        self.key_box.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.key_actions = RecoveryKeyActions(self)
        self.advice = hint_label(parent=self)
        self.written = QCheckBox(self)
        self.continue_button = QPushButton(self)
        self.continue_button.setEnabled(False)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.continue_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, SPACING, 0, 0)
        layout.setSpacing(SPACING)
        for widget in (self.heading, self.explanation, self.key_box, self.key_actions, self.advice,
                       self.written):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.written.toggled.connect(self.continue_button.setEnabled)
        self.continue_button.clicked.connect(self._on_continue_button_clicked)
        self.retranslate()

    def show_key(self, sheet: RecoverySheet, *, upgraded: bool) -> None:
        self._upgraded = upgraded
        self.key_box.label.setText(two_lines(sheet.key))
        self.key_actions.set_sheet(sheet)
        self.written.setChecked(False)
        self.retranslate()
        self.written.setFocus()

    def _on_continue_button_clicked(self) -> None:
        # The key is not kept anywhere once the person has moved on.
        self.key_box.label.clear()
        self.key_actions.set_sheet(None)
        self.confirmed.emit()

    def retranslate(self) -> None:
        self.heading.setText(_("Write down your recovery key"))
        if self._upgraded:
            intro = _("Your vault was updated and now has a recovery key.")
        else:
            intro = _("Your new vault is ready.")
        self.explanation.setText(
            intro + " "
            + _("If you forget the passphrase, this key is the only way to open the vault. "
                "It is shown only now.")
        )
        self.advice.setText(
            _("Write it down or print it, and keep the paper somewhere safe, away from this "
              "computer. Do not keep it in a file, a cloud folder or a photo.")
        )
        self.written.setText(_("I have written down the recovery key"))
        self.continue_button.setText(_("C&ontinue"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def two_lines(key: str) -> str:
    """Eight groups on two lines of four, so the key fits and is easy to copy by hand."""
    groups = key.split("-")
    half = len(groups) // 2
    return "-".join(groups[:half]) + "-\n" + "-".join(groups[half:])
