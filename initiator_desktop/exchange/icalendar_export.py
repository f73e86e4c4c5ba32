"""iCalendar (RFC 5545) export of a group's meeting series and of the initiator's meetings.

Privacy first: an event carries only the title the caller chose, the times and, when
asked for, the place (and for phone and video meetings, the dial-in, only when asked
for separately). Never a theme (unless it is the title), notes, attendance or contacts.
See docs/formats.md for what calendar clients make of it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from icalendar import Calendar, Event

from initiator_desktop import __version__
from initiator_desktop.atomic_files import write_atomically
from initiator_desktop.core.clock import OSLO
from initiator_desktop.core.meeting_calendar import (
    GroupPlan,
    MeetingState,
    group_meetings,
    initiator_meetings,
)
from initiator_desktop.core.models import (
    ChangeKind,
    Group,
    GroupStatus,
    MeetingChange,
    Place,
    PlaceKind,
    Schedule,
)
from initiator_desktop.core.schedule import Meeting, in_series

PRODID = f"-//Initiator Desktop//Igangsetter {__version__}//NO"
UID_DOMAIN = "initiator-desktop"
BYDAY = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
# An open-ended series gets a VTIMEZONE, and its pauses and skipped holidays as EXDATEs,
# for this many years past the export.
TIMEZONE_YEARS = 10
_SKIPPED = frozenset({MeetingState.CANCELLED, MeetingState.PAUSED, MeetingState.HOLIDAY})


@dataclass(frozen=True, slots=True)
class PlaceChoice:
    """What of the place goes into the calendar: nothing by default."""

    place: Place | None = None
    include_place: bool = False
    include_dial_in: bool = False


def neutral_title(group: Group, meeting_word: str) -> str:
    """The group's own code word, or ``meeting_word`` ("Meeting" in the user's language)."""
    return group.code_word.strip() or meeting_word


def event_uid(schedule: Schedule) -> str:
    """The series' UID: stable across exports, so a re-import updates instead of duplicating."""
    return f"{schedule.id}@{UID_DOMAIN}"


def _local(day: date, at: time) -> datetime:
    return datetime.combine(day, at, tzinfo=OSLO)


def _end(day: date, at: time, minutes: int) -> datetime:
    # Wall-clock arithmetic, as core.schedule does: 18:00 + 2 h is 20:00 on any day.
    return (datetime.combine(day, at) + timedelta(minutes=minutes)).replace(tzinfo=OSLO)


def _location(choice: PlaceChoice) -> tuple[str, str]:
    """(LOCATION, DESCRIPTION) for the chosen place details; empty when not chosen."""
    place = choice.place
    if place is None:
        return "", ""
    location = ""
    if choice.include_place:
        location = place.name
        if place.kind is PlaceKind.ROOM and place.address.strip():
            location = f"{place.name}, {place.address}"
    description = ""
    if choice.include_dial_in and place.kind is not PlaceKind.ROOM and place.dial_in.strip():
        description = place.dial_in
    return location, description


def _event(uid: str, title: str, where: tuple[str, str], now: datetime) -> Event:
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", now.astimezone(UTC))
    event.add("summary", title)
    event.add("class", "PRIVATE")
    location, description = where
    if location:
        event.add("location", location)
    if description:
        event.add("description", description)
    return event


def _skipped_dates(group: Group, schedule: Schedule, now: datetime) -> list[date]:
    """Series dates with no meeting: cancelled, in a pause, or a skipped public holiday."""
    end = schedule.last_date or max(now.date(), schedule.first_date) + timedelta(
        days=366 * TIMEZONE_YEARS)
    return [m.meeting.original_date
            for m in group_meetings(group, [schedule], schedule.first_date, end)
            if m.state in _SKIPPED]


def _series(group: Group, schedule: Schedule, title: str, where: tuple[str, str],
            now: datetime) -> Event:
    event = _event(event_uid(schedule), title, where, now)
    event.add("dtstart", _local(schedule.first_date, schedule.start))
    event.add("dtend", _end(schedule.first_date, schedule.start, schedule.duration_minutes))
    rule: dict[str, object] = {
        "freq": "WEEKLY", "interval": schedule.interval_weeks,
        "byday": [BYDAY[schedule.weekday]], "wkst": "MO",
    }
    if schedule.last_date is not None:
        # RFC 5545: with a TZID start, UNTIL must be UTC. The end of the last day keeps
        # a meeting on that day whatever its start time.
        rule["until"] = _local(schedule.last_date, time(23, 59, 59)).astimezone(UTC)
    event.add("rrule", rule)
    skipped = [_local(day, schedule.start) for day in _skipped_dates(group, schedule, now)]
    if skipped:
        event.add("exdate", skipped)
    return event


def _moved(schedule: Schedule, change: MeetingChange, title: str, where: tuple[str, str],
           now: datetime) -> Event:
    # Not also an EXDATE: an excluded instance cannot be overridden, and clients that
    # follow RFC 5545 (recurring-ical-events among them) then drop the moved meeting.
    day = change.new_date or change.original_date
    at = change.new_start or schedule.start
    event = _event(event_uid(schedule), title, where, now)
    event.add("recurrence-id", _local(change.original_date, schedule.start))
    event.add("dtstart", _local(day, at))
    event.add("dtend", _end(day, at, schedule.duration_minutes))
    return event


def _added(schedule: Schedule, change: MeetingChange, title: str, where: tuple[str, str],
           now: datetime) -> Event:
    # An extra meeting is an event of its own, with a UID of its own that stays stable.
    day = change.original_date
    at = change.new_start or schedule.start
    event = _event(f"{schedule.id}-added-{day:%Y%m%d}@{UID_DOMAIN}", title, where, now)
    event.add("dtstart", _local(day, at))
    event.add("dtend", _end(day, at, schedule.duration_minutes))
    return event


def _changes(schedule: Schedule) -> list[MeetingChange]:
    """The changes that touch a real meeting of the series (as core.schedule counts them)."""
    return [c for c in schedule.changes
            if c.kind is ChangeKind.ADDED or in_series(schedule, c.original_date)]


def _timezone_span(schedules: Sequence[Schedule], now: datetime) -> tuple[date, date]:
    """The dates the VTIMEZONE must cover: every meeting, or years ahead for open series."""
    days = [s.first_date for s in schedules]
    days += [c.new_date or c.original_date for s in schedules for c in s.changes]
    first = min(days, default=now.date()) - timedelta(days=1)
    if schedules and all(s.last_date for s in schedules):
        ends = [s.last_date for s in schedules if s.last_date]
        return first, max(days + ends) + timedelta(days=8)
    return first, max([*days, now.date()]) + timedelta(days=366 * TIMEZONE_YEARS)


def _calendar() -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    return calendar


def calendar_for_group(group: Group, schedules: Sequence[Schedule], *, title: str,
                       now: datetime, place: PlaceChoice | None = None) -> bytes:
    """An RFC 5545 calendar with one recurring VEVENT per schedule of ``group``.

    ``title`` is the only text about the group that is written: pass a neutral word or a
    code word unless the user chose to show the theme. The group's pauses and skipped
    holidays become EXDATEs. ``now`` (aware) becomes DTSTAMP.
    """
    where = _location(place or PlaceChoice())
    calendar = _calendar()
    for schedule in schedules:
        calendar.add_component(_series(group, schedule, title, where, now))
        for change in _changes(schedule):
            if change.kind is ChangeKind.MOVED:
                calendar.add_component(_moved(schedule, change, title, where, now))
            elif change.kind is ChangeKind.ADDED:
                calendar.add_component(_added(schedule, change, title, where, now))
    calendar.add_missing_timezones(*_timezone_span(schedules, now))
    return calendar.to_ical()


def initiator_uid(meeting: Meeting) -> str:
    return f"{meeting.schedule_id}-{meeting.original_date:%Y%m%d}-initiator@{UID_DOMAIN}"


def calendar_for_initiator(plans: Sequence[GroupPlan], *, title: Callable[[Group], str],
                           now: datetime,
                           place: Callable[[Group], PlaceChoice] | None = None) -> bytes:
    """The initiator's own meetings: the first meetings of every planned or starting group.

    One plain VEVENT per meeting (these are a handful, not a rhythm); ``title`` gives each
    group's neutral title or code word.
    """
    calendar = _calendar()
    spans: list[Schedule] = []
    for group, schedules in plans:
        if group.status not in {GroupStatus.PLANNED, GroupStatus.STARTING}:
            continue
        where = _location(place(group) if place else PlaceChoice())
        by_id = {s.id: s for s in schedules}
        for meeting in initiator_meetings(group, schedules):
            event = _event(initiator_uid(meeting), title(group), where, now)
            event.add("dtstart", meeting.start)
            event.add("dtend", meeting.end)
            calendar.add_component(event)
        spans += by_id.values()
    calendar.add_missing_timezones(*_timezone_span(spans, now))
    return calendar.to_ical()


def write_calendar(path: Path, data: bytes) -> None:
    """Write the calendar atomically, bytes untouched (RFC 5545 needs its CRLF line ends)."""
    write_atomically(path, data)
