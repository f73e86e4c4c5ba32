"""The main window's actions, shortcuts and texts, and where they sit in menus and tool bar.

The window connects and handles them; this module only makes and arranges them.
"""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QSizePolicy, QTableView, QToolBar, QWidget

from initiator_desktop.i18n import LANGUAGES, _, current_language
from initiator_desktop.ui.language import LANGUAGE_NAMES
from initiator_desktop.ui.vault.vault_menu import VaultMenu


def _action(window: QMainWindow, shortcut: str | QKeySequence | None = None) -> QAction:
    action = QAction(window)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    return action


class MainActions(QObject):
    """Builds the menu bar and the tool bar of ``window``."""

    def __init__(self, window: QMainWindow, table: QTableView,
                 vault_menu: VaultMenu | None) -> None:
        super().__init__(window)
        self._vault_menu = vault_menu
        self.lock = _action(window, "Ctrl+L")
        self.hide = _action(window)
        self.new = _action(window, "Ctrl+N")
        self.save = _action(window, "Ctrl+S")
        self.revert = _action(window)
        self.delete = _action(window, QKeySequence(Qt.Key.Key_Delete))
        # Del deletes a group only from the list; in a text field it deletes text.
        self.delete.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        table.addAction(self.delete)
        self.meeting_mode = _action(window, "F5")
        self.run_sheets = _action(window)
        self.reflection = _action(window)
        self.print_frames = _action(window, "Ctrl+P")
        self.frame_profiles = _action(window)
        self.export_calendar = _action(window)
        self.report = _action(window)
        self.course_reader = _action(window)
        self.present = _action(window)
        self.course_runs = _action(window)
        self.export_my_meetings = _action(window)
        self.quit = _action(window, "Ctrl+Q")
        self.quit.setMenuRole(QAction.MenuRole.QuitRole)
        self.themes = _action(window)
        self.themes.setCheckable(True)
        self.languages = QActionGroup(window)
        self.languages.setExclusive(True)
        for code in LANGUAGES:
            action = QAction(LANGUAGE_NAMES[code], window)
            action.setCheckable(True)
            action.setData(code)
            self.languages.addAction(action)
        self._build_menus(window)
        self._build_tool_bar(window)
        # On the window too, so Ctrl+L works while quick-hide hides the bars.
        window.addActions([self.lock, self.hide])

    def _window(self) -> QMainWindow:
        # Looked up, not stored: a reference back to the window would make a cycle that
        # keeps the window's Python side (and its vault data) alive after it is deleted.
        return cast(QMainWindow, self.parent())

    def hideable(self) -> list[QAction]:
        """What stops answering while the screen is hidden: all but locking and hiding."""
        keep = {self.lock, self.hide}
        actions = [*self._window().findChildren(QAction)]
        if self._vault_menu is not None:
            actions += self._vault_menu.findChildren(QAction)
        return [a for a in dict.fromkeys(actions)
                if a not in keep and not a.isSeparator() and a.menu() is None]

    def _build_menus(self, window: QMainWindow) -> None:
        vault_menu = self._vault_menu
        self.file_menu = QMenu(window)
        if vault_menu is not None:
            self.file_menu.addAction(vault_menu.settings_action)
            self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit)
        self.vault_menu = vault_menu or QMenu(window)
        self.vault_menu.addAction(self.lock)
        self.vault_menu.addAction(self.hide)
        if vault_menu is not None:
            vault_menu.add_vault_actions()
        self.group_menu = QMenu(window)
        for action in (self.new, self.save, self.revert):
            self.group_menu.addAction(action)
        self.group_menu.addSeparator()
        self.group_menu.addAction(self.meeting_mode)
        self.group_menu.addAction(self.run_sheets)
        self.group_menu.addAction(self.reflection)
        self.group_menu.addSeparator()
        self.group_menu.addAction(self.print_frames)
        self.group_menu.addAction(self.frame_profiles)
        self.group_menu.addAction(self.export_calendar)
        self.group_menu.addAction(self.export_my_meetings)
        self.group_menu.addAction(self.report)
        self.group_menu.addSeparator()
        self.group_menu.addAction(self.delete)
        self.course_menu = QMenu(window)
        for action in (self.course_reader, self.present, self.course_runs):
            self.course_menu.addAction(action)
        self.view_menu = QMenu(window)
        self.view_menu.addAction(self.themes)
        self.view_menu.addSeparator()
        self.language_menu = self.view_menu.addMenu("")
        self.language_menu.addActions(self.languages.actions())
        for menu in (self.file_menu, self.vault_menu, self.group_menu, self.course_menu,
                     self.view_menu):
            window.menuBar().addMenu(menu)

    def _build_tool_bar(self, window: QMainWindow) -> None:
        self.toolbar = toolbar = QToolBar(window)
        toolbar.setObjectName("main_toolbar")
        toolbar.setMovable(False)
        toolbar.setFloatable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        toolbar.setContextMenuPolicy(Qt.ContextMenuPolicy.PreventContextMenu)
        for action in (self.new, self.save, self.delete):
            toolbar.addAction(action)
        toolbar.addSeparator()
        toolbar.addAction(self.meeting_mode)
        # Hide and Lock at the far end, away from the everyday buttons.
        spacer = QWidget(toolbar)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(spacer)
        toolbar.addAction(self.hide)
        toolbar.addAction(self.lock)
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)

    def retranslate(self) -> None:
        self.file_menu.setTitle(_("&File"))
        if self._vault_menu is None:
            self.vault_menu.setTitle(_("&Vault"))
        self.group_menu.setTitle(_("&Group"))
        self.course_menu.setTitle(_("&Course"))
        self.meeting_mode.setText(_("Start &meeting mode"))
        self.meeting_mode.setToolTip(_("Full screen for the group's meeting: run sheet, "
                                       "speaking rounds and attendance (F5)"))
        self.run_sheets.setText(_("Edit the &run sheets…"))
        self.reflection.setText(_("Re&flection after the meeting…"))
        self.reflection.setToolTip(_("A private log about your own role, kept in the vault"))
        self.frame_profiles.setText(_("Frame &profiles…"))
        self.report.setText(_("Report for a &period…"))
        self.report.setToolTip(_("Groups, meetings and attendance for a period, with small "
                                 "numbers hidden"))
        self.course_reader.setText(_("&Initiator course (self-study)…"))
        self.present.setText(_("&Present a course module…"))
        self.course_runs.setText(_("Course &runs and certificates…"))
        self.view_menu.setTitle(_("&View"))
        self.language_menu.setTitle(_("&Language"))
        self.toolbar.setWindowTitle(_("Toolbar"))
        self.lock.setText(_("&Lock"))
        self.lock.setToolTip(_("Lock the vault (Ctrl+L)"))
        self.hide.setText(_("&Hide the screen"))
        self.hide.setToolTip(_("Hide everything at once (F12, or Esc twice)"))
        self.new.setText(_("&New group"))
        self.save.setText(_("&Save"))
        self.revert.setText(_("&Revert changes"))
        self.delete.setText(_("&Delete group…"))
        self.print_frames.setText(_("&Print frame cards…"))
        self.export_calendar.setText(_("Export the group's &calendar…"))
        self.export_my_meetings.setText(_("Export &my meetings as a calendar…"))
        self.quit.setText(_("&Quit"))
        self.themes.setText(_("Show &themes in the list"))
        self.themes.setToolTip(
            _("Themes are sensitive. Keep them hidden when others can see the screen.")
        )
        for action in self.languages.actions():
            action.setChecked(action.data() == current_language())
