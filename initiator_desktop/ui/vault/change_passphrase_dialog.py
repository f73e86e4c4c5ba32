"""Change the vault's passphrase: the current one once, the new one twice.

Only the key file is rewritten (the data key is wrapped anew); the database is untouched.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from initiator_desktop.i18n import _
from initiator_desktop.storage.errors import VaultError
from initiator_desktop.storage.vault import Vault
from initiator_desktop.ui.busy import busy_cursor
from initiator_desktop.ui.start.passphrase_field import PassphraseField
from initiator_desktop.ui.style import MARGIN, SPACING, ErrorLabel, field_block, hint_label
from initiator_desktop.ui.vault.new_passphrase_fields import NewPassphraseFields


class ChangePassphraseDialog(QDialog):
    """Accepted once the new passphrase is in place."""

    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vault = vault
        self.intro = hint_label(parent=self)
        self.current_label = QLabel(self)
        self.current = PassphraseField(self)
        self.new = NewPassphraseFields(self)
        self.reason = hint_label(parent=self)
        self.error = ErrorLabel(self)
        self.cancel_button = QPushButton(self)
        self.change_button = QPushButton(self)
        self.cancel_button.setAutoDefault(False)
        self.change_button.setDefault(True)
        buttons = QHBoxLayout()
        buttons.setSpacing(SPACING)
        buttons.addWidget(self.reason, 1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.change_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN + 4, MARGIN, MARGIN + 4, MARGIN)
        layout.setSpacing(SPACING + 2)
        layout.addWidget(self.intro)
        layout.addLayout(field_block(self.current_label, self.current))
        layout.addWidget(self.new)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addSpacing(SPACING)
        layout.addLayout(buttons)
        self.current.text_changed.connect(self._on_input_changed)
        self.new.changed.connect(self._on_input_changed)
        self.new.submitted.connect(self._on_change_button_clicked)
        self.cancel_button.clicked.connect(self.reject)
        self.change_button.clicked.connect(self._on_change_button_clicked)
        self.setMinimumWidth(520)
        self.retranslate()
        self.current.setFocus()

    def blocking_reason(self) -> str:
        if not self.current.text():
            return _("Type the current passphrase first.")
        reason = self.new.blocking_reason()
        if reason:
            return reason
        if self.new.text() == self.current.text():
            return _("The new passphrase is the same as the current one.")
        return ""

    def _refresh(self) -> None:
        reason = self.blocking_reason()
        self.change_button.setEnabled(not reason)
        self.reason.setText("" if self.new.mismatch.text() else reason)

    def _on_input_changed(self, *_args: object) -> None:
        self.error.clear_message()
        self._refresh()

    def _on_change_button_clicked(self) -> None:
        if self.blocking_reason():
            return
        try:
            with busy_cursor():
                if not self._vault.verify_passphrase(self.current.text()):
                    self.current.clear()
                    self.current.setFocus()
                    self.error.show_message(_("The current passphrase is not right."))
                    return
                self._vault.change_passphrase(self.new.text())
        except VaultError as err:
            self.error.show_message(_(err.message))
            return
        self.current.clear()
        self.new.clear()
        self.accept()

    def retranslate(self) -> None:
        self.setWindowTitle(_("Change the passphrase"))
        self.intro.setText(
            _("The new passphrase replaces the current one at once. The recovery key stays "
              "the same.")
        )
        self.current_label.setText(_("&Current passphrase"))
        self.cancel_button.setText(_("Cancel"))
        self.change_button.setText(_("C&hange passphrase"))
        self._refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
