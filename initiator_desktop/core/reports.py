"""Reports for a meeting place: groups, meetings and attendance over a period, protected.

By default a report has totals only and names no group. With an explicit selection it
adds a row per selected group under its neutral name; by theme category only when
asked (themes are sensitive). Every count goes through ``small_counts.protect`` with
all the sums a reader could form, charts included; an average is shown only when both
of its counts are.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from initiator_desktop.core.attendance_stats import ChartPoint, ChartSeries, Outcome
from initiator_desktop.core.clock import OSLO
from initiator_desktop.core.errors import N_, DomainError
from initiator_desktop.core.models import Group, GroupStatus
from initiator_desktop.core.report_facts import (
    MEASURES,
    Bucket,
    GroupFacts,
    Measure,
    bucket_size,
    buckets,
    group_facts,
)
from initiator_desktop.core.repository import VaultRepository
from initiator_desktop.core.small_counts import (
    DEFAULT_THRESHOLD,
    Figure,
    Relation,
    check_threshold,
    protect,
)

MAX_YEARS = 50
STATUSES = tuple(GroupStatus)
EVENTS = ("started", "handed_over", "ended")
TOTAL = "total"


@dataclass(frozen=True, slots=True)
class ReportRequest:
    """What to report: ``start..end`` (both included), optionally only some groups."""

    start: date
    end: date
    group_ids: tuple[str, ...] | None = None  # None: every group, totals only
    by_theme: bool = False
    min_count: int = DEFAULT_THRESHOLD

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise DomainError(N_("The period ends before it begins."), "end")
        if self.end.year - self.start.year > MAX_YEARS:
            raise DomainError(N_("A report can cover at most {years} years."), "end",
                              years=MAX_YEARS)
        check_threshold(self.min_count)
        if self.group_ids is not None:
            if not self.group_ids:
                raise DomainError(N_("Choose at least one group."), "groups")
            object.__setattr__(self, "group_ids", tuple(dict.fromkeys(self.group_ids)))


@dataclass(frozen=True, slots=True)
class Average:
    """Attendance per recorded meeting; None with ``hidden`` when a count is hidden."""

    value: float | None
    hidden: bool = False


@dataclass(frozen=True, slots=True)
class Row:
    """One line of the figures table: the total, a group or a theme category."""

    key: str
    label: str  # the group's neutral name, the theme as written, or "" for the total
    figures: Mapping[Measure, Figure]
    average: Average
    groups: Figure | None = None  # theme rows: how many of the period's groups


@dataclass(frozen=True, slots=True)
class ReportChart:
    label: str  # a selected group's neutral name, or "" for all groups together
    series: ChartSeries


@dataclass(frozen=True, slots=True)
class Report:
    request: ReportRequest
    made_on: date
    bucket: Bucket
    groups_total: Figure
    by_status: Mapping[GroupStatus, Figure]
    events: Mapping[str, Figure]  # started, handed_over, ended in the period
    total: Row
    group_rows: tuple[Row, ...] = ()
    theme_rows: tuple[Row, ...] = ()
    charts: tuple[ReportChart, ...] = ()
    derived_dates: bool = False  # some start, handover or end was derived from meetings
    cells: Mapping[str, Figure] = field(default_factory=dict)  # everything, by cell id

    @property
    def threshold(self) -> int:
        return self.request.min_count


def theme_key(theme: str) -> str:
    """Themes written alike (case, spaces) fall in one category."""
    return " ".join(theme.split()).casefold()


def build_report(repo: VaultRepository, request: ReportRequest, now: datetime, *,
                 language: str = "nb") -> Report:
    """The report for ``request`` with every figure protected."""
    plan = _plan(repo, request, now, language)
    cells = protect(plan.values, plan.relations, request.min_count)
    return plan.report(cells, now.astimezone(OSLO).date())


def report_sums(repo: VaultRepository, request: ReportRequest, now: datetime, *,
                language: str = "nb") -> tuple[dict[str, int], list[Relation]]:
    """The report's true values by cell id and every sum a reader could form from it
    (for checking the protection; never published)."""
    plan = _plan(repo, request, now, language)
    return dict(plan.values), list(plan.relations)


def _plan(repo: VaultRepository, request: ReportRequest, now: datetime,
          language: str) -> _Plan:
    today = now.astimezone(OSLO).date()
    groups = _chosen(repo, request.group_ids)
    size = bucket_size(request.start, request.end)
    spans = buckets(request.start, request.end, size)
    facts = [group_facts(repo, g, request.start, request.end, spans, now, language)
             for g in groups]
    # Columns still to come stay off the chart (unless a record was entered ahead).
    shown = [k for k, (first, _last) in enumerate(spans) if first <= today
             or any(f.attendance_by_bucket[k] or f.newcomers_by_bucket[k] for f in facts)]
    return _Plan(request, facts, spans, shown, size)


def _chosen(repo: VaultRepository, group_ids: Sequence[str] | None) -> list[Group]:
    if group_ids is None:
        return repo.groups()
    chosen = []
    for group_id in group_ids:
        group = repo.group(group_id)
        if group is None:
            raise DomainError(N_("The group does not exist."), "group")
        chosen.append(group)
    return sorted(chosen, key=lambda g: (g.name.casefold(), g.id))


class _Plan:
    """The report's cells (true values) and the sums between them, named by cell id."""

    def __init__(self, request: ReportRequest, facts: Sequence[GroupFacts],
                 spans: Sequence[tuple[date, date]], shown: Sequence[int],
                 size: Bucket) -> None:
        self.request = request
        self.size = size
        self.facts = list(facts)
        self.spans = [spans[k] for k in shown]
        self.shown = list(shown)
        self.values: dict[str, int] = {}
        self.relations: list[Relation] = []
        self.selected = request.group_ids is not None
        self.themes = _themes(self.facts) if request.by_theme else []
        self._groups()
        self._measures()
        self._charts()

    def _sum(self, total: str, parts: Sequence[str]) -> None:
        if parts:  # an empty sum says nothing a cell does not say itself
            self.relations.append(Relation(total, tuple(parts)))

    def _groups(self) -> None:
        active = [f for f in self.facts if f.active]
        self.values["groups.total"] = len(active)
        for status in STATUSES:
            self.values[f"groups.status.{status.value}"] = sum(1 for f in active
                                                               if f.status is status)
        self._sum("groups.total", [f"groups.status.{s.value}" for s in STATUSES])
        start, end = self.request.start, self.request.end
        started = sum(1 for f in self.facts if _within(f.dates.started_on, start, end))
        handed = sum(1 for f in self.facts
                     if any(start <= d <= end for d in f.dates.handed_over_days))
        ended = sum(1 for f in self.facts if _within(f.dates.ended_on, start, end))
        self.values.update({"groups.event.started": started,
                            "groups.event.handed_over": handed, "groups.event.ended": ended})
        for index, (_key, _label, members) in enumerate(self.themes):
            self.values[f"groups.theme.{index}"] = sum(1 for f in members if f.active)
        if self.themes:
            self._sum("groups.total", [f"groups.theme.{i}" for i in range(len(self.themes))])

    def _measures(self) -> None:
        for m in MEASURES:
            self.values[f"{m}.total"] = sum(f.totals[m] for f in self.facts)
            if self.selected:
                for index, f in enumerate(self.facts):
                    self.values[f"{m}.group.{index}"] = f.totals[m]
                self._sum(f"{m}.total", [f"{m}.group.{i}" for i in range(len(self.facts))])
            for index, (_key, _label, members) in enumerate(self.themes):
                self.values[f"{m}.theme.{index}"] = sum(f.totals[m] for f in members)
                if self.selected:
                    self._sum(f"{m}.theme.{index}",
                              [f"{m}.group.{self.facts.index(f)}" for f in members])
            if self.themes:
                self._sum(f"{m}.total", [f"{m}.theme.{i}" for i in range(len(self.themes))])

    def _charts(self) -> None:
        series: list[tuple[str, str, list[tuple[int, ...]], list[tuple[int, ...]]]] = []
        if self.selected:
            series = [(f"group.{i}", f"group.{i}", [self._pick(f.attendance_by_bucket)],
                       [self._pick(f.newcomers_by_bucket)]) for i, f in enumerate(self.facts)]
        else:
            series = [("total", "total", [self._pick(f.attendance_by_bucket) for f in self.facts],
                       [self._pick(f.newcomers_by_bucket) for f in self.facts])]
        for name, row, attendance, newcomers in series:
            for measure, columns in ((Measure.ATTENDANCE, attendance),
                                     (Measure.NEWCOMERS, newcomers)):
                ids = [f"chart.{name}.{measure}.{k}" for k in range(len(self.spans))]
                for k, cell in enumerate(ids):
                    self.values[cell] = sum(column[k] for column in columns)
                self._sum(f"{measure}.{row}", ids)

    def _pick(self, columns: tuple[int, ...]) -> tuple[int, ...]:
        return tuple(columns[k] for k in self.shown)

    # the published report ---------------------------------------------------------------
    def report(self, cells: Mapping[str, Figure], today: date) -> Report:
        labels = [f.group.name for f in self.facts]
        return Report(
            request=self.request,
            made_on=today,
            bucket=self.size,
            groups_total=cells["groups.total"],
            by_status={s: cells[f"groups.status.{s.value}"] for s in STATUSES},
            events={e: cells[f"groups.event.{e}"] for e in EVENTS},
            total=_row(cells, TOTAL, "", TOTAL),
            group_rows=tuple(_row(cells, f.group.id, labels[i], f"group.{i}")
                             for i, f in enumerate(self.facts)) if self.selected else (),
            theme_rows=tuple(
                _row(cells, key, label, f"theme.{i}", cells[f"groups.theme.{i}"])
                for i, (key, label, _members) in enumerate(self.themes)),
            charts=self._published_charts(cells, labels),
            derived_dates=any(f.dates.derived for f in self.facts),
            cells=dict(cells),
        )

    def _published_charts(self, cells: Mapping[str, Figure], labels: Sequence[str]
                          ) -> tuple[ReportChart, ...]:
        names = ([(f"group.{i}", label) for i, label in enumerate(labels)] if self.selected
                 else [("total", "")])
        charts = []
        for name, label in names:
            points = tuple(
                ChartPoint(first, last, Outcome.PERIOD,
                           present=cells[f"chart.{name}.{Measure.ATTENDANCE}.{k}"],
                           newcomers=cells[f"chart.{name}.{Measure.NEWCOMERS}.{k}"])
                for k, (first, last) in enumerate(self.spans))
            charts.append(ReportChart(label, ChartSeries(points, self.request.min_count)))
        return tuple(charts)


def _row(cells: Mapping[str, Figure], key: str, label: str, suffix: str,
         groups: Figure | None = None) -> Row:
    figures = {m: cells[f"{m}.{suffix}"] for m in MEASURES}
    return Row(key, label, figures, _average(figures), groups)


def _average(figures: Mapping[Measure, Figure]) -> Average:
    """Shown only when both counts are, so that neither can be worked back from it."""
    attendance, recorded = figures[Measure.ATTENDANCE], figures[Measure.RECORDED]
    if attendance.hidden or recorded.hidden or not recorded.value:
        return Average(None, hidden=True)
    assert attendance.value is not None
    return Average(attendance.value / recorded.value)


def _within(day: date | None, start: date, end: date) -> bool:
    return day is not None and start <= day <= end


def _themes(facts: Sequence[GroupFacts]) -> list[tuple[str, str, list[GroupFacts]]]:
    """Theme categories, each with its label as first written and its groups."""
    found: dict[str, tuple[str, list[GroupFacts]]] = {}
    for f in facts:
        key = theme_key(f.group.theme)
        found.setdefault(key, (" ".join(f.group.theme.split()), []))[1].append(f)
    return [(key, label, members) for key, (label, members)
            in sorted(found.items(), key=lambda item: (item[0] == "", item[0]))]


def figure_value(figure: Figure) -> Any:
    """A figure for a data file: the number, or its printed mark when hidden."""
    return figure.value if not figure.hidden else figure.text()
