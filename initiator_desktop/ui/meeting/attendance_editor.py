"""Attendance of past meetings, for the group's page: see what is missing, fill it in later.

Meetings without a record are marked; choosing one fills the three numbers (the record,
or everyone present) and Save stores them. There is no field for a name here either.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from initiator_desktop.core.attendance_entry import (
    MeetingAttendance,
    clear_attendance,
    past_meetings,
    prefilled_counts,
    record_attendance,
    unrecorded,
)
from initiator_desktop.core.errors import DomainError
from initiator_desktop.core.repository import VaultRepository
from initiator_desktop.i18n import _, current_language, ngettext
from initiator_desktop.i18n.formatting import format_day
from initiator_desktop.storage.errors import VaultError
from initiator_desktop.ui import message_boxes
from initiator_desktop.ui.field_errors import error_text
from initiator_desktop.ui.meeting.attendance_form import AttendanceForm
from initiator_desktop.ui.meeting.meeting_style import BASE_SCALE
from initiator_desktop.ui.meeting.past_meetings_model import PastColumn, PastMeetingsModel
from initiator_desktop.ui.style import SPACING, heading_label, hint_label

# The form in the app's own type size (meeting mode's is larger).
_FORM_SCALE = 1 / BASE_SCALE


class AttendanceEditor(QWidget):
    """Past meetings of one group; ``attendance_changed(group_id)`` after a save or clear."""

    attendance_changed = Signal(str)

    def __init__(self, repo: VaultRepository, group_id: str | None,
                 clock: Callable[[], datetime], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._repo, self._clock = repo, clock
        self._group_id: str | None = None
        self._all: list[MeetingAttendance] = []
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.only_missing = QCheckBox(self)
        self.model = PastMeetingsModel(self)
        self.table = QTableView(self)
        self._set_up_table()
        self.chosen = heading_label(parent=self, scale=1.1)
        self.form = AttendanceForm(_FORM_SCALE, self)
        self.note = hint_label(parent=self)
        self.save_button, self.clear_button = QPushButton(self), QPushButton(self)
        self._lay_out()
        self.only_missing.toggled.connect(self._on_only_missing_toggled)
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_row_changed)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.clear_button.clicked.connect(self._on_clear_button_clicked)
        self.retranslate()
        self.show_group(group_id)

    def _set_up_table(self) -> None:
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(PastColumn.NOTE, QHeaderView.ResizeMode.Stretch)

    def _lay_out(self) -> None:
        buttons = QHBoxLayout()
        buttons.addWidget(self.clear_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        column = QVBoxLayout(self)
        column.setSpacing(SPACING)
        column.addWidget(self.summary)
        column.addWidget(self.only_missing)
        column.addWidget(self.table, 1)
        column.addWidget(self.chosen)
        column.addWidget(self.form)
        column.addWidget(self.note)
        column.addLayout(buttons)

    # loading -----------------------------------------------------------------------------
    def group_id(self) -> str | None:
        return self._group_id

    def show_group(self, group_id: str | None) -> None:
        """Show ``group_id``'s past meetings (None empties the editor)."""
        self._group_id = group_id
        self.refresh()

    def forget(self) -> None:
        """Drop everything shown, before a lock."""
        self.show_group(None)

    def refresh(self) -> None:
        """Reload the meetings, keeping the chosen one chosen."""
        keep = self._chosen()
        group_id = self._group_id
        if group_id is None or self._repo.group(group_id) is None:
            self._all = []
        else:
            self._all = past_meetings(self._repo, group_id, self._clock(),
                                      language=current_language())
        shown = unrecorded(self._all) if self.only_missing.isChecked() else self._all
        self.model.set_rows(shown)
        days = [row.meeting_date for row in shown]
        if keep is not None and keep.meeting_date in days:
            self._select(days.index(keep.meeting_date))
        elif shown:
            self._select(0)
        else:
            self._show_chosen(None)
        self.retranslate()

    def _select(self, row: int) -> None:
        self.table.selectionModel().setCurrentIndex(
            self.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self._show_chosen(self.model.row(row))

    def _chosen(self) -> MeetingAttendance | None:
        index = self.table.selectionModel().currentIndex()
        return self.model.row(index.row()) if index.isValid() else None

    def _show_chosen(self, row: MeetingAttendance | None) -> None:
        enabled = row is not None and self._group_id is not None
        self.form.setEnabled(enabled)
        self.save_button.setEnabled(enabled)
        self.clear_button.setEnabled(enabled and row is not None and row.recorded)
        if row is not None and self._group_id is not None:
            counts = prefilled_counts(self._repo, self._group_id, row.meeting_date)
            self.form.set_counts(counts, row.members, open_group=row.open_group)
        self._retranslate_chosen(row)

    def _on_table_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_chosen(self.model.row(current.row()) if current.isValid() else None)

    def _on_only_missing_toggled(self, _checked: bool) -> None:
        self.refresh()

    # saving ------------------------------------------------------------------------------
    def _on_save_button_clicked(self) -> None:
        row, group_id = self._chosen(), self._group_id
        if row is None or group_id is None:
            return
        try:
            record_attendance(self._repo, group_id, row.meeting_date, self.form.counts(),
                              today=self._clock().date(), language=current_language())
        except DomainError as err:
            self.form.error.show_message(error_text(err))
            return
        except VaultError as err:
            self.form.error.show_message(_(err.message))
            return
        self.refresh()
        self.note.setText(_("Saved."))
        self.attendance_changed.emit(group_id)

    def _on_clear_button_clicked(self) -> None:
        row, group_id = self._chosen(), self._group_id
        if row is None or group_id is None or not row.recorded:
            return
        if not message_boxes.confirm(
                self, _("Clear attendance"),
                _("Clear the attendance for {day}? The meeting will show as not recorded.")
                .format(day=format_day(row.meeting_date)), _("Clear")):
            return
        try:
            clear_attendance(self._repo, group_id, row.meeting_date)
        except (DomainError, VaultError) as err:
            message = error_text(err) if isinstance(err, DomainError) else _(err.message)
            self.form.error.show_message(message)
            return
        self.refresh()
        self.attendance_changed.emit(group_id)

    # texts -------------------------------------------------------------------------------
    def retranslate(self) -> None:
        missing = len(unrecorded(self._all))
        if not self._all:
            summary = _("No meetings have taken place yet.")
        elif missing:
            summary = ngettext("{count} meeting has no attendance recorded yet.",
                               "{count} meetings have no attendance recorded yet.",
                               missing).format(count=missing)
        else:
            summary = _("Attendance is recorded for every meeting held.")
        self.summary.setText(summary)
        self.only_missing.setText(_("Show only meetings without attendance"))
        self.save_button.setText(_("&Save attendance"))
        self.clear_button.setText(_("C&lear"))
        self.model.retranslate()
        self._retranslate_chosen(self._chosen())

    def _retranslate_chosen(self, row: MeetingAttendance | None) -> None:
        self.chosen.setText("" if row is None else format_day(row.meeting_date))
        self.note.setText(_("Numbers only: nobody's name is stored."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
