"""The "Meeting times" section: weekday, time, length, break, rhythm and dates.

It edits the group's current series (the one that began last) and keeps the others,
and the series' cancelled, moved and added meetings, as they are. A new day, time or
rhythm for a series that has already begun applies from a chosen date: the old series
ends there and a new one begins, so past meetings keep their history.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time, timedelta

from PySide6.QtCore import QDate, QEvent, QLocale, QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QLabel,
    QSpinBox,
    QTimeEdit,
    QWidget,
)

from initiator_desktop.core.errors import DomainError
from initiator_desktop.core.models import DEFAULT_BREAK, DEFAULT_DURATION, Schedule, new_id
from initiator_desktop.core.schedule import occurrences
from initiator_desktop.core.schedule_edits import change_rhythm, on_or_after
from initiator_desktop.i18n import _, ngettext, pgettext
from initiator_desktop.i18n.formatting import (
    babel_locale,
    format_date,
    format_day,
    format_time,
    weekday_name,
)
from initiator_desktop.ui.field_errors import FieldErrors, error_text
from initiator_desktop.ui.style import CHOICE_FIELD_WIDTH, SHORT_FIELD_WIDTH, SPACING, hint_label

DEFAULT_START = time(18, 0)
DEFAULT_WEEKDAY = 1  # Tuesday: an ordinary evening, and a calm default to change


def _spin(low: int, high: int, step: int, parent: QWidget) -> QSpinBox:
    spin = QSpinBox(parent)
    spin.setRange(low, high)
    spin.setSingleStep(step)
    spin.setMaximumWidth(SHORT_FIELD_WIDTH)
    return spin


class ScheduleEditor(QWidget):
    """Edits one weekly or fortnightly series; ``build`` raises ``DomainError``."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.errors = FieldErrors(self)
        self._kept: tuple[Schedule, ...] = ()
        self._base: Schedule | None = None
        self.enabled = QCheckBox(self)
        self.weekday_label, self.weekday = QLabel(self), QComboBox(self)
        self.start_label, self.start = QLabel(self), QTimeEdit(self)
        self.start.setDisplayFormat("HH:mm")
        self.duration_label, self.duration = QLabel(self), _spin(15, 360, 15, self)
        self.break_label, self.break_minutes = QLabel(self), _spin(0, 60, 5, self)
        self.interval_label, self.interval = QLabel(self), QComboBox(self)
        self.first_label, self.first_date = QLabel(self), QDateEdit(self)
        self.first_date.setCalendarPopup(True)
        self.first_day = hint_label(parent=self)
        self.has_last = QCheckBox(self)
        self.last_date = QDateEdit(self)
        self.last_date.setCalendarPopup(True)
        self.summary = hint_label(parent=self)
        self.rhythm_from_label, self.rhythm_from = QLabel(self), QDateEdit(self)
        self.rhythm_from.setCalendarPopup(True)
        self.rhythm_note = hint_label(parent=self)
        self.history = hint_label(parent=self)
        self._today = date.today()
        self._build_layout()
        self.load(())
        self._connect()
        self.retranslate()

    def _build_layout(self) -> None:
        form = self.form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setHorizontalSpacing(SPACING + 4)
        form.setVerticalSpacing(SPACING)
        e = self.errors
        form.addRow(self.enabled)
        form.addRow(self.weekday_label, e.column("weekday", self.weekday))
        form.addRow(self.start_label, e.column("start", self.start))
        form.addRow(self.duration_label, e.column("duration_minutes", self.duration))
        form.addRow(self.break_label, e.column("break_minutes", self.break_minutes))
        form.addRow(self.interval_label, e.column("interval_weeks", self.interval))
        form.addRow(self.first_label, e.column("first_date", self.first_date, self.first_day))
        form.addRow(self.has_last, e.column("last_date", self.last_date))
        form.addRow(self.rhythm_from_label, e.column("rhythm_from", self.rhythm_from,
                                                     self.rhythm_note))
        form.addRow("", self.summary)
        form.addRow("", self.history)
        e.alias("changes", "first_date")
        self._form = form
        self.start.setMaximumWidth(SHORT_FIELD_WIDTH)
        for edit in (self.first_date, self.last_date, self.rhythm_from):
            edit.setMaximumWidth(SHORT_FIELD_WIDTH + 40)
        for combo in (self.weekday, self.interval):
            combo.setMaximumWidth(CHOICE_FIELD_WIDTH)
        for label, field in (
            (self.weekday_label, self.weekday), (self.start_label, self.start),
            (self.duration_label, self.duration), (self.break_label, self.break_minutes),
            (self.interval_label, self.interval), (self.first_label, self.first_date),
            (self.rhythm_from_label, self.rhythm_from),
        ):
            label.setBuddy(field)

    def _connect(self) -> None:
        self.enabled.toggled.connect(self._on_enabled_toggled)
        self.weekday.activated.connect(self._on_weekday_activated)
        self.first_date.dateChanged.connect(self._on_first_date_date_changed)
        self.has_last.toggled.connect(self._on_has_last_toggled)
        self.interval.activated.connect(self._on_field_edited)
        self.start.timeChanged.connect(self._on_field_edited)
        self.last_date.dateChanged.connect(self._on_field_edited)
        self.rhythm_from.dateChanged.connect(self._on_field_edited)
        for spin in (self.duration, self.break_minutes):
            spin.valueChanged.connect(self._on_field_edited)

    # values -----------------------------------------------------------------------------
    def load(self, schedules: tuple[Schedule, ...], today: date | None = None) -> None:
        """Show the current series (or defaults, switched off); emits nothing."""
        ordered = sorted(schedules, key=lambda s: s.first_date)
        first = ordered[-1] if ordered else None
        self._base = first
        self._kept = tuple(s for s in schedules if s is not first)
        self._today = today = today or date.today()
        start_day = first.first_date if first else on_or_after(today, DEFAULT_WEEKDAY)
        self.blockSignals(True)
        try:
            self.enabled.setChecked(first is not None)
            self._fill_weekdays(start_day.weekday())
            self.start.setTime(_qtime(first.start if first else DEFAULT_START))
            self.duration.setValue(first.duration_minutes if first else DEFAULT_DURATION)
            self.break_minutes.setValue(first.break_minutes if first else DEFAULT_BREAK)
            self._fill_intervals(first.interval_weeks if first else 1)
            self.first_date.setDate(_qdate(start_day))
            last = first.last_date if first else None
            self.has_last.setChecked(last is not None)
            self.last_date.setDate(_qdate(last or start_day + timedelta(weeks=26)))
            self.rhythm_from.setDate(_qdate(today))
        finally:
            self.blockSignals(False)
        self.errors.clear()
        self._update_enabled()

    def _has_begun(self) -> bool:
        return self._base is not None and self._base.first_date < self._today

    def _rhythm_changed(self) -> bool:
        """A new day, time or rhythm for a series that has already begun."""
        base = self._base
        if base is None or not self._has_begun():
            return False
        return (self.weekday.currentIndex(), self._start(), int(self.interval.currentData() or 1)
                ) != (base.weekday, base.start, base.interval_weeks)

    def _start(self) -> time:
        return self.start.time().toPython().replace(second=0, microsecond=0)

    def build(self) -> tuple[Schedule, ...]:
        if not self.enabled.isChecked():
            return self._kept
        if self._rhythm_changed() and self._base is not None:
            kept = replace(self._base, duration_minutes=self.duration.value(),
                           break_minutes=self.break_minutes.value(),
                           last_date=self.last_date.date().toPython()
                           if self.has_last.isChecked() else None)
            try:
                split = change_rhythm(kept, self.rhythm_from.date().toPython(),
                                      interval_weeks=int(self.interval.currentData() or 1),
                                      weekday=self.weekday.currentIndex(), start=self._start())
            except DomainError as err:
                raise DomainError(err.message, "rhythm_from", **err.params) from err
            return (*self._kept, *split)
        first = self.first_date.date().toPython()
        values = {
            "weekday": first.weekday(),
            "start": self._start(),
            "first_date": first,
            "duration_minutes": self.duration.value(),
            "break_minutes": self.break_minutes.value(),
            "interval_weeks": int(self.interval.currentData() or 1),
            "last_date": self.last_date.date().toPython() if self.has_last.isChecked() else None,
        }
        if self._base is not None:
            edited = replace(self._base, **values)
        else:
            edited = Schedule(id=new_id(), **values)
        return (*self._kept, edited)

    def _fill_weekdays(self, selected: int) -> None:
        self.weekday.clear()
        for day in range(7):
            self.weekday.addItem(weekday_name(day), day)
        self.weekday.setCurrentIndex(selected)

    def _fill_intervals(self, selected: int) -> None:
        weeks = sorted({1, 2, selected})
        self.interval.clear()
        for n in weeks:
            self.interval.addItem(_interval_text(n), n)
        self.interval.setCurrentIndex(weeks.index(selected))

    # handlers ---------------------------------------------------------------------------
    def _on_enabled_toggled(self, _checked: bool) -> None:
        self._update_enabled()
        self.edited.emit()

    def _on_has_last_toggled(self, _checked: bool) -> None:
        self.last_date.setEnabled(self.enabled.isChecked() and self.has_last.isChecked())
        self._on_field_edited()

    def _on_weekday_activated(self, index: int) -> None:
        # The first meeting must fall on the weekday: move it forward to the chosen day.
        # A series that has begun keeps its first date: the new day starts a new series.
        if not self._has_begun():
            current = self.first_date.date().toPython()
            self.first_date.setDate(_qdate(on_or_after(current, index)))
        self._on_field_edited()

    def _on_first_date_date_changed(self, value: QDate) -> None:
        self.weekday.setCurrentIndex(value.toPython().weekday())
        self._on_field_edited()

    def _on_field_edited(self, *_args: object) -> None:
        self._update_rhythm_row()
        self._update_summary()
        self.edited.emit()

    def _update_rhythm_row(self) -> None:
        split = self.enabled.isChecked() and self._rhythm_changed()
        self._form.setRowVisible(self.rhythm_from_label, split)
        self.first_date.setEnabled(not self._has_begun())
        self.errors.hide_empty()

    # presentation -----------------------------------------------------------------------
    def _update_enabled(self) -> None:
        on = self.enabled.isChecked()
        for label in (self.weekday_label, self.start_label, self.duration_label,
                      self.break_label, self.interval_label, self.first_label):
            self._form.setRowVisible(label, on)
        self._form.setRowVisible(self.summary, on)
        self._form.setRowVisible(self.has_last, on)
        self.errors.hide_empty()
        self.last_date.setEnabled(on and self.has_last.isChecked())
        self._update_rhythm_row()
        self._update_summary()

    def _update_summary(self) -> None:
        first = self.first_date.date().toPython()
        self.first_day.setText(format_day(first))
        if not self.enabled.isChecked():
            return
        self._update_history()
        try:
            schedule = self.build()[-1]
        except DomainError as err:
            self.summary.setText(error_text(err))
            return
        meeting = occurrences(schedule, schedule.first_date, schedule.first_date)[0]
        times = {k: format_time(getattr(meeting, k))
                 for k in ("start", "end", "break_start", "break_end")}
        if schedule.break_minutes:
            line = _("{start}–{end}, break {break_start}–{break_end}").format(**times)
        else:
            line = _("{start}–{end}, no break").format(**times)
        self.summary.setText(_series_text(schedule, line))

    def _update_history(self) -> None:
        """Earlier series that have ended, one line each, so a change of rhythm is visible."""
        ended = sorted((s for s in self._kept if s.last_date is not None
                        and self._base is not None and s.last_date < self._base.first_date),
                       key=lambda s: s.first_date)
        lines = [_("{rhythm} on {weekday} at {time}, until {date}").format(
            rhythm=_interval_text(s.interval_weeks), weekday=weekday_name(s.weekday),
            time=format_time(s.start), date=format_date(s.last_date))
            for s in ended if s.last_date is not None]
        self.history.setText("\n".join(lines))
        self._form.setRowVisible(self.history, bool(lines) and self.enabled.isChecked())
        if self._rhythm_changed():
            self.rhythm_note.setText(_("Meetings before this date keep the old day, time and "
                                       "rhythm."))

    def retranslate(self) -> None:
        self.enabled.setText(_("The group meets at a fixed time"))
        self.weekday_label.setText(_("Day"))
        self.start_label.setText(_("Starts at"))
        self.duration_label.setText(_("Length"))
        self.break_label.setText(_("Break"))
        for spin in (self.duration, self.break_minutes):
            spin.setSuffix(pgettext("minutes after a number", " min"))
        self.break_minutes.setSpecialValueText(_("No break"))
        self.interval_label.setText(_("How often"))
        self.first_label.setText(_("First meeting"))
        self.has_last.setText(_("Last meeting"))
        self.rhythm_from_label.setText(_("New rhythm from"))
        date_format = QLocale(babel_locale()).dateFormat(QLocale.FormatType.ShortFormat)
        for edit in (self.first_date, self.last_date, self.rhythm_from):
            edit.setDisplayFormat(date_format)
            edit.setLocale(QLocale(babel_locale()))
        self.blockSignals(True)
        self._fill_weekdays(self.weekday.currentIndex())
        self._fill_intervals(int(self.interval.currentData() or 1))
        self.blockSignals(False)
        self._update_summary()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def _series_text(schedule: Schedule, times: str) -> str:
    return _("{rhythm} on {weekday}: {times}").format(
        rhythm=_interval_text(schedule.interval_weeks), weekday=weekday_name(schedule.weekday),
        times=times)


def _interval_text(weeks: int) -> str:
    if weeks == 1:
        return _("Every week")
    if weeks == 2:
        return _("Every second week")
    return ngettext("Every {count} week", "Every {count} weeks", weeks).format(count=weeks)


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def _qtime(value: time) -> QTime:
    return QTime(value.hour, value.minute)
