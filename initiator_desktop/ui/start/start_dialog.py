"""The start dialog: open a vault with its passphrase, or create a new one.

Also the way back in: with the recovery key (then a new passphrase is required) or from
a backup. It returns the open ``Vault``; the caller owns it from then on and closes it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from initiator_desktop.i18n import LANGUAGES, _, current_language
from initiator_desktop.printing.recovery_sheet import sheet_for_vault
from initiator_desktop.storage.vault import Vault
from initiator_desktop.ui.language import LANGUAGE_NAMES, app_display_name, apply_language
from initiator_desktop.ui.settings import AppSettings
from initiator_desktop.ui.start.create_vault_page import CreateVaultPage, free_default_path
from initiator_desktop.ui.start.new_passphrase_page import NewPassphrasePage
from initiator_desktop.ui.start.open_vault_page import OpenVaultPage
from initiator_desktop.ui.start.path_choosers import (
    PathChooser,
    choose_existing_vault,
    choose_new_vault,
)
from initiator_desktop.ui.start.recovery_key_page import RecoveryKeyPage
from initiator_desktop.ui.start.recovery_unlock_page import RecoveryUnlockPage
from initiator_desktop.ui.start.restore_page import RestorePage
from initiator_desktop.ui.style import MARGIN, SPACING, heading_label, hint_label
from initiator_desktop.ui.vault.backup_files import choose_backup_source

OPEN_TAB = 0
CREATE_TAB = 1


class StartDialog(QDialog):
    """``vault_opened`` fires with the open vault just before the dialog is accepted."""

    vault_opened = Signal(object)

    def __init__(
        self,
        settings: AppSettings,
        *,
        preselected: Path | None = None,
        demo_passphrase: str | None = None,
        choose_existing: PathChooser = choose_existing_vault,
        choose_new: PathChooser = choose_new_vault,
        choose_backup: PathChooser = choose_backup_source,
        locked: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._locked = locked
        # A demo vault lives in a temporary folder: never remember it as a recent vault.
        self._forget = preselected if demo_passphrase is not None else None
        self._vault: Vault | None = None
        self.heading = heading_label(parent=self)
        self.intro = hint_label(parent=self)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.open_page = OpenVaultPage(choose_existing, self)
        self.create_page = CreateVaultPage(choose_new, self)
        self.tabs.addTab(self.open_page, "")
        self.tabs.addTab(self.create_page, "")
        self.recovery_page = RecoveryKeyPage(self)
        self.recovery_unlock_page = RecoveryUnlockPage(self)
        self.new_passphrase_page = NewPassphrasePage(self)
        self.restore_page = RestorePage(choose_backup, choose_new, self)
        self.stack = QStackedWidget(self)
        for page in (self.tabs, self.recovery_page, self.recovery_unlock_page,
                     self.new_passphrase_page, self.restore_page):
            self.stack.addWidget(page)
        self.language_label = QLabel(self)
        self.language = QComboBox(self)
        for code in LANGUAGES:
            self.language.addItem(LANGUAGE_NAMES[code], code)
        self.language.setCurrentIndex(LANGUAGES.index(current_language()))
        self.language_label.setBuddy(self.language)
        footer = QHBoxLayout()
        footer.setSpacing(8)
        footer.addWidget(self.language_label)
        footer.addWidget(self.language)
        footer.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN + 8, MARGIN + 4, MARGIN + 8, MARGIN)
        layout.setSpacing(SPACING)
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)
        layout.addWidget(self.stack, 1)
        layout.addLayout(footer)
        self.open_page.set_paths(settings.recent_vaults(), preselected)
        self.open_page.set_demo_passphrase(demo_passphrase)
        has_vault = self.open_page.path_combo.count() > 0
        self.tabs.setCurrentIndex(OPEN_TAB if has_vault else CREATE_TAB)
        self._on_tabs_current_changed(self.tabs.currentIndex())
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        self.open_page.vault_opened.connect(self._on_open_page_vault_opened)
        self.create_page.vault_opened.connect(self._on_create_page_vault_opened)
        self.recovery_page.confirmed.connect(self._on_recovery_page_confirmed)
        self.open_page.recovery_requested.connect(self._on_open_page_recovery_requested)
        self.open_page.restore_requested.connect(self._on_open_page_restore_requested)
        self.recovery_unlock_page.vault_opened.connect(self._on_create_page_vault_opened)
        self.restore_page.vault_opened.connect(self._on_create_page_vault_opened)
        for page in (self.recovery_unlock_page, self.restore_page):
            page.back_requested.connect(self._on_page_back_requested)
        self.new_passphrase_page.passphrase_changed.connect(self._finish)
        self.language.activated.connect(self._on_language_activated)
        self.setMinimumWidth(600)
        # Room for the notes that appear while typing, so nothing has to squeeze.
        self.resize(620, 560)
        self.retranslate()

    def vault(self) -> Vault | None:
        """The vault that was opened or created, once the dialog was accepted."""
        return self._vault

    def _on_tabs_current_changed(self, index: int) -> None:
        # Enter presses the button of the visible page only.
        self.open_page.unlock_button.setDefault(index == OPEN_TAB)
        self.create_page.create_button.setDefault(index == CREATE_TAB)
        page = self.open_page if index == OPEN_TAB else self.create_page
        target = page.passphrase if index == CREATE_TAB or self._has_path() else None
        (target or page).setFocus()

    def _has_path(self) -> bool:
        return self.open_page.selected_path() is not None

    def _show_page(self, page: QWidget, default: QPushButton | None) -> None:
        """Switch the stack; Enter presses ``default`` (the tabs set their own)."""
        for button in self.findChildren(QPushButton):
            button.setDefault(button is default)
        self.stack.setCurrentWidget(page)
        # The other pages have their own heading: give them the room.
        self.heading.setVisible(page is self.tabs)
        self.intro.setVisible(page is self.tabs)

    def _on_open_page_recovery_requested(self) -> None:
        self._show_page(self.recovery_unlock_page, self.recovery_unlock_page.unlock_button)
        self.recovery_unlock_page.start(self.open_page.selected_path())

    def _on_open_page_restore_requested(self, path: Path | None) -> None:
        self._show_page(self.restore_page, self.restore_page.restore_button)
        self.restore_page.start(path or free_default_path())

    def _on_page_back_requested(self) -> None:
        self._show_page(self.tabs, None)
        self._on_tabs_current_changed(self.tabs.currentIndex())

    def _on_open_page_vault_opened(self, vault: Vault) -> None:
        # Opening an old vault upgrades it, and the upgrade makes a recovery key.
        self._take_vault(vault, upgraded=True)

    def _on_create_page_vault_opened(self, vault: Vault) -> None:
        self._take_vault(vault, upgraded=False)

    def _take_vault(self, vault: Vault, *, upgraded: bool) -> None:
        if self._forget is None or vault.path.resolve() != self._forget.resolve():
            self._settings.add_recent_vault(vault.path)
        self._vault = vault
        if vault.must_change_passphrase:
            # Opened with the recovery key: no way in without choosing a new passphrase.
            self._show_page(self.new_passphrase_page, self.new_passphrase_page.save_button)
            self.new_passphrase_page.start(vault)
            return
        if vault.recovery_key:
            # A new or just upgraded vault has a recovery key that is shown only now.
            sheet = sheet_for_vault(vault.recovery_key, vault.path, vault.keys.created_at)
            self._show_page(self.recovery_page, self.recovery_page.continue_button)
            self.recovery_page.show_key(sheet, upgraded=upgraded)
            return
        self._finish()

    def _on_language_activated(self, _index: int) -> None:
        apply_language(str(self.language.currentData()), self._settings)

    def _on_recovery_page_confirmed(self) -> None:
        if self._vault is not None:
            self._vault.recovery_key = None
        self._finish()

    def _finish(self) -> None:
        self.vault_opened.emit(self._vault)
        self.accept()

    def reject(self) -> None:
        # Closing while the recovery key is shown still leaves an open vault to close.
        if self._vault is not None and self.result() != QDialog.DialogCode.Accepted:
            self._vault.close()
            self._vault = None
        super().reject()

    def retranslate(self) -> None:
        self.setWindowTitle(app_display_name())
        if self._locked:
            self.heading.setText(_("The vault is locked"))
            self.intro.setText(_("Type the passphrase to go on where you left off."))
        else:
            self.heading.setText(_("Welcome"))
            self.intro.setText(
                _("Your groups are kept in a vault: an encrypted file on this computer. "
                  "Only someone who knows its passphrase can open it.")
            )
        self.tabs.setTabText(OPEN_TAB, _("Open a vault"))
        self.tabs.setTabText(CREATE_TAB, _("Create a new vault"))
        self.language_label.setText(_("&Language:"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
