"""The report PDF: the figures and "<3" as real text, one page for the totals, no group
names unless chosen, no themes unless asked; and the chart painter on its own."""

from __future__ import annotations

from datetime import date, time, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from initiator_desktop import i18n
from initiator_desktop.core.attendance_stats import ChartPoint, ChartSeries, Outcome
from initiator_desktop.core.memory_repository import MemoryRepository
from initiator_desktop.core.models import Attendance, Group, Schedule
from initiator_desktop.core.reports import Report, ReportRequest, build_report
from initiator_desktop.core.small_counts import Figure, Shown
from initiator_desktop.printing.attendance_chart import ChartTexts, paint_attendance_chart
from initiator_desktop.printing.report_layout import (
    MARGIN_BOTTOM,
    MARGIN_X,
    PAGE_H,
    PAGE_W,
    ReportPages,
    layout_report,
)
from initiator_desktop.printing.report_pdf import write_report_pdf
from tests.core.test_reports import MARCH, NOW, fixed_data
from tests.printing.pdf_tools import fonts, gray_page, page_count, pdf_text, squeezed_pdf_text

NAMES = ("Mandagsgruppa", "Onsdagsgruppa", "Torsdagsgruppa", "Kveldsgruppa",
         "Tirsdagsgruppa")
THEMES = ("Sorg", "sorg", "Angst", "Pårørende")


def _report(*groups: str, **options: object) -> Report:
    repo, ids = fixed_data()
    chosen = tuple(ids[letter] for letter in groups) or None
    return build_report(repo, ReportRequest(*MARCH, chosen, **options),  # type: ignore[arg-type]
                        NOW)


def _pdf(tmp_path: Path, report: Report, name: str = "report.pdf",
         language: str = "en") -> Path:
    path = tmp_path / name
    write_report_pdf(path, report, language)
    return path


def test_totals_report_on_one_page_with_the_figures(tmp_path: Path) -> None:
    path = _pdf(tmp_path, _report())
    assert page_count(path) == 1
    text = squeezed_pdf_text(path)
    for expected in ("Self-helpgroups:activityreport", "1March2025to31March2025",
                     "Groupsintheperiod", "Meetingsheld", "Withattendancerecorded",
                     "Meetingscancelled", "Attendance,addedup", "Newcomers",
                     "Averageperrecordedmeeting", "Page1of1"):
        assert expected in text, expected
    assert text.count("<3") >= 8  # four statuses, three events, the cancelled meetings
    # Each label with its value on one line (the two tables stand side by side).
    pairs = _pairs(layout_report(_report(), "en"))
    assert pairs["Groups in the period"] == "4"
    assert pairs["Meetings held"] == "14"
    assert pairs["With attendance recorded"] == "13"
    assert pairs["Meetings cancelled"] == "<3"
    assert pairs["Attendance, added up"] == "74"
    assert pairs["Newcomers"] == "7"
    assert pairs["Average per recorded meeting"] == "5.7"
    assert pairs["Ended"] == "<3"
    for value in ("14", "13", "74", "7", "5.7"):
        assert value in text


def _pairs(pages: ReportPages) -> dict[str, str]:
    """Label and value of the first page's two-column tables, matched by baseline."""
    lines = pages.pages[0].lines
    found = {}
    for label in lines:
        values = [v for v in lines if v is not label and abs(v.baseline - label.baseline) < 0.01
                  and 0 < v.x - (label.x + label.width) < 80.0]
        if values:
            found.setdefault(label.text, min(values, key=lambda v: v.x).text)
    return found


def test_no_group_names_and_no_themes_by_default(tmp_path: Path) -> None:
    text = pdf_text(_pdf(tmp_path, _report()))
    for word in NAMES + THEMES:
        assert word not in text
    assert "no group is named" in text


def test_a_selection_lists_its_groups_by_neutral_name_only(tmp_path: Path) -> None:
    text = pdf_text(_pdf(tmp_path, _report("A", "C")))
    assert "Mandagsgruppa" in text and "Torsdagsgruppa" in text
    assert "Onsdagsgruppa" not in text
    for theme in THEMES:
        assert theme not in text
    squeezed = "".join(text.split())
    # Held and recorded hidden to protect Torsdagsgruppa's 2, so no average either.
    assert "Mandagsgruppa::<318:<3" in squeezed
    assert "Torsdagsgruppa<3<3<34:<3" in squeezed
    assert "65<3224.4<3" in squeezed  # the total row


def test_themes_appear_only_when_asked(tmp_path: Path) -> None:
    text = pdf_text(_pdf(tmp_path, _report(by_theme=True)))
    assert "By theme" in text
    for theme in ("Angst", "Pårørende", "Sorg"):
        assert theme in text
    assert "(no theme)" in text
    assert "Themes are sensitive" in text
    for name in NAMES:
        assert name not in text


def test_fonts_are_embedded_and_the_title_is_neutral(tmp_path: Path) -> None:
    path = _pdf(tmp_path, _report("A", "C"))
    rows = fonts(path)
    assert rows
    assert all("yes" in row[-5:-2] for row in rows), rows  # the "emb" column
    import subprocess

    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True,
                          check=True).stdout
    title = next(line for line in info.splitlines() if line.startswith("Title:"))
    assert "activity report" in title
    assert "Mandagsgruppa" not in info


def test_norwegian_dates_and_decimal_comma(tmp_path: Path) -> None:
    i18n.set_language("nb")
    try:
        text = squeezed_pdf_text(_pdf(tmp_path, _report(), language="nb"))
    finally:
        i18n.set_language("en")
    assert "1.mars2025" in text
    assert "5,7" in text


def test_the_chart_is_drawn(tmp_path: Path) -> None:
    path = _pdf(tmp_path, _report())
    width, height, pixels = gray_page(path, 1, 30)
    # The single March column of 74 in the chart area (lower half of the page).
    band = [pixels[y * width + x] for y in range(height // 2, height * 7 // 8)
            for x in range(width)]
    assert sum(1 for value in band if value < 140) > 50


def test_many_groups_flow_onto_more_pages_inside_the_margins() -> None:
    repo = MemoryRepository()
    ids = []
    for index in range(14):
        group = Group(name=f"Gruppe med et ganske langt navn nummer {index + 1}")
        repo.save_group(group)
        first = date(2025, 3, 3) + timedelta(days=index % 5)
        repo.save_schedules(group.id, [Schedule(weekday=first.weekday(), start=time(18),
                                                first_date=first)])
        for week in range(4):
            repo.save_attendance(group.id, Attendance(first + timedelta(weeks=week), 5))
        ids.append(group.id)
    report = build_report(repo, ReportRequest(*MARCH, tuple(ids)), NOW)
    pages = layout_report(report, "en")
    assert len(pages.pages) > 2
    for page in pages.pages:
        for line in page.lines:
            assert line.x >= MARGIN_X - 0.01
            assert line.x + line.width <= PAGE_W - MARGIN_X + 0.01, line.text
            assert line.baseline <= PAGE_H - 8.0
        for box in page.charts:
            assert box.rect.bottom <= PAGE_H - MARGIN_BOTTOM + 0.01
    headers = sum(1 for page in pages.pages for line in page.lines if line.text == "Group")
    assert headers >= 1
    assert sum(1 for page in pages.pages for _box in page.charts) == 14


# the chart painter on its own ---------------------------------------------------------
TEXTS = ChartTexts("en", "Present", "Of whom newcomers", "Members", "Cancelled",
                   "Not recorded", "Pause or holiday", "Hidden", "Nothing yet")


def _paint(series: ChartSeries, size: tuple[int, int] = (600, 260)) -> QImage:
    image = QImage(*size, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    paint_attendance_chart(painter, QRectF(20, 20, size[0] - 40, size[1] - 40), series, TEXTS)
    painter.end()
    return image


def _ink(image: QImage, inside: bool) -> int:
    """Dark pixels inside the chart's rectangle, or outside it."""
    count = 0
    for y in range(image.height()):
        for x in range(image.width()):
            within = 20 <= x < image.width() - 20 and 20 <= y < image.height() - 20
            if within == inside and QColor(image.pixel(x, y)).lightness() < 200:
                count += 1
    return count


def test_an_empty_chart_says_so() -> None:
    image = _paint(ChartSeries(()))
    assert _ink(image, inside=True) > 20
    assert _ink(image, inside=False) == 0


def test_every_kind_of_column_stays_inside_its_rectangle() -> None:
    day = date(2025, 1, 6)
    kinds = [Outcome.RECORDED, Outcome.CANCELLED, Outcome.UNRECORDED, Outcome.NOT_HELD,
             Outcome.PERIOD]
    points = []
    for index in range(600):  # ten years of weekly meetings, squeezed
        outcome = kinds[index % len(kinds)]
        held = outcome in (Outcome.RECORDED, Outcome.PERIOD)
        present = (Figure(None, Shown.SMALL) if index % 7 == 0 else Figure(index % 9)) \
            if held else None
        points.append(ChartPoint(day + timedelta(weeks=index), day + timedelta(weeks=index),
                                 outcome, present=present,
                                 newcomers=Figure(1) if held else None,
                                 members=Figure(8)))
    image = _paint(ChartSeries(tuple(points), threshold=3))
    assert _ink(image, inside=True) > 1000
    assert _ink(image, inside=False) == 0


def test_a_chart_in_a_tiny_rectangle_does_not_fail() -> None:
    points = (ChartPoint(date(2025, 1, 6), date(2025, 1, 6), Outcome.RECORDED,
                         present=Figure(200), newcomers=Figure(200)),)
    image = _paint(ChartSeries(points), size=(60, 50))
    assert image.width() == 60


@pytest.mark.parametrize("language", ["nb", "nn", "en"])
def test_chart_dates_follow_the_language(language: str) -> None:
    from initiator_desktop.printing.attendance_chart import _date_label

    point = ChartPoint(date(2025, 3, 4), date(2025, 3, 4), Outcome.RECORDED)
    label = _date_label(point, True, language)
    assert label == {"nb": "4. mars 2025", "nn": "4. mars 2025", "en": "4 Mar 2025"}[language]
    month = ChartPoint(date(2025, 3, 1), date(2025, 3, 31), Outcome.PERIOD)
    assert _date_label(month, False, language) == {"nb": "mar", "nn": "mar",
                                                    "en": "Mar"}[language]


def test_the_value_scale_has_round_steps() -> None:
    from initiator_desktop.printing.attendance_chart import _scale

    assert [_scale(h) for h in (1, 7, 74, 8000, 189_008)] == [
        (1, 1), (2, 8), (20, 80), (2000, 8000), (50_000, 200_000)]
