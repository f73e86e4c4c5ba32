"""The month calendar: six weeks of days with public holidays and every group's meetings.

Each day is a small frame of plain-text labels (never rich text: group names come from
the vault), so the grid reads the same to a screen reader as on screen.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QFont, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from initiator_desktop.core.holidays import public_holidays
from initiator_desktop.core.meeting_calendar import GroupMeeting, calendar_meetings
from initiator_desktop.i18n import _, current_language
from initiator_desktop.i18n.formatting import format_day, format_time
from initiator_desktop.ui.calendar.meeting_actions import MeetingActions
from initiator_desktop.ui.calendar.meeting_labels import (
    month_title,
    short_weekday_names,
    state_notes,
    time_span,
)
from initiator_desktop.ui.calendar.upcoming_view import PlanSource, meeting_menu
from initiator_desktop.ui.style import (
    MARGIN,
    SPACING,
    ErrorLabel,
    heading_label,
    hint_label,
    is_dark,
)

WEEKS_SHOWN = 6
MEETINGS_PER_DAY = 3
_HOLIDAY_LIGHT, _HOLIDAY_DARK = "#8a3b12", "#f0b38a"


def first_shown_day(month: date) -> date:
    """The Monday on or before the first of ``month``."""
    first = month.replace(day=1)
    return first - timedelta(days=first.weekday())


class ElidedLabel(QLabel):
    """A one-line plain-text label that ends in "…" when its cell is too narrow."""

    def __init__(self, text: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.full_text = text
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setText(text)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.setText(self.fontMetrics().elidedText(self.full_text, Qt.TextElideMode.ElideRight,
                                                   max(self.width(), 0)))


class MeetingLabel(ElidedLabel):
    """One meeting in a day cell; right-click for cancel, move or undo."""

    def __init__(self, meeting: GroupMeeting, actions: MeetingActions, parent: QWidget) -> None:
        super().__init__(f"{format_time(meeting.meeting.start)} {meeting.group.name}", parent)
        self.meeting = meeting
        self._actions = actions
        self.setToolTip("\n".join([meeting.group.name, time_span(meeting),
                                   *state_notes(meeting)]))
        self.setAccessibleName(self.toolTip().replace("\n", ", "))
        font = QFont(self.font())
        font.setBold(meeting.with_initiator)
        font.setStrikeOut(not meeting.takes_place)
        self.setFont(font)
        if not meeting.takes_place:
            self.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._on_context_menu_requested)

    def _on_context_menu_requested(self, point: QPoint) -> None:
        meeting_menu(self.meeting, self._actions, self).exec(self.mapToGlobal(point))


class DayCell(QFrame):
    def __init__(self, day: date, in_month: bool, is_today: bool, parent: QWidget) -> None:
        super().__init__(parent)
        self.day = day
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMinimumSize(104, 84)
        # Days of this month on the page colour, the neighbours' days on the window's.
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Base if in_month
                               else QPalette.ColorRole.Window)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(6, 4, 6, 4)
        self.column.setSpacing(1)
        number = QLabel(str(day.day), self)
        font = QFont(number.font())
        font.setBold(is_today)
        number.setFont(font)
        if not in_month:
            number.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        if is_today:
            self.setFrameShape(QFrame.Shape.Box)
            self.setLineWidth(2)
        self.column.addWidget(number)
        self.setAccessibleName(format_day(day))

    def add_holiday(self, name: str) -> None:
        label = ElidedLabel(name, self)
        label.setToolTip(name)
        font = QFont(label.font())
        font.setItalic(True)
        label.setFont(font)
        colour = _HOLIDAY_DARK if is_dark(self.palette()) else _HOLIDAY_LIGHT
        palette = label.palette()
        palette.setColor(QPalette.ColorRole.WindowText, colour)
        label.setPalette(palette)
        self.column.addWidget(label)

    def add_meetings(self, meetings: list[GroupMeeting], actions: MeetingActions) -> None:
        for meeting in meetings[:MEETINGS_PER_DAY]:
            self.column.addWidget(MeetingLabel(meeting, actions, self))
        hidden = len(meetings) - MEETINGS_PER_DAY
        if hidden > 0:
            more = QLabel(_("+{count} more").format(count=hidden), self)
            more.setToolTip("\n".join(f"{format_time(m.meeting.start)} {m.group.name}"
                                      for m in meetings[MEETINGS_PER_DAY:]))
            self.column.addWidget(more)

    def finish(self) -> None:
        self.column.addStretch(1)


class MonthView(QWidget):
    def __init__(self, plans: PlanSource, actions: MeetingActions, today: Callable[[], date],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._plans = plans
        self._actions = actions
        self._today = today
        self.month = today().replace(day=1)
        self.title = heading_label(parent=self)
        self.legend = hint_label(parent=self)
        self.previous, self.next = QPushButton(self), QPushButton(self)
        self.this_month = QPushButton(self)
        self.message = ErrorLabel(self)
        self.grid_holder = QWidget(self)
        self.grid = QGridLayout(self.grid_holder)
        self.grid.setSpacing(2)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.cells: list[DayCell] = []
        self._header: list[QLabel] = []
        self._build_layout()
        self.previous.clicked.connect(lambda: self.show_month(self._shifted(-1)))
        self.next.clicked.connect(lambda: self.show_month(self._shifted(1)))
        self.this_month.clicked.connect(lambda: self.show_month(self._today()))
        actions.failed.connect(self.message.show_message)
        self.retranslate()

    def _build_layout(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        layout.setSpacing(SPACING)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        for button in (self.previous, self.this_month, self.next):
            top.addWidget(button)
        layout.addLayout(top)
        layout.addWidget(self.legend)
        layout.addWidget(self.message)
        layout.addWidget(self.grid_holder, 1)
        for column in range(7):
            label = QLabel(self.grid_holder)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.grid.addWidget(label, 0, column)
            self.grid.setColumnStretch(column, 1)
            self._header.append(label)
        for row in range(1, WEEKS_SHOWN + 1):
            self.grid.setRowStretch(row, 1)

    def _shifted(self, months: int) -> date:
        index = self.month.year * 12 + self.month.month - 1 + months
        return date(index // 12, index % 12 + 1, 1)

    def show_month(self, day: date) -> None:
        self.month = day.replace(day=1)
        self.refresh()

    def refresh(self) -> None:
        self.message.clear_message()
        self.forget()
        first = first_shown_day(self.month)
        last = first + timedelta(days=7 * WEEKS_SHOWN - 1)
        language = current_language()
        meetings = calendar_meetings(self._plans(), first, last, language=language)
        holidays = public_holidays(first, last, language)
        by_day: dict[date, list[GroupMeeting]] = {}
        for meeting in meetings:
            by_day.setdefault(meeting.meeting.date, []).append(meeting)
        today = self._today()
        for index in range(7 * WEEKS_SHOWN):
            day = first + timedelta(days=index)
            cell = DayCell(day, day.month == self.month.month, day == today, self.grid_holder)
            if day in holidays:
                cell.add_holiday(holidays[day])
            cell.add_meetings(by_day.get(day, []), self._actions)
            cell.finish()
            self.grid.addWidget(cell, 1 + index // 7, index % 7)
            self.cells.append(cell)
        self.title.setText(month_title(self.month))

    def forget(self) -> None:
        """Remove every day cell (and the group names in them)."""
        for cell in self.cells:
            self.grid.removeWidget(cell)
            cell.deleteLater()
        self.cells = []

    def cell(self, day: date) -> DayCell | None:
        return next((c for c in self.cells if c.day == day), None)

    def retranslate(self) -> None:
        self.previous.setText(_("‹ Previous"))
        self.next.setText(_("Next ›"))
        self.this_month.setText(_("This month"))
        self.legend.setText(_("Public holidays in colour. Meetings you attend as the initiator "
                              "are in bold; cancelled and paused ones are struck through. "
                              "Right-click a meeting to cancel or move it."))
        for label, name in zip(self._header, short_weekday_names(), strict=True):
            label.setText(name)
        if self.cells:
            self.refresh()
        else:
            self.title.setText(month_title(self.month))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
