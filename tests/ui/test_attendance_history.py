"""The attendance history widget: the chart and the table show the same numbers, the
figures read right, and the words and dates follow the language."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from initiator_desktop.core.attendance_stats import Outcome
from initiator_desktop.core.clock import OSLO
from initiator_desktop.core.memory_repository import MemoryRepository
from initiator_desktop.ui.attendance.attendance_history import AttendanceHistory
from initiator_desktop.ui.attendance.attendance_table_model import AttendanceTableModel, Column
from initiator_desktop.ui.language import apply_language
from tests.core.test_attendance_stats import NOW, _repo


def _widget(qtbot: QtBot, repo: MemoryRepository, group_id: str,
            now: datetime = NOW) -> AttendanceHistory:
    widget = AttendanceHistory(repo, group_id, lambda: now)
    qtbot.addWidget(widget)
    widget.resize(900, 600)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _table(model: AttendanceTableModel) -> dict[date, dict[int, str]]:
    return {model.meeting(row).day: {
        column: model.data(model.index(row, column)) for column in range(model.columnCount())}
        for row in range(model.rowCount())}


def test_chart_and_table_show_the_same_numbers(qtbot: QtBot) -> None:
    repo, group_id = _repo()
    widget = _widget(qtbot, repo, group_id)
    points = widget.chart.series.points
    rows = _table(widget.model)
    assert len(points) == len(rows) == 11
    for point in points:
        row = rows[point.day]
        present = point.present.value if point.present else None
        newcomers = point.newcomers.value if point.newcomers else None
        members = point.members.value if point.members else None
        assert row[Column.PRESENT] == ("" if present is None else str(present))
        assert row[Column.NEWCOMERS] == ("" if newcomers is None else str(newcomers))
        assert row[Column.MEMBERS] == ("" if members is None else str(members))
    by_day = {p.day: p.outcome for p in points}
    assert rows[date(2025, 5, 15)][Column.MEETING] == "Cancelled"
    assert by_day[date(2025, 5, 15)] is Outcome.CANCELLED
    assert rows[date(2025, 5, 27)][Column.MEETING] == "Held, not recorded"
    assert rows[date(2025, 4, 17)][Column.MEETING] == "Not held: public holiday"
    assert rows[date(2025, 5, 8)][Column.MEETING] == "Not held: pause"
    assert rows[date(2025, 5, 3)][Column.UNNOTIFIED] == "2"  # 5 members, 3 came
    assert widget.model.rowCount() and widget.model.meeting(0).day == date(2025, 5, 29)


def test_the_figures(qtbot: QtBot) -> None:
    repo, group_id = _repo()
    widget = _widget(qtbot, repo, group_id)
    values = {key: label.text() for key, label in widget.figures.values.items()}
    assert values["average"] == "4.8 per meeting"
    assert values["trend"].startswith("Falling")
    assert values["meetings"] == "6 held, 1 not recorded, 1 cancelled, 4 skipped"
    assert values["newcomers"] == "1"
    assert values["notified"] == "2"
    assert values["unnotified"] == "2"
    assert "4.8" in widget.chart.accessibleDescription()
    assert widget.chart.accessibleName() == "Attendance chart"
    assert widget.table.accessibleName() == "Attendance table"


def test_the_chart_is_painted(qtbot: QtBot) -> None:
    repo, group_id = _repo()
    widget = _widget(qtbot, repo, group_id)
    image = widget.chart.grab().toImage()
    dark = sum(1 for y in range(0, image.height(), 2) for x in range(0, image.width(), 2)
               if QColor(image.pixel(x, y)).lightness() < 128)
    assert dark > 200


def test_a_shorter_period_and_refresh(qtbot: QtBot) -> None:
    repo, group_id = _repo()
    widget = _widget(qtbot, repo, group_id, datetime(2025, 9, 1, 12, tzinfo=OSLO))
    everything = widget.model.rowCount()
    widget.period.setCurrentIndex(0)  # the last three months: from 3 June
    assert widget.model.rowCount() < everything
    assert all(widget.model.meeting(r).day >= date(2025, 6, 2)
               for r in range(widget.model.rowCount()))
    widget.period.setCurrentIndex(2)
    assert widget.model.rowCount() == everything
    repo.delete_attendance(group_id, date(2025, 4, 3))
    widget.refresh()
    assert _table(widget.model)[date(2025, 4, 3)][Column.MEETING] == "Held, not recorded"


def test_without_members_the_absences_without_notice_are_explained(qtbot: QtBot) -> None:
    repo, group_id = _repo(members=False)
    widget = _widget(qtbot, repo, group_id)
    assert "number of members" in widget.figures.values["unnotified"].text()
    assert _table(widget.model)[date(2025, 4, 24)][Column.UNNOTIFIED] == ""


def test_forget_clears_everything(qtbot: QtBot) -> None:
    repo, group_id = _repo()
    widget = _widget(qtbot, repo, group_id)
    widget.forget()
    assert widget.model.rowCount() == 0
    assert widget.chart.series.points == ()
    assert all(not label.text() for label in widget.figures.values.values())


def test_a_group_not_in_the_vault_shows_nothing(qtbot: QtBot) -> None:
    repo, group_id = _repo()
    widget = _widget(qtbot, repo, "not-saved-yet")
    assert widget.model.rowCount() == 0 and widget.history is None
    widget.set_group(group_id)
    assert widget.model.rowCount() == 11


def test_language_change(qtbot: QtBot, fake_nb: None) -> None:
    repo, group_id = _repo()
    widget = _widget(qtbot, repo, group_id)
    apply_language("nb")
    qtbot.waitUntil(lambda: widget.figures.values["average"].text().startswith("4,8"))
    rows = _table(widget.model)
    assert rows[date(2025, 4, 3)][Column.DATE] == "3. apr. 2025"
    apply_language("en")
    qtbot.waitUntil(lambda: widget.figures.values["average"].text().startswith("4.8"))
    assert _table(widget.model)[date(2025, 4, 3)][Column.DATE] == "3 Apr 2025"
