"""Domain objects: groups, places, schedules, frames and anonymous attendance.

Every object is a frozen dataclass that checks its own invariants. Attendance is a
tally of counts: there is deliberately no field that could hold a person's name.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field, replace
from datetime import date, time
from enum import StrEnum
from itertools import pairwise

from initiator_desktop.core.errors import N_, DomainError

MAX_NAME = 80
MAX_TEXT = 2000
MAX_COUNT = 200
MAX_TITLE = 120
MAX_CODE_WORD = 40
MAX_PAUSE_DAYS = 366
DEFAULT_DURATION = 120  # about two hours with a break, as the frames recommend
DEFAULT_BREAK = 15
LANGUAGES = ("nb", "nn", "en")


def new_id() -> str:
    """A fresh, random identifier (UUID4 text), stable across export and import."""
    return str(uuid.uuid4())


class Tradition(StrEnum):
    SN = "sn"
    TWELVE_STEP = "twelve_step"
    HYBRID = "hybrid"


class GroupStatus(StrEnum):
    PLANNED = "planned"
    STARTING = "starting"
    SELF_RUNNING = "self_running"
    ENDED = "ended"


class PlaceKind(StrEnum):
    ROOM = "room"
    PHONE = "phone"
    VIDEO = "video"


class FrameKind(StrEnum):
    PRACTICAL = "practical"
    CONVERSATION = "conversation"
    CUSTOM = "custom"


class ChangeKind(StrEnum):
    CANCELLED = "cancelled"
    MOVED = "moved"
    ADDED = "added"


def _coerce(obj: object, field_name: str, kind: type[StrEnum]) -> None:
    """Accept an enum's value as text (as widgets and files hand it over), or refuse it."""
    value = getattr(obj, field_name)
    try:
        object.__setattr__(obj, field_name, kind(value))
    except ValueError as exc:
        raise DomainError(N_("Unknown value: {value}"), field_name, value=str(value)) from exc


def _text(value: str, field_name: str, *, required: bool = False, limit: int = MAX_TEXT) -> None:
    if required and not value.strip():
        raise DomainError(N_("This field must not be empty."), field=field_name)
    if len(value) > limit:
        raise DomainError(
            N_("This text is too long (at most {limit} characters)."), field=field_name, limit=limit
        )


def _count(value: int, field_name: str, low: int = 0, high: int = MAX_COUNT) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise DomainError(
            N_("The number must be between {low} and {high}."), field=field_name, low=low, high=high
        )


@dataclass(frozen=True, slots=True)
class Place:
    """Where a group meets: a room with an address, or a phone or video meeting."""

    name: str
    kind: PlaceKind = PlaceKind.ROOM
    address: str = ""
    access_notes: str = ""
    dial_in: str = ""
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        _coerce(self, "kind", PlaceKind)
        _text(self.name, "name", required=True, limit=MAX_NAME)
        _text(self.address, "address", limit=300)
        _text(self.access_notes, "access_notes")
        _text(self.dial_in, "dial_in")


@dataclass(frozen=True, slots=True)
class MeetingChange:
    """One meeting of a series cancelled or moved, or one extra meeting added once.

    An added meeting's date is ``original_date``; ``new_start`` is its time when it
    differs from the series' usual start.
    """

    original_date: date
    kind: ChangeKind
    new_date: date | None = None
    new_start: time | None = None

    def __post_init__(self) -> None:
        _coerce(self, "kind", ChangeKind)
        if self.kind is ChangeKind.MOVED and self.new_date is None and self.new_start is None:
            raise DomainError(N_("A moved meeting needs a new date or time."), field="new_date")
        if self.kind is ChangeKind.CANCELLED and (self.new_date or self.new_start):
            raise DomainError(N_("A cancelled meeting has no new date."), field="new_date")
        if self.kind is ChangeKind.ADDED and self.new_date is not None:
            raise DomainError(N_("An added meeting has only its own date."), field="new_date")


@dataclass(frozen=True, slots=True)
class Pause:
    """A period without meetings, such as the Christmas or Easter weeks (both days included)."""

    first_day: date
    last_day: date

    def __post_init__(self) -> None:
        if self.last_day < self.first_day:
            raise DomainError(N_("The pause ends before it begins."), "last_day")
        if (self.last_day - self.first_day).days >= MAX_PAUSE_DAYS:
            raise DomainError(N_("A pause can last at most a year."), "last_day")

    def covers(self, day: date) -> bool:
        return self.first_day <= day <= self.last_day


@dataclass(frozen=True, slots=True)
class Schedule:
    """A series of meetings: every ``interval_weeks`` weeks on one weekday (0 = Monday)."""

    weekday: int
    start: time
    first_date: date
    duration_minutes: int = DEFAULT_DURATION
    break_minutes: int = DEFAULT_BREAK
    interval_weeks: int = 1
    last_date: date | None = None
    changes: tuple[MeetingChange, ...] = ()
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        _count(self.weekday, "weekday", 0, 6)
        _count(self.duration_minutes, "duration_minutes", 15, 360)
        _count(self.break_minutes, "break_minutes", 0, 60)
        _count(self.interval_weeks, "interval_weeks", 1, 4)
        if self.break_minutes >= self.duration_minutes:
            raise DomainError(N_("The break must be shorter than the meeting."), "break_minutes")
        if self.first_date.weekday() != self.weekday:
            raise DomainError(
                N_("The first meeting must fall on the schedule's weekday."), "first_date"
            )
        if self.last_date is not None and self.last_date < self.first_date:
            raise DomainError(N_("The last date is before the first date."), "last_date")
        originals = [c.original_date for c in self.changes]
        if len(set(originals)) != len(originals):
            raise DomainError(N_("A meeting can only be changed once."), "changes")
        if any(c.kind is ChangeKind.ADDED and self.is_series_date(c.original_date)
               for c in self.changes):
            raise DomainError(N_("There is already a meeting on that day."), "changes")
        # Canonical order, so equal schedules compare equal however they were built.
        ordered = tuple(sorted(self.changes, key=lambda c: c.original_date))
        object.__setattr__(self, "changes", ordered)

    def is_series_date(self, day: date) -> bool:
        """Whether ``day`` is one of the series' regular meeting dates."""
        if day < self.first_date or (self.last_date is not None and day > self.last_date):
            return False
        return (day - self.first_date).days % (7 * self.interval_weeks) == 0


@dataclass(frozen=True, slots=True)
class FrameText:
    title: str
    body: str = ""

    def __post_init__(self) -> None:
        _text(self.title, "title", required=True, limit=MAX_TITLE)
        _text(self.body, "body", limit=600)


@dataclass(frozen=True, slots=True)
class FrameItem:
    """One agreed ground rule, with its wording in one or more languages.

    ``source_key`` names the library item it started from ("" for the group's own),
    so the original wording stays one click away.
    """

    kind: FrameKind
    texts: dict[str, FrameText]
    source_key: str = ""
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        _coerce(self, "kind", FrameKind)
        if not self.texts:
            raise DomainError(N_("A frame needs a text in at least one language."), "texts")
        unknown = set(self.texts) - set(LANGUAGES)
        if unknown:
            raise DomainError(N_("Unknown language: {code}"), "texts", code=sorted(unknown)[0])

    def text(self, language: str) -> FrameText:
        """The wording in ``language``, falling back to another language the item has."""
        for code in (language, "nb", "nn", "en"):
            if code in self.texts:
                return self.texts[code]
        return next(iter(self.texts.values()))


@dataclass(frozen=True, slots=True)
class Attendance:
    """How many came to one held meeting. Counts only; never who."""

    meeting_date: date
    present: int
    newcomers: int = 0
    notified_absent: int = 0

    def __post_init__(self) -> None:
        _count(self.present, "present")
        _count(self.newcomers, "newcomers")
        _count(self.notified_absent, "notified_absent")
        if self.newcomers > self.present:
            raise DomainError(
                N_("There cannot be more newcomers than people present."), "newcomers"
            )


ADVISED_SIZE = range(4, 9)


@dataclass(frozen=True, slots=True)
class Group:
    """A self-help group as the initiator knows it.

    ``name`` is the neutral name the members use and the only thing lists and cards show;
    ``theme`` is sensitive and stays where the initiator works. Calendars show neither:
    only ``code_word`` if the group chose one, or a neutral word.
    """

    name: str
    theme: str = ""
    tradition: Tradition = Tradition.SN
    is_open: bool = False
    status: GroupStatus = GroupStatus.PLANNED
    initiator_meetings: int = 3
    planned_size: int | None = None
    place_id: str | None = None
    skip_holidays: bool = False
    code_word: str = ""
    pauses: tuple[Pause, ...] = ()
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        _coerce(self, "tradition", Tradition)
        _coerce(self, "status", GroupStatus)
        _text(self.name, "name", required=True, limit=MAX_NAME)
        _text(self.theme, "theme", limit=200)
        _text(self.code_word, "code_word", limit=MAX_CODE_WORD)
        if "\n" in self.code_word or "\r" in self.code_word:
            raise DomainError(N_("The code word must fit on one line."), "code_word")
        ordered = tuple(sorted(self.pauses, key=lambda p: p.first_day))
        if any(b.first_day <= a.last_day for a, b in pairwise(ordered)):
            raise DomainError(N_("Two pauses overlap."), "pauses")
        object.__setattr__(self, "pauses", ordered)
        _count(self.initiator_meetings, "initiator_meetings", 1, 10)
        if self.planned_size is not None:
            _count(self.planned_size, "planned_size", 1, 50)

    def paused_on(self, day: date) -> bool:
        return any(p.covers(day) for p in self.pauses)

    def size_advice(self) -> str | None:
        """A gentle note when the planned size is outside what the frames advise."""
        if self.planned_size is None or self.planned_size in ADVISED_SIZE:
            return None
        if self.planned_size < ADVISED_SIZE.start:
            return N_("Fewer than four members makes a group fragile.")
        return N_("More than eight members leaves little room for each person.")

    def with_status(self, status: GroupStatus) -> Group:
        """This group in a new status, if the move is allowed."""
        if status is not self.status and status not in ALLOWED_TRANSITIONS[self.status]:
            raise DomainError(N_("This change of status is not possible."), "status")
        return replace(self, status=status)


ALLOWED_TRANSITIONS: dict[GroupStatus, frozenset[GroupStatus]] = {
    GroupStatus.PLANNED: frozenset({GroupStatus.STARTING, GroupStatus.ENDED}),
    GroupStatus.STARTING: frozenset(
        {GroupStatus.PLANNED, GroupStatus.SELF_RUNNING, GroupStatus.ENDED}
    ),
    GroupStatus.SELF_RUNNING: frozenset({GroupStatus.STARTING, GroupStatus.ENDED}),
    GroupStatus.ENDED: frozenset(),
}
