"""A group's attendance history for its page: a chart, the same numbers as a table, and
the simple figures (average, trend, newcomers, absences).

``AttendanceHistory(repo, group_id, clock)`` reads the vault on ``refresh`` and shows
only this group's counts: no names exist to show. The chart is painted by
``printing.attendance_chart``, the same code that draws it in a PDF report.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta

from PySide6.QtCore import QEvent, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from initiator_desktop.core.attendance_stats import (
    TREND_MEETINGS,
    ChartSeries,
    GroupHistory,
    Trend,
    chart_series,
    group_history,
)
from initiator_desktop.core.clock import OSLO
from initiator_desktop.core.repository import VaultRepository
from initiator_desktop.i18n import _, current_language, ngettext
from initiator_desktop.printing.attendance_chart import ChartStyle, paint_attendance_chart
from initiator_desktop.ui.attendance.attendance_labels import (
    chart_texts,
    decimal,
    signed_decimal,
    trend_label,
)
from initiator_desktop.ui.attendance.attendance_table_model import (
    AttendanceTableModel,
    Column,
)
from initiator_desktop.ui.style import SPACING, heading_label, hint_label, is_dark

Clock = Callable[[], datetime]
PERIOD_DAYS = (91, 365, None)  # about three months, a year, everything
DEFAULT_PERIOD = 1


def screen_style(palette: QPalette) -> ChartStyle:
    """The chart's inks from the palette, so it reads in dark mode too."""
    text = palette.color(QPalette.ColorRole.WindowText)
    base = palette.color(QPalette.ColorRole.Base)
    bar = QColor("#8a8a8a") if is_dark(palette) else QColor("#6b6b6b")
    faint = palette.color(QPalette.ColorRole.Mid)
    return ChartStyle(text, bar, faint, base)


class AttendanceChartView(QWidget):
    """Paints one chart series; the table next to it carries the same numbers."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._series = ChartSeries(())
        self.setMinimumHeight(220)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # reachable, so it can be described

    def set_series(self, series: ChartSeries) -> None:
        self._series = series
        self.update()

    @property
    def series(self) -> ChartSeries:
        return self._series

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().color(QPalette.ColorRole.Base))
        margin = float(SPACING)
        area = QRectF(self.rect()).adjusted(margin, margin, -margin, -margin / 2)
        paint_attendance_chart(painter, area, self._series, chart_texts(),
                               screen_style(self.palette()))
        painter.end()


class AttendanceHistory(QWidget):
    """The history of one group, rebuilt from the vault by ``refresh``."""

    def __init__(self, repo: VaultRepository, group_id: str, clock: Clock,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._repo = repo
        self._group_id = group_id
        self._clock = clock
        self._history: GroupHistory | None = None
        self.heading = heading_label(parent=self, scale=1.15)
        self.period_label = QLabel(self)
        self.period = QComboBox(self)
        self.figures = _FiguresPanel(self)
        self.chart = AttendanceChartView(self)
        self.model = AttendanceTableModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(Column.MEETING, QHeaderView.ResizeMode.Stretch)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.chart, "")
        self.tabs.addTab(self.table, "")
        self.note = hint_label(parent=self)
        self._build_layout()
        self.period_label.setBuddy(self.period)
        for _days in PERIOD_DAYS:
            self.period.addItem("")
        self.period.setCurrentIndex(DEFAULT_PERIOD)
        self.period.currentIndexChanged.connect(self._on_period_current_index_changed)
        self.retranslate()
        self.refresh()

    def _build_layout(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(SPACING)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.period_label)
        top.addWidget(self.period)
        layout.addLayout(top)
        layout.addWidget(self.figures)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.note)

    # content ----------------------------------------------------------------------------
    def set_group(self, group_id: str) -> None:
        """Show another group's history (the page was switched to it)."""
        self._group_id = group_id
        self.refresh()

    def refresh(self) -> None:
        """Read the group's meetings again (after attendance was recorded or changed)."""
        if self._repo.group(self._group_id) is None:  # not saved yet, or just deleted
            self.forget()
            return
        now = self._clock()
        start = period_start(now.astimezone(OSLO).date(), max(0, self.period.currentIndex()))
        history = group_history(self._repo, self._group_id, now, start=start,
                                language=current_language())
        self._history = history
        self.chart.set_series(chart_series(history.meetings))
        self.model.set_meetings(history.meetings)
        self._show_figures()

    def forget(self) -> None:
        """Show nothing (before a lock)."""
        self._history = None
        self.chart.set_series(ChartSeries(()))
        self.model.set_meetings(())
        self.figures.clear()

    @property
    def history(self) -> GroupHistory | None:
        return self._history

    def _show_figures(self) -> None:
        history = self._history
        if history is None:
            return
        self.figures.show_history(history)
        self.chart.setAccessibleDescription(self.figures.summary(history))

    def _on_period_current_index_changed(self, _index: int) -> None:
        self.refresh()

    # language ---------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.heading.setText(_("Attendance"))
        self.period_label.setText(_("&Show:"))
        for index, text in enumerate((_("Last three months"), _("Last twelve months"),
                                      _("All meetings"))):
            self.period.setItemText(index, text)
        self.tabs.setTabText(0, _("Chart"))
        self.tabs.setTabText(1, _("Table"))
        self.chart.setAccessibleName(_("Attendance chart"))
        self.table.setAccessibleName(_("Attendance table"))
        self.note.setText(_("Counts only: who came is never stored. Absences without notice "
                            "follow from the group's number of members on each day."))
        self.model.retranslate()
        self._show_figures()
        self.chart.update()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class _FiguresPanel(QWidget):
    """The simple figures as label pairs, two columns wide."""

    ROWS = ("average", "trend", "meetings", "newcomers", "notified", "unnotified")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(SPACING)
        self.names: dict[str, QLabel] = {}
        self.values: dict[str, QLabel] = {}
        for index, key in enumerate(self.ROWS):
            name, value = QLabel(self), QLabel(self)
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            row, column = index % 3, index // 3 * 2
            grid.addWidget(name, row, column, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(value, row, column + 1, Qt.AlignmentFlag.AlignTop)
            self.names[key], self.values[key] = name, value
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)

    def clear(self) -> None:
        for label in self.values.values():
            label.clear()

    def show_history(self, history: GroupHistory) -> None:
        self.names["average"].setText(_("Average present:"))
        self.names["trend"].setText(
            ngettext("Trend, last {count} recorded meeting:",
                     "Trend, last {count} recorded meetings:", TREND_MEETINGS)
            .format(count=TREND_MEETINGS))
        self.names["meetings"].setText(_("Meetings:"))
        self.names["newcomers"].setText(_("Newcomers:"))
        self.names["notified"].setText(_("Absent with notice:"))
        self.names["unnotified"].setText(_("Absent without notice:"))
        for key, text in self._texts(history).items():
            self.values[key].setText(text)

    def _texts(self, history: GroupHistory) -> dict[str, str]:
        f = history.figures
        average = (_("{average} per meeting").format(average=decimal(f.average_present))
                   if f.average_present is not None else _("Nothing recorded yet"))
        trend = trend_label(f.trend)
        if f.trend is not Trend.TOO_FEW and f.trend_change is not None:
            trend = _("{trend} ({change} people on average)").format(
                trend=trend, change=signed_decimal(f.trend_change))
        meetings = ngettext("{count} held", "{count} held", f.held).format(count=f.held)
        if f.unrecorded:
            meetings += ", " + ngettext("{count} not recorded", "{count} not recorded",
                                        f.unrecorded).format(count=f.unrecorded)
        if f.cancelled:
            meetings += ", " + ngettext("{count} cancelled", "{count} cancelled",
                                        f.cancelled).format(count=f.cancelled)
        if f.not_held:
            meetings += ", " + ngettext("{count} skipped", "{count} skipped",
                                        f.not_held).format(count=f.not_held)
        return {
            "average": average,
            "trend": trend,
            "meetings": meetings,
            "newcomers": str(f.newcomers),
            "notified": str(f.notified_absent),
            "unnotified": self._unnotified(history),
        }

    @staticmethod
    def _unnotified(history: GroupHistory) -> str:
        f = history.figures
        if f.absent_without_notice is None:
            return (_("Unknown: give the group's number of members")
                    if f.recorded else "")
        text = str(f.absent_without_notice)
        if f.unknown_members:
            text += " " + ngettext(
                "(not known for {count} meeting without a number of members)",
                "(not known for {count} meetings without a number of members)",
                f.unknown_members).format(count=f.unknown_members)
        return text

    def summary(self, history: GroupHistory) -> str:
        """One sentence for a screen reader, pointing to the table for the details."""
        texts = self._texts(history)
        return _("Average present: {average}. Trend: {trend}. Meetings: {meetings}. The "
                 "Table tab has every meeting's numbers.").format(
            average=texts["average"], trend=texts["trend"], meetings=texts["meetings"])


def period_start(today: date, index: int) -> date | None:
    """The first day shown for the period choice ``index`` (None: from the start)."""
    days = PERIOD_DAYS[index]
    return None if days is None else today - timedelta(days=days)
