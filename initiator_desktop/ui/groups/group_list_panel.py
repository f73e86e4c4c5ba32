"""The left side of the main window: the list of groups over a short heading."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QVBoxLayout, QWidget

from initiator_desktop.i18n import _
from initiator_desktop.ui.groups.group_table_model import GroupColumn, GroupTableModel
from initiator_desktop.ui.style import MARGIN, SPACING, heading_label, hint_label


class GroupListPanel(QWidget):
    """Holds the table view; selection handling stays with the main window."""

    def __init__(self, model: GroupTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.heading = heading_label(parent=self, scale=1.15)
        self.table = QTableView(self)
        self.table.setModel(model)
        self.empty_hint = hint_label(parent=self)
        self._set_up_table()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN, SPACING // 2, MARGIN)
        layout.setSpacing(SPACING)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_hint)
        model.modelReset.connect(self._on_model_model_reset)
        self.retranslate()
        self._on_model_model_reset()

    def _set_up_table(self) -> None:
        table = self.table
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setShowGrid(False)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        row_height = table.fontMetrics().height() + 14
        table.verticalHeader().setDefaultSectionSize(row_height)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(GroupColumn.NAME, QHeaderView.ResizeMode.Stretch)
        for column in (GroupColumn.THEME, GroupColumn.STATUS, GroupColumn.NEXT_MEETING):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        # The theme is sensitive and the screen may be seen by the group: hidden by default.
        table.setColumnHidden(GroupColumn.THEME, True)

    def set_themes_visible(self, visible: bool) -> None:
        self.table.setColumnHidden(GroupColumn.THEME, not visible)

    def _on_model_model_reset(self) -> None:
        self.empty_hint.setVisible(self.model.rowCount() == 0)

    def retranslate(self) -> None:
        self.heading.setText(_("Groups"))
        self.empty_hint.setText(
            _("No groups yet. Fill in the form to the right and save it to add the first one.")
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
