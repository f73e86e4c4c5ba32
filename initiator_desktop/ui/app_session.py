"""The app session: unlock, work, lock and unlock again, until the person quits.

It owns the open vault and the window that shows it (the start dialog or the main
window), and it alone locks: on request, after inactivity, after quick-hide, or when the
system sleeps or locks the screen. Locking closes the vault and destroys the main window.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from initiator_desktop.core.clock import oslo_now
from initiator_desktop.core.lock_policy import LockReason, UnsavedAction, unsaved_action
from initiator_desktop.i18n import _
from initiator_desktop.storage.backup import rolling_backup
from initiator_desktop.storage.drafts import delete_draft, load_draft, save_draft
from initiator_desktop.storage.errors import VaultError
from initiator_desktop.storage.locations import data_dir
from initiator_desktop.storage.vault import Vault
from initiator_desktop.ui import message_boxes
from initiator_desktop.ui.lock.clipboard_guard import shared_clipboard_guard
from initiator_desktop.ui.lock.idle_watcher import IdleWatcher
from initiator_desktop.ui.lock.system_lock_signals import SystemLockSignals
from initiator_desktop.ui.lock.window_sweep import close_open_dialogs
from initiator_desktop.ui.message_boxes import UnsavedChoice
from initiator_desktop.ui.settings import AppSettings
from initiator_desktop.ui.start.path_choosers import (
    PathChooser,
    choose_existing_vault,
    choose_new_vault,
)
from initiator_desktop.ui.start.start_dialog import StartDialog
from initiator_desktop.ui.vault.backup_files import (
    choose_backup_destination,
    choose_backup_source,
)

if TYPE_CHECKING:
    from initiator_desktop.ui.main_window import MainWindow


def preload_main_window() -> None:
    """Import the main window's modules, e.g. while the person types the passphrase.

    They are not needed for the unlock screen, so start-up does not wait for them.
    """
    from initiator_desktop.ui import main_window  # noqa: F401
    from initiator_desktop.ui.groups import page_draft  # noqa: F401


@dataclass(frozen=True, slots=True)
class SessionOptions:
    """Injected dialogs and, for tests, short timings (None: from the settings)."""

    idle_ms: int | None = None
    hide_lock_ms: int | None = None
    backup_folder: Path | None = None
    clock: Callable[[], datetime] = oslo_now
    choose_existing: PathChooser = choose_existing_vault
    choose_new: PathChooser = choose_new_vault
    choose_backup_source: PathChooser = choose_backup_source
    choose_backup_destination: PathChooser = choose_backup_destination
    use_dbus: bool = True


class AppSession(QObject):
    """``finished`` when the person quits (or closes the start dialog)."""

    finished = Signal()
    locked = Signal()
    unlocked = Signal()

    def __init__(self, settings: AppSettings, *, preselected: Path | None = None,
                 demo_passphrase: str | None = None,
                 options: SessionOptions | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self._path = preselected
        self._demo_passphrase = demo_passphrase
        self._options = options or SessionOptions()
        self.dialog: StartDialog | None = None
        self.window: MainWindow | None = None
        self.vault: Vault | None = None
        self.last_backup: Path | None = None
        self._retired: list[QWidget] = []
        self._idle = IdleWatcher(parent=self)
        self._idle.idle_timed_out.connect(self._on_idle_idle_timed_out)
        self._hide_timer = QTimer(self)
        self._hide_timer.setSingleShot(True)
        self._hide_timer.timeout.connect(self._on_hide_timer_timeout)
        self._system = SystemLockSignals(self, use_dbus=self._options.use_dbus)
        self._system.lock_requested.connect(self._on_system_lock_requested)

    # unlocking --------------------------------------------------------------------------
    def start(self) -> None:
        self._show_start_dialog(locked=False)
        # After the unlock screen is painted, while the person types.
        QTimer.singleShot(50, preload_main_window)

    def _show_start_dialog(self, *, locked: bool) -> None:
        o = self._options
        dialog = StartDialog(
            self._settings, preselected=self._path, demo_passphrase=self._demo_passphrase,
            choose_existing=o.choose_existing, choose_new=o.choose_new,
            choose_backup=o.choose_backup_source, locked=locked,
        )
        dialog.vault_opened.connect(self._on_dialog_vault_opened)
        dialog.rejected.connect(self._on_dialog_rejected)
        self.dialog = dialog
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()

    def _retire(self, widget: QWidget) -> None:
        """Delete a window once control is back in the event loop.

        The reference is kept until then: a window without a parent belongs to Python,
        which would delete it at once, possibly inside one of its own signal handlers.
        """
        self._retired.append(widget)
        widget.destroyed.connect(self._on_retired_destroyed)
        widget.deleteLater()

    def _on_retired_destroyed(self) -> None:
        self._retired = [w for w in self._retired if shiboken6.isValid(w)]
        # The Python side of a deleted window (its models, the page's fields) often sits
        # in reference cycles: collect them soon, not whenever the collector next runs.
        QTimer.singleShot(0, self, gc.collect)

    def _on_dialog_rejected(self) -> None:
        if self.dialog is not None:
            self._retire(self.dialog)
            self.dialog = None
        if self.vault is None:
            self.finished.emit()

    def _on_dialog_vault_opened(self, vault: Vault) -> None:
        if self.dialog is not None:
            self._retire(self.dialog)
            self.dialog = None
        self.vault, self._path = vault, vault.path
        notices = [self._rolling_backup(vault)]
        from initiator_desktop.ui.main_window import MainWindow

        window = MainWindow(vault.repo, self._settings, self._options.clock, vault=vault,
                            choose_backup=self._options.choose_backup_destination,
                            backup_folder=self._backup_folder())
        window.lock_requested.connect(self._on_window_lock_requested)
        window.closed.connect(self._on_window_closed)
        window.meeting_mode_changed.connect(self._on_window_meeting_mode_changed)
        window.quick_hide.hidden_changed.connect(self._on_quick_hide_hidden_changed)
        if window.vault_menu is not None:
            window.vault_menu.settings_changed.connect(self._on_vault_menu_settings_changed)
        self.window = window
        notices.insert(0, self._restore_draft(vault, window))
        window.show_notice("\n".join(text for text in notices if text))
        window.show()
        self._start_idle()
        self.unlocked.emit()

    def _backup_folder(self) -> Path:
        return self._options.backup_folder or data_dir() / "backups"

    def _rolling_backup(self, vault: Vault) -> str:
        folder = self._backup_folder()
        try:
            self.last_backup = rolling_backup(vault, folder, self._settings.rolling_backups())
        except VaultError as err:
            return _("The automatic backup could not be written.") + " " + _(err.message)
        return ""

    def _restore_draft(self, vault: Vault, window: MainWindow) -> str:
        try:
            from initiator_desktop.ui.groups import page_draft

            payload = load_draft(vault, page_draft.DRAFT_KEY)
        except VaultError:
            return ""
        if payload is None or not page_draft.restore(window.page, payload):
            return ""
        # The draft stays in the vault until the page is saved or reverted, so a crash
        # before then does not lose it a second time.
        window.page.dirty_changed.connect(
            lambda dirty: None if dirty else self._forget_draft(vault))
        window.refresh_list()
        return _("Unsaved changes from before the lock were restored. Review them and save.")

    def _forget_draft(self, vault: Vault) -> None:
        # On failure it is simply offered again after the next unlock.
        if vault.is_open:
            from initiator_desktop.ui.groups import page_draft

            with contextlib.suppress(VaultError):
                delete_draft(vault, page_draft.DRAFT_KEY)

    # timers -----------------------------------------------------------------------------
    def _start_idle(self) -> None:
        ms = self._options.idle_ms
        if ms is None:
            ms = self._settings.auto_lock_minutes() * 60_000
        self._idle.watch_windows()
        self._idle.start(ms)

    def _hide_lock_ms(self) -> int:
        ms = self._options.hide_lock_ms
        return self._settings.quick_hide_seconds() * 1000 if ms is None else ms

    def _on_vault_menu_settings_changed(self) -> None:
        self._start_idle()

    def _on_window_meeting_mode_changed(self, running: bool) -> None:
        # Nobody touches the laptop while the group talks: no idle lock in a meeting.
        # Quick-hide, Ctrl+L, sleep and the screen saver still lock.
        if running:
            self._idle.stop()
        elif self.window is not None:  # not when meeting mode closed because of a lock
            self._start_idle()

    def _on_quick_hide_hidden_changed(self, hidden: bool) -> None:
        if not hidden:
            self._hide_timer.stop()
            return
        ms = max(0, self._hide_lock_ms())
        if self.window is not None:
            self.window.quick_hide.neutral.set_lock_delay(round(ms / 1000))
        self._hide_timer.start(ms)

    def _on_hide_timer_timeout(self) -> None:
        self.lock(LockReason.QUICK_HIDE)

    def _on_idle_idle_timed_out(self) -> None:
        self.lock(LockReason.IDLE)

    def _on_system_lock_requested(self) -> None:
        self.lock(LockReason.SYSTEM)

    def _on_window_lock_requested(self) -> None:
        self.lock(LockReason.MANUAL)

    # locking ----------------------------------------------------------------------------
    def lock(self, reason: LockReason = LockReason.MANUAL) -> bool:
        """Lock now; False if there was nothing to lock or the person cancelled."""
        window, vault = self.window, self.vault
        if window is None:
            return self._lock_start_dialog()
        if vault is None:
            return False
        if not self._keep_unsaved_work(window, vault, reason):
            return False
        if self.window is not window:
            return False  # locked already, by a trigger that came while we asked
        close_open_dialogs()
        self._close_window(window)
        shared_clipboard_guard().clear_if_ours()
        vault.close()
        self.vault = None
        self._show_start_dialog(locked=True)
        self.locked.emit()
        return True

    def _lock_start_dialog(self) -> bool:
        """Lock a vault the start dialog opened but has not handed over yet.

        It is open while the dialog shows a new recovery key or asks for a new passphrase;
        a screen lock or sleep must not leave it so.
        """
        dialog = self.dialog
        if dialog is None or dialog.vault() is None:
            return False
        dialog.rejected.disconnect(self._on_dialog_rejected)
        dialog.reject()  # closes the vault it holds
        self._retire(dialog)
        self.dialog = None
        shared_clipboard_guard().clear_if_ours()
        self._show_start_dialog(locked=True)
        self.locked.emit()
        return True

    def _keep_unsaved_work(self, window: MainWindow, vault: Vault, reason: LockReason) -> bool:
        page = window.page
        action = unsaved_action(reason, page.is_dirty())
        if action is UnsavedAction.NOTHING:
            return True
        if action is UnsavedAction.ASK:
            choice = message_boxes.ask_unsaved_changes(window)
            if self.window is not window:
                return False
            if choice is UnsavedChoice.SAVE:
                return page.save()
            return choice is UnsavedChoice.DISCARD
        if page.save():
            return True
        # Nobody is there to ask: if even the draft cannot be written, locking still wins.
        from initiator_desktop.ui.groups import page_draft

        with contextlib.suppress(VaultError):
            save_draft(vault, page_draft.DRAFT_KEY, page_draft.capture(page))
        return True

    def _close_window(self, window: MainWindow) -> None:
        self._idle.stop()
        self._hide_timer.stop()
        self.window = None
        window.forget_content()
        window.close()
        self._retire(window)

    # quitting ---------------------------------------------------------------------------
    def _on_window_closed(self) -> None:
        window, self.window = self.window, None
        self._idle.stop()
        self._hide_timer.stop()
        shared_clipboard_guard().clear_if_ours()
        if self.vault is not None:
            self.vault.close()
            self.vault = None
        if window is not None:
            self._retire(window)
        self.finished.emit()

    def shutdown(self) -> None:
        """Close everything without questions (the app is going away, e.g. at logout).

        Unsaved changes are kept as at an unattended lock: saved, or kept as a draft.
        """
        if self.window is not None and self.vault is not None:
            self._keep_unsaved_work(self.window, self.vault, LockReason.SYSTEM)
        if self.window is not None:
            self._close_window(self.window)
        if self.vault is not None:
            self.vault.close()
            self.vault = None
        if self.dialog is not None:
            dialog, self.dialog = self.dialog, None
            dialog.rejected.disconnect(self._on_dialog_rejected)
            dialog.reject()
            self._retire(dialog)
        shared_clipboard_guard().clear_if_ours()
