"""The group's agreements as a small table: what was agreed, on which day, how many."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from initiator_desktop.core.frame_records import FrameAgreement
from initiator_desktop.i18n import _, pgettext
from initiator_desktop.i18n.formatting import format_date
from initiator_desktop.ui.frames.labels import agreement_kind_label

_Index = QModelIndex | QPersistentModelIndex
WHAT_COLUMN, DAY_COLUMN, COUNT_COLUMN = 0, 1, 2


class AgreementTableModel(QAbstractTableModel):
    """Newest first: the latest agreement is what matters when the group meets."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[FrameAgreement] = []

    def set_agreements(self, agreements: Sequence[FrameAgreement]) -> None:
        self.beginResetModel()
        self._rows = list(reversed(agreements))
        self.endResetModel()

    def agreement(self, row: int) -> FrameAgreement:
        return self._rows[row]

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 2)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 2))

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        agreement = self._rows[index.row()]
        if index.column() == WHAT_COLUMN:
            return agreement_kind_label(agreement.kind)
        if index.column() == DAY_COLUMN:
            return format_date(agreement.agreed_on)
        return "" if agreement.agreed_count is None else str(agreement.agreed_count)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (pgettext("agreement", "Agreed on"), _("Day"), _("How many"))[section]
