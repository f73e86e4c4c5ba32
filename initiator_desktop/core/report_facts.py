"""The true numbers behind a report, one group at a time, before any protection.

A group's start, handover and end come from its recorded events. Groups from before the
app recorded events get dates derived from their meetings (documented in
docs/reports.md): started = the first meeting held; handed over (only for a group now
running on its own) = its last meeting with the initiator; ended (only for an ended
group) = its last meeting held.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from initiator_desktop.core.attendance_stats import MeetingRecord, Outcome, classify
from initiator_desktop.core.clock import OSLO
from initiator_desktop.core.group_life import EventKind, GroupEvent
from initiator_desktop.core.meeting_calendar import first_meeting_day
from initiator_desktop.core.models import Group, GroupStatus
from initiator_desktop.core.repository import VaultRepository

MONTHS_BY_MONTH = 36  # up to three years the chart has a column per month
MONTHS_BY_QUARTER = 144  # up to twelve years one per quarter, beyond that one per year


class Measure(StrEnum):
    HELD = "held"
    RECORDED = "recorded"
    CANCELLED = "cancelled"
    ATTENDANCE = "attendance"
    NEWCOMERS = "newcomers"


MEASURES = tuple(Measure)


class Bucket(StrEnum):
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"


@dataclass(frozen=True, slots=True)
class LifeDates:
    started_on: date | None
    handed_over_on: date | None
    ended_on: date | None
    handed_over_days: tuple[date, ...]  # every recorded handover (a group may go back)
    derived: bool  # some date came from the meetings, not from an event


@dataclass(frozen=True, slots=True)
class GroupFacts:
    """One group's true numbers for the period."""

    group: Group
    dates: LifeDates
    active: bool  # counted among the period's groups
    status: GroupStatus  # at the end of the period
    totals: dict[Measure, int]
    attendance_by_bucket: tuple[int, ...]
    newcomers_by_bucket: tuple[int, ...]


def bucket_size(start: date, end: date) -> Bucket:
    months = (end.year - start.year) * 12 + end.month - start.month + 1
    if months <= MONTHS_BY_MONTH:
        return Bucket.MONTH
    return Bucket.QUARTER if months <= MONTHS_BY_QUARTER else Bucket.YEAR


def buckets(start: date, end: date, size: Bucket) -> list[tuple[date, date]]:
    """The chart's spans of time covering ``start..end``, the first and last clipped."""
    step = {Bucket.MONTH: 1, Bucket.QUARTER: 3, Bucket.YEAR: 12}[size]
    month = (start.month - 1) // step * step + 1
    first = date(start.year, month, 1)
    spans = []
    while first <= end:
        index = first.month - 1 + step
        following = date(first.year + index // 12, index % 12 + 1, 1)
        spans.append((max(first, start), min(following - timedelta(days=1), end)))
        first = following
    return spans


def life_dates(group: Group, events: Sequence[GroupEvent],
               held: Sequence[MeetingRecord]) -> LifeDates:
    """Start, handover and end, from the events or else from the meetings held."""
    def days(kind: EventKind) -> list[date]:
        return sorted(e.happened_on for e in events if e.kind is kind)

    held_days = [m.day for m in held if m.outcome in (Outcome.RECORDED, Outcome.UNRECORDED)]
    started, handed, ended = days(EventKind.STARTED), days(EventKind.HANDED_OVER), \
        days(EventKind.ENDED)
    derived = False
    started_on = started[0] if started else None
    if started_on is None and held_days:
        started_on, derived = held_days[0], True
    handed_on = handed[-1] if handed else None
    if handed_on is None and group.status is GroupStatus.SELF_RUNNING and held_days:
        handed_on = held_days[min(group.initiator_meetings, len(held_days)) - 1]
        handed, derived = [handed_on], True
    ended_on = ended[-1] if ended else None
    if ended_on is None and group.status is GroupStatus.ENDED:
        # An ended group with no trace of when: before any period that could ask.
        ended_on, derived = (held_days[-1] if held_days else date.min), True
    return LifeDates(started_on, handed_on, ended_on, tuple(handed), derived)


def status_on(group: Group, dates: LifeDates, day: date, today: date) -> GroupStatus:
    """The group's status at the end of ``day``: today's for today or later."""
    if day >= today:
        return group.status
    if dates.ended_on is not None and dates.ended_on <= day:
        return GroupStatus.ENDED
    if dates.handed_over_on is not None and dates.handed_over_on <= day:
        return GroupStatus.SELF_RUNNING
    if dates.started_on is not None and dates.started_on <= day:
        return GroupStatus.STARTING
    return GroupStatus.PLANNED


def is_active(dates: LifeDates, start: date, end: date, today: date) -> bool:
    """Counted among the period's groups: not ended before it began, and started by its
    end (a planned group counts only in a period that reaches today)."""
    if dates.ended_on is not None and dates.ended_on < start:
        return False
    if end >= today:
        return True
    return dates.started_on is not None and dates.started_on <= end


def group_facts(repo: VaultRepository, group: Group, start: date, end: date,
                spans: Sequence[tuple[date, date]], now: datetime,
                language: str = "nb") -> GroupFacts:
    """``group``'s true numbers for ``start..end`` (``spans``: the chart's columns)."""
    today = now.astimezone(OSLO).date()
    schedules = repo.schedules(group.id)
    records = repo.attendance(group.id)
    first = min([d for d in (first_meeting_day(schedules),
                             min((r.meeting_date for r in records), default=None))
                 if d is not None], default=start)
    # From the first meeting ever: the start and handover may lie before the period.
    history = classify(group, schedules, records, [], min(first, start), end, now, language)
    dates = life_dates(group, repo.events(group.id), history)
    inside = [m for m in history if start <= m.day <= end]
    totals = _totals(inside)
    attendance, newcomers = _by_span(inside, spans)
    return GroupFacts(group, dates, is_active(dates, start, end, today),
                      status_on(group, dates, end, today), totals, attendance, newcomers)


def _totals(meetings: Sequence[MeetingRecord]) -> dict[Measure, int]:
    records = [m.record for m in meetings if m.record is not None]
    outcomes = [m.outcome for m in meetings]
    return {
        Measure.HELD: outcomes.count(Outcome.RECORDED) + outcomes.count(Outcome.UNRECORDED),
        Measure.RECORDED: len(records),
        Measure.CANCELLED: outcomes.count(Outcome.CANCELLED),
        Measure.ATTENDANCE: sum(r.present for r in records),
        Measure.NEWCOMERS: sum(r.newcomers for r in records),
    }


def _by_span(meetings: Sequence[MeetingRecord], spans: Sequence[tuple[date, date]]
             ) -> tuple[tuple[int, ...], tuple[int, ...]]:
    attendance = [0] * len(spans)
    newcomers = [0] * len(spans)
    index = 0
    for m in meetings:  # oldest first, as are the spans
        if m.record is None:
            continue
        while index < len(spans) and spans[index][1] < m.day:
            index += 1
        if index < len(spans) and spans[index][0] <= m.day:
            attendance[index] += m.record.present
            newcomers[index] += m.record.newcomers
    return tuple(attendance), tuple(newcomers)
