"""Before the first meeting: the initiator's preparation checklist and the contact list.

The checklist is the group's "preparation" document: the keys of the items ticked, and
the day the contact list was deleted (so the page can say so). Checklists read from the
vault are taken leniently: unknown or malformed entries count as not done, never as an
error, so a damaged document cannot lock the initiator out of the page.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from initiator_desktop.core.errors import N_, DomainError
from initiator_desktop.core.group_life import Contact, GroupLife
from initiator_desktop.core.models import GroupStatus
from initiator_desktop.core.repository import VaultRepository

PREPARATION = "preparation"
PREPARATION_ITEMS = (
    "premises",  # discreet premises booked
    "key",  # key or access to the room settled
    "refreshments",  # coffee, tea, something simple
    "calls",  # each prospective member called
    "frame_cards",  # frame cards printed
    "declaration",  # confidentiality declaration printed
)
DOCUMENT_VERSION = 1
# Only a group on its way to its first meetings keeps the list of people to call.
KEEPS_CONTACTS = frozenset({GroupStatus.PLANNED, GroupStatus.STARTING})

Purge = Callable[[str], int]
"""Deletes a group's contact list for good (storage wipes every copy); returns how many."""


@dataclass(frozen=True, slots=True)
class Checklist:
    """Items in their order, and which of them are ticked."""

    items: tuple[str, ...]
    done: frozenset[str]

    @property
    def done_count(self) -> int:
        return len(self.done & set(self.items))

    @property
    def total(self) -> int:
        return len(self.items)

    @property
    def complete(self) -> bool:
        return self.done_count == self.total

    def is_done(self, item: str) -> bool:
        return item in self.done

    def ticked(self, item: str, done: bool) -> Checklist:
        if item not in self.items:
            raise DomainError(N_("Unknown value: {value}"), "item", value=item[:40])
        return Checklist(self.items, self.done | {item} if done else self.done - {item})


def read_checklist(document: dict[str, Any] | None, items: Sequence[str]) -> Checklist:
    """The checklist stored in ``document``; anything unexpected counts as not done."""
    found = document.get("done") if isinstance(document, dict) else None
    ticked = {entry for entry in found if isinstance(entry, str)} if isinstance(found, list) \
        else set()
    return Checklist(tuple(items), frozenset(ticked & set(items)))


def with_checklist(document: dict[str, Any] | None, checklist: Checklist) -> dict[str, Any]:
    """``document`` with the checklist written in; its other entries are kept."""
    updated = dict(document) if isinstance(document, dict) else {}
    updated["version"] = DOCUMENT_VERSION
    updated["done"] = [item for item in checklist.items if item in checklist.done]
    return updated


def read_day(document: dict[str, Any] | None, key: str) -> date | None:
    """A date stored as ISO text under ``key``; None when missing or malformed."""
    value = document.get(key) if isinstance(document, dict) else None
    if not isinstance(value, str) or len(value) != 10:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class Preparation:
    checklist: Checklist
    contacts_deleted_on: date | None = None


def load_preparation(repo: GroupLife, group_id: str) -> Preparation:
    document = repo.group_document(group_id, PREPARATION)
    return Preparation(read_checklist(document, PREPARATION_ITEMS),
                       read_day(document, "contacts_deleted_on"))


def tick_preparation(repo: GroupLife, group_id: str, item: str, done: bool) -> Preparation:
    """Tick or untick one item of the preparation checklist."""
    document = repo.group_document(group_id, PREPARATION)
    checklist = read_checklist(document, PREPARATION_ITEMS).ticked(item, done)
    repo.save_group_document(group_id, PREPARATION, with_checklist(document, checklist))
    return load_preparation(repo, group_id)


@dataclass(frozen=True, slots=True)
class Calls:
    called: int
    total: int


def calls(contacts: Sequence[Contact]) -> Calls:
    """How many on the contact list have been called."""
    return Calls(sum(1 for c in contacts if c.called), len(contacts))


def add_contact(repo: VaultRepository, group_id: str, label: str, reach: str = "") -> Contact:
    """Add one person (first name or initials, phone or e-mail) to the end of the list.

    Only while the group is being prepared or started: a group that runs by itself or has
    ended keeps no contact list.
    """
    group = repo.group(group_id)
    if group is None:
        raise DomainError(N_("The group does not exist."), "group")
    if group.status not in KEEPS_CONTACTS:
        raise DomainError(N_("The contact list is only kept until the group is handed over."),
                          "contacts")
    contact = Contact(label=label.strip(), reach=reach.strip())
    repo.save_contacts(group_id, [*repo.contacts(group_id), contact])
    return contact


def update_contact(repo: GroupLife, group_id: str, contact: Contact) -> None:
    """Replace the contact with the same id (e.g. ticked as called); its place stays."""
    current = repo.contacts(group_id)
    if not any(c.id == contact.id for c in current):
        raise DomainError(N_("This person is no longer on the list."), "contacts")
    repo.save_contacts(group_id, [contact if c.id == contact.id else c for c in current])


def remove_contact(repo: GroupLife, group_id: str, contact_id: str) -> None:
    """Take one person off the list (storage overwrites the freed space)."""
    repo.save_contacts(group_id, [c for c in repo.contacts(group_id) if c.id != contact_id])


def delete_contact_list(repo: GroupLife, group_id: str, on: date, purge: Purge) -> int:
    """Delete the whole list with ``purge`` and note the day; returns how many were on it.

    The day is noted only when something was deleted, so an empty list that never held
    anyone is not reported as deleted.
    """
    deleted = purge(group_id)
    if deleted:
        document = repo.group_document(group_id, PREPARATION)
        updated = with_checklist(document, read_checklist(document, PREPARATION_ITEMS))
        updated["contacts_deleted_on"] = on.isoformat()
        repo.save_group_document(group_id, PREPARATION, updated)
    return deleted


def purge_if_due(repo: VaultRepository, group_id: str, on: date, purge: Purge) -> int:
    """Delete a list that should be gone already: the group was handed over or ended some
    other way (its status set by hand on the group page). Returns how many went."""
    group = repo.group(group_id)
    if group is None or group.status in KEEPS_CONTACTS or not repo.contacts(group_id):
        return 0
    return delete_contact_list(repo, group_id, on, purge)
