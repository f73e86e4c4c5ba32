"""Quick-hide: F12 or Esc twice puts up a neutral screen at once; F12 returns; then it locks."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from initiator_desktop.core.content import VaultContent
from initiator_desktop.ui.app_session import AppSession
from initiator_desktop.ui.lock.quick_hide_keys import QuickHideKeys
from initiator_desktop.ui.main_window import MainWindow
from tests.ui.conftest import SessionStarter, locked_dialog, unlock
from tests.ui.widget_texts import all_widgets, demo_secrets, leaked

F12, ESC = Qt.Key.Key_F12, Qt.Key.Key_Escape


def press(qtbot: QtBot, window: MainWindow, key: Qt.Key) -> None:
    """A key press as the window system delivers it: to the window, then to the focus."""
    qtbot.keyClick(window.windowHandle(), key)


def unlocked_demo(qtbot: QtBot, demo_vault: tuple[Path, VaultContent],
                  start_session: SessionStarter, **options: object
                  ) -> tuple[MainWindow, set[str], AppSession]:
    path, content = demo_vault
    session = start_session(path, **options)
    window = unlock(qtbot, session)
    window.themes_action.trigger()
    window.list_panel.table.setCurrentIndex(window.model.index(1, 0))
    secrets = demo_secrets(content)
    assert leaked(secrets, visible_only=True)
    return window, secrets, session


def assert_hidden(window: MainWindow, secrets: set[str]) -> None:
    assert window.quick_hide.is_hidden()
    assert window.quick_hide.neutral.isVisible()
    assert not window.page.isVisible() and not window.list_panel.isVisible()
    assert not window.menuBar().isVisible()
    visible = set(all_widgets(visible_only=True))
    assert window.page not in visible
    assert not any(w is window.page or window.page.isAncestorOf(w) for w in visible)
    assert leaked(secrets, visible_only=True) == set()
    assert window.windowTitle() == "Initiator Desktop"


def test_f12_hides_and_f12_comes_back(
    qtbot: QtBot, demo_vault: tuple[Path, VaultContent], start_session: SessionStarter
) -> None:
    window, secrets, session = unlocked_demo(qtbot, demo_vault, start_session,
                                             hide_lock_ms=60_000)
    with qtbot.waitSignal(window.quick_hide.hidden_changed):
        press(qtbot, window, F12)
    assert_hidden(window, secrets)
    assert "60 seconds" in window.quick_hide.neutral.lock_note.text()
    # Shortcuts of the hidden page do nothing meanwhile.
    assert not window.new_action.isEnabled() and not window.save_action.isEnabled()

    press(qtbot, window, F12)
    assert not window.quick_hide.is_hidden()
    assert window.page.isVisible() and window.menuBar().isVisible()
    assert window.new_action.isEnabled()
    assert session.vault is not None


def test_escape_twice_hides_and_the_button_comes_back(
    qtbot: QtBot, demo_vault: tuple[Path, VaultContent], start_session: SessionStarter
) -> None:
    window, secrets, _session = unlocked_demo(qtbot, demo_vault, start_session,
                                              hide_lock_ms=60_000)
    press(qtbot, window, ESC)
    assert not window.quick_hide.is_hidden()
    press(qtbot, window, ESC)
    assert_hidden(window, secrets)
    qtbot.mouseClick(window.quick_hide.neutral.back_button, Qt.MouseButton.LeftButton)
    assert not window.quick_hide.is_hidden()
    assert window.page.isVisible()


def test_escape_presses_far_apart_do_not_hide(qtbot: QtBot) -> None:
    now = [100.0]
    keys = QuickHideKeys(clock=lambda: now[0])
    hides: list[int] = []
    keys.hide_requested.connect(lambda: hides.append(1))
    widget = QMessageBox()
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    qtbot.keyClick(widget.windowHandle(), ESC)
    now[0] += 1.0
    qtbot.keyClick(widget.windowHandle(), ESC)
    assert hides == []
    now[0] += 0.3
    qtbot.keyClick(widget.windowHandle(), ESC)
    assert hides == [1]
    keys.deleteLater()


def test_the_quick_hide_locks_after_its_delay(
    qtbot: QtBot, demo_vault: tuple[Path, VaultContent], start_session: SessionStarter
) -> None:
    window, secrets, session = unlocked_demo(qtbot, demo_vault, start_session, hide_lock_ms=150)
    with qtbot.waitSignal(session.locked, timeout=5000):
        press(qtbot, window, F12)
        assert_hidden(window, secrets)
    assert session.vault is None
    locked_dialog(qtbot, session)
    assert leaked(secrets) == set()


def test_coming_back_in_time_cancels_the_lock(
    qtbot: QtBot, demo_vault: tuple[Path, VaultContent], start_session: SessionStarter
) -> None:
    window, _secrets, session = unlocked_demo(qtbot, demo_vault, start_session,
                                              hide_lock_ms=60_000)
    timer = session._hide_timer  # white-box: the pending lock is cancelled
    press(qtbot, window, F12)
    assert timer.isActive()
    press(qtbot, window, F12)
    assert not timer.isActive()
    assert session.vault is not None


@pytest.mark.parametrize("key", [F12, ESC])
def test_quick_hide_closes_a_message_box_on_top(
    qtbot: QtBot, demo_vault: tuple[Path, VaultContent], start_session: SessionStarter,
    key: Qt.Key,
) -> None:
    window, secrets, _session = unlocked_demo(qtbot, demo_vault, start_session,
                                              hide_lock_ms=60_000)
    box = QMessageBox(QMessageBox.Icon.Warning, "Delete", "Delete the group?", parent=window)
    qtbot.addWidget(box)

    def hide_from_the_box() -> None:
        qtbot.waitUntil(lambda: QApplication.activeModalWidget() is box)
        for _ in range(2 if key == ESC else 1):
            qtbot.keyClick(box.windowHandle(), key)

    QTimer.singleShot(0, hide_from_the_box)
    box.exec()
    assert not box.isVisible()
    assert_hidden(window, secrets)


def test_zero_delay_locks_at_once(
    qtbot: QtBot, demo_vault: tuple[Path, VaultContent], start_session: SessionStarter
) -> None:
    window, secrets, session = unlocked_demo(qtbot, demo_vault, start_session, hide_lock_ms=0)
    with qtbot.waitSignal(session.locked, timeout=2000):
        press(qtbot, window, F12)
    locked_dialog(qtbot, session)
    assert leaked(secrets) == set()
