"""The main window: the group list, the group page, saving, deleting and the language."""

from __future__ import annotations

from datetime import date, time

import pytest
from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from initiator_desktop.core.models import (
    ALLOWED_TRANSITIONS,
    FrameKind,
    GroupStatus,
    PlaceKind,
    Tradition,
)
from initiator_desktop.storage.vault import Vault
from initiator_desktop.ui import message_boxes
from initiator_desktop.ui.main_window import MainWindow
from initiator_desktop.ui.message_boxes import UnsavedChoice
from initiator_desktop.ui.settings import AppSettings
from tests.ui.conftest import fixed_clock

LEFT = Qt.MouseButton.LeftButton


def make_window(qtbot: QtBot, vault: Vault, settings: AppSettings) -> MainWindow:
    window = MainWindow(vault.repo, settings, clock=fixed_clock)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def select_row(window: MainWindow, row: int) -> None:
    table = window.list_panel.table
    table.setCurrentIndex(window.model.index(row, 0))


def answer_unsaved(monkeypatch: pytest.MonkeyPatch, choice: UnsavedChoice) -> list[int]:
    asked: list[int] = []

    def ask(_parent: object) -> UnsavedChoice:
        asked.append(1)
        return choice

    monkeypatch.setattr(message_boxes, "ask_unsaved_changes", ask)
    return asked


def test_create_and_edit_a_group_through_the_widgets(
    qtbot: QtBot, vault: Vault, settings: AppSettings
) -> None:
    window = make_window(qtbot, vault, settings)
    page = window.page
    window.new_action.trigger()
    details = page.details
    qtbot.keyClicks(details.name, "Torsdagsgruppa")
    qtbot.keyClicks(details.theme, "Angst")
    details.tradition.setCurrentIndex(details.tradition.findData(Tradition.HYBRID))
    details.tradition.activated.emit(details.tradition.currentIndex())
    details.open_radio.click()
    details.initiator_meetings.setValue(4)
    details.planned_size.setValue(6)
    assert window.save_action.isEnabled()

    place = page.place
    qtbot.keyClicks(place.name, "Frivilligsentralen")
    place.kind.setCurrentIndex(place.kind.findData(PlaceKind.VIDEO))
    place.kind.activated.emit(place.kind.currentIndex())
    assert place.dial_in.isVisibleTo(place) and not place.address.isVisibleTo(place)
    qtbot.keyClicks(place.dial_in, "Lenke kommer på SMS")

    schedule = page.schedule
    schedule.enabled.click()
    schedule.first_date.setDate(QDate(2026, 3, 5))
    assert schedule.weekday.currentIndex() == 3  # follows the date: Thursday
    schedule.start.setTime(QTime(17, 30))
    schedule.interval.setCurrentIndex(schedule.interval.findData(2))
    schedule.interval.activated.emit(schedule.interval.currentIndex())
    assert "17:30–19:30, break 18:20–18:35" in schedule.summary.text()

    qtbot.mouseClick(page.frames.defaults_button, LEFT)
    frame_count = page.frames.model.rowCount()
    assert frame_count > 5
    qtbot.mouseClick(page.frames.add_button, LEFT)
    qtbot.keyClicks(page.frames.title, "Vi slår av telefonen")

    window.save_action.trigger()

    [group] = vault.repo.groups()
    assert (group.name, group.theme, group.tradition) == ("Torsdagsgruppa", "Angst",
                                                          Tradition.HYBRID)
    assert group.is_open and group.initiator_meetings == 4 and group.planned_size == 6
    [stored_place] = vault.repo.places()
    assert stored_place.kind is PlaceKind.VIDEO
    assert stored_place.dial_in == "Lenke kommer på SMS" and stored_place.address == ""
    [series] = vault.repo.schedules(group.id)
    assert (series.weekday, series.start, series.first_date) == (3, time(17, 30),
                                                                 date(2026, 3, 5))
    assert series.interval_weeks == 2 and series.duration_minutes == 120
    frames = vault.repo.frames(group.id)
    assert len(frames) == frame_count + 1
    assert frames[1].kind is FrameKind.CUSTOM
    assert frames[1].text("en").title == "Vi slår av telefonen"
    assert not page.is_dirty()
    assert window.list_panel.table.currentIndex().row() == window.model.row_of(group.id)
    assert page.saved_note.text() == "Saved."


def test_editing_a_stored_group_keeps_its_selection(
    qtbot: QtBot, filled_vault: Vault, settings: AppSettings
) -> None:
    window = make_window(qtbot, filled_vault, settings)
    select_row(window, 2)
    group_id = window.page.group_id()
    window.page.details.name.clear()
    qtbot.keyClicks(window.page.details.name, "Aaa-gruppa")
    assert window.page.save()
    # The renamed group sorts first now, and is still the selected one.
    assert window.model.row_of(group_id) == 0  # type: ignore[arg-type]
    assert window.list_panel.table.currentIndex().row() == 0
    assert filled_vault.repo.group(group_id).name == "Aaa-gruppa"  # type: ignore[arg-type, union-attr]


def test_window_title_never_shows_group_data(
    qtbot: QtBot, filled_vault: Vault, settings: AppSettings
) -> None:
    window = make_window(qtbot, filled_vault, settings)
    groups = filled_vault.repo.groups()
    secrets = [g.name for g in groups] + [g.theme for g in groups] + ["Biblioteket", "vault"]
    for row in range(window.model.rowCount()):
        select_row(window, row)
        assert window.page.group_id() == window.model.group_id(row)
        assert window.windowTitle() == "Initiator Desktop"
        shown = QApplication.activeWindow() or window
        for secret in secrets:
            assert secret.casefold() not in window.windowTitle().casefold()
            assert secret.casefold() not in shown.windowTitle().casefold()


def test_themes_are_hidden_in_the_list_until_asked_for(
    qtbot: QtBot, filled_vault: Vault, settings: AppSettings
) -> None:
    window = make_window(qtbot, filled_vault, settings)
    table = window.list_panel.table
    assert table.isColumnHidden(1)
    window.themes_action.trigger()
    assert not table.isColumnHidden(1)


@pytest.mark.parametrize("status", list(GroupStatus))
def test_status_offers_only_allowed_moves(
    qtbot: QtBot, filled_vault: Vault, settings: AppSettings, status: GroupStatus
) -> None:
    from dataclasses import replace

    repo = filled_vault.repo
    group = repo.groups()[0]
    repo.save_group(replace(group, status=status))
    window = make_window(qtbot, filled_vault, settings)
    select_row(window, window.model.row_of(group.id))
    combo = window.page.details.status
    offered = {GroupStatus(combo.itemData(i)) for i in range(combo.count())}
    assert offered == {status, *ALLOWED_TRANSITIONS[status]}
    assert window.page.details.current_status() is status


def test_a_new_group_starts_planned(qtbot: QtBot, vault: Vault, settings: AppSettings) -> None:
    window = make_window(qtbot, vault, settings)
    combo = window.page.details.status
    offered = [GroupStatus(combo.itemData(i)) for i in range(combo.count())]
    assert offered[0] is GroupStatus.PLANNED
    assert set(offered) == {GroupStatus.PLANNED, *ALLOWED_TRANSITIONS[GroupStatus.PLANNED]}


def test_size_advice_appears_for_ten(qtbot: QtBot, vault: Vault, settings: AppSettings) -> None:
    window = make_window(qtbot, vault, settings)
    details = window.page.details
    details.planned_size.setValue(6)
    assert not details.size_advice.isVisibleTo(details)
    details.planned_size.setValue(10)
    assert details.size_advice.isVisibleTo(details)
    assert details.size_advice.text() == (
        "More than eight members leaves little room for each person."
    )


def test_errors_appear_next_to_their_fields(
    qtbot: QtBot, vault: Vault, settings: AppSettings
) -> None:
    window = make_window(qtbot, vault, settings)
    page = window.page
    qtbot.keyClicks(page.place.access_notes, "Nøkkel i resepsjonen")
    page.schedule.enabled.click()
    page.schedule.duration.setValue(30)
    page.schedule.break_minutes.setValue(30)
    assert not page.save()
    errors = page.details.errors
    assert errors.show("name", "x") is page.details.name  # the field the error belongs to
    assert page.schedule.errors._labels["break_minutes"].text() == (
        "The break must be shorter than the meeting."
    )
    assert page.place.errors._labels["name"].text() == "This field must not be empty."
    assert page.message.text() == "Some fields need your attention."
    assert vault.repo.groups() == []


def test_switching_groups_asks_about_unsaved_changes(
    qtbot: QtBot, filled_vault: Vault, settings: AppSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window(qtbot, filled_vault, settings)
    first = window.page.group_id()
    qtbot.keyClicks(window.page.details.theme, " og tap")
    asked = answer_unsaved(monkeypatch, UnsavedChoice.CANCEL)
    select_row(window, 1)
    assert asked and window.page.group_id() == first and window.page.is_dirty()
    qtbot.waitUntil(lambda: window.list_panel.table.currentIndex().row() == 0)

    answer_unsaved(monkeypatch, UnsavedChoice.DISCARD)
    select_row(window, 1)
    assert window.page.group_id() == window.model.group_id(1)
    assert not window.page.is_dirty()
    assert " og tap" not in filled_vault.repo.group(first).theme  # type: ignore[arg-type, union-attr]


def test_save_from_the_question_stores_the_change(
    qtbot: QtBot, filled_vault: Vault, settings: AppSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window(qtbot, filled_vault, settings)
    first = window.page.group_id()
    window.page.details.planned_size.setValue(5)
    answer_unsaved(monkeypatch, UnsavedChoice.SAVE)
    window.new_action.trigger()
    assert window.page.group_id() is None
    assert filled_vault.repo.group(first).planned_size == 5  # type: ignore[arg-type, union-attr]


def test_closing_with_changes_can_be_cancelled(
    qtbot: QtBot, filled_vault: Vault, settings: AppSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window(qtbot, filled_vault, settings)
    window.page.details.planned_size.setValue(5)
    answer_unsaved(monkeypatch, UnsavedChoice.CANCEL)
    assert not window.close()
    assert window.isVisible()
    answer_unsaved(monkeypatch, UnsavedChoice.DISCARD)
    assert window.close()
    assert settings.window_geometry() is not None


def test_delete_asks_first(
    qtbot: QtBot, filled_vault: Vault, settings: AppSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window(qtbot, filled_vault, settings)
    target = window.page.group_id()
    answers = iter([False, True])
    monkeypatch.setattr(message_boxes, "confirm", lambda *_args: next(answers))
    window.list_panel.table.setFocus()
    window.delete_action.trigger()
    assert len(filled_vault.repo.groups()) == 3
    window.delete_action.trigger()
    assert [g.id for g in filled_vault.repo.groups()].count(target) == 0
    assert window.model.rowCount() == 2
    assert window.page.group_id() == window.model.group_id(0)


def test_frames_move_and_keep_their_order(
    qtbot: QtBot, filled_vault: Vault, settings: AppSettings
) -> None:
    window = make_window(qtbot, filled_vault, settings)
    frames = window.page.frames
    for title in ("Først", "Så", "Til slutt"):
        qtbot.mouseClick(frames.add_button, LEFT)
        qtbot.keyClicks(frames.title, title)
    qtbot.mouseClick(frames.up_button, LEFT)
    assert frames.current_row() == 1
    qtbot.mouseClick(frames.remove_button, LEFT)
    assert window.page.save()
    stored = filled_vault.repo.frames(window.page.group_id())  # type: ignore[arg-type]
    assert [f.text("en").title for f in stored] == ["Først", "Så"]


def test_language_switch_changes_the_visible_texts(
    qtbot: QtBot, filled_vault: Vault, settings: AppSettings, fake_nb: None
) -> None:
    window = make_window(qtbot, filled_vault, settings)
    assert window.new_action.text() == "&New group"
    assert window.page.save_button.text() == "Save"
    nb_action = next(a for a in window.language_group.actions() if a.data() == "nb")
    assert nb_action.text() == "Norsk bokmål"
    nb_action.trigger()
    qtbot.waitUntil(lambda: window.page.save_button.text() == "Lagre")
    assert window.new_action.text() == "&Ny gruppe"
    assert window.list_panel.heading.text() == "Grupper"
    assert settings.language() == "nb"
    # Weekdays come from Babel in the new language.
    qtbot.waitUntil(lambda: "tirsdag" in window.model.data(window.model.index(2, 3)))
    en_action = next(a for a in window.language_group.actions() if a.data() == "en")
    en_action.trigger()
    qtbot.waitUntil(lambda: window.page.save_button.text() == "Save")
    assert window.windowTitle() == "Initiator Desktop"


def test_keyboard_shortcuts(
    qtbot: QtBot, filled_vault: Vault, settings: AppSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window(qtbot, filled_vault, settings)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    control = Qt.KeyboardModifier.ControlModifier
    details = window.page.details
    details.name.setFocus()
    qtbot.keyClick(details.name, Qt.Key.Key_End)
    qtbot.keyClicks(details.name, " 2")
    qtbot.keyClick(details.name, Qt.Key.Key_S, control)
    assert not window.page.is_dirty()
    assert window.page.group_id() in {g.id for g in filled_vault.repo.groups()}
    assert any(g.name.endswith(" 2") for g in filled_vault.repo.groups())

    # Del in a text field deletes text, not the group.
    qtbot.keyClick(details.name, Qt.Key.Key_Home)
    qtbot.keyClick(details.name, Qt.Key.Key_Delete)
    assert len(filled_vault.repo.groups()) == 3
    window.page.revert()

    asked: list[str] = []
    monkeypatch.setattr(message_boxes, "confirm", lambda *args: asked.append(args[2]) or False)
    window.list_panel.table.setFocus()
    qtbot.keyClick(window.list_panel.table, Qt.Key.Key_Delete)
    assert len(asked) == 1 and len(filled_vault.repo.groups()) == 3

    qtbot.keyClick(window.list_panel.table, Qt.Key.Key_N, control)
    assert window.page.group_id() is None
    assert window.list_panel.table.currentIndex().isValid() is False
    qtbot.keyClick(window.page.details.name, Qt.Key.Key_Q, control)
    assert not window.isVisible()


def test_the_first_problem_from_the_top_gets_the_focus(
    qtbot: QtBot, vault: Vault, settings: AppSettings
) -> None:
    window = make_window(qtbot, vault, settings)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    page = window.page
    qtbot.keyClicks(page.place.access_notes, "Nøkkel i resepsjonen")  # a place with no name
    window.list_panel.table.setFocus()
    assert not page.save()
    assert page.details.name.hasFocus()
