"""The selected group in three tabs: its page, "Before and after", and "Attendance".

The page edits the group and saves it whole. The other two tabs work on records around
the group (members, contacts, checklists, handover; attendance and its history) and save
each change at once. They are built the first time they are shown, for a stored group
only, and follow the page when it shows another group.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from initiator_desktop.core.repository import VaultRepository
from initiator_desktop.i18n import _
from initiator_desktop.ui.groups.group_page_widget import GroupPageWidget
from initiator_desktop.ui.page_scroll_area import PageScrollArea
from initiator_desktop.ui.style import MARGIN, WIDE_SPACING

if TYPE_CHECKING:
    from initiator_desktop.ui.group_life.group_life_panel import GroupLifePanel

Purge = Callable[[str], int]
EDITOR_HEIGHT = 520
HISTORY_HEIGHT = 560


class AttendanceTab(QWidget):
    """The attendance records to fill in or correct, over the group's history."""

    changed = Signal(str)

    def __init__(self, repo: VaultRepository, group_id: str, clock: Callable[[], datetime],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Imported when the tab is first shown: the main window opens without them.
        from initiator_desktop.ui.attendance.attendance_history import AttendanceHistory
        from initiator_desktop.ui.meeting.attendance_editor import AttendanceEditor

        self.scroll = PageScrollArea(self)
        content = QWidget()
        self.editor = AttendanceEditor(repo, group_id, clock, content)
        self.history = AttendanceHistory(repo, group_id, clock, content)
        # One scrolling page: the table of meetings, the selected meeting's counts, then the
        # chart, each at a height where it can be read (a splitter squeezed them).
        self.editor.setMinimumHeight(EDITOR_HEIGHT)
        self.history.setMinimumHeight(HISTORY_HEIGHT)
        column = QVBoxLayout(content)
        column.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        column.setSpacing(WIDE_SPACING * 2)
        column.addWidget(self.editor)
        column.addWidget(self.history)
        self.scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll)
        self.editor.attendance_changed.connect(self._on_editor_attendance_changed)

    def set_group(self, group_id: str) -> None:
        self.editor.show_group(group_id)
        self.history.set_group(group_id)

    def refresh(self) -> None:
        self.editor.refresh()
        self.history.refresh()

    def forget(self) -> None:
        self.editor.forget()
        self.history.forget()

    def _on_editor_attendance_changed(self, group_id: str) -> None:
        self.history.refresh()
        self.changed.emit(group_id)


class GroupWorkspace(QTabWidget):
    """``status_changed(id)`` after a handover, end or restart made in "Before and after";
    ``restarted(new_id)`` names the new group of a restart."""

    status_changed = Signal(str)
    restarted = Signal(str)
    attendance_changed = Signal(str)

    PAGE, LIFE, ATTENDANCE = range(3)

    def __init__(self, repo: VaultRepository, page: GroupPageWidget,
                 clock: Callable[[], datetime], purge: Purge,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._repo = repo
        self._clock = clock
        self._purge = purge
        self._group_id: str | None = None
        self.page = page
        self.life: GroupLifePanel | None = None
        self.attendance: AttendanceTab | None = None
        self._life_holder, self._attendance_holder = QWidget(self), QWidget(self)
        for holder in (self._life_holder, self._attendance_holder):
            QVBoxLayout(holder).setContentsMargins(0, 0, 0, 0)
        self.addTab(page, "")
        self.addTab(self._life_holder, "")
        self.addTab(self._attendance_holder, "")
        self.setDocumentMode(True)
        page.group_loaded.connect(self._on_page_group_loaded)
        self.currentChanged.connect(self._on_current_changed)
        self.retranslate()
        self._on_page_group_loaded(page.group_id())

    def _on_page_group_loaded(self, group_id: str | None) -> None:
        self._group_id = group_id
        stored = group_id is not None
        self.setTabEnabled(self.LIFE, stored)
        self.setTabEnabled(self.ATTENDANCE, stored)
        if not stored:
            self.setCurrentIndex(self.PAGE)
            return
        self._show_current()

    def _on_current_changed(self, _index: int) -> None:
        self._show_current()

    def _show_current(self) -> None:
        """Build or update the visible tab for the page's group (only it is kept current)."""
        group_id = self._group_id
        if group_id is None:
            return
        index = self.currentIndex()
        if index == self.LIFE:
            if self.life is None:
                from initiator_desktop.ui.group_life.group_life_panel import GroupLifePanel

                self.life = GroupLifePanel(self._repo, group_id, self._clock, self._purge,
                                           self._life_holder)
                self._life_holder.layout().addWidget(self.life)
                self.life.group_changed.connect(self.status_changed)
                self.life.group_restarted.connect(self.restarted)
            elif self.life.group_id() != group_id:
                self.life.set_group(group_id)
            else:
                self.life.refresh()
        elif index == self.ATTENDANCE:
            if self.attendance is None:
                self.attendance = AttendanceTab(self._repo, group_id, self._clock,
                                                self._attendance_holder)
                self._attendance_holder.layout().addWidget(self.attendance)
                self.attendance.changed.connect(self.attendance_changed)
            else:
                self.attendance.set_group(group_id)

    def refresh(self) -> None:
        """Reload the visible tab from the vault (after a change made elsewhere)."""
        self._show_current()

    def forget(self) -> None:
        """Drop the tabs that show records (contacts among them) before a lock."""
        self.setCurrentIndex(self.PAGE)
        for panel in (self.life, self.attendance):
            if panel is not None:
                panel.hide()
                panel.deleteLater()
        self.life = self.attendance = None

    def retranslate(self) -> None:
        for index, title in ((self.PAGE, _("Group")), (self.LIFE, _("Before and after")),
                             (self.ATTENDANCE, _("Attendance"))):
            self.setTabText(index, title)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
