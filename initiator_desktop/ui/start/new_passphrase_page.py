"""The required new passphrase after opening a vault with its recovery key.

The vault is open but the main window does not appear until the new passphrase is set;
closing the start dialog here closes the vault again.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from initiator_desktop.i18n import _
from initiator_desktop.storage.errors import VaultError
from initiator_desktop.storage.vault import Vault
from initiator_desktop.ui.busy import busy_cursor
from initiator_desktop.ui.style import SPACING, ErrorLabel, heading_label, hint_label
from initiator_desktop.ui.vault.new_passphrase_fields import NewPassphraseFields


class NewPassphrasePage(QWidget):
    """``passphrase_changed`` once the vault has its new passphrase."""

    passphrase_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vault: Vault | None = None
        self.heading = heading_label(parent=self, scale=1.15)
        self.explanation = QLabel(self)
        self.explanation.setWordWrap(True)
        self.fields = NewPassphraseFields(self)
        self.reason = hint_label(parent=self)
        self.error = ErrorLabel(self)
        self.save_button = QPushButton(self)
        buttons = QHBoxLayout()
        buttons.setSpacing(SPACING)
        buttons.addWidget(self.reason, 1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACING + 4, SPACING + 4, SPACING + 4, SPACING)
        layout.setSpacing(SPACING)
        layout.addWidget(self.heading)
        layout.addWidget(self.explanation)
        layout.addWidget(self.fields)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.fields.changed.connect(self._on_fields_changed)
        self.fields.submitted.connect(self._on_save_button_clicked)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.retranslate()

    def start(self, vault: Vault) -> None:
        self._vault = vault
        self.fields.clear()
        self.error.clear_message()
        self._refresh()
        self.fields.setFocus()

    def _refresh(self) -> None:
        reason = self.fields.blocking_reason()
        self.save_button.setEnabled(not reason)
        self.reason.setText("" if self.fields.mismatch.text() else reason)

    def _on_fields_changed(self) -> None:
        self.error.clear_message()
        self._refresh()

    def _on_save_button_clicked(self) -> None:
        if self._vault is None or self.fields.blocking_reason():
            return
        try:
            with busy_cursor():
                self._vault.change_passphrase(self.fields.text())
        except VaultError as err:
            self.error.show_message(_(err.message))
            return
        self.fields.clear()
        self._vault = None
        self.passphrase_changed.emit()

    def retranslate(self) -> None:
        self.heading.setText(_("Choose a new passphrase"))
        self.explanation.setText(
            _("You opened the vault with the recovery key. Choose a new passphrase now: "
              "the old one stops working. The recovery key stays valid.")
        )
        self.save_button.setText(_("&Save and open"))
        self._refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
