"""What the vault keeps around a group's frames: agreements, history and profiles.

An agreement records *that* the group agreed on its frames or on confidentiality, on
which day and optionally how many agreed. It has no place for who: names are written
by hand on paper, never here. A change keeps the frames as they stood after it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Protocol

from initiator_desktop.core.errors import N_, DomainError
from initiator_desktop.core.frame_profiles import MAX_PROFILE_ITEMS, FrameProfile
from initiator_desktop.core.models import MAX_COUNT, FrameItem


class AgreementKind(StrEnum):
    FRAMES = "frames"
    CONFIDENTIALITY = "confidentiality"


@dataclass(frozen=True, slots=True)
class FrameAgreement:
    """The group agreed on its frames or on confidentiality on ``agreed_on``.

    ``agreed_count`` is how many agreed, if the initiator wants to note it; never who.
    """

    kind: AgreementKind
    agreed_on: date
    agreed_count: int | None = None

    def __post_init__(self) -> None:
        try:
            object.__setattr__(self, "kind", AgreementKind(self.kind))
        except ValueError as exc:
            raise DomainError(N_("Unknown value: {value}"), "kind", value=str(self.kind)) from exc
        if isinstance(self.agreed_on, datetime) or not isinstance(self.agreed_on, date):
            raise DomainError(N_("This is not a valid date."), "agreed_on")
        count = self.agreed_count
        if count is not None and (
            isinstance(count, bool) or not isinstance(count, int) or not 1 <= count <= MAX_COUNT
        ):
            raise DomainError(N_("The number must be between {low} and {high}."),
                              "agreed_count", low=1, high=MAX_COUNT)


@dataclass(frozen=True, slots=True)
class FrameChange:
    """The group's agreed frames as they stood after a change made at ``changed_at``.

    The time is kept in UTC (an aware datetime is required), so that the order of
    changes holds across the autumn clock change.
    """

    changed_at: datetime
    items: tuple[FrameItem, ...]

    def __post_init__(self) -> None:
        when = self.changed_at
        if not isinstance(when, datetime) or when.tzinfo is None or when.utcoffset() is None:
            raise DomainError(N_("The time of a change must include its time zone."),
                              "changed_at")
        object.__setattr__(self, "changed_at", when.astimezone(UTC))
        items = tuple(self.items)
        if len(items) > MAX_PROFILE_ITEMS:
            raise DomainError(N_("A group can have at most {limit} frames."), "items",
                              limit=MAX_PROFILE_ITEMS)
        if len({item.id for item in items}) != len(items):
            raise DomainError(N_("The change conflicts with other data."), "items")
        object.__setattr__(self, "items", items)


class FrameRecords(Protocol):
    """Agreements and history per group (deleted with it), and the vault's frame profiles."""

    def frame_agreements(self, group_id: str) -> list[FrameAgreement]:
        """Oldest first (by day, frames before confidentiality on the same day)."""
        ...

    def save_frame_agreement(self, group_id: str, agreement: FrameAgreement) -> None:
        """Add, or replace the one of the same kind on the same day."""
        ...

    def delete_frame_agreement(self, group_id: str, kind: AgreementKind, agreed_on: date) -> None:
        ...

    def frame_changes(self, group_id: str) -> list[FrameChange]:
        """Oldest first."""
        ...

    def add_frame_change(self, group_id: str, change: FrameChange) -> None:
        """Append; a second change at the very same instant is refused."""
        ...

    def frame_profiles(self) -> list[FrameProfile]:
        """By name (ignoring case), then version and id."""
        ...

    def frame_profile(self, profile_id: str) -> FrameProfile | None: ...

    def save_frame_profile(self, profile: FrameProfile) -> None:
        """Add, or replace the one with the same id."""
        ...

    def delete_frame_profile(self, profile_id: str) -> None: ...


def agreement_order(agreement: FrameAgreement) -> tuple[date, int]:
    """The order lists of agreements come back in."""
    return agreement.agreed_on, list(AgreementKind).index(agreement.kind)


def profile_order(profile: FrameProfile) -> tuple[str, str, str]:
    return profile.name.casefold(), profile.version, profile.id

