"""Reports: figures checked by hand on a fixed data set, small-count protection with its
no-subtraction rule, and properties (hypothesis) that no hidden cell can be recovered."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime, time, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from initiator_desktop.core.clock import OSLO
from initiator_desktop.core.errors import DomainError
from initiator_desktop.core.group_life import EndReason, EventKind, GroupEvent
from initiator_desktop.core.memory_repository import MemoryRepository
from initiator_desktop.core.models import (
    Attendance,
    ChangeKind,
    Group,
    GroupStatus,
    MeetingChange,
    Schedule,
)
from initiator_desktop.core.report_facts import Bucket, Measure, bucket_size, buckets
from initiator_desktop.core.reports import Report, ReportRequest, build_report, report_sums
from initiator_desktop.core.small_counts import (
    Figure,
    Relation,
    Shown,
    attacker_bounds,
    check_threshold,
    protect,
)

NOW = datetime(2025, 4, 2, 12, 0, tzinfo=OSLO)
MARCH = (date(2025, 3, 1), date(2025, 3, 31))


# the fixed data set -------------------------------------------------------------------
def _group(repo: MemoryRepository, group: Group, schedule: Schedule,
           records: Sequence[Attendance] = (), events: Sequence[GroupEvent] = ()) -> str:
    repo.save_group(group)
    repo.save_schedules(group.id, [schedule])
    for record in records:
        repo.save_attendance(group.id, record)
    for event in events:
        repo.add_event(group.id, event)
    return group.id


def _a(day: str, present: int, newcomers: int = 0, notified: int = 0) -> Attendance:
    return Attendance(date.fromisoformat(day), present, newcomers, notified)


def fixed_data() -> tuple[MemoryRepository, dict[str, str]]:
    """Five groups; the figures for March 2025 are worked out by hand in the tests.

    A, Mondays, running on its own: March 3, 10, 24 recorded (6, 7 with 1 new, 5),
        17 cancelled, 31 held but not recorded; a February record outside the period.
    B, Wednesdays from March 5, starting: 5 (5, all new), 12 (6, 1 new), 19 (6), 26 (4);
        its April 2 meeting has not begun at noon.
    C, Thursdays, ended on March 13 (too few): March 6 and 13 with 2 each.
    D, planned, first meeting in April.
    E, Tuesdays from February 4, running on its own, no events recorded: March 4, 11,
        18, 25 recorded (8, 8, 7, 8); February held but not recorded.
    """
    repo = MemoryRepository()
    ids = {
        "A": _group(repo, Group(name="Mandagsgruppa", theme="Sorg",
                                status=GroupStatus.SELF_RUNNING),
                    Schedule(weekday=0, start=time(18), first_date=date(2025, 1, 6),
                             changes=(MeetingChange(date(2025, 3, 17), ChangeKind.CANCELLED),)),
                    [_a("2025-02-24", 6), _a("2025-03-03", 6), _a("2025-03-10", 7, 1),
                     _a("2025-03-24", 5, 0, 1)],
                    [GroupEvent(date(2025, 1, 6), EventKind.STARTED),
                     GroupEvent(date(2025, 2, 3), EventKind.HANDED_OVER)]),
        "B": _group(repo, Group(name="Onsdagsgruppa", theme="Angst",
                                status=GroupStatus.STARTING),
                    Schedule(weekday=2, start=time(18), first_date=date(2025, 3, 5)),
                    [_a("2025-03-05", 5, 5), _a("2025-03-12", 6, 1), _a("2025-03-19", 6),
                     _a("2025-03-26", 4, 0, 2)],
                    [GroupEvent(date(2025, 3, 5), EventKind.STARTED)]),
        "C": _group(repo, Group(name="Torsdagsgruppa", theme=" sorg ",
                                status=GroupStatus.ENDED),
                    Schedule(weekday=3, start=time(18), first_date=date(2024, 9, 5),
                             last_date=date(2025, 3, 13)),
                    [_a("2025-03-06", 2), _a("2025-03-13", 2)],
                    [GroupEvent(date(2024, 9, 5), EventKind.STARTED),
                     GroupEvent(date(2024, 10, 3), EventKind.HANDED_OVER),
                     GroupEvent(date(2025, 3, 13), EventKind.ENDED, EndReason.TOO_FEW.value)]),
        "D": _group(repo, Group(name="Kveldsgruppa", status=GroupStatus.PLANNED),
                    Schedule(weekday=0, start=time(19), first_date=date(2025, 4, 7))),
        "E": _group(repo, Group(name="Tirsdagsgruppa", theme="Pårørende",
                                status=GroupStatus.SELF_RUNNING),
                    Schedule(weekday=1, start=time(18), first_date=date(2025, 2, 4)),
                    [_a("2025-03-04", 8), _a("2025-03-11", 8), _a("2025-03-18", 7),
                     _a("2025-03-25", 8)]),
    }
    return repo, ids


@pytest.fixture
def fixed() -> tuple[MemoryRepository, dict[str, str]]:
    return fixed_data()


def texts(figures: Mapping[object, Figure]) -> dict[str, str]:
    return {str(key): figure.text() for key, figure in figures.items()}


def _report(repo: MemoryRepository, **options: object) -> Report:
    return build_report(repo, ReportRequest(*MARCH, **options), NOW)  # type: ignore[arg-type]


def test_totals_by_hand(fixed: tuple[MemoryRepository, dict[str, str]]) -> None:
    repo, _ids = fixed
    report = _report(repo)
    # A, B, C and E were active in March; D had not started and the period is past.
    assert report.groups_total == Figure(4)
    # At the end of March: B starting, A and E (handover derived) on their own, C ended.
    assert texts(report.by_status) == {"planned": "<3", "starting": "<3",
                                       "self_running": "<3", "ended": "<3"}
    assert texts(report.events) == {"started": "<3", "handed_over": "<3", "ended": "<3"}
    assert texts(report.total.figures) == {
        "held": "14",  # A 4 (31st unrecorded), B 4, C 2, E 4
        "recorded": "13",  # 3 + 4 + 2 + 4
        "cancelled": "<3",  # A's 17th
        "attendance": "74",  # 18 + 21 + 4 + 31
        "newcomers": "7",  # 1 + 6
    }
    assert report.total.average.value == pytest.approx(74 / 13)
    assert report.group_rows == () and report.theme_rows == ()
    assert report.bucket is Bucket.MONTH
    [chart] = report.charts
    assert chart.label == ""
    [point] = chart.series.points
    assert (point.day, point.last_day) == MARCH
    assert (point.present, point.newcomers) == (Figure(74), Figure(7))
    assert report.derived_dates  # E has no events


def test_the_true_values_behind_the_totals(fixed: tuple[MemoryRepository, dict[str, str]]
                                           ) -> None:
    repo, _ids = fixed
    values, _sums = report_sums(repo, ReportRequest(*MARCH), NOW)
    assert {k: values[f"groups.status.{k}"] for k in (
        "planned", "starting", "self_running", "ended")} == {
        "planned": 0, "starting": 1, "self_running": 2, "ended": 1}
    assert {k: values[f"groups.event.{k}"] for k in ("started", "handed_over", "ended")} == {
        "started": 1, "handed_over": 0, "ended": 1}
    assert values["groups.total"] == 4
    assert values["cancelled.total"] == 1


def test_a_higher_threshold(fixed: tuple[MemoryRepository, dict[str, str]]) -> None:
    repo, _ids = fixed
    report = _report(repo, min_count=5)
    assert report.groups_total.text() == "<5"
    assert set(texts(report.by_status).values()) == {"<5"}
    assert texts(report.total.figures) == {"held": "14", "recorded": "13", "cancelled": "<5",
                                           "attendance": "74", "newcomers": "7"}


def test_a_selection_by_hand_with_the_no_subtraction_rule(
        fixed: tuple[MemoryRepository, dict[str, str]]) -> None:
    repo, ids = fixed
    report = _report(repo, group_ids=(ids["C"], ids["A"]))
    a, c = report.group_rows
    assert (a.label, c.label) == ("Mandagsgruppa", "Torsdagsgruppa")  # by name
    assert report.groups_total.text() == "<3"
    # Held: A 4, C 2, total 6. C alone hidden would be 6 - 4: so A is hidden too.
    assert (a.figures[Measure.HELD].text(), c.figures[Measure.HELD].text(),
            report.total.figures[Measure.HELD].text()) == (":", "<3", "6")
    assert (a.figures[Measure.RECORDED].text(), c.figures[Measure.RECORDED].text(),
            report.total.figures[Measure.RECORDED].text()) == (":", "<3", "5")
    assert {a.figures[Measure.CANCELLED].text(), c.figures[Measure.CANCELLED].text(),
            report.total.figures[Measure.CANCELLED].text()} == {"<3"}
    assert (a.figures[Measure.ATTENDANCE].text(), c.figures[Measure.ATTENDANCE].text(),
            report.total.figures[Measure.ATTENDANCE].text()) == ("18", "4", "22")
    # An average would give its hidden count away: shown only for the total (22 / 5).
    assert a.average.hidden and c.average.hidden
    assert report.total.average.value == pytest.approx(4.4)
    assert [chart.label for chart in report.charts] == ["Mandagsgruppa", "Torsdagsgruppa"]
    assert [p.present.text() for chart in report.charts
            for p in chart.series.points if p.present] == ["18", "4"]
    assert report.theme_rows == ()


def test_themes_only_when_asked_and_by_hand(fixed: tuple[MemoryRepository, dict[str, str]]
                                            ) -> None:
    repo, _ids = fixed
    assert not _report(repo).theme_rows
    report = _report(repo, by_theme=True)
    labels = [row.label for row in report.theme_rows]
    assert labels == ["Angst", "Pårørende", "Sorg", ""]  # "Sorg" and " sorg " are one
    groups = [row.groups.text() for row in report.theme_rows if row.groups]
    assert groups == ["<3", "<3", "<3", "<3"]  # 1, 1, 2, 0 of 4
    held = [row.figures[Measure.HELD].text() for row in report.theme_rows]
    # 4, 4, 6, 0 of 14: the 0 would follow by subtraction, so the smallest cell that
    # hides it (Angst's 4) goes too.
    assert held == [":", "4", "6", "<3"]
    attendance = [row.figures[Measure.ATTENDANCE].text() for row in report.theme_rows]
    assert attendance == [":", "31", "22", "<3"]
    newcomers = [row.figures[Measure.NEWCOMERS].text() for row in report.theme_rows]
    assert newcomers == ["6", "<3", "<3", "<3"]  # 1 left for three cells: no complement
    averages = [row.average for row in report.theme_rows]
    assert averages[0].hidden and averages[3].hidden
    assert averages[1].value == pytest.approx(31 / 4)
    assert averages[2].value == pytest.approx(22 / 5)


def test_no_group_is_named_by_default(fixed: tuple[MemoryRepository, dict[str, str]]) -> None:
    repo, _ids = fixed
    report = _report(repo)
    assert all(chart.label == "" for chart in report.charts)
    assert report.total.label == ""


def test_bad_requests_are_refused(fixed: tuple[MemoryRepository, dict[str, str]]) -> None:
    repo, _ids = fixed
    with pytest.raises(DomainError):
        ReportRequest(date(2025, 3, 2), date(2025, 3, 1))
    for low in (-1, 0, 1, 2):
        with pytest.raises(DomainError):
            ReportRequest(*MARCH, min_count=low)
    with pytest.raises(DomainError):
        ReportRequest(*MARCH, min_count=True)  # type: ignore[arg-type]
    with pytest.raises(DomainError):
        ReportRequest(*MARCH, group_ids=())
    with pytest.raises(DomainError):
        ReportRequest(date(1900, 1, 1), date(2025, 1, 1))
    with pytest.raises(DomainError):
        build_report(repo, ReportRequest(*MARCH, group_ids=("no-such-group",)), NOW)


def test_a_period_in_the_future_has_no_chart_columns(
        fixed: tuple[MemoryRepository, dict[str, str]]) -> None:
    repo, _ids = fixed
    report = build_report(repo, ReportRequest(date(2025, 6, 1), date(2025, 8, 31)), NOW)
    assert report.charts[0].series.points == ()
    assert report.total.figures[Measure.HELD].text() == "<3"


def test_buckets_cover_the_period_exactly() -> None:
    spans = buckets(date(2025, 2, 15), date(2025, 5, 3), Bucket.MONTH)
    assert spans[0] == (date(2025, 2, 15), date(2025, 2, 28))
    assert spans[-1] == (date(2025, 5, 1), date(2025, 5, 3))
    assert len(spans) == 4
    assert bucket_size(date(2020, 1, 1), date(2022, 12, 31)) is Bucket.MONTH
    assert bucket_size(date(2016, 1, 1), date(2025, 12, 31)) is Bucket.QUARTER
    assert bucket_size(date(2000, 1, 1), date(2025, 12, 31)) is Bucket.YEAR
    quarters = buckets(date(2024, 2, 1), date(2024, 12, 31), Bucket.QUARTER)
    assert quarters[0] == (date(2024, 2, 1), date(2024, 3, 31))
    assert len(quarters) == 4


# the protection rule ------------------------------------------------------------------
def test_the_threshold_is_never_below_three() -> None:
    assert check_threshold(3) == 3
    for low in (2, 1, 0, -3):
        with pytest.raises(DomainError):
            check_threshold(low)
    with pytest.raises(DomainError):
        protect({"a": 1}, [], threshold=2)


def test_one_small_cell_takes_a_second_with_it() -> None:
    published = protect({"T": 42, "a": 40, "b": 2}, [Relation("T", ("a", "b"))])
    assert texts(published) == {"T": "42", "a": ":", "b": "<3"}


def test_the_complement_must_leave_room_for_the_small_one() -> None:
    # Hiding the 3 would leave 0 for the two small cells (3 + 0 + 0 = 3): the 5 goes.
    published = protect({"T": 11, "a": 0, "b": 0, "c": 3, "d": 5, "e": 3},
                        [Relation("T", ("a", "b", "c", "d", "e"))])
    assert texts(published) == {"T": "11", "a": "<3", "b": "<3", "c": "3", "d": ":", "e": "3"}


def test_small_cells_that_add_up_to_the_most_they_could_be() -> None:
    # Four cells below 3 adding up to 8 must all be 2: the total is hidden instead.
    published = protect({"T": 8, "a": 2, "b": 2, "c": 2, "d": 2},
                        [Relation("T", ("a", "b", "c", "d"))])
    assert texts(published)["T"] == ":"


# properties ---------------------------------------------------------------------------
@st.composite
def tables(draw: st.DrawFn) -> tuple[dict[str, int], list[Relation], int]:
    """Report-shaped sums: groups (made of chart columns or not) in themes, and totals."""
    threshold = draw(st.integers(3, 6))
    themes = draw(st.integers(1, 3))
    charts = draw(st.booleans())
    values: dict[str, int] = {}
    relations: list[Relation] = []
    groups: list[str] = []
    for theme in range(themes):
        members = []
        for index in range(draw(st.integers(1, 3))):
            name = f"g{theme}.{index}"
            if charts:
                columns = draw(st.lists(st.integers(0, 12), min_size=1, max_size=3))
                parts = [f"{name}.m{k}" for k in range(len(columns))]
                values.update(zip(parts, columns, strict=True))
                relations.append(Relation(name, tuple(parts)))
                values[name] = sum(columns)
            else:
                values[name] = draw(st.integers(0, 25))
            members.append(name)
        values[f"t{theme}"] = sum(values[m] for m in members)
        if themes > 1:
            relations.append(Relation(f"t{theme}", tuple(members)))
        groups += members
    values["total"] = sum(values[g] for g in groups)
    relations.append(Relation("total", tuple(groups)))
    if themes > 1:
        relations.append(Relation("total", tuple(f"t{t}" for t in range(themes))))
    else:
        del values["t0"]
    return values, relations, threshold


def _propagate(low: dict[str, int], high: dict[str, int],
               relations: Sequence[Relation]) -> bool:
    """Bounds consistency, written independently of the code under test; False when
    the bounds contradict each other."""
    changed = True
    while changed:
        changed = False
        for r in relations:
            lows, highs = sum(low[p] for p in r.parts), sum(high[p] for p in r.parts)
            bounds = {r.total: (max(low[r.total], lows), min(high[r.total], highs))}
            for p in r.parts:
                bounds[p] = (max(low[p], low[r.total] - (highs - high[p])),
                             min(high[p], high[r.total] - (lows - low[p])))
            for cell, (lo, hi) in bounds.items():
                if lo > hi:
                    return False
                if (lo, hi) != (low[cell], high[cell]):
                    low[cell], high[cell] = lo, hi
                    changed = True
    return True


def _satisfiable(low: dict[str, int], high: dict[str, int],
                 relations: Sequence[Relation], budget: list[int]) -> bool:
    low, high = dict(low), dict(high)
    if not _propagate(low, high, relations):
        return False
    open_cells = [c for c in low if low[c] != high[c]]
    if not open_cells:
        return True
    budget[0] -= 1
    if budget[0] < 0:
        return True  # give up: count as "could be", which only weakens the test
    cell = min(open_cells, key=lambda c: high[c] - low[c])
    for value in range(low[cell], high[cell] + 1):
        low[cell] = high[cell] = value
        if _satisfiable(low, high, relations, budget):
            return True
    return False


def recoverable(values: Mapping[str, int], published: Mapping[str, Figure],
                relations: Sequence[Relation]) -> list[str]:
    """Hidden cells whose true value is the only one the published figures allow, found
    by search over whole numbers (an exact reader, not the bounds the code uses)."""
    ceiling = 2 * sum(values.values()) + 10
    low: dict[str, int] = {}
    high: dict[str, int] = {}
    for cell, figure in published.items():
        lo, hi = figure.bounds()
        low[cell], high[cell] = int(lo), int(min(hi, ceiling))
    found = []
    for cell, figure in published.items():
        if not figure.hidden:
            continue
        others = sorted(range(low[cell], high[cell] + 1), key=lambda v: abs(v - values[cell]))
        alternative = False
        for value in others:
            if value == values[cell]:
                continue
            trial_low, trial_high = dict(low), dict(high)
            trial_low[cell] = trial_high[cell] = value
            if _satisfiable(trial_low, trial_high, relations, [2000]):
                alternative = True
                break
        if not alternative:
            found.append(cell)
    return found


def _check(values: Mapping[str, int], relations: Sequence[Relation],
           published: Mapping[str, Figure], threshold: int) -> None:
    for cell, figure in published.items():
        if figure.shown is Shown.EXACT:
            assert figure.value == values[cell]  # published values are the true ones
        elif figure.shown is Shown.SMALL:
            assert values[cell] < threshold
        else:
            assert values[cell] >= threshold
        if values[cell] < threshold:
            assert figure.shown is Shown.SMALL
        assert figure.threshold == threshold
    for relation in relations:
        unknown = [c for c in (relation.total, *relation.parts) if published[c].hidden]
        assert len(unknown) != 1, relation  # never the only unknown of a sum
    bounds = attacker_bounds(published, relations)
    assert all(bounds[c][0] < bounds[c][1] for c, f in published.items() if f.hidden)
    assert recoverable(values, published, relations) == []


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tables())
def test_no_hidden_cell_can_be_recovered(table: tuple[dict[str, int], list[Relation], int]
                                         ) -> None:
    values, relations, threshold = table
    _check(values, relations, protect(values, relations, threshold), threshold)


@st.composite
def repositories(draw: st.DrawFn) -> tuple[MemoryRepository, ReportRequest]:
    repo = MemoryRepository()
    ids = []
    for index in range(draw(st.integers(1, 4))):
        group = Group(name=f"Gruppe {index}", theme=draw(st.sampled_from(["A", "B", ""])))
        repo.save_group(group)
        first = date(2025, 1, 6) + timedelta(days=draw(st.integers(0, 6)))
        repo.save_schedules(group.id, [Schedule(weekday=first.weekday(), start=time(18),
                                                first_date=first)])
        for week in range(9):
            if draw(st.integers(0, 4)) == 0:
                continue  # not recorded
            present = draw(st.integers(0, 8))
            repo.save_attendance(group.id, Attendance(
                first + timedelta(weeks=week), present,
                draw(st.integers(0, min(present, 2)))))
        ids.append(group.id)
    selected = draw(st.booleans())
    request = ReportRequest(date(2025, 1, 1), date(2025, 3, 9),
                            tuple(ids) if selected else None, draw(st.booleans()),
                            draw(st.integers(3, 5)))
    return repo, request


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(repositories())
def test_no_report_figure_can_be_recovered(case: tuple[MemoryRepository, ReportRequest]
                                           ) -> None:
    repo, request = case
    now = datetime(2025, 3, 10, 12, tzinfo=OSLO)
    values, relations = report_sums(repo, request, now)
    report = build_report(repo, request, now)
    published = dict(report.cells)
    assert set(published) == set(values)
    for relation in relations:
        assert values[relation.total] == sum(values[p] for p in relation.parts)
    _check(values, relations, published, request.min_count)
    # An average is shown only with both of its counts.
    for row in (report.total, *report.group_rows, *report.theme_rows):
        if not row.average.hidden:
            assert not row.figures[Measure.ATTENDANCE].hidden
            assert not row.figures[Measure.RECORDED].hidden
