"""The calendar in the GUI: upcoming weeks, the month, one-click edits, options and export."""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path

import pytest
from icalendar import Calendar
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from initiator_desktop.core.clock import OSLO
from initiator_desktop.core.content import add_content
from initiator_desktop.core.meeting_calendar import GroupMeeting, MeetingState
from initiator_desktop.core.memory_repository import MemoryRepository
from initiator_desktop.core.models import (
    ChangeKind,
    Group,
    MeetingChange,
    Pause,
)
from initiator_desktop.exchange.demo import demo_content
from initiator_desktop.ui.calendar.export_dialog import CalendarExportDialog
from initiator_desktop.ui.calendar.meeting_actions import MeetingActions
from initiator_desktop.ui.calendar.month_view import ElidedLabel, MeetingLabel, MonthView
from initiator_desktop.ui.calendar.upcoming_view import UpcomingView
from initiator_desktop.ui.groups.page_draft import capture, restore
from initiator_desktop.ui.main_window import MainWindow
from initiator_desktop.ui.settings import AppSettings

TODAY = date(2027, 4, 26)  # Ascension Day (6 May) and 17 May fall in the next weeks


def clock() -> datetime:
    return datetime(2027, 4, 26, 9, 0, tzinfo=OSLO)


@pytest.fixture
def repo() -> MemoryRepository:
    repo = MemoryRepository()
    add_content(repo, demo_content(TODAY))
    return repo


@pytest.fixture
def window(qtbot: QtBot, repo: MemoryRepository, settings: AppSettings) -> MainWindow:
    window = MainWindow(repo, settings, clock=clock)
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    return window


def group_named(repo: MemoryRepository, name: str) -> Group:
    return next(g for g in repo.groups() if g.name == name)


def test_upcoming_lists_eight_weeks_with_flags(window: MainWindow) -> None:
    window.tabs.setCurrentWidget(window.upcoming)
    view = window.upcoming
    assert view.tree.topLevelItemCount() == 8
    assert view.tree.topLevelItem(0).text(0).startswith("Week 17 · ")
    shown = view.meetings_shown()
    assert {m.group.name for m in shown} == {"Tirsdagsgruppa", "Onsdagsringen",
                                             "Torsdagsgruppa", "Kveldsgruppa"}
    clashes = [m for m in shown if m.holiday_clash]
    assert [(m.group.name, m.meeting.date) for m in clashes] == [
        ("Torsdagsgruppa", date(2027, 5, 6)), ("Kveldsgruppa", date(2027, 5, 17))]
    theirs = [m for m in shown if m.with_initiator]
    assert [(m.group.name, m.meeting.date) for m in theirs] == [
        ("Torsdagsgruppa", date(2027, 4, 29)), ("Kveldsgruppa", date(2027, 5, 17)),
        ("Kveldsgruppa", date(2027, 5, 31)), ("Kveldsgruppa", date(2027, 6, 14))]
    texts = [view.tree.topLevelItem(0).child(i).text(3)
             for i in range(view.tree.topLevelItem(0).childCount())]
    assert "With you (3 of 3)" in texts
    assert "Public holiday: Labor Day" in texts  # a holiday with no meeting on it
    view.only_mine.setChecked(True)
    assert [m.with_initiator for m in view.meetings_shown()] == [True] * 4


def test_one_click_cancel_of_a_holiday_meeting(window: MainWindow,
                                               repo: MemoryRepository) -> None:
    window.tabs.setCurrentWidget(window.upcoming)
    view = window.upcoming
    item = _item_for(view, "Torsdagsgruppa", date(2027, 5, 6))
    buttons = view.tree.itemWidget(item, 4).findChildren(QPushButton)
    assert [b.text() for b in buttons] == ["Cancel meeting", "Move…"]
    buttons[0].click()
    group = group_named(repo, "Torsdagsgruppa")
    (schedule,) = repo.schedules(group.id)
    assert MeetingChange(date(2027, 5, 6), ChangeKind.CANCELLED) in schedule.changes
    after = next(m for m in view.meetings_shown() if m.meeting.date == date(2027, 5, 6)
                 and m.group.name == "Torsdagsgruppa")
    assert after.state is MeetingState.CANCELLED and not after.holiday_clash


def test_move_goes_through_the_chooser_and_is_refused_over_unsaved_changes(
    qtbot: QtBot, repo: MemoryRepository
) -> None:
    busy = {"yes": False}
    chosen: list[GroupMeeting] = []

    def choose(_parent: object, meeting: GroupMeeting) -> tuple[date, time]:
        chosen.append(meeting)
        return date(2027, 5, 18), time(19, 0)

    actions = MeetingActions(repo, lambda _gid: busy["yes"], choose_move=choose)
    view = UpcomingView(lambda: [(g, repo.schedules(g.id)) for g in repo.groups()], actions,
                        lambda: TODAY)
    qtbot.addWidget(view)
    view.refresh()
    meeting = next(m for m in view.meetings_shown() if m.group.name == "Kveldsgruppa")
    busy["yes"] = True
    with qtbot.waitSignal(actions.failed) as failed:
        actions.move(meeting, view)
    assert "unsaved changes" in failed.args[0]
    assert chosen == []
    busy["yes"] = False
    with qtbot.waitSignal(actions.changed):
        actions.move(meeting, view)
    (schedule,) = repo.schedules(meeting.group.id)
    assert schedule.changes == (MeetingChange(date(2027, 5, 17), ChangeKind.MOVED,
                                              new_date=date(2027, 5, 18),
                                              new_start=None),)


def test_month_view_shows_holidays_and_meetings(window: MainWindow) -> None:
    window.tabs.setCurrentWidget(window.month)
    month = window.month
    assert month.title.text() == "April 2027"
    assert len(month.cells) == 42 and month.cells[0].day == date(2027, 3, 29)
    easter_monday = month.cell(date(2027, 3, 29))
    assert easter_monday is not None
    assert "Easter Monday" in [label.full_text
                               for label in easter_monday.findChildren(ElidedLabel)]
    thursday = month.cell(date(2027, 4, 29))
    assert thursday is not None
    (label,) = thursday.findChildren(MeetingLabel)
    assert label.full_text == "17:30 Torsdagsgruppa"
    assert label.font().bold()  # the initiator's third meeting
    month.next.click()
    assert month.title.text() == "May 2027"
    ascension = month.cell(date(2027, 5, 6))
    assert ascension is not None and ascension.findChildren(MeetingLabel)
    month.this_month.click()
    assert month.title.text() == "April 2027"


def test_month_names_and_weekdays_follow_the_language(qtbot: QtBot,
                                                      repo: MemoryRepository) -> None:
    from initiator_desktop import i18n

    i18n.set_language("nb")
    actions = MeetingActions(repo, lambda _gid: False)
    view = MonthView(lambda: [(g, repo.schedules(g.id)) for g in repo.groups()], actions,
                     lambda: TODAY)
    qtbot.addWidget(view)
    view.refresh()
    assert view.title.text() == "April 2027"
    view.show_month(date(2027, 5, 1))
    assert view.title.text() == "Mai 2027"
    assert [label.text() for label in view._header][:3] == ["Man", "Tir", "Ons"]
    cell = view.cell(date(2027, 5, 17))
    assert cell is not None
    texts = [c.full_text for c in cell.findChildren(ElidedLabel)]
    assert any("Grunnlovsdag" in text for text in texts)


def test_calendar_options_on_the_page_are_saved(window: MainWindow,
                                                repo: MemoryRepository) -> None:
    group = group_named(repo, "Torsdagsgruppa")
    assert window.page.show_group(group.id)
    options = window.page.calendar
    options.skip_holidays.setChecked(True)
    options.code_word.setText("Torsdag")
    options.code_word.textEdited.emit("Torsdag")
    options.pause_from.setDate(QDate(2027, 7, 1))
    options.pause_to.setDate(QDate(2027, 7, 31))
    options.add_pause.click()
    options.pause_from.setDate(QDate(2027, 7, 20))
    options.pause_to.setDate(QDate(2027, 8, 5))
    options.add_pause.click()  # overlaps the first: refused at the field
    assert options.errors.any_shown()
    assert len(options.current_pauses()) == 1
    assert window.page.save()
    stored = repo.group(group.id)
    assert stored is not None
    assert stored.skip_holidays and stored.code_word == "Torsdag"
    assert stored.pauses == (Pause(date(2027, 7, 1), date(2027, 7, 31)),)
    # A holiday the group now skips is no longer its next meeting's problem.
    window.tabs.setCurrentWidget(window.upcoming)
    skipped = next(m for m in window.upcoming.meetings_shown()
                   if m.group.id == group.id and m.meeting.date == date(2027, 5, 6))
    assert skipped.state is MeetingState.HOLIDAY


def test_next_meeting_line_on_the_page(window: MainWindow, repo: MemoryRepository) -> None:
    group = group_named(repo, "Torsdagsgruppa")
    assert window.page.show_group(group.id)
    assert window.page.next_line.text() == (
        "Next meeting: Thursday 29 April, 17:30 · meeting 3 of 3 with you")


def test_new_rhythm_from_a_date_keeps_the_history(window: MainWindow,
                                                  repo: MemoryRepository) -> None:
    group = group_named(repo, "Tirsdagsgruppa")
    (before,) = repo.schedules(group.id)
    assert window.page.show_group(group.id)
    editor = window.page.schedule
    editor.interval.setCurrentIndex(editor.interval.findData(2))
    editor.interval.activated.emit(editor.interval.currentIndex())
    assert not editor.rhythm_from.isHidden()
    editor.rhythm_from.setDate(QDate(2027, 6, 1))
    assert window.page.save()
    ended, follower = sorted(repo.schedules(group.id), key=lambda s: s.first_date)
    assert ended.id == before.id and ended.last_date == date(2027, 5, 25)
    assert follower.interval_weeks == 2 and follower.first_date == date(2027, 6, 1)
    assert editor.history.text() == "Every week on Tuesday at 18:00, until 25 May 2027"


def test_draft_keeps_the_calendar_options(window: MainWindow, repo: MemoryRepository) -> None:
    group = group_named(repo, "Tirsdagsgruppa")
    assert window.page.show_group(group.id)
    window.page.calendar.code_word.setText("Nytt ord")
    payload = capture(window.page)
    window.page.start_new_group()
    assert restore(window.page, payload)
    assert window.page.calendar.code_word.text() == "Nytt ord"
    assert window.page.calendar.current_pauses() == group.pauses
    assert window.page.is_dirty()


def test_export_dialog_is_neutral_by_default(qtbot: QtBot, repo: MemoryRepository,
                                             tmp_path: Path) -> None:
    group = group_named(repo, "Onsdagsringen")
    target = tmp_path / "out.ics"
    dialog = CalendarExportDialog(repo, group, choose_path=lambda *_: target, clock=clock)
    qtbot.addWidget(dialog)
    assert dialog.neutral.isChecked() and "Ringen" in dialog.neutral.text()
    assert dialog.warning.isHidden()
    assert not dialog.with_dial_in.isHidden()  # a phone group
    dialog.export()
    text = target.read_text(encoding="utf-8")
    events = Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    assert {str(e["SUMMARY"]) for e in events} == {"Ringen"}
    for secret in (group.theme, group.name, "4471", "Telefonmøte"):
        assert secret not in text
    dialog.theme.setChecked(True)
    assert not dialog.warning.isHidden()
    dialog.with_dial_in.setChecked(True)
    dialog.export()
    events = Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    assert {str(e["SUMMARY"]) for e in events} == {group.theme}
    assert "4471" in str(events[0]["DESCRIPTION"])
    target.unlink()  # the theme was chosen on purpose; the leak scan must not meet it


def test_export_my_meetings(qtbot: QtBot, repo: MemoryRepository, tmp_path: Path) -> None:
    target = tmp_path / "mine.ics"
    dialog = CalendarExportDialog(repo, None, choose_path=lambda *_: target, clock=clock)
    qtbot.addWidget(dialog)
    dialog.export()
    events = Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    assert len(events) == 6 and dialog.written == target


def test_export_refuses_a_group_without_times(qtbot: QtBot, tmp_path: Path) -> None:
    repo = MemoryRepository()
    group = Group(name="Uten tid")
    repo.save_group(group)
    dialog = CalendarExportDialog(repo, group, choose_path=lambda *_: tmp_path / "x.ics")
    qtbot.addWidget(dialog)
    dialog.export()
    assert dialog.message.text() == "The group has no meeting times to export."
    assert not (tmp_path / "x.ics").exists()


def test_export_to_an_unwritable_place_says_so(qtbot: QtBot, repo: MemoryRepository,
                                               tmp_path: Path) -> None:
    group = group_named(repo, "Tirsdagsgruppa")
    missing = tmp_path / "no-such-folder" / "x.ics"
    dialog = CalendarExportDialog(repo, group, choose_path=lambda *_: missing, clock=clock)
    qtbot.addWidget(dialog)
    dialog.export()
    assert dialog.message.text().startswith("The file could not be written")
    assert dialog.written is None


def test_lock_forgets_the_calendar_views(window: MainWindow) -> None:
    window.tabs.setCurrentWidget(window.month)
    window.tabs.setCurrentWidget(window.upcoming)
    assert window.upcoming.meetings_shown() and window.month.cells
    window.forget_content()
    assert window.upcoming.tree.topLevelItemCount() == 0
    assert window.month.cells == []


def _item_for(view: UpcomingView, name: str, day: date):  # type: ignore[no-untyped-def]
    for i in range(view.tree.topLevelItemCount()):
        head = view.tree.topLevelItem(i)
        for j in range(head.childCount()):
            meeting = head.child(j).data(0, Qt.ItemDataRole.UserRole)
            if isinstance(meeting, GroupMeeting) and meeting.group.name == name \
                    and meeting.meeting.date == day:
                return head.child(j)
    raise AssertionError(f"{name} on {day} is not listed")
