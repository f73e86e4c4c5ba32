"""Editing a group's run sheets, and the sheets following the UI language."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest
import shiboken6
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from initiator_desktop.core.clock import OSLO
from initiator_desktop.core.memory_repository import MemoryRepository
from initiator_desktop.core.models import Group, GroupStatus, Schedule
from initiator_desktop.core.run_sheets import (
    FIRST_MEETING,
    SheetKind,
    StepKind,
    default_sheet,
    load_run_sheet,
)
from initiator_desktop.ui.language import apply_language
from initiator_desktop.ui.meeting.meeting_mode import build_meeting_mode
from initiator_desktop.ui.meeting.run_sheet_editor_dialog import RunSheetEditorDialog
from tests.ui.conftest import NB_TEXTS

FIRST_DAY = date(2026, 3, 3)


@pytest.fixture
def repo() -> MemoryRepository:
    repo = MemoryRepository()
    repo.save_group(Group(name="Tirsdagsgruppa", status=GroupStatus.STARTING, id="g1"))
    repo.save_schedules("g1", [Schedule(weekday=1, start=time(18), first_date=FIRST_DAY)])
    return repo


@pytest.fixture
def dialog(qtbot: QtBot, repo: MemoryRepository) -> RunSheetEditorDialog:
    widget = RunSheetEditorDialog(repo, "g1")
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_the_dialog_starts_with_the_standard_first_meeting(dialog: RunSheetEditorDialog) -> None:
    assert dialog.steps(SheetKind.FIRST) == list(default_sheet(SheetKind.FIRST).steps)
    assert dialog.title.text() == "Welcome"
    assert not dialog.kind.isEnabled()  # a standard step keeps its purpose
    assert dialog.total.text() == "In all: 105 minutes"


def test_edits_are_saved_as_typed_and_the_rest_stays_standard(
        qtbot: QtBot, dialog: RunSheetEditorDialog, repo: MemoryRepository) -> None:
    dialog.minutes.setValue(8)  # welcome: only the minutes change
    dialog.steps_view.setCurrentIndex(dialog.model.index(1))
    qtbot.keyClicks(dialog.title, " (first names)")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert dialog.current_row() == 2 and dialog.kind.isEnabled()
    dialog.title.clear()
    qtbot.keyClicks(dialog.title, "Kaffe før vi starter")
    dialog.kind.setCurrentIndex(dialog.kind.findData(StepKind.ROUND.value))
    dialog.minutes.setValue(4)
    dialog.buttons.accepted.emit()
    sheet = load_run_sheet(repo, "g1", SheetKind.FIRST)
    assert sheet.steps[0].minutes == 8 and sheet.steps[0].title is None
    assert sheet.steps[1].title == "Presentation round (first names)"
    assert sheet.steps[1].guidance is None
    mine = sheet.steps[2]
    assert (mine.key, mine.title, mine.kind, mine.minutes) == (
        "", "Kaffe før vi starter", StepKind.ROUND, 4)
    assert len(sheet.steps) == len(FIRST_MEETING) + 1
    # Later meetings were not touched and are not stored.
    assert repo.group_document("g1", "run_sheet_later") is None


def test_an_empty_title_is_refused_and_not_saved(qtbot: QtBot, dialog: RunSheetEditorDialog,
                                                 repo: MemoryRepository) -> None:
    dialog.title.clear()
    qtbot.keyClicks(dialog.title, " ")
    assert "must not be empty" in dialog.error.text()
    dialog.buttons.accepted.emit()
    assert repo.group_document("g1", "run_sheet_first") is None


def test_moving_removing_and_going_back_to_the_standard(qtbot: QtBot,
                                                        dialog: RunSheetEditorDialog,
                                                        repo: MemoryRepository) -> None:
    dialog.sheet_choice.setCurrentIndex(1)
    keys = [s.key for s in dialog.steps(SheetKind.LATER)]
    qtbot.mouseClick(dialog.down_button, Qt.MouseButton.LeftButton)
    assert [s.key for s in dialog.steps()] == [keys[1], keys[0], *keys[2:]]
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert len(dialog.steps()) == len(keys) - 1
    dialog.buttons.accepted.emit()
    assert len(load_run_sheet(repo, "g1", SheetKind.LATER).steps) == len(keys) - 1
    again = RunSheetEditorDialog(repo, "g1")
    qtbot.addWidget(again)
    again.sheet_choice.setCurrentIndex(1)
    qtbot.mouseClick(again.reset_button, Qt.MouseButton.LeftButton)
    again.buttons.accepted.emit()
    assert load_run_sheet(repo, "g1", SheetKind.LATER).is_default()


def test_the_standard_wording_follows_the_language(qtbot: QtBot, repo: MemoryRepository,
                                                   fake_nb: None,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(NB_TEXTS, "Welcome", "Velkommen")
    monkeypatch.setitem(NB_TEXTS, "Our frames", "Våre rammer")
    clock = datetime.combine(FIRST_DAY, time(17, 50), tzinfo=OSLO)
    window = build_meeting_mode(None, repo, "g1", lambda: clock)
    assert window is not None
    try:
        assert window.run_sheet.title.text() == "Welcome"
        apply_language("nb")
        qtbot.waitUntil(lambda: window.run_sheet.title.text() == "Velkommen")
        assert window.run_sheet.model.index(0).data() == "1. Velkommen"
        assert window.group_view.heading.text() == "Våre rammer"
        assert "tirsdag" in window.header.when.text()
    finally:
        if shiboken6.isValid(window):
            window.close()
