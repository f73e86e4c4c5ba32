"""Before the first meeting: the preparation checklist, the contact list, the member count."""

from __future__ import annotations

from datetime import date

import pytest

from initiator_desktop.core.errors import DomainError
from initiator_desktop.core.group_life import MAX_CONTACTS, Contact, MemberCount
from initiator_desktop.core.members import change_members, members, remove_member_change
from initiator_desktop.core.models import Group, GroupStatus
from initiator_desktop.core.preparation import (
    PREPARATION,
    PREPARATION_ITEMS,
    Calls,
    add_contact,
    calls,
    delete_contact_list,
    load_preparation,
    purge_if_due,
    read_checklist,
    remove_contact,
    tick_preparation,
    update_contact,
)
from initiator_desktop.core.repository import VaultRepository
from tests.core.test_repository_contract import repo  # noqa: F401  (memory and SQLCipher)

DAY = date(2026, 3, 2)


@pytest.fixture
def group(repo: VaultRepository) -> Group:  # noqa: F811
    group = Group(name="Tirsdagsgruppa", status=GroupStatus.PLANNED)
    repo.save_group(group)
    return group


def test_the_checklist_starts_empty_and_keeps_its_ticks(repo: VaultRepository,  # noqa: F811
                                                       group: Group) -> None:
    fresh = load_preparation(repo, group.id)
    assert fresh.checklist.items == PREPARATION_ITEMS
    assert (fresh.checklist.done_count, fresh.checklist.total) == (0, 6)
    assert fresh.contacts_deleted_on is None
    tick_preparation(repo, group.id, "premises", True)
    tick_preparation(repo, group.id, "key", True)
    after = tick_preparation(repo, group.id, "premises", False)
    assert after.checklist.done == {"key"}
    assert load_preparation(repo, group.id).checklist.done_count == 1
    for item in PREPARATION_ITEMS:
        tick_preparation(repo, group.id, item, True)
    assert load_preparation(repo, group.id).checklist.complete
    with pytest.raises(DomainError):
        tick_preparation(repo, group.id, "bribe the caretaker", True)


@pytest.mark.parametrize("document", [
    None, {}, {"done": "premises"}, {"done": [1, None, {"x": 1}, ["premises"]]},
    {"done": ["premises", "premises", "unknown-" * 1000]}, {"version": 99, "done": None},
])
def test_a_damaged_checklist_reads_as_not_done(document: object) -> None:
    checklist = read_checklist(document, PREPARATION_ITEMS)  # type: ignore[arg-type]
    assert checklist.done <= {"premises"}
    assert checklist.total == len(PREPARATION_ITEMS)


def test_a_damaged_document_in_the_vault_does_not_block_the_page(
        repo: VaultRepository, group: Group) -> None:  # noqa: F811
    repo.save_group_document(group.id, PREPARATION,
                             {"done": {"premises": True}, "contacts_deleted_on": "31.12.2026",
                              "kept": "for a later version"})
    loaded = load_preparation(repo, group.id)
    assert loaded.checklist.done_count == 0 and loaded.contacts_deleted_on is None
    tick_preparation(repo, group.id, "calls", True)
    stored = repo.group_document(group.id, PREPARATION)
    assert stored is not None and stored["done"] == ["calls"]
    assert stored["kept"] == "for a later version"  # what a newer version wrote survives


def test_contacts_are_added_ticked_and_removed_in_order(repo: VaultRepository,  # noqa: F811
                                                        group: Group) -> None:
    kari = add_contact(repo, group.id, "  Kari ", " 400 00 000 ")
    add_contact(repo, group.id, "O. H.", "oh@example.org")
    assert (kari.label, kari.reach) == ("Kari", "400 00 000")
    assert calls(repo.contacts(group.id)) == Calls(0, 2)
    update_contact(repo, group.id, Contact(kari.label, kari.reach, True, id=kari.id))
    listed = repo.contacts(group.id)
    assert [c.label for c in listed] == ["Kari", "O. H."] and listed[0].called
    assert (calls(listed).called, calls(listed).total) == (1, 2)
    remove_contact(repo, group.id, kari.id)
    assert [c.label for c in repo.contacts(group.id)] == ["O. H."]
    with pytest.raises(DomainError):
        update_contact(repo, group.id, kari)  # no longer on the list


def test_the_contact_list_takes_no_notes_and_has_a_limit(repo: VaultRepository,  # noqa: F811
                                                         group: Group) -> None:
    for label, reach in (("", "1"), ("Kari has anxiety and " + "x" * 40, ""),
                         ("Kari", "x" * 81), ("Kari\nnotes", "")):
        with pytest.raises(DomainError):
            add_contact(repo, group.id, label, reach)
    for index in range(MAX_CONTACTS):
        add_contact(repo, group.id, f"P{index}")
    with pytest.raises(DomainError):
        add_contact(repo, group.id, "One too many")
    assert len(repo.contacts(group.id)) == MAX_CONTACTS


@pytest.mark.parametrize("status", [GroupStatus.SELF_RUNNING, GroupStatus.ENDED])
def test_no_contact_list_after_the_initiators_part(repo: VaultRepository,  # noqa: F811
                                                   status: GroupStatus) -> None:
    group = Group(name="Selvgående", status=status)
    repo.save_group(group)
    with pytest.raises(DomainError):
        add_contact(repo, group.id, "Kari")
    assert repo.contacts(group.id) == []


def test_deleting_the_list_notes_the_day_only_when_something_went(
        repo: VaultRepository, group: Group) -> None:  # noqa: F811
    asked: list[str] = []

    def purge(group_id: str) -> int:
        asked.append(group_id)
        return repo.delete_contacts(group_id)

    assert delete_contact_list(repo, group.id, DAY, purge) == 0
    assert load_preparation(repo, group.id).contacts_deleted_on is None
    add_contact(repo, group.id, "Kari")
    add_contact(repo, group.id, "Ola")
    tick_preparation(repo, group.id, "calls", True)
    assert delete_contact_list(repo, group.id, DAY, purge) == 2
    assert asked == [group.id, group.id]
    assert repo.contacts(group.id) == []
    after = load_preparation(repo, group.id)
    assert after.contacts_deleted_on == DAY
    assert after.checklist.done == {"calls"}  # the ticks survive the deletion


def test_a_failed_purge_notes_nothing(repo: VaultRepository, group: Group) -> None:  # noqa: F811
    add_contact(repo, group.id, "Kari")

    def broken(_group_id: str) -> int:
        raise OSError("disk full")

    with pytest.raises(OSError):
        delete_contact_list(repo, group.id, DAY, broken)
    assert load_preparation(repo, group.id).contacts_deleted_on is None
    assert [c.label for c in repo.contacts(group.id)] == ["Kari"]


def test_member_count_changes_are_dated_and_kept_as_history(repo: VaultRepository) -> None:  # noqa: F811
    group = Group(name="G")
    repo.save_group(group)
    assert members(repo, group.id, DAY).number is None
    change_members(repo, group.id, 6, date(2026, 3, 3))
    change_members(repo, group.id, 7, date(2026, 4, 14))
    assert members(repo, group.id, date(2026, 4, 1)).number == 6
    now = members(repo, group.id, date(2026, 5, 1))
    assert now.current == MemberCount(date(2026, 4, 14), 7)
    assert [c.members for c in now.history] == [7, 6]  # newest first
    change_members(repo, group.id, 8, date(2026, 4, 14))  # a correction on the same day
    assert members(repo, group.id, date(2026, 5, 1)).number == 8
    remove_member_change(repo, group.id, date(2026, 4, 14))
    assert members(repo, group.id, date(2026, 5, 1)).number == 6
    for bad in (-1, 201, True, 2.5, "7"):
        with pytest.raises(DomainError):
            change_members(repo, group.id, bad, DAY)  # type: ignore[arg-type]
    assert len(repo.member_counts(group.id)) == 1


def test_a_list_left_on_a_group_past_its_start_is_purged(
        repo: VaultRepository, group: Group) -> None:  # noqa: F811
    add_contact(repo, group.id, "Kari")

    def purge(group_id: str) -> int:
        return repo.delete_contacts(group_id)

    assert purge_if_due(repo, group.id, DAY, purge) == 0  # still planned: the list stays
    assert len(repo.contacts(group.id)) == 1
    repo.save_group(group.with_status(GroupStatus.ENDED))  # set by hand on the group page
    assert purge_if_due(repo, group.id, DAY, purge) == 1
    assert repo.contacts(group.id) == []
    assert load_preparation(repo, group.id).contacts_deleted_on == DAY
    assert purge_if_due(repo, "no-such-group", DAY, purge) == 0
