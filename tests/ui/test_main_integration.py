"""The main window around the features: the group's tabs, meeting mode, tools and course."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from initiator_desktop.core.clock import OSLO
from initiator_desktop.core.content import add_content
from initiator_desktop.core.group_life import Contact
from initiator_desktop.core.memory_repository import MemoryRepository
from initiator_desktop.core.models import Group
from initiator_desktop.exchange.demo import demo_content
from initiator_desktop.ui import message_boxes
from initiator_desktop.ui.group_life.group_life_panel import GroupLifePanel
from initiator_desktop.ui.groups.group_workspace import AttendanceTab, GroupWorkspace
from initiator_desktop.ui.main_window import MainWindow
from initiator_desktop.ui.settings import AppSettings
from tests.ui.conftest import SessionStarter, unlock

TODAY = date(2026, 11, 26)  # a Thursday: Torsdagsgruppa meets at 17:30


def clock() -> datetime:
    return datetime(2026, 11, 26, 17, 45, tzinfo=OSLO)


@pytest.fixture
def repo() -> MemoryRepository:
    repo = MemoryRepository()
    add_content(repo, demo_content(TODAY))
    return repo


@pytest.fixture
def window(qtbot: QtBot, repo: MemoryRepository, settings: AppSettings) -> MainWindow:
    window = MainWindow(repo, settings, clock=clock)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def named(repo: MemoryRepository, name: str) -> Group:
    return next(g for g in repo.groups() if g.name == name)


def test_group_tabs_are_built_when_shown_and_follow_the_page(window: MainWindow,
                                                              repo: MemoryRepository) -> None:
    workspace = window.workspace
    assert workspace.life is None and workspace.attendance is None
    first = named(repo, "Torsdagsgruppa")
    assert window.page.show_group(first.id)
    workspace.setCurrentIndex(GroupWorkspace.LIFE)
    assert isinstance(workspace.life, GroupLifePanel)
    assert workspace.life.group_id() == first.id
    second = named(repo, "Kveldsgruppa")
    assert window.page.show_group(second.id)
    assert workspace.life.group_id() == second.id
    workspace.setCurrentIndex(GroupWorkspace.ATTENDANCE)
    assert isinstance(workspace.attendance, AttendanceTab)
    window.new_action.trigger()
    assert workspace.currentIndex() == GroupWorkspace.PAGE
    assert not workspace.isTabEnabled(GroupWorkspace.LIFE)


def test_lock_drops_the_tab_with_the_contact_list(qtbot: QtBot, window: MainWindow,
                                                  repo: MemoryRepository) -> None:
    group = named(repo, "Kveldsgruppa")
    repo.save_contacts(group.id, [Contact("Kari", "900 00 000")])
    assert window.page.show_group(group.id)
    window.workspace.setCurrentIndex(GroupWorkspace.LIFE)
    panel = window.workspace.life
    assert panel is not None
    model = panel.contacts.model
    shown = {model.index(row, col).data() for row in range(model.rowCount())
             for col in range(model.columnCount())}
    assert "Kari" in shown
    window.forget_content()
    assert window.workspace.life is None
    QApplication.processEvents()


def test_meeting_mode_opens_for_the_page_group_and_tells_the_session(
        qtbot: QtBot, window: MainWindow, repo: MemoryRepository) -> None:
    group = named(repo, "Torsdagsgruppa")
    assert window.page.show_group(group.id)
    with qtbot.waitSignal(window.meeting_mode_changed) as started:
        window.main_actions.meeting_mode.trigger()
    assert started.args == [True]
    meeting = window.tools._meeting
    assert meeting is not None and meeting.isVisible()
    with qtbot.waitSignal(window.meeting_mode_changed) as ended:
        meeting.close()
        meeting.deleteLater()
    assert ended.args == [False]


def test_meeting_mode_without_a_coming_meeting_says_so(window: MainWindow,
                                                       repo: MemoryRepository) -> None:
    ended = named(repo, "Vårgruppa")
    assert window.page.show_group(ended.id)
    window.main_actions.meeting_mode.trigger()
    assert window.tools._meeting is None
    assert "no meeting coming up" in window.notice.text()


def test_deleting_a_group_deletes_its_contact_list(window: MainWindow, repo: MemoryRepository,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    group = named(repo, "Kveldsgruppa")
    repo.save_contacts(group.id, [Contact("Kari")])
    purged: list[str] = []
    original = window._purge
    window._purge = lambda gid: purged.append(gid) or original(gid)  # type: ignore[method-assign]
    monkeypatch.setattr(message_boxes, "confirm", lambda *_args: True)
    assert window.page.show_group(group.id)
    window.main_actions.delete.trigger()
    assert purged == [group.id]
    assert repo.group(group.id) is None


def test_course_menu_opens_the_reader_and_the_course_runs(qtbot: QtBot,
                                                          window: MainWindow) -> None:
    before = set(QApplication.topLevelWidgets())
    window.main_actions.course_reader.trigger()
    window.main_actions.course_runs.trigger()
    opened = [w for w in QApplication.topLevelWidgets() if w not in before and w.isVisible()]
    titles = {w.windowTitle() for w in opened}
    assert "Course runs" in titles
    assert len(opened) >= 2
    for widget in opened:
        widget.close()


def test_the_session_holds_the_idle_lock_during_meeting_mode(
        qtbot: QtBot, demo_vault: tuple[Path, object], start_session: SessionStarter) -> None:
    path, _content = demo_vault
    session = start_session(path, idle_ms=60_000)
    window = unlock(qtbot, session)
    assert session._idle.is_active()
    window.meeting_mode_changed.emit(True)
    assert not session._idle.is_active()
    window.meeting_mode_changed.emit(False)
    assert session._idle.is_active()


def test_meeting_mode_closed_by_a_lock_does_not_restart_the_idle_timer(
        qtbot: QtBot, demo_vault: tuple[Path, object], start_session: SessionStarter) -> None:
    path, _content = demo_vault
    session = start_session(path, idle_ms=60_000)
    window = unlock(qtbot, session)
    window.meeting_mode_changed.emit(True)
    assert session.lock()
    window.meeting_mode_changed.emit(False)  # as the meeting window is destroyed
    assert not session._idle.is_active()
