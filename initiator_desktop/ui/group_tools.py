"""What the Group and Course menus open: meeting mode, printouts, calendars, profiles,
run sheets, reports, the course reader, presenter mode and course runs.

Kept out of the main window so it stays a layout of lists and pages. The window is
looked up as this object's parent when a dialog needs it, never stored: a reference back
to the window would keep its Python side (and vault data) alive after a lock.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from initiator_desktop.core.errors import DomainError
from initiator_desktop.core.frame_agreement import record_agreement
from initiator_desktop.core.frame_records import AgreementKind, FrameAgreement
from initiator_desktop.core.models import Group
from initiator_desktop.core.repository import VaultRepository
from initiator_desktop.i18n import _
from initiator_desktop.storage.errors import VaultError
from initiator_desktop.ui.field_errors import error_text
from initiator_desktop.ui.groups.group_page_widget import GroupPageWidget
from initiator_desktop.ui.notice_bar import NoticeBar

if TYPE_CHECKING:
    from initiator_desktop.ui.main_actions import MainActions
    from initiator_desktop.ui.main_window import MainWindow


class GroupTools(QObject):
    """``meeting_mode_changed(open)`` lets the session hold the idle lock during a meeting;
    ``group_touched(id)`` asks the window to reload a group changed from a tool."""

    meeting_mode_changed = Signal(bool)
    group_touched = Signal(str)

    def __init__(self, window: MainWindow, repo: VaultRepository, page: GroupPageWidget,
                 notice: NoticeBar, clock: Callable[[], datetime],
                 actions: MainActions) -> None:
        super().__init__(window)
        self._repo = repo
        self._page = page
        self._notice = notice
        self._clock = clock
        self._meeting: QWidget | None = None
        a = actions
        a.meeting_mode.triggered.connect(self._on_meeting_mode_triggered)
        a.run_sheets.triggered.connect(self._on_run_sheets_triggered)
        a.reflection.triggered.connect(self._on_reflection_triggered)
        a.print_frames.triggered.connect(self._on_print_frames_triggered)
        a.frame_profiles.triggered.connect(self._on_frame_profiles_triggered)
        a.export_calendar.triggered.connect(self._on_export_calendar_triggered)
        a.export_my_meetings.triggered.connect(self._on_export_my_meetings_triggered)
        a.report.triggered.connect(self._on_report_triggered)
        a.course_reader.triggered.connect(self._on_course_reader_triggered)
        a.present.triggered.connect(self._on_present_triggered)
        a.course_runs.triggered.connect(self._on_course_runs_triggered)

    def _window(self) -> MainWindow:
        return cast("MainWindow", self.parent())

    def _stored_group(self, *, saved_first: bool = False) -> Group | None:
        """The page's stored group; with ``saved_first``, after its changes are saved or
        discarded (printouts and meeting mode use what is saved)."""
        group_id = self._page.group_id()
        if group_id is None:
            return None
        if saved_first and self._page.is_dirty():
            if not self._window().may_leave_page():
                return None
            if self._page.is_dirty():
                self._page.revert()
        return self._repo.group(group_id)

    # meeting mode -----------------------------------------------------------------------
    def _on_meeting_mode_triggered(self) -> None:
        from initiator_desktop.ui.meeting.meeting_mode import open_meeting_mode

        group = self._stored_group(saved_first=True)
        if group is None:
            return
        window = open_meeting_mode(self._window(), self._repo, group.id, self._clock,
                                   on_frames_agreed=self._frames_agreed)
        if window is None:
            self._notice.show_notice(_("The group has no meeting coming up. Plan its "
                                       "meeting times first."))
            return
        self._meeting = window
        window.left.connect(self._on_meeting_left)
        window.destroyed.connect(self._on_meeting_destroyed)
        self.meeting_mode_changed.emit(True)

    def _frames_agreed(self, group_id: str, day: date, count: int | None) -> None:
        try:
            record_agreement(self._repo, group_id,
                             FrameAgreement(AgreementKind.FRAMES, day, count), self._clock())
        except DomainError as err:
            self._notice.show_notice(error_text(err))
        except VaultError as err:
            self._notice.show_notice(_(err.message))

    def _on_meeting_left(self, group_id: str) -> None:
        self._meeting = None
        self.meeting_mode_changed.emit(False)
        self.group_touched.emit(group_id)
        self._notice.show_notice(_("A moment for yourself? Group ▸ Reflection after the "
                                   "meeting keeps a private note on your own role."))

    def _on_reflection_triggered(self) -> None:
        from initiator_desktop.ui.group_life.reflection_dialog import ReflectionDialog

        group = self._stored_group()
        if group is not None:
            ReflectionDialog(self._repo, group.id, self._clock, self._window()).exec()

    def _on_meeting_destroyed(self, _obj: object = None) -> None:
        if self._meeting is not None:
            self._meeting = None
            self.meeting_mode_changed.emit(False)

    def _on_run_sheets_triggered(self) -> None:
        from initiator_desktop.ui.meeting.run_sheet_editor_dialog import RunSheetEditorDialog

        group = self._stored_group()
        if group is not None:
            RunSheetEditorDialog(self._repo, group.id, self._window()).exec()

    # printouts, calendars, profiles -----------------------------------------------------
    def _on_print_frames_triggered(self) -> None:
        from initiator_desktop.ui.printing.print_frames_dialog import PrintFramesDialog

        group = self._stored_group(saved_first=True)
        if group is None:
            return
        dialog = PrintFramesDialog(self._repo, group.id, self._window())
        dialog.exec()
        if dialog.written is not None:
            self._notice.show_notice(_("Saved the PDF: {path}").format(path=dialog.written))

    def _on_frame_profiles_triggered(self) -> None:
        from initiator_desktop.ui.frames import open_frame_profiles

        open_frame_profiles(self._window(), self._repo)

    def _on_export_calendar_triggered(self) -> None:
        group = self._stored_group()
        if group is not None:
            self._export_calendar(group)

    def _on_export_my_meetings_triggered(self) -> None:
        self._export_calendar(None)

    def _export_calendar(self, group: Group | None) -> None:
        from initiator_desktop.ui.calendar.export_dialog import CalendarExportDialog

        dialog = CalendarExportDialog(self._repo, group, self._window(), clock=self._clock)
        if dialog.exec() and dialog.written is not None:
            self._notice.show_notice(_("Wrote the calendar: {path}").format(
                path=dialog.written))

    def _on_report_triggered(self) -> None:
        from initiator_desktop.ui.reports.report_dialog import ReportDialog

        dialog = ReportDialog(self._repo, self._window(), clock=self._clock)
        if dialog.exec() and dialog.written is not None:
            self._notice.show_notice(_("Wrote the report: {path}").format(path=dialog.written))

    # course -----------------------------------------------------------------------------
    def _on_course_reader_triggered(self) -> None:
        from initiator_desktop.ui.training.reader_window import open_reader

        open_reader(self._window(), self._repo, clock=self._clock)

    def _on_present_triggered(self) -> None:
        from initiator_desktop.ui.training.presenter.module_chooser_dialog import (
            choose_and_present,
        )
        from initiator_desktop.ui.training.reader_packs import available_packs

        choose_and_present(self._window(), available_packs())

    def _on_course_runs_triggered(self) -> None:
        from initiator_desktop.ui.training.course_run_panel import open_course_runs

        open_course_runs(self._window(), self._repo)
