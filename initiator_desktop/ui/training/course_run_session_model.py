"""A planned run's sessions as a table: when, how long, and which modules."""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from initiator_desktop.core.course import Pack
from initiator_desktop.core.course_runs import Session
from initiator_desktop.i18n import _
from initiator_desktop.ui.training.course_run_coverage import module_title
from initiator_desktop.ui.training.course_run_labels import duration, session_when

_Index = QModelIndex | QPersistentModelIndex


class SessionColumn(IntEnum):
    WHEN = 0
    LENGTH = 1
    MODULES = 2


class SessionTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._sessions: list[Session] = []
        self._pack: Pack | None = None

    def set_sessions(self, sessions: Sequence[Session], pack: Pack | None) -> None:
        self.beginResetModel()
        self._sessions = sorted(sessions, key=lambda s: (s.day, s.start, s.end, s.id))
        self._pack = pack
        self.endResetModel()

    def sessions(self) -> list[Session]:
        return list(self._sessions)

    def session(self, row: int) -> Session | None:
        return self._sessions[row] if 0 <= row < len(self._sessions) else None

    def row_of(self, session_id: str) -> int:
        return next((i for i, s in enumerate(self._sessions) if s.id == session_id), -1)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._sessions)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(SessionColumn)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {SessionColumn.WHEN: _("When"), SessionColumn.LENGTH: _("Length"),
                SessionColumn.MODULES: _("Modules")}.get(SessionColumn(section))

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        session = self.session(index.row()) if index.isValid() else None
        if session is None:
            return None
        column = SessionColumn(index.column())
        titles = [module_title(self._pack, m) for m in session.module_ids]
        if role == Qt.ItemDataRole.ToolTipRole and column is SessionColumn.MODULES:
            return "\n".join(titles) or None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column is SessionColumn.WHEN:
            return session_when(session)
        if column is SessionColumn.LENGTH:
            return duration(session.minutes)
        return " · ".join(titles) if titles else _("(no modules)")
