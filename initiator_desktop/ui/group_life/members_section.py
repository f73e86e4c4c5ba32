"""The group's number of members: the current number since its date, a dated change, and
the earlier numbers. A number only, never who."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from initiator_desktop.core.members import Members, change_members, members, remove_member_change
from initiator_desktop.core.models import MAX_COUNT
from initiator_desktop.i18n import _, ngettext
from initiator_desktop.ui.group_life.labels import day_text
from initiator_desktop.ui.group_life.section_base import (
    LifeSection,
    PanelContext,
    date_edit,
    day_of,
    set_day,
)
from initiator_desktop.ui.style import SPACING, heading_label, hint_label

HISTORY_ROWS = 4


class MembersSection(LifeSection):
    def __init__(self, context: PanelContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._members: Members | None = None
        self.current = heading_label(parent=self, scale=1.1)
        self.hint = hint_label(parent=self)
        self.number_label = QLabel(self)
        self.number = QSpinBox(self)
        self.number.setRange(0, MAX_COUNT)
        self.from_label = QLabel(self)
        self.changed_on = date_edit(self)
        self.save_button = QPushButton(self)
        self.history_label = QLabel(self)
        self.history_model = QStringListModel(self)
        self.history = QListView(self)
        self.history.setModel(self.history_model)
        lines = self.history.fontMetrics().lineSpacing() * HISTORY_ROWS
        self.history.setFixedHeight(lines + 2 * self.history.frameWidth() + 8)
        self.remove_button = QPushButton(self)
        self._build_layout()
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        self.history.selectionModel().selectionChanged.connect(self._update_buttons)
        self.retranslate()

    def _build_layout(self) -> None:
        row = QHBoxLayout()
        row.setSpacing(SPACING // 2)
        for widget in (self.number_label, self.number, self.from_label, self.changed_on,
                       self.save_button):
            row.addWidget(widget)
        row.addStretch(1)
        history_row = QHBoxLayout()
        history_row.addWidget(self.history, 1)
        history_row.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(SPACING)
        layout.addWidget(self.current)
        layout.addWidget(self.hint)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(self.history_label)
        layout.addLayout(history_row)

    def refresh(self) -> None:
        found = members(self.repo, self._group_id, self._context.today())
        self._members = found
        self.number.setValue(found.number or 0)
        set_day(self.changed_on, self._context.today())
        self.history_model.setStringList([
            _("{count} from {day}").format(count=c.members, day=day_text(c.changed_on))
            for c in found.history])
        self.history_label.setVisible(bool(found.history))
        self.history.setVisible(bool(found.history))
        self.remove_button.setVisible(bool(found.history))
        self._show_current()
        self._update_buttons()

    def _show_current(self) -> None:
        found = self._members
        if found is None or found.current is None:
            self.current.setText(_("No number of members yet"))
            return
        self.current.setText(ngettext("{count} member, since {day}", "{count} members, since {day}",
                                      found.current.members).format(
            count=found.current.members, day=day_text(found.current.changed_on)))

    def _update_buttons(self, *_args: object) -> None:
        self.remove_button.setEnabled(bool(self.history.selectionModel().selectedRows()))

    def _on_save_button_clicked(self) -> None:
        number, day = self.number.value(), day_of(self.changed_on)
        if self.attempt(lambda: change_members(self.repo, self._group_id, number, day)):
            self.changed.emit()

    def _on_remove_button_clicked(self) -> None:
        rows = self.history.selectionModel().selectedRows()
        if not rows or self._members is None:
            return
        count = self._members.history[rows[0].row()]
        self.attempt(lambda: remove_member_change(self.repo, self._group_id, count.changed_on))
        self.changed.emit()

    def retranslate(self) -> None:
        self.hint.setText(_("A number only, never who. Change it with the date when someone "
                            "joins or leaves: absences without notice are counted from it."))
        self.number_label.setText(_("Members:"))
        self.from_label.setText(_("from"))
        self.save_button.setText(_("Save the number"))
        self.history_label.setText(_("Changes so far"))
        self.remove_button.setText(_("Remove"))
        self.remove_button.setToolTip(_("Remove a change that was entered by mistake"))
        if self._group_id:
            self.refresh()
