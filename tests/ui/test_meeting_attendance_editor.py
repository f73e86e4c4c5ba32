"""The attendance editor for the group's page: gaps shown, records filled in and corrected."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractSpinBox, QLineEdit, QPlainTextEdit, QTextEdit
from pytestqt.qtbot import QtBot

from initiator_desktop.core.clock import OSLO
from initiator_desktop.core.group_life import MemberCount
from initiator_desktop.core.memory_repository import MemoryRepository
from initiator_desktop.core.models import (
    Attendance,
    ChangeKind,
    Group,
    GroupStatus,
    MeetingChange,
    Schedule,
)
from initiator_desktop.ui import message_boxes
from initiator_desktop.ui.meeting.attendance_editor import AttendanceEditor
from initiator_desktop.ui.meeting.past_meetings_model import PastColumn

NOW = datetime(2026, 3, 25, 21, 0, tzinfo=OSLO)  # after the fourth Wednesday meeting


@pytest.fixture
def repo() -> MemoryRepository:
    repo = MemoryRepository()
    group = Group(name="Onsdagsringen", status=GroupStatus.STARTING, id="g1")
    repo.save_group(group)
    repo.save_schedules("g1", [Schedule(
        weekday=2, start=time(18), first_date=date(2026, 3, 4),
        changes=(MeetingChange(date(2026, 3, 11), ChangeKind.CANCELLED),))])
    repo.save_member_count("g1", MemberCount(date(2026, 3, 1), 6))
    repo.save_attendance("g1", Attendance(date(2026, 3, 4), 6, 6, 0))
    return repo


@pytest.fixture
def editor(qtbot: QtBot, repo: MemoryRepository) -> AttendanceEditor:
    widget = AttendanceEditor(repo, "g1", lambda: NOW)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def cell(editor: AttendanceEditor, row: int, column: PastColumn) -> str:
    return str(editor.model.index(row, column).data())


def test_held_meetings_are_listed_with_the_gaps_marked(editor: AttendanceEditor) -> None:
    days = [row.meeting_date for row in editor.model.rows()]
    assert days == [date(2026, 3, 25), date(2026, 3, 18), date(2026, 3, 4)]  # 11th cancelled
    assert cell(editor, 0, PastColumn.NOTE).startswith("Not recorded")
    assert cell(editor, 2, PastColumn.PRESENT) == "6"
    assert cell(editor, 2, PastColumn.UNNOTIFIED) == "0"
    assert "With you (1)" in cell(editor, 2, PastColumn.NOTE)
    assert editor.summary.text() == "2 meetings have no attendance recorded yet."
    editor.only_missing.setChecked(True)
    assert [r.meeting_date for r in editor.model.rows()] == [date(2026, 3, 25),
                                                             date(2026, 3, 18)]


def test_a_missing_record_is_filled_in_later(qtbot: QtBot, editor: AttendanceEditor,
                                             repo: MemoryRepository) -> None:
    editor.only_missing.setChecked(True)
    editor.table.selectRow(1)  # 18 March
    form = editor.form
    assert (form.present.value(), form.newcomers.value(), form.notified.value()) == (6, 0, 0)
    form.present.set_value(4)
    form.notified.set_value(1)
    assert "Absent without notice: 1" in form.missing_note.text()
    with qtbot.waitSignal(editor.attendance_changed) as changed:
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert changed.args == ["g1"]
    assert Attendance(date(2026, 3, 18), 4, 0, 1) in repo.attendance("g1")
    assert [r.meeting_date for r in editor.model.rows()] == [date(2026, 3, 25)]
    assert editor.summary.text() == "1 meeting has no attendance recorded yet."


def test_a_record_is_corrected_and_cleared(qtbot: QtBot, editor: AttendanceEditor,
                                           repo: MemoryRepository,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    editor.table.selectRow(2)  # 4 March, recorded
    assert editor.clear_button.isEnabled()
    editor.form.newcomers.set_value(5)
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert repo.attendance("g1") == [Attendance(date(2026, 3, 4), 6, 5, 0)]
    assert editor.table.currentIndex().row() == 2  # still the one chosen
    monkeypatch.setattr(message_boxes, "confirm", lambda *_a: True)
    qtbot.mouseClick(editor.clear_button, Qt.MouseButton.LeftButton)
    assert repo.attendance("g1") == []
    assert cell(editor, 2, PastColumn.NOTE).startswith("Not recorded")


def test_impossible_numbers_are_refused_with_a_message(qtbot: QtBot, editor: AttendanceEditor,
                                                       repo: MemoryRepository) -> None:
    editor.table.selectRow(0)
    editor.form.present.set_value(2)
    editor.form.newcomers.set_value(3)
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert "more newcomers than people present" in editor.form.error.text()
    assert len(repo.attendance("g1")) == 1


def test_there_is_no_field_for_a_name(editor: AttendanceEditor) -> None:
    assert editor.findChildren(QTextEdit) == [] and editor.findChildren(QPlainTextEdit) == []
    assert all(isinstance(line.parent(), QAbstractSpinBox)
               for line in editor.findChildren(QLineEdit))


def test_switching_and_forgetting_groups(editor: AttendanceEditor,
                                         repo: MemoryRepository) -> None:
    repo.save_group(Group(name="Ny", id="g2"))
    editor.show_group("g2")
    assert editor.model.rowCount() == 0
    assert editor.summary.text() == "No meetings have taken place yet."
    assert not editor.save_button.isEnabled()
    editor.show_group("g1")
    assert editor.model.rowCount() == 3
    editor.forget()
    assert editor.model.rowCount() == 0 and editor.group_id() is None
