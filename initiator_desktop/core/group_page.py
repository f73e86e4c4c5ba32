"""Use cases behind the group list and the group page.

The UI loads a ``GroupPage``, lets the user edit it, and hands it back whole; saving
returns a small ``Saved`` value so the UI refreshes only what changed.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from initiator_desktop.core.meeting_calendar import next_group_meeting
from initiator_desktop.core.models import FrameItem, Group, Place, Schedule
from initiator_desktop.core.repository import VaultRepository
from initiator_desktop.core.schedule import Meeting


@dataclass(frozen=True, slots=True)
class GroupPage:
    group: Group
    place: Place | None = None
    schedules: tuple[Schedule, ...] = ()
    frames: tuple[FrameItem, ...] = ()


@dataclass(frozen=True, slots=True)
class GroupOverview:
    """One row of the group list."""

    group: Group
    next_meeting: Meeting | None


@dataclass(frozen=True, slots=True)
class Saved:
    group_id: str
    created: bool


def group_overview(repo: VaultRepository, now: datetime) -> list[GroupOverview]:
    """Each group with its next meeting that takes place (pauses and skipped holidays out)."""
    rows = []
    for group in repo.groups():
        found = next_group_meeting(group, repo.schedules(group.id), now)
        rows.append(GroupOverview(group, found.meeting if found else None))
    return rows


def load_group_page(repo: VaultRepository, group_id: str) -> GroupPage | None:
    group = repo.group(group_id)
    if group is None:
        return None
    places = {p.id: p for p in repo.places()}
    return GroupPage(
        group=group,
        place=places.get(group.place_id) if group.place_id else None,
        schedules=tuple(repo.schedules(group_id)),
        frames=tuple(repo.frames(group_id)),
    )


def save_group_page(repo: VaultRepository, page: GroupPage) -> Saved:
    """Write the group, its place, schedules and frames in one transaction.

    A status change must be one the domain allows from the stored status.
    """
    stored = repo.group(page.group.id)
    group = page.group
    if stored is not None and stored.status is not group.status:
        group = stored.with_status(group.status)
        group = replace(page.group, status=group.status)
    group = replace(group, place_id=page.place.id if page.place else None)
    with repo.transaction():
        if page.place is not None:
            repo.save_place(page.place)
        repo.save_group(group)
        repo.save_schedules(group.id, page.schedules)
        repo.save_frames(group.id, page.frames)
    return Saved(group_id=group.id, created=stored is None)


def delete_group(repo: VaultRepository, group_id: str) -> None:
    """Delete a group with its schedules, frames and attendance."""
    with repo.transaction():
        repo.delete_group(group_id)
