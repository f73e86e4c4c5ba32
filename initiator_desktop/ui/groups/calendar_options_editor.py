"""The "Calendar" section: skipping public holidays, pauses, and the calendar code word.

These are fields of the group; ``apply`` puts them onto the group the details section
built and raises ``DomainError`` (overlapping pauses, a code word on two lines).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from PySide6.QtCore import QDate, QEvent, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from initiator_desktop.core.errors import DomainError
from initiator_desktop.core.models import MAX_CODE_WORD, Group, Pause
from initiator_desktop.i18n import _
from initiator_desktop.i18n.formatting import babel_locale, format_date
from initiator_desktop.ui.field_errors import FieldErrors
from initiator_desktop.ui.style import CHOICE_FIELD_WIDTH, SHORT_FIELD_WIDTH, SPACING, hint_label

_PAUSE_ROLE = Qt.ItemDataRole.UserRole


def pause_text(pause: Pause) -> str:
    first, last = format_date(pause.first_day, "medium"), format_date(pause.last_day, "medium")
    if pause.first_day == pause.last_day:
        return first
    return _("{first} – {last}").format(first=first, last=last)


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


class CalendarOptionsEditor(QWidget):
    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.errors = FieldErrors(self)
        self.skip_holidays = QCheckBox(self)
        self.holidays_hint = hint_label(parent=self)
        self.pauses_label = QLabel(self)
        self.pauses = QListWidget(self)
        self.pauses.setMaximumWidth(CHOICE_FIELD_WIDTH)
        self.pause_from, self.pause_to = QDateEdit(self), QDateEdit(self)
        self.pause_dash = QLabel("–", self)
        for edit in (self.pause_from, self.pause_to):
            edit.setCalendarPopup(True)
            edit.setMaximumWidth(SHORT_FIELD_WIDTH)
        self.add_pause = QPushButton(self)
        self.remove_pause = QPushButton(self)
        self.code_word_label, self.code_word = QLabel(self), QLineEdit(self)
        self.code_word.setMaxLength(MAX_CODE_WORD)
        self.code_word.setMaximumWidth(CHOICE_FIELD_WIDTH)
        self.code_word_hint = hint_label(parent=self)
        self._build_layout()
        self._connect()
        self.retranslate()
        self.load(None)

    def _build_layout(self) -> None:
        form = self.form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setVerticalSpacing(SPACING)
        e = self.errors
        form.addRow(self.skip_holidays)
        form.addRow(self.holidays_hint)
        pause_row = QHBoxLayout()
        pause_row.setSpacing(SPACING // 2)
        for widget in (self.pause_from, self.pause_dash, self.pause_to, self.add_pause):
            pause_row.addWidget(widget)
        pause_row.addStretch(1)
        pause_column = QVBoxLayout()
        pause_column.setSpacing(SPACING // 2)
        list_row = QHBoxLayout()
        list_row.addWidget(self.pauses, 1)
        list_row.addWidget(self.remove_pause, 0, Qt.AlignmentFlag.AlignTop)
        pause_column.addLayout(list_row)
        pause_column.addLayout(pause_row)
        form.addRow(self.pauses_label, e.column("pauses", pause_column))
        form.addRow(self.code_word_label,
                    e.column("code_word", self.code_word, self.code_word_hint))
        self.pauses_label.setBuddy(self.pauses)
        self.code_word_label.setBuddy(self.code_word)

    def _connect(self) -> None:
        self.skip_holidays.toggled.connect(self._on_changed)
        self.code_word.textEdited.connect(self._on_changed)
        self.add_pause.clicked.connect(self._on_add_pause_clicked)
        self.remove_pause.clicked.connect(self._on_remove_pause_clicked)
        self.pauses.currentRowChanged.connect(self._update_buttons)
        self.pause_from.dateChanged.connect(self._on_pause_from_date_changed)

    # values -----------------------------------------------------------------------------
    def load(self, group: Group | None, today: date | None = None) -> None:
        """Show ``group``'s calendar options (defaults for a new group); emits nothing."""
        today = today or date.today()
        self.blockSignals(True)
        try:
            self.skip_holidays.setChecked(bool(group and group.skip_holidays))
            self.code_word.setText(group.code_word if group else "")
            self.show_pauses(group.pauses if group else ())
            self.pause_from.setDate(_qdate(today))
            self.pause_to.setDate(_qdate(today + timedelta(days=7)))
        finally:
            self.blockSignals(False)
        self.errors.clear()
        self._update_buttons()

    def current_pauses(self) -> tuple[Pause, ...]:
        return tuple(self.pauses.item(i).data(_PAUSE_ROLE) for i in range(self.pauses.count()))

    def apply(self, group: Group) -> Group:
        """``group`` with these options; raises DomainError naming the field."""
        return replace(group, skip_holidays=self.skip_holidays.isChecked(),
                       code_word=self.code_word.text().strip(), pauses=self.current_pauses())

    def show_pauses(self, pauses: tuple[Pause, ...]) -> None:
        self.pauses.clear()
        for pause in sorted(pauses, key=lambda p: p.first_day):
            item = QListWidgetItem(pause_text(pause))
            item.setData(_PAUSE_ROLE, pause)
            self.pauses.addItem(item)
        self.pauses.setVisible(bool(pauses))
        self.remove_pause.setVisible(bool(pauses))
        rows = min(max(len(pauses), 1), 4)
        frame = 2 * self.pauses.frameWidth() + 4
        self.pauses.setFixedHeight(rows * self.pauses.fontMetrics().height() * 14 // 10 + frame)

    # handlers ---------------------------------------------------------------------------
    def _on_changed(self, *_args: object) -> None:
        self.edited.emit()

    def _on_pause_from_date_changed(self, value: QDate) -> None:
        if self.pause_to.date() < value:
            self.pause_to.setDate(value)

    def _on_add_pause_clicked(self) -> None:
        self.errors.clear()
        try:
            pause = Pause(self.pause_from.date().toPython(), self.pause_to.date().toPython())
            group = Group(name="-", pauses=(*self.current_pauses(), pause))
        except DomainError as err:
            self.errors.show("pauses", _(err.message).format(**err.params))
            return
        self.show_pauses(group.pauses)
        self._update_buttons()
        self.edited.emit()

    def _on_remove_pause_clicked(self) -> None:
        row = self.pauses.currentRow()
        if row < 0:
            return
        kept = [p for i, p in enumerate(self.current_pauses()) if i != row]
        self.show_pauses(tuple(kept))
        self._update_buttons()
        self.edited.emit()

    def _update_buttons(self, *_args: object) -> None:
        self.remove_pause.setEnabled(self.pauses.currentRow() >= 0)

    # texts ------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.skip_holidays.setText(_("No meetings on public holidays"))
        self.holidays_hint.setText(_("Public holidays are always marked in the calendar. "
                                     "When this is on, meetings that fall on one are left out "
                                     "unless you move them."))
        self.pauses_label.setText(_("Pauses"))
        self.pauses.setAccessibleName(_("Pauses"))
        self.add_pause.setText(_("Add pause"))
        self.remove_pause.setText(_("Remove"))
        self.pause_from.setAccessibleName(_("Pause from"))
        self.pause_to.setAccessibleName(_("Pause until"))
        self.code_word_label.setText(_("Code word"))
        self.code_word.setPlaceholderText(_("Meeting"))
        self.code_word_hint.setText(_("Exported calendars call the meetings by this word, or "
                                      "“Meeting”. Choose a word that does not tell what the "
                                      "group is about."))
        locale = QLocale(babel_locale())
        for edit in (self.pause_from, self.pause_to):
            edit.setDisplayFormat(locale.dateFormat(QLocale.FormatType.ShortFormat))
            edit.setLocale(locale)
        self.show_pauses(self.current_pauses())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
