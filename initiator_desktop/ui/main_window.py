"""The main window: tabs for the groups (list and page), the coming weeks and a month.

The title is only the app's name: never a group name, theme, place or file name, since
the screen may be seen by the group or shown in a task bar. Locking is the session's job:
the window only asks for it (``lock_requested``) and can forget its content.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from functools import partial
from pathlib import Path

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QShowEvent
from PySide6.QtWidgets import QMainWindow, QSplitter, QTabWidget, QVBoxLayout, QWidget

from initiator_desktop.core.clock import oslo_now
from initiator_desktop.core.group_page import Saved, delete_group, group_overview
from initiator_desktop.core.meeting_calendar import GroupPlan
from initiator_desktop.core.repository import VaultRepository
from initiator_desktop.i18n import _
from initiator_desktop.storage.errors import VaultError
from initiator_desktop.storage.vault import Vault
from initiator_desktop.ui import message_boxes
from initiator_desktop.ui.calendar.meeting_actions import MeetingActions
from initiator_desktop.ui.calendar.month_view import MonthView
from initiator_desktop.ui.calendar.upcoming_view import UpcomingView
from initiator_desktop.ui.group_tools import GroupTools
from initiator_desktop.ui.groups.group_list_panel import GroupListPanel
from initiator_desktop.ui.groups.group_page_widget import GroupPageWidget
from initiator_desktop.ui.groups.group_table_model import GroupColumn, GroupTableModel
from initiator_desktop.ui.groups.group_workspace import GroupWorkspace
from initiator_desktop.ui.language import app_display_name, apply_language
from initiator_desktop.ui.lock.quick_hide import QuickHide
from initiator_desktop.ui.main_actions import MainActions
from initiator_desktop.ui.message_boxes import UnsavedChoice
from initiator_desktop.ui.notice_bar import NoticeBar
from initiator_desktop.ui.settings import AppSettings
from initiator_desktop.ui.start.path_choosers import PathChooser
from initiator_desktop.ui.vault.backup_files import choose_backup_destination
from initiator_desktop.ui.vault.vault_menu import VaultMenu

DEFAULT_SIZE = (1200, 760)


def all_plans(repo: VaultRepository) -> list[GroupPlan]:
    return [(g, repo.schedules(g.id)) for g in repo.groups()]


def _today(clock: Callable[[], datetime]) -> date:
    return clock().date()


def _purge_contacts(vault: Vault | None, repo: VaultRepository, backup_folder: Path | None,
                    group_id: str) -> int:
    """Delete a group's contact list from the vault and from the rolling backups."""
    if vault is None:  # a window on a bare repository (tests, previews): no backups
        return repo.delete_contacts(group_id)
    from initiator_desktop.storage.contact_purge import purge_contacts

    return purge_contacts(vault, group_id, backup_folder)


class MainWindow(QMainWindow):
    """Works on an open vault's repository; the caller opens and closes the vault.

    With ``vault`` it also has the Vault menu (passphrase, recovery key, backup, check).
    """

    lock_requested = Signal()
    closed = Signal()
    meeting_mode_changed = Signal(bool)

    def __init__(
        self,
        repo: VaultRepository,
        settings: AppSettings,
        clock: Callable[[], datetime] = oslo_now,
        parent: QWidget | None = None,
        *,
        vault: Vault | None = None,
        choose_backup: PathChooser | None = None,
        backup_folder: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self._repo = repo
        self._settings = settings
        self._clock = clock
        self._syncing = False
        self._locking = False
        self.model = GroupTableModel(self)
        self.list_panel = GroupListPanel(self.model, self)
        self.page = GroupPageWidget(repo, self, clock)
        self._purge = partial(_purge_contacts, vault, repo, backup_folder)
        self.workspace = GroupWorkspace(repo, self.page, clock, self._purge, self)
        # The views get plain functions, never the window's own methods: a reference back
        # to the window would keep its Python side (and vault data) alive after a lock.
        plans, today = partial(all_plans, repo), partial(_today, clock)
        self.meeting_actions = MeetingActions(repo, self.page.has_unsaved_changes_to, self)
        self.upcoming = UpcomingView(plans, self.meeting_actions, today, self)
        self.month = MonthView(plans, self.meeting_actions, today, self)
        self.tabs = QTabWidget(self)
        self.notice = NoticeBar(self)
        self.vault_menu = None if vault is None else VaultMenu(
            vault, settings, self, choose_backup=choose_backup or choose_backup_destination)
        self.main_actions = a = MainActions(self, self.list_panel.table, self.vault_menu)
        self.new_action, self.save_action, self.revert_action = a.new, a.save, a.revert
        self.delete_action, self.quit_action, self.themes_action = a.delete, a.quit, a.themes
        self.language_group, self.lock_action, self.hide_action = a.languages, a.lock, a.hide
        self.export_calendar_action, self.print_frames_action = a.export_calendar, a.print_frames
        self.export_my_meetings_action = a.export_my_meetings
        self.tools = GroupTools(self, repo, self.page, self.notice, clock, a)
        self.quick_hide = QuickHide(self, self._work_area(), a.hideable())
        self.setCentralWidget(self.quick_hide.stack)
        self._connect()
        self.retranslate()
        self._restore_geometry()
        self.refresh_list()
        self._select_first_group()

    # set-up -----------------------------------------------------------------------------
    def _work_area(self) -> QWidget:
        """The notice bar over the list and the page: what quick-hide takes off screen."""
        splitter = QSplitter(self)
        splitter.addWidget(self.list_panel)
        splitter.addWidget(self.workspace)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([580, 620])
        self.tabs.addTab(splitter, "")
        self.tabs.addTab(self.upcoming, "")
        self.tabs.addTab(self.month, "")
        self.tabs.setDocumentMode(True)
        self.work_area = QWidget(self)
        column = QVBoxLayout(self.work_area)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.notice)
        column.addWidget(self.tabs, 1)
        return self.work_area


    def _connect(self) -> None:
        self.new_action.triggered.connect(self._on_new_action_triggered)
        self.save_action.triggered.connect(self._on_save_action_triggered)
        self.revert_action.triggered.connect(self._on_revert_action_triggered)
        self.delete_action.triggered.connect(self._on_delete_action_triggered)
        self.quit_action.triggered.connect(self.close)
        self.lock_action.triggered.connect(self.lock_requested)
        self.hide_action.triggered.connect(self.quick_hide.hide_content)
        if self.vault_menu is not None:
            self.vault_menu.notice_posted.connect(self.notice.show_notice)
        self.themes_action.toggled.connect(self.list_panel.set_themes_visible)
        self.language_group.triggered.connect(self._on_language_group_triggered)
        selection = self.list_panel.table.selectionModel()
        selection.currentRowChanged.connect(self._on_selection_current_row_changed)
        self.page.dirty_changed.connect(self._on_page_dirty_changed)
        self.page.group_saved.connect(self._on_page_group_saved)
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        self.meeting_actions.changed.connect(self._on_meeting_actions_changed)
        self.upcoming.group_chosen.connect(self._on_upcoming_group_chosen)
        self.tools.meeting_mode_changed.connect(self.meeting_mode_changed)
        self.tools.group_touched.connect(self._on_group_touched)
        self.workspace.status_changed.connect(self._on_group_touched)
        self.workspace.restarted.connect(self._on_workspace_restarted)
        self._on_page_dirty_changed(False)

    def _restore_geometry(self) -> None:
        geometry = self._settings.window_geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(*DEFAULT_SIZE)

    # the list ---------------------------------------------------------------------------
    def refresh_list(self) -> None:
        """Reload the rows and keep the page's group selected."""
        self.model.set_rows(group_overview(self._repo, self._clock()))
        self._select_in_list(self.page.group_id())
        self._update_actions()

    def _select_first_group(self) -> None:
        first = self.model.group_id(0)
        if first is not None and self.page.show_group(first):
            self._select_in_list(first)
            self._update_actions()

    def _select_in_list(self, group_id: str | None) -> None:
        """Select ``group_id`` (None clears) without treating it as the user's choice."""
        table = self.list_panel.table
        selection = table.selectionModel()
        row = self.model.row_of(group_id) if group_id else -1
        self._syncing = True
        try:
            if row < 0:
                selection.clearSelection()
                selection.setCurrentIndex(QModelIndex(), QItemSelectionModel.SelectionFlag.Clear)
            else:
                index = self.model.index(row, GroupColumn.NAME)
                selection.setCurrentIndex(
                    index,
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
                table.scrollTo(index)
        finally:
            self._syncing = False

    def may_leave_page(self) -> bool:
        return self._may_leave_page()

    def _may_leave_page(self) -> bool:
        """True when the page has no unsaved changes left (saved or discarded)."""
        if not self.page.is_dirty():
            return True
        choice = message_boxes.ask_unsaved_changes(self)
        if choice is UnsavedChoice.SAVE:
            return self.page.save()
        return choice is UnsavedChoice.DISCARD

    def _on_selection_current_row_changed(self, current: QModelIndex, _prev: QModelIndex) -> None:
        if self._syncing:
            return
        wanted = self.model.group_id(current.row()) if current.isValid() else None
        if wanted == self.page.group_id():
            return
        if not self._may_leave_page():
            # Put the selection back once the click that moved it has been handled (bound to
            # the window: a lock while the question was open may have deleted it).
            QTimer.singleShot(0, self, lambda: self._select_in_list(self.page.group_id()))
            return
        if wanted is None or not self.page.show_group(wanted):
            self.page.start_new_group()
        self._select_in_list(self.page.group_id())
        self._update_actions()

    # actions ----------------------------------------------------------------------------
    def _on_new_action_triggered(self) -> None:
        if not self._may_leave_page():
            return
        self.page.start_new_group()
        self._select_in_list(None)
        self._update_actions()

    def _on_save_action_triggered(self) -> None:
        self.page.save()

    def _on_revert_action_triggered(self) -> None:
        self.page.revert()

    def _on_delete_action_triggered(self) -> None:
        group_id = self.page.group_id()
        group = self._repo.group(group_id) if group_id else None
        if group is None:
            return
        if not message_boxes.confirm(
            self,
            _("Delete group"),
            _("Delete the group “{name}”? Its meeting times, frames and attendance "
              "counts are deleted too. This cannot be undone.").format(name=group.name),
            _("Delete group"),
        ):
            return
        row = self.model.row_of(group.id)
        try:
            delete_group(self._repo, group.id)
            self._purge(group.id)  # its contact list, also from the rolling backups
        except VaultError as err:
            self.page.message.show_message(_(err.message))
            return
        self.page.start_new_group()
        self.refresh_list()
        neighbour = self.model.group_id(min(row, self.model.rowCount() - 1))
        if neighbour is not None and self.page.show_group(neighbour):
            self._select_in_list(neighbour)
        self._update_actions()

    def _on_page_group_saved(self, saved: Saved) -> None:
        from initiator_desktop.core.preparation import purge_if_due

        # A status moved past "starting" by hand: the contact list goes now, as promised.
        try:
            purge_if_due(self._repo, saved.group_id, self._clock().date(), self._purge)
        except VaultError as err:
            self.notice.show_notice(_(err.message))
        self.refresh_list()
        self._refresh_calendar_tab()

    # calendar ---------------------------------------------------------------------------
    def _refresh_calendar_tab(self) -> None:
        current = self.tabs.currentWidget()
        if current is self.upcoming:
            self.upcoming.refresh()
        elif current is self.month:
            self.month.refresh()

    def _on_tabs_current_changed(self, _index: int) -> None:
        if not self._locking:
            self._refresh_calendar_tab()

    def _on_meeting_actions_changed(self, group_id: str) -> None:
        self.refresh_list()
        if self.page.group_id() == group_id and not self.page.is_dirty():
            self.page.show_group(group_id)
        self._refresh_calendar_tab()

    def _on_upcoming_group_chosen(self, group_id: str) -> None:
        if group_id != self.page.group_id() and not (
                self._may_leave_page() and self.page.show_group(group_id)):
            return
        self.tabs.setCurrentIndex(0)
        self._select_in_list(group_id)
        self._update_actions()

    # records changed outside the page ----------------------------------------------------
    def _on_group_touched(self, group_id: str) -> None:
        """A tool or a tab changed the group (status, frames agreed, meeting changes)."""
        self.refresh_list()
        if self.page.group_id() == group_id and not self.page.is_dirty():
            self.page.show_group(group_id)
        self._refresh_calendar_tab()

    def _on_workspace_restarted(self, new_id: str) -> None:
        self.refresh_list()
        if self.page.show_group(new_id):
            self._select_in_list(new_id)
            self._update_actions()

    def _on_page_dirty_changed(self, dirty: bool) -> None:
        self.save_action.setEnabled(dirty)
        self.revert_action.setEnabled(dirty)

    def _update_actions(self) -> None:
        stored = self.page.group_id() is not None
        a = self.main_actions
        for action in (a.delete, a.export_calendar, a.print_frames, a.meeting_mode,
                       a.run_sheets, a.reflection):
            action.setEnabled(stored)

    def _on_language_group_triggered(self, action: QAction) -> None:
        apply_language(str(action.data()), self._settings)

    # window -----------------------------------------------------------------------------
    def show_notice(self, text: str) -> None:
        self.notice.show_notice(text)

    def forget_content(self) -> None:
        """Empty every view of vault data, before the window is closed for a lock."""
        self._locking = True
        self.page.start_new_group()
        self.model.set_rows([])
        self.workspace.forget()
        self.upcoming.forget()
        self.month.forget()
        self.notice.clear_notice()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # The window has its QWindow only once shown: let the quick-hide keys watch it.
        self.quick_hide.keys.watch_windows()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._locking and not self._may_leave_page():
            event.ignore()
            return
        self._settings.set_window_geometry(self.saveGeometry())
        event.accept()
        if not self._locking:
            self.closed.emit()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(app_display_name())
        self.main_actions.retranslate()
        self.model.retranslate()
        self.workspace.retranslate()
        for index, title in enumerate((_("Groups"), _("Upcoming"), _("Month"))):
            self.tabs.setTabText(index, title)
