"""Cancel, move or restore one meeting from a calendar view, through ``core.schedule_edits``.

The group page holds its own copy of the group's schedules: while it has unsaved changes
to the same group, an edit here would be overwritten by its next save, so it is refused.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time

from PySide6.QtCore import QDate, QLocale, QObject, QTime, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QTimeEdit,
    QWidget,
)

from initiator_desktop.core.errors import N_, DomainError
from initiator_desktop.core.meeting_calendar import GroupMeeting
from initiator_desktop.core.models import Schedule
from initiator_desktop.core.repository import VaultRepository
from initiator_desktop.core.schedule_edits import (
    cancel_meeting,
    move_meeting,
    restore_meeting,
    save_schedule,
)
from initiator_desktop.i18n import _
from initiator_desktop.i18n.formatting import babel_locale
from initiator_desktop.storage.errors import VaultError
from initiator_desktop.ui.calendar.meeting_labels import day_and_time
from initiator_desktop.ui.field_errors import error_text

MoveChooser = Callable[[QWidget, GroupMeeting], tuple[date, time] | None]


class MoveMeetingDialog(QDialog):
    """Asks for the new date and time of one meeting."""

    def __init__(self, meeting: GroupMeeting, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Move meeting"))
        start = meeting.meeting.start
        self.when = QLabel(_("Now: {when}").format(when=day_and_time(meeting)), self)
        self.day = QDateEdit(QDate(start.year, start.month, start.day), self)
        self.day.setCalendarPopup(True)
        self.at = QTimeEdit(QTime(start.hour, start.minute), self)
        self.at.setDisplayFormat("HH:mm")
        locale = QLocale(babel_locale())
        self.day.setLocale(locale)
        self.day.setDisplayFormat(locale.dateFormat(QLocale.FormatType.ShortFormat))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Move"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.when)
        form.addRow(_("New date"), self.day)
        form.addRow(_("New time"), self.at)
        form.addRow(buttons)

    def chosen(self) -> tuple[date, time]:
        return self.day.date().toPython(), self.at.time().toPython().replace(second=0)


def ask_new_time(parent: QWidget, meeting: GroupMeeting) -> tuple[date, time] | None:
    dialog = MoveMeetingDialog(meeting, parent)
    return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None


class MeetingActions(QObject):
    """Applies one edit and tells the views (``changed``) or the user (``failed``)."""

    changed = Signal(str)  # the group's id
    failed = Signal(str)  # a translated message

    def __init__(self, repo: VaultRepository, busy_with: Callable[[str], bool],
                 parent: QObject | None = None, *,
                 choose_move: MoveChooser = ask_new_time) -> None:
        super().__init__(parent)
        self._repo = repo
        self._busy_with = busy_with
        self._choose_move = choose_move

    def cancel(self, meeting: GroupMeeting) -> None:
        self._apply(meeting, lambda s: cancel_meeting(s, meeting.meeting.original_date))

    def restore(self, meeting: GroupMeeting) -> None:
        self._apply(meeting, lambda s: restore_meeting(s, meeting.meeting.original_date))

    def move(self, meeting: GroupMeeting, parent: QWidget) -> None:
        if self._refused(meeting):
            return
        chosen = self._choose_move(parent, meeting)
        if chosen is None:
            return
        day, at = chosen
        self._apply(meeting, lambda s: move_meeting(s, meeting.meeting.original_date, day, at))

    def _refused(self, meeting: GroupMeeting) -> bool:
        if self._busy_with(meeting.group.id):
            self.failed.emit(_("The group's page has unsaved changes. Save or revert them "
                               "first."))
            return True
        return False

    def _apply(self, meeting: GroupMeeting, edit: Callable[[Schedule], Schedule]) -> None:
        if self._refused(meeting):
            return
        group_id = meeting.group.id
        try:
            stored = {s.id: s for s in self._repo.schedules(group_id)}
            schedule = stored.get(meeting.meeting.schedule_id)
            if schedule is None:
                raise DomainError(N_("The meeting series no longer exists."), "schedule")
            save_schedule(self._repo, group_id, schedule.id, (edit(schedule),))
        except DomainError as err:
            self.failed.emit(error_text(err))
            return
        except VaultError as err:
            self.failed.emit(_(err.message))
            return
        self.changed.emit(group_id)
