"""An in-memory VaultRepository for fast tests and previews; same contract as storage."""

from __future__ import annotations

import copy
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from initiator_desktop.core.errors import N_, DomainError
from initiator_desktop.core.memory_course_run_records import MemoryCourseRunRecords
from initiator_desktop.core.memory_frame_records import MemoryFrameRecords
from initiator_desktop.core.memory_group_life import MemoryGroupLife
from initiator_desktop.core.memory_training_progress import MemoryTrainingProgress
from initiator_desktop.core.models import Attendance, FrameItem, Group, Place, Schedule


@dataclass
class _State:
    places: dict[str, Place] = field(default_factory=dict)
    groups: dict[str, Group] = field(default_factory=dict)
    schedules: dict[str, list[Schedule]] = field(default_factory=dict)
    frames: dict[str, list[FrameItem]] = field(default_factory=dict)
    attendance: dict[str, dict[date, Attendance]] = field(default_factory=dict)
    # Per-feature records (frame agreements, training, ...), keyed by feature, so that
    # a failed transaction restores them with the rest.
    extra: dict[str, Any] = field(default_factory=dict)


class MemoryRepository(MemoryFrameRecords, MemoryGroupLife, MemoryCourseRunRecords,
                       MemoryTrainingProgress):
    """Keeps everything in dictionaries; a failed transaction restores the snapshot."""

    def __init__(self) -> None:
        self._state = _State()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        snapshot = copy.deepcopy(self._state)
        try:
            yield
        except BaseException:
            self._state = snapshot
            raise

    def places(self) -> list[Place]:
        return sorted(self._state.places.values(), key=lambda p: (p.name.casefold(), p.id))

    def save_place(self, place: Place) -> None:
        self._state.places[place.id] = place

    def delete_place(self, place_id: str) -> None:
        if any(g.place_id == place_id for g in self._state.groups.values()):
            raise DomainError(N_("This place is still used by a group."), "place")
        self._state.places.pop(place_id, None)

    def groups(self) -> list[Group]:
        return sorted(self._state.groups.values(), key=lambda g: (g.name.casefold(), g.id))

    def group(self, group_id: str) -> Group | None:
        return self._state.groups.get(group_id)

    def save_group(self, group: Group) -> None:
        if group.place_id is not None and group.place_id not in self._state.places:
            raise DomainError(N_("The group refers to a place that does not exist."), "place")
        self._state.groups[group.id] = group

    def delete_group(self, group_id: str) -> None:
        self._state.groups.pop(group_id, None)
        for table in (self._state.schedules, self._state.frames, self._state.attendance):
            table.pop(group_id, None)
        # Group-scoped feature records go with the group, as ON DELETE CASCADE does.
        for key, table in self._state.extra.items():
            if key.startswith("group:"):
                table.pop(group_id, None)

    def _require_group(self, group_id: str) -> None:
        if group_id not in self._state.groups:
            raise DomainError(N_("The group does not exist."), "group")

    def schedules(self, group_id: str) -> list[Schedule]:
        return sorted(self._state.schedules.get(group_id, []), key=lambda s: (s.first_date, s.id))

    def _require_unused(self, table: dict[str, list[Any]], group_id: str, ids: set[str]) -> None:
        # Identifiers are unique across the vault, as the database's primary keys are.
        for other, items in table.items():
            if other != group_id and ids & {item.id for item in items}:
                raise DomainError(N_("The change conflicts with other data."), "")

    def save_schedules(self, group_id: str, schedules: Sequence[Schedule]) -> None:
        self._require_group(group_id)
        self._require_unused(self._state.schedules, group_id, {s.id for s in schedules})
        self._state.schedules[group_id] = list(schedules)

    def frames(self, group_id: str) -> list[FrameItem]:
        return list(self._state.frames.get(group_id, []))

    def save_frames(self, group_id: str, items: Sequence[FrameItem]) -> None:
        self._require_group(group_id)
        self._require_unused(self._state.frames, group_id, {f.id for f in items})
        self._state.frames[group_id] = list(items)

    def attendance(self, group_id: str) -> list[Attendance]:
        records = self._state.attendance.get(group_id, {})
        return [records[d] for d in sorted(records)]

    def save_attendance(self, group_id: str, record: Attendance) -> None:
        self._require_group(group_id)
        self._state.attendance.setdefault(group_id, {})[record.meeting_date] = record

    def delete_attendance(self, group_id: str, meeting_date: date) -> None:
        self._state.attendance.get(group_id, {}).pop(meeting_date, None)
