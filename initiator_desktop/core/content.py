"""The whole vault content as one value, read from and written to a repository.

The interchange format maps to and from this value; writing checks references and
identifiers first so that nothing is half-written.
"""

from __future__ import annotations

from dataclasses import dataclass

from initiator_desktop.core.errors import N_, DomainError
from initiator_desktop.core.models import Attendance, FrameItem, Group, Place, Schedule
from initiator_desktop.core.repository import VaultRepository


@dataclass(frozen=True, slots=True)
class GroupRecord:
    group: Group
    schedules: tuple[Schedule, ...] = ()
    frames: tuple[FrameItem, ...] = ()
    attendance: tuple[Attendance, ...] = ()


@dataclass(frozen=True, slots=True)
class VaultContent:
    places: tuple[Place, ...] = ()
    groups: tuple[GroupRecord, ...] = ()

    def is_empty(self) -> bool:
        return not self.places and not self.groups


def read_content(repo: VaultRepository) -> VaultContent:
    """Everything in the vault, in the repository's stable order."""
    records = tuple(
        GroupRecord(
            group=g,
            schedules=tuple(repo.schedules(g.id)),
            frames=tuple(repo.frames(g.id)),
            attendance=tuple(repo.attendance(g.id)),
        )
        for g in repo.groups()
    )
    return VaultContent(places=tuple(repo.places()), groups=records)


def _check_ids(content: VaultContent, existing: VaultContent) -> None:
    ids: set[str] = {p.id for p in existing.places} | {r.group.id for r in existing.groups}
    for record in existing.groups:
        ids.update(s.id for s in record.schedules)
        ids.update(f.id for f in record.frames)
    new_ids = [p.id for p in content.places] + [r.group.id for r in content.groups]
    for record in content.groups:
        new_ids += [s.id for s in record.schedules] + [f.id for f in record.frames]
    for ident in new_ids:
        if ident in ids:
            raise DomainError(N_("The identifier {id} is used twice."), "id", id=ident)
        ids.add(ident)


def check_content(content: VaultContent, existing: VaultContent | None = None) -> None:
    """Raise DomainError if ``content`` cannot be added to ``existing`` as it is."""
    _check_ids(content, existing or VaultContent())
    known_places = {p.id for p in content.places}
    if existing:
        known_places |= {p.id for p in existing.places}
    for record in content.groups:
        if record.group.place_id is not None and record.group.place_id not in known_places:
            raise DomainError(
                N_("The group {name} refers to a place that does not exist."),
                "place_id",
                name=record.group.name,
            )
        dates = [a.meeting_date for a in record.attendance]
        if len(set(dates)) != len(dates):
            raise DomainError(
                N_("The group {name} has two attendance records for one date."),
                "attendance",
                name=record.group.name,
            )


def add_content(repo: VaultRepository, content: VaultContent) -> None:
    """Add ``content`` to the vault in one transaction, or nothing at all."""
    check_content(content, read_content(repo))
    with repo.transaction():
        for place in content.places:
            repo.save_place(place)
        for record in content.groups:
            repo.save_group(record.group)
            repo.save_schedules(record.group.id, record.schedules)
            repo.save_frames(record.group.id, record.frames)
            for entry in record.attendance:
                repo.save_attendance(record.group.id, entry)
