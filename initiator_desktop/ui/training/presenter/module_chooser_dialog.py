"""Choosing what to present: a pack, one of its modules and the session length."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from initiator_desktop.exchange.content_pack.reader import LoadedPack
from initiator_desktop.i18n import _, current_language
from initiator_desktop.ui.style import MARGIN, SPACING, hint_label
from initiator_desktop.ui.training.presenter.presenter_session import (
    PresenterSession,
    start_presenter,
)
from initiator_desktop.ui.training.presenter.timers import (
    DEFAULT_SESSION_MINUTES,
    MAX_MINUTES,
    MIN_MINUTES,
)


class ModuleChooserDialog(QDialog):
    def __init__(self, packs: Sequence[LoadedPack], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.packs = list(packs)
        self.pack_combo = QComboBox()
        self.modules = QListWidget()
        self.minutes = QSpinBox()
        self.minutes.setRange(MIN_MINUTES, MAX_MINUTES)
        self.hint = hint_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.start_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.labels = (QLabel(), QLabel(), QLabel())
        self.form = QFormLayout()
        for label, field in zip(self.labels, (self.pack_combo, self.modules, self.minutes),
                                strict=True):
            label.setBuddy(field)
            self.form.addRow(label, field)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        layout.setSpacing(SPACING)
        layout.addLayout(self.form)
        layout.addWidget(self.hint)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.pack_combo.currentIndexChanged.connect(self._fill_modules)
        self.modules.currentRowChanged.connect(self._on_modules_current_row_changed)
        self.modules.itemDoubleClicked.connect(lambda _item: self.accept())
        self.resize(560, 520)
        self.retranslate()
        for loaded in self.packs:
            self.pack_combo.addItem(loaded.pack.title(current_language()))

    def _fill_modules(self, index: int) -> None:
        self.modules.clear()
        if not 0 <= index < len(self.packs):
            return
        language = current_language()
        for number, module in enumerate(self.packs[index].pack.modules, start=1):
            item = QListWidgetItem(f"{number}. {module.text(language).title}")
            item.setData(Qt.ItemDataRole.UserRole, module.id)
            self.modules.addItem(item)
        self.modules.setCurrentRow(0)

    def _on_modules_current_row_changed(self, row: int) -> None:
        choice = self.choice()
        self.start_button.setEnabled(choice is not None)
        if choice is not None:
            module = choice[0].pack.module(choice[1])
            minutes = module.text(current_language()).minutes if module else 0
            self.minutes.setValue(minutes or DEFAULT_SESSION_MINUTES)

    def choice(self) -> tuple[LoadedPack, str] | None:
        index, item = self.pack_combo.currentIndex(), self.modules.currentItem()
        if not 0 <= index < len(self.packs) or item is None:
            return None
        return self.packs[index], str(item.data(Qt.ItemDataRole.UserRole))

    def retranslate(self) -> None:
        self.setWindowTitle(_("Present a course module"))
        texts = (_("&Course material:"), _("&Module:"), _("&Session length (minutes):"))
        for label, text in zip(self.labels, texts, strict=True):
            label.setText(text)
        self.start_button.setText(_("Start presenting"))
        self.hint.setText(_("With a projector connected, the slides open full screen on it "
                            "and the speaker view stays here. With one screen, press Tab "
                            "to switch between the two."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def choose_and_present(parent: QWidget | None,
                       packs: Sequence[LoadedPack]) -> PresenterSession | None:
    """Ask which module to present, then start presenter mode (None if cancelled)."""
    dialog = ModuleChooserDialog(packs, parent)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        choice = dialog.choice()
        if choice is None:
            return None
        return start_presenter(choice[0], choice[1], session_minutes=dialog.minutes.value())
    finally:
        dialog.deleteLater()
