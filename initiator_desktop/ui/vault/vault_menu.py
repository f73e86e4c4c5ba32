"""The Vault menu: passphrase, recovery key, backup, check and settings for the open vault.

Each action opens its dialog modally; a lock closes any of them (they return Rejected),
and results are reported through ``notice_posted`` rather than another message box.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMenu, QWidget

from initiator_desktop.i18n import _
from initiator_desktop.storage.backup import write_backup
from initiator_desktop.storage.errors import VaultError
from initiator_desktop.storage.vault import Vault
from initiator_desktop.ui.busy import busy_cursor
from initiator_desktop.ui.settings import AppSettings
from initiator_desktop.ui.start.path_choosers import PathChooser
from initiator_desktop.ui.vault.backup_files import (
    choose_backup_destination,
    default_backup_folder,
    default_backup_name,
)
from initiator_desktop.ui.vault.change_passphrase_dialog import ChangePassphraseDialog
from initiator_desktop.ui.vault.check_vault_dialog import CheckVaultDialog
from initiator_desktop.ui.vault.new_recovery_key_dialog import NewRecoveryKeyDialog
from initiator_desktop.ui.vault.settings_dialog import SettingsDialog


class VaultMenu(QMenu):
    """Lives in the main window's menu bar; ``settings_action`` goes in the File menu."""

    notice_posted = Signal(str)
    settings_changed = Signal()

    def __init__(
        self,
        vault: Vault,
        settings: AppSettings,
        parent: QWidget,
        *,
        choose_backup: PathChooser = choose_backup_destination,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self._vault = vault
        self._settings = settings
        self._choose_backup = choose_backup
        self._today = today
        self.change_passphrase_action = QAction(self)
        self.new_recovery_key_action = QAction(self)
        self.backup_action = QAction(self)
        self.check_action = QAction(self)
        self.settings_action = QAction(self)
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.change_passphrase_action.triggered.connect(
            self._on_change_passphrase_action_triggered)
        self.new_recovery_key_action.triggered.connect(self._on_new_recovery_key_action_triggered)
        self.backup_action.triggered.connect(self._on_backup_action_triggered)
        self.check_action.triggered.connect(self._on_check_action_triggered)
        self.settings_action.triggered.connect(self._on_settings_action_triggered)
        self.retranslate()

    def add_vault_actions(self) -> None:
        """Append the vault's own actions (after the caller's lock and hide actions)."""
        self.addSeparator()
        self.addAction(self.change_passphrase_action)
        self.addAction(self.new_recovery_key_action)
        self.addSeparator()
        self.addAction(self.backup_action)
        self.addAction(self.check_action)

    def _run(self, dialog: QDialog) -> bool:
        try:
            return dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            dialog.deleteLater()

    def _on_change_passphrase_action_triggered(self) -> None:
        if self._run(ChangePassphraseDialog(self._vault, self.parentWidget())):
            self.notice_posted.emit(_("The passphrase was changed. Use the new one from now on."))

    def _on_new_recovery_key_action_triggered(self) -> None:
        if self._run(NewRecoveryKeyDialog(self._vault, self.parentWidget())):
            self.notice_posted.emit(_("The vault has a new recovery key. The old one no longer "
                                      "works."))

    def _on_check_action_triggered(self) -> None:
        self._run(CheckVaultDialog(self._vault.path, self.parentWidget()))

    def _on_settings_action_triggered(self) -> None:
        if self._run(SettingsDialog(self._settings, self.parentWidget())):
            self.settings_changed.emit()

    def _on_backup_action_triggered(self) -> None:
        start = default_backup_folder() / default_backup_name(self._today())
        path = self._choose_backup(self.parentWidget(), _("Save a backup of the vault as"), start)
        if path is None or not self._vault.is_open:
            return
        try:
            with busy_cursor():
                write_backup(self._vault, path)
        except VaultError as err:
            self.notice_posted.emit(_("The backup could not be written.") + " " + _(err.message))
            return
        self.notice_posted.emit(
            _("A backup was saved as {name}. It opens with the passphrase or the recovery key "
              "the vault has now. Keep it away from this computer.").format(name=path.name)
        )

    def retranslate(self) -> None:
        self.setTitle(_("&Vault"))
        self.change_passphrase_action.setText(_("&Change passphrase…"))
        self.new_recovery_key_action.setText(_("New &recovery key…"))
        self.backup_action.setText(_("&Back up now…"))
        self.check_action.setText(_("Chec&k the vault…"))
        self.settings_action.setText(_("&Settings…"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
