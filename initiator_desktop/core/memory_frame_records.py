"""``FrameRecords`` for ``MemoryRepository``: the same contract as storage, in dictionaries.

Everything lives in ``self._state.extra``, so a failed transaction restores it and
``delete_group`` drops a group's agreements and history with it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from initiator_desktop.core.errors import N_, DomainError
from initiator_desktop.core.frame_profiles import FrameProfile
from initiator_desktop.core.frame_records import (
    AgreementKind,
    FrameAgreement,
    FrameChange,
    agreement_order,
    profile_order,
)

_AGREEMENTS = "group:frame_agreements"
_CHANGES = "group:frame_changes"
_PROFILES = "frame_profiles"


class MemoryFrameRecords:
    """Mixed into ``MemoryRepository``, which provides ``_state`` and ``_require_group``."""

    _state: Any
    _require_group: Callable[[str], None]

    def _group_table(self, name: str, group_id: str) -> dict[Any, Any]:
        return self._state.extra.setdefault(name, {}).setdefault(group_id, {})

    def frame_agreements(self, group_id: str) -> list[FrameAgreement]:
        found = self._state.extra.get(_AGREEMENTS, {}).get(group_id, {})
        return sorted(found.values(), key=agreement_order)

    def save_frame_agreement(self, group_id: str, agreement: FrameAgreement) -> None:
        self._require_group(group_id)
        table = self._group_table(_AGREEMENTS, group_id)
        table[(agreement.kind, agreement.agreed_on)] = agreement

    def delete_frame_agreement(self, group_id: str, kind: AgreementKind, agreed_on: date) -> None:
        found = self._state.extra.get(_AGREEMENTS, {}).get(group_id, {})
        found.pop((AgreementKind(kind), agreed_on), None)

    def frame_changes(self, group_id: str) -> list[FrameChange]:
        found: dict[datetime, FrameChange] = (
            self._state.extra.get(_CHANGES, {}).get(group_id, {}))
        return [found[when] for when in sorted(found)]

    def add_frame_change(self, group_id: str, change: FrameChange) -> None:
        self._require_group(group_id)
        table = self._group_table(_CHANGES, group_id)
        if change.changed_at in table:
            # The database's primary key (group, time) refuses the same.
            raise DomainError(N_("The change conflicts with other data."), "")
        table[change.changed_at] = change

    def frame_profiles(self) -> list[FrameProfile]:
        return sorted(self._state.extra.get(_PROFILES, {}).values(), key=profile_order)

    def frame_profile(self, profile_id: str) -> FrameProfile | None:
        found: FrameProfile | None = self._state.extra.get(_PROFILES, {}).get(profile_id)
        return found

    def save_frame_profile(self, profile: FrameProfile) -> None:
        self._state.extra.setdefault(_PROFILES, {})[profile.id] = profile

    def delete_frame_profile(self, profile_id: str) -> None:
        self._state.extra.get(_PROFILES, {}).pop(profile_id, None)
