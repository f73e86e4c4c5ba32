"""The "Open a vault" half of the start dialog: pick a vault file and type its passphrase.

From here the person can also turn to the recovery key or to a backup.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from initiator_desktop.i18n import _
from initiator_desktop.storage.errors import VaultDataMissing, VaultError, WrongPassphrase
from initiator_desktop.storage.locations import default_vault_path
from initiator_desktop.storage.vault import Vault
from initiator_desktop.ui.busy import busy_cursor
from initiator_desktop.ui.start.passphrase_field import PassphraseField
from initiator_desktop.ui.start.path_choosers import PathChooser
from initiator_desktop.ui.style import SPACING, ErrorLabel, NoteFrame, field_block


def _link_button(parent: QWidget) -> QPushButton:
    """A quiet, flat button for a way out that most people never need."""
    button = QPushButton(parent)
    button.setFlat(True)
    button.setAutoDefault(False)
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    button.setStyleSheet("text-align: left; padding: 2px 0px; color: palette(link);")
    return button


class OpenVaultPage(QWidget):
    """Emits ``vault_opened`` with the open ``Vault`` once the passphrase was right."""

    vault_opened = Signal(object)
    recovery_requested = Signal()
    restore_requested = Signal(object)

    def __init__(self, choose_path: PathChooser, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._choose_path = choose_path
        self._demo_passphrase: str | None = None
        self.demo_note = NoteFrame(self)
        self.demo_note.hide()
        self.path_label = QLabel(self)
        self.path_combo = QComboBox(self)
        self.path_combo.setEditable(True)
        self.path_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.path_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.path_combo.setMinimumContentsLength(28)
        self.browse_button = QPushButton(self)
        self.browse_button.setAutoDefault(False)
        self.passphrase_label = QLabel(self)
        self.passphrase = PassphraseField(self)
        self.error = ErrorLabel(self)
        self.restore_offer = QPushButton(self)
        self.restore_offer.setAutoDefault(False)
        self.restore_offer.hide()
        self.forgot_button = _link_button(self)
        self.restore_button = _link_button(self)
        self.unlock_button = QPushButton(self)
        self._build_layout()
        self.forgot_button.clicked.connect(self.recovery_requested)
        self.restore_button.clicked.connect(self._on_restore_button_clicked)
        self.restore_offer.clicked.connect(self._on_restore_button_clicked)
        self.browse_button.clicked.connect(self._on_browse_button_clicked)
        self.unlock_button.clicked.connect(self._on_unlock_button_clicked)
        self.passphrase.return_pressed.connect(self._on_unlock_button_clicked)
        self.passphrase.text_changed.connect(self._on_passphrase_text_changed)
        self.retranslate()

    def _build_layout(self) -> None:
        path_row = QHBoxLayout()
        path_row.setSpacing(8)
        path_row.addWidget(self.path_combo, 1)
        path_row.addWidget(self.browse_button)
        self.path_label.setBuddy(self.path_combo)
        offer = QHBoxLayout()
        offer.addWidget(self.restore_offer)
        offer.addStretch(1)
        links = QVBoxLayout()
        links.setSpacing(2)
        links.addWidget(self.forgot_button)
        links.addWidget(self.restore_button)
        buttons = QHBoxLayout()
        buttons.addLayout(links)
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button, 0, Qt.AlignmentFlag.AlignBottom)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACING + 4, SPACING + 4, SPACING + 4, SPACING)
        layout.setSpacing(SPACING)
        layout.addWidget(self.demo_note)
        layout.addLayout(field_block(self.path_label, path_row))
        layout.addLayout(field_block(self.passphrase_label, self.passphrase))
        layout.addWidget(self.error)
        layout.addLayout(offer)
        layout.addStretch(1)
        layout.addLayout(buttons)

    # state ------------------------------------------------------------------------------
    def set_paths(self, recent: list[Path], selected: Path | None = None) -> None:
        """Fill the combo with ``selected`` first, then the recent paths, without repeats."""
        paths = [p for p in [selected, *recent] if p is not None]
        if not paths and default_vault_path().exists():
            paths = [default_vault_path()]
        self.path_combo.clear()
        for path in dict.fromkeys(str(p) for p in paths):
            self.path_combo.addItem(path)
        self.path_combo.setCurrentIndex(0 if paths else -1)

    def set_demo_passphrase(self, passphrase: str | None) -> None:
        self._demo_passphrase = passphrase
        self.demo_note.setVisible(passphrase is not None)
        self.retranslate()

    def selected_path(self) -> Path | None:
        text = self.path_combo.currentText().strip()
        return Path(text).expanduser() if text else None

    # actions ----------------------------------------------------------------------------
    def _on_browse_button_clicked(self) -> None:
        start = self.selected_path() or default_vault_path()
        chosen = self._choose_path(self, _("Choose a vault file"), start)
        if chosen is not None:
            self.path_combo.setEditText(str(chosen))
            self.error.clear_message()
            self.passphrase.setFocus()

    def _on_passphrase_text_changed(self, _text: str) -> None:
        self.error.clear_message()
        self.restore_offer.hide()

    def _on_restore_button_clicked(self) -> None:
        self.restore_requested.emit(self.selected_path())

    def _on_unlock_button_clicked(self) -> None:
        path = self.selected_path()
        if path is None:
            self.error.show_message(_("Choose a vault file first."))
            self.path_combo.setFocus()
            return
        if not self.passphrase.text():
            self.error.show_message(_("Type the passphrase for this vault."))
            self.passphrase.setFocus()
            return
        try:
            with busy_cursor():
                vault = Vault.open(path, self.passphrase.text())
        except VaultError as err:
            self._show_failure(err)
            return
        self.passphrase.clear()
        self.vault_opened.emit(vault)

    def _show_failure(self, err: VaultError) -> None:
        self.passphrase.set_hidden_text()
        if isinstance(err, WrongPassphrase):
            # Cleared first: typing clears the message, and clearing is a change too.
            self.passphrase.clear()
            self.passphrase.setFocus()
        self.error.show_message(_(err.message))
        # The data file is gone but the key file remains: a backup is the way back.
        self.restore_offer.setVisible(isinstance(err, VaultDataMissing))

    # texts ------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.path_label.setText(_("&Vault file"))
        self.path_combo.lineEdit().setPlaceholderText(_("Choose or type the path of a vault"))
        self.browse_button.setText(_("&Browse…"))
        self.passphrase_label.setText(_("&Passphrase"))
        self.unlock_button.setText(_("&Unlock"))
        self.forgot_button.setText(_("Forgot the passphrase? Use the recovery key"))
        self.restore_button.setText(_("Restore from a backup…"))
        self.restore_offer.setText(_("Restore this vault from a backup…"))
        if self._demo_passphrase is not None:
            self.demo_note.label.setText(
                _("Demo vault: the passphrase is {passphrase}").format(
                    passphrase=self._demo_passphrase
                )
                + "\n"
                + _("It holds made-up groups, and it is deleted when you quit.")
            )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

