"""A passphrase line edit with a Show/Hide toggle; hidden by default, as the group may watch."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QWidget

from initiator_desktop.i18n import _


class PassphraseField(QWidget):
    """``line_edit`` holds the text; ``toggle`` shows it in clear text while checked."""

    text_changed = Signal(str)
    return_pressed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.line_edit = QLineEdit(self)
        self.line_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.line_edit.setClearButtonEnabled(False)
        self.toggle = QPushButton(self)
        self.toggle.setCheckable(True)
        self.toggle.setAutoDefault(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.line_edit, 1)
        layout.addWidget(self.toggle)
        self.setFocusProxy(self.line_edit)
        self.toggle.toggled.connect(self._on_toggle_toggled)
        self.line_edit.textChanged.connect(self.text_changed)
        self.line_edit.returnPressed.connect(self.return_pressed)
        self.retranslate()

    def text(self) -> str:
        return self.line_edit.text()

    def clear(self) -> None:
        self.line_edit.clear()

    def set_hidden_text(self) -> None:
        """Back to dots, e.g. after an attempt, so the passphrase is not left on screen."""
        self.toggle.setChecked(False)

    def retranslate(self) -> None:
        self.toggle.setText(_("Hide") if self.toggle.isChecked() else _("Show"))
        self.toggle.setToolTip(_("Show or hide the passphrase"))

    def _on_toggle_toggled(self, checked: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if checked else QLineEdit.EchoMode.Password
        self.line_edit.setEchoMode(mode)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
