"""The calm line at the top of meeting mode: the meeting, the time now, the break and the end.

Reminders are words in a soft colour, never a sound: the break when it is near, the
closing round when the end is near.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QGridLayout, QWidget

from initiator_desktop.core.attendance_entry import MeetingContext
from initiator_desktop.core.speaking_round import MeetingPart, meeting_time
from initiator_desktop.i18n import _, ngettext
from initiator_desktop.i18n.formatting import format_day, format_time
from initiator_desktop.ui.meeting.meeting_style import big_label, colours, muted_label
from initiator_desktop.ui.meeting.meeting_texts import span_minutes


class MeetingHeader(QWidget):
    """Call ``refresh`` on each tick; it reads the clock it was given."""

    def __init__(self, context: MeetingContext, clock: Callable[[], datetime],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context, self._clock = context, clock
        self.title = big_label(self, 1.15, bold=True, wrap=False)
        self.when = muted_label(self, wrap=False)
        self.times = big_label(self, 1.1, wrap=False)
        self.times.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.reminder = big_label(self, 1.0, wrap=False)
        self.reminder.setAlignment(Qt.AlignmentFlag.AlignRight)
        # Room for a reminder is always kept, so nothing moves when one appears.
        self.reminder.setMinimumHeight(self.reminder.fontMetrics().height() + 10)
        self._band = ""
        # Two rows, each with its own right-hand side, so long texts do not add up.
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(2)
        grid.setHorizontalSpacing(24)
        grid.addWidget(self.title, 0, 0)
        grid.addWidget(self.times, 0, 1)
        grid.addWidget(self.when, 1, 0)
        grid.addWidget(self.reminder, 1, 1)
        grid.setColumnStretch(0, 1)
        self.refresh()

    def refresh(self) -> None:
        context, meeting = self._context, self._context.meeting.meeting
        now = self._clock()
        self.title.setText(context.group.name)
        when = _("{day}, {start}–{end}").format(
            day=format_day(meeting.date), start=format_time(meeting.start),
            end=format_time(meeting.end))
        if context.initiator_number is not None:
            when = _("{when} · Meeting {number} of {count} with you").format(
                when=when, number=context.initiator_number, count=context.initiator_total)
        self.when.setText(when)
        state = meeting_time(meeting, now)
        if state.has_break:
            times = _("Now {now} · Break {start}–{end} · Ends {finish}").format(
                now=format_time(now), start=format_time(meeting.break_start),
                end=format_time(meeting.break_end), finish=format_time(meeting.end))
        else:
            times = _("Now {now} · Ends {finish}").format(
                now=format_time(now), finish=format_time(meeting.end))
        self.times.setText(times)
        note = self._reminder(state.part, state.break_soon, state.end_soon,
                              span_minutes(state.until_break) if state.until_break else 0,
                              span_minutes(state.until_end))
        self.reminder.setText(note)
        scheme = colours()
        # A soft band behind a reminder, and none while there is none.
        band = (f"color: {scheme.text}; background: {scheme.nearly_up if note else 'transparent'};"
                " border-radius: 8px; padding: 2px 12px;")
        if band != self._band:
            self._band = band
            self.reminder.setStyleSheet(band)

    def _reminder(self, part: MeetingPart, break_soon: bool, end_soon: bool,
                  to_break: int, to_end: int) -> str:
        if part is MeetingPart.BREAK:
            return _("Break time, until {end}.").format(
                end=format_time(self._context.meeting.meeting.break_end))
        if break_soon:
            return ngettext("The break is in {count} minute.", "The break is in {count} minutes.",
                            to_break).format(count=to_break)
        if end_soon:
            return ngettext("{count} minute left: time for the closing round.",
                            "{count} minutes left: time for the closing round.",
                            to_end).format(count=to_end)
        if part is MeetingPart.OVER:
            return _("The meeting time is over.")
        return ""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.refresh()
        super().changeEvent(event)
