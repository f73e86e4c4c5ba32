"""Presenter mode on one screen, walked with the keys a presenter uses.

The walk with two screens runs in a child process (``presenter_two_screens.py``): the
screens of Qt's offscreen platform are fixed when the application starts.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget
from pytestqt.qtbot import QtBot

from initiator_desktop.exchange.content_pack.library import PackLibrary
from initiator_desktop.exchange.content_pack.reader import LoadedPack
from initiator_desktop.storage.vault import Vault
from initiator_desktop.ui.training import markdown_view
from initiator_desktop.ui.training.markdown_view import MarkdownView
from initiator_desktop.ui.training.presenter.presenter_session import (
    PresenterSession,
    running_sessions,
    start_presenter,
)
from initiator_desktop.ui.training.presenter.slide_content import Mark
from initiator_desktop.ui.training.presenter.slides import SlideKind
from initiator_desktop.ui.training.presenter.timers import Phase
from initiator_desktop.ui.training.reader_packs import available_packs

MODULE = "06-first-meeting"
HERE = Path(__file__).parent


@pytest.fixture(autouse=True)
def _no_link_questions(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(markdown_view, "ask_open_web_link", lambda *_args: False)


@pytest.fixture(scope="module")
def course(tmp_path_factory: pytest.TempPathFactory) -> LoadedPack:
    return available_packs(PackLibrary(tmp_path_factory.mktemp("none")))[0]


class FakeTime:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def time_now() -> FakeTime:
    return FakeTime()


@pytest.fixture
def session(qtbot: QtBot, course: LoadedPack, time_now: FakeTime) -> Iterator[PresenterSession]:
    primary = QGuiApplication.primaryScreen()
    running = PresenterSession(course, MODULE, screens=lambda: [primary], monotonic=time_now)
    ended: list[bool] = []
    running.ended.connect(lambda: ended.append(True))
    for window in (running.speaker_window, running.audience_window):
        qtbot.addWidget(window)
    running.arrange()
    qtbot.waitExposed(running.speaker_window)
    yield running
    if not ended:
        running.close()


def key(qtbot: QtBot, session: PresenterSession, *keys: Qt.Key) -> None:
    for pressed in keys:
        qtbot.keyClick(session.speaker_window, pressed)


def test_one_screen_walk(qtbot: QtBot, session: PresenterSession, course: LoadedPack,
                         time_now: FakeTime) -> None:
    module = course.pack.module(MODULE)
    assert module is not None
    text = module.text("en")
    window, speaker = session.speaker_window, session.speaker_window.speaker
    controller = session.controller
    assert not session.two_screens
    assert session.audience_window.isHidden()
    assert not window.showing_audience
    assert speaker.title.text() == text.title  # the title slide

    key(qtbot, session, Qt.Key.Key_Right)
    first = text.sections[0]
    assert speaker.title.text() == first.title
    assert first.notes.splitlines()[0].replace("**", "") in speaker.notes.toPlainText()
    assert speaker.next_title.text() == text.sections[1].title
    key(qtbot, session, Qt.Key.Key_Space, Qt.Key.Key_PageDown, Qt.Key.Key_Down)
    assert controller.state.position == 4
    key(qtbot, session, Qt.Key.Key_Left, Qt.Key.Key_Up, Qt.Key.Key_PageUp)
    assert controller.state.position == 1

    key(qtbot, session, Qt.Key.Key_B)  # blank, and back
    assert window.audience.blank and speaker.preview.blank
    assert speaker.preview.note == "The audience screen is blank"
    key(qtbot, session, Qt.Key.Key_B)
    assert not window.audience.blank and controller.state.position == 1

    key(qtbot, session, Qt.Key.Key_Tab)  # one screen: switch to the audience view
    assert window.showing_audience
    qtbot.waitUntil(window.isFullScreen)
    assert window.audience.content is not None
    assert window.audience.content.title == first.title
    key(qtbot, session, Qt.Key.Key_Right)
    assert window.audience.content.title == text.sections[1].title
    key(qtbot, session, Qt.Key.Key_S)
    assert not window.showing_audience
    qtbot.waitUntil(lambda: not window.isFullScreen())

    time_now.now += 23 * 60 + 41
    controller.ticked.emit()
    assert speaker.elapsed.text() == "23:41"
    assert speaker.left.text() == f"{text.minutes - 23} min"
    speaker.session_minutes.setValue(20)
    assert speaker.left.text() == "+4 min"


def test_a_role_play_round_with_its_timer(qtbot: QtBot, session: PresenterSession,
                                          time_now: FakeTime) -> None:
    controller = session.controller
    speaker = session.speaker_window.speaker
    case_at = next(i for i, s in enumerate(controller.state.slides) if s.kind is SlideKind.CASE)
    controller.go_to(case_at)
    assert speaker.round_box.isVisible()
    audience = session.speaker_window.audience
    assert audience.content is not None and audience.content.timer
    assert audience.timer_text == "10:00" and audience.timer_phase is Phase.CALM
    key(qtbot, session, Qt.Key.Key_T)
    time_now.now += 9 * 60 + 30
    controller.ticked.emit()
    assert audience.timer_text == "0:30" and audience.timer_phase is Phase.NEAR_END
    assert speaker.round_time.text() == "0:30"
    assert speaker.round_start.text() == "Pause (T)"
    time_now.now += 40
    controller.ticked.emit()
    assert audience.timer_text == "+0:10" and audience.timer_phase is Phase.OVER
    qtbot.mouseClick(speaker.round_reset, Qt.MouseButton.LeftButton)
    assert audience.timer_text == "10:00" and speaker.round_start.text() == "Start (T)"
    speaker.round_minutes.setValue(15)
    assert audience.timer_text == "15:00"
    controller.next()
    assert not speaker.round_box.isVisible() or controller.slide.kind is SlideKind.CASE


def test_a_quiz_with_the_room(qtbot: QtBot, session: PresenterSession,
                              course: LoadedPack) -> None:
    controller = session.controller
    quiz_at = next(i for i, s in enumerate(controller.state.slides) if s.kind is SlideKind.QUIZ)
    controller.go_to(quiz_at)
    audience = session.speaker_window.audience
    assert audience.content is not None
    assert {b.mark for b in audience.content.blocks} == {Mark.NONE}
    assert session.speaker_window.speaker.reveal_button.isVisible()
    key(qtbot, session, Qt.Key.Key_Right)  # the first "next" reveals
    question = course.pack.module(MODULE).text("en").quiz[0]  # type: ignore[union-attr]
    marks = [b.mark for b in audience.content.blocks]
    assert marks == [Mark.RIGHT if a.correct else Mark.WRONG for a in question.answers]
    assert [b.note for b in audience.content.blocks] == [a.explanation for a in question.answers]
    assert controller.state.position == quiz_at
    key(qtbot, session, Qt.Key.Key_R)  # hide it again
    assert {b.mark for b in audience.content.blocks} == {Mark.NONE}
    key(qtbot, session, Qt.Key.Key_R, Qt.Key.Key_Right)
    assert controller.state.position == quiz_at + 1


def test_escape_ends_presenter_mode(qtbot: QtBot, course: LoadedPack) -> None:
    primary = QGuiApplication.primaryScreen()
    running = start_presenter(course, MODULE, screens=lambda: [primary])
    qtbot.addWidget(running.speaker_window)
    qtbot.addWidget(running.audience_window)
    assert running in running_sessions()
    ended: list[bool] = []
    running.ended.connect(lambda: ended.append(True))
    qtbot.keyClick(running.speaker_window, Qt.Key.Key_Escape)
    assert ended == [True]
    assert running not in running_sessions()
    assert not running.speaker_window.isVisible()


def _texts(widget: QWidget) -> list[str]:
    found = [widget.windowTitle()]
    for child in widget.findChildren(QWidget):
        if isinstance(child, (QLabel, QAbstractButton)):
            found.append(child.text())
        if isinstance(child, MarkdownView):
            found.append(child.toPlainText())
    return found


def test_nothing_from_the_vault_reaches_presenter_mode(
        qtbot: QtBot, filled_vault: Vault, session: PresenterSession) -> None:
    groups = filled_vault.repo.groups()
    secrets = {g.name for g in groups} | {g.theme for g in groups}
    secrets |= {p.name for p in filled_vault.repo.places()}
    controller = session.controller
    shown: list[str] = []
    for position in range(len(controller.state.slides)):
        controller.go_to(position)
        content = controller.content()
        shown += [content.kicker, content.title, content.markdown, content.footer]
        shown += [b.text for b in content.blocks]
        shown += _texts(session.speaker_window) + _texts(session.audience_window)
    assert all(secret not in text for secret in secrets for text in shown)


def test_two_screens_in_a_child_process(tmp_path: Path) -> None:
    """Qt fixes its screens at start-up, so this walk needs a process of its own."""
    config = tmp_path / "screens.json"
    config.write_text(json.dumps({"screens": [
        {"name": "s1", "x": 0, "y": 0, "width": 1366, "height": 768,
         "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1},
        {"name": "s2", "x": 1366, "y": 0, "width": 1920, "height": 1080,
         "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1},
    ]}), encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}", LANGUAGE="en")
    result = subprocess.run(
        [sys.executable, str(HERE / "presenter_two_screens.py")], env=env,
        capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "two-screen walk ok" in result.stdout


def test_choosing_a_module_to_present(qtbot: QtBot, course: LoadedPack,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QDialog

    from initiator_desktop.ui.training.presenter import module_chooser_dialog
    from initiator_desktop.ui.training.presenter.module_chooser_dialog import (
        ModuleChooserDialog,
        choose_and_present,
    )

    dialog = ModuleChooserDialog([course])
    qtbot.addWidget(dialog)
    assert dialog.modules.count() == len(course.pack.modules)
    dialog.modules.setCurrentRow(5)
    assert dialog.choice() == (course, MODULE)
    assert dialog.minutes.value() == course.pack.module(MODULE).text("en").minutes  # type: ignore[union-attr]

    def accept(self: ModuleChooserDialog) -> int:
        self.modules.setCurrentRow(2)
        self.minutes.setValue(45)
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(ModuleChooserDialog, "exec", accept)
    started: list[PresenterSession] = []
    real_start = module_chooser_dialog.start_presenter

    def start(*args: object, **kwargs: object) -> PresenterSession:
        kwargs["screens"] = lambda: [QGuiApplication.primaryScreen()]
        running = real_start(*args, **kwargs)  # type: ignore[arg-type]
        started.append(running)
        return running

    monkeypatch.setattr(module_chooser_dialog, "start_presenter", start)
    running = choose_and_present(None, [course])
    assert running is started[0]
    qtbot.addWidget(running.speaker_window)
    qtbot.addWidget(running.audience_window)
    assert running.controller.module.id == course.pack.module_ids[2]
    assert running.controller.session.minutes == 45
    running.close()
    monkeypatch.setattr(ModuleChooserDialog, "exec", lambda _self: 0)
    assert choose_and_present(None, [course]) is None


def test_the_training_actions_open_the_reader(qtbot: QtBot, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QMainWindow

    from initiator_desktop.core.memory_repository import MemoryRepository
    from initiator_desktop.ui.training.reader_window import ReaderWindow, TrainingActions

    window = QMainWindow()
    qtbot.addWidget(window)
    actions = TrainingActions(window, MemoryRepository(), library=PackLibrary(tmp_path))
    assert actions.open_reader.text() == "&Initiator course (self-study)…"
    actions.open_reader.trigger()
    readers = window.findChildren(ReaderWindow)
    assert len(readers) == 1 and readers[0].isVisible()
    assert readers[0].isWindow()


def test_presenter_mode_follows_the_ui_language(
        qtbot: QtBot, session: PresenterSession, course: LoadedPack, fake_nb: None) -> None:
    from initiator_desktop.ui.language import apply_language

    session.controller.go_to(1)
    apply_language("nb")
    nb_title = course.pack.module(MODULE).text("nb").sections[0].title  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: session.speaker_window.speaker.title.text() == nb_title)
    assert session.controller.state.position == 1
    assert session.speaker_window.audience.content is not None
    assert session.speaker_window.audience.content.footer == "Igangsetterkurs"
