"""The contact list as a table: first name or initials, phone or e-mail, and "called".

Edits are handed on as new ``Contact`` values (``contact_edited``); the section saves
them through the core and reloads, so the table never holds anything the vault refuses.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from initiator_desktop.core.errors import DomainError
from initiator_desktop.core.group_life import Contact
from initiator_desktop.i18n import _

_Index = QModelIndex | QPersistentModelIndex
LABEL_COLUMN, REACH_COLUMN, CALLED_COLUMN = 0, 1, 2


class ContactTableModel(QAbstractTableModel):
    contact_edited = Signal(object)  # a Contact with the same id
    edit_refused = Signal(object)  # the DomainError that refused it

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._contacts: list[Contact] = []

    def set_contacts(self, contacts: Sequence[Contact]) -> None:
        self.beginResetModel()
        self._contacts = list(contacts)
        self.endResetModel()

    def contact(self, row: int) -> Contact:
        return self._contacts[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._contacts)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (_("First name or initials"), _("Phone or e-mail"), _("Called"))[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        contact = self._contacts[index.row()]
        column = index.column()
        if column == CALLED_COLUMN:
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if contact.called else Qt.CheckState.Unchecked
            if role == Qt.ItemDataRole.AccessibleTextRole:
                return _("Called") if contact.called else _("Not called yet")
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return contact.label if column == LABEL_COLUMN else contact.reach
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == CALLED_COLUMN:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base | Qt.ItemFlag.ItemIsEditable

    def setData(self, index: _Index, value: object,
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        contact = self._contacts[index.row()]
        try:
            if index.column() == CALLED_COLUMN and role == Qt.ItemDataRole.CheckStateRole:
                checked = Qt.CheckState(value) == Qt.CheckState.Checked  # type: ignore[call-overload]
                changed = replace(contact, called=checked)
            elif index.column() == LABEL_COLUMN and role == Qt.ItemDataRole.EditRole:
                changed = replace(contact, label=str(value).strip())
            elif index.column() == REACH_COLUMN and role == Qt.ItemDataRole.EditRole:
                changed = replace(contact, reach=str(value).strip())
            else:
                return False
        except DomainError as err:
            self.edit_refused.emit(err)
            return False
        self._contacts[index.row()] = changed
        self.dataChanged.emit(index, index, [role])
        self.contact_edited.emit(changed)
        return True
