"""Locking: on demand, after inactivity, from the system; unsaved work and open dialogs."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from initiator_desktop.core.content import VaultContent
from initiator_desktop.core.lock_policy import LockReason
from initiator_desktop.storage.drafts import load_draft
from initiator_desktop.storage.vault import Vault
from initiator_desktop.ui import message_boxes
from initiator_desktop.ui.app_session import AppSession
from initiator_desktop.ui.groups import page_draft
from initiator_desktop.ui.lock.clipboard_guard import shared_clipboard_guard
from initiator_desktop.ui.lock.system_lock_signals import SystemLockSignals
from initiator_desktop.ui.main_window import MainWindow
from initiator_desktop.ui.message_boxes import UnsavedChoice
from initiator_desktop.ui.start.start_dialog import OPEN_TAB
from tests.ui.conftest import PASSPHRASE, SessionStarter, locked_dialog, unlock
from tests.ui.widget_texts import demo_secrets, leaked

CTRL = Qt.KeyboardModifier.ControlModifier


def activate(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def use_a_little(window: MainWindow) -> None:
    """Show the themes and a second group, so that vault text is on screen."""
    window.themes_action.trigger()
    window.list_panel.table.setCurrentIndex(window.model.index(1, 0))


def test_ctrl_l_locks_and_leaves_no_vault_text_behind(
    qtbot: QtBot, demo_vault: tuple[Path, VaultContent], start_session: SessionStarter
) -> None:
    path, content = demo_vault
    session = start_session(path)
    window = unlock(qtbot, session)
    vault = session.vault
    assert vault is not None and vault.is_open
    use_a_little(window)
    secrets = demo_secrets(content)
    assert leaked(secrets), "the unlocked window shows vault text (the check can see it)"

    activate(qtbot, window)
    with qtbot.waitSignal(session.locked):
        qtbot.keyClick(window.list_panel.table, Qt.Key.Key_L, CTRL)

    assert not vault.is_open
    dialog = locked_dialog(qtbot, session)
    assert dialog.tabs.currentIndex() == OPEN_TAB
    assert dialog.open_page.selected_path() == path
    assert dialog.heading.text() == "The vault is locked"
    assert leaked(secrets) == set()
    qtbot.waitUntil(lambda: not shiboken6.isValid(window))
    assert leaked(secrets) == set()


def test_the_toolbar_lock_button_and_unlocking_again(
    qtbot: QtBot, filled_vault: Vault, start_session: SessionStarter
) -> None:
    path = filled_vault.path
    filled_vault.close()
    session = start_session(path)
    window = unlock(qtbot, session)
    button = window.main_actions.toolbar.widgetForAction(window.lock_action)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert session.vault is None
    locked_dialog(qtbot, session)
    window = unlock(qtbot, session)
    assert window.model.rowCount() == 3


def test_a_manual_lock_asks_about_unsaved_changes(
    qtbot: QtBot, filled_vault: Vault, start_session: SessionStarter,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = filled_vault.path
    filled_vault.close()
    session = start_session(path)
    window = unlock(qtbot, session)
    qtbot.keyClicks(window.page.details.theme, " og savn")
    answers = iter([UnsavedChoice.CANCEL, UnsavedChoice.SAVE])
    monkeypatch.setattr(message_boxes, "ask_unsaved_changes", lambda _parent: next(answers))

    assert not session.lock(LockReason.MANUAL)
    assert session.vault is not None and window.page.is_dirty()

    assert session.lock(LockReason.MANUAL)
    locked_dialog(qtbot, session)
    with Vault.open(path, PASSPHRASE) as vault:
        assert any(g.theme.endswith(" og savn") for g in vault.repo.groups())


def test_auto_lock_after_inactivity(
    qtbot: QtBot, filled_vault: Vault, start_session: SessionStarter
) -> None:
    path = filled_vault.path
    filled_vault.close()
    session = start_session(path, idle_ms=100)
    unlock(qtbot, session)
    with qtbot.waitSignal(session.locked, timeout=5000):
        pass
    assert session.vault is None
    locked_dialog(qtbot, session)


def test_input_postpones_the_auto_lock(
    qtbot: QtBot, filled_vault: Vault, start_session: SessionStarter
) -> None:
    path = filled_vault.path
    filled_vault.close()
    session = start_session(path, idle_ms=400)
    window = unlock(qtbot, session)
    started = time.monotonic()
    presses: list[float] = []
    locked_at: list[float] = []
    session.locked.connect(lambda: locked_at.append(time.monotonic()))

    def press() -> None:
        if len(presses) < 6 and session.window is not None:
            qtbot.keyClick(window.windowHandle(), Qt.Key.Key_Shift)
            presses.append(time.monotonic())
            QTimer.singleShot(100, press)

    press()
    qtbot.waitUntil(lambda: bool(locked_at), timeout=10_000)
    # Presses went on after the start, and the lock came only a full idle period after
    # the last of them: each press pushed the deadline back. (Lower bounds only, so a
    # slow machine cannot make this flaky.)
    assert len(presses) >= 2 and presses[-1] - started >= 0.09
    assert locked_at[0] - presses[-1] >= 0.39
    assert locked_at[0] - started >= 0.49


def test_auto_lock_keeps_invalid_edits_as_a_draft_and_restores_them(
    qtbot: QtBot, filled_vault: Vault, start_session: SessionStarter
) -> None:
    path = filled_vault.path
    filled_vault.close()
    session = start_session(path, idle_ms=60_000)
    window = unlock(qtbot, session)
    page = window.page
    group_id = page.group_id()
    page.details.name.clear()  # a group needs a name: this page cannot be saved
    page.details.name.textEdited.emit("")
    qtbot.keyClicks(page.details.theme, " og ensomhet")
    page.place.access_notes.setPlainText("Ring på hos vaktmesteren")
    assert page.is_dirty()

    assert session.lock(LockReason.IDLE)
    with Vault.open(path, PASSPHRASE) as vault:
        stored = {g.id: g for g in vault.repo.groups()}
        assert stored[group_id].name  # nothing invalid was saved
        payload = load_draft(vault, page_draft.DRAFT_KEY)
        assert payload is not None and "og ensomhet" in payload

    locked_dialog(qtbot, session)
    window = unlock(qtbot, session)
    page = window.page
    assert page.group_id() == group_id
    assert page.is_dirty()
    assert page.details.name.text() == ""
    assert page.details.theme.text().endswith(" og ensomhet")
    assert page.place.access_notes.toPlainText() == "Ring på hos vaktmesteren"
    assert window.notice.isVisible()
    assert "restored" in window.notice.text()
    assert window.list_panel.table.currentIndex().row() == window.model.row_of(group_id)
    # The draft stays until the page is saved or reverted (a crash must not lose it).
    assert session.vault is not None
    assert load_draft(session.vault, page_draft.DRAFT_KEY) is not None
    page.details.name.setText("Ny gruppe igjen")
    page.details.name.textEdited.emit("Ny gruppe igjen")
    assert page.save()
    assert load_draft(session.vault, page_draft.DRAFT_KEY) is None


def test_auto_lock_saves_valid_edits(
    qtbot: QtBot, filled_vault: Vault, start_session: SessionStarter
) -> None:
    path = filled_vault.path
    filled_vault.close()
    session = start_session(path, idle_ms=100)
    window = unlock(qtbot, session)
    qtbot.keyClicks(window.page.details.theme, " og lengsel")
    with qtbot.waitSignal(session.locked, timeout=5000):
        pass
    with Vault.open(path, PASSPHRASE) as vault:
        assert any(g.theme.endswith(" og lengsel") for g in vault.repo.groups())
        assert load_draft(vault, page_draft.DRAFT_KEY) is None


def test_a_lock_closes_an_open_message_box(
    qtbot: QtBot, filled_vault: Vault, start_session: SessionStarter
) -> None:
    path = filled_vault.path
    filled_vault.close()
    session = start_session(path, idle_ms=150)
    window = unlock(qtbot, session)
    box = QMessageBox(QMessageBox.Icon.Question, "Question", "Delete it?", parent=window)
    box.addButton("Yes", QMessageBox.ButtonRole.AcceptRole)
    qtbot.addWidget(box)
    box.exec()  # returns only because the auto-lock closes it
    assert session.vault is None
    assert not box.isVisible()
    locked_dialog(qtbot, session)


def test_a_lock_closes_an_open_dialog(
    qtbot: QtBot, filled_vault: Vault, start_session: SessionStarter
) -> None:
    path = filled_vault.path
    filled_vault.close()
    session = start_session(path)
    window = unlock(qtbot, session)
    dialog = QDialog(window)
    qtbot.addWidget(dialog)
    QTimer.singleShot(0, lambda: session.lock(LockReason.MANUAL))
    assert dialog.exec() == QDialog.DialogCode.Rejected
    assert session.vault is None
    assert not dialog.isVisible()
    locked_dialog(qtbot, session)


def test_the_unsaved_question_gives_way_to_an_auto_lock(
    qtbot: QtBot, filled_vault: Vault, start_session: SessionStarter,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = filled_vault.path
    filled_vault.close()
    session = start_session(path, idle_ms=150)
    window = unlock(qtbot, session)
    qtbot.keyClicks(window.page.details.theme, " og tap")
    monkeypatch.setattr(message_boxes, "ask_unsaved_changes",
                        lambda parent: real_question(parent))
    assert not session.lock(LockReason.MANUAL)  # the auto-lock came first, while asking
    assert session.vault is None
    locked_dialog(qtbot, session)
    with Vault.open(path, PASSPHRASE) as vault:
        assert any(g.theme.endswith(" og tap") for g in vault.repo.groups())


def real_question(parent: object) -> UnsavedChoice:
    box = QMessageBox(QMessageBox.Icon.Question, "Unsaved", "Save?", parent=parent)  # type: ignore[arg-type]
    box.addButton("Save", QMessageBox.ButtonRole.AcceptRole)
    box.exec()
    return UnsavedChoice.SAVE if box.clickedButton() else UnsavedChoice.CANCEL


def test_the_system_signals_lock(
    qtbot: QtBot, filled_vault: Vault, start_session: SessionStarter
) -> None:
    path = filled_vault.path
    filled_vault.close()
    session = start_session(path)
    unlock(qtbot, session)
    watcher = session.findChild(SystemLockSignals)
    assert watcher is not None
    with qtbot.waitSignal(session.locked):
        watcher._on_screensaver_active_changed(True)
    locked_dialog(qtbot, session)


def test_system_signals_without_dbus_do_not_fail(qtbot: QtBot) -> None:
    watcher = SystemLockSignals(use_dbus=True)  # no bus here: nothing connects, nothing fails
    requests: list[int] = []
    watcher.lock_requested.connect(lambda: requests.append(1))
    watcher._on_logind_prepare_for_sleep(False)
    watcher._on_screensaver_active_changed(False)
    watcher._on_app_application_state_changed(Qt.ApplicationState.ApplicationActive)
    assert requests == []
    watcher._on_logind_prepare_for_sleep(True)
    watcher._on_app_application_state_changed(Qt.ApplicationState.ApplicationSuspended)
    assert requests == [1, 1]


def test_unlocking_makes_a_rolling_backup(
    qtbot: QtBot, filled_vault: Vault, start_session: SessionStarter, tmp_path: Path
) -> None:
    path = filled_vault.path
    vault_id = filled_vault.keys.vault_id
    filled_vault.close()
    session = start_session(path)
    unlock(qtbot, session)
    assert session.last_backup is not None and session.last_backup.is_file()
    assert session.last_backup.parent == tmp_path / "backups" / vault_id


def test_a_lock_clears_the_clipboard_if_it_holds_our_text(
    qtbot: QtBot, filled_vault: Vault, start_session: SessionStarter
) -> None:
    path = filled_vault.path
    filled_vault.close()
    session = start_session(path)
    unlock(qtbot, session)
    shared_clipboard_guard().copy("123456-000000")
    assert session.lock(LockReason.MANUAL)
    assert QGuiApplication.clipboard().text() == ""
    locked_dialog(qtbot, session)


def test_closing_the_window_ends_the_session(
    qtbot: QtBot, filled_vault: Vault, start_session: SessionStarter
) -> None:
    path = filled_vault.path
    filled_vault.close()
    session: AppSession = start_session(path)
    window = unlock(qtbot, session)
    vault = session.vault
    with qtbot.waitSignal(session.finished):
        window.close()
    assert vault is not None and not vault.is_open


def test_quitting_from_outside_keeps_unsaved_work(
    qtbot: QtBot, filled_vault: Vault, start_session: SessionStarter
) -> None:
    path = filled_vault.path
    filled_vault.close()
    session = start_session(path)
    window = unlock(qtbot, session)
    window.page.details.name.clear()
    window.page.details.name.textEdited.emit("")
    assert window.page.is_dirty()
    session.shutdown()  # what the app does on aboutToQuit, e.g. at logout
    with Vault.open(path, PASSPHRASE) as vault:
        assert load_draft(vault, page_draft.DRAFT_KEY) is not None
