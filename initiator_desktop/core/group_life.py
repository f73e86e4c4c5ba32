"""The life of a group around its meetings: members, dated events, plans, and contacts.

- ``MemberCount``: how many members the group has from a date on (a number, never who);
  absences without notice follow from it and the attendance counts.
- ``GroupEvent``: started, handed over, follow-up planned or done, asked back, ended,
  restarted. ``detail`` holds only a code (an end reason, another group's id), never text
  about a person.
- Documents: named JSON values per group (run sheets, checklists, the handover plan).
- ``Contact``: the short list for the calls before the first meeting: a first name or
  initials, a phone or e-mail, and a tick. No field for the problem or a note. It is
  deleted when the group is handed over (storage also wipes it from free pages and from
  the rolling backups).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any, Protocol

from initiator_desktop.core.errors import N_, DomainError
from initiator_desktop.core.models import MAX_COUNT, new_id

MAX_CONTACTS = 20
MAX_LABEL = 40
MAX_REACH = 80
MAX_DOCUMENT_NAME = 40
DOCUMENT_NAMES = frozenset({
    "run_sheet_first", "run_sheet_later", "preparation", "handover", "follow_up",
    "reflections",
})


class EventKind(StrEnum):
    STARTED = "started"
    HANDED_OVER = "handed_over"
    FOLLOW_UP_PLANNED = "follow_up_planned"
    FOLLOW_UP_DONE = "follow_up_done"
    ASKED_BACK = "asked_back"
    ENDED = "ended"
    RESTARTED_AS = "restarted_as"  # detail: the new group's id
    RESTARTED_FROM = "restarted_from"  # detail: the old group's id


class EndReason(StrEnum):
    COMPLETED = "completed"  # the group agreed it had done its work
    TOO_FEW = "too_few"  # too few members to go on
    RESTARTED = "restarted"  # went on as a new group
    NO_PREMISES = "no_premises"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class MemberCount:
    changed_on: date
    members: int

    def __post_init__(self) -> None:
        if isinstance(self.members, bool) or not 0 <= self.members <= MAX_COUNT:
            raise DomainError(N_("The number must be between {low} and {high}."), "members",
                              low=0, high=MAX_COUNT)


@dataclass(frozen=True, slots=True)
class GroupEvent:
    happened_on: date
    kind: EventKind
    detail: str = ""

    def __post_init__(self) -> None:
        try:
            object.__setattr__(self, "kind", EventKind(self.kind))
        except ValueError as exc:
            raise DomainError(N_("Unknown value: {value}"), "kind", value=str(self.kind)) from exc
        if self.kind is EventKind.ENDED:
            try:
                EndReason(self.detail)
            except ValueError as exc:
                raise DomainError(N_("Choose why the group ended."), "detail") from exc
        elif self.kind in (EventKind.RESTARTED_AS, EventKind.RESTARTED_FROM):
            if not self.detail or len(self.detail) > 64:
                raise DomainError(N_("The other group is missing."), "detail")
        elif self.detail:
            raise DomainError(N_("This event has no details."), "detail")


@dataclass(frozen=True, slots=True)
class Contact:
    """A prospective member to call before the first meeting: first name or initials only."""

    label: str
    reach: str = ""
    called: bool = False
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        if not self.label.strip():
            raise DomainError(N_("Write a first name or initials."), "label")
        if len(self.label) > MAX_LABEL:
            raise DomainError(N_("Only a first name or initials (at most {limit} characters)."),
                              "label", limit=MAX_LABEL)
        if len(self.reach) > MAX_REACH:
            raise DomainError(N_("Only a phone number or an e-mail address (at most {limit} "
                                 "characters)."), "reach", limit=MAX_REACH)
        if any(c in self.label + self.reach for c in "\n\r"):
            raise DomainError(N_("This field must fit on one line."), "label")


def check_contacts(contacts: list[Contact] | tuple[Contact, ...]) -> None:
    if len(contacts) > MAX_CONTACTS:
        raise DomainError(N_("At most {limit} people on the list."), "contacts",
                          limit=MAX_CONTACTS)


def check_document_name(name: str) -> None:
    if name not in DOCUMENT_NAMES:
        raise DomainError(N_("Unknown value: {value}"), "name", value=name[:MAX_DOCUMENT_NAME])


def members_on(counts: list[MemberCount], day: date) -> int | None:
    """The number of members the group had on ``day`` (the last change on or before it)."""
    found = [c for c in counts if c.changed_on <= day]
    return max(found, key=lambda c: c.changed_on).members if found else None


class GroupLife(Protocol):
    """Storage of a group's members, events, documents and contacts (see module docstring)."""

    def member_counts(self, group_id: str) -> list[MemberCount]: ...
    def save_member_count(self, group_id: str, count: MemberCount) -> None: ...
    def delete_member_count(self, group_id: str, changed_on: date) -> None: ...

    def events(self, group_id: str) -> list[GroupEvent]: ...
    def add_event(self, group_id: str, event: GroupEvent) -> None: ...
    def delete_event(self, group_id: str, event: GroupEvent) -> None: ...

    def group_document(self, group_id: str, name: str) -> dict[str, Any] | None: ...
    def save_group_document(self, group_id: str, name: str, document: dict[str, Any]
                            ) -> None: ...

    def contacts(self, group_id: str) -> list[Contact]: ...
    def save_contacts(self, group_id: str, contacts: list[Contact]) -> None: ...
    def delete_contacts(self, group_id: str) -> int:
        """Delete the group's contact list; returns how many were deleted."""
        ...
