"""The reflection dialog: the reminder, the held meetings, and what is kept."""

from __future__ import annotations

from datetime import date, datetime

from pytestqt.qtbot import QtBot

from initiator_desktop.core.clock import OSLO
from initiator_desktop.core.content import add_content
from initiator_desktop.core.memory_repository import MemoryRepository
from initiator_desktop.core.models import Group
from initiator_desktop.core.reflections import reflections
from initiator_desktop.exchange.demo import demo_content
from initiator_desktop.ui.group_life.reflection_dialog import ReflectionDialog


def clock() -> datetime:
    return datetime(2026, 11, 28, 10, 0, tzinfo=OSLO)


def test_reflect_on_the_last_meeting(qtbot: QtBot) -> None:
    repo = MemoryRepository()
    add_content(repo, demo_content(date(2026, 11, 28)))
    group = next(g for g in repo.groups() if g.name == "Torsdagsgruppa")
    dialog = ReflectionDialog(repo, group.id, clock)
    qtbot.addWidget(dialog)
    assert "nothing about individual members" in dialog.reminder.label.text()
    assert dialog.meeting.currentData() == "2026-11-26"  # the last Thursday, newest first
    dialog.answers["role"].setPlainText("Jeg ventet lenger før jeg sa noe.")
    dialog.save()
    (kept,) = reflections(repo, group.id)
    assert kept.meeting_date == date(2026, 11, 26)
    assert kept.answers == {"role": "Jeg ventet lenger før jeg sa noe."}
    again = ReflectionDialog(repo, group.id, clock)
    qtbot.addWidget(again)
    assert again.answers["role"].toPlainText() == "Jeg ventet lenger før jeg sa noe."


def test_a_group_without_meetings(qtbot: QtBot) -> None:
    repo = MemoryRepository()
    group = Group(name="Ny")
    repo.save_group(group)
    dialog = ReflectionDialog(repo, group.id, clock)
    qtbot.addWidget(dialog)
    assert dialog.meeting.count() == 0
    assert dialog.message.text() == "The group has had no meetings yet."
