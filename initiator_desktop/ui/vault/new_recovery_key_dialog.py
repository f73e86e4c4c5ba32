"""Make a new recovery key: confirm with the passphrase, then show the new key once.

The old key stops working at once. The new key is not kept anywhere once the dialog
closes; the person writes it down, prints it or saves the sheet.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from initiator_desktop.i18n import _
from initiator_desktop.printing.recovery_sheet import sheet_for_vault
from initiator_desktop.storage.errors import VaultError
from initiator_desktop.storage.vault import Vault
from initiator_desktop.ui.busy import busy_cursor
from initiator_desktop.ui.start.passphrase_field import PassphraseField
from initiator_desktop.ui.start.recovery_key_page import two_lines
from initiator_desktop.ui.style import (
    MARGIN,
    SPACING,
    ErrorLabel,
    NoteFrame,
    field_block,
    heading_label,
    hint_label,
)
from initiator_desktop.ui.vault.recovery_key_actions import RecoveryKeyActions


class NewRecoveryKeyDialog(QDialog):
    """Accepted after the new key was shown and confirmed as written down."""

    def __init__(self, vault: Vault, parent: QWidget | None = None,
                 key_actions: RecoveryKeyActions | None = None) -> None:
        super().__init__(parent)
        self._vault = vault
        self.stack = QStackedWidget(self)
        self.confirm_page = QWidget(self.stack)
        self.intro = QLabel(self.confirm_page)
        self.intro.setWordWrap(True)
        self.passphrase_label = QLabel(self.confirm_page)
        self.passphrase = PassphraseField(self.confirm_page)
        self.error = ErrorLabel(self.confirm_page)
        self.key_page = QWidget(self.stack)
        self.heading = heading_label(parent=self.key_page, scale=1.15)
        self.key_box = NoteFrame(self.key_page)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(max(font.pointSizeF(), QFont(self.font()).pointSizeF()) * 1.3)
        self.key_box.label.setFont(font)
        self.key_box.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.key_actions = key_actions or RecoveryKeyActions()
        self.key_actions.setParent(self.key_page)
        self.advice = hint_label(parent=self.key_page)
        self.written = QCheckBox(self.key_page)
        self.cancel_button = QPushButton(self)
        self.make_button = QPushButton(self)
        self.done_button = QPushButton(self)
        self._build_layout()
        self.passphrase.text_changed.connect(self._on_passphrase_text_changed)
        self.passphrase.return_pressed.connect(self._on_make_button_clicked)
        self.make_button.clicked.connect(self._on_make_button_clicked)
        self.cancel_button.clicked.connect(self.reject)
        self.done_button.clicked.connect(self.accept)
        self.written.toggled.connect(self.done_button.setEnabled)
        self.setMinimumWidth(560)
        self.retranslate()
        self._show_page(self.confirm_page)

    def _build_layout(self) -> None:
        confirm = QVBoxLayout(self.confirm_page)
        confirm.setContentsMargins(0, 0, 0, 0)
        confirm.setSpacing(SPACING)
        confirm.addWidget(self.intro)
        confirm.addLayout(field_block(self.passphrase_label, self.passphrase))
        confirm.addWidget(self.error)
        confirm.addStretch(1)
        shown = QVBoxLayout(self.key_page)
        shown.setContentsMargins(0, 0, 0, 0)
        shown.setSpacing(SPACING)
        for widget in (self.heading, self.key_box, self.key_actions, self.advice, self.written):
            shown.addWidget(widget)
        shown.addStretch(1)
        self.stack.addWidget(self.confirm_page)
        self.stack.addWidget(self.key_page)
        buttons = QHBoxLayout()
        buttons.setSpacing(SPACING)
        buttons.addStretch(1)
        for button in (self.cancel_button, self.make_button, self.done_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN + 4, MARGIN, MARGIN + 4, MARGIN)
        layout.setSpacing(SPACING)
        layout.addWidget(self.stack, 1)
        layout.addSpacing(SPACING)
        layout.addLayout(buttons)

    def _show_page(self, page: QWidget) -> None:
        self.stack.setCurrentWidget(page)
        confirming = page is self.confirm_page
        self.cancel_button.setVisible(confirming)
        self.make_button.setVisible(confirming)
        self.make_button.setDefault(confirming)
        self.done_button.setVisible(not confirming)
        self.done_button.setEnabled(self.written.isChecked())
        self.done_button.setDefault(not confirming)
        (self.passphrase if confirming else self.written).setFocus()

    def _on_passphrase_text_changed(self, _text: str) -> None:
        self.error.clear_message()

    def _on_make_button_clicked(self) -> None:
        if not self.passphrase.text():
            self.error.show_message(_("Type the passphrase for this vault."))
            return
        try:
            with busy_cursor():
                if not self._vault.verify_passphrase(self.passphrase.text()):
                    self.passphrase.clear()
                    self.error.show_message(_("The passphrase is not right for this vault."))
                    return
                key = self._vault.renew_recovery_key()
        except VaultError as err:
            self.error.show_message(_(err.message))
            return
        self.passphrase.clear()
        self.key_box.label.setText(two_lines(key))
        self.key_actions.set_sheet(sheet_for_vault(key, self._vault.path,
                                               self._vault.keys.created_at))
        self._show_page(self.key_page)

    def done(self, result: int) -> None:
        # The key is not kept once the dialog closes, however it closes.
        self.key_box.label.clear()
        self.key_actions.set_sheet(None)
        super().done(result)

    def retranslate(self) -> None:
        self.setWindowTitle(_("New recovery key"))
        self.intro.setText(
            _("A new recovery key replaces the current one: the old key and any printed "
              "sheet with it stop working. Type the passphrase to go on.")
        )
        self.passphrase_label.setText(_("&Passphrase"))
        self.heading.setText(_("Write down your new recovery key"))
        self.advice.setText(
            _("It is shown only now. Keep the paper somewhere safe, away from this computer, "
              "and destroy the sheet with the old key.")
        )
        self.written.setText(_("I have written down the new recovery key"))
        self.cancel_button.setText(_("Cancel"))
        self.make_button.setText(_("&Make a new key"))
        self.done_button.setText(_("&Done"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
