"""From the initiator's first meetings to a group that runs itself, and on to its end.

- progress: "meeting N of M with the initiator", from the group's first meetings that
  take place and the time now;
- the handover checklist (the "handover" document) and handing over: the group becomes
  self-running, a HANDED_OVER event is recorded, and the contact list is purged;
- the follow-up visit: a suggested date, the plan (the "follow_up" document), "the group
  asked me back" and "follow-up done" (events);
- ending a group (date and reason) and restarting a closed group that admits new members
  as a new group, with events linking the two and the old history left as it was.

Every step that ends the initiator's part purges the contact list first (``Purge``), and
writes its own changes in one transaction afterwards: if the purge fails, nothing else
has changed, and doing it again finishes the job.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from initiator_desktop.core.errors import N_, DomainError
from initiator_desktop.core.group_life import EndReason, EventKind, GroupEvent, members_on
from initiator_desktop.core.meeting_calendar import group_meetings, initiator_meetings
from initiator_desktop.core.members import change_members
from initiator_desktop.core.models import FrameItem, Group, GroupStatus, Schedule, new_id
from initiator_desktop.core.preparation import (
    Checklist,
    Purge,
    delete_contact_list,
    read_checklist,
    read_day,
    with_checklist,
)
from initiator_desktop.core.repository import VaultRepository

HANDOVER = "handover"
FOLLOW_UP = "follow_up"
HANDOVER_ITEMS = (
    "knows_frames",  # the group knows its frames and principles
    "premises_contact",  # it has a key and a contact person for the premises
    "reach_initiator",  # it knows how to reach the initiator for follow-up
)
# Documents a restarted group takes along: how its meetings run, not the initiator's lists.
CARRIED_DOCUMENTS = ("run_sheet_first", "run_sheet_later")

FOLLOW_UP_WEEKS = 6  # "a visit after about six weeks"
FOLLOW_UP_FEWEST_ALONE = 3  # "... or after the group has met 3-5 times on its own"
FOLLOW_UP_MOST_ALONE = 5
FOLLOW_UP_LATEST_WEEKS = 12  # beyond this, time alone matters more than the count
_FOLLOW_UP_HORIZON = timedelta(weeks=60)


def _group(repo: VaultRepository, group_id: str) -> Group:
    group = repo.group(group_id)
    if group is None:
        raise DomainError(N_("The group does not exist."), "group")
    return group


def _last_event(repo: VaultRepository, group_id: str, kind: EventKind) -> GroupEvent | None:
    found = [e for e in repo.events(group_id) if e.kind is kind]
    return max(found, key=lambda e: e.happened_on, default=None)


# progress -------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class HandoverProgress:
    """How far the group is with its initiator: ``held`` of ``total`` meetings so far."""

    total: int
    meetings: tuple[date, ...]  # the initiator's meetings found in the schedule
    held: int  # of those, how many have ended
    status: GroupStatus
    handed_over_on: date | None = None

    @property
    def next_number(self) -> int | None:
        """The initiator's meeting that comes next (or is on now), 1-based."""
        if self.status not in (GroupStatus.PLANNED, GroupStatus.STARTING):
            return None
        return self.held + 1 if self.held < len(self.meetings) else None

    @property
    def next_date(self) -> date | None:
        number = self.next_number
        return self.meetings[number - 1] if number is not None else None

    @property
    def all_held(self) -> bool:
        return bool(self.meetings) and self.held >= min(self.total, len(self.meetings))


def handover_progress(repo: VaultRepository, group_id: str, now: datetime,
                      language: str = "nb") -> HandoverProgress:
    group = _group(repo, group_id)
    own = initiator_meetings(group, repo.schedules(group_id), language)
    held = sum(1 for m in own if m.end <= now)
    handed = _last_event(repo, group_id, EventKind.HANDED_OVER)
    return HandoverProgress(group.initiator_meetings, tuple(m.date for m in own), held,
                            group.status, handed.happened_on if handed else None)


# the handover checklist and handing over ------------------------------------------------
def load_handover_checklist(repo: VaultRepository, group_id: str) -> Checklist:
    return read_checklist(repo.group_document(group_id, HANDOVER), HANDOVER_ITEMS)


def tick_handover(repo: VaultRepository, group_id: str, item: str, done: bool) -> Checklist:
    document = repo.group_document(group_id, HANDOVER)
    checklist = read_checklist(document, HANDOVER_ITEMS).ticked(item, done)
    repo.save_group_document(group_id, HANDOVER, with_checklist(document, checklist))
    return checklist


@dataclass(frozen=True, slots=True)
class StatusChanged:
    """What a handover, an end or a restart did: the group as it is now, and how many
    people were on the contact list that was deleted."""

    group: Group
    contacts_deleted: int
    new_group: Group | None = None


def _first_day(repo: VaultRepository, group_id: str) -> date | None:
    return min((s.first_date for s in repo.schedules(group_id)), default=None)


def hand_over(repo: VaultRepository, group_id: str, on: date, purge: Purge) -> StatusChanged:
    """The group runs itself from ``on``: checks the checklist, purges the contact list,
    then moves the group to self-running and records HANDED_OVER."""
    group = _group(repo, group_id)
    if group.status is GroupStatus.SELF_RUNNING:
        raise DomainError(N_("The group has already been handed over."), "status")
    if group.status is GroupStatus.PLANNED:
        group = group.with_status(GroupStatus.STARTING)  # its meetings have begun
    handed = group.with_status(GroupStatus.SELF_RUNNING)
    if not load_handover_checklist(repo, group_id).complete:
        raise DomainError(N_("Tick every point of the handover checklist first."), "checklist")
    first = _first_day(repo, group_id)
    if first is not None and on < first:
        raise DomainError(N_("The handover cannot be before the first meeting."), "on")
    deleted = _purge_noted(repo, group_id, on, purge)
    with repo.transaction():
        repo.save_group(handed)
        repo.add_event(group_id, GroupEvent(on, EventKind.HANDED_OVER))
    return StatusChanged(handed, deleted)


def _purge_noted(repo: VaultRepository, group_id: str, on: date, purge: Purge) -> int:
    return delete_contact_list(repo, group_id, on, purge)


# follow-up ------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class FollowUpSuggestion:
    """When to visit the group after handing it over.

    ``six_weeks`` is the first meeting six weeks or more after the handover;
    ``after_fewest``/``after_most`` the meetings after which the group has met three and
    five times on its own (None when the schedule has no such meeting). ``suggested``
    is the later of ``six_weeks`` and ``after_fewest`` (so a fortnightly group has met
    three times alone), unless that is more than twelve weeks away (a monthly group),
    and never later than ``after_most``. Without meetings, the plain six-week day.
    """

    handover: date
    six_weeks: date
    after_fewest: date | None
    after_most: date | None
    suggested: date
    met_alone: int | None  # meetings on its own before the suggested day


def _meetings_alone(group: Group, schedules: Sequence[Schedule], handover: date,
                    language: str) -> list[date]:
    found = group_meetings(group, schedules, handover + timedelta(days=1),
                           handover + _FOLLOW_UP_HORIZON, language=language,
                           include_skipped=False)
    return sorted({m.meeting.date for m in found})


def suggest_follow_up(group: Group, schedules: Sequence[Schedule], handover: date,
                      language: str = "nb") -> FollowUpSuggestion:
    alone = _meetings_alone(group, schedules, handover, language)
    mark = handover + timedelta(weeks=FOLLOW_UP_WEEKS)
    six_weeks = next((d for d in alone if d >= mark), None)
    # The visit is at the meeting after the group has met that many times alone.
    fewest = alone[FOLLOW_UP_FEWEST_ALONE] if len(alone) > FOLLOW_UP_FEWEST_ALONE else None
    most = alone[FOLLOW_UP_MOST_ALONE] if len(alone) > FOLLOW_UP_MOST_ALONE else None
    if six_weeks is None:
        return FollowUpSuggestion(handover, mark, fewest, most, mark,
                                  sum(1 for d in alone if d < mark) if alone else None)
    suggested = max(six_weeks, fewest) if fewest else six_weeks
    if suggested > handover + timedelta(weeks=FOLLOW_UP_LATEST_WEEKS):
        suggested = six_weeks
    if most is not None and suggested > most:
        suggested = most
    return FollowUpSuggestion(handover, six_weeks, fewest, most, suggested,
                              sum(1 for d in alone if d < suggested))


@dataclass(frozen=True, slots=True)
class FollowUp:
    planned_for: date | None
    asked_back: tuple[date, ...]  # newest first
    done: tuple[date, ...]  # newest first


def load_follow_up(repo: VaultRepository, group_id: str) -> FollowUp:
    events = repo.events(group_id)

    def days(kind: EventKind) -> tuple[date, ...]:
        return tuple(sorted((e.happened_on for e in events if e.kind is kind), reverse=True))

    planned = read_day(repo.group_document(group_id, FOLLOW_UP), "planned_for")
    return FollowUp(planned, days(EventKind.ASKED_BACK), days(EventKind.FOLLOW_UP_DONE))


def follow_up_suggestion(repo: VaultRepository, group_id: str, now: datetime,
                         language: str = "nb") -> FollowUpSuggestion | None:
    """From the handover, or before it from the initiator's last meeting; None when the
    group has ended or there is nothing to count from."""
    group = _group(repo, group_id)
    if group.status is GroupStatus.ENDED:
        return None
    handed = _last_event(repo, group_id, EventKind.HANDED_OVER)
    if handed is not None and group.status is GroupStatus.SELF_RUNNING:
        start = handed.happened_on
    else:
        progress = handover_progress(repo, group_id, now, language)
        if not progress.meetings:
            return None
        start = progress.meetings[-1]
    return suggest_follow_up(group, repo.schedules(group_id), start, language)


def _not_ended(repo: VaultRepository, group_id: str) -> Group:
    group = _group(repo, group_id)
    if group.status is GroupStatus.ENDED:
        raise DomainError(N_("The group has ended."), "status")
    return group


def plan_follow_up(repo: VaultRepository, group_id: str, visit: date, today: date) -> FollowUp:
    """Plan (or move) the follow-up visit to ``visit``; the plan is dated ``today``."""
    _not_ended(repo, group_id)
    if visit < today:
        raise DomainError(N_("Choose a day from today on."), "visit")
    document = repo.group_document(group_id, FOLLOW_UP) or {}
    with repo.transaction():
        repo.save_group_document(group_id, FOLLOW_UP, {**document, "version": 1,
                                                        "planned_for": visit.isoformat()})
        repo.add_event(group_id, GroupEvent(today, EventKind.FOLLOW_UP_PLANNED))
    return load_follow_up(repo, group_id)


def record_asked_back(repo: VaultRepository, group_id: str, on: date) -> FollowUp:
    """The group asked the initiator to come back (the day it asked)."""
    _not_ended(repo, group_id)
    repo.add_event(group_id, GroupEvent(on, EventKind.ASKED_BACK))
    return load_follow_up(repo, group_id)


def record_follow_up_done(repo: VaultRepository, group_id: str, on: date) -> FollowUp:
    """The initiator visited the group on ``on``; the plan is fulfilled."""
    _not_ended(repo, group_id)
    document = repo.group_document(group_id, FOLLOW_UP) or {}
    with repo.transaction():
        repo.save_group_document(group_id, FOLLOW_UP,
                                 {**document, "version": 1, "planned_for": None})
        repo.add_event(group_id, GroupEvent(on, EventKind.FOLLOW_UP_DONE))
    return load_follow_up(repo, group_id)


# ending and restarting ------------------------------------------------------------------
def end_group(repo: VaultRepository, group_id: str, on: date, reason: EndReason | str,
              purge: Purge) -> StatusChanged:
    """The group ended on ``on`` for ``reason``; its contact list goes too."""
    group = _not_ended(repo, group_id)
    try:
        reason = EndReason(reason)
    except ValueError as exc:
        raise DomainError(N_("Choose why the group ended."), "reason") from exc
    if reason is EndReason.RESTARTED:
        raise DomainError(N_("To go on as a new group, restart the group instead."), "reason")
    ended = group.with_status(GroupStatus.ENDED)
    deleted = _purge_noted(repo, group_id, on, purge)
    with repo.transaction():
        repo.save_group(ended)
        repo.add_event(group_id, GroupEvent(on, EventKind.ENDED, reason.value))
    return StatusChanged(ended, deleted)


def _first_series_day(schedule: Schedule, on: date) -> date | None:
    """The schedule's first regular meeting day on or after ``on``, if any."""
    if on <= schedule.first_date:
        day = schedule.first_date
    else:
        step = 7 * schedule.interval_weeks
        periods = -(-(on - schedule.first_date).days // step)
        day = schedule.first_date + timedelta(days=periods * step)
    if schedule.last_date is not None and day > schedule.last_date:
        return None
    return day


def split_schedules(schedules: Sequence[Schedule], on: date
                    ) -> tuple[list[Schedule], list[Schedule]]:
    """(what the old group keeps: its series up to the day before ``on``;
    what the new group takes: the same series from ``on``, with new ids)."""
    old: list[Schedule] = []
    new: list[Schedule] = []
    for schedule in schedules:
        if schedule.first_date < on:
            kept = tuple(c for c in schedule.changes if c.original_date < on)
            last = on - timedelta(days=1)
            if schedule.last_date is not None and schedule.last_date < last:
                last = schedule.last_date
            old.append(replace(schedule, last_date=last, changes=kept))
        first = _first_series_day(schedule, on)
        if first is None:
            continue
        moved = tuple(c for c in schedule.changes if c.original_date >= on)
        new.append(replace(schedule, first_date=first, changes=moved, id=new_id()))
    return old, new


def restart_group(repo: VaultRepository, group_id: str, on: date, purge: Purge, *,
                  name: str | None = None, members: int | None = None) -> StatusChanged:
    """A closed group that takes in new members goes on as a new group from ``on``.

    The new group gets a new id and copies the old one's name (or ``name``), frames,
    place, settings and meeting series from ``on``; the old group ends on ``on`` (reason
    "restarted") and keeps its history up to then. Events link the two both ways.
    """
    old = _not_ended(repo, group_id)
    if old.is_open:
        raise DomainError(N_("An open group takes in new members without starting again."),
                          "is_open")
    ended = old.with_status(GroupStatus.ENDED)
    new_group = replace(old, id=new_id(), name=name.strip() if name else old.name,
                        pauses=tuple(p for p in old.pauses if p.last_day >= on))
    kept, taken = split_schedules(repo.schedules(group_id), on)
    frames = [FrameItem(f.kind, dict(f.texts), f.source_key) for f in repo.frames(group_id)]
    count = members if members is not None else members_on(repo.member_counts(group_id), on)
    documents = {n: d for n in CARRIED_DOCUMENTS
                 if (d := repo.group_document(group_id, n)) is not None}
    deleted = _purge_noted(repo, group_id, on, purge)
    with repo.transaction():
        repo.save_group(new_group)
        repo.save_schedules(new_group.id, taken)
        repo.save_frames(new_group.id, frames)
        if count is not None:
            change_members(repo, new_group.id, count, on)
        for document_name, document in documents.items():
            repo.save_group_document(new_group.id, document_name, document)
        repo.save_schedules(group_id, kept)
        repo.save_group(ended)
        repo.add_event(group_id, GroupEvent(on, EventKind.ENDED, EndReason.RESTARTED.value))
        repo.add_event(group_id, GroupEvent(on, EventKind.RESTARTED_AS, new_group.id))
        repo.add_event(new_group.id, GroupEvent(on, EventKind.RESTARTED_FROM, group_id))
        if new_group.status is not GroupStatus.PLANNED:
            repo.add_event(new_group.id, GroupEvent(on, EventKind.STARTED))
        if new_group.status is GroupStatus.SELF_RUNNING:
            # Self-running from its first day: said outright, so that nothing has to guess
            # a handover date from its meetings.
            repo.add_event(new_group.id, GroupEvent(on, EventKind.HANDED_OVER))
    return StatusChanged(ended, deleted, new_group)


@dataclass(frozen=True, slots=True)
class Links:
    """The groups this one went on from and went on as, with the days."""

    restarted_from: tuple[str, date] | None
    restarted_as: tuple[str, date] | None
    ended: tuple[EndReason, date] | None


def group_links(repo: VaultRepository, group_id: str) -> Links:
    events = repo.events(group_id)

    def last(kind: EventKind) -> GroupEvent | None:
        return max((e for e in events if e.kind is kind), key=lambda e: e.happened_on,
                   default=None)

    came, went, ended = (last(EventKind.RESTARTED_FROM), last(EventKind.RESTARTED_AS),
                         last(EventKind.ENDED))
    return Links((came.detail, came.happened_on) if came else None,
                 (went.detail, went.happened_on) if went else None,
                 (EndReason(ended.detail), ended.happened_on) if ended else None)
