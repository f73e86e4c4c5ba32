"""The three numbers of an attendance record, with large steppers. There is no name field.

Used at the end of a meeting and in the editor for past meetings. Absences without notice
are shown as they follow from the group's number of members; they are never typed.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from initiator_desktop.core.attendance_entry import Counts, absent_without_notice
from initiator_desktop.i18n import _
from initiator_desktop.ui.meeting.meeting_style import GAP, meeting_font, muted_label
from initiator_desktop.ui.meeting.stepper import CountStepper
from initiator_desktop.ui.style import ErrorLabel


class AttendanceForm(QWidget):
    """``changed`` on every change; ``counts`` gives what the steppers show."""

    changed = Signal()

    def __init__(self, scale: float = 1.0, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._members: int | None = None
        self._open_group = False
        self.present_label, self.present = QLabel(self), CountStepper(scale * 1.3, self)
        self.newcomers_label, self.newcomers = QLabel(self), CountStepper(scale * 1.3, self)
        self.notified_label, self.notified = QLabel(self), CountStepper(scale * 1.3, self)
        self.missing_note = muted_label(self, scale)
        self.error = ErrorLabel(self)
        grid = QGridLayout()
        grid.setHorizontalSpacing(GAP + 8)
        grid.setVerticalSpacing(GAP)
        for row, (label, stepper) in enumerate(((self.present_label, self.present),
                                                (self.newcomers_label, self.newcomers),
                                                (self.notified_label, self.notified))):
            label.setFont(meeting_font(scale))
            label.setBuddy(stepper.spin)
            grid.addWidget(label, row, 0)
            grid.addWidget(stepper, row, 1, Qt.AlignmentFlag.AlignLeft)
            stepper.spin.valueChanged.connect(self._on_value_changed)
        grid.setColumnStretch(2, 1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(GAP)
        column.addLayout(grid)
        column.addWidget(self.missing_note)
        column.addWidget(self.error)
        self.retranslate()

    def set_counts(self, counts: Counts, members: int | None, *, open_group: bool = False
                   ) -> None:
        self._members, self._open_group = members, open_group
        self.present.set_value(counts.present)
        self.newcomers.set_value(counts.newcomers)
        self.notified.set_value(counts.notified_absent)
        self.error.clear_message()
        self.retranslate()

    def counts(self) -> Counts:
        return Counts(self.present.value(), self.newcomers.value(), self.notified.value())

    def _on_value_changed(self, _value: int) -> None:
        self.error.clear_message()
        self.retranslate()
        self.changed.emit()

    def _missing_words(self) -> str:
        missing = absent_without_notice(self._members, self.counts(),
                                        open_group=self._open_group)
        if missing is None:
            return _("The group's number of members is not set, so absences without notice "
                     "are not counted.")
        return _("Absent without notice: {count}. Members of the group: {members}.").format(
            count=missing, members=self._members)

    def retranslate(self) -> None:
        self.present_label.setText(_("P&resent, newcomers included"))
        self.newcomers_label.setText(_("Ne&wcomers"))
        self.notified_label.setText(_("Absent with noti&ce"))
        self.missing_note.setText(self._missing_words())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

