"""The attendance history as a table: the chart's numbers, one meeting per row.

The table is the chart's accessible twin: a screen reader (or anyone who prefers
numbers) gets every figure the chart draws. Newest meeting first.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from initiator_desktop.core.attendance_stats import MeetingRecord
from initiator_desktop.i18n import _
from initiator_desktop.i18n.formatting import format_date
from initiator_desktop.ui.attendance.attendance_labels import outcome_label

_Index = QModelIndex | QPersistentModelIndex


class Column:
    DATE, MEETING, PRESENT, NEWCOMERS, NOTIFIED, UNNOTIFIED, MEMBERS = range(7)


_NUMBERS = (Column.PRESENT, Column.NEWCOMERS, Column.NOTIFIED, Column.UNNOTIFIED,
            Column.MEMBERS)


class AttendanceTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[MeetingRecord] = []

    def set_meetings(self, meetings: Sequence[MeetingRecord]) -> None:
        self.beginResetModel()
        self._rows = sorted(meetings, key=lambda m: m.day, reverse=True)
        self.endResetModel()

    def meeting(self, row: int) -> MeetingRecord:
        return self._rows[row]

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, Column.MEMBERS)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1,
                                                               Column.MEMBERS))

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else Column.MEMBERS + 1

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation is not Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (_("Date"), _("Meeting"), _("Present"), _("Newcomers"),
                _("Absent with notice"), _("Absent without notice"), _("Members"))[section]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        meeting = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole and column in _NUMBERS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == Column.DATE:
            return format_date(meeting.day, "medium")
        if column == Column.MEETING:
            return outcome_label(meeting)
        value = self.number(meeting, column)
        return "" if value is None else str(value)

    @staticmethod
    def number(meeting: MeetingRecord, column: int) -> int | None:
        """The figure in ``column`` for ``meeting`` (None: nothing to show)."""
        record = meeting.record
        if column == Column.MEMBERS:
            return meeting.members
        if record is None:
            return None
        return {
            Column.PRESENT: record.present,
            Column.NEWCOMERS: record.newcomers,
            Column.NOTIFIED: record.notified_absent,
            Column.UNNOTIFIED: meeting.absent_without_notice,
        }[column]
