"""The initiator's part: progress, handing over, follow-up, ending and restarting."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta

import pytest

from initiator_desktop.core.clock import OSLO
from initiator_desktop.core.errors import DomainError
from initiator_desktop.core.frame_library import Preset, default_frames
from initiator_desktop.core.group_life import EndReason, EventKind, GroupEvent, MemberCount
from initiator_desktop.core.handover import (
    HANDOVER_ITEMS,
    end_group,
    follow_up_suggestion,
    group_links,
    hand_over,
    handover_progress,
    load_follow_up,
    load_handover_checklist,
    plan_follow_up,
    record_asked_back,
    record_follow_up_done,
    restart_group,
    split_schedules,
    suggest_follow_up,
    tick_handover,
)
from initiator_desktop.core.members import change_members, members
from initiator_desktop.core.models import (
    Attendance,
    ChangeKind,
    Group,
    GroupStatus,
    MeetingChange,
    Pause,
    Place,
    Schedule,
    new_id,
)
from initiator_desktop.core.preparation import add_contact, load_preparation
from initiator_desktop.core.repository import VaultRepository
from tests.core.test_repository_contract import repo  # noqa: F401  (memory and SQLCipher)

FIRST = date(2026, 3, 3)  # a Tuesday
TUESDAYS = Schedule(weekday=1, start=time(18), first_date=FIRST)


def at(day: date, hour: int = 12) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=OSLO)


def make_group(store: VaultRepository, *, status: GroupStatus = GroupStatus.STARTING,
               schedule: Schedule = TUESDAYS, **fields: object) -> Group:
    place = Place(name="Frivilligsentralen")
    store.save_place(place)
    group = Group(name="Tirsdagsgruppa", theme="Sorg", status=status, place_id=place.id,
                  **fields)  # type: ignore[arg-type]
    store.save_group(group)
    store.save_schedules(group.id, [replace(schedule, id=new_id())])
    store.save_frames(group.id, default_frames(Preset.SN))
    return group


def purge_of(store: VaultRepository) -> tuple[list[str], object]:
    asked: list[str] = []

    def purge(group_id: str) -> int:
        asked.append(group_id)
        return store.delete_contacts(group_id)

    return asked, purge


def tick_all(store: VaultRepository, group_id: str) -> None:
    for item in HANDOVER_ITEMS:
        tick_handover(store, group_id, item, True)


# progress -------------------------------------------------------------------------------
def test_progress_counts_the_initiators_meetings_as_they_end(
        repo: VaultRepository) -> None:  # noqa: F811
    group = make_group(repo)
    before = handover_progress(repo, group.id, at(date(2026, 3, 2)))
    assert (before.total, before.held, before.next_number, before.next_date) == (
        3, 0, 1, FIRST)
    assert before.meetings == (FIRST, date(2026, 3, 10), date(2026, 3, 17))
    between = handover_progress(repo, group.id, at(date(2026, 3, 9)))
    assert (between.held, between.next_number) == (1, 2)  # "meeting 2 of 3"
    during = handover_progress(repo, group.id, at(date(2026, 3, 10), 19))
    assert (during.held, during.next_number) == (1, 2)  # the meeting on now
    done = handover_progress(repo, group.id, at(date(2026, 3, 18)))
    assert done.all_held and done.next_number is None


def test_a_cancelled_meeting_does_not_count_as_one_with_the_initiator(
        repo: VaultRepository) -> None:  # noqa: F811
    cancelled = replace(TUESDAYS, changes=(MeetingChange(date(2026, 3, 10),
                                                         ChangeKind.CANCELLED),))
    group = make_group(repo, schedule=cancelled, initiator_meetings=2)
    progress = handover_progress(repo, group.id, at(date(2026, 3, 11)))
    assert progress.meetings == (FIRST, date(2026, 3, 17))
    assert (progress.held, progress.next_number, progress.next_date) == (
        1, 2, date(2026, 3, 17))


def test_progress_without_a_schedule_and_after_handover(
        repo: VaultRepository) -> None:  # noqa: F811
    group = Group(name="Ny", status=GroupStatus.PLANNED)
    repo.save_group(group)
    empty = handover_progress(repo, group.id, at(FIRST))
    assert empty.meetings == () and empty.next_number is None and not empty.all_held
    running = make_group(repo, status=GroupStatus.SELF_RUNNING)
    repo.add_event(running.id, GroupEvent(date(2026, 3, 17), EventKind.HANDED_OVER))
    progress = handover_progress(repo, running.id, at(date(2026, 3, 18)))
    assert progress.next_number is None and progress.handed_over_on == date(2026, 3, 17)
    with pytest.raises(DomainError):
        handover_progress(repo, "no-such-group", at(FIRST))


# handing over ---------------------------------------------------------------------------
def test_handing_over_needs_the_checklist(repo: VaultRepository) -> None:  # noqa: F811
    group = make_group(repo)
    asked, purge = purge_of(repo)
    with pytest.raises(DomainError) as raised:
        hand_over(repo, group.id, date(2026, 3, 17), purge)  # type: ignore[arg-type]
    assert raised.value.field == "checklist"
    tick_handover(repo, group.id, HANDOVER_ITEMS[0], True)
    checklist = load_handover_checklist(repo, group.id)
    assert (checklist.done_count, checklist.total, checklist.complete) == (1, 3, False)
    assert asked == [] and repo.group(group.id).status is GroupStatus.STARTING  # type: ignore[union-attr]


def test_handing_over_moves_the_group_on_and_deletes_the_contacts(
        repo: VaultRepository) -> None:  # noqa: F811
    group = make_group(repo)
    add_contact(repo, group.id, "Kari", "400 00 000")
    add_contact(repo, group.id, "O. H.", "")
    tick_all(repo, group.id)
    asked, purge = purge_of(repo)
    done = hand_over(repo, group.id, date(2026, 3, 17), purge)  # type: ignore[arg-type]
    assert asked == [group.id] and done.contacts_deleted == 2
    stored = repo.group(group.id)
    assert stored is not None and stored.status is GroupStatus.SELF_RUNNING == done.group.status
    assert GroupEvent(date(2026, 3, 17), EventKind.HANDED_OVER) in repo.events(group.id)
    assert repo.contacts(group.id) == []
    assert load_preparation(repo, group.id).contacts_deleted_on == date(2026, 3, 17)
    with pytest.raises(DomainError):
        hand_over(repo, group.id, date(2026, 3, 24), purge)  # type: ignore[arg-type]


def test_a_failed_purge_leaves_the_group_as_it_was_and_can_be_retried(
        repo: VaultRepository) -> None:  # noqa: F811
    group = make_group(repo)
    add_contact(repo, group.id, "Kari")
    tick_all(repo, group.id)

    def broken(_group_id: str) -> int:
        raise OSError("the backup folder is read-only")

    with pytest.raises(OSError):
        hand_over(repo, group.id, date(2026, 3, 17), broken)
    assert repo.group(group.id).status is GroupStatus.STARTING  # type: ignore[union-attr]
    assert repo.events(group.id) == []
    _asked, purge = purge_of(repo)
    assert hand_over(repo, group.id, date(2026, 3, 17), purge).contacts_deleted == 1  # type: ignore[arg-type]


def test_a_planned_group_can_be_handed_over_but_not_before_its_first_meeting(
        repo: VaultRepository) -> None:  # noqa: F811
    group = make_group(repo, status=GroupStatus.PLANNED)
    tick_all(repo, group.id)
    _asked, purge = purge_of(repo)
    with pytest.raises(DomainError):
        hand_over(repo, group.id, FIRST - timedelta(days=1), purge)  # type: ignore[arg-type]
    assert hand_over(repo, group.id, FIRST, purge).group.status is GroupStatus.SELF_RUNNING  # type: ignore[arg-type]
    ended = make_group(repo, status=GroupStatus.ENDED)
    tick_all(repo, ended.id)
    with pytest.raises(DomainError):
        hand_over(repo, ended.id, FIRST, purge)  # type: ignore[arg-type]


# follow-up ------------------------------------------------------------------------------
HANDOVER_DAY = date(2026, 3, 17)


@pytest.mark.parametrize(("interval", "six", "fewest", "most", "suggested", "alone"), [
    # Weekly: six weeks is also the fifth meeting on its own.
    (1, date(2026, 4, 28), date(2026, 4, 14), date(2026, 4, 28), date(2026, 4, 28), 5),
    # Fortnightly: wait until the group has met three times alone (eight weeks).
    (2, date(2026, 4, 28), date(2026, 5, 12), date(2026, 6, 9), date(2026, 5, 12), 3),
    # Every four weeks (31 Mar, 28 Apr, ...): three meetings alone would take over three
    # months; six weeks it is.
    (4, date(2026, 4, 28), date(2026, 6, 23), date(2026, 8, 18), date(2026, 4, 28), 1),
])
def test_the_follow_up_suggestion_weighs_weeks_against_meetings(
        interval: int, six: date, fewest: date, most: date, suggested: date,
        alone: int) -> None:
    group = Group(name="G", status=GroupStatus.SELF_RUNNING)
    schedule = replace(TUESDAYS, interval_weeks=interval)
    found = suggest_follow_up(group, [schedule], HANDOVER_DAY)
    assert (found.six_weeks, found.after_fewest, found.after_most) == (six, fewest, most)
    assert (found.suggested, found.met_alone) == (suggested, alone)


def test_pauses_push_the_meeting_count_later() -> None:
    group = Group(name="G", status=GroupStatus.SELF_RUNNING,
                  pauses=(Pause(date(2026, 4, 1), date(2026, 4, 21)),))  # Easter and more
    found = suggest_follow_up(group, [TUESDAYS], HANDOVER_DAY)
    # Alone: 24 Mar, 31 Mar, (pause), 28 Apr, 5 May, 12 May, 19 May.
    assert found.six_weeks == date(2026, 4, 28)
    assert (found.suggested, found.met_alone) == (date(2026, 5, 5), 3)


def test_without_meetings_after_the_handover_six_weeks_is_the_suggestion() -> None:
    group = Group(name="G", status=GroupStatus.SELF_RUNNING)
    ending = replace(TUESDAYS, last_date=HANDOVER_DAY)
    found = suggest_follow_up(group, [ending], HANDOVER_DAY)
    assert found.suggested == HANDOVER_DAY + timedelta(weeks=6) == found.six_weeks
    assert found.after_fewest is None and found.met_alone is None
    assert suggest_follow_up(group, [], HANDOVER_DAY).suggested == found.suggested


def test_the_suggestion_counts_from_the_handover_or_the_last_initiator_meeting(
        repo: VaultRepository) -> None:  # noqa: F811
    group = make_group(repo)
    before = follow_up_suggestion(repo, group.id, at(FIRST))
    assert before is not None and before.handover == date(2026, 3, 17)  # third meeting
    tick_all(repo, group.id)
    _asked, purge = purge_of(repo)
    hand_over(repo, group.id, date(2026, 3, 24), purge)  # type: ignore[arg-type]
    after = follow_up_suggestion(repo, group.id, at(date(2026, 3, 25)))
    assert after is not None and after.handover == date(2026, 3, 24)
    assert after.suggested == date(2026, 5, 5)
    planless = Group(name="Uten plan")
    repo.save_group(planless)
    assert follow_up_suggestion(repo, planless.id, at(FIRST)) is None


def test_planning_asking_back_and_the_visit_are_recorded(
        repo: VaultRepository) -> None:  # noqa: F811
    group = make_group(repo, status=GroupStatus.SELF_RUNNING)
    today = date(2026, 3, 20)
    assert load_follow_up(repo, group.id).planned_for is None
    plan_follow_up(repo, group.id, date(2026, 4, 28), today)
    moved = plan_follow_up(repo, group.id, date(2026, 5, 5), today)
    assert moved.planned_for == date(2026, 5, 5)
    with pytest.raises(DomainError):
        plan_follow_up(repo, group.id, today - timedelta(days=1), today)
    record_asked_back(repo, group.id, date(2026, 4, 2))
    record_asked_back(repo, group.id, date(2026, 9, 1))
    done = record_follow_up_done(repo, group.id, date(2026, 5, 5))
    assert done.planned_for is None
    assert done.asked_back == (date(2026, 9, 1), date(2026, 4, 2))
    assert done.done == (date(2026, 5, 5),)
    kinds = [e.kind for e in repo.events(group.id)]
    assert kinds.count(EventKind.FOLLOW_UP_PLANNED) == 1  # planned twice on one day
    assert all(e.detail == "" for e in repo.events(group.id))  # events carry no text


# ending and restarting ------------------------------------------------------------------
def test_ending_a_group_records_the_day_and_reason(repo: VaultRepository) -> None:  # noqa: F811
    group = make_group(repo)
    add_contact(repo, group.id, "Kari")
    asked, purge = purge_of(repo)
    with pytest.raises(DomainError):
        end_group(repo, group.id, date(2026, 6, 1), "they argued", purge)  # type: ignore[arg-type]
    with pytest.raises(DomainError):
        end_group(repo, group.id, date(2026, 6, 1), EndReason.RESTARTED, purge)  # type: ignore[arg-type]
    assert asked == []
    done = end_group(repo, group.id, date(2026, 6, 1), "too_few", purge)  # type: ignore[arg-type]
    assert done.group.status is GroupStatus.ENDED and done.contacts_deleted == 1
    assert repo.contacts(group.id) == []
    links = group_links(repo, group.id)
    assert links.ended == (EndReason.TOO_FEW, date(2026, 6, 1))
    with pytest.raises(DomainError):
        end_group(repo, group.id, date(2026, 6, 2), EndReason.OTHER, purge)  # type: ignore[arg-type]
    with pytest.raises(DomainError):
        record_asked_back(repo, group.id, date(2026, 6, 3))


def test_a_restart_makes_a_new_group_and_keeps_the_old_history(
        repo: VaultRepository) -> None:  # noqa: F811
    old = make_group(repo, status=GroupStatus.SELF_RUNNING, code_word="Torsdag",
                     pauses=(Pause(date(2026, 4, 1), date(2026, 4, 7)),
                             Pause(date(2026, 12, 21), date(2027, 1, 3))))
    repo.save_attendance(old.id, Attendance(FIRST, 6))
    change_members(repo, old.id, 6, FIRST)
    repo.save_group_document(old.id, "run_sheet_later", {"steps": ["Runde"]})
    repo.save_group_document(old.id, "handover", {"done": list(HANDOVER_ITEMS)})
    _asked, purge = purge_of(repo)
    on = date(2026, 9, 1)
    done = restart_group(repo, old.id, on, purge, members=7)  # type: ignore[arg-type]
    new = done.new_group
    assert new is not None and new.id != old.id
    assert (new.name, new.theme, new.place_id, new.code_word, new.status) == (
        old.name, old.theme, old.place_id, old.code_word, GroupStatus.SELF_RUNNING)
    assert new.pauses == (Pause(date(2026, 12, 21), date(2027, 1, 3)),)
    assert repo.group(old.id).status is GroupStatus.ENDED  # type: ignore[union-attr]
    # Frames: the same wording, new items.
    old_frames, new_frames = repo.frames(old.id), repo.frames(new.id)
    assert [f.texts for f in new_frames] == [f.texts for f in old_frames]
    assert not {f.id for f in new_frames} & {f.id for f in old_frames}
    # Schedules: the old series stops the day before, the new one starts on the day.
    (kept,), (taken,) = repo.schedules(old.id), repo.schedules(new.id)
    assert kept.last_date == on - timedelta(days=1) and kept.first_date == FIRST
    assert taken.first_date == on and taken.id != kept.id and taken.start == kept.start
    # History stays with the old group; the new one starts with its own number.
    assert repo.attendance(old.id) == [Attendance(FIRST, 6)] and repo.attendance(new.id) == []
    assert members(repo, new.id, on).current == MemberCount(on, 7)
    assert members(repo, old.id, on).number == 6
    assert repo.group_document(new.id, "run_sheet_later") == {"steps": ["Runde"]}
    assert repo.group_document(new.id, "handover") is None
    old_links, new_links = group_links(repo, old.id), group_links(repo, new.id)
    assert old_links.restarted_as == (new.id, on)
    assert old_links.ended == (EndReason.RESTARTED, on)
    assert new_links.restarted_from == (old.id, on) and new_links.ended is None
    assert GroupEvent(on, EventKind.STARTED) in repo.events(new.id)
    assert GroupEvent(on, EventKind.HANDED_OVER) in repo.events(new.id)  # self-running


def test_a_restart_carries_the_member_count_and_a_new_name(
        repo: VaultRepository) -> None:  # noqa: F811
    old = make_group(repo)
    change_members(repo, old.id, 5, FIRST)
    _asked, purge = purge_of(repo)
    new = restart_group(repo, old.id, date(2026, 5, 5), purge,  # type: ignore[arg-type]
                        name="  Tirsdagsgruppa 2 ").new_group
    assert new is not None and new.name == "Tirsdagsgruppa 2"
    assert new.status is GroupStatus.STARTING
    assert [e.kind for e in repo.events(new.id)] == [EventKind.RESTARTED_FROM,
                                                     EventKind.STARTED]
    assert members(repo, new.id, date(2026, 5, 5)).number == 5


def test_only_a_closed_group_still_running_restarts(repo: VaultRepository) -> None:  # noqa: F811
    _asked, purge = purge_of(repo)
    open_group = make_group(repo, is_open=True)
    with pytest.raises(DomainError):
        restart_group(repo, open_group.id, date(2026, 5, 5), purge)  # type: ignore[arg-type]
    ended = make_group(repo, status=GroupStatus.ENDED)
    with pytest.raises(DomainError):
        restart_group(repo, ended.id, date(2026, 5, 5), purge)  # type: ignore[arg-type]
    assert len(repo.groups()) == 2


def test_a_restart_before_the_first_meeting_takes_the_whole_series() -> None:
    later = Schedule(weekday=3, start=time(10), first_date=date(2026, 6, 4),
                     interval_weeks=2, changes=(MeetingChange(date(2026, 6, 18),
                                                              ChangeKind.CANCELLED),))
    early = replace(TUESDAYS, last_date=date(2026, 3, 31))
    old, new = split_schedules([early, later], date(2026, 5, 1))
    assert [s.id for s in old] == [early.id]  # the later series goes entirely
    assert old[0].last_date == date(2026, 3, 31)
    (moved,) = new
    assert moved.first_date == date(2026, 6, 4) and moved.changes == later.changes
    old, new = split_schedules([later], date(2026, 6, 10))
    assert old[0].last_date == date(2026, 6, 9) and old[0].changes == ()
    assert new[0].first_date == date(2026, 6, 18) and len(new[0].changes) == 1
