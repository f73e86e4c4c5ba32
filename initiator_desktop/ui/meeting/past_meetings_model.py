"""Past meetings and their attendance as a table: counts, derived absences, gaps marked."""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from initiator_desktop.core.attendance_entry import MeetingAttendance
from initiator_desktop.i18n import _
from initiator_desktop.i18n.formatting import format_date

_Index = QModelIndex | QPersistentModelIndex


class PastColumn(IntEnum):
    DATE = 0
    PRESENT = 1
    NEWCOMERS = 2
    NOTIFIED = 3
    UNNOTIFIED = 4
    NOTE = 5


class PastMeetingsModel(QAbstractTableModel):
    """Rows from ``core.attendance_entry.past_meetings``; ``set_rows`` replaces them."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[MeetingAttendance] = []

    def set_rows(self, rows: list[MeetingAttendance]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row(self, index: int) -> MeetingAttendance | None:
        return self._rows[index] if 0 <= index < len(self._rows) else None

    def rows(self) -> list[MeetingAttendance]:
        return list(self._rows)

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(PastColumn) - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._rows) - 1, len(PastColumn) - 1))

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(PastColumn)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            PastColumn.DATE: _("Meeting"), PastColumn.PRESENT: _("Present"),
            PastColumn.NEWCOMERS: _("Newcomers"), PastColumn.NOTIFIED: _("Absent with notice"),
            PastColumn.UNNOTIFIED: _("Absent without notice"), PastColumn.NOTE: _("Note"),
        }.get(PastColumn(section))

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        row = self.row(index.row()) if index.isValid() else None
        if row is None:
            return None
        column = PastColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column not in (
                PastColumn.DATE, PastColumn.NOTE):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and not row.recorded and column is PastColumn.NOTE:
            font = QFont()
            font.setItalic(True)
            return font
        return None

    def _text(self, row: MeetingAttendance, column: PastColumn) -> str:
        if column is PastColumn.DATE:
            return format_date(row.meeting_date, "medium")
        if column is PastColumn.NOTE:
            return self._note(row)
        record = row.record
        if record is None:
            return ""
        if column is PastColumn.PRESENT:
            return str(record.present)
        if column is PastColumn.NEWCOMERS:
            return str(record.newcomers)
        if column is PastColumn.NOTIFIED:
            return str(record.notified_absent)
        missing = row.absent_without_notice
        return "" if missing is None else str(missing)

    @staticmethod
    def _note(row: MeetingAttendance) -> str:
        notes = []
        if not row.recorded:
            notes.append(_("Not recorded"))
        if not row.in_calendar:
            notes.append(_("No longer in the calendar"))
        if row.initiator_number is not None:
            notes.append(_("With you ({number})").format(number=row.initiator_number))
        return " · ".join(notes)
