"""A report as JSON or CSV: the same protected figures as the PDF, for spreadsheets and
scripts (format described in docs/reports.md).

A number is exact; a hidden figure is its printed mark ("<3" below the threshold, ":"
hidden to protect one). Group names appear only for an explicit selection, themes only
when asked. Keys and measure names are English identifiers, whatever the language.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from initiator_desktop.atomic_files import write_atomically
from initiator_desktop.core.report_facts import MEASURES
from initiator_desktop.core.reports import Average, Report, Row, figure_value
from initiator_desktop.core.small_counts import PROTECTING_TEXT

REPORT_FORMAT = "initiator-desktop/report"
REPORT_VERSION = 1
CSV_HEADER = ("section", "name", "from", "to", "measure", "value")
# A spreadsheet runs a cell that starts with one of these as a formula.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _average(average: Average) -> float | str:
    if average.hidden or average.value is None:
        return PROTECTING_TEXT
    return round(average.value, 2)


def _row(row: Row) -> dict[str, Any]:
    values: dict[str, Any] = {str(m): figure_value(row.figures[m]) for m in MEASURES}
    values["average"] = _average(row.average)
    return values


def report_document(report: Report) -> dict[str, Any]:
    """The report as a JSON-ready value."""
    request = report.request
    meetings: dict[str, Any] = {"total": _row(report.total)}
    if report.group_rows:
        meetings["groups"] = [{"name": row.label, **_row(row)} for row in report.group_rows]
    if request.by_theme:
        meetings["themes"] = [
            {"theme": row.label,
             "groups": figure_value(row.groups) if row.groups else None, **_row(row)}
            for row in report.theme_rows]
    return {
        "format": REPORT_FORMAT,
        "format_version": REPORT_VERSION,
        "made_on": report.made_on.isoformat(),
        "period": {"from": request.start.isoformat(), "to": request.end.isoformat()},
        "min_count": report.threshold,
        "hidden_marks": {"small": f"<{report.threshold}", "protecting": PROTECTING_TEXT},
        "selection": [row.label for row in report.group_rows] if report.group_rows else None,
        "by_theme": request.by_theme,
        "groups": {
            "in_period": figure_value(report.groups_total),
            "by_status": {s.value: figure_value(f) for s, f in report.by_status.items()},
            **{key: figure_value(f) for key, f in report.events.items()},
        },
        "meetings": meetings,
        "chart": {
            "bucket": report.bucket.value,
            "series": [
                {"group": chart.label or None,
                 "columns": [{"from": p.day.isoformat(), "to": p.last_day.isoformat(),
                              "attendance": figure_value(p.present) if p.present else None,
                              "newcomers": figure_value(p.newcomers) if p.newcomers else None}
                             for p in chart.series.points]}
                for chart in report.charts],
        },
    }


def report_json_text(report: Report) -> str:
    return json.dumps(report_document(report), ensure_ascii=False, indent=2) + "\n"


def _safe(text: str) -> str:
    """A name as a spreadsheet shows it, never run as a formula."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def csv_rows(report: Report) -> list[tuple[str, ...]]:
    """The CSV's rows after the header, in the order of the PDF."""
    start, end = report.request.start.isoformat(), report.request.end.isoformat()
    rows: list[tuple[str, ...]] = []

    def add(section: str, name: str, measure: str, value: Any,
            first: str = start, last: str = end) -> None:
        rows.append((section, _safe(name), first, last, measure, str(value)))

    add("groups", "", "in_period", figure_value(report.groups_total))
    for status, figure in report.by_status.items():
        add("groups", "", f"status_{status.value}", figure_value(figure))
    for key, figure in report.events.items():
        add("groups", "", key, figure_value(figure))
    table = [("total", report.total)] + [("group", r) for r in report.group_rows] \
        + [("theme", r) for r in report.theme_rows]
    for section, row in table:
        if section == "theme" and row.groups is not None:
            add(section, row.label, "groups", figure_value(row.groups))
        for measure, value in _row(row).items():
            add(section, row.label, measure, value)
    for chart in report.charts:
        for point in chart.series.points:
            for measure, figure in (("attendance", point.present),
                                    ("newcomers", point.newcomers)):
                if figure is not None:
                    add("chart", chart.label, measure, figure_value(figure),
                        point.day.isoformat(), point.last_day.isoformat())
    return rows


def report_csv_text(report: Report) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    writer.writerows(csv_rows(report))
    return buffer.getvalue()


def report_csv_bytes(report: Report) -> bytes:
    """UTF-8 with a byte-order mark: without it, Excel shows "æøå" as mojibake."""
    return report_csv_text(report).encode("utf-8-sig")


def write_report_json(path: Path, report: Report) -> None:
    write_atomically(Path(path), report_json_text(report).encode("utf-8"))


def write_report_csv(path: Path, report: Report) -> None:
    write_atomically(Path(path), report_csv_bytes(report))
