"""The start dialog: open a vault with its passphrase, or create a new one.

It returns the open ``Vault``; the caller owns it from then on and must close it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from initiator_desktop.i18n import LANGUAGES, _, current_language
from initiator_desktop.storage.vault import Vault
from initiator_desktop.ui.language import LANGUAGE_NAMES, app_display_name, apply_language
from initiator_desktop.ui.settings import AppSettings
from initiator_desktop.ui.start.create_vault_page import CreateVaultPage
from initiator_desktop.ui.start.open_vault_page import OpenVaultPage
from initiator_desktop.ui.start.path_choosers import (
    PathChooser,
    choose_existing_vault,
    choose_new_vault,
)
from initiator_desktop.ui.start.recovery_key_page import RecoveryKeyPage
from initiator_desktop.ui.style import MARGIN, SPACING, heading_label, hint_label

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
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
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
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.tabs)
        self.stack.addWidget(self.recovery_page)
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

    def _on_open_page_vault_opened(self, vault: Vault) -> None:
        # Opening an old vault upgrades it, and the upgrade makes a recovery key.
        self._take_vault(vault, upgraded=True)

    def _on_create_page_vault_opened(self, vault: Vault) -> None:
        self._take_vault(vault, upgraded=False)

    def _take_vault(self, vault: Vault, *, upgraded: bool) -> None:
        if self._forget is None or vault.path.resolve() != self._forget.resolve():
            self._settings.add_recent_vault(vault.path)
        self._vault = vault
        if vault.recovery_key:
            # A new or just upgraded vault has a recovery key that is shown only now.
            self.recovery_page.show_key(vault.recovery_key, upgraded=upgraded)
            self.stack.setCurrentWidget(self.recovery_page)
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
