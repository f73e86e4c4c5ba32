"""iCalendar export: what a calendar client expands must be exactly the app's meetings.

``recurring-ical-events`` stands in for the calendar client: it applies RRULE, EXDATE and
RECURRENCE-ID overrides as RFC 5545 says, in the zone the TZID names.
"""

from __future__ import annotations

import itertools
import re
from datetime import UTC, date, datetime, time, timedelta

import recurring_ical_events
from hypothesis import given, settings
from hypothesis import strategies as st
from icalendar import Calendar

from initiator_desktop.core.clock import OSLO
from initiator_desktop.core.meeting_calendar import group_meetings
from initiator_desktop.core.models import (
    ChangeKind,
    Group,
    MeetingChange,
    Pause,
    Place,
    PlaceKind,
    Schedule,
)
from initiator_desktop.exchange.icalendar_export import (
    PlaceChoice,
    calendar_for_group,
    write_calendar,
)

NOW = datetime(2026, 1, 2, 9, 30, tzinfo=OSLO)
WINDOW = (date(2026, 1, 1), date(2027, 12, 31))
GROUP = Group(name="Tirsdagsgruppa", theme="Sorg etter selvmord")
ROOM = Place(name="Biblioteket, grupperommet", address="Torget 3",
             access_notes="Nøkkel i resepsjonen", dial_in="")
PHONE = Place(name="Telefonmøte", kind=PlaceKind.PHONE, dial_in="Ring 22 00 00 00, kode 4471#")


def export(*schedules: Schedule, title: str = "Meeting", place: Place | None = ROOM,
           include_place: bool = False, include_dial_in: bool = False, now: datetime = NOW,
           group: Group = GROUP) -> bytes:
    return calendar_for_group(group, schedules, title=title, now=now,
                              place=PlaceChoice(place, include_place, include_dial_in))


def expanded(ics: bytes, start: date = WINDOW[0], end: date = WINDOW[1]) -> list[datetime]:
    """Start times as a calendar client shows them, for meetings on ``start..end``."""
    calendar = Calendar.from_ical(ics)
    events = recurring_ical_events.of(calendar).between(start - timedelta(days=2),
                                                        end + timedelta(days=2))
    starts = [e["DTSTART"].dt for e in events]
    assert all(s.tzinfo is not None for s in starts)
    return sorted(s for s in starts if start <= s.date() <= end)


def app_starts(*schedules: Schedule, start: date = WINDOW[0], end: date = WINDOW[1],
               group: Group = GROUP) -> list[datetime]:
    """The meetings that take place, as the app's own calendar lists them."""
    return sorted(m.meeting.start for m in group_meetings(group, schedules, start, end)
                  if m.takes_place)


def assert_same_instants(client: list[datetime], app: list[datetime]) -> None:
    # Aware datetimes compare as instants; the UTC forms make a failure readable.
    assert [c.astimezone(UTC) for c in client] == [a.astimezone(UTC) for a in app]


# -- the client sees the app's meetings ------------------------------------------------
def test_weekly_across_both_dst_changes() -> None:
    tuesdays = Schedule(weekday=1, start=time(18, 0), first_date=date(2026, 1, 6))
    client = expanded(export(tuesdays))
    assert_same_instants(client, app_starts(tuesdays))
    assert len(client) == 104
    # 18:00 on the wall clock all year: 17:00 UTC in winter, 16:00 UTC in summer.
    utc_hours = {c.astimezone(UTC).hour for c in client}
    assert utc_hours == {16, 17}
    assert {c.astimezone(OSLO).time() for c in client} == {time(18, 0)}


def test_sundays_on_the_dst_change_days() -> None:
    early = Schedule(weekday=6, start=time(1, 30), first_date=date(2026, 1, 4))
    late = Schedule(weekday=6, start=time(3, 0), first_date=date(2026, 1, 4))
    assert_same_instants(expanded(export(early, late)), app_starts(early, late))


def test_fortnightly() -> None:
    schedule = Schedule(weekday=2, start=time(20, 0), first_date=date(2026, 2, 4),
                        interval_weeks=2)
    client = expanded(export(schedule))
    assert_same_instants(client, app_starts(schedule))
    assert all((c.date() - date(2026, 2, 4)).days % 14 == 0 for c in client)


def test_last_date_is_inclusive() -> None:
    schedule = Schedule(weekday=0, start=time(23, 30), first_date=date(2026, 3, 2),
                        last_date=date(2026, 11, 30))
    client = expanded(export(schedule))
    assert_same_instants(client, app_starts(schedule))
    assert client[-1].date() == date(2026, 11, 30)


def test_cancelled_and_moved_meetings() -> None:
    schedule = Schedule(
        weekday=3, start=time(17, 30), first_date=date(2026, 1, 8), interval_weeks=2,
        last_date=date(2027, 6, 24),
        changes=(
            MeetingChange(date(2026, 4, 2), ChangeKind.CANCELLED),
            MeetingChange(date(2026, 12, 24), ChangeKind.CANCELLED),
            MeetingChange(date(2026, 3, 5), ChangeKind.MOVED, new_start=time(18, 30)),
            MeetingChange(date(2026, 10, 15), ChangeKind.MOVED, new_date=date(2026, 10, 27),
                          new_start=time(19, 0)),
            MeetingChange(date(2027, 3, 18), ChangeKind.MOVED, new_date=date(2027, 3, 22)),
            # Not a meeting of the series: the app ignores it, so must the calendar.
            MeetingChange(date(2026, 1, 15), ChangeKind.CANCELLED),
        ),
    )
    client = expanded(export(schedule))
    assert_same_instants(client, app_starts(schedule))
    dates = {c.date() for c in client}
    assert date(2026, 4, 2) not in dates
    assert date(2026, 10, 15) not in dates
    assert date(2026, 12, 24) not in dates
    assert datetime(2026, 10, 27, 19, 0, tzinfo=OSLO) in client


def test_two_schedules_in_one_calendar() -> None:
    one = Schedule(weekday=1, start=time(18, 0), first_date=date(2026, 1, 6))
    two = Schedule(weekday=4, start=time(10, 0), first_date=date(2026, 5, 1),
                   interval_weeks=3, last_date=date(2027, 5, 1))
    assert_same_instants(expanded(export(one, two)), app_starts(one, two))


# -- structure -------------------------------------------------------------------------
def test_structure_and_rrule() -> None:
    schedule = Schedule(weekday=1, start=time(18, 0), first_date=date(2026, 1, 6),
                        interval_weeks=2, last_date=date(2026, 6, 30),
                        changes=(MeetingChange(date(2026, 1, 20), ChangeKind.CANCELLED),
                                 MeetingChange(date(2026, 2, 3), ChangeKind.MOVED,
                                               new_start=time(19, 0))))
    ics = export(schedule)
    text = ics.decode()
    calendar = Calendar.from_ical(ics)
    assert calendar["VERSION"] == "2.0"
    assert calendar["PRODID"].startswith("-//Initiator Desktop//")
    series, moved = calendar.walk("VEVENT")
    rule = series["RRULE"]
    assert rule["FREQ"] == ["WEEKLY"]
    assert rule["INTERVAL"] == [2]
    assert rule["BYDAY"] == ["TU"]
    assert rule["WKST"] == ["MO"]
    assert rule["UNTIL"][0].tzinfo is not None
    assert rule["UNTIL"][0].utcoffset() == timedelta(0)
    assert "UNTIL=20260630T215959Z" in text
    assert "DTSTART;TZID=Europe/Oslo:20260106T180000" in text
    assert "DTEND;TZID=Europe/Oslo:20260106T200000" in text
    assert "EXDATE;TZID=Europe/Oslo:20260120T180000" in text
    assert "RECURRENCE-ID;TZID=Europe/Oslo:20260203T180000" in text
    # A moved meeting is overridden, not excluded: an excluded instance would vanish.
    assert "20260203T180000" not in str(series.get("EXDATE", "").to_ical())
    assert moved["UID"] == series["UID"] == f"{schedule.id}@initiator-desktop"
    assert "DTSTART;TZID=Europe/Oslo:20260203T190000" in text
    for event in (series, moved):
        assert event["CLASS"] == "PRIVATE"
        assert event["DTSTAMP"].dt == NOW.astimezone(UTC)
    assert "\r\n" in text


def test_every_tzid_has_a_vtimezone_that_agrees_with_zoneinfo() -> None:
    schedule = Schedule(weekday=1, start=time(18, 0), first_date=date(2026, 1, 6),
                        changes=(MeetingChange(date(2026, 3, 31), ChangeKind.MOVED,
                                               new_date=date(2026, 4, 1)),))
    ics = export(schedule)
    calendar = Calendar.from_ical(ics)
    used = set(re.findall(r";TZID=([^:;]+)", ics.decode()))
    assert used == {"Europe/Oslo"}
    assert {tz["TZID"] for tz in calendar.walk("VTIMEZONE")} == used
    assert calendar.get_missing_tzids() == set()
    # The VTIMEZONE itself (for clients that read it rather than their own zone data).
    zone = calendar.walk("VTIMEZONE")[0].to_tz()
    for start in app_starts(schedule, end=date(2035, 12, 31)):
        local = start.replace(tzinfo=None)
        assert local.replace(tzinfo=zone).utcoffset() == start.utcoffset(), start


def test_uids_are_stable_across_exports() -> None:
    one = Schedule(weekday=1, start=time(18, 0), first_date=date(2026, 1, 6),
                   changes=(MeetingChange(date(2026, 2, 3), ChangeKind.MOVED,
                                          new_start=time(19, 0)),))
    two = Schedule(weekday=3, start=time(18, 0), first_date=date(2026, 1, 8))

    def uids(ics: bytes) -> list[str]:
        return [str(e["UID"]) for e in Calendar.from_ical(ics).walk("VEVENT")]

    first = uids(export(one, two))
    later = uids(export(one, two, now=NOW + timedelta(days=40)))
    assert first == later == [f"{one.id}@initiator-desktop"] * 2 + [f"{two.id}@initiator-desktop"]


def test_write_calendar_keeps_bytes(tmp_path) -> None:  # type: ignore[no-untyped-def]
    ics = export(Schedule(weekday=1, start=time(18, 0), first_date=date(2026, 1, 6)))
    target = tmp_path / "group.ics"
    write_calendar(target, ics)
    write_calendar(target, ics)  # replacing an earlier export
    assert target.read_bytes() == ics
    assert [p.name for p in tmp_path.iterdir()] == ["group.ics"]


# -- privacy ---------------------------------------------------------------------------
ALLOWED = {"UID", "DTSTAMP", "SUMMARY", "CLASS", "LOCATION", "DTSTART", "DTEND", "RRULE",
           "EXDATE", "RECURRENCE-ID"}


def _private_schedule() -> Schedule:
    return Schedule(weekday=1, start=time(18, 0), first_date=date(2026, 1, 6),
                    changes=(MeetingChange(date(2026, 1, 13), ChangeKind.CANCELLED),
                             MeetingChange(date(2026, 2, 3), ChangeKind.MOVED,
                                           new_start=time(19, 0))))


def test_neutral_export_reveals_nothing_about_the_group() -> None:
    ics = export(_private_schedule())
    text = ics.decode()
    for secret in (GROUP.theme, GROUP.name, ROOM.name, ROOM.address, ROOM.access_notes,
                   "Sorg", "Torget", "Nøkkel"):
        assert secret.casefold() not in text.casefold(), secret
    for event in Calendar.from_ical(ics).walk("VEVENT"):
        assert set(event) <= ALLOWED - {"LOCATION"}
        assert event["SUMMARY"] == "Meeting"
    for word in ("DESCRIPTION", "ATTENDEE", "ORGANIZER", "CONTACT", "ATTACH", "URL",
                 "present", "newcomer", "absent"):
        assert word.casefold() not in text.casefold(), word


def test_room_with_place_shows_name_and_address_only() -> None:
    ics = export(_private_schedule(), include_place=True)
    text = ics.decode()
    for event in Calendar.from_ical(ics).walk("VEVENT"):
        assert set(event) <= ALLOWED
        assert event["LOCATION"] == "Biblioteket, grupperommet, Torget 3"
    assert ROOM.access_notes not in text
    assert GROUP.theme not in text


def test_phone_place_shows_its_name_only() -> None:
    ics = export(_private_schedule(), place=PHONE, include_place=True)
    for event in Calendar.from_ical(ics).walk("VEVENT"):
        assert event["LOCATION"] == "Telefonmøte"
    assert b"4471" not in ics
    assert b"22 00 00 00" not in ics


def test_theme_only_as_the_title_given() -> None:
    ics = export(_private_schedule(), title=GROUP.theme)
    summaries = {str(e["SUMMARY"]) for e in Calendar.from_ical(ics).walk("VEVENT")}
    assert summaries == {GROUP.theme}


# -- property: any schedule ------------------------------------------------------------
# Hour 2 is left out: 02:00-02:59 does not exist on the spring change day and happens twice
# on the autumn one, and clients resolve those readings differently.
HOURS = [h for h in range(24) if h != 2]


@st.composite
def schedules(draw: st.DrawFn) -> Schedule:
    first = date(2026, 1, 1) + timedelta(days=draw(st.integers(0, 364)))
    interval = draw(st.integers(1, 4))
    start = time(draw(st.sampled_from(HOURS)), draw(st.sampled_from([0, 15, 30, 45])))
    last = None
    if draw(st.booleans()):
        last = first + timedelta(days=draw(st.integers(0, 500)))
    series = [first + timedelta(weeks=interval * k) for k in range(30)]
    series = [d for d in series if last is None or d <= last]
    picked = draw(st.lists(st.sampled_from(series), max_size=5, unique=True))
    changes = []
    for index, day in enumerate(picked):
        if index % 2 == 0:
            changes.append(MeetingChange(day, ChangeKind.CANCELLED))
        else:
            shift = timedelta(days=draw(st.integers(-3, 3)))
            at = time(draw(st.sampled_from(HOURS)), 0)
            changes.append(MeetingChange(day, ChangeKind.MOVED, new_date=day + shift,
                                         new_start=at))
    return Schedule(weekday=first.weekday(), start=start, first_date=first,
                    interval_weeks=interval, last_date=last, changes=tuple(changes),
                    duration_minutes=draw(st.sampled_from([60, 90, 120, 180])))


@settings(max_examples=60, deadline=None)
@given(schedules())
def test_client_expansion_equals_occurrences(schedule: Schedule) -> None:
    assert_same_instants(expanded(export(schedule)), app_starts(schedule))


# -- the group's calendar: pauses, holidays, added meetings, change of rhythm -----------
def test_pauses_and_skipped_holidays_become_exdates() -> None:
    tuesdays = Schedule(weekday=1, start=time(18, 0), first_date=date(2026, 1, 6))
    group = Group(name="Tirsdagsgruppa", skip_holidays=True,
                  pauses=(Pause(date(2026, 12, 21), date(2027, 1, 3)),))
    ics = export(tuesdays, group=group)
    client = expanded(ics)
    assert_same_instants(client, app_starts(tuesdays, group=group))
    days = {c.date() for c in client}
    assert date(2026, 12, 22) not in days and date(2026, 12, 29) not in days  # paused
    assert date(2026, 5, 5) in days
    # 17 May 2022 was a Tuesday; in this window no public holiday is one, and Easter
    # Tuesday (2027-03-30) is an ordinary working day in Norway.
    assert date(2027, 3, 30) in days
    text = ics.decode()
    assert "EXDATE;TZID=Europe/Oslo:20261222T180000" in text


def test_skipped_holiday_on_a_weekday_group() -> None:
    # Thursdays: Maundy Thursday and Ascension Day are public holidays.
    thursdays = Schedule(weekday=3, start=time(17, 30), first_date=date(2026, 1, 1))
    group = Group(name="Torsdagsgruppa", skip_holidays=True)
    client = expanded(export(thursdays, group=group))
    assert_same_instants(client, app_starts(thursdays, group=group))
    days = {c.date() for c in client}
    assert {date(2026, 1, 1), date(2026, 4, 2), date(2026, 5, 14),
            date(2027, 3, 25), date(2027, 5, 6)}.isdisjoint(days)
    kept = expanded(export(thursdays))  # the same series, holidays not skipped
    assert date(2026, 4, 2) in {c.date() for c in kept}


def test_added_meeting_is_its_own_event_with_a_stable_uid() -> None:
    schedule = Schedule(weekday=1, start=time(18, 0), first_date=date(2026, 1, 6),
                        last_date=date(2026, 6, 30),
                        changes=(MeetingChange(date(2026, 8, 20), ChangeKind.ADDED,
                                               new_start=time(12, 0)),
                                 MeetingChange(date(2026, 3, 5), ChangeKind.ADDED)))
    ics = export(schedule)
    client = expanded(ics)
    assert_same_instants(client, app_starts(schedule))
    assert datetime(2026, 8, 20, 12, 0, tzinfo=OSLO) in client
    assert datetime(2026, 3, 5, 18, 0, tzinfo=OSLO) in client
    uids = [str(e["UID"]) for e in Calendar.from_ical(ics).walk("VEVENT")]
    assert f"{schedule.id}-added-20260820@initiator-desktop" in uids
    assert uids == [str(e["UID"]) for e in Calendar.from_ical(
        export(schedule, now=NOW + timedelta(days=3))).walk("VEVENT")]


def test_change_of_rhythm_ends_one_series_with_until_and_starts_another() -> None:
    from initiator_desktop.core.schedule_edits import change_rhythm

    weekly = Schedule(weekday=2, start=time(20, 0), first_date=date(2026, 1, 7))
    ended, fortnightly = change_rhythm(weekly, date(2026, 6, 1), interval_weeks=2)
    ics = export(ended, fortnightly)
    client = expanded(ics)
    assert_same_instants(client, app_starts(ended, fortnightly))
    first, second = Calendar.from_ical(ics).walk("VEVENT")
    assert first["RRULE"]["INTERVAL"] == [1]
    assert first["RRULE"]["UNTIL"][0].date() == date(2026, 5, 27)
    assert second["RRULE"]["INTERVAL"] == [2] and "UNTIL" not in second["RRULE"]
    assert second["DTSTART"].dt.date() == date(2026, 6, 3)
    assert first["UID"] != second["UID"]
    gaps = {(b - a).days for a, b in itertools.pairwise(c.date() for c in client)
            if a >= date(2026, 6, 3)}
    assert gaps == {14}


def test_dial_in_only_when_chosen_and_only_for_phone_and_video() -> None:
    schedule = _private_schedule()
    assert b"4471" not in export(schedule, place=PHONE, include_place=True)
    chosen = export(schedule, place=PHONE, include_dial_in=True)
    for event in Calendar.from_ical(chosen).walk("VEVENT"):
        assert str(event["DESCRIPTION"]) == PHONE.dial_in
        assert "LOCATION" not in event
    room = export(schedule, place=ROOM, include_dial_in=True)
    assert b"DESCRIPTION" not in room


def test_initiator_calendar_has_the_first_meetings_of_starting_groups() -> None:
    from initiator_desktop.core.models import GroupStatus
    from initiator_desktop.exchange.icalendar_export import calendar_for_initiator

    starting = Group(name="Torsdagsgruppa", theme="Angst", status=GroupStatus.STARTING,
                     initiator_meetings=3, code_word="Torsdag")
    planned = Group(name="Kveldsgruppa", theme="Pårørende", status=GroupStatus.PLANNED,
                    initiator_meetings=2)
    running = Group(name="Tirsdagsgruppa", status=GroupStatus.SELF_RUNNING)
    thursdays = Schedule(weekday=3, start=time(17, 30), first_date=date(2026, 11, 19),
                         changes=(MeetingChange(date(2026, 11, 26), ChangeKind.CANCELLED),))
    mondays = Schedule(weekday=0, start=time(19, 0), first_date=date(2026, 12, 21),
                       interval_weeks=2)
    tuesdays = Schedule(weekday=1, start=time(18, 0), first_date=date(2026, 1, 6))
    ics = calendar_for_initiator(
        [(starting, [thursdays]), (planned, [mondays]), (running, [tuesdays])],
        title=lambda g: g.code_word or "Meeting", now=NOW)
    events = Calendar.from_ical(ics).walk("VEVENT")
    found = sorted((e["DTSTART"].dt, str(e["SUMMARY"])) for e in events)
    assert found == [
        (datetime(2026, 11, 19, 17, 30, tzinfo=OSLO), "Torsdag"),
        (datetime(2026, 12, 3, 17, 30, tzinfo=OSLO), "Torsdag"),  # the 26th was cancelled
        (datetime(2026, 12, 10, 17, 30, tzinfo=OSLO), "Torsdag"),
        (datetime(2026, 12, 21, 19, 0, tzinfo=OSLO), "Meeting"),
        (datetime(2027, 1, 4, 19, 0, tzinfo=OSLO), "Meeting"),
    ]
    assert "RRULE" not in ics.decode()
    assert Calendar.from_ical(ics).get_missing_tzids() == set()
    for secret in ("Angst", "Pårørende", "Kveldsgruppa", "Torsdagsgruppa"):
        assert secret not in ics.decode()


# -- property: any group ---------------------------------------------------------------
@st.composite
def group_plans(draw: st.DrawFn) -> tuple[Group, Schedule]:
    schedule = draw(schedules())
    extra_days = draw(st.lists(st.integers(0, 700), max_size=3, unique=True))
    taken = {c.original_date for c in schedule.changes}
    added = [MeetingChange(day, ChangeKind.ADDED, new_start=time(draw(st.sampled_from(HOURS)),
                                                                 30))
             for day in (date(2026, 1, 1) + timedelta(days=n) for n in extra_days)
             if not schedule.is_series_date(day) and day not in taken]
    pauses = []
    cursor = date(2026, 1, 1) + timedelta(days=draw(st.integers(0, 200)))
    for _ in range(draw(st.integers(0, 2))):
        length = draw(st.integers(0, 40))
        pauses.append(Pause(cursor, cursor + timedelta(days=length)))
        cursor += timedelta(days=length + draw(st.integers(1, 200)))
    group = Group(name="G", skip_holidays=draw(st.booleans()), pauses=tuple(pauses))
    return group, Schedule(weekday=schedule.weekday, start=schedule.start,
                           first_date=schedule.first_date, interval_weeks=schedule.interval_weeks,
                           last_date=schedule.last_date, duration_minutes=schedule.duration_minutes,
                           changes=(*schedule.changes, *added), id=schedule.id)


@settings(max_examples=60, deadline=None)
@given(group_plans())
def test_client_expansion_equals_the_groups_calendar(plan: tuple[Group, Schedule]) -> None:
    group, schedule = plan
    assert_same_instants(expanded(export(schedule, group=group)),
                         app_starts(schedule, group=group))
