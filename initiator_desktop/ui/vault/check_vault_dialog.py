"""Check the vault: SQLCipher's and SQLite's integrity checks, reported in plain words.

The check opens its own read-only look at the file with the passphrase and changes nothing.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from initiator_desktop.i18n import _, ngettext
from initiator_desktop.storage.errors import VaultError
from initiator_desktop.storage.vault import CheckReport, check_vault
from initiator_desktop.ui.busy import busy_cursor
from initiator_desktop.ui.start.passphrase_field import PassphraseField
from initiator_desktop.ui.style import (
    MARGIN,
    SPACING,
    ErrorLabel,
    NoteFrame,
    field_block,
    hint_label,
)


def report_lines(report: CheckReport) -> list[str]:
    """The check's findings as short sentences; the first says whether all is well."""
    if report.ok:
        return [_("The vault is in good order."),
                _("The encryption and the database were checked page by page; "
                  "nothing is damaged.")]
    lines = [_("The check found problems. Restore the vault from a recent backup, "
               "and keep this file until the restored vault is known to be good.")]
    if report.cipher_problems:
        count = len(report.cipher_problems)
        lines.append(ngettext("{count} encrypted page is damaged.",
                              "{count} encrypted pages are damaged.", count
                              ).format(count=count))
    if report.integrity_problems:
        count = len(report.integrity_problems)
        lines.append(ngettext("The database check reported {count} problem.",
                              "The database check reported {count} problems.", count
                              ).format(count=count))
    if report.foreign_key_problems:
        count = report.foreign_key_problems
        lines.append(ngettext("{count} entry points to something that is missing.",
                              "{count} entries point to something that is missing.", count
                              ).format(count=count))
    if not 0 < report.schema_version <= report.latest_version:
        lines.append(_("The vault's version is not one this app knows."))
    return lines


class CheckVaultDialog(QDialog):
    """Asks for the passphrase, runs the check and shows the report in the dialog."""

    def __init__(self, vault_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._path = Path(vault_path)
        self.intro = hint_label(parent=self)
        self.passphrase_label = QLabel(self)
        self.passphrase = PassphraseField(self)
        self.error = ErrorLabel(self)
        self.report = NoteFrame(self)
        self.report.hide()
        self.close_button = QPushButton(self)
        self.check_button = QPushButton(self)
        self.close_button.setAutoDefault(False)
        self.check_button.setDefault(True)
        buttons = QHBoxLayout()
        buttons.setSpacing(SPACING)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.check_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN + 4, MARGIN, MARGIN + 4, MARGIN)
        layout.setSpacing(SPACING)
        layout.addWidget(self.intro)
        layout.addLayout(field_block(self.passphrase_label, self.passphrase))
        layout.addWidget(self.error)
        layout.addWidget(self.report)
        layout.addStretch(1)
        layout.addSpacing(SPACING)
        layout.addLayout(buttons)
        self.passphrase.return_pressed.connect(self._on_check_button_clicked)
        self.passphrase.text_changed.connect(self._on_passphrase_text_changed)
        self.check_button.clicked.connect(self._on_check_button_clicked)
        self.close_button.clicked.connect(self.accept)
        self.setMinimumWidth(520)
        self.retranslate()

    def _on_passphrase_text_changed(self, _text: str) -> None:
        self.error.clear_message()

    def _on_check_button_clicked(self) -> None:
        if not self.passphrase.text():
            self.error.show_message(_("Type the passphrase for this vault."))
            return
        try:
            with busy_cursor():
                report = check_vault(self._path, self.passphrase.text())
        except VaultError as err:
            self.passphrase.clear()
            self.report.hide()
            self.error.show_message(_(err.message))
            return
        self.passphrase.clear()
        self.report.label.setText("\n\n".join(report_lines(report)))
        self.report.show()

    def retranslate(self) -> None:
        self.setWindowTitle(_("Check the vault"))
        self.intro.setText(
            _("The check reads the whole vault file and verifies every page. It changes "
              "nothing. Type the passphrase to start.")
        )
        self.passphrase_label.setText(_("&Passphrase"))
        self.close_button.setText(_("Close"))
        self.check_button.setText(_("C&heck"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
