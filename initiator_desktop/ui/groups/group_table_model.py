"""The group list as a table model: name, theme, status and the next meeting."""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from initiator_desktop.core.group_page import GroupOverview
from initiator_desktop.i18n import _
from initiator_desktop.i18n.domain_labels import status_label
from initiator_desktop.ui.groups.labels import meeting_when

_Index = QModelIndex | QPersistentModelIndex


class GroupColumn(IntEnum):
    NAME = 0
    THEME = 1
    STATUS = 2
    NEXT_MEETING = 3


class GroupTableModel(QAbstractTableModel):
    """Read-only rows from ``core.group_page.group_overview``; ``set_rows`` replaces them."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[GroupOverview] = []

    def set_rows(self, rows: list[GroupOverview]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def group_id(self, row: int) -> str | None:
        return self._rows[row].group.id if 0 <= row < len(self._rows) else None

    def row_of(self, group_id: str) -> int:
        """The row that shows ``group_id``, or -1."""
        return next((i for i, r in enumerate(self._rows) if r.group.id == group_id), -1)

    def retranslate(self) -> None:
        """Status words, dates and headers are language-dependent: repaint them all."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(GroupColumn) - 1)
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, len(GroupColumn) - 1)
            )

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(GroupColumn)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        row = self._rows[index.row()]
        column = GroupColumn(index.column())
        if column is GroupColumn.NAME:
            return row.group.name
        if column is GroupColumn.THEME:
            return row.group.theme
        if column is GroupColumn.STATUS:
            return status_label(row.group.status)
        if row.next_meeting is None:
            return _("Not planned") if role == Qt.ItemDataRole.DisplayRole else None
        return meeting_when(row.next_meeting.start)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            GroupColumn.NAME: _("Name"),
            GroupColumn.THEME: _("Theme"),
            GroupColumn.STATUS: _("Status"),
            GroupColumn.NEXT_MEETING: _("Next meeting"),
        }[GroupColumn(section)]
