"""Restore a vault from a backup file, with its passphrase or its recovery key.

Existing files at the target are never overwritten silently: the person is asked, and
then they are set aside (renamed), not deleted. The restored vault opens right away.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from initiator_desktop.i18n import _
from initiator_desktop.storage.backup import restore_backup
from initiator_desktop.storage.errors import VaultError, VaultExists
from initiator_desktop.storage.recovery_key import RecoveryKeyTypo, parse_recovery_key
from initiator_desktop.storage.vault import Vault
from initiator_desktop.ui import message_boxes
from initiator_desktop.ui.busy import busy_cursor
from initiator_desktop.ui.page_scroll_area import PageScrollArea
from initiator_desktop.ui.start.passphrase_field import PassphraseField
from initiator_desktop.ui.start.path_choosers import PathChooser
from initiator_desktop.ui.start.recovery_unlock_page import KEY_PLACEHOLDER, key_font
from initiator_desktop.ui.style import SPACING, ErrorLabel, field_block, heading_label, hint_label
from initiator_desktop.ui.vault.backup_files import default_backup_folder
from initiator_desktop.ui.vault.new_passphrase_fields import NewPassphraseFields


def _path_row(edit: QLineEdit, button: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    row.setSpacing(8)
    row.addWidget(edit, 1)
    row.addWidget(button)
    button.setAutoDefault(False)
    return row


class RestorePage(QWidget):
    """``vault_opened`` with the restored, open vault; ``back_requested`` to go back."""

    vault_opened = Signal(object)
    back_requested = Signal()

    def __init__(self, choose_backup: PathChooser, choose_target: PathChooser,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._choose_backup = choose_backup
        self._choose_target = choose_target
        self.heading = heading_label(parent=self, scale=1.15)
        self.explanation = hint_label(parent=self)
        self.source_label, self.source_edit = QLabel(self), QLineEdit(self)
        self.source_button = QPushButton(self)
        self.target_label, self.target_edit = QLabel(self), QLineEdit(self)
        self.target_button = QPushButton(self)
        self.secret_label = QLabel(self)
        self.with_passphrase, self.with_key = QRadioButton(self), QRadioButton(self)
        self._secret = QButtonGroup(self)
        self._secret.addButton(self.with_passphrase)
        self._secret.addButton(self.with_key)
        self.with_passphrase.setChecked(True)
        self.passphrase_label, self.passphrase = QLabel(self), PassphraseField(self)
        self.key_label, self.key_edit = QLabel(self), QLineEdit(self)
        self.key_edit.setPlaceholderText(KEY_PLACEHOLDER)
        self.key_edit.setFont(key_font(self))
        self.new_passphrase = NewPassphraseFields(self)
        self.error = ErrorLabel(self)
        self.back_button, self.restore_button = QPushButton(self), QPushButton(self)
        self.back_button.setAutoDefault(False)
        self._build_layout()
        self.source_button.clicked.connect(self._on_source_button_clicked)
        self.target_button.clicked.connect(self._on_target_button_clicked)
        self.with_key.toggled.connect(self._on_with_key_toggled)
        self.back_button.clicked.connect(self.back_requested)
        self.restore_button.clicked.connect(self._on_restore_button_clicked)
        self.passphrase.return_pressed.connect(self._on_restore_button_clicked)
        self.retranslate()
        self._on_with_key_toggled(False)

    def _build_layout(self) -> None:
        content = QWidget()
        form = QVBoxLayout(content)
        form.setContentsMargins(SPACING + 4, SPACING + 4, SPACING + 4, SPACING)
        form.setSpacing(SPACING)
        form.addWidget(self.heading)
        form.addWidget(self.explanation)
        form.addLayout(field_block(self.source_label,
                                   _path_row(self.source_edit, self.source_button)))
        form.addLayout(field_block(self.target_label,
                                   _path_row(self.target_edit, self.target_button)))
        secret = QHBoxLayout()
        secret.setSpacing(SPACING + 4)
        for widget in (self.secret_label, self.with_passphrase, self.with_key):
            secret.addWidget(widget)
        secret.addStretch(1)
        form.addLayout(secret)
        form.addLayout(field_block(self.passphrase_label, self.passphrase))
        form.addLayout(field_block(self.key_label, self.key_edit))
        form.addWidget(self.new_passphrase)
        form.addWidget(self.error)
        form.addStretch(1)
        self.source_label.setBuddy(self.source_edit)
        self.target_label.setBuddy(self.target_edit)
        self.scroll = PageScrollArea(self)
        self.scroll.setWidget(content)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(SPACING + 4, 0, SPACING + 4, 0)
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.restore_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, SPACING)
        layout.setSpacing(SPACING)
        layout.addWidget(self.scroll, 1)
        layout.addLayout(buttons)

    def start(self, target: Path | None) -> None:
        """Show the page, restoring to ``target`` unless the person picks another place."""
        self.target_edit.setText(str(target) if target else "")
        self.error.clear_message()
        self.source_edit.setFocus()

    # actions ----------------------------------------------------------------------------
    def _on_with_key_toggled(self, with_key: bool) -> None:
        for widget in (self.passphrase_label, self.passphrase):
            widget.setVisible(not with_key)
        for widget in (self.key_label, self.key_edit, self.new_passphrase):
            widget.setVisible(with_key)
        self.error.clear_message()

    def _on_source_button_clicked(self) -> None:
        chosen = self._choose_backup(self, _("Choose a backup file"), default_backup_folder())
        if chosen is not None:
            self.source_edit.setText(str(chosen))

    def _on_target_button_clicked(self) -> None:
        start = Path(self.target_edit.text().strip() or default_backup_folder())
        chosen = self._choose_target(self, _("Restore the vault as"), start)
        if chosen is not None:
            self.target_edit.setText(str(chosen))

    def _problem(self) -> str:
        if not self.source_edit.text().strip():
            return _("Choose the backup file first.")
        if not self.target_edit.text().strip():
            return _("Choose where to put the restored vault.")
        if not self.with_key.isChecked():
            return "" if self.passphrase.text() else _("Type the passphrase of the backup.")
        try:
            parse_recovery_key(self.key_edit.text())
        except RecoveryKeyTypo as typo:
            return _(RecoveryKeyTypo.message).format(group=typo.group)
        return self.new_passphrase.blocking_reason()

    def _on_restore_button_clicked(self) -> None:
        problem = self._problem()
        if problem:
            self.error.show_message(problem)
            return
        source = Path(self.source_edit.text().strip()).expanduser()
        target = Path(self.target_edit.text().strip()).expanduser()
        try:
            with busy_cursor():
                self._restore(source, target, replace=False)
        except VaultExists:
            if not message_boxes.confirm(
                self, _("Set the existing vault aside"),
                _("There is already a vault at this place. Set its files aside (they are "
                  "renamed, not deleted) and restore the backup in their place?"),
                _("Set aside and restore"),
            ):
                return
            self._restore_reporting(source, target, replace=True)
        except VaultError as err:
            self.error.show_message(_(err.message))

    def _restore_reporting(self, source: Path, target: Path, *, replace: bool) -> None:
        try:
            with busy_cursor():
                self._restore(source, target, replace=replace)
        except VaultError as err:
            self.error.show_message(_(err.message))

    def _restore(self, source: Path, target: Path, *, replace: bool) -> None:
        with_key = self.with_key.isChecked()
        passphrase = self.new_passphrase.text() if with_key else self.passphrase.text()
        restore_backup(
            source, target,
            passphrase=None if with_key else passphrase,
            recovery_key=self.key_edit.text() if with_key else None,
            new_passphrase=passphrase if with_key else None,
            replace_existing=replace,
        )
        vault = Vault.open(target, passphrase)
        self.passphrase.clear()
        self.key_edit.clear()
        self.new_passphrase.clear()
        self.vault_opened.emit(vault)

    # texts ------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.heading.setText(_("Restore from a backup"))
        self.explanation.setText(
            _("A backup holds the vault as it was when the backup was made. It opens with "
              "the passphrase or the recovery key the vault had then.")
        )
        self.source_label.setText(_("Backup &file"))
        self.source_button.setText(_("Browse…"))
        self.target_label.setText(_("Restore &as"))
        self.target_button.setText(_("Browse…"))
        self.secret_label.setText(_("Open it with:"))
        self.with_passphrase.setText(_("its &passphrase"))
        self.with_key.setText(_("its recovery &key"))
        self.passphrase_label.setText(_("Pa&ssphrase of the backup"))
        self.key_label.setText(_("Recovery ke&y"))
        self.back_button.setText(_("&Back"))
        self.restore_button.setText(_("&Restore"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
