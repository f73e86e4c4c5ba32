"""Recording who came, as numbers: present, newcomers, absent with notice. Never who.

Absences without notice are not stored: they follow from the group's number of members
on the meeting's day (``members_on``) and the counts. The list of past meetings shows
which held meetings have a record and which do not, so gaps can be filled in later.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from initiator_desktop.core.clock import OSLO
from initiator_desktop.core.errors import N_, DomainError
from initiator_desktop.core.group_life import members_on
from initiator_desktop.core.meeting_calendar import (
    GroupMeeting,
    first_meeting_day,
    group_meetings,
    initiator_meetings,
    next_group_meeting,
)
from initiator_desktop.core.models import Attendance, Group, GroupStatus, Schedule
from initiator_desktop.core.repository import VaultRepository

# The list of past meetings is bounded: ten years of weekly meetings.
MAX_LISTED = 520
# Meeting mode still opens a meeting this long after its end, for the attendance.
AFTER_MEETING = timedelta(hours=2)


@dataclass(frozen=True, slots=True)
class Counts:
    """The three numbers of the attendance form, before they become a record."""

    present: int
    newcomers: int = 0
    notified_absent: int = 0


@dataclass(frozen=True, slots=True)
class MeetingAttendance:
    """One past meeting and its record, as the attendance list shows it.

    ``start`` is None for a record whose day is no longer a meeting in the calendar
    (after a change of schedule): it stays visible and editable.
    """

    meeting_date: date
    start: datetime | None
    record: Attendance | None
    members: int | None
    initiator_number: int | None = None
    open_group: bool = False

    @property
    def recorded(self) -> bool:
        return self.record is not None

    @property
    def in_calendar(self) -> bool:
        return self.start is not None

    @property
    def absent_without_notice(self) -> int | None:
        if self.record is None:
            return None
        return absent_without_notice(self.members, self.record, open_group=self.open_group)


def absent_without_notice(members: int | None, record: Attendance | Counts, *,
                          open_group: bool = False) -> int | None:
    """Members who neither came nor sent word; None when the number of members is unknown.

    In a closed group a newcomer is a new member (at the first meeting, everyone is), so
    all present count against the members. In an open group newcomers are visitors and
    do not. Never below zero: the number of members may lag behind.
    """
    if members is None:
        return None
    members_present = record.present - record.newcomers if open_group else record.present
    return max(0, members - max(0, members_present) - record.notified_absent)


def _group(repo: VaultRepository, group_id: str) -> Group:
    group = repo.group(group_id)
    if group is None:
        raise DomainError(N_("The group does not exist."), "group")
    return group


def members_of(repo: VaultRepository, group_id: str, day: date) -> int | None:
    """The group's number of members on ``day``, if it has been given."""
    return members_on(repo.member_counts(group_id), day)


def prefilled_counts(repo: VaultRepository, group_id: str, day: date) -> Counts:
    """A sensible start for the form: the record if there is one, else all members came.

    Without a number of members, the planned size stands in (or nobody, if none is set).
    """
    existing = {r.meeting_date: r for r in repo.attendance(group_id)}.get(day)
    if existing is not None:
        return Counts(existing.present, existing.newcomers, existing.notified_absent)
    members = members_of(repo, group_id, day)
    if members is None:
        members = _group(repo, group_id).planned_size or 0
    return Counts(present=members)


def _held(group: Group, schedules: Sequence[Schedule], now: datetime,
          language: str) -> list[GroupMeeting]:
    first = first_meeting_day(schedules)
    if first is None:
        return []
    today = now.astimezone(OSLO).date()
    found = group_meetings(group, schedules, first, today, language=language,
                           include_skipped=False)
    return [m for m in found if m.meeting.start <= now]


def _is_meeting_day(group: Group, schedules: Sequence[Schedule], day: date,
                    language: str) -> bool:
    return any(m.meeting.date == day for m in group_meetings(
        group, schedules, day - timedelta(days=1), day + timedelta(days=1),
        language=language, include_skipped=False))


def record_attendance(repo: VaultRepository, group_id: str, meeting_date: date,
                      counts: Counts, *, today: date, language: str = "nb") -> Attendance:
    """Store the counts for the group's meeting on ``meeting_date`` (new or corrected).

    The day must be a meeting that takes place (or already have a record, so old records
    stay editable), and not in the future. Only whole numbers are accepted.
    """
    group = _group(repo, group_id)
    record = Attendance(meeting_date, counts.present, counts.newcomers, counts.notified_absent)
    if meeting_date > today:
        raise DomainError(N_("This meeting has not taken place yet."), "meeting_date")
    known = any(r.meeting_date == meeting_date for r in repo.attendance(group_id))
    if not known and not _is_meeting_day(group, repo.schedules(group_id), meeting_date,
                                         language):
        raise DomainError(N_("The group has no meeting on that day."), "meeting_date")
    with repo.transaction():
        repo.save_attendance(group_id, record)
    return record


def clear_attendance(repo: VaultRepository, group_id: str, meeting_date: date) -> None:
    """Remove a record entered by mistake; the meeting shows as not recorded again."""
    _group(repo, group_id)
    with repo.transaction():
        repo.delete_attendance(group_id, meeting_date)


def past_meetings(repo: VaultRepository, group_id: str, now: datetime, *,
                  language: str = "nb", limit: int = MAX_LISTED) -> list[MeetingAttendance]:
    """Held meetings up to ``now``, newest first, each with its record or none.

    Cancelled, paused and skipped meetings are left out; records on days that are no
    longer meetings are included, so nothing stored is out of sight.
    """
    group = _group(repo, group_id)
    schedules = repo.schedules(group_id)
    counts = repo.member_counts(group_id)
    records = {r.meeting_date: r for r in repo.attendance(group_id)}
    numbers = _initiator_numbers(group, schedules, language)
    rows: dict[date, MeetingAttendance] = {}
    for held in _held(group, schedules, now, language):
        day = held.meeting.date
        rows[day] = MeetingAttendance(
            day, held.meeting.start, records.get(day), members_on(counts, day),
            numbers.get((held.meeting.schedule_id, held.meeting.original_date)), group.is_open)
    for day, record in records.items():
        if day not in rows:
            rows[day] = MeetingAttendance(day, None, record, members_on(counts, day),
                                          open_group=group.is_open)
    return [rows[day] for day in sorted(rows, reverse=True)[:max(0, limit)]]


def unrecorded(rows: Sequence[MeetingAttendance]) -> list[MeetingAttendance]:
    return [row for row in rows if not row.recorded]


def _initiator_numbers(group: Group, schedules: Sequence[Schedule],
                       language: str) -> dict[tuple[str, date], int]:
    if group.status not in (GroupStatus.PLANNED, GroupStatus.STARTING):
        return {}
    return {(m.schedule_id, m.original_date): number for number, m in
            enumerate(initiator_meetings(group, schedules, language), start=1)}


@dataclass(frozen=True, slots=True)
class MeetingContext:
    """The meeting that meeting mode opens, and what it needs to know about it."""

    group: Group
    meeting: GroupMeeting
    initiator_number: int | None  # "meeting N of M with the initiator"
    members: int | None

    @property
    def initiator_total(self) -> int:
        return self.group.initiator_meetings


def meeting_for_mode(repo: VaultRepository, group_id: str, now: datetime, *,
                     language: str = "nb") -> MeetingContext | None:
    """The group's meeting now running (or ended less than ``AFTER_MEETING`` ago, so the
    attendance can still be noted), or else its next one; None if it has none."""
    group = _group(repo, group_id)
    schedules = repo.schedules(group_id)
    found = next_group_meeting(group, schedules, now - AFTER_MEETING, language)
    if found is None:
        return None
    key = (found.meeting.schedule_id, found.meeting.original_date)
    number = _initiator_numbers(group, schedules, language).get(key)
    return MeetingContext(group, found, number, members_of(repo, group_id, found.meeting.date))
