"""Settings: when the vault locks by itself, quick-hide's delay, and automatic backups.

Only these plain numbers are stored (the settings allow-list); nothing from the vault.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from initiator_desktop.core import lock_policy
from initiator_desktop.i18n import _, pgettext
from initiator_desktop.ui.settings import AppSettings
from initiator_desktop.ui.style import MARGIN, SHORT_FIELD_WIDTH, SPACING, hint_label


def _spin(low: int, high: int, parent: QWidget) -> QSpinBox:
    spin = QSpinBox(parent)
    spin.setRange(low, high)
    spin.setMinimumWidth(SHORT_FIELD_WIDTH - 40)
    spin.setMaximumWidth(SHORT_FIELD_WIDTH)
    return spin


def _column(field: QWidget, hint: QLabel) -> QVBoxLayout:
    column = QVBoxLayout()
    column.setSpacing(4)
    column.addWidget(field)
    column.addWidget(hint)
    return column


class SettingsDialog(QDialog):
    """Saves the three preferences on Save; Cancel leaves them as they were."""

    def __init__(self, settings: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self.auto_lock = QCheckBox(self)
        self.minutes_label = QLabel(self)
        self.minutes = _spin(lock_policy.MIN_AUTO_LOCK_MINUTES,
                             lock_policy.MAX_AUTO_LOCK_MINUTES, self)
        self.auto_lock_hint = hint_label(parent=self)
        self.hide_label = QLabel(self)
        self.hide_seconds = _spin(0, lock_policy.MAX_QUICK_HIDE_SECONDS, self)
        self.hide_seconds.setSingleStep(5)
        self.hide_hint = hint_label(parent=self)
        self.backups_label = QLabel(self)
        self.backups = _spin(0, lock_policy.MAX_ROLLING_BACKUPS, self)
        self.backups_hint = hint_label(parent=self)
        self.cancel_button = QPushButton(self)
        self.save_button = QPushButton(self)
        self.save_button.setDefault(True)
        self.cancel_button.setAutoDefault(False)
        self._build_layout()
        self._load()
        self.auto_lock.toggled.connect(self._on_auto_lock_toggled)
        self.cancel_button.clicked.connect(self.reject)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.setMinimumWidth(560)
        self.retranslate()

    def _build_layout(self) -> None:
        form = QFormLayout()
        form.setHorizontalSpacing(SPACING + 4)
        form.setVerticalSpacing(SPACING)
        form.addRow(self.auto_lock)
        form.addRow(self.minutes_label, _column(self.minutes, self.auto_lock_hint))
        form.addRow(self.hide_label, _column(self.hide_seconds, self.hide_hint))
        form.addRow(self.backups_label, _column(self.backups, self.backups_hint))
        for label, field in ((self.minutes_label, self.minutes),
                             (self.hide_label, self.hide_seconds),
                             (self.backups_label, self.backups)):
            label.setBuddy(field)
        buttons = QHBoxLayout()
        buttons.setSpacing(SPACING)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN + 4, MARGIN, MARGIN + 4, MARGIN)
        layout.setSpacing(SPACING)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addSpacing(SPACING)
        layout.addLayout(buttons)

    def _load(self) -> None:
        minutes = self._settings.auto_lock_minutes()
        self.auto_lock.setChecked(minutes != lock_policy.AUTO_LOCK_OFF)
        self.minutes.setValue(minutes or lock_policy.DEFAULT_AUTO_LOCK_MINUTES)
        self.minutes.setEnabled(self.auto_lock.isChecked())
        self.hide_seconds.setValue(self._settings.quick_hide_seconds())
        self.backups.setValue(self._settings.rolling_backups())

    def _on_auto_lock_toggled(self, checked: bool) -> None:
        self.minutes.setEnabled(checked)

    def _on_save_button_clicked(self) -> None:
        minutes = self.minutes.value() if self.auto_lock.isChecked() else 0
        self._settings.set_auto_lock_minutes(minutes)
        self._settings.set_quick_hide_seconds(self.hide_seconds.value())
        self._settings.set_rolling_backups(self.backups.value())
        self.accept()

    def retranslate(self) -> None:
        self.setWindowTitle(_("Settings"))
        self.auto_lock.setText(_("&Lock the vault when the app is not used"))
        self.minutes_label.setText(_("Lock &after"))
        self.minutes.setSuffix(pgettext("minutes after a number", " min"))
        self.auto_lock_hint.setText(
            _("Unsaved changes are kept: saved if they are complete, otherwise restored "
              "after the next unlock.")
        )
        self.hide_label.setText(_("After quick-hide, &lock after"))
        self.hide_seconds.setSuffix(pgettext("seconds after a number", " s"))
        self.hide_seconds.setSpecialValueText(_("At once"))
        self.hide_hint.setText(
            _("F12, or Esc twice, hides the window at once. Press F12 again before this "
              "time to come back.")
        )
        self.backups_label.setText(_("&Backups to keep"))
        self.backups.setSpecialValueText(_("None"))
        self.backups_hint.setText(
            _("A backup is made each time the vault is unlocked; the oldest are removed.")
        )
        self.cancel_button.setText(_("Cancel"))
        self.save_button.setText(_("Save"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
