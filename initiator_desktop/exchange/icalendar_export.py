"""iCalendar (RFC 5545) export of a group's meeting series (docs/formats.md).

Privacy first: an event carries only the title the caller chose, the times and, when
asked for, the place. Never a theme (unless it is the title), notes, attendance or contacts.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from icalendar import Calendar, Event

from initiator_desktop import __version__
from initiator_desktop.atomic_files import write_atomically
from initiator_desktop.core.clock import OSLO
from initiator_desktop.core.models import (
    ChangeKind,
    Group,
    MeetingChange,
    Place,
    PlaceKind,
    Schedule,
)
from initiator_desktop.core.schedule import in_series

PRODID = f"-//Initiator Desktop//Igangsetter {__version__}//NO"
UID_DOMAIN = "initiator-desktop"
BYDAY = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
# An open-ended series gets a VTIMEZONE that covers this many years past the export.
TIMEZONE_YEARS = 10


def event_uid(schedule: Schedule) -> str:
    """The series' UID: stable across exports, so a re-import updates instead of duplicating."""
    return f"{schedule.id}@{UID_DOMAIN}"


def _local(day: date, at: time) -> datetime:
    return datetime.combine(day, at, tzinfo=OSLO)


def _end(day: date, at: time, minutes: int) -> datetime:
    # Wall-clock arithmetic, as core.schedule does: 18:00 + 2 h is 20:00 on any day.
    return (datetime.combine(day, at) + timedelta(minutes=minutes)).replace(tzinfo=OSLO)


def _location(place: Place) -> str:
    if place.kind is PlaceKind.ROOM and place.address.strip():
        return f"{place.name}, {place.address}"
    return place.name  # phone and video places: never the dial-in details


def _event(schedule: Schedule, title: str, location: str, now: datetime) -> Event:
    event = Event()
    event.add("uid", event_uid(schedule))
    event.add("dtstamp", now.astimezone(UTC))
    event.add("summary", title)
    event.add("class", "PRIVATE")
    if location:
        event.add("location", location)
    return event


def _series(schedule: Schedule, title: str, location: str, now: datetime) -> Event:
    event = _event(schedule, title, location, now)
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
    cancelled = [_local(c.original_date, schedule.start) for c in _changes(schedule)
                 if c.kind is ChangeKind.CANCELLED]
    if cancelled:
        event.add("exdate", cancelled)
    return event


def _moved(schedule: Schedule, change: MeetingChange, title: str, location: str,
           now: datetime) -> Event:
    # Not also an EXDATE: an excluded instance cannot be overridden, and clients that
    # follow RFC 5545 (recurring-ical-events among them) then drop the moved meeting.
    day = change.new_date or change.original_date
    at = change.new_start or schedule.start
    event = _event(schedule, title, location, now)
    event.add("recurrence-id", _local(change.original_date, schedule.start))
    event.add("dtstart", _local(day, at))
    event.add("dtend", _end(day, at, schedule.duration_minutes))
    return event


def _changes(schedule: Schedule) -> list[MeetingChange]:
    """The changes that touch a real meeting of the series (as core.schedule counts them)."""
    return [c for c in schedule.changes if in_series(schedule, c.original_date)]


def _timezone_span(schedules: Sequence[Schedule], now: datetime) -> tuple[date, date]:
    """The dates the VTIMEZONE must cover: every meeting, or years ahead for open series."""
    days = [s.first_date for s in schedules]
    days += [c.new_date for s in schedules for c in s.changes if c.new_date]
    first = min(days, default=now.date()) - timedelta(days=1)
    if schedules and all(s.last_date for s in schedules):
        ends = [s.last_date for s in schedules if s.last_date]
        return first, max(days + ends) + timedelta(days=8)
    return first, max([*days, now.date()]) + timedelta(days=366 * TIMEZONE_YEARS)


def calendar_for_group(group: Group, place: Place | None, schedules: Sequence[Schedule], *,
                       title: str, include_place: bool = False, now: datetime) -> bytes:
    """An RFC 5545 calendar with one recurring VEVENT per schedule of ``group``.

    ``title`` is the only text about the group that is written: pass a neutral word or a
    code word unless the user chose to show the theme. ``now`` (aware) becomes DTSTAMP.
    """
    del group  # only the caller's title speaks for the group: not its name, not its theme
    location = _location(place) if include_place and place is not None else ""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    for schedule in schedules:
        calendar.add_component(_series(schedule, title, location, now))
        for change in _changes(schedule):
            if change.kind is ChangeKind.MOVED:
                calendar.add_component(_moved(schedule, change, title, location, now))
    calendar.add_missing_timezones(*_timezone_span(schedules, now))
    return calendar.to_ical()


def write_calendar(path: Path, data: bytes) -> None:
    """Write the calendar atomically, bytes untouched (RFC 5545 needs its CRLF line ends)."""
    write_atomically(path, data)
