"""Reports as JSON and CSV: the same protected figures as the PDF, named and versioned,
neutral by default, safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest

from initiator_desktop.core.memory_repository import MemoryRepository
from initiator_desktop.core.models import Group
from initiator_desktop.core.reports import Report, ReportRequest, build_report
from initiator_desktop.exchange.report_files import (
    CSV_HEADER,
    REPORT_FORMAT,
    REPORT_VERSION,
    report_csv_bytes,
    report_document,
    report_json_text,
    write_report_csv,
    write_report_json,
)
from tests.core.test_reports import MARCH, NOW, fixed_data

NAMES = ("Mandagsgruppa", "Onsdagsgruppa", "Torsdagsgruppa", "Kveldsgruppa",
         "Tirsdagsgruppa")
THEMES = ("Sorg", "sorg", "Angst", "Pårørende")


def _report(*groups: str, **options: object) -> Report:
    """The fixed data set's report for March; ``groups`` are letters A to E."""
    repo, ids = fixed_data()
    chosen = tuple(ids[letter] for letter in groups) or None
    return build_report(repo, ReportRequest(*MARCH, chosen, **options),  # type: ignore[arg-type]
                        NOW)


def _rows(report: Report) -> list[dict[str, str]]:
    text = report_csv_bytes(report).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def test_json_has_a_format_name_version_and_the_figures() -> None:
    report = _report()
    document = json.loads(report_json_text(report))
    assert document["format"] == REPORT_FORMAT == "initiator-desktop/report"
    assert document["format_version"] == REPORT_VERSION == 1
    assert document["period"] == {"from": "2025-03-01", "to": "2025-03-31"}
    assert document["min_count"] == 3
    assert document["hidden_marks"] == {"small": "<3", "protecting": ":"}
    assert document["selection"] is None
    assert document["groups"] == {
        "in_period": 4,
        "by_status": {"planned": "<3", "starting": "<3", "self_running": "<3", "ended": "<3"},
        "started": "<3", "handed_over": "<3", "ended": "<3"}
    assert document["meetings"] == {"total": {
        "held": 14, "recorded": 13, "cancelled": "<3", "attendance": 74, "newcomers": 7,
        "average": 5.69}}
    assert document["chart"] == {"bucket": "month", "series": [{"group": None, "columns": [
        {"from": "2025-03-01", "to": "2025-03-31", "attendance": 74, "newcomers": 7}]}]}


def test_the_default_files_name_no_group_and_no_theme() -> None:
    report = _report()
    for text in (report_json_text(report), report_csv_bytes(report).decode("utf-8-sig")):
        for word in NAMES + THEMES:
            assert word not in text


def test_a_selection_names_its_groups_but_no_theme() -> None:
    report = _report("A", "C")
    text = report_json_text(report)
    document = json.loads(text)
    assert document["selection"] == ["Mandagsgruppa", "Torsdagsgruppa"]
    assert [g["name"] for g in document["meetings"]["groups"]] == document["selection"]
    assert document["meetings"]["groups"][0]["held"] == ":"
    assert document["meetings"]["groups"][1]["held"] == "<3"
    assert "themes" not in document["meetings"]
    for theme in THEMES:
        assert theme not in text


def test_themes_only_when_asked() -> None:
    report = _report(by_theme=True)
    document = report_document(report)
    themes = document["meetings"]["themes"]
    assert [t["theme"] for t in themes] == ["Angst", "Pårørende", "Sorg", ""]
    assert [t["groups"] for t in themes] == ["<3", "<3", "<3", "<3"]
    assert themes[1]["attendance"] == 31 and themes[1]["average"] == 7.75
    assert themes[0]["attendance"] == ":" and themes[0]["average"] == ":"


def test_csv_header_encoding_and_values() -> None:
    report = _report()
    data = report_csv_bytes(report)
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 with a byte-order mark, for Excel
    first_line = data.decode("utf-8-sig").splitlines()[0]
    assert tuple(first_line.split(",")) == CSV_HEADER
    rows = _rows(report)
    assert all(len(row) == len(CSV_HEADER) for row in rows)
    found = {(r["section"], r["measure"]): r["value"] for r in rows if r["section"] != "chart"}
    assert found[("groups", "in_period")] == "4"
    assert found[("groups", "status_ended")] == "<3"
    assert found[("groups", "ended")] == "<3"
    assert found[("total", "held")] == "14"
    assert found[("total", "cancelled")] == "<3"
    assert found[("total", "average")] == "5.69"
    chart = [r for r in rows if r["section"] == "chart"]
    assert [(r["from"], r["to"], r["measure"], r["value"]) for r in chart] == [
        ("2025-03-01", "2025-03-31", "attendance", "74"),
        ("2025-03-01", "2025-03-31", "newcomers", "7")]
    assert {r["from"] for r in rows if r["section"] != "chart"} == {"2025-03-01"}


def test_csv_and_json_agree() -> None:
    report = _report("A", "B", "E", by_theme=True)
    document = report_document(report)
    rows = _rows(report)
    for group in document["meetings"]["groups"]:
        for measure in ("held", "recorded", "cancelled", "attendance", "newcomers",
                        "average"):
            [value] = [r["value"] for r in rows if r["section"] == "group"
                       and r["name"] == group["name"] and r["measure"] == measure]
            assert value == str(group[measure])


def test_a_name_is_never_run_as_a_spreadsheet_formula() -> None:
    repo = MemoryRepository()
    hostile = Group(name='=HYPERLINK("http://example.invalid","x")')
    other = Group(name="+1-2")
    for group in (hostile, other):
        repo.save_group(group)
    report = build_report(repo, ReportRequest(date(2025, 1, 1), date(2025, 1, 31),
                                              (hostile.id, other.id)), NOW)
    names = {r["name"] for r in _rows(report) if r["section"] == "group"}
    assert names == {"'" + hostile.name, "'+1-2"}


def test_files_are_written_whole(tmp_path: Path) -> None:
    report = _report()
    json_path, csv_path = tmp_path / "r.json", tmp_path / "r.csv"
    write_report_json(json_path, report)
    write_report_csv(csv_path, report)
    assert json.loads(json_path.read_text(encoding="utf-8"))["format_version"] == 1
    assert csv_path.read_bytes() == report_csv_bytes(report)
    with pytest.raises(OSError):
        write_report_json(tmp_path / "missing" / "r.json", report)
    assert set(tmp_path.iterdir()) == {csv_path, json_path}  # no temporary file left
