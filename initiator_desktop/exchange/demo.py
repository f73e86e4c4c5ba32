"""Realistic demo content, built through the interchange format.

Dates are relative to today so that a newcomer sees upcoming meetings and a year of
history. Group names are neutral; themes and places are invented.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

from initiator_desktop.core.clock import OSLO
from initiator_desktop.core.content import GroupRecord, VaultContent, add_content
from initiator_desktop.core.frame_agreement import record_agreement
from initiator_desktop.core.frame_library import Preset, default_frames
from initiator_desktop.core.frame_records import AgreementKind, FrameAgreement
from initiator_desktop.core.group_life import EndReason, EventKind, GroupEvent, MemberCount
from initiator_desktop.core.models import (
    Attendance,
    ChangeKind,
    Group,
    GroupStatus,
    MeetingChange,
    Pause,
    Place,
    PlaceKind,
    Schedule,
    Tradition,
)
from initiator_desktop.core.repository import VaultRepository
from initiator_desktop.core.schedule import held_meetings
from initiator_desktop.core.schedule_edits import change_rhythm, on_or_after
from initiator_desktop.exchange import interchange, safe_json
from initiator_desktop.storage.vault import Vault

DEMO_PASSPHRASE = "demo-igangsetter"
DEMO_FILE_NAME = "demo.vault"


@dataclass(frozen=True)
class _Plan:
    name: str
    theme: str
    status: GroupStatus
    tradition: Tradition
    weekday: int
    start: time
    weeks_ago: int
    interval: int
    size: int
    place: Place
    ended_weeks_ago: int | None = None
    code_word: str = ""
    christmas_pause: bool = False
    skip_holidays: bool = False
    fortnightly_weeks_ago: int | None = None  # was weekly until then


def _places() -> dict[str, Place]:
    return {
        "volunteer": Place(
            name="Frivilligsentralen, møterom 2", address="Kirkegata 14, 2. etasje",
            access_notes="Nøkkel hos resepsjonen til kl. 17. Bruk sideinngangen fra gårdsrommet.",
        ),
        "library": Place(
            name="Biblioteket, grupperommet", address="Torget 3",
            access_notes="Rommet står åpent fra 17.30. Kaffetrakter i skapet.",
        ),
        "health": Place(
            name="Frisklivssentralen, lite møterom", address="Helsehusveien 8",
            access_notes="Ring på døra merket «Frisklivs». Vi har rommet til kl. 21.",
        ),
        "phone": Place(
            name="Telefonmøte", kind=PlaceKind.PHONE,
            dial_in="Ring 22 00 00 00 og tast møtekoden 4471#. Sitt alene i et rom.",
        ),
    }


def _plans(places: dict[str, Place]) -> list[_Plan]:
    return [
        _Plan("Tirsdagsgruppa", "Sorg", GroupStatus.SELF_RUNNING, Tradition.SN, 1,
              time(18, 0), 50, 1, 7, places["volunteer"], code_word="Tirsdagsprat",
              christmas_pause=True, skip_holidays=True),
        _Plan("Torsdagsgruppa", "Angst", GroupStatus.STARTING, Tradition.SN, 3,
              time(17, 30), 2, 1, 6, places["library"]),
        _Plan("Kveldsgruppa", "Pårørende", GroupStatus.PLANNED, Tradition.SN, 0,
              time(19, 0), -3, 2, 8, places["health"]),
        _Plan("Onsdagsringen", "Kroniske smerter", GroupStatus.SELF_RUNNING, Tradition.HYBRID,
              2, time(20, 0), 44, 1, 5, places["phone"], code_word="Ringen",
              fortnightly_weeks_ago=20),
        _Plan("Vårgruppa", "Samlivsbrudd", GroupStatus.ENDED, Tradition.SN, 0,
              time(18, 0), 60, 1, 6, places["volunteer"], ended_weeks_ago=30),
    ]


def _christmas_pause(today: date) -> Pause:
    """The coming Christmas weeks (this year's, until they are over)."""
    year = today.year if today <= date(today.year, 12, 21) else today.year + 1
    return Pause(date(year, 12, 21), date(year + 1, 1, 3))


def _schedules(plan: _Plan, today: date, rng: random.Random) -> tuple[Schedule, ...]:
    series = _schedule(plan, today, rng)
    if plan.fortnightly_weeks_ago is None:
        return (series,)
    switch = today - timedelta(weeks=plan.fortnightly_weeks_ago)
    return change_rhythm(series, switch, interval_weeks=2)


def _schedule(plan: _Plan, today: date, rng: random.Random) -> Schedule:
    first = on_or_after(today - timedelta(weeks=plan.weeks_ago), plan.weekday)
    last = None
    if plan.ended_weeks_ago is not None:
        last = today - timedelta(weeks=plan.ended_weeks_ago)
    series = Schedule(weekday=plan.weekday, start=plan.start, first_date=first,
                      interval_weeks=plan.interval, last_date=last)
    past = [m.original_date for m in held_meetings([series], today)]
    changes: list[MeetingChange] = []
    # Christmas and summer are the usual gaps; one meeting was moved an hour.
    for day in past:
        if (day.month == 12 and day.day >= 20) or (day.month == 7 and day.day <= 21):
            changes.append(MeetingChange(day, ChangeKind.CANCELLED))
    if len(past) > 10:
        moved = rng.choice(past[3:-3])
        if moved not in {c.original_date for c in changes}:
            later = time(plan.start.hour + 1, plan.start.minute)
            changes.append(MeetingChange(moved, ChangeKind.MOVED, new_start=later))
    return Schedule(weekday=series.weekday, start=series.start, first_date=series.first_date,
                    interval_weeks=series.interval_weeks, last_date=series.last_date,
                    changes=tuple(sorted(changes, key=lambda c: c.original_date)))


def _attendance(schedules: tuple[Schedule, ...], plan: _Plan, today: date,
                rng: random.Random) -> tuple[Attendance, ...]:
    records = []
    for index, meeting in enumerate(held_meetings(schedules, today - timedelta(days=1))):
        if index > 4 and rng.random() < 0.06:
            continue  # a few meetings were never recorded, as in real life
        absent = min(plan.size - 2, max(0, int(rng.gauss(1.0, 1.0))))
        newcomers = rng.choice([1, 2]) if index == 0 else 0
        records.append(Attendance(meeting.date, present=plan.size - absent,
                                  newcomers=min(newcomers, plan.size - absent),
                                  notified_absent=max(0, absent - rng.choice([0, 0, 1]))))
    return tuple(records)


def demo_content(today: date | None = None, seed: int = 7) -> VaultContent:
    """Five groups in every status, with a year of meetings and attendance."""
    today = today or date.today()
    rng = random.Random(seed)
    places = _places()
    records = []
    for plan in _plans(places):
        schedules = _schedules(plan, today, rng)
        preset = Preset.PHONE if plan.place.kind is PlaceKind.PHONE else Preset.SN
        group = Group(name=plan.name, theme=plan.theme, tradition=plan.tradition,
                      status=plan.status, planned_size=plan.size, place_id=plan.place.id,
                      code_word=plan.code_word, skip_holidays=plan.skip_holidays,
                      pauses=(_christmas_pause(today),) if plan.christmas_pause else ())
        records.append(GroupRecord(group=group, schedules=schedules,
                                   frames=tuple(default_frames(preset)),
                                   attendance=_attendance(schedules, plan, today, rng)))
    return VaultContent(places=tuple(places.values()), groups=tuple(records))


def demo_document_text(today: date | None = None) -> str:
    return interchange.dumps(interchange.to_document(demo_content(today)))


def fill_with_demo(vault: Vault, today: date | None = None) -> VaultContent:
    """Add the demo content to ``vault`` by way of its interchange document, and the
    records the interchange format does not carry (members, events, agreements)."""
    text = demo_document_text(today)
    content = interchange.from_document(safe_json.loads(text.encode("utf-8")))
    add_content(vault.repo, content)
    add_demo_records(vault.repo, content, today or date.today())
    return content


def add_demo_records(repo: VaultRepository, content: VaultContent, today: date) -> None:
    """Member counts, the groups' dated events and their frame agreements, as a real
    initiator would have noted them: counts and dates only, never who."""
    now = datetime.combine(today, time(12, 0), tzinfo=OSLO)
    with repo.transaction():
        for record in content.groups:
            group, schedules = record.group, record.schedules
            held = held_meetings(schedules, today)
            if not held:
                continue
            first = held[0].date
            repo.save_member_count(group.id, MemberCount(first, group.planned_size or 6))
            repo.add_event(group.id, GroupEvent(first, EventKind.STARTED))
            record_agreement(repo, group.id, FrameAgreement(AgreementKind.FRAMES, first, None),
                             now)
            record_agreement(repo, group.id,
                             FrameAgreement(AgreementKind.CONFIDENTIALITY, first, None), now)
            if group.status in (GroupStatus.SELF_RUNNING, GroupStatus.ENDED):
                handed = held[min(group.initiator_meetings, len(held)) - 1].date
                repo.add_event(group.id, GroupEvent(handed, EventKind.HANDED_OVER))
            if group.status is GroupStatus.ENDED:
                repo.add_event(group.id, GroupEvent(held[-1].date, EventKind.ENDED,
                                                    EndReason.COMPLETED.value))


def create_demo_vault(folder: Path, passphrase: str = DEMO_PASSPHRASE) -> Path:
    """A new vault in ``folder`` filled with the demo content; returns its path."""
    path = Path(folder) / DEMO_FILE_NAME
    with Vault.create(path, passphrase) as vault:
        fill_with_demo(vault)
    return path
