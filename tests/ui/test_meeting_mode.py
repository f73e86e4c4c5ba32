"""Meeting mode: a whole first meeting from the run sheet to the attendance, on a real vault."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time, timedelta

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from initiator_desktop.core.clock import OSLO
from initiator_desktop.core.frame_library import Preset, default_frames
from initiator_desktop.core.group_life import Contact, MemberCount
from initiator_desktop.core.models import Attendance, FrameText, Group, GroupStatus, Schedule
from initiator_desktop.core.repository import VaultRepository
from initiator_desktop.core.run_sheets import FIRST_MEETING, LATER_MEETING, StepKind
from initiator_desktop.core.speaking_round import RoundState, TurnPhase
from initiator_desktop.storage.vault import Vault
from initiator_desktop.ui import message_boxes
from initiator_desktop.ui.meeting.meeting_mode import build_meeting_mode, open_meeting_mode
from initiator_desktop.ui.meeting.meeting_style import LIGHT
from initiator_desktop.ui.meeting.meeting_window import MeetingModeWindow

FIRST_DAY = date(2026, 3, 3)  # a Tuesday, 18:00-20:00, break 18:50-19:05
THEME = "Sorg etter selvmord"


class Clock:
    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


def add_group(repo: VaultRepository, name: str, frames: Preset = Preset.SN) -> Group:
    group = Group(name=name, theme=THEME, status=GroupStatus.STARTING, planned_size=7)
    repo.save_group(group)
    repo.save_schedules(group.id, [Schedule(weekday=1, start=time(18), first_date=FIRST_DAY)])
    repo.save_frames(group.id, default_frames(frames))
    repo.save_member_count(group.id, MemberCount(FIRST_DAY, 6))
    return group


@pytest.fixture
def group(vault: Vault) -> Group:
    group = add_group(vault.repo, "Tirsdagsgruppa")
    vault.repo.save_contacts(group.id, [Contact("Kari", "900 11 222")])
    # Another group, with frames of its own, that meeting mode must never show.
    other = add_group(vault.repo, "Onsdagsringen", Preset.TWELVE_STEP)
    vault.repo.save_frames(other.id, [
        *default_frames(Preset.TWELVE_STEP)[:2],
        *[f.__class__(f.kind, {"en": FrameText("Only for the other group")}) for f in
          default_frames(Preset.SN)[:1]],
    ])
    return group


@pytest.fixture
def clock() -> Clock:
    return Clock(datetime.combine(FIRST_DAY, time(17, 55), tzinfo=OSLO))


@pytest.fixture
def agreed() -> list[tuple[str, date, int]]:
    return []


@pytest.fixture
def opened() -> Iterator[list[MeetingModeWindow]]:
    """Windows a test opened; closed afterwards unless they closed (and deleted) themselves."""
    windows: list[MeetingModeWindow] = []
    yield windows
    for window in windows:
        if shiboken6.isValid(window):
            window.close()


def meeting_window(opened: list[MeetingModeWindow], vault: Vault, group_id: str,
                   clock: Clock, **options: object) -> MeetingModeWindow:
    built = build_meeting_mode(None, vault.repo, group_id, clock, **options)  # type: ignore[arg-type]
    assert built is not None
    opened.append(built)
    built.resize(1366, 768)
    built.show()
    return built


@pytest.fixture
def window(qtbot: QtBot, vault: Vault, group: Group, clock: Clock,
           agreed: list[tuple[str, date, int]],
           opened: list[MeetingModeWindow]) -> MeetingModeWindow:
    built = meeting_window(opened, vault, group.id, clock,
                           on_frames_agreed=lambda *a: agreed.append(a))
    qtbot.waitExposed(built)
    return built


def texts_under(widget: QWidget) -> list[str]:
    """Every text a label or text box under ``widget`` holds (shown or not)."""
    found = []
    for child in [widget, *widget.findChildren(QWidget)]:
        if isinstance(child, QLabel):
            found.append(child.text())
        elif isinstance(child, QTextEdit | QPlainTextEdit):
            found.append(child.toPlainText())
    return [text for text in found if text]


def visible_texts(window: QWidget) -> str:
    return "\n".join(t for w in [window, *window.findChildren(QWidget)] if w.isVisible()
                     for t in texts_under_one(w))


def texts_under_one(widget: QWidget) -> list[str]:
    if isinstance(widget, QLabel):
        return [widget.text()]
    if isinstance(widget, QTextEdit | QPlainTextEdit):
        return [widget.toPlainText()]
    return []


def click(qtbot: QtBot, widget: QWidget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def run_a_round(qtbot: QtBot, window: MeetingModeWindow, clock: Clock) -> None:
    timer = window.timer
    assert timer.isVisible()
    share = timer.turn_seconds()
    people = timer.people.value()
    assert share * people <= timer.share.available or timer.share.short
    click(qtbot, timer.start_button)
    assert timer.state() is RoundState.RUNNING and timer.round is not None
    clock.advance(seconds=share - 10)
    timer.refresh()
    assert timer.phase() is TurnPhase.NEARLY_UP
    assert LIGHT.nearly_up in timer.styleSheet() or "#4b4228" in timer.styleSheet()
    assert "Nearly time" in timer.state_note.text()
    clock.advance(seconds=30)
    timer.refresh()
    assert timer.phase() is TurnPhase.OVER
    assert timer.time.text() == "+0:20"
    click(qtbot, timer.start_button)  # pause
    assert timer.state() is RoundState.PAUSED
    clock.advance(minutes=5)
    click(qtbot, timer.start_button)  # go on: the pause did not count
    timer.refresh()
    assert timer.time.text() == "+0:20"
    for _person in range(people):
        click(qtbot, timer.next_button)
        clock.advance(seconds=share // 2)
    assert timer.state() is RoundState.FINISHED
    assert len(timer.round.turns()) == people


def test_a_whole_first_meeting_from_the_run_sheet_to_the_attendance(
        qtbot: QtBot, vault: Vault, group: Group, window: MeetingModeWindow, clock: Clock,
        agreed: list[tuple[str, date, int]], monkeypatch: pytest.MonkeyPatch) -> None:
    assert window.isWindow() and window.windowTitle() == "Initiator Desktop"
    assert "Meeting 1 of 3 with you" in window.header.when.text()
    assert "Ends 20:00" in window.header.times.text()
    steps = window.run_sheet.sheet.steps
    assert [s.key for s in steps] == [s.key for s in FIRST_MEETING]
    assert window.run_sheet.title.text() == "Welcome"
    assert not window.previous_button.isEnabled()
    frames = vault.repo.frames(group.id)
    clock.advance(minutes=10)  # 18:05
    for row, step in enumerate(steps):
        assert window.run_sheet.current == row
        assert window.run_sheet.steps_view.currentIndex().row() == row
        assert window.run_sheet.title.text() == _english(step.title_text()[0])
        assert window.timer.isVisible() == (step.kind is StepKind.ROUND)
        assert window.run_sheet.checklist.isVisible() == (step.kind is StepKind.FRAMES)
        if step.key == "names":
            run_a_round(qtbot, window, clock)
        if step.kind is StepKind.FRAMES:
            checklist = window.run_sheet.checklist
            assert [b.text() for b in checklist.boxes] == [f.text("en").title for f in frames]
            for box in checklist.boxes:
                box.setChecked(True)
            click(qtbot, checklist.agreed_button)
            assert agreed == [(group.id, FIRST_DAY, len(frames))]
            assert "agreed on 19 frames" in checklist.status.text()
            click(qtbot, window.group_view_button)
            assert_group_view_shows_only_its_frames(window, frames_of(vault, group.id))
            click(qtbot, window.group_view.back_button)
            assert window.page() is window.run_sheet and window.header.isVisible()
        if step.key == "practicalities":
            clock.now = datetime.combine(FIRST_DAY, time(18, 47), tzinfo=OSLO)
            window.header.refresh()
            assert window.header.reminder.text() == "The break is in 3 minutes."
            clock.now = datetime.combine(FIRST_DAY, time(18, 55), tzinfo=OSLO)
            window.header.refresh()
            assert window.header.reminder.text() == "Break time, until 19:05."
            clock.now = datetime.combine(FIRST_DAY, time(19, 10), tzinfo=OSLO)
            window.header.refresh()
            assert window.header.reminder.text() == ""
        click(qtbot, window.next_button)
    # After the last step: the attendance, prefilled with the members.
    assert window.page() is window.attendance
    form = window.attendance.form
    assert (form.present.value(), form.newcomers.value(), form.notified.value()) == (6, 0, 0)
    assert "Absent without notice: 0" in form.missing_note.text()
    assert_no_field_can_hold_a_name(window)
    # Two actions: one person fewer, and Save.
    click(qtbot, form.present.minus)
    assert "Absent without notice: 1" in form.missing_note.text()
    click(qtbot, window.attendance.save_button)
    assert window.attendance.is_saved()
    stored = vault.repo.attendance(group.id)
    assert stored == [Attendance(FIRST_DAY, 5, 0, 0)]
    assert all(type(v) is int for v in (stored[0].present, stored[0].newcomers,
                                        stored[0].notified_absent))
    assert vault.repo.attendance(other_group_id(vault, group)) == []
    # Leaving after saving needs no question.
    monkeypatch.setattr(message_boxes, "confirm", _refuse_to_be_asked)
    with qtbot.waitSignal(window.left) as left:
        click(qtbot, window.leave_button)
    assert left.args == [group.id]


def _refuse_to_be_asked(*_args: object) -> bool:
    raise AssertionError("nothing should have been asked")


def _english(message_id: str) -> str:
    return message_id  # the test runs in English: message ids are the English texts


def frames_of(vault: Vault, group_id: str) -> list[str]:
    texts = [item.text("en") for item in vault.repo.frames(group_id)]
    return [t.title for t in texts] + [t.body for t in texts if t.body]


def other_group_id(vault: Vault, group: Group) -> str:
    return next(g.id for g in vault.repo.groups() if g.id != group.id)


def assert_group_view_shows_only_its_frames(window: MeetingModeWindow, frames: list[str]) -> None:
    view = window.group_view
    assert window.page() is view
    assert not window.header.isVisible() and not window.bar.isVisible()
    chrome = {"Our frames", "&Back"}
    texts = texts_under(view)
    assert set(texts) <= set(frames) | chrome
    assert {t for t in texts if t not in chrome} == {t for t in frames if t in texts}
    titles = [label.text() for label in view.titles]
    assert titles == [t for t in frames if t in titles] and len(titles) == 19
    # What the room can see: nothing but the frames and the way back.
    shown = visible_texts(window)
    for secret in ("Tirsdagsgruppa", "Onsdagsringen", THEME, "Kari", "900 11 222",
                   "Only for the other group", "Meeting 1 of 3", "20:00"):
        assert secret not in shown
    buttons = [b.text() for b in view.findChildren(QWidget) if hasattr(b, "text")
               and b.isVisible() and not isinstance(b, QLabel)]
    assert set(buttons) <= {"&Back", ""}


def assert_no_field_can_hold_a_name(window: MeetingModeWindow) -> None:
    """The only text fields are the number fields inside spin boxes."""
    assert window.findChildren(QTextEdit) == [] and window.findChildren(QPlainTextEdit) == []
    for line in window.findChildren(QLineEdit):
        assert isinstance(line.parent(), QAbstractSpinBox)


def test_the_group_view_of_a_group_with_few_frames_shows_them_with_their_text(
        qtbot: QtBot, vault: Vault, group: Group, clock: Clock,
        opened: list[MeetingModeWindow]) -> None:
    other = other_group_id(vault, group)
    window = meeting_window(opened, vault, other, clock)
    click(qtbot, window.group_view_button)
    texts = texts_under(window.group_view)
    expected = frames_of(vault, other)
    assert "Only for the other group" in texts
    assert set(texts) <= set(expected) | {"Our frames", "&Back"}
    assert all(body.isVisible() for body in window.group_view.bodies)
    assert not any(t in texts for t in frames_of(vault, group.id) if t not in expected)


def test_a_later_meeting_uses_the_shorter_run_sheet(
        qtbot: QtBot, vault: Vault, group: Group, clock: Clock,
        opened: list[MeetingModeWindow]) -> None:
    clock.now = datetime.combine(FIRST_DAY + timedelta(weeks=1), time(18, 30), tzinfo=OSLO)
    window = meeting_window(opened, vault, group.id, clock)
    assert [s.key for s in window.run_sheet.sheet.steps] == [s.key for s in LATER_MEETING]
    assert "Meeting 2 of 3 with you" in window.header.when.text()
    # The first step is a round: 20 minutes to the break, for six people.
    assert window.timer.share.seconds == 180
    assert window.timer.share_note.text() == "Fair time: 3 minutes each."


def test_a_group_without_meetings_has_no_meeting_mode(qtbot: QtBot, vault: Vault,
                                                      clock: Clock) -> None:
    lonely = Group(name="Uten møter")
    vault.repo.save_group(lonely)
    assert open_meeting_mode(None, vault.repo, lonely.id, clock) is None


def test_a_single_escape_asks_before_leaving(
        qtbot: QtBot, window: MeetingModeWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []
    answer = [False]

    def confirm(_parent: object, title: str, text: str, action: str) -> bool:
        asked.append(text)
        return answer[0]

    monkeypatch.setattr(message_boxes, "confirm", confirm)
    window._escape_wait.setInterval(1)  # white-box: no need to wait out a double press
    qtbot.keyClick(window.windowHandle(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: len(asked) == 1)
    assert "has not been saved" in asked[0]
    assert window.isVisible()
    answer[0] = True
    # Another key between the two, or they would count as the double Esc that hides.
    qtbot.keyClick(window.windowHandle(), Qt.Key.Key_Shift)
    with qtbot.waitSignal(window.left):
        qtbot.keyClick(window.windowHandle(), Qt.Key.Key_Escape)
    assert not window.isVisible()


def test_escape_in_the_group_view_turns_back_to_the_run_sheet(
        qtbot: QtBot, window: MeetingModeWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(message_boxes, "confirm", _refuse_to_be_asked)
    window._escape_wait.setInterval(1)
    click(qtbot, window.group_view_button)
    qtbot.keyClick(window.windowHandle(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.page() is window.run_sheet)


def test_page_keys_move_through_the_steps(qtbot: QtBot, window: MeetingModeWindow) -> None:
    qtbot.keyClick(window.windowHandle(), Qt.Key.Key_PageDown)
    qtbot.keyClick(window.windowHandle(), Qt.Key.Key_PageDown)
    assert window.run_sheet.current == 2
    qtbot.keyClick(window.windowHandle(), Qt.Key.Key_PageUp)
    assert window.run_sheet.current == 1


def test_saving_attendance_for_a_meeting_still_to_come_is_refused(
        qtbot: QtBot, vault: Vault, group: Group, clock: Clock,
        opened: list[MeetingModeWindow]) -> None:
    clock.now = datetime.combine(FIRST_DAY - timedelta(days=3), time(12), tzinfo=OSLO)
    window = meeting_window(opened, vault, group.id, clock)
    window.show_attendance()
    assert not window.attendance.save()
    assert "has not taken place yet" in window.attendance.form.error.text()
    assert vault.repo.attendance(group.id) == []


def test_a_short_time_is_stated_not_stretched(
        qtbot: QtBot, vault: Vault, group: Group, clock: Clock,
        opened: list[MeetingModeWindow]) -> None:
    clock.now = datetime.combine(FIRST_DAY, time(18, 47), tzinfo=OSLO)  # 3 minutes to the break
    window = meeting_window(opened, vault, group.id, clock)
    window.run_sheet.go_to(1)
    timer = window.timer
    assert timer.share.short and timer.share.seconds == 30
    assert timer.share_note.text() == "Time is short: 30 seconds each would fit."
    timer.people.setValue(7)
    assert timer.share.seconds == 25
    # In the break, a round is counted from the break's end (19:05) to 20:00, less the
    # ten minutes kept for the closing round and the attendance.
    clock.now = datetime.combine(FIRST_DAY, time(18, 50), tzinfo=OSLO)
    timer.refresh()
    assert timer.share.seconds == 6 * 60
    clock.now = datetime.combine(FIRST_DAY, time(19, 52), tzinfo=OSLO)
    timer.refresh()
    assert "no time left" in timer.share_note.text()
