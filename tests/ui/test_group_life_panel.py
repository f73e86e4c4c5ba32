"""The "Before and after" panel: members, contacts, checklists, handover, follow-up, end
and restart, through the widgets, with a fake purge (and once with the real one)."""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from initiator_desktop.core.clock import OSLO
from initiator_desktop.core.frame_library import Preset, default_frames
from initiator_desktop.core.group_life import EndReason, EventKind, GroupEvent
from initiator_desktop.core.handover import HANDOVER_ITEMS, load_follow_up, tick_handover
from initiator_desktop.core.memory_repository import MemoryRepository
from initiator_desktop.core.models import Group, GroupStatus, Place, Schedule
from initiator_desktop.core.preparation import add_contact, load_preparation
from initiator_desktop.core.repository import VaultRepository
from initiator_desktop.storage.backup import rolling_backup
from initiator_desktop.storage.contact_purge import purge_contacts
from initiator_desktop.storage.vault import Vault
from initiator_desktop.ui import message_boxes
from initiator_desktop.ui.group_life.contact_table_model import CALLED_COLUMN, LABEL_COLUMN
from initiator_desktop.ui.group_life.group_life_panel import GroupLifePanel
from initiator_desktop.ui.language import apply_language
from tests.storage.test_secure_delete import decrypted_pages

NOW = datetime(2026, 3, 9, 12, 0, tzinfo=OSLO)  # a Monday, after the first meeting
TODAY = NOW.date()


def clock() -> datetime:
    return NOW


def starting_group(repo: VaultRepository, **fields: object) -> Group:
    place = Place(name="Frivilligsentralen, møterom 2")
    repo.save_place(place)
    values: dict[str, object] = {"status": GroupStatus.STARTING, **fields}
    group = Group(name="Tirsdagsgruppa", theme="Sorg", place_id=place.id,
                  **values)  # type: ignore[arg-type]
    repo.save_group(group)
    repo.save_schedules(group.id, [Schedule(weekday=1, start=time(18),
                                            first_date=date(2026, 3, 3))])
    repo.save_frames(group.id, default_frames(Preset.SN))
    return group


class FakePurge:
    def __init__(self, repo: VaultRepository) -> None:
        self.repo = repo
        self.asked: list[str] = []
        self.fail = False

    def __call__(self, group_id: str) -> int:
        self.asked.append(group_id)
        if self.fail:
            raise OSError(28, "No space left on device")
        return self.repo.delete_contacts(group_id)


def make_panel(qtbot: QtBot, repo: VaultRepository, group: Group,
               purge: object | None = None, **options: object) -> GroupLifePanel:
    panel = GroupLifePanel(repo, group.id, clock, purge or FakePurge(repo),  # type: ignore[arg-type]
                           **options)  # type: ignore[arg-type]
    qtbot.addWidget(panel)
    panel.resize(900, 1400)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def answer(monkeypatch: pytest.MonkeyPatch, yes: bool) -> list[str]:
    asked: list[str] = []

    def confirm(_parent: object, title: str, _text: str, _action: str) -> bool:
        asked.append(title)
        return yes

    monkeypatch.setattr(message_boxes, "confirm", confirm)
    return asked


@pytest.fixture
def repo() -> MemoryRepository:
    return MemoryRepository()


# members --------------------------------------------------------------------------------
def test_the_member_count_changes_with_a_date(qtbot: QtBot, repo: MemoryRepository) -> None:
    group = starting_group(repo)
    panel = make_panel(qtbot, repo, group)
    members = panel.members
    assert "No number" in members.current.text()
    members.number.setValue(6)
    members.changed_on.setDate(members.changed_on.date().addDays(-6))  # 3 March
    qtbot.mouseClick(members.save_button, Qt.MouseButton.LeftButton)
    members.number.setValue(7)
    qtbot.mouseClick(members.save_button, Qt.MouseButton.LeftButton)
    assert [(c.changed_on, c.members) for c in repo.member_counts(group.id)] == [
        (date(2026, 3, 3), 6), (TODAY, 7)]
    assert members.current.text() == "7 members, since 9 March 2026"
    assert members.history_model.stringList() == ["7 from 9 March 2026", "6 from 3 March 2026"]
    members.history.setCurrentIndex(members.history_model.index(0))
    qtbot.mouseClick(members.remove_button, Qt.MouseButton.LeftButton)
    assert members.current.text() == "6 members, since 3 March 2026"


# contacts -------------------------------------------------------------------------------
def test_contacts_are_added_ticked_and_edited(qtbot: QtBot, repo: MemoryRepository) -> None:
    group = starting_group(repo)
    panel = make_panel(qtbot, repo, group)
    section = panel.contacts
    qtbot.keyClicks(section.label_edit, "Kari")
    qtbot.keyClicks(section.reach_edit, "400 00 000")
    qtbot.mouseClick(section.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(section.label_edit, "O. H.")
    qtbot.keyClick(section.label_edit, Qt.Key.Key_Return)
    assert [(c.label, c.reach) for c in repo.contacts(group.id)] == [
        ("Kari", "400 00 000"), ("O. H.", "")]
    assert section.label_edit.text() == ""
    model = section.model
    assert model.rowCount() == 2
    assert model.setData(model.index(0, CALLED_COLUMN), Qt.CheckState.Checked.value,
                         Qt.ItemDataRole.CheckStateRole)
    assert repo.contacts(group.id)[0].called
    qtbot.waitUntil(lambda: section.calls_line.text() == "1 of 2 people called")
    assert "(1 of 2 called)" in panel.preparation.checklist.boxes["calls"].text()
    # Edited in the table itself, as a person would.
    section.table.edit(model.index(1, LABEL_COLUMN))
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "Ola")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: [c.label for c in repo.contacts(group.id)] == ["Kari", "Ola"])
    qtbot.waitUntil(lambda: model.rowCount() == 2 and model.contact(1).label == "Ola")
    # No notes: a long text about the person is refused and not stored.
    assert not model.setData(model.index(1, LABEL_COLUMN), "Ola, who struggles with " * 3)
    assert not section.message.isHidden() and "first name" in section.message.text()
    assert [c.label for c in repo.contacts(group.id)] == ["Kari", "Ola"]
    qtbot.mouseClick(section.add_button, Qt.MouseButton.LeftButton)  # empty: refused
    assert len(repo.contacts(group.id)) == 2
    section.table.selectRow(0)
    qtbot.mouseClick(section.remove_button, Qt.MouseButton.LeftButton)
    assert [c.label for c in repo.contacts(group.id)] == ["Ola"]


def test_the_contact_list_has_no_field_for_notes(qtbot: QtBot, repo: MemoryRepository) -> None:
    group = starting_group(repo)
    panel = make_panel(qtbot, repo, group)
    section = panel.contacts
    assert section.model.columnCount() == 3
    headers = [section.model.headerData(c, Qt.Orientation.Horizontal) for c in range(3)]
    assert headers == ["First name or initials", "Phone or e-mail", "Called"]
    from PySide6.QtWidgets import QPlainTextEdit, QTextEdit

    assert section.findChildren(QTextEdit) == [] and section.findChildren(QPlainTextEdit) == []
    assert set(section.findChildren(QLineEdit)) >= {section.label_edit, section.reach_edit}
    assert section.label_edit.maxLength() == 40
    assert "deleted automatically when the group is handed over" in \
        section.promise.label.text()
    assert "elsewhere are not changed" in section.promise.label.text()


def test_the_delete_button_asks_purges_and_says_so(qtbot: QtBot, repo: MemoryRepository,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    group = starting_group(repo)
    add_contact(repo, group.id, "Kari", "400 00 000")
    purge = FakePurge(repo)
    panel = make_panel(qtbot, repo, group, purge)
    section = panel.contacts
    assert section.deleted_line.isHidden()
    answer(monkeypatch, False)
    qtbot.mouseClick(section.delete_button, Qt.MouseButton.LeftButton)
    assert purge.asked == [] and len(repo.contacts(group.id)) == 1
    asked = answer(monkeypatch, True)
    qtbot.mouseClick(section.delete_button, Qt.MouseButton.LeftButton)
    assert asked == ["Delete the contact list"] and purge.asked == [group.id]
    assert repo.contacts(group.id) == [] and section.model.rowCount() == 0
    assert not section.deleted_line.isHidden()
    assert section.deleted_line.text() == "The contact list was deleted on 9 March 2026."
    assert not section.delete_button.isEnabled()


def test_a_failed_purge_is_reported_and_the_list_stays(
        qtbot: QtBot, repo: MemoryRepository, monkeypatch: pytest.MonkeyPatch) -> None:
    group = starting_group(repo)
    add_contact(repo, group.id, "Kari")
    purge = FakePurge(repo)
    purge.fail = True
    panel = make_panel(qtbot, repo, group, purge)
    answer(monkeypatch, True)
    qtbot.mouseClick(panel.contacts.delete_button, Qt.MouseButton.LeftButton)
    assert "No space left" in panel.contacts.message.text()
    assert panel.contacts.model.rowCount() == 1 and panel.contacts.deleted_line.isHidden()


def test_a_list_left_on_a_group_handed_over_by_hand_is_purged_when_shown(
        qtbot: QtBot, repo: MemoryRepository) -> None:
    group = starting_group(repo)
    add_contact(repo, group.id, "Kari")
    repo.save_group(group.with_status(GroupStatus.SELF_RUNNING))  # from the status field
    purge = FakePurge(repo)
    panel = make_panel(qtbot, repo, group, purge)
    assert purge.asked == [group.id] and repo.contacts(group.id) == []
    assert panel.contacts.deleted_line.text() == "The contact list was deleted on 9 March 2026."


# checklists and handover ----------------------------------------------------------------
def test_progress_and_the_preparation_checklist(qtbot: QtBot, repo: MemoryRepository) -> None:
    group = starting_group(repo)
    panel = make_panel(qtbot, repo, group)
    assert panel.handover.progress.text() == "Meeting 2 of 3 with you: Tuesday, 10 March 2026"
    panel.preparation.checklist.boxes["premises"].click()
    panel.preparation.checklist.boxes["key"].click()
    assert load_preparation(repo, group.id).checklist.done == {"premises", "key"}
    assert panel.preparation.checklist.progress.text() == "2 of 6 done"


def test_handing_over_deletes_the_contacts_and_says_so(
        qtbot: QtBot, repo: MemoryRepository, monkeypatch: pytest.MonkeyPatch) -> None:
    group = starting_group(repo)
    add_contact(repo, group.id, "Kari", "400 00 000")
    add_contact(repo, group.id, "O. H.", "oh@example.org")
    purge = FakePurge(repo)
    panel = make_panel(qtbot, repo, group, purge)
    section = panel.handover
    assert not section.hand_over_button.isEnabled()
    for item in HANDOVER_ITEMS:
        section.checklist.boxes[item].click()
    assert section.hand_over_button.isEnabled()
    answer(monkeypatch, True)
    with qtbot.waitSignal(panel.group_changed) as changed:
        qtbot.mouseClick(section.hand_over_button, Qt.MouseButton.LeftButton)
    assert changed.args == [group.id] and purge.asked == [group.id]
    assert repo.group(group.id).status is GroupStatus.SELF_RUNNING  # type: ignore[union-attr]
    assert GroupEvent(TODAY, EventKind.HANDED_OVER) in repo.events(group.id)
    assert repo.contacts(group.id) == []
    assert section.result.text() == ("The group was handed over on 9 March 2026. "
                                     "The contact list (2 people) was deleted.")
    assert section.progress.text() == "Handed over on 9 March 2026. The group runs by itself."
    assert section.hand_over_button.isHidden()
    contacts = panel.contacts
    assert contacts.deleted_line.text() == "The contact list was deleted on 9 March 2026."
    assert contacts.add_button.isHidden() and not contacts.no_list_line.isHidden()


def test_a_handover_that_cannot_purge_changes_nothing(
        qtbot: QtBot, repo: MemoryRepository, monkeypatch: pytest.MonkeyPatch) -> None:
    group = starting_group(repo)
    add_contact(repo, group.id, "Kari")
    for item in HANDOVER_ITEMS:
        tick_handover(repo, group.id, item, True)
    purge = FakePurge(repo)
    purge.fail = True
    panel = make_panel(qtbot, repo, group, purge)
    answer(monkeypatch, True)
    qtbot.mouseClick(panel.handover.hand_over_button, Qt.MouseButton.LeftButton)
    assert "No space left" in panel.handover.message.text()
    assert repo.group(group.id).status is GroupStatus.STARTING  # type: ignore[union-attr]
    assert len(repo.contacts(group.id)) == 1


def test_handing_over_with_the_real_purge_cleans_the_rolling_backups(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "backups"
    with Vault.create(tmp_path / "panel.vault", "panel passphrase") as vault:
        key = bytes(vault._data_key)
        group = starting_group(vault.repo)
        add_contact(vault.repo, group.id, "Kari-Panel-Markør", "+47 912 00 111")
        for item in HANDOVER_ITEMS:
            tick_handover(vault.repo, group.id, item, True)
        backup = rolling_backup(vault, folder, keep=5)
        assert backup is not None
        panel = make_panel(qtbot, vault.repo, group,
                           lambda group_id: purge_contacts(vault, group_id, folder))
        answer(monkeypatch, True)
        qtbot.mouseClick(panel.handover.hand_over_button, Qt.MouseButton.LeftButton)
        assert "(1 person) was deleted" in panel.handover.result.text()
        import zipfile

        unpacked = tmp_path / "unpacked.db"
        with zipfile.ZipFile(backup) as zf:
            unpacked.write_bytes(zf.read("vault.db"))
        for pages in (decrypted_pages(vault.path, key), decrypted_pages(unpacked, key)):
            assert b"Kari-Panel-Mark" not in pages and b"912 00 111" not in pages
            assert b"Tirsdagsgruppa" in pages  # positive control: the rest is there


def test_the_pack_button_hands_the_group_to_the_printer(qtbot: QtBot,
                                                        repo: MemoryRepository) -> None:
    group = starting_group(repo)
    asked: list[str] = []
    panel = make_panel(qtbot, repo, group,
                       print_pack=lambda _parent, _repo, group_id: asked.append(group_id))
    qtbot.mouseClick(panel.handover.pack_button, Qt.MouseButton.LeftButton)
    assert asked == [group.id]


# follow-up ------------------------------------------------------------------------------
def test_follow_up_suggestion_plan_asked_back_and_done(qtbot: QtBot,
                                                      repo: MemoryRepository) -> None:
    group = starting_group(repo, status=GroupStatus.SELF_RUNNING)
    repo.add_event(group.id, GroupEvent(date(2026, 3, 3), EventKind.HANDED_OVER))
    panel = make_panel(qtbot, repo, group)
    section = panel.follow_up
    # Six weeks after 3 March is 14 April, when the group has met five times alone.
    assert section.suggestion.text() == ("Suggested visit: Tuesday, 14 April 2026. By then "
                                         "the group will have met 5 times on its own.")
    assert section.visit_date.date().toPython() == date(2026, 4, 14)
    assert section.planned.text() == "No visit planned yet."
    section.visit_date.setDate(section.visit_date.date().addDays(7))  # edited: a week later
    qtbot.mouseClick(section.plan_button, Qt.MouseButton.LeftButton)
    assert load_follow_up(repo, group.id).planned_for == date(2026, 4, 21)
    assert section.planned.text() == "Visit planned for Tuesday, 21 April 2026."
    qtbot.mouseClick(section.asked_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(section.done_button, Qt.MouseButton.LeftButton)
    follow_up = load_follow_up(repo, group.id)
    assert follow_up.asked_back == (TODAY,) and follow_up.done == (TODAY,)
    assert follow_up.planned_for is None
    assert "The group asked you back: 9 March 2026" in section.history.text()
    assert "Follow-up visits: 9 March 2026" in section.history.text()


def test_a_visit_in_the_past_is_refused(qtbot: QtBot, repo: MemoryRepository) -> None:
    group = starting_group(repo, status=GroupStatus.SELF_RUNNING)
    panel = make_panel(qtbot, repo, group)
    section = panel.follow_up
    section.visit_date.setDate(section.visit_date.date().addYears(-1))
    qtbot.mouseClick(section.plan_button, Qt.MouseButton.LeftButton)
    assert section.message.text() == "Choose a day from today on."
    assert load_follow_up(repo, group.id).planned_for is None


# ending and restarting ------------------------------------------------------------------
def test_ending_a_group_with_a_reason(qtbot: QtBot, repo: MemoryRepository,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    group = starting_group(repo)
    add_contact(repo, group.id, "Kari")
    purge = FakePurge(repo)
    panel = make_panel(qtbot, repo, group, purge)
    section = panel.ending
    reasons = [section.reason.itemData(i) for i in range(section.reason.count())]
    assert EndReason.RESTARTED.value not in reasons
    section.reason.setCurrentIndex(section.reason.findData(EndReason.TOO_FEW.value))
    answer(monkeypatch, False)
    qtbot.mouseClick(section.end_button, Qt.MouseButton.LeftButton)
    assert repo.group(group.id).status is GroupStatus.STARTING  # type: ignore[union-attr]
    answer(monkeypatch, True)
    with qtbot.waitSignal(panel.group_changed):
        qtbot.mouseClick(section.end_button, Qt.MouseButton.LeftButton)
    assert repo.group(group.id).status is GroupStatus.ENDED  # type: ignore[union-attr]
    assert GroupEvent(TODAY, EventKind.ENDED, "too_few") in repo.events(group.id)
    assert purge.asked == [group.id] and repo.contacts(group.id) == []
    assert section.links.text() == ("The group ended on 9 March 2026. "
                                    "Reason: Too few members to go on.")
    assert section.end_button.isHidden() and section.restart_button.isHidden()
    assert panel.handover.progress.text() == "The group has ended."


def test_restarting_as_a_new_group(qtbot: QtBot, repo: MemoryRepository,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    group = starting_group(repo, status=GroupStatus.SELF_RUNNING)
    panel = make_panel(qtbot, repo, group)
    section = panel.ending
    answer(monkeypatch, True)
    with qtbot.waitSignal(panel.group_restarted) as restarted:
        qtbot.mouseClick(section.restart_button, Qt.MouseButton.LeftButton)
    (new_id,) = restarted.args
    new = repo.group(new_id)
    assert new is not None and new.name == group.name and new.id != group.id
    assert repo.group(group.id).status is GroupStatus.ENDED  # type: ignore[union-attr]
    assert section.links.text() == ("On 9 March 2026 the group went on as a new group: "
                                    "“Tirsdagsgruppa”.")
    panel.set_group(new_id)
    assert section.links.text() == ("This group continues “Tirsdagsgruppa” as a new group "
                                    "from 9 March 2026.")
    assert not section.restart_button.isHidden()


def test_an_open_group_is_not_restarted(qtbot: QtBot, repo: MemoryRepository) -> None:
    group = starting_group(repo, is_open=True)
    panel = make_panel(qtbot, repo, group)
    assert not panel.ending.restart_button.isEnabled()
    assert "without starting again" in panel.ending.restart_hint.text()


def test_a_language_switch_retranslates_without_losing_the_group(
        qtbot: QtBot, repo: MemoryRepository, fake_nb: None) -> None:
    group = starting_group(repo)
    add_contact(repo, group.id, "Kari")
    panel = make_panel(qtbot, repo, group)
    apply_language("nb")
    qtbot.waitUntil(lambda: panel.contacts.model.rowCount() == 1)
    assert panel.group_id() == group.id
    assert panel.members.save_button.text()  # texts were set again
    apply_language("en")
    assert panel.boxes[0].title() == "Members"
