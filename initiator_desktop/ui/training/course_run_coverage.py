"""Marking what was covered: the run's sessions, each with its modules as checkboxes.

A tick is saved at once (by whoever listens to ``covered_toggled``), so the leader can
mark modules during the day as well as afterwards.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QTreeView, QWidget

from initiator_desktop.core.course import Pack
from initiator_desktop.core.course_runs import CourseRun
from initiator_desktop.i18n import current_language
from initiator_desktop.ui.training.course_run_labels import session_when

SESSION_ROLE = Qt.ItemDataRole.UserRole + 1
MODULE_ROLE = Qt.ItemDataRole.UserRole + 2


def module_title(pack: Pack | None, module_id: str) -> str:
    module = pack.module(module_id) if pack is not None else None
    return module.text(current_language()).title if module is not None else module_id


class CoverageTree(QTreeView):
    """Sessions as parents, their planned modules as checkable children."""

    covered_toggled = Signal(str, str, bool)  # session id, module id, covered

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.items = QStandardItemModel(self)
        self.setModel(self.items)
        self.setHeaderHidden(True)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setUniformRowHeights(True)
        self._loading = False
        self.items.itemChanged.connect(self._on_items_item_changed)

    def set_run(self, run: CourseRun | None, pack: Pack | None) -> None:
        self._loading = True
        try:
            self.items.clear()
            for session in run.sessions if run is not None else ():
                parent = QStandardItem(session_when(session))
                parent.setSelectable(False)
                for module_id in session.module_ids:
                    child = QStandardItem(module_title(pack, module_id))
                    child.setCheckable(True)
                    child.setCheckState(Qt.CheckState.Checked if module_id in session.covered
                                        else Qt.CheckState.Unchecked)
                    child.setData(session.id, SESSION_ROLE)
                    child.setData(module_id, MODULE_ROLE)
                    parent.appendRow(child)
                self.items.appendRow(parent)
            self.expandAll()
        finally:
            self._loading = False

    def check_item(self, session_row: int, module_row: int) -> QStandardItem | None:
        parent = self.items.item(session_row)
        return parent.child(module_row) if parent is not None else None

    def _on_items_item_changed(self, item: QStandardItem) -> None:
        if self._loading or item.data(SESSION_ROLE) is None:
            return
        self.covered_toggled.emit(str(item.data(SESSION_ROLE)), str(item.data(MODULE_ROLE)),
                                  item.checkState() == Qt.CheckState.Checked)
