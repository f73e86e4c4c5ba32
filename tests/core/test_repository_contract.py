"""One contract for every VaultRepository: the in-memory fake and the SQLCipher vault.

Each test runs against both, so the fake cannot drift from the real thing.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date, time
from pathlib import Path

import pytest

from initiator_desktop.core.content import GroupRecord, VaultContent, add_content, read_content
from initiator_desktop.core.errors import DomainError
from initiator_desktop.core.memory_repository import MemoryRepository
from initiator_desktop.core.models import (
    Attendance,
    ChangeKind,
    FrameItem,
    FrameKind,
    FrameText,
    Group,
    GroupStatus,
    MeetingChange,
    Pause,
    Place,
    PlaceKind,
    Schedule,
    Tradition,
)
from initiator_desktop.core.repository import VaultRepository
from initiator_desktop.storage.vault import Vault


@pytest.fixture(params=["memory", "sqlcipher"])
def repo(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[VaultRepository]:
    if request.param == "memory":
        yield MemoryRepository()
        return
    vault = Vault.create(tmp_path / "v.vault", "contract-passphrase")
    try:
        yield vault.repo
    finally:
        vault.close()


def snapshot(repo: VaultRepository) -> VaultContent:
    return read_content(repo)


def schedule(first: date = date(2026, 1, 6), **kwargs: object) -> Schedule:
    return Schedule(weekday=first.weekday(), start=time(18, 0), first_date=first, **kwargs)  # type: ignore[arg-type]


def frame(title: str, *languages: str, kind: FrameKind = FrameKind.PRACTICAL) -> FrameItem:
    texts = {code: FrameText(f"{title} ({code})", f"body {code}") for code in languages}
    return FrameItem(kind, texts, source_key=f"key-{title}")


# -- places ----------------------------------------------------------------------------
def test_new_repository_is_empty(repo: VaultRepository) -> None:
    assert repo.places() == []
    assert repo.groups() == []
    assert repo.group("missing") is None
    assert repo.schedules("missing") == []
    assert repo.frames("missing") == []
    assert repo.attendance("missing") == []
    assert snapshot(repo).is_empty()


def test_places_round_trip_in_name_order(repo: VaultRepository) -> None:
    places = [
        Place(name="bibliotek", address="Torget 3", access_notes="Åpent fra 17.30"),
        Place(name="Telefonmøte", kind=PlaceKind.PHONE, dial_in="Ring 22 00 00 00, kode 4471#"),
        Place(name="Frivilligsentralen", address="Kirkegata 14"),
        Place(name="Video", kind=PlaceKind.VIDEO, dial_in="https://example.org/møte"),
    ]
    for place in places:
        repo.save_place(place)
    assert repo.places() == sorted(places, key=lambda p: p.name.casefold())
    assert [p.name for p in repo.places()] == [
        "bibliotek",
        "Frivilligsentralen",
        "Telefonmøte",
        "Video",
    ]


def test_places_with_equal_names_have_a_stable_order(repo: VaultRepository) -> None:
    twins = [Place(name="Møterom", id=ident) for ident in ("c", "a", "b")]
    for place in twins:
        repo.save_place(place)
    assert [p.id for p in repo.places()] == ["a", "b", "c"]


def test_place_update_in_place(repo: VaultRepository) -> None:
    place = Place(name="Biblioteket", address="Torget 3")
    repo.save_place(place)
    moved = replace(
        place,
        name="Biblioteket, 2. etasje",
        address="Torget 5",
        kind=PlaceKind.VIDEO,
        dial_in="lenke",
    )
    repo.save_place(moved)
    assert repo.places() == [moved]


def test_delete_place_used_by_a_group_is_refused(repo: VaultRepository) -> None:
    place = Place(name="Biblioteket")
    repo.save_place(place)
    group = Group(name="Tirsdagsgruppa", place_id=place.id)
    repo.save_group(group)
    with pytest.raises(DomainError):
        repo.delete_place(place.id)
    assert repo.places() == [place]
    assert repo.group(group.id) == group
    repo.save_group(replace(group, place_id=None))
    repo.delete_place(place.id)
    assert repo.places() == []


def test_delete_unused_place(repo: VaultRepository) -> None:
    keep, drop = Place(name="Behold"), Place(name="Slett")
    repo.save_place(keep)
    repo.save_place(drop)
    repo.delete_place(drop.id)
    assert repo.places() == [keep]


# -- groups ----------------------------------------------------------------------------
def test_groups_round_trip_in_name_order(repo: VaultRepository) -> None:
    place = Place(name="Biblioteket")
    repo.save_place(place)
    groups = [
        Group(name="Vårgruppa", theme="Samlivsbrudd", status=GroupStatus.ENDED, planned_size=6),
        Group(
            name="kveldsgruppa",
            theme="Pårørende",
            tradition=Tradition.HYBRID,
            is_open=True,
            initiator_meetings=10,
            planned_size=None,
            place_id=place.id,
        ),
        Group(
            name="Tirsdagsgruppa",
            tradition=Tradition.TWELVE_STEP,
            status=GroupStatus.SELF_RUNNING,
            initiator_meetings=1,
            planned_size=50,
            skip_holidays=True,
            code_word="Tirsdagsprat",
            pauses=(Pause(date(2027, 3, 22), date(2027, 3, 29)),
                    Pause(date(2026, 12, 21), date(2027, 1, 3))),
        ),
    ]
    for group in groups:
        repo.save_group(group)
    assert [g.name for g in repo.groups()] == ["kveldsgruppa", "Tirsdagsgruppa", "Vårgruppa"]
    for group in groups:
        assert repo.group(group.id) == group
    assert set(repo.groups()) == set(groups)


def test_group_update_in_place(repo: VaultRepository) -> None:
    place = Place(name="Biblioteket")
    repo.save_place(place)
    group = Group(name="Torsdagsgruppa", theme="Angst")
    repo.save_group(group)
    changed = replace(
        group,
        name="Torsdagsringen",
        is_open=True,
        place_id=place.id,
        status=GroupStatus.STARTING,
        planned_size=7,
        pauses=(Pause(date(2026, 7, 1), date(2026, 7, 31)),),
    )
    repo.save_group(changed)
    assert repo.groups() == [changed]
    assert repo.group(group.id) == changed
    unpaused = replace(changed, pauses=())
    repo.save_group(unpaused)
    assert repo.group(group.id) == unpaused


def test_group_referring_to_a_missing_place_is_refused(repo: VaultRepository) -> None:
    with pytest.raises(DomainError):
        repo.save_group(Group(name="Tirsdagsgruppa", place_id="no-such-place"))
    assert repo.groups() == []
    group = Group(name="Tirsdagsgruppa")
    repo.save_group(group)
    with pytest.raises(DomainError):
        repo.save_group(replace(group, place_id="no-such-place"))
    assert repo.group(group.id) == group


def test_children_of_a_missing_group_are_refused(repo: VaultRepository) -> None:
    with pytest.raises(DomainError):
        repo.save_schedules("missing", [schedule()])
    with pytest.raises(DomainError):
        repo.save_frames("missing", [frame("Taushet", "nb")])
    with pytest.raises(DomainError):
        repo.save_attendance("missing", Attendance(date(2026, 1, 6), 5))
    assert snapshot(repo).is_empty()
    assert repo.schedules("missing") == []


def test_delete_group_cascades(repo: VaultRepository) -> None:
    keep, drop = Group(name="Behold"), Group(name="Slett")
    for group in (keep, drop):
        repo.save_group(group)
        repo.save_schedules(
            group.id, [schedule(changes=(MeetingChange(date(2026, 1, 13), ChangeKind.CANCELLED),))]
        )
        repo.save_frames(group.id, [frame("Taushet", "nb", "en")])
        repo.save_attendance(group.id, Attendance(date(2026, 1, 6), 5, 1, 1))
    kept = [rec for rec in snapshot(repo).groups if rec.group.id == keep.id]
    repo.delete_group(drop.id)
    assert repo.group(drop.id) is None
    assert repo.schedules(drop.id) == []
    assert repo.frames(drop.id) == []
    assert repo.attendance(drop.id) == []
    assert list(snapshot(repo).groups) == kept
    # Nothing lingers to come back when the same id is used again.
    repo.save_group(drop)
    assert (repo.schedules(drop.id), repo.frames(drop.id), repo.attendance(drop.id)) == (
        [],
        [],
        [],
    )


def test_delete_missing_group_is_harmless(repo: VaultRepository) -> None:
    group = Group(name="Behold")
    repo.save_group(group)
    repo.delete_group("missing")
    assert repo.groups() == [group]


# -- schedules -------------------------------------------------------------------------
def test_schedules_with_changes_round_trip_equal(repo: VaultRepository) -> None:
    group = Group(name="Tirsdagsgruppa")
    repo.save_group(group)
    weekly = schedule(
        date(2026, 1, 6),
        duration_minutes=90,
        break_minutes=10,
        interval_weeks=2,
        last_date=date(2026, 12, 15),
        changes=(
            MeetingChange(date(2026, 1, 20), ChangeKind.CANCELLED),
            MeetingChange(date(2026, 2, 3), ChangeKind.MOVED, new_date=date(2026, 2, 4)),
            MeetingChange(date(2026, 2, 17), ChangeKind.MOVED, new_start=time(19, 30)),
            MeetingChange(
                date(2026, 3, 3),
                ChangeKind.MOVED,
                new_date=date(2026, 3, 5),
                new_start=time(17, 15),
            ),
            MeetingChange(date(2026, 3, 12), ChangeKind.ADDED),
            MeetingChange(date(2026, 3, 13), ChangeKind.ADDED, new_start=time(12, 0)),
        ),
    )
    other = schedule(date(2025, 9, 4), duration_minutes=360, break_minutes=60)
    repo.save_schedules(group.id, [weekly, other])
    assert repo.schedules(group.id) == [other, weekly]  # by first date
    replacement = schedule(date(2026, 6, 1))
    repo.save_schedules(group.id, [replacement])
    assert repo.schedules(group.id) == [replacement]
    repo.save_schedules(group.id, [])
    assert repo.schedules(group.id) == []


def test_schedule_changes_out_of_date_order_round_trip_equal(repo: VaultRepository) -> None:
    group = Group(name="Tirsdagsgruppa")
    repo.save_group(group)
    weekly = schedule(
        changes=(
            MeetingChange(date(2026, 1, 20), ChangeKind.CANCELLED),
            MeetingChange(date(2026, 1, 13), ChangeKind.CANCELLED),
        )
    )
    repo.save_schedules(group.id, [weekly])
    assert repo.schedules(group.id) == [weekly]


def test_schedule_id_of_another_group_is_refused(repo: VaultRepository) -> None:
    first, second = Group(name="Første"), Group(name="Andre")
    repo.save_group(first)
    repo.save_group(second)
    shared = schedule()
    repo.save_schedules(first.id, [shared])
    before = snapshot(repo)
    try:
        repo.save_schedules(second.id, [shared])
    except DomainError:
        pass
    else:
        raise AssertionError("a schedule id used by another group was accepted")
    assert snapshot(repo) == before


def test_frame_id_of_another_group_is_refused(repo: VaultRepository) -> None:
    first, second = Group(name="Første"), Group(name="Andre")
    repo.save_group(first)
    repo.save_group(second)
    shared = frame("Taushet", "nb")
    repo.save_frames(first.id, [shared])
    before = snapshot(repo)
    try:
        repo.save_frames(second.id, [shared])
    except DomainError:
        pass
    else:
        raise AssertionError("a frame id used by another group was accepted")
    assert snapshot(repo) == before


# -- frames ----------------------------------------------------------------------------
def test_frames_keep_order_and_all_texts(repo: VaultRepository) -> None:
    group = Group(name="Tirsdagsgruppa")
    repo.save_group(group)
    items = [
        frame("Zeta", "nb", "nn", "en"),
        frame("Alfa", "en"),
        frame("Midt", "nn", "nb", kind=FrameKind.CONVERSATION),
        FrameItem(FrameKind.CUSTOM, {"nb": FrameText("Egen regel")}),
    ]
    repo.save_frames(group.id, items)
    stored = repo.frames(group.id)
    assert stored == items
    assert [set(item.texts) for item in stored] == [
        {"nb", "nn", "en"},
        {"en"},
        {"nn", "nb"},
        {"nb"},
    ]
    assert stored[0].texts["nn"] == FrameText("Zeta (nn)", "body nn")
    assert stored[3].source_key == ""
    reordered = [items[2], items[0]]
    repo.save_frames(group.id, reordered)
    assert repo.frames(group.id) == reordered


def test_frames_of_groups_are_separate(repo: VaultRepository) -> None:
    first, second = Group(name="Første"), Group(name="Andre")
    repo.save_group(first)
    repo.save_group(second)
    repo.save_frames(first.id, [frame("A", "nb")])
    repo.save_frames(second.id, [frame("B", "en")])
    repo.save_frames(first.id, [])
    assert repo.frames(first.id) == []
    assert [f.texts["en"].title for f in repo.frames(second.id)] == ["B (en)"]


# -- attendance ------------------------------------------------------------------------
def test_attendance_upsert_by_date_and_delete(repo: VaultRepository) -> None:
    group, other = Group(name="Tirsdagsgruppa"), Group(name="Andre")
    repo.save_group(group)
    repo.save_group(other)
    later = Attendance(date(2026, 1, 13), present=6, newcomers=0, notified_absent=1)
    first = Attendance(date(2026, 1, 6), present=7, newcomers=2, notified_absent=0)
    repo.save_attendance(group.id, later)
    repo.save_attendance(group.id, first)
    repo.save_attendance(other.id, Attendance(date(2026, 1, 6), present=3))
    assert repo.attendance(group.id) == [first, later]
    corrected = Attendance(date(2026, 1, 6), present=8, newcomers=1, notified_absent=2)
    repo.save_attendance(group.id, corrected)
    assert repo.attendance(group.id) == [corrected, later]
    repo.delete_attendance(group.id, date(2026, 1, 6))
    assert repo.attendance(group.id) == [later]
    repo.delete_attendance(group.id, date(2030, 1, 1))  # nothing there: harmless
    assert repo.attendance(group.id) == [later]
    assert repo.attendance(other.id) == [Attendance(date(2026, 1, 6), present=3)]
    for record in repo.attendance(group.id):
        assert all(
            type(n) is int for n in (record.present, record.newcomers, record.notified_absent)
        )


# -- transactions ----------------------------------------------------------------------
class Boom(Exception):
    pass


def test_transaction_rolls_back_on_an_exception(repo: VaultRepository) -> None:
    place = Place(name="Biblioteket")
    group = Group(name="Tirsdagsgruppa", place_id=place.id)
    repo.save_place(place)
    repo.save_group(group)
    repo.save_attendance(group.id, Attendance(date(2026, 1, 6), 5))
    before = snapshot(repo)
    with pytest.raises(Boom), repo.transaction():
        repo.save_place(Place(name="Ny plass"))
        repo.save_place(replace(place, name="Omdøpt"))
        fresh = Group(name="Ny gruppe")
        repo.save_group(fresh)
        repo.save_schedules(fresh.id, [schedule()])
        repo.save_frames(group.id, [frame("Taushet", "nb")])
        repo.save_attendance(group.id, Attendance(date(2026, 1, 6), 9))
        repo.delete_attendance(group.id, date(2026, 1, 6))
        raise Boom
    assert snapshot(repo) == before


def test_transaction_rolls_back_a_domain_error_midway(repo: VaultRepository) -> None:
    with pytest.raises(DomainError), repo.transaction():
        repo.save_place(Place(name="Biblioteket"))
        repo.save_group(Group(name="Feil", place_id="no-such-place"))
    assert snapshot(repo).is_empty()


def test_transaction_commits_when_nothing_fails(repo: VaultRepository) -> None:
    group = Group(name="Tirsdagsgruppa")
    with repo.transaction():
        repo.save_group(group)
        repo.save_schedules(group.id, [schedule()])
    assert repo.groups() == [group]
    assert len(repo.schedules(group.id)) == 1


# -- whole content ---------------------------------------------------------------------
def sample_content() -> VaultContent:
    """Content already in the repositories' stable order, so it reads back equal."""
    library = Place(name="Biblioteket", address="Torget 3")
    phone = Place(name="Telefonmøte", kind=PlaceKind.PHONE, dial_in="Ring 22 00 00 00")
    evening = GroupRecord(
        group=Group(
            name="Kveldsgruppa",
            theme="Pårørende",
            place_id=phone.id,
            status=GroupStatus.STARTING,
            planned_size=8,
        ),
        schedules=(
            schedule(
                date(2026, 1, 5),
                interval_weeks=2,
                changes=(
                    MeetingChange(date(2026, 1, 19), ChangeKind.MOVED, new_start=time(19, 0)),
                ),
            ),
        ),
        frames=(frame("Taushet", "nb", "nn", "en"), frame("Ordet", "nb")),
        attendance=(Attendance(date(2026, 1, 5), 6, 2, 0), Attendance(date(2026, 1, 19), 5, 0, 1)),
    )
    tuesday = GroupRecord(group=Group(name="Tirsdagsgruppa", place_id=library.id))
    return VaultContent(places=(library, phone), groups=(evening, tuesday))


def test_read_and_add_content_round_trip(repo: VaultRepository) -> None:
    content = sample_content()
    add_content(repo, content)
    assert read_content(repo) == content


def test_add_content_with_a_duplicate_id_writes_nothing(repo: VaultRepository) -> None:
    add_content(repo, sample_content())
    before = snapshot(repo)
    existing_group = before.groups[0].group
    clash = VaultContent(
        places=(Place(name="Ny plass"),),
        groups=(
            GroupRecord(group=Group(name="Ny gruppe")),
            GroupRecord(group=replace(existing_group, name="Kopi")),
        ),
    )
    with pytest.raises(DomainError) as caught:
        add_content(repo, clash)
    assert caught.value.params == {"id": existing_group.id}
    assert snapshot(repo) == before


def test_add_content_with_an_id_twice_in_itself_writes_nothing(repo: VaultRepository) -> None:
    place = Place(name="Biblioteket")
    twice = VaultContent(places=(place, replace(place, name="Kopi")))
    with pytest.raises(DomainError):
        add_content(repo, twice)
    assert snapshot(repo).is_empty()


def test_add_content_with_an_unknown_place_writes_nothing(repo: VaultRepository) -> None:
    content = VaultContent(
        places=(Place(name="Biblioteket"),),
        groups=(GroupRecord(group=Group(name="Feil", place_id="no-such-place")),),
    )
    with pytest.raises(DomainError) as caught:
        add_content(repo, content)
    assert caught.value.field == "place_id"
    assert snapshot(repo).is_empty()


def test_add_content_may_refer_to_places_already_stored(repo: VaultRepository) -> None:
    place = Place(name="Biblioteket")
    repo.save_place(place)
    record = GroupRecord(group=Group(name="Ny", place_id=place.id))
    add_content(repo, VaultContent(groups=(record,)))
    assert read_content(repo) == VaultContent(places=(place,), groups=(record,))
