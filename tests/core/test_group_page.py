"""The group page use cases: save (create, update, status), overview and delete."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from initiator_desktop.core.content import read_content
from initiator_desktop.core.errors import DomainError
from initiator_desktop.core.group_page import (
    GroupPage,
    Saved,
    delete_group,
    group_overview,
    load_group_page,
    save_group_page,
)
from initiator_desktop.core.memory_repository import MemoryRepository
from initiator_desktop.core.models import (
    ALLOWED_TRANSITIONS,
    Attendance,
    FrameItem,
    FrameKind,
    FrameText,
    Group,
    GroupStatus,
    Place,
    Schedule,
)

OSLO = ZoneInfo("Europe/Oslo")
TUESDAY = date(2026, 1, 6)


@pytest.fixture
def repo() -> MemoryRepository:
    return MemoryRepository()


def page(**group_fields: object) -> GroupPage:
    group = Group(name="Tirsdagsgruppa", theme="Sorg", **group_fields)  # type: ignore[arg-type]
    return GroupPage(
        group=group,
        place=Place(name="Frivilligsentralen", address="Kirkegata 14"),
        schedules=(Schedule(weekday=1, start=time(18, 0), first_date=TUESDAY),),
        frames=(FrameItem(FrameKind.PRACTICAL, {"nb": FrameText("Taushetsplikt")}),),
    )


def test_save_creates_then_updates(repo: MemoryRepository) -> None:
    first = page()
    saved = save_group_page(repo, first)
    assert saved == Saved(group_id=first.group.id, created=True)
    assert load_group_page(repo, first.group.id) == replace(
        first,
        group=replace(first.group, place_id=first.place.id),  # type: ignore[union-attr]
    )
    edited = replace(
        first,
        group=replace(first.group, name="Tirsdagsringen", planned_size=6),
        schedules=(),
        frames=(),
    )
    again = save_group_page(repo, edited)
    assert again == Saved(group_id=first.group.id, created=False)
    stored = load_group_page(repo, first.group.id)
    assert stored is not None
    assert (stored.group.name, stored.group.planned_size) == ("Tirsdagsringen", 6)
    assert (stored.schedules, stored.frames) == ((), ())
    assert len(repo.groups()) == 1


@pytest.mark.parametrize(
    ("old", "new"),
    [(old, new) for old in GroupStatus for new in ALLOWED_TRANSITIONS[old]],
    ids=lambda s: s.value,
)
def test_allowed_status_change_is_saved(
    repo: MemoryRepository, old: GroupStatus, new: GroupStatus
) -> None:
    first = page(status=old)
    save_group_page(repo, first)
    save_group_page(repo, replace(first, group=replace(first.group, status=new, name="Ny")))
    stored = repo.group(first.group.id)
    assert stored is not None
    assert (stored.status, stored.name) == (new, "Ny")


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (old, new)
        for old in GroupStatus
        for new in GroupStatus
        if new is not old and new not in ALLOWED_TRANSITIONS[old]
    ],
    ids=lambda s: s.value,
)
def test_forbidden_status_change_writes_nothing(
    repo: MemoryRepository, old: GroupStatus, new: GroupStatus
) -> None:
    first = page(status=old)
    save_group_page(repo, first)
    before = read_content(repo)
    attempt = replace(
        first,
        group=replace(first.group, status=new, name="Endret"),
        place=Place(name="Ny plass"),
        schedules=(),
        frames=(),
    )
    with pytest.raises(DomainError) as caught:
        save_group_page(repo, attempt)
    assert caught.value.field == "status"
    assert read_content(repo) == before


def test_a_new_group_may_start_in_any_status(repo: MemoryRepository) -> None:
    ended = page(status=GroupStatus.ENDED)
    assert save_group_page(repo, ended).created
    stored = repo.group(ended.group.id)
    assert stored is not None and stored.status is GroupStatus.ENDED


def test_place_id_follows_the_page_place(repo: MemoryRepository) -> None:
    first = page(place_id=None)
    save_group_page(repo, first)
    stored = repo.group(first.group.id)
    assert first.place is not None and stored is not None
    assert stored.place_id == first.place.id
    assert repo.places() == [first.place]

    other = Place(name="Biblioteket")
    # The group's own place_id is stale on purpose: the page's place wins.
    save_group_page(repo, replace(first, group=stored, place=other))
    stored = repo.group(first.group.id)
    assert stored is not None and stored.place_id == other.id
    assert {p.id for p in repo.places()} == {first.place.id, other.id}

    save_group_page(repo, replace(first, group=stored, place=None))
    stored = repo.group(first.group.id)
    assert stored is not None and stored.place_id is None
    loaded = load_group_page(repo, first.group.id)
    assert loaded is not None and loaded.place is None


def test_load_missing_group_page(repo: MemoryRepository) -> None:
    assert load_group_page(repo, "missing") is None


def test_group_overview_gives_next_meetings(repo: MemoryRepository) -> None:
    tuesday = page()
    thursday = GroupPage(
        group=Group(name="Torsdagsgruppa"),
        schedules=(Schedule(weekday=3, start=time(17, 30), first_date=date(2026, 1, 8)),),
    )
    planned = GroupPage(group=Group(name="Kveldsgruppa"))
    for p in (tuesday, thursday, planned):
        save_group_page(repo, p)
    now = datetime(2026, 1, 7, 12, 0, tzinfo=OSLO)
    rows = group_overview(repo, now)
    assert [row.group.name for row in rows] == [
        "Kveldsgruppa",
        "Tirsdagsgruppa",
        "Torsdagsgruppa",
    ]
    assert rows[0].next_meeting is None
    assert rows[1].next_meeting is not None
    assert rows[1].next_meeting.start == datetime(2026, 1, 13, 18, 0, tzinfo=OSLO)
    assert rows[2].next_meeting is not None
    assert rows[2].next_meeting.start == datetime(2026, 1, 8, 17, 30, tzinfo=OSLO)
    assert group_overview(MemoryRepository(), now) == []


def test_delete_group_removes_everything_of_it(repo: MemoryRepository) -> None:
    doomed, kept = page(), replace(page(), group=Group(name="Behold"), place=None)
    save_group_page(repo, doomed)
    save_group_page(repo, kept)
    repo.save_attendance(doomed.group.id, Attendance(TUESDAY, 6, 1, 0))
    delete_group(repo, doomed.group.id)
    assert load_group_page(repo, doomed.group.id) is None
    assert repo.attendance(doomed.group.id) == []
    assert repo.schedules(doomed.group.id) == []
    assert repo.frames(doomed.group.id) == []
    assert [g.name for g in repo.groups()] == ["Behold"]
    assert load_group_page(repo, kept.group.id) is not None
    # The place stays: other groups or a later group may use it.
    assert doomed.place in repo.places()
