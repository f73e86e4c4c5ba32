"""Quick-hide in meeting mode: F12 or Esc twice, alone and together with the main window."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, time
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from initiator_desktop.core.clock import OSLO
from initiator_desktop.core.content import VaultContent
from initiator_desktop.core.group_life import MemberCount
from initiator_desktop.core.memory_repository import MemoryRepository
from initiator_desktop.core.models import Group, GroupStatus, Schedule
from initiator_desktop.ui import message_boxes
from initiator_desktop.ui.app_session import AppSession
from initiator_desktop.ui.main_window import MainWindow
from initiator_desktop.ui.meeting.meeting_mode import build_meeting_mode, open_meeting_mode
from initiator_desktop.ui.meeting.meeting_window import MeetingModeWindow
from tests.ui.conftest import NOW, SessionStarter, fixed_clock, locked_dialog, unlock
from tests.ui.widget_texts import demo_secrets, leaked

F12, ESC = Qt.Key.Key_F12, Qt.Key.Key_Escape


def press(qtbot: QtBot, window: MeetingModeWindow, key: Qt.Key) -> None:
    qtbot.keyClick(window.windowHandle(), key)


@pytest.fixture
def alone(qtbot: QtBot) -> Iterator[MeetingModeWindow]:
    repo = MemoryRepository()
    group = Group(name="Kveldsgruppa", theme="Pårørende", status=GroupStatus.STARTING)
    repo.save_group(group)
    repo.save_schedules(group.id, [Schedule(weekday=NOW.weekday(), start=time(18),
                                            first_date=NOW.date())])
    repo.save_member_count(group.id, MemberCount(NOW.date(), 5))
    window = build_meeting_mode(None, repo, group.id, fixed_clock)
    assert window is not None
    window.show()
    qtbot.waitExposed(window)
    yield window
    if shiboken6.isValid(window):
        window.close()


def shown_text(window: MeetingModeWindow) -> str:
    return "\n".join(t for t in _visible_texts(window))


def _visible_texts(window: MeetingModeWindow) -> Iterator[str]:
    from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

    for widget in [window, *window.findChildren(QWidget)]:
        if widget.isVisible() and isinstance(widget, QLabel | QAbstractButton):
            yield widget.text()


def test_f12_hides_meeting_mode_and_brings_it_back(qtbot: QtBot,
                                                   alone: MeetingModeWindow) -> None:
    assert "Kveldsgruppa" in shown_text(alone)
    with qtbot.waitSignal(alone.hidden_changed):
        press(qtbot, alone, F12)
    assert alone.is_hidden() and alone.neutral.isVisible()
    assert not alone.meeting_page.isVisible()
    assert "Kveldsgruppa" not in shown_text(alone)
    assert alone.windowTitle() == "Initiator Desktop"
    press(qtbot, alone, F12)
    assert not alone.is_hidden() and alone.meeting_page.isVisible()


def test_escape_twice_hides_without_asking_first(
        qtbot: QtBot, alone: MeetingModeWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[object] = []
    monkeypatch.setattr(message_boxes, "confirm", lambda *a: asked.append(a) or False)
    alone.show_group_view()
    press(qtbot, alone, ESC)
    press(qtbot, alone, ESC)
    assert alone.is_hidden()
    assert "Kveldsgruppa" not in shown_text(alone)
    # The first Esc's question never comes: the screen was hidden meanwhile.
    qtbot.wait(round(alone._escape_wait.interval() * 1.5))
    assert asked == []
    qtbot.mouseClick(alone.neutral.back_button, Qt.MouseButton.LeftButton)
    assert not alone.is_hidden()


def unlocked_demo(qtbot: QtBot, demo_vault: tuple[Path, VaultContent],
                  start_session: SessionStarter, **options: object
                  ) -> tuple[MainWindow, MeetingModeWindow, set[str], AppSession]:
    path, content = demo_vault
    session = start_session(path, **options)
    window = unlock(qtbot, session)
    assert session.vault is not None
    repo = session.vault.repo
    starting = next(g for g in repo.groups() if g.status is GroupStatus.STARTING)
    meeting = open_meeting_mode(window, repo, starting.id, fixed_clock)
    assert meeting is not None
    qtbot.waitExposed(meeting)
    assert meeting.isFullScreen()
    assert starting.name in shown_text(meeting)
    return window, meeting, demo_secrets(content), session


def test_the_main_windows_quick_hide_hides_meeting_mode_too(
        qtbot: QtBot, demo_vault: tuple[Path, VaultContent], start_session: SessionStarter
) -> None:
    window, meeting, secrets, session = unlocked_demo(qtbot, demo_vault, start_session,
                                                      hide_lock_ms=60_000)
    with qtbot.waitSignal(window.quick_hide.hidden_changed):
        press(qtbot, meeting, F12)
    assert meeting.is_hidden() and window.quick_hide.is_hidden()
    assert leaked(secrets, visible_only=True) == set()
    assert "60 seconds" in meeting.neutral.lock_note.text()
    press(qtbot, meeting, F12)
    assert not meeting.is_hidden() and not window.quick_hide.is_hidden()
    # Esc twice, and the neutral screen's button brings both back.
    press(qtbot, meeting, ESC)
    press(qtbot, meeting, ESC)
    assert meeting.is_hidden() and window.quick_hide.is_hidden()
    qtbot.mouseClick(meeting.neutral.back_button, Qt.MouseButton.LeftButton)
    assert not meeting.is_hidden() and not window.quick_hide.is_hidden()
    assert session.vault is not None


def test_the_lock_after_quick_hide_takes_meeting_mode_away(
        qtbot: QtBot, demo_vault: tuple[Path, VaultContent], start_session: SessionStarter
) -> None:
    _window, meeting, secrets, session = unlocked_demo(qtbot, demo_vault, start_session,
                                                       hide_lock_ms=150)
    with qtbot.waitSignal(session.locked, timeout=5000):
        press(qtbot, meeting, F12)
    locked_dialog(qtbot, session)
    qtbot.waitUntil(lambda: not shiboken6.isValid(meeting))
    assert session.vault is None
    assert leaked(secrets) == set()


def test_locking_from_the_main_window_closes_meeting_mode_at_once(
        qtbot: QtBot, demo_vault: tuple[Path, VaultContent], start_session: SessionStarter
) -> None:
    window, meeting, _secrets, session = unlocked_demo(qtbot, demo_vault, start_session,
                                                       hide_lock_ms=60_000)
    left: list[str] = []
    meeting.left.connect(left.append)
    assert session.lock()
    assert not meeting.isVisible()  # hidden before control returns to the event loop
    qtbot.waitUntil(lambda: not shiboken6.isValid(meeting))
    assert len(left) == 1
    assert not shiboken6.isValid(window) or not window.isVisible()


def test_the_clock_of_meeting_mode_is_the_sessions(qtbot: QtBot,
                                                   alone: MeetingModeWindow) -> None:
    # NOW is 12:00 on a Monday; the meeting that day runs 18:00-20:00.
    assert alone.context.meeting.meeting.start == datetime.combine(NOW.date(), time(18),
                                                                   tzinfo=OSLO)
    assert "Now 12:00" in alone.header.times.text()
