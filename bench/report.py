"""Report benchmark: a 10-year, 200-group vault against a one-group report, same run.

    uv run python bench/report.py [--runs 3] [--groups 200] [--years 10] [--no-vault]

The content is built in memory (MemoryRepository): groups starting over the ten years,
weekly or fortnightly, most with attendance for nearly every meeting, member counts and
life events. Timed (median of the runs, warm): the one-group report (the baseline), the
totals report over all groups, the report with every group selected and by theme, and
their PDF, CSV and JSON; each as a ratio to the baseline. Then the same totals report
once on a real SQLCipher vault with that content. Not part of the tests.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time as clock
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from pathlib import Path

from PySide6.QtGui import QGuiApplication

from initiator_desktop import i18n
from initiator_desktop.core.clock import OSLO
from initiator_desktop.core.content import GroupRecord, VaultContent, add_content
from initiator_desktop.core.group_life import EndReason, EventKind, GroupEvent, MemberCount
from initiator_desktop.core.memory_repository import MemoryRepository
from initiator_desktop.core.models import (
    Attendance,
    ChangeKind,
    Group,
    GroupStatus,
    MeetingChange,
    Place,
    Schedule,
)
from initiator_desktop.core.reports import Report, ReportRequest, build_report
from initiator_desktop.core.repository import VaultRepository
from initiator_desktop.core.schedule import held_meetings
from initiator_desktop.exchange.report_files import report_csv_text, report_json_text
from initiator_desktop.printing.report_pdf import report_pdf_bytes

NOW = datetime(2026, 3, 2, 12, 0, tzinfo=OSLO)
THEMES = ("Sorg", "Angst", "Pårørende", "Kroniske smerter", "Samlivsbrudd", "Ensomhet",
          "Depresjon", "Rus i familien")
Life = tuple[list[MemberCount], list[GroupEvent]]


def _group(index: int, rng: random.Random, today: date, years: int
           ) -> tuple[GroupRecord, Life]:
    first = today - timedelta(days=rng.randrange(30, 365 * years))
    weeks_running = (today - first).days // 7
    ended = weeks_running > 60 and rng.random() < 0.35
    last = first + timedelta(weeks=rng.randrange(30, weeks_running)) if ended else None
    status = GroupStatus.ENDED if ended else (
        GroupStatus.STARTING if weeks_running < 6 else GroupStatus.SELF_RUNNING)
    interval = 2 if rng.random() < 0.2 else 1
    series = Schedule(weekday=first.weekday(), start=time(18), first_date=first,
                      interval_weeks=interval, last_date=last)
    past = [m.original_date for m in held_meetings([series], today - timedelta(days=1))]
    changes = tuple(MeetingChange(d, ChangeKind.CANCELLED) for d in past
                    if (d.month == 7 and d.day <= 21) or rng.random() < 0.03)
    series = Schedule(weekday=series.weekday, start=series.start, first_date=first,
                      interval_weeks=interval, last_date=last, changes=changes)
    size = rng.randrange(4, 9)
    records = []
    for number, meeting in enumerate(held_meetings([series], today - timedelta(days=1))):
        if number > 3 and rng.random() < 0.05:
            continue
        absent = min(size - 2, max(0, int(rng.gauss(1.2, 1.0))))
        records.append(Attendance(meeting.date, present=size - absent,
                                  newcomers=rng.choice([1, 2]) if number == 0 else 0,
                                  notified_absent=max(0, absent - rng.choice([0, 1]))))
    group = Group(name=f"Gruppe {index + 1:03d}", theme=rng.choice(THEMES), status=status,
                  planned_size=size)
    events = [GroupEvent(first, EventKind.STARTED)]
    if status is not GroupStatus.STARTING:
        events.append(GroupEvent(first + timedelta(weeks=3 * interval), EventKind.HANDED_OVER))
    if last is not None:
        events.append(GroupEvent(last, EventKind.ENDED, EndReason.COMPLETED.value))
    counts = [MemberCount(first, size)]
    if weeks_running > 30:
        counts.append(MemberCount(first + timedelta(weeks=20), max(3, size - 1)))
    return GroupRecord(group, (series,), (), tuple(records)), (counts, events)


def content(groups: int, years: int) -> tuple[VaultContent, dict[str, Life]]:
    rng = random.Random(11)
    today = NOW.date()
    built = [_group(i, rng, today, years) for i in range(groups)]
    place = Place(name="Frivilligsentralen")
    records = tuple(record for record, _life in built)
    return (VaultContent(places=(place,), groups=records),
            {record.group.id: life for record, life in built})


def fill(repo: VaultRepository, data: VaultContent, lives: dict[str, Life]) -> None:
    add_content(repo, data)
    with repo.transaction():
        for group_id, (counts, events) in lives.items():
            for count in counts:
                repo.save_member_count(group_id, count)
            for event in events:
                repo.add_event(group_id, event)


def median_seconds(action: Callable[[], object], runs: int) -> float:
    action()  # warm: imports, fonts, holiday tables
    times = []
    for _run in range(runs):
        start = clock.perf_counter()
        action()
        times.append(clock.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--groups", type=int, default=200)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--no-vault", action="store_true", help="skip the SQLCipher run")
    args = parser.parse_args()
    app = QGuiApplication([*sys.argv[:1], "-platform", "offscreen"])
    i18n.set_language("en")
    built = clock.perf_counter()
    data, lives = content(args.groups, args.years)
    repo = MemoryRepository()
    fill(repo, data, lives)
    meetings = sum(len(r.attendance) for r in data.groups)
    print(f"content: {args.groups} groups, {meetings} attendance records over {args.years} "
          f"years, built in {clock.perf_counter() - built:.1f} s")
    start, end = NOW.date() - timedelta(days=365 * args.years), NOW.date()
    every = tuple(g.id for g in repo.groups())
    busiest = max(data.groups, key=lambda r: len(r.attendance)).group.id
    requests = {
        "one group (baseline)": ReportRequest(start, end, (busiest,)),
        "totals, all groups": ReportRequest(start, end),
        "every group named, by theme": ReportRequest(start, end, every, by_theme=True),
    }
    reports: dict[str, Report] = {}
    rows: list[tuple[str, float]] = []
    for name, request in requests.items():
        seconds = median_seconds(lambda r=request: build_report(repo, r, NOW), args.runs)
        reports[name] = build_report(repo, request, NOW)
        rows.append((f"report: {name}", seconds))
    for name, report in reports.items():
        pdf = report_pdf_bytes(report, "en")
        seconds = median_seconds(lambda r=report: report_pdf_bytes(r, "en"), args.runs)
        rows.append((f"PDF: {name} ({len(pdf) // 1024} KiB)", seconds))
    totals = reports["totals, all groups"]
    rows.append(("CSV: totals", median_seconds(lambda: report_csv_text(totals), args.runs)))
    rows.append(("JSON: totals", median_seconds(lambda: report_json_text(totals), args.runs)))
    if not args.no_vault:
        rows.append(_vault_row(data, lives, requests["totals, all groups"]))
    baseline = rows[0][1]
    print(f"{'case':<58} {'seconds':>8} {'ratio':>7}")
    for name, seconds in rows:
        print(f"{name:<58} {seconds:8.4f} {seconds / baseline:7.2f}")
    app.shutdown()
    return 0


def _vault_row(data: VaultContent, lives: dict[str, Life], request: ReportRequest
               ) -> tuple[str, float]:
    from initiator_desktop.storage.vault import Vault

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.vault"
        with Vault.create(path, "bench passphrase 1234") as vault:
            fill(vault.repo, data, lives)
            start = clock.perf_counter()
            build_report(vault.repo, request, NOW)
            return "report: totals, all groups, on SQLCipher (one run)", \
                clock.perf_counter() - start


if __name__ == "__main__":
    raise SystemExit(main())
