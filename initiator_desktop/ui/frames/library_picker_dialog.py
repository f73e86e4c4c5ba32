"""Pick frames from the app's library to add to a group's list, in the card language.

Frames the list already has (by library key) are shown but cannot be picked twice.
"""

from __future__ import annotations

from collections.abc import Collection

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QListView,
    QVBoxLayout,
    QWidget,
)

from initiator_desktop.core.frame_library import LIBRARY
from initiator_desktop.core.models import FrameKind
from initiator_desktop.i18n import _
from initiator_desktop.ui.style import SPACING, hint_label

KEY_ROLE = Qt.ItemDataRole.UserRole + 1


class LibraryPickerDialog(QDialog):
    """``chosen_keys()`` are the ticked frames, in the library's order."""

    def __init__(self, language: str, present: Collection[str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Add frames from the library"))
        self.intro = hint_label(_("Tick the frames to add. They come with the app's wording "
                                  "in every language, which you can then change."), self)
        self.model = QStandardItemModel(self)
        self.view = QListView(self)
        self.view.setModel(self.model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.view.setSpacing(2)
        self.view.setWordWrap(True)
        self._fill(language, set(present))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Add"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSpacing(SPACING)
        layout.addWidget(self.intro)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.buttons)
        self.resize(560, 600)

    def _fill(self, language: str, present: set[str]) -> None:
        headings = {FrameKind.PRACTICAL: _("Practical frames"),
                    FrameKind.CONVERSATION: _("Principles for the conversation")}
        for kind, title in headings.items():
            heading = QStandardItem(title)
            font = QFont(heading.font())
            font.setBold(True)
            heading.setFont(font)
            heading.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.model.appendRow(heading)
            for item in (i for i in LIBRARY if i.kind is kind):
                text = item.texts[language] if language in item.texts else item.texts["nb"]
                row = QStandardItem(text.title)
                row.setData(item.key, KEY_ROLE)
                row.setToolTip(text.body)
                if item.key in present:
                    row.setText(_("{title} (already in the list)").format(title=text.title))
                    row.setFlags(Qt.ItemFlag.NoItemFlags)
                else:
                    row.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                    row.setCheckState(Qt.CheckState.Unchecked)
                self.model.appendRow(row)

    def set_checked(self, key: str, checked: bool = True) -> None:
        for row in range(self.model.rowCount()):
            item = self.model.item(row)
            if item.data(KEY_ROLE) == key and item.isCheckable():
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def chosen_keys(self) -> list[str]:
        return [str(item.data(KEY_ROLE)) for item in
                (self.model.item(row) for row in range(self.model.rowCount()))
                if item.isCheckable() and item.checkState() is Qt.CheckState.Checked]
