"""A group's frames through the GUI: edit, reset to the library wording, reorder, add,
save; note agreements; change agreed frames and read the history."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot

from initiator_desktop.core.frame_library import Preset, default_frames, library_item
from initiator_desktop.core.frame_records import AgreementKind, FrameAgreement
from initiator_desktop.core.group_page import GroupPage, save_group_page
from initiator_desktop.core.models import FrameKind, Group
from initiator_desktop.storage.vault import Vault
from initiator_desktop.ui import message_boxes
from initiator_desktop.ui.frames.history_dialog import FrameHistoryDialog
from initiator_desktop.ui.groups import page_draft
from initiator_desktop.ui.groups.group_page_widget import GroupPageWidget
from initiator_desktop.ui.settings import AppSettings
from tests.ui.conftest import NOW, fixed_clock
from tests.ui.test_main_window import make_window

LEFT = Qt.MouseButton.LeftButton
OK = QDialogButtonBox.StandardButton.Ok


def stored_group(vault: Vault) -> str:
    page = GroupPage(group=Group(name="Tirsdagsgruppa"), frames=tuple(default_frames(Preset.SN)))
    return save_group_page(vault.repo, page).group_id


def open_page(qtbot: QtBot, vault: Vault, group_id: str | None = None,
              clock: object = fixed_clock) -> GroupPageWidget:
    page = GroupPageWidget(vault.repo, clock=clock)  # type: ignore[arg-type]
    qtbot.addWidget(page)
    page.resize(1000, 800)
    page.show()
    if group_id is not None:
        assert page.show_group(group_id)
    page.frames.language.setCurrentIndex(page.frames.language.findData("en"))
    page.frames.language.activated.emit(page.frames.language.currentIndex())
    return page


def select(page: GroupPageWidget, row: int) -> None:
    page.frames.table.selectRow(row)
    assert page.frames.current_row() == row


def click(qtbot: QtBot, widget: QWidget) -> None:
    assert widget.isEnabled() and widget.isVisibleTo(widget.window()), widget
    qtbot.mouseClick(widget, LEFT)


def titles(vault: Vault, group_id: str, language: str = "en") -> list[str]:
    return [f.text(language).title for f in vault.repo.frames(group_id)]


# -- editing the list --------------------------------------------------------------------
def test_edit_reset_reorder_add_and_save(qtbot: QtBot, vault: Vault) -> None:
    group_id = stored_group(vault)
    page = open_page(qtbot, vault, group_id)
    frames = page.frames
    original = library_item("group_size").texts["en"]
    select(page, 0)
    assert frames.origin_note.text() == "From the frame library, in its original wording."
    assert not frames.reset_button.isEnabled()

    frames.title.selectAll()
    qtbot.keyClicks(frames.title, "Six of us")
    assert page.is_dirty()
    assert frames.origin_note.text() == "From the frame library, in the group's own wording."
    click(qtbot, frames.reset_button)  # one click back to the library's wording
    assert frames.title.text() == original.title
    assert frames.body.toPlainText() == original.body
    assert not frames.reset_button.isEnabled()

    frames.title.selectAll()
    qtbot.keyClicks(frames.title, "Six of us")
    click(qtbot, frames.down_button)
    assert frames.current_row() == 1
    click(qtbot, frames.add_button)
    qtbot.keyClicks(frames.title, "Phones off")
    qtbot.keyClicks(frames.body, "We switch off our phones.")
    assert frames.origin_note.text() == "The group's own frame."
    assert not frames.reset_button.isVisibleTo(frames)
    click(qtbot, page.save_button)

    saved = vault.repo.frames(group_id)
    assert [f.text("en").title for f in saved[:3]] == ["A closed group", "Six of us",
                                                      "Phones off"]
    assert saved[1].source_key == "group_size"
    assert saved[1].text("nb") == library_item("group_size").texts["nb"]  # other languages kept
    assert saved[2].kind is FrameKind.CUSTOM and saved[2].source_key == ""
    assert not page.is_dirty()

    select(page, 1)
    click(qtbot, frames.reset_button)
    click(qtbot, page.save_button)
    assert vault.repo.frames(group_id)[1].text("en") == original


def test_reset_brings_back_every_language_and_the_kind(qtbot: QtBot, vault: Vault) -> None:
    group_id = stored_group(vault)
    page = open_page(qtbot, vault, group_id)
    frames = page.frames
    select(page, 0)
    frames.kind.setCurrentIndex(frames.kind.findData(FrameKind.CUSTOM))
    frames.kind.activated.emit(frames.kind.currentIndex())
    frames.language.setCurrentIndex(frames.language.findData("nn"))
    frames.language.activated.emit(frames.language.currentIndex())
    frames.title.clear()
    qtbot.keyClicks(frames.title, "Seks")
    click(qtbot, frames.reset_button)
    assert frames.model.draft(0).kind is FrameKind.PRACTICAL
    assert frames.title.text() == library_item("group_size").texts["nn"].title


def test_frames_from_the_library_are_added_after_the_current_one(
    qtbot: QtBot, vault: Vault
) -> None:
    group_id = stored_group(vault)
    page = open_page(qtbot, vault, group_id)
    select(page, 1)
    click(qtbot, page.frames.library_button)
    dialog = page.frames.library_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.set_checked("group_size")  # already in the list: cannot be picked twice
    dialog.set_checked("no_recording")
    dialog.set_checked("first_names_only")
    assert dialog.chosen_keys() == ["first_names_only", "no_recording"]
    click(qtbot, dialog.buttons.button(OK))
    assert page.is_dirty()
    drafts = page.frames.model.drafts()
    assert [d.source_key for d in drafts[2:4]] == ["first_names_only", "no_recording"]
    assert page.frames.current_row() == 2
    assert page.save()
    assert len(vault.repo.frames(group_id)) == len(default_frames(Preset.SN)) + 2


def test_a_new_group_has_no_agreements_to_note(qtbot: QtBot, vault: Vault) -> None:
    page = open_page(qtbot, vault)
    panel = page.frames.agreement
    assert panel is not None
    assert not panel.frames_button.isEnabled() and not panel.history_button.isEnabled()
    assert "Save the group first" in panel.status.text()


# -- agreements and history ----------------------------------------------------------------
def record(qtbot: QtBot, page: GroupPageWidget, kind: AgreementKind, day: date,
           count: int | None) -> None:
    panel = page.frames.agreement
    assert panel is not None
    button = panel.frames_button if kind is AgreementKind.FRAMES else panel.confidentiality_button
    click(qtbot, button)
    dialog = panel.agreement_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.day.date() == QDate(2026, 3, 2)  # today by default
    dialog.day.setDate(QDate(day.year, day.month, day.day))
    if count is not None:
        dialog.with_count.setChecked(True)
        dialog.count.setValue(count)
    click(qtbot, dialog.buttons.button(OK))


def test_record_agreements_on_frames_and_confidentiality(qtbot: QtBot, vault: Vault) -> None:
    group_id = stored_group(vault)
    page = open_page(qtbot, vault, group_id)
    panel = page.frames.agreement
    assert panel is not None
    assert panel.status.text() == "The group has not agreed on its frames yet."
    record(qtbot, page, AgreementKind.FRAMES, date(2026, 2, 24), 6)
    record(qtbot, page, AgreementKind.CONFIDENTIALITY, date(2026, 2, 24), None)
    assert vault.repo.frame_agreements(group_id) == [
        FrameAgreement(AgreementKind.FRAMES, date(2026, 2, 24), 6),
        FrameAgreement(AgreementKind.CONFIDENTIALITY, date(2026, 2, 24), None),
    ]
    assert panel.model.rowCount() == 2
    assert panel.status.text().startswith("The frames were last agreed on 24 February 2026.")
    assert len(vault.repo.frame_changes(group_id)) == 1  # the frames agreed on are kept
    assert not page.is_dirty()  # an agreement is stored at once, not a page change


def test_an_agreement_cannot_be_in_the_future(qtbot: QtBot, vault: Vault) -> None:
    page = open_page(qtbot, vault, stored_group(vault))
    panel = page.frames.agreement
    assert panel is not None
    click(qtbot, panel.frames_button)
    dialog = panel.agreement_dialog
    assert dialog is not None
    dialog.day.setDate(QDate(2026, 3, 9))
    assert dialog.day.date() == QDate(2026, 3, 2)  # the field goes no further than today


def test_agreement_waits_for_unsaved_frames(qtbot: QtBot, vault: Vault) -> None:
    group_id = stored_group(vault)
    page = open_page(qtbot, vault, group_id)
    panel = page.frames.agreement
    assert panel is not None
    click(qtbot, page.frames.remove_button)
    click(qtbot, panel.frames_button)
    assert panel.agreement_dialog is None
    assert panel.message.text().startswith("Save the page first")
    assert vault.repo.frame_agreements(group_id) == []
    page.save()
    click(qtbot, panel.frames_button)
    assert panel.agreement_dialog is not None


def test_changing_agreed_frames_shows_in_the_history(qtbot: QtBot, vault: Vault) -> None:
    group_id = stored_group(vault)
    now = [NOW]

    def clock() -> datetime:
        return now[0]

    page = open_page(qtbot, vault, group_id, clock=clock)
    frames = page.frames
    record(qtbot, page, AgreementKind.FRAMES, date(2026, 3, 2), 5)
    now[0] = NOW + timedelta(days=7, hours=7, minutes=30)

    select(page, 0)
    frames.title.selectAll()
    qtbot.keyClicks(frames.title, "Six of us")
    click(qtbot, frames.down_button)
    select(page, 2)
    click(qtbot, frames.remove_button)
    click(qtbot, frames.add_button)
    qtbot.keyClicks(frames.title, "Phones off")
    click(qtbot, page.save_button)
    assert len(vault.repo.frame_changes(group_id)) == 2

    panel = frames.agreement
    assert panel is not None
    click(qtbot, panel.history_button)
    dialog = panel.history_dialog
    assert isinstance(dialog, FrameHistoryDialog) and dialog.isVisible()
    text = dialog.plain_text()
    newest, first = text.index("9 March 2026, 19:30"), text.index("2 March 2026, 12:00")
    assert newest < first  # newest first
    changes = text[newest:first]
    assert "Added\n“Phones off”" in changes
    assert "“Five to eight members”, now “Six of us” (wording in en)" in changes
    assert "Removed" in changes and "“A fixed time and place”" in changes
    assert "Moved\n“A closed group”, now number 1" in changes
    assert "The frames as the group first agreed on them (19 frames)" in text[first:]


def test_saving_unchanged_agreed_frames_keeps_no_new_version(qtbot: QtBot, vault: Vault) -> None:
    group_id = stored_group(vault)
    page = open_page(qtbot, vault, group_id)
    record(qtbot, page, AgreementKind.FRAMES, date(2026, 3, 2), None)
    page.details.name.setText("Tirsdagsringen")
    page.mark_edited()
    assert page.save()
    assert len(vault.repo.frame_changes(group_id)) == 1


def test_remove_a_note_made_by_mistake(
    qtbot: QtBot, vault: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    group_id = stored_group(vault)
    page = open_page(qtbot, vault, group_id)
    record(qtbot, page, AgreementKind.CONFIDENTIALITY, date(2026, 3, 1), None)
    panel = page.frames.agreement
    assert panel is not None
    panel.table.selectRow(0)
    monkeypatch.setattr(message_boxes, "confirm", lambda *_args: True)
    click(qtbot, panel.remove_button)
    assert vault.repo.frame_agreements(group_id) == []
    assert panel.model.rowCount() == 0


def test_a_draft_over_a_lock_still_counts_as_unsaved(qtbot: QtBot, vault: Vault) -> None:
    group_id = stored_group(vault)
    page = open_page(qtbot, vault, group_id)
    click(qtbot, page.frames.remove_button)
    payload = page_draft.capture(page)
    page.revert()
    assert page_draft.restore(page, payload)
    assert page.frames.has_unsaved_edits()
    page.revert()
    assert not page.frames.has_unsaved_edits()


def test_through_the_main_window(qtbot: QtBot, vault: Vault, settings: AppSettings) -> None:
    group_id = stored_group(vault)
    window = make_window(qtbot, vault, settings)
    assert window.page.group_id() == group_id
    record(qtbot, window.page, AgreementKind.FRAMES, date(2026, 3, 2), 7)
    select(window.page, 0)
    click(qtbot, window.page.frames.remove_button)
    window.save_action.trigger()
    assert len(vault.repo.frame_changes(group_id)) == 2
    assert titles(vault, group_id)[0] == "A closed group"
    # Tab order: the page's Save and Revert come after the agreements.
    panel = window.page.frames.agreement
    assert panel is not None
    assert panel.history_button.nextInFocusChain() is window.page.revert_button
