"""Open a vault with its recovery key, when the passphrase is forgotten.

A mistyped group is named (and selected) at once, before any key derivation runs.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from initiator_desktop.i18n import _
from initiator_desktop.storage.errors import VaultError
from initiator_desktop.storage.recovery_key import GROUPS, RecoveryKeyTypo, parse_recovery_key
from initiator_desktop.storage.vault import Vault
from initiator_desktop.ui.busy import busy_cursor
from initiator_desktop.ui.style import (
    SPACING,
    ErrorLabel,
    field_block,
    heading_label,
    hint_label,
)

_DIGITS = re.compile(r"\d+")
KEY_PLACEHOLDER = "-".join(["000000"] * GROUPS)


def group_span(text: str, group: int) -> tuple[int, int] | None:
    """Where the 1-based ``group`` stands in typed text: (start, length), or None."""
    runs = list(_DIGITS.finditer(text))
    if len(runs) == 1 and len(runs[0].group()) == 6 * GROUPS:
        return runs[0].start() + 6 * (group - 1), 6
    if 0 < group <= len(runs):
        run = runs[group - 1]
        return run.start(), len(run.group())
    return None


def key_font(widget: QWidget) -> QFont:
    """A fixed-width font a little larger than the text, so the groups line up."""
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setPointSizeF(max(font.pointSizeF(), QFont(widget.font()).pointSizeF()) * 1.15)
    return font


class RecoveryUnlockPage(QWidget):
    """``vault_opened`` with the open vault (which must get a new passphrase next)."""

    vault_opened = Signal(object)
    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._path: Path | None = None
        self.heading = heading_label(parent=self, scale=1.15)
        self.explanation = QLabel(self)
        self.explanation.setWordWrap(True)
        self.vault_note = hint_label(parent=self)
        self.key_label = QLabel(self)
        self.key_edit = QLineEdit(self)
        self.key_edit.setFont(key_font(self))
        self.key_edit.setMaxLength(6 * GROUPS + 3 * GROUPS)
        self.key_edit.setPlaceholderText(KEY_PLACEHOLDER)
        self.key_hint = hint_label(parent=self)
        self.error = ErrorLabel(self)
        self.back_button = QPushButton(self)
        self.back_button.setAutoDefault(False)
        self.unlock_button = QPushButton(self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACING + 4, SPACING + 4, SPACING + 4, SPACING)
        layout.setSpacing(SPACING)
        layout.addWidget(self.heading)
        layout.addWidget(self.explanation)
        layout.addWidget(self.vault_note)
        layout.addLayout(field_block(self.key_label, self.key_edit, self.key_hint))
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.key_edit.textEdited.connect(self._on_key_edit_text_edited)
        self.key_edit.returnPressed.connect(self._on_unlock_button_clicked)
        self.unlock_button.clicked.connect(self._on_unlock_button_clicked)
        self.back_button.clicked.connect(self.back_requested)
        self.retranslate()

    def start(self, path: Path | None) -> None:
        """Show the page for the vault at ``path``."""
        self._path = path
        self.key_edit.clear()
        self.error.clear_message()
        self.retranslate()
        self.key_edit.setFocus()

    def _on_key_edit_text_edited(self, _text: str) -> None:
        self.error.clear_message()

    def _on_unlock_button_clicked(self) -> None:
        if self._path is None:
            self.error.show_message(_("Choose a vault file first."))
            return
        text = self.key_edit.text()
        try:
            parse_recovery_key(text)
        except RecoveryKeyTypo as typo:
            self._show_typo(text, typo)
            return
        try:
            with busy_cursor():
                vault = Vault.open_with_recovery_key(self._path, text)
        except VaultError as err:
            self.error.show_message(_(err.message))
            return
        self.key_edit.clear()
        self.vault_opened.emit(vault)

    def _show_typo(self, text: str, typo: RecoveryKeyTypo) -> None:
        self.error.show_message(_(RecoveryKeyTypo.message).format(group=typo.group))
        self.key_edit.setFocus()
        span = group_span(text, typo.group)
        if span is None:
            self.key_edit.end(False)
        else:
            self.key_edit.setSelection(*span)

    def retranslate(self) -> None:
        self.heading.setText(_("Open with the recovery key"))
        self.explanation.setText(
            _("Type the recovery key from your paper: eight blocks of six digits. Spaces "
              "and dashes do not matter. Then you choose a new passphrase.")
        )
        self.vault_note.setText(
            _("Vault: {name}").format(name=self._path.name) if self._path else ""
        )
        self.key_label.setText(_("Recovery &key"))
        self.key_hint.setText(_("A mistyped block is pointed out at once, before "
                                "anything else happens."))
        self.back_button.setText(_("&Back"))
        self.unlock_button.setText(_("&Unlock"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
