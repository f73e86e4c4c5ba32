"""The "Create a new vault" half of the start dialog: where to keep it and its passphrase."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from initiator_desktop.i18n import _
from initiator_desktop.storage.errors import VaultError
from initiator_desktop.storage.keyslots import key_file_path
from initiator_desktop.storage.locations import default_vault_path
from initiator_desktop.storage.vault import Vault
from initiator_desktop.ui.busy import busy_cursor
from initiator_desktop.ui.start.passphrase_field import PassphraseField
from initiator_desktop.ui.start.path_choosers import PathChooser
from initiator_desktop.ui.style import SPACING, ErrorLabel, field_block, hint_label
from initiator_desktop.ui.vault.new_passphrase_fields import passphrase_problem, strength_text


def free_default_path() -> Path | None:
    """The default vault path, or a numbered sibling of it, that no file uses yet."""
    first = default_vault_path()
    candidates = [first] + [
        first.with_name(f"{first.stem}-{n}{first.suffix}") for n in range(2, 10)
    ]
    return next(
        (p for p in candidates if not p.exists() and not key_file_path(p).exists()), None
    )


class CreateVaultPage(QWidget):
    """Emits ``vault_opened`` with the new, open ``Vault`` after it was created."""

    vault_opened = Signal(object)

    def __init__(self, choose_path: PathChooser, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._choose_path = choose_path
        self.path_label = QLabel(self)
        self.path_edit = QLineEdit(self)
        self.browse_button = QPushButton(self)
        self.browse_button.setAutoDefault(False)
        self.passphrase_label = QLabel(self)
        self.passphrase = PassphraseField(self)
        self.strength = hint_label(parent=self)
        self.repeat_label = QLabel(self)
        self.repeat = PassphraseField(self)
        self.mismatch = ErrorLabel(self)
        self.forget_note = hint_label(parent=self)
        self.error = ErrorLabel(self)
        self.reason = hint_label(parent=self)
        self.create_button = QPushButton(self)
        self._build_layout()
        path = free_default_path()
        self.path_edit.setText(str(path) if path else "")
        self.browse_button.clicked.connect(self._on_browse_button_clicked)
        self.create_button.clicked.connect(self._on_create_button_clicked)
        self.path_edit.textChanged.connect(self._on_input_changed)
        self.passphrase.text_changed.connect(self._on_input_changed)
        self.repeat.text_changed.connect(self._on_input_changed)
        self.repeat.return_pressed.connect(self._on_create_button_clicked)
        self.retranslate()

    def _build_layout(self) -> None:
        path_row = QHBoxLayout()
        path_row.setSpacing(8)
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(self.browse_button)
        self.path_label.setBuddy(self.path_edit)
        buttons = QHBoxLayout()
        buttons.setSpacing(SPACING)
        buttons.addWidget(self.reason, 1)
        buttons.addWidget(self.create_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACING + 4, SPACING + 4, SPACING + 4, SPACING)
        layout.setSpacing(SPACING)
        layout.addLayout(field_block(self.path_label, path_row))
        layout.addLayout(field_block(self.passphrase_label, self.passphrase, self.strength))
        layout.addLayout(field_block(self.repeat_label, self.repeat, self.mismatch))
        layout.addWidget(self.forget_note)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addLayout(buttons)

    def chosen_path(self) -> Path | None:
        text = self.path_edit.text().strip()
        return Path(text).expanduser() if text else None

    def blocking_reason(self) -> str:
        """Why the vault cannot be created yet, or "" when everything is in order."""
        path = self.chosen_path()
        passphrase = self.passphrase.text()
        if path is None:
            return _("Choose where to save the new vault.")
        if path.exists() or key_file_path(path).exists():
            return _("A file already exists there. Choose another name.")
        return passphrase_problem(passphrase, self.repeat.text())

    def _refresh(self) -> None:
        passphrase = self.passphrase.text()
        self.strength.setText(strength_text(passphrase))
        mismatch = bool(self.repeat.text()) and self.repeat.text() != passphrase
        self.mismatch.show_message(_("The two passphrases are not the same.") if mismatch else "")
        reason = self.blocking_reason()
        self.create_button.setEnabled(not reason)
        # The mismatch is already said right under the field; do not say it twice.
        self.reason.setText("" if mismatch else reason)

    def _on_input_changed(self, _text: str) -> None:
        self.error.clear_message()
        self._refresh()

    def _on_browse_button_clicked(self) -> None:
        start = self.chosen_path() or default_vault_path()
        chosen = self._choose_path(self, _("Save the new vault as"), start)
        if chosen is not None:
            self.path_edit.setText(str(chosen))
            self.passphrase.setFocus()

    def _on_create_button_clicked(self) -> None:
        path = self.chosen_path()
        if self.blocking_reason() or path is None:
            return
        try:
            with busy_cursor():
                vault = Vault.create(path, self.passphrase.text())
        except VaultError as err:
            self.error.show_message(_(err.message))
            return
        self.passphrase.clear()
        self.repeat.clear()
        self.vault_opened.emit(vault)

    def retranslate(self) -> None:
        self.path_label.setText(_("Save the new vault &as"))
        self.browse_button.setText(_("&Browse…"))
        self.passphrase_label.setText(_("&Passphrase"))
        self.repeat_label.setText(_("&Repeat the passphrase"))
        self.forget_note.setText(
            _("After creating the vault you get a recovery key: the only way in if the "
              "passphrase is forgotten. Have pen and paper ready.")
        )
        self.create_button.setText(_("&Create vault"))
        self._refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
