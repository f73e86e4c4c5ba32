"""The main window: the group list on the left and the group page on the right.

The title is only the app's name: never a group name, theme, place or file name, since
the screen may be seen by the group or shown in a task bar.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QSplitter, QToolBar, QWidget

from initiator_desktop.core.group_page import Saved, delete_group, group_overview
from initiator_desktop.core.repository import VaultRepository
from initiator_desktop.core.schedule import OSLO
from initiator_desktop.i18n import LANGUAGES, _, current_language
from initiator_desktop.storage.errors import VaultError
from initiator_desktop.ui import message_boxes
from initiator_desktop.ui.groups.group_list_panel import GroupListPanel
from initiator_desktop.ui.groups.group_page_widget import GroupPageWidget
from initiator_desktop.ui.groups.group_table_model import GroupColumn, GroupTableModel
from initiator_desktop.ui.language import LANGUAGE_NAMES, app_display_name, apply_language
from initiator_desktop.ui.message_boxes import UnsavedChoice
from initiator_desktop.ui.settings import AppSettings

DEFAULT_SIZE = (1200, 760)


def oslo_now() -> datetime:
    return datetime.now(OSLO)


class MainWindow(QMainWindow):
    """Works on an open vault's repository; the caller opens and closes the vault."""

    def __init__(
        self,
        repo: VaultRepository,
        settings: AppSettings,
        clock: Callable[[], datetime] = oslo_now,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._repo = repo
        self._settings = settings
        self._clock = clock
        self._syncing = False
        self.model = GroupTableModel(self)
        self.list_panel = GroupListPanel(self.model, self)
        self.page = GroupPageWidget(repo, self)
        self._create_actions()
        self._create_menus_and_toolbar()
        splitter = QSplitter(self)
        splitter.addWidget(self.list_panel)
        splitter.addWidget(self.page)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([520, 680])
        self.setCentralWidget(splitter)
        self._connect()
        self.retranslate()
        self._restore_geometry()
        self.refresh_list()
        self._select_first_group()

    # set-up -----------------------------------------------------------------------------
    def _create_actions(self) -> None:
        self.new_action = QAction(self)
        self.new_action.setShortcut(QKeySequence("Ctrl+N"))
        self.save_action = QAction(self)
        self.save_action.setShortcut(QKeySequence("Ctrl+S"))
        self.revert_action = QAction(self)
        self.delete_action = QAction(self)
        self.delete_action.setShortcut(QKeySequence(Qt.Key.Key_Delete))
        # Del deletes a group only from the list; in a text field it deletes text.
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.list_panel.table.addAction(self.delete_action)
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.themes_action = QAction(self)
        self.themes_action.setCheckable(True)
        self.language_group = QActionGroup(self)
        self.language_group.setExclusive(True)
        for code in LANGUAGES:
            action = QAction(LANGUAGE_NAMES[code], self)
            action.setCheckable(True)
            action.setData(code)
            self.language_group.addAction(action)

    def _create_menus_and_toolbar(self) -> None:
        self.file_menu = QMenu(self)
        self.file_menu.addAction(self.quit_action)
        self.group_menu = QMenu(self)
        for action in (self.new_action, self.save_action, self.revert_action):
            self.group_menu.addAction(action)
        self.group_menu.addSeparator()
        self.group_menu.addAction(self.delete_action)
        self.view_menu = QMenu(self)
        self.view_menu.addAction(self.themes_action)
        self.view_menu.addSeparator()
        self.language_menu = self.view_menu.addMenu("")
        self.language_menu.addActions(self.language_group.actions())
        for menu in (self.file_menu, self.group_menu, self.view_menu):
            self.menuBar().addMenu(menu)
        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("main_toolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setFloatable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toolbar.setContextMenuPolicy(Qt.ContextMenuPolicy.PreventContextMenu)
        for action in (self.new_action, self.save_action, self.delete_action):
            self.toolbar.addAction(action)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)

    def _connect(self) -> None:
        self.new_action.triggered.connect(self._on_new_action_triggered)
        self.save_action.triggered.connect(self._on_save_action_triggered)
        self.revert_action.triggered.connect(self._on_revert_action_triggered)
        self.delete_action.triggered.connect(self._on_delete_action_triggered)
        self.quit_action.triggered.connect(self.close)
        self.themes_action.toggled.connect(self.list_panel.set_themes_visible)
        self.language_group.triggered.connect(self._on_language_group_triggered)
        selection = self.list_panel.table.selectionModel()
        selection.currentRowChanged.connect(self._on_selection_current_row_changed)
        self.page.dirty_changed.connect(self._on_page_dirty_changed)
        self.page.group_saved.connect(self._on_page_group_saved)
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
            # Put the selection back once the click that moved it has been handled.
            QTimer.singleShot(0, lambda: self._select_in_list(self.page.group_id()))
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
        except VaultError as err:
            self.page.message.show_message(_(err.message))
            return
        self.page.start_new_group()
        self.refresh_list()
        neighbour = self.model.group_id(min(row, self.model.rowCount() - 1))
        if neighbour is not None and self.page.show_group(neighbour):
            self._select_in_list(neighbour)
        self._update_actions()

    def _on_page_group_saved(self, _saved: Saved) -> None:
        self.refresh_list()

    def _on_page_dirty_changed(self, dirty: bool) -> None:
        self.save_action.setEnabled(dirty)
        self.revert_action.setEnabled(dirty)

    def _update_actions(self) -> None:
        self.delete_action.setEnabled(self.page.group_id() is not None)

    def _on_language_group_triggered(self, action: QAction) -> None:
        apply_language(str(action.data()), self._settings)

    # window -----------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._may_leave_page():
            event.ignore()
            return
        self._settings.set_window_geometry(self.saveGeometry())
        event.accept()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(app_display_name())
        self.file_menu.setTitle(_("&File"))
        self.group_menu.setTitle(_("&Group"))
        self.view_menu.setTitle(_("&View"))
        self.language_menu.setTitle(_("&Language"))
        self.toolbar.setWindowTitle(_("Toolbar"))
        self.new_action.setText(_("&New group"))
        self.save_action.setText(_("&Save"))
        self.revert_action.setText(_("&Revert changes"))
        self.delete_action.setText(_("&Delete group…"))
        self.quit_action.setText(_("&Quit"))
        self.themes_action.setText(_("Show &themes in the list"))
        self.themes_action.setToolTip(
            _("Themes are sensitive. Keep them hidden when others can see the screen.")
        )
        for action in self.language_group.actions():
            action.setChecked(action.data() == current_language())
        self.model.retranslate()
