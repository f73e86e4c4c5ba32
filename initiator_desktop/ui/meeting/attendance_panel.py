"""Attendance at the end of a meeting: three numbers, already filled in, and one Save.

When the group's numbers are as expected, Save is the only action needed.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from initiator_desktop.core.attendance_entry import Counts, prefilled_counts, record_attendance
from initiator_desktop.core.errors import DomainError
from initiator_desktop.core.models import Attendance
from initiator_desktop.core.repository import VaultRepository
from initiator_desktop.i18n import _, current_language
from initiator_desktop.storage.errors import VaultError
from initiator_desktop.ui.field_errors import error_text
from initiator_desktop.ui.meeting.attendance_form import AttendanceForm
from initiator_desktop.ui.meeting.meeting_style import GAP, WIDE_GAP, big_label, muted_label


class AttendancePanel(QFrame):
    """``saved(record)`` once the counts are stored."""

    saved = Signal(object)

    def __init__(self, repo: VaultRepository, group_id: str, meeting_date: date,
                 members: int | None, clock: Callable[[], datetime], *,
                 open_group: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self._repo, self._group_id, self._date = repo, group_id, meeting_date
        self._clock = clock
        self._saved: Attendance | None = None
        self.heading = big_label(self, 1.9, bold=True)
        self.note = muted_label(self, 1.05)
        self.form = AttendanceForm(1.2, self)
        self.form.set_counts(prefilled_counts(repo, group_id, meeting_date), members,
                             open_group=open_group)
        self.form.changed.connect(self._on_form_changed)
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("primary")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.done_note = big_label(self, 1.1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.done_note, 1)
        buttons.addWidget(self.save_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(WIDE_GAP, WIDE_GAP, WIDE_GAP, WIDE_GAP)
        column.setSpacing(GAP)
        column.addWidget(self.heading)
        column.addWidget(self.note)
        column.addSpacing(GAP)
        column.addWidget(self.form)
        column.addStretch(1)
        column.addLayout(buttons)
        self.retranslate()

    def is_saved(self) -> bool:
        return self._saved is not None

    def save(self) -> bool:
        """Store the counts; False (with the reason shown) if they cannot be stored."""
        try:
            record = record_attendance(self._repo, self._group_id, self._date, self.form.counts(),
                                       today=self._clock().date(), language=current_language())
        except DomainError as err:
            self.form.error.show_message(error_text(err))
            return False
        except VaultError as err:
            self.form.error.show_message(_(err.message))
            return False
        self._saved = record
        self.retranslate()
        self.saved.emit(record)
        return True

    def _on_form_changed(self) -> None:
        saved = self._saved
        if saved is not None and self.form.counts() != Counts(
                saved.present, saved.newcomers, saved.notified_absent):
            self._saved = None
            self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(_("How many came today?"))
        self.note.setText(_("Numbers only: nobody's name is stored. Change a number if it "
                            "is not right, then save."))
        self.save_button.setText(_("&Save") if self._saved is None else _("Saved"))
        self.save_button.setEnabled(self._saved is None)
        self.done_note.setText(_("Saved. Thank you for today.") if self._saved else "")
        self.done_note.setAlignment(Qt.AlignmentFlag.AlignVCenter)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
