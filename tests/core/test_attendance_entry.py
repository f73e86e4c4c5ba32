"""Recording attendance as counts, absences without notice, and the list of past meetings."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from initiator_desktop.core.attendance_entry import (
    Counts,
    absent_without_notice,
    clear_attendance,
    meeting_for_mode,
    past_meetings,
    prefilled_counts,
    record_attendance,
    unrecorded,
)
from initiator_desktop.core.clock import OSLO
from initiator_desktop.core.errors import DomainError
from initiator_desktop.core.group_life import MemberCount
from initiator_desktop.core.models import (
    Attendance,
    ChangeKind,
    Group,
    GroupStatus,
    MeetingChange,
    Pause,
    Schedule,
)
from initiator_desktop.core.repository import VaultRepository
from initiator_desktop.storage.repository import SqlRepository
from tests.core.test_repository_contract import repo  # noqa: F401  (the parametrised fixture)

NOW = datetime(2026, 4, 14, 20, 30, tzinfo=OSLO)
TODAY = NOW.date()
HELD = [date(2026, 4, 14), date(2026, 4, 7), date(2026, 3, 24), date(2026, 3, 10),
        date(2026, 3, 3)]


@pytest.fixture
def group(repo: VaultRepository) -> Group:  # noqa: F811
    """Tuesdays at 18 from 3 March; 17 March cancelled, 31 March in a pause."""
    group = Group(name="Tirsdagsgruppa", status=GroupStatus.STARTING, initiator_meetings=3,
                  planned_size=7, pauses=(Pause(date(2026, 3, 30), date(2026, 4, 5)),))
    repo.save_group(group)
    repo.save_schedules(group.id, [Schedule(
        weekday=1, start=time(18), first_date=date(2026, 3, 3),
        changes=(MeetingChange(date(2026, 3, 17), ChangeKind.CANCELLED),))])
    repo.save_member_count(group.id, MemberCount(date(2026, 3, 3), 6))
    repo.save_member_count(group.id, MemberCount(date(2026, 4, 1), 7))
    return group


def test_absences_without_notice_follow_from_the_members() -> None:
    assert absent_without_notice(7, Attendance(date(2026, 3, 3), 5, 0, 1)) == 1
    # In a closed group a newcomer is a new member (at the first meeting everybody is).
    assert absent_without_notice(6, Attendance(date(2026, 3, 3), 6, 6, 0)) == 0
    assert absent_without_notice(7, Attendance(date(2026, 3, 3), 5, 1, 1)) == 1
    # In an open group a newcomer is a visitor: only four members came.
    assert absent_without_notice(7, Attendance(date(2026, 3, 3), 5, 1, 1), open_group=True) == 2
    assert absent_without_notice(None, Attendance(date(2026, 3, 3), 5)) is None
    # The number of members lagging behind never gives a negative count.
    assert absent_without_notice(3, Attendance(date(2026, 3, 3), 6, 0, 2)) == 0


@given(members=st.integers(0, 200), present=st.integers(0, 200), new=st.integers(0, 200),
       notified=st.integers(0, 200), open_group=st.booleans())
def test_absences_are_never_negative_nor_more_than_the_members(
        members: int, present: int, new: int, notified: int, open_group: bool) -> None:
    if new > present:
        return
    record = Attendance(date(2026, 3, 3), present, new, notified)
    missing = absent_without_notice(members, record, open_group=open_group)
    assert missing is not None and 0 <= missing <= members


def test_recording_stores_counts_and_only_counts(repo: VaultRepository,  # noqa: F811
                                                 group: Group) -> None:
    stored = record_attendance(repo, group.id, date(2026, 4, 14), Counts(5, 1, 1), today=TODAY)
    assert repo.attendance(group.id) == [stored]
    (read,) = repo.attendance(group.id)
    values = [read.present, read.newcomers, read.notified_absent]
    assert all(type(value) is int for value in values)
    assert values == [5, 1, 1]
    (row,) = [r for r in past_meetings(repo, group.id, NOW) if r.meeting_date == TODAY]
    assert (row.members, row.absent_without_notice) == (7, 1)
    if isinstance(repo, SqlRepository):
        columns = repo._rows("SELECT name, type FROM pragma_table_info('attendance')", ())
        texts = {name for name, kind in columns if kind == "TEXT"}
        assert texts == {"group_id", "meeting_date"}  # no column that could hold a name


@pytest.mark.parametrize("counts", [
    Counts("Kari", 0, 0),  # type: ignore[arg-type]
    Counts(5, "Ola", 0),  # type: ignore[arg-type]
    Counts(5, 0, "Per og Kari"),  # type: ignore[arg-type]
    Counts("5", 0, 0),  # type: ignore[arg-type]
    Counts(5.0, 0, 0),  # type: ignore[arg-type]
    Counts(True, 0, 0),  # type: ignore[arg-type]
    Counts(None, 0, 0),  # type: ignore[arg-type]
    Counts(-1, 0, 0),
    Counts(201, 0, 0),
    Counts(3, 4, 0),
])
def test_attendance_cannot_hold_text_or_bad_numbers(repo: VaultRepository,  # noqa: F811
                                                    group: Group, counts: Counts) -> None:
    with pytest.raises(DomainError):
        record_attendance(repo, group.id, date(2026, 4, 14), counts, today=TODAY)
    assert repo.attendance(group.id) == []


@pytest.mark.parametrize("day", [
    date(2026, 3, 17),  # cancelled
    date(2026, 3, 31),  # in the pause
    date(2026, 3, 12),  # not a meeting day at all
    date(2026, 4, 21),  # still to come
])
def test_only_held_meetings_can_be_recorded(repo: VaultRepository,  # noqa: F811
                                           group: Group, day: date) -> None:
    with pytest.raises(DomainError):
        record_attendance(repo, group.id, day, Counts(5), today=TODAY)


def test_an_unknown_group_is_refused(repo: VaultRepository) -> None:  # noqa: F811
    with pytest.raises(DomainError):
        record_attendance(repo, "nope", date(2026, 4, 14), Counts(5), today=TODAY)
    with pytest.raises(DomainError):
        past_meetings(repo, "nope", NOW)


def test_past_meetings_show_what_is_recorded_and_what_is_not(
        repo: VaultRepository, group: Group) -> None:  # noqa: F811
    record_attendance(repo, group.id, date(2026, 3, 3), Counts(6, 6, 0), today=TODAY)
    record_attendance(repo, group.id, date(2026, 3, 24), Counts(5, 0, 1), today=TODAY)
    rows = past_meetings(repo, group.id, NOW)
    assert [r.meeting_date for r in rows] == HELD
    assert [r.meeting_date for r in unrecorded(rows)] == [
        date(2026, 4, 14), date(2026, 4, 7), date(2026, 3, 10)]
    by_day = {r.meeting_date: r for r in rows}
    assert [by_day[d].initiator_number for d in reversed(HELD)] == [1, 2, 3, None, None]
    assert by_day[date(2026, 3, 24)].members == 6
    assert by_day[date(2026, 3, 24)].absent_without_notice == 0
    assert by_day[date(2026, 4, 7)].members == 7
    # Before today's meeting has begun it is not yet in the list.
    earlier = past_meetings(repo, group.id, datetime(2026, 4, 14, 17, 0, tzinfo=OSLO))
    assert earlier[0].meeting_date == date(2026, 4, 7)
    assert len(past_meetings(repo, group.id, NOW, limit=2)) == 2


def test_records_are_edited_and_cleared_later(repo: VaultRepository,  # noqa: F811
                                              group: Group) -> None:
    record_attendance(repo, group.id, date(2026, 3, 10), Counts(6), today=TODAY)
    record_attendance(repo, group.id, date(2026, 3, 10), Counts(5, 0, 1), today=TODAY)
    assert repo.attendance(group.id) == [Attendance(date(2026, 3, 10), 5, 0, 1)]
    assert prefilled_counts(repo, group.id, date(2026, 3, 10)) == Counts(5, 0, 1)
    clear_attendance(repo, group.id, date(2026, 3, 10))
    assert repo.attendance(group.id) == []


def test_a_record_off_the_calendar_stays_visible_and_editable(
        repo: VaultRepository, group: Group) -> None:  # noqa: F811
    # Recorded, then the schedule changed so that day is no longer a meeting.
    repo.save_attendance(group.id, Attendance(date(2026, 3, 12), 4))
    rows = past_meetings(repo, group.id, NOW)
    (odd,) = [r for r in rows if not r.in_calendar]
    assert (odd.meeting_date, odd.recorded, odd.start) == (date(2026, 3, 12), True, None)
    record_attendance(repo, group.id, date(2026, 3, 12), Counts(5), today=TODAY)
    assert Attendance(date(2026, 3, 12), 5) in repo.attendance(group.id)


def test_prefill_is_all_members_present(repo: VaultRepository, group: Group) -> None:  # noqa: F811
    assert prefilled_counts(repo, group.id, date(2026, 3, 10)) == Counts(6, 0, 0)
    assert prefilled_counts(repo, group.id, date(2026, 4, 14)) == Counts(7, 0, 0)
    other = Group(name="Ny", planned_size=5)
    repo.save_group(other)
    assert prefilled_counts(repo, other.id, TODAY) == Counts(5, 0, 0)
    bare = Group(name="Uten tall")
    repo.save_group(bare)
    assert prefilled_counts(repo, bare.id, TODAY) == Counts(0, 0, 0)


def test_the_meeting_for_meeting_mode(repo: VaultRepository, group: Group) -> None:  # noqa: F811
    during = meeting_for_mode(repo, group.id, datetime(2026, 3, 3, 19, tzinfo=OSLO))
    assert during is not None
    assert during.meeting.meeting.date == date(2026, 3, 3)
    assert (during.initiator_number, during.initiator_total, during.members) == (1, 3, 6)
    # Just after the meeting it is still the one, for the attendance; later, the next one.
    just_after = meeting_for_mode(repo, group.id, datetime(2026, 3, 3, 21, 30, tzinfo=OSLO))
    assert just_after is not None and just_after.meeting.meeting.date == date(2026, 3, 3)
    after = meeting_for_mode(repo, group.id, datetime(2026, 3, 3, 22, 30, tzinfo=OSLO))
    assert after is not None and after.meeting.meeting.date == date(2026, 3, 10)
    assert after.initiator_number == 2
    later = meeting_for_mode(repo, group.id, NOW)
    assert later is not None and later.initiator_number is None
    empty = Group(name="Uten møter")
    repo.save_group(empty)
    assert meeting_for_mode(repo, empty.id, NOW) is None
