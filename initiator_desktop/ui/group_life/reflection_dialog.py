"""The initiator's reflection after a meeting: a few questions, private, kept in the vault.

The reminder to write nothing about individual members stands above the questions;
the window title names the log, never the group.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from initiator_desktop.core.errors import DomainError
from initiator_desktop.core.meeting_calendar import group_meetings
from initiator_desktop.core.reflections import (
    MAX_ANSWER,
    PROMPTS,
    Reflection,
    reflections,
    save_reflection,
)
from initiator_desktop.core.repository import VaultRepository
from initiator_desktop.i18n import _, current_language
from initiator_desktop.i18n.formatting import format_day
from initiator_desktop.storage.errors import VaultError
from initiator_desktop.ui.field_errors import error_text
from initiator_desktop.ui.style import SPACING, ErrorLabel, NoteFrame

RECENT_DAYS = 120


def meeting_days(repo: VaultRepository, group_id: str, today: date) -> list[date]:
    """Held meetings of the last months and days already reflected on, newest first."""
    group = repo.group(group_id)
    days: set[date] = {r.meeting_date for r in reflections(repo, group_id)}
    if group is not None:
        held = group_meetings(group, repo.schedules(group_id), today - timedelta(RECENT_DAYS),
                              today, language=current_language(), include_skipped=False)
        days |= {m.meeting.date for m in held}
    return sorted((d for d in days if d <= today), reverse=True)


class ReflectionDialog(QDialog):
    def __init__(self, repo: VaultRepository, group_id: str, clock: Callable[[], datetime],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._repo = repo
        self._group_id = group_id
        self.setWindowTitle(_("Reflection after the meeting"))
        self.reminder = NoteFrame(self)
        self.reminder.label.setText(_(
            "This log is for you: your own role and the group as a whole. Write nothing "
            "about individual members: no names, no stories they told. It stays encrypted "
            "in the vault and is never exported."))
        self.meeting = QComboBox(self)
        for day in meeting_days(repo, group_id, clock().date()):
            self.meeting.addItem(format_day(day), day.isoformat())
        self.answers: dict[str, QPlainTextEdit] = {}
        form = QFormLayout()
        form.setVerticalSpacing(SPACING)
        form.addRow(_("Meeting"), self.meeting)
        column = QVBoxLayout()
        for key, prompt in PROMPTS:
            label = QLabel(_(prompt), self)
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            edit = QPlainTextEdit(self)
            edit.setTabChangesFocus(True)
            edit.setMinimumHeight(56)
            label.setBuddy(edit)
            column.addWidget(label)
            column.addWidget(edit)
            self.answers[key] = edit
        self.message = ErrorLabel(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(_("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
        layout = QVBoxLayout(self)
        layout.setSpacing(SPACING)
        layout.addWidget(self.reminder)
        layout.addLayout(form)
        layout.addLayout(column)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)
        self.meeting.currentIndexChanged.connect(self._show_saved)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self._show_saved()
        if self.meeting.count() == 0:
            self.message.show_message(_("The group has had no meetings yet."))
            self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)

    def _day(self) -> date | None:
        value = self.meeting.currentData()
        return date.fromisoformat(str(value)) if value else None

    def _show_saved(self, *_args: object) -> None:
        day = self._day()
        saved = next((r for r in reflections(self._repo, self._group_id)
                      if r.meeting_date == day), None)
        for key, edit in self.answers.items():
            edit.setPlainText(saved.answers.get(key, "") if saved else "")

    def save(self) -> None:
        day = self._day()
        if day is None:
            return
        texts = {key: edit.toPlainText()[:MAX_ANSWER] for key, edit in self.answers.items()}
        try:
            save_reflection(self._repo, self._group_id, Reflection(day, texts))
        except DomainError as err:
            self.message.show_message(error_text(err))
            return
        except VaultError as err:
            self.message.show_message(_(err.message))
            return
        self.accept()
