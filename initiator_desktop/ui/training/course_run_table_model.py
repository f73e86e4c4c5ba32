"""The course runs as a table model: title, dates, place, participants and coverage."""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from initiator_desktop.core.course_runs import CourseRun, summarise
from initiator_desktop.i18n import _, ngettext
from initiator_desktop.ui.training.course_run_labels import run_dates

_Index = QModelIndex | QPersistentModelIndex


class RunColumn(IntEnum):
    TITLE = 0
    DATES = 1
    PLACE = 2
    PARTICIPANTS = 3
    COVERED = 4


def covered_text(run: CourseRun) -> str:
    summary = summarise(run)
    planned = sum(1 for m in summary.modules if m.sessions)
    if not planned:
        return _("No modules planned")
    return ngettext("{covered} of {count} module", "{covered} of {count} modules",
                    planned).format(covered=len(summary.covered_ids), count=planned)


class CourseRunTableModel(QAbstractTableModel):
    """Read-only rows; ``set_runs`` replaces them."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runs: list[CourseRun] = []

    def set_runs(self, runs: list[CourseRun]) -> None:
        self.beginResetModel()
        self._runs = list(runs)
        self.endResetModel()

    def replace_run(self, run: CourseRun) -> None:
        """Show the changed ``run`` in its row, without a reset (the selection stays)."""
        row = self.row_of(run.id)
        if row >= 0:
            self._runs[row] = run
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(RunColumn) - 1))

    def run(self, row: int) -> CourseRun | None:
        return self._runs[row] if 0 <= row < len(self._runs) else None

    def row_of(self, run_id: str) -> int:
        return next((i for i, r in enumerate(self._runs) if r.id == run_id), -1)

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(RunColumn) - 1)
        if self._runs:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._runs) - 1, len(RunColumn) - 1))

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._runs)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(RunColumn)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {RunColumn.TITLE: _("Course"), RunColumn.DATES: _("Dates"),
                RunColumn.PLACE: _("Place"), RunColumn.PARTICIPANTS: _("Participants"),
                RunColumn.COVERED: _("Covered")}.get(RunColumn(section))

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        run = self.run(index.row()) if index.isValid() else None
        if run is None:
            return None
        column = RunColumn(index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole and column is RunColumn.PARTICIPANTS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return {RunColumn.TITLE: run.title, RunColumn.DATES: run_dates(run),
                RunColumn.PLACE: run.place, RunColumn.PARTICIPANTS: str(run.participants),
                RunColumn.COVERED: covered_text(run)}[column]
