"""A group's attendance over time: each meeting's outcome and counts, and a few figures.

A meeting that takes place and has begun is held: recorded (with counts) or not yet
recorded. Cancelled meetings, and meetings that fall in a pause or on a skipped public
holiday, were not held. A record on a day that is no longer in the calendar still
counts as a held meeting. The chart series made here is what the history chart draws.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from initiator_desktop.core.attendance_entry import absent_without_notice
from initiator_desktop.core.clock import OSLO
from initiator_desktop.core.errors import N_, DomainError
from initiator_desktop.core.group_life import MemberCount, members_on
from initiator_desktop.core.meeting_calendar import (
    MeetingState,
    first_meeting_day,
    group_meetings,
)
from initiator_desktop.core.models import Attendance, Group, Schedule
from initiator_desktop.core.repository import VaultRepository
from initiator_desktop.core.small_counts import Figure

TREND_MEETINGS = 8  # the trend looks at the last eight recorded meetings
TREND_FEWEST = 4  # below this there is no trend to speak of
# A change counts as rising or falling when the later half's average differs from the
# earlier half's by an eighth of the average, and at least by three quarters of a person
# (one person more or less at two of four meetings is not yet a trend).
TREND_SHARE = 0.125
TREND_LEAST = 0.75


class Outcome(StrEnum):
    RECORDED = "recorded"  # held, with counts
    UNRECORDED = "unrecorded"  # held, no counts yet
    CANCELLED = "cancelled"
    NOT_HELD = "not_held"  # in a pause, or on a public holiday the group skips
    PERIOD = "period"  # a span of time added up (months or quarters in a report)


class Trend(StrEnum):
    RISING = "rising"
    STEADY = "steady"
    FALLING = "falling"
    TOO_FEW = "too_few"


@dataclass(frozen=True, slots=True)
class MeetingRecord:
    """One meeting of the group as its history shows it."""

    day: date
    outcome: Outcome
    record: Attendance | None = None
    members: int | None = None
    skipped_for_holiday: bool = False
    open_group: bool = False  # newcomers are visitors, not new members

    @property
    def absent_without_notice(self) -> int | None:
        if self.record is None:
            return None
        return absent_without_notice(self.members, self.record, open_group=self.open_group)


@dataclass(frozen=True, slots=True)
class HistoryFigures:
    """The simple figures under the chart."""

    held: int
    recorded: int
    unrecorded: int
    cancelled: int
    not_held: int
    average_present: float | None
    trend: Trend
    trend_change: float | None  # later half's average minus earlier half's
    newcomers: int
    notified_absent: int
    absent_without_notice: int | None  # None when no recorded meeting had a member count
    unknown_members: int  # recorded meetings without a member count


@dataclass(frozen=True, slots=True)
class GroupHistory:
    group: Group
    start: date
    end: date
    meetings: tuple[MeetingRecord, ...]
    figures: HistoryFigures


@dataclass(frozen=True, slots=True)
class ChartPoint:
    """One column of the chart: a meeting (``last_day == day``) or a span of time."""

    day: date
    last_day: date
    outcome: Outcome
    present: Figure | None = None
    newcomers: Figure | None = None
    members: Figure | None = None


@dataclass(frozen=True, slots=True)
class ChartSeries:
    points: tuple[ChartPoint, ...]
    threshold: int | None = None  # set when some figures may be hidden as small


def classify(group: Group, schedules: Sequence[Schedule], records: Sequence[Attendance],
             counts: Sequence[MemberCount], start: date, end: date, now: datetime,
             language: str = "nb") -> list[MeetingRecord]:
    """The group's meetings dated ``start..end`` that have begun by ``now``, oldest first.

    A record wins over the calendar: a day with counts was held, whatever the calendar
    now says about it.
    """
    by_day = {r.meeting_date: r for r in records if start <= r.meeting_date <= end}
    counts = list(counts)
    today = now.astimezone(OSLO).date()
    found: dict[date, MeetingRecord] = {}
    for planned in group_meetings(group, schedules, start, min(end, today), language=language):
        day = planned.meeting.date
        begun = planned.meeting.start <= now
        if not begun and day not in by_day:
            continue  # still to come today
        candidate = _record(day, planned.state, by_day.get(day), members_on(counts, day),
                            group.is_open)
        # Two series on one day: the meeting that took place stands.
        if day not in found or _RANK[candidate.outcome] < _RANK[found[day].outcome]:
            found[day] = candidate
    for day, record in by_day.items():
        if found.get(day) is None or found[day].record is None:
            found[day] = MeetingRecord(day, Outcome.RECORDED, record, members_on(counts, day),
                                       open_group=group.is_open)
    return [found[day] for day in sorted(found)]


_RANK = {Outcome.RECORDED: 0, Outcome.UNRECORDED: 1, Outcome.CANCELLED: 2,
         Outcome.NOT_HELD: 3, Outcome.PERIOD: 4}


def _record(day: date, state: MeetingState, record: Attendance | None,
            members: int | None, open_group: bool) -> MeetingRecord:
    if record is not None:
        outcome = Outcome.RECORDED
    elif state is MeetingState.CANCELLED:
        outcome = Outcome.CANCELLED
    elif state in (MeetingState.PAUSED, MeetingState.HOLIDAY):
        outcome = Outcome.NOT_HELD
    else:
        outcome = Outcome.UNRECORDED
    return MeetingRecord(day, outcome, record, members,
                         skipped_for_holiday=state is MeetingState.HOLIDAY,
                         open_group=open_group)


def trend(recorded: Sequence[int]) -> tuple[Trend, float | None]:
    """Rising, steady or falling over the last eight recorded meetings (present counts,
    oldest first): the later half's average against the earlier half's."""
    last = list(recorded)[-TREND_MEETINGS:]
    if len(last) < TREND_FEWEST:
        return Trend.TOO_FEW, None
    half = len(last) // 2
    earlier = sum(last[:half]) / half
    later = sum(last[-half:]) / half
    change = later - earlier
    limit = max(TREND_LEAST, TREND_SHARE * sum(last) / len(last))
    if change >= limit:
        return Trend.RISING, change
    if change <= -limit:
        return Trend.FALLING, change
    return Trend.STEADY, change


def figures(meetings: Sequence[MeetingRecord]) -> HistoryFigures:
    """The simple figures for ``meetings``."""
    records = [m.record for m in meetings if m.record is not None]
    outcomes = [m.outcome for m in meetings]
    without = [m.absent_without_notice for m in meetings if m.record is not None]
    known = [n for n in without if n is not None]
    direction, change = trend([r.present for r in records])
    return HistoryFigures(
        held=outcomes.count(Outcome.RECORDED) + outcomes.count(Outcome.UNRECORDED),
        recorded=len(records),
        unrecorded=outcomes.count(Outcome.UNRECORDED),
        cancelled=outcomes.count(Outcome.CANCELLED),
        not_held=outcomes.count(Outcome.NOT_HELD),
        average_present=sum(r.present for r in records) / len(records) if records else None,
        trend=direction,
        trend_change=change,
        newcomers=sum(r.newcomers for r in records),
        notified_absent=sum(r.notified_absent for r in records),
        absent_without_notice=sum(known) if known else None,
        unknown_members=len(without) - len(known),
    )


def group_history(repo: VaultRepository, group_id: str, now: datetime, *,
                  start: date | None = None, end: date | None = None,
                  language: str = "nb") -> GroupHistory:
    """The group's meetings from ``start`` (default: its first) to ``end`` (default:
    today), as far as they have begun by ``now``, with the figures."""
    group = repo.group(group_id)
    if group is None:
        raise DomainError(N_("The group does not exist."), "group")
    schedules = repo.schedules(group_id)
    records = repo.attendance(group_id)
    today = now.astimezone(OSLO).date()
    first = min([d for d in (first_meeting_day(schedules),
                             min((r.meeting_date for r in records), default=None))
                 if d is not None], default=today)
    start = start or first
    end = end or today
    meetings = classify(group, schedules, records, repo.member_counts(group_id), start, end,
                        now, language)
    return GroupHistory(group, start, end, tuple(meetings), figures(meetings))


def chart_series(meetings: Sequence[MeetingRecord]) -> ChartSeries:
    """One chart column per meeting, every figure exact (the initiator's own view)."""
    points = []
    for m in meetings:
        record = m.record
        members = Figure.exact(m.members) if m.members is not None else None
        points.append(ChartPoint(
            m.day, m.day, m.outcome,
            present=Figure.exact(record.present) if record else None,
            newcomers=Figure.exact(record.newcomers) if record else None,
            members=members))
    return ChartSeries(tuple(points))
