"""A group's number of members over time: a number with the date it changed, never who.

The attendance record derives absences without notice from it, so a change (someone
joined, someone left) is dated; earlier numbers stay as history.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from initiator_desktop.core.errors import N_, DomainError
from initiator_desktop.core.group_life import GroupLife, MemberCount, members_on
from initiator_desktop.core.models import MAX_COUNT


@dataclass(frozen=True, slots=True)
class Members:
    """The current number (the last change on or before ``today``) and every change."""

    current: MemberCount | None
    history: tuple[MemberCount, ...]  # newest first

    @property
    def number(self) -> int | None:
        return self.current.members if self.current else None


def members(repo: GroupLife, group_id: str, today: date) -> Members:
    """The group's member count as of ``today``, with the history of changes."""
    counts = repo.member_counts(group_id)
    current_number = members_on(counts, today)
    current = None
    if current_number is not None:
        current = max((c for c in counts if c.changed_on <= today), key=lambda c: c.changed_on)
    return Members(current, tuple(sorted(counts, key=lambda c: c.changed_on, reverse=True)))


def change_members(repo: GroupLife, group_id: str, number: int, on: date) -> MemberCount:
    """Record that the group has ``number`` members from ``on`` (a correction if that day
    already has a number)."""
    if isinstance(number, bool) or not isinstance(number, int):
        raise DomainError(N_("The number must be between {low} and {high}."), "members",
                          low=0, high=MAX_COUNT)
    count = MemberCount(on, number)
    repo.save_member_count(group_id, count)
    return count


def remove_member_change(repo: GroupLife, group_id: str, on: date) -> None:
    """Forget the change dated ``on`` (entered by mistake); earlier numbers apply again."""
    repo.delete_member_count(group_id, on)
