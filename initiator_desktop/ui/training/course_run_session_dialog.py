"""Adding or changing one session of a course: its day, start and end, and its modules."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time

from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QListWidget,
    QListWidgetItem,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from initiator_desktop.core.course import Pack
from initiator_desktop.core.course_runs import Session
from initiator_desktop.core.errors import DomainError
from initiator_desktop.i18n import _, current_language
from initiator_desktop.ui.field_errors import error_text
from initiator_desktop.ui.style import SHORT_FIELD_WIDTH, SPACING, ErrorLabel, hint_label
from initiator_desktop.ui.training.course_run_labels import duration, localise_date_edit

MODULE_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class SessionDialog(QDialog):
    """``session`` None adds a new one starting on ``day`` at ``start``."""

    def __init__(self, pack: Pack | None, first_day: date, last_day: date,
                 session: Session | None = None, parent: QWidget | None = None, *,
                 day: date | None = None, start: time = time(9)) -> None:
        super().__init__(parent)
        self._original = session
        self.result_session: Session | None = None
        self.setWindowTitle(_("Session") if session is None else _("Change session"))
        self.day = QDateEdit(self)
        self.day.setCalendarPopup(True)
        self.day.setDateRange(QDate(first_day), QDate(last_day))
        localise_date_edit(self.day)
        self.start = QTimeEdit(self)
        self.end = QTimeEdit(self)
        for edit in (self.start, self.end):
            edit.setDisplayFormat("HH:mm")
        for field in (self.day, self.start, self.end):
            field.setMaximumWidth(SHORT_FIELD_WIDTH)
        self.modules = QListWidget(self)
        self.message = ErrorLabel(self)
        self._fill(pack, session, day or first_day, start)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("OK"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.setVerticalSpacing(SPACING)
        form.addRow(_("Day"), self.day)
        form.addRow(_("Starts"), self.start)
        form.addRow(_("Ends"), self.end)
        layout = QVBoxLayout(self)
        layout.setSpacing(SPACING)
        layout.addLayout(form)
        layout.addWidget(hint_label(_("Modules in this session (the time suggested for each "
                                      "is in brackets):"), self))
        layout.addWidget(self.modules, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(520, 520)

    def _fill(self, pack: Pack | None, session: Session | None, day: date,
              start: time) -> None:
        chosen = set(session.module_ids) if session else set()
        self.day.setDate(QDate(session.day if session else day))
        first = session.start if session else start
        self.start.setTime(QTime(first.hour, first.minute))
        last = session.end if session else time(min(23, first.hour + 3), first.minute)
        self.end.setTime(QTime(last.hour, last.minute))
        known = list(pack.module_ids) if pack is not None else []
        for module_id in known + sorted(chosen - set(known)):
            module = pack.module(module_id) if pack is not None else None
            text = module.text(current_language()) if module is not None else None
            label = module_id if text is None else (
                f"{text.title} ({duration(text.minutes)})" if text.minutes else text.title)
            item = QListWidgetItem(label, self.modules)
            item.setData(MODULE_ID_ROLE, module_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if module_id in chosen
                               else Qt.CheckState.Unchecked)

    def checked_modules(self) -> tuple[str, ...]:
        items = (self.modules.item(i) for i in range(self.modules.count()))
        return tuple(str(item.data(MODULE_ID_ROLE)) for item in items
                     if item.checkState() == Qt.CheckState.Checked)

    def session(self) -> Session:
        """The session as entered; DomainError if it breaks a rule."""
        modules = self.checked_modules()
        values = {"day": self.day.date().toPython(), "start": self.start.time().toPython(),
                  "end": self.end.time().toPython(), "module_ids": modules}
        if self._original is None:
            return Session(**values)  # type: ignore[arg-type]
        # Covered marks stay for the modules the session still plans.
        covered = self._original.covered & set(modules)
        return replace(self._original, covered=covered, **values)  # type: ignore[arg-type]

    def _on_buttons_accepted(self) -> None:
        try:
            self.result_session = self.session()
        except DomainError as err:
            self.message.show_message(error_text(err))
            return
        self.accept()
