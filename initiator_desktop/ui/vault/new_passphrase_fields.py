"""A new passphrase typed twice, with the strength hint: for changing and resetting it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from initiator_desktop.core.passphrase_strength import MIN_LENGTH, StrengthLevel, estimate
from initiator_desktop.i18n import _
from initiator_desktop.ui.start.passphrase_field import PassphraseField
from initiator_desktop.ui.style import SPACING, ErrorLabel, field_block, hint_label


def level_name(level: StrengthLevel) -> str:
    names = {
        StrengthLevel.WEAK: _("weak"),
        StrengthLevel.FAIR: _("fair"),
        StrengthLevel.GOOD: _("good"),
        StrengthLevel.STRONG: _("strong"),
    }
    return names[level]


def strength_text(passphrase: str) -> str:
    """The hint under a new passphrase: its estimated strength, or how to choose one."""
    if not passphrase:
        return _("Use a few words that you will remember, not a single word.")
    result = estimate(passphrase)
    return _("Strength: {level}. {advice}").format(
        level=level_name(result.level), advice=_(result.message)
    )


def passphrase_problem(passphrase: str, repeat: str) -> str:
    """Why a new passphrase typed twice cannot be used yet, or "" when it can."""
    if len(passphrase) < MIN_LENGTH:
        return _("The passphrase needs at least {count} characters.").format(count=MIN_LENGTH)
    if not repeat:
        return _("Type the passphrase once more to confirm it.")
    if repeat != passphrase:
        return _("The two passphrases are not the same.")
    return ""


class NewPassphraseFields(QWidget):
    """Two passphrase fields; ``changed`` on every keystroke, ``submitted`` on Enter."""

    changed = Signal()
    submitted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.passphrase_label = QLabel(self)
        self.passphrase = PassphraseField(self)
        self.strength = hint_label(parent=self)
        self.repeat_label = QLabel(self)
        self.repeat = PassphraseField(self)
        self.mismatch = ErrorLabel(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(SPACING)
        layout.addLayout(field_block(self.passphrase_label, self.passphrase, self.strength))
        layout.addLayout(field_block(self.repeat_label, self.repeat, self.mismatch))
        self.setFocusProxy(self.passphrase)
        self.passphrase.text_changed.connect(self._on_field_text_changed)
        self.repeat.text_changed.connect(self._on_field_text_changed)
        self.repeat.return_pressed.connect(self.submitted)
        self.retranslate()

    def text(self) -> str:
        return self.passphrase.text()

    def clear(self) -> None:
        self.passphrase.clear()
        self.repeat.clear()

    def blocking_reason(self) -> str:
        """Why the new passphrase cannot be used yet, or "" when it can."""
        return passphrase_problem(self.passphrase.text(), self.repeat.text())

    def _refresh(self) -> None:
        self.strength.setText(strength_text(self.passphrase.text()))
        mismatch = bool(self.repeat.text()) and self.repeat.text() != self.passphrase.text()
        self.mismatch.show_message(_("The two passphrases are not the same.") if mismatch else "")

    def _on_field_text_changed(self, _text: str) -> None:
        self._refresh()
        self.changed.emit()

    def retranslate(self) -> None:
        self.passphrase_label.setText(_("&New passphrase"))
        self.repeat_label.setText(_("Re&peat the new passphrase"))
        self._refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
