"""GroupLife: the same contract for the memory fake and SQLCipher."""

from __future__ import annotations

from datetime import date

import pytest

from initiator_desktop.core.errors import DomainError
from initiator_desktop.core.group_life import (
    Contact,
    EndReason,
    EventKind,
    GroupEvent,
    MemberCount,
    members_on,
)
from initiator_desktop.core.models import Group
from initiator_desktop.core.repository import VaultRepository
from tests.core.test_repository_contract import repo  # noqa: F401  (the parametrised fixture)


@pytest.fixture
def group(repo: VaultRepository) -> Group:  # noqa: F811
    group = Group(name="Torsdagsgruppa")
    repo.save_group(group)
    return group


def test_member_counts_round_trip_in_date_order(repo: VaultRepository,  # noqa: F811
                                                group: Group) -> None:
    repo.save_member_count(group.id, MemberCount(date(2027, 3, 1), 7))
    repo.save_member_count(group.id, MemberCount(date(2027, 1, 14), 6))
    repo.save_member_count(group.id, MemberCount(date(2027, 3, 1), 8))  # corrected
    counts = repo.member_counts(group.id)
    assert counts == [MemberCount(date(2027, 1, 14), 6), MemberCount(date(2027, 3, 1), 8)]
    assert members_on(counts, date(2027, 2, 1)) == 6
    assert members_on(counts, date(2027, 1, 1)) is None
    repo.delete_member_count(group.id, date(2027, 1, 14))
    assert repo.member_counts(group.id) == [MemberCount(date(2027, 3, 1), 8)]


def test_events_round_trip(repo: VaultRepository, group: Group) -> None:  # noqa: F811
    started = GroupEvent(date(2027, 1, 14), EventKind.STARTED)
    ended = GroupEvent(date(2027, 9, 1), EventKind.ENDED, EndReason.COMPLETED.value)
    repo.add_event(group.id, ended)
    repo.add_event(group.id, started)
    assert repo.events(group.id) == [started, ended]
    repo.delete_event(group.id, ended)
    assert repo.events(group.id) == [started]


def test_event_rules() -> None:
    with pytest.raises(DomainError):
        GroupEvent(date(2027, 1, 1), EventKind.ENDED, "they argued")
    with pytest.raises(DomainError):
        GroupEvent(date(2027, 1, 1), EventKind.STARTED, "Kari came")
    with pytest.raises(DomainError):
        GroupEvent(date(2027, 1, 1), "exploded")  # type: ignore[arg-type]
    assert GroupEvent(date(2027, 1, 1), "asked_back").kind is EventKind.ASKED_BACK  # type: ignore[arg-type]


def test_documents_round_trip(repo: VaultRepository, group: Group) -> None:  # noqa: F811
    assert repo.group_document(group.id, "run_sheet_first") is None
    sheet = {"steps": [{"title": "Velkommen", "minutes": 10}], "version": 1}
    repo.save_group_document(group.id, "run_sheet_first", sheet)
    assert repo.group_document(group.id, "run_sheet_first") == sheet
    with pytest.raises(DomainError):
        repo.save_group_document(group.id, "anything", {})


def test_contacts_round_trip_and_delete(repo: VaultRepository, group: Group) -> None:  # noqa: F811
    people = [Contact("Kari", "900 00 000"), Contact("O.", "o@example.org", called=True)]
    repo.save_contacts(group.id, people)
    assert repo.contacts(group.id) == people
    assert repo.delete_contacts(group.id) == 2
    assert repo.contacts(group.id) == []
    assert repo.delete_contacts(group.id) == 0


def test_contacts_hold_no_more_than_a_name_and_a_way_to_reach() -> None:
    with pytest.raises(DomainError):
        Contact("Kari Nordmann, who struggles with grief after her husband died")
    with pytest.raises(DomainError):
        Contact("")
    with pytest.raises(DomainError):
        Contact("Kari", "x" * 81)
    with pytest.raises(DomainError):
        Contact("Kari\nangst")


def test_records_go_with_the_group(repo: VaultRepository, group: Group) -> None:  # noqa: F811
    repo.save_member_count(group.id, MemberCount(date(2027, 1, 14), 6))
    repo.add_event(group.id, GroupEvent(date(2027, 1, 14), EventKind.STARTED))
    repo.save_group_document(group.id, "preparation", {"done": ["key"]})
    repo.save_contacts(group.id, [Contact("Kari")])
    repo.delete_group(group.id)
    repo.save_group(group)  # the same id again: nothing of the old records is left
    assert repo.member_counts(group.id) == []
    assert repo.events(group.id) == []
    assert repo.group_document(group.id, "preparation") is None
    assert repo.contacts(group.id) == []


def test_unknown_group_is_refused(repo: VaultRepository) -> None:  # noqa: F811
    with pytest.raises(DomainError):
        repo.save_member_count("nope", MemberCount(date(2027, 1, 1), 3))
    with pytest.raises(DomainError):
        repo.save_contacts("nope", [Contact("Kari")])


def test_a_failed_transaction_leaves_nothing(repo: VaultRepository,  # noqa: F811
                                             group: Group) -> None:
    with pytest.raises(RuntimeError), repo.transaction():
        repo.save_contacts(group.id, [Contact("Kari")])
        repo.add_event(group.id, GroupEvent(date(2027, 1, 14), EventKind.STARTED))
        raise RuntimeError("power cut")
    assert repo.contacts(group.id) == []
    assert repo.events(group.id) == []
