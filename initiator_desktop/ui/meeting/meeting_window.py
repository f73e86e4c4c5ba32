"""Meeting mode: one group's meeting on a full screen, calm and in large type.

It shows that group only: its run sheet, the speaking-round timer, its frames turned
toward the room, and the attendance at the end. Never another group, the theme or the
contact list. Quick-hide works here as in the main window (F12, or Esc twice); a single
Esc asks before leaving. The window is the main window's child, so a lock takes it away.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLayout,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from initiator_desktop.core.attendance_entry import MeetingContext
from initiator_desktop.core.lock_policy import DOUBLE_PRESS_SECONDS
from initiator_desktop.core.models import FrameText
from initiator_desktop.core.repository import VaultRepository
from initiator_desktop.core.run_sheets import RunSheet, StepKind
from initiator_desktop.core.speaking_round import DEFAULT_RESERVE_SECONDS, round_seconds_available
from initiator_desktop.i18n import _
from initiator_desktop.ui import message_boxes
from initiator_desktop.ui.language import app_display_name
from initiator_desktop.ui.lock.neutral_screen import NeutralScreen
from initiator_desktop.ui.lock.quick_hide import QuickHide
from initiator_desktop.ui.lock.quick_hide_keys import QuickHideKeys
from initiator_desktop.ui.lock.window_sweep import close_open_dialogs
from initiator_desktop.ui.meeting.attendance_panel import AttendancePanel
from initiator_desktop.ui.meeting.group_view import GroupView
from initiator_desktop.ui.meeting.meeting_header import MeetingHeader
from initiator_desktop.ui.meeting.meeting_style import (
    GAP,
    WIDE_GAP,
    colours,
    meeting_font,
    meeting_palette,
    settle_fonts_and_colours,
    style_sheet,
)
from initiator_desktop.ui.meeting.round_timer_panel import RoundTimerPanel
from initiator_desktop.ui.meeting.run_sheet_panel import RunSheetPanel

FramesAgreed = Callable[[str, date, int], None]
HEADER_TICK_MS = 5000
# Windows without a parent, kept here until Qt deletes them (they delete on close). Left to
# Python's cycle collector, a window would be deleted from there, which PySide survives
# badly, and a shown window could vanish.
_WITHOUT_PARENT: set[MeetingModeWindow] = set()


class MeetingModeWindow(QWidget):
    """``left(group_id)`` when the initiator leaves meeting mode (to the group's page)."""

    left = Signal(str)
    hidden_changed = Signal(bool)

    def __init__(self, repo: VaultRepository, context: MeetingContext, sheet: RunSheet,
                 frames: Sequence[FrameText], clock: Callable[[], datetime], *,
                 on_frames_agreed: FramesAgreed | None = None,
                 quick_hide: QuickHide | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if parent is None:
            _WITHOUT_PARENT.add(self)
            self.destroyed.connect(lambda *_args: _WITHOUT_PARENT.discard(self))
        self.context, self._clock = context, clock
        self.group_id = context.group.id
        self._main_hide = quick_hide
        self._leaving = False
        self.setFont(meeting_font())
        self._apply_colours()
        meeting = context.meeting.meeting
        agreed = None if on_frames_agreed is None else (
            lambda count: on_frames_agreed(self.group_id, meeting.date, count))
        self.header = MeetingHeader(context, clock, self)
        self.run_sheet = RunSheetPanel(sheet, frames, agreed, self)
        people = context.members or context.group.planned_size or 6
        self.timer = RoundTimerPanel(people, self._round_seconds,
                                     lambda: clock().timestamp(), self.run_sheet)
        self.run_sheet.add_below(self.timer)
        self.group_view = GroupView(frames, self)
        self.attendance = AttendancePanel(repo, self.group_id, meeting.date, context.members,
                                          clock, open_group=context.group.is_open, parent=self)
        self._build()
        self._connect()
        self._set_up_hiding()
        self.retranslate()
        self._on_run_sheet_step_changed(0)
        settle_fonts_and_colours(self)

    # set-up ------------------------------------------------------------------------------
    def _apply_colours(self) -> None:
        scheme = colours()
        self.setPalette(meeting_palette(scheme))
        self.setAutoFillBackground(True)
        self.setStyleSheet(style_sheet(scheme))

    def _build(self) -> None:
        self.pages = QStackedWidget(self)
        for page in (self.run_sheet, self.group_view, self.attendance):
            self.pages.addWidget(page)
        self.previous_button, self.next_button = QPushButton(self), QPushButton(self)
        self.next_button.setObjectName("primary")
        self.group_view_button = QPushButton(self)
        self.attendance_button = QPushButton(self)
        self.leave_button = QPushButton(self)
        self.bar = QWidget(self)
        bar = QHBoxLayout(self.bar)
        bar.setContentsMargins(0, 0, 0, 0)
        bar.setSpacing(GAP // 2 + 4)
        bar.addWidget(self.previous_button)
        bar.addWidget(self.next_button)
        bar.addStretch(1)
        for button in (self.group_view_button, self.attendance_button, self.leave_button):
            bar.addWidget(button)
        self.meeting_page = QWidget(self)
        column = QVBoxLayout(self.meeting_page)
        column.setContentsMargins(WIDE_GAP, GAP, WIDE_GAP, GAP)
        column.setSpacing(GAP)
        column.addWidget(self.header)
        column.addWidget(self.pages, 1)
        column.addWidget(self.bar)
        self.neutral = NeutralScreen(self)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.meeting_page)
        self.stack.addWidget(self.neutral)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        # Full screen, the screen decides the size: long texts must not push the window
        # wider or taller than the screen (the content gives way instead).
        outer.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        outer.addWidget(self.stack)

    def _connect(self) -> None:
        self.previous_button.clicked.connect(self._on_previous_button_clicked)
        self.next_button.clicked.connect(self._on_next_button_clicked)
        self.group_view_button.clicked.connect(self.show_group_view)
        self.attendance_button.clicked.connect(self.show_attendance)
        self.leave_button.clicked.connect(self._on_leave_button_clicked)
        self.group_view.back_requested.connect(self.show_run_sheet)
        self.run_sheet.step_changed.connect(self._on_run_sheet_step_changed)
        self.attendance.saved.connect(self._on_attendance_saved)
        # A presenter's clicker sends Page Up and Page Down.
        for key, slot in ((Qt.Key.Key_PageDown, self._on_next_button_clicked),
                          (Qt.Key.Key_PageUp, self._on_previous_button_clicked)):
            QShortcut(QKeySequence(key), self, slot)
        self._escape_wait = QTimer(self)
        self._escape_wait.setSingleShot(True)
        self._escape_wait.setInterval(round(DOUBLE_PRESS_SECONDS * 1000) + 50)
        self._escape_wait.timeout.connect(self._on_escape_wait_timeout)
        self._ticker = QTimer(self)
        self._ticker.setInterval(HEADER_TICK_MS)
        self._ticker.timeout.connect(self.header.refresh)
        self._ticker.start()

    def _set_up_hiding(self) -> None:
        """Follow the main window's quick-hide, or watch the keys here when there is none."""
        self.neutral.return_requested.connect(self.show_content)
        self._keys: QuickHideKeys | None = None
        if self._main_hide is not None:
            self._main_hide.hidden_changed.connect(self._on_main_hide_hidden_changed)
        else:
            self._keys = QuickHideKeys(parent=self)
            self._keys.toggle_requested.connect(self._on_keys_toggle_requested)
            self._keys.hide_requested.connect(self.hide_content)
        if self.parent() is not None:
            self.parent().installEventFilter(self)

    # pages -------------------------------------------------------------------------------
    def page(self) -> QWidget:
        return self.pages.currentWidget()

    def show_run_sheet(self) -> None:
        self._show_page(self.run_sheet)

    def show_group_view(self) -> None:
        self._show_page(self.group_view)

    def show_attendance(self) -> None:
        self._show_page(self.attendance)
        self.attendance.save_button.setFocus()

    def _show_page(self, page: QWidget) -> None:
        self.pages.setCurrentWidget(page)
        # Turned toward the room, the screen shows the frames and nothing else.
        room = page is self.group_view
        self.header.setVisible(not room)
        self.bar.setVisible(not room)
        if room:
            self.group_view.back_button.setFocus()
        self.retranslate()

    def _on_previous_button_clicked(self) -> None:
        if self.page() is self.attendance:
            self.show_run_sheet()
        elif self.page() is self.run_sheet:
            self.run_sheet.go_previous()

    def _on_next_button_clicked(self) -> None:
        if self.page() is not self.run_sheet:
            return
        if self.run_sheet.is_last():
            self.show_attendance()
        else:
            self.run_sheet.go_next()

    def _on_run_sheet_step_changed(self, row: int) -> None:
        step = self.run_sheet.sheet.steps[row]
        is_round = step.kind is StepKind.ROUND
        self.timer.setVisible(is_round)
        if is_round:
            self.timer.reset()
        self.retranslate()

    def _round_seconds(self) -> int:
        """Time for a round now; the reserve is kept only while rounds or the floor follow."""
        steps = self.run_sheet.sheet.steps[self.run_sheet.current + 1:]
        more = any(s.kind in (StepKind.ROUND, StepKind.FREE) for s in steps)
        return round_seconds_available(self.context.meeting.meeting, self._clock(),
                                       DEFAULT_RESERVE_SECONDS if more else 0)

    def _on_attendance_saved(self, _record: object) -> None:
        self.retranslate()

    # leaving -----------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Esc is not a shortcut: a shortcut would take the key before the quick-hide keys
        # see it, and Esc twice must hide. Wait out a second Esc, so no question flashes up.
        if event.key() == Qt.Key.Key_Escape and not event.isAutoRepeat():
            self._escape_wait.start()
            event.accept()
            return
        super().keyPressEvent(event)

    def _on_escape_wait_timeout(self) -> None:
        if self.is_hidden() or not self.isVisible():
            return
        if self.page() is self.group_view:
            self.show_run_sheet()
        else:
            self.ask_to_leave()

    def _on_leave_button_clicked(self) -> None:
        if self.attendance.is_saved():
            self.leave()
        else:
            self.ask_to_leave()

    def ask_to_leave(self) -> bool:
        text = (_("Leave meeting mode and go back to the group's page?")
                if self.attendance.is_saved() else
                _("Leave meeting mode? The attendance for this meeting has not been saved "
                  "yet; you can also record it later on the group's page."))
        if not message_boxes.confirm(self, _("Leave meeting mode"), text, _("&Leave")):
            return False
        self.leave()
        return True

    def leave(self) -> None:
        if self._leaving:
            return
        self._leaving = True
        self._ticker.stop()
        self.left.emit(self.group_id)
        self.close()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parent() and event.type() == QEvent.Type.Close:
            # The main window is closing (a lock, or quitting): off the screen at once, and
            # back only if it turns out to stay open.
            self.hide()
            QTimer.singleShot(0, self, self._after_parent_close)
        return False

    def _after_parent_close(self) -> None:
        parent = self.parent()
        if isinstance(parent, QWidget) and parent.isVisible() and not self._leaving:
            self.show()
        else:
            self.leave()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._leaving:
            self._leaving = True
            self.left.emit(self.group_id)
        if self.parent() is not None:
            self.parent().removeEventFilter(self)
        event.accept()

    # quick-hide --------------------------------------------------------------------------
    def is_hidden(self) -> bool:
        return self.stack.currentWidget() is self.neutral

    def hide_content(self) -> None:
        """The neutral screen at once (the main window's quick-hide, if there is one)."""
        if self._main_hide is not None:
            self._main_hide.hide_content()
        else:
            self._set_hidden(True)

    def show_content(self) -> None:
        if self._main_hide is not None:
            self._main_hide.show_content()
        else:
            self._set_hidden(False)

    def _on_keys_toggle_requested(self) -> None:
        self._set_hidden(not self.is_hidden())

    def _on_main_hide_hidden_changed(self, hidden: bool) -> None:
        if self._main_hide is not None and hidden:
            note = self._main_hide.neutral.lock_note
            self.neutral.lock_note.setText(note.text())
            self.neutral.lock_note.setVisible(bool(note.text()))
        self._set_hidden(hidden)

    def _set_hidden(self, hidden: bool) -> None:
        if hidden == self.is_hidden():
            return
        self._escape_wait.stop()
        if hidden:
            close_open_dialogs(keep=[self])
            self.stack.setCurrentWidget(self.neutral)
            self.meeting_page.hide()
            self.neutral.back_button.setFocus()
        else:
            self.stack.setCurrentWidget(self.meeting_page)
            self.meeting_page.show()
        self.hidden_changed.emit(hidden)

    # window ------------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # The window has its QWindow only once shown: let the quick-hide keys watch it.
        keys = self._keys or (self._main_hide.keys if self._main_hide is not None else None)
        if keys is not None:
            keys.watch_windows()

    def retranslate(self) -> None:
        self.setWindowTitle(app_display_name())
        on_sheet = self.page() is self.run_sheet
        self.previous_button.setText(_("← &Previous") if on_sheet else
                                     _("← &Back to the run sheet"))
        self.previous_button.setEnabled(not (on_sheet and self.run_sheet.is_first()))
        last = self.run_sheet.is_last()
        self.next_button.setText(_("To the &attendance →") if last else _("&Next →"))
        self.next_button.setVisible(on_sheet)
        self.group_view_button.setText(_("Show the &frames"))
        self.attendance_button.setText(_("Attendance"))
        self.attendance_button.setVisible(self.page() is not self.attendance)
        self.leave_button.setText(_("&Leave meeting mode"))
        # Once the attendance is saved, leaving is the natural next step.
        done = "primary" if self.attendance.is_saved() else ""
        if self.leave_button.objectName() != done:
            self.leave_button.setObjectName(done)
            self.leave_button.style().unpolish(self.leave_button)
            self.leave_button.style().polish(self.leave_button)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.ApplicationPaletteChange:
            self._apply_colours()
            for widget in self.findChildren(QWidget):
                widget.setPalette(self.palette())
        super().changeEvent(event)
