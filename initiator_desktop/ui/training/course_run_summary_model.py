"""A run's summary as a table: per module, its sessions, planned and suggested time, state."""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from initiator_desktop.core.course_runs import Coverage, ModuleSummary, RunSummary
from initiator_desktop.i18n import _
from initiator_desktop.ui.training.course_run_labels import (
    coverage_label,
    duration,
    rounded,
    short_of_time,
)

_Index = QModelIndex | QPersistentModelIndex


class SummaryColumn(IntEnum):
    MODULE = 0
    PLANNED = 1
    SUGGESTED = 2
    STATE = 3


def _planned(module: ModuleSummary) -> str:
    if not module.sessions:
        return "–"
    return duration(rounded(module.planned_minutes))


def _suggested(module: ModuleSummary) -> str:
    if not module.known:
        return _("not in the pack")
    return duration(module.suggested_minutes) if module.suggested_minutes else "–"


class RunSummaryModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._modules: tuple[ModuleSummary, ...] = ()

    def set_summary(self, summary: RunSummary | None) -> None:
        self.beginResetModel()
        self._modules = summary.modules if summary is not None else ()
        self.endResetModel()

    def module(self, row: int) -> ModuleSummary | None:
        return self._modules[row] if 0 <= row < len(self._modules) else None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._modules)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(SummaryColumn)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {SummaryColumn.MODULE: _("Module"), SummaryColumn.PLANNED: _("Planned time"),
                SummaryColumn.SUGGESTED: _("Suggested"),
                SummaryColumn.STATE: _("State")}.get(SummaryColumn(section))

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        module = self.module(index.row()) if index.isValid() else None
        if module is None:
            return None
        column = SummaryColumn(index.column())
        short = column is SummaryColumn.PLANNED and short_of_time(module)
        if role == Qt.ItemDataRole.FontRole and short:
            font = QFont()
            font.setBold(True)  # less time than the module suggests
            return font
        if role == Qt.ItemDataRole.ToolTipRole and short:
            return _("{time} less than the module suggests").format(
                time=duration(rounded(-module.difference)))
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column is SummaryColumn.MODULE:
            return module.title
        if column is SummaryColumn.PLANNED:
            return _planned(module)
        if column is SummaryColumn.SUGGESTED:
            return _suggested(module)
        return coverage_label(module.coverage) if module.coverage is not Coverage.NOT_PLANNED \
            else "–"
