"""The attendance chart, painted with QPainter: the one drawing path for screen and paper.

Bars show who came (newcomers hatched on top), the number of members is a dashed step
line, and meetings not held are marks of their own shape: a cross for cancelled, an
open ring for held but not recorded, a short dash for a pause or a skipped holiday.
Hidden small counts in a report are dashed, cross-hatched boxes. Nothing relies on colour
alone, so the chart reads the same printed in black and white. Sizes follow the
painter's font, so one function serves a widget's pixels and a PDF's millimetres.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date

from babel.numbers import format_decimal
from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPainterPath, QPen

from initiator_desktop.core.attendance_stats import ChartPoint, ChartSeries, Outcome
from initiator_desktop.core.small_counts import Figure, Shown
from initiator_desktop.i18n.formatting import babel_locale, format_date

NICE_BASES = (1, 2, 2.5, 5)
MAX_TICKS = 6


@dataclass(frozen=True, slots=True)
class ChartTexts:
    """The chart's words, already translated, and the language for its dates."""

    language: str
    present: str
    newcomers: str
    members: str
    cancelled: str
    unrecorded: str
    not_held: str
    hidden: str
    empty: str


@dataclass(frozen=True, slots=True)
class ChartStyle:
    ink: QColor  # text, axes, outlines, marks
    bar: QColor  # fill of the bars
    faint: QColor  # grid lines and the marks of meetings not held
    paper: QColor  # under hatching


PRINT_STYLE = ChartStyle(QColor("#1c1c1c"), QColor("#6b6b6b"), QColor("#b8b8b8"),
                         QColor("#ffffff"))


@dataclass(frozen=True, slots=True)
class _Frame:
    """Where things go: the plot area, the value scale and one slot per point."""

    plot: QRectF
    top_value: int
    step: int
    slot: float
    unit: float  # about a twelfth of a line of text: pen widths and gaps

    def y(self, value: float) -> float:
        return self.plot.bottom() - self.plot.height() * value / self.top_value

    def x(self, index: int) -> float:
        return self.plot.left() + self.slot * (index + 0.5)


def paint_attendance_chart(painter: QPainter, rect: QRectF, stats: ChartSeries,
                           texts: ChartTexts, style: ChartStyle = PRINT_STYLE) -> None:
    """Paint ``stats`` into ``rect`` with ``painter``'s font; the painter is restored."""
    painter.save()
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        metrics = QFontMetricsF(painter.font())
        points = stats.points
        if not points:
            painter.setPen(style.ink)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                             texts.empty)
            return
        legend_bottom = _paint_legend(painter, rect, _legend(points, texts), style, metrics)
        frame = _frame(rect, legend_bottom, points, stats.threshold, metrics, texts.language)
        _paint_grid(painter, frame, style, metrics, texts.language)
        for index, point in enumerate(points):
            _paint_point(painter, frame, index, point, style, metrics)
        _paint_members(painter, frame, points, style)
        _paint_dates(painter, frame, points, texts.language, style, metrics)
    finally:
        painter.restore()


# layout -------------------------------------------------------------------------------
def _exact(figure: Figure | None) -> int | None:
    return figure.value if figure is not None and not figure.hidden else None


def _frame(rect: QRectF, top: float, points: Sequence[ChartPoint], threshold: int | None,
           metrics: QFontMetricsF, language: str) -> _Frame:
    line = metrics.height()
    values = [v for p in points for v in (_exact(p.present), _exact(p.members)) if v]
    if threshold and any(p.present is not None and p.present.hidden for p in points):
        values.append(threshold)
    step, top_value = _scale(max(values, default=1))
    left = rect.left() + metrics.horizontalAdvance(_number(top_value, language)) + 0.6 * line
    plot = QRectF(QPointF(left, top + 0.9 * line),
                  QPointF(rect.right() - 0.3 * line, rect.bottom() - 1.5 * line))
    return _Frame(plot, top_value, step, plot.width() / len(points), line / 12)


def _scale(highest: int) -> tuple[int, int]:
    """A round step (1, 2, 2.5 or 5 times a power of ten) and a top value at least
    ``highest``, with at most six steps."""
    for step in _nice_steps():
        if math.ceil(highest / step) <= MAX_TICKS:
            return step, max(step, math.ceil(highest / step) * step)
    raise AssertionError("unreachable: the steps grow without end")


def _nice_steps() -> Iterator[int]:
    power = 1
    while True:
        for base in NICE_BASES:
            step = base * power
            if step == int(step):
                yield int(step)
        power *= 10


def _legend(points: Sequence[ChartPoint], texts: ChartTexts) -> list[tuple[str, str]]:
    outcomes = {p.outcome for p in points}
    items = [("present", texts.present)]
    if any((_exact(p.newcomers) or 0) > 0 for p in points):
        items.append(("newcomers", texts.newcomers))
    if any(_exact(p.members) is not None for p in points):
        items.append(("members", texts.members))
    for outcome, key, text in ((Outcome.UNRECORDED, "unrecorded", texts.unrecorded),
                               (Outcome.CANCELLED, "cancelled", texts.cancelled),
                               (Outcome.NOT_HELD, "not_held", texts.not_held)):
        if outcome in outcomes:
            items.append((key, text))
    if any(p.present is not None and p.present.hidden for p in points):
        items.append(("hidden", texts.hidden))
    return items


def _paint_legend(painter: QPainter, rect: QRectF, items: Sequence[tuple[str, str]],
                  style: ChartStyle, metrics: QFontMetricsF) -> float:
    """Swatches with their words, flowing into rows; returns the bottom of the legend."""
    line = metrics.height()
    swatch = QRectF(0, 0, 1.4 * line, 0.8 * line)
    start = rect.left() + line / 12  # room for half an outline
    x, y = start, rect.top()
    for key, text in items:
        width = swatch.width() + 0.4 * line + metrics.horizontalAdvance(text)
        if x > start and x + width > rect.right():
            x, y = start, y + 1.3 * line
        box = swatch.translated(x, y + (line - swatch.height()) / 2)
        _paint_swatch(painter, key, box, style, line / 12)
        painter.setPen(style.ink)
        painter.drawText(QPointF(box.right() + 0.4 * line, y + metrics.ascent()), text)
        x += width + 1.2 * line
    return y + line


def _paint_swatch(painter: QPainter, key: str, box: QRectF, style: ChartStyle,
                  unit: float) -> None:
    centre = box.center()
    size = min(box.width(), box.height())
    if key == "present":
        _bar(painter, box, style.bar, style, unit)
    elif key == "newcomers":
        _hatched(painter, box, style, unit, cross=False)
    elif key == "members":
        painter.setPen(_pen(style.ink, 1.6 * unit, dashed=True))
        painter.drawLine(QLineF(box.left(), centre.y(), box.right(), centre.y()))
    elif key == "hidden":
        _hatched(painter, box, style, unit, cross=True)
    else:
        _mark(painter, key, centre, size * 0.9, style, unit)


# drawing ------------------------------------------------------------------------------
def _pen(colour: QColor, width: float, *, dashed: bool = False) -> QPen:
    pen = QPen(colour)
    pen.setWidthF(width)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    if dashed:
        pen.setDashPattern([3.0, 2.0])
    return pen


def _paint_grid(painter: QPainter, frame: _Frame, style: ChartStyle,
                metrics: QFontMetricsF, language: str) -> None:
    plot = frame.plot
    for value in range(0, frame.top_value + 1, frame.step):
        y = frame.y(value)
        painter.setPen(_pen(style.faint if value else style.ink, frame.unit * (0.6 if value
                                                                             else 1.0)))
        painter.drawLine(QLineF(plot.left(), y, plot.right(), y))
        label = _number(value, language)
        painter.setPen(style.ink)
        painter.drawText(QPointF(plot.left() - 0.3 * metrics.height()
                                 - metrics.horizontalAdvance(label),
                                 y + metrics.ascent() / 2 - metrics.descent() / 2), label)


def _bar(painter: QPainter, box: QRectF, fill: QColor, style: ChartStyle,
         unit: float) -> None:
    painter.setPen(_pen(style.ink, 0.6 * unit))
    painter.setBrush(fill)
    painter.drawRect(box)
    painter.setBrush(Qt.BrushStyle.NoBrush)


def _hatched(painter: QPainter, box: QRectF, style: ChartStyle, unit: float, *,
             cross: bool) -> None:
    """A box of diagonal lines drawn one by one (a brush pattern would follow the
    device's pixels and come out as a grey smear in a 1200 dpi PDF)."""
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(style.paper)
    painter.drawRect(box)
    painter.setClipRect(box, Qt.ClipOperation.IntersectClip)
    # A hidden figure is a light lattice: present, but not a number to read off.
    painter.setPen(_pen(style.bar if cross else style.ink, 0.5 * unit))
    gap = (6.5 if cross else 4.5) * unit
    span = box.width() + box.height()
    offset = 0.0
    while offset <= span:
        x = box.left() + offset
        painter.drawLine(QLineF(x, box.bottom(), x - box.height(), box.top()))
        if cross:
            painter.drawLine(QLineF(x - box.height(), box.bottom(), x, box.top()))
        offset += gap
    painter.restore()
    painter.setPen(_pen(style.ink, 0.6 * unit, dashed=cross))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(box)


def _mark(painter: QPainter, key: str, centre: QPointF, size: float, style: ChartStyle,
          unit: float) -> None:
    half = size / 2
    if key == "cancelled":
        painter.setPen(_pen(style.ink, 1.4 * unit))
        painter.drawLine(QLineF(centre.x() - half, centre.y() - half,
                                centre.x() + half, centre.y() + half))
        painter.drawLine(QLineF(centre.x() - half, centre.y() + half,
                                centre.x() + half, centre.y() - half))
    elif key == "unrecorded":
        painter.setPen(_pen(style.ink, 1.2 * unit))
        painter.setBrush(style.paper)
        painter.drawEllipse(centre, half * 0.85, half * 0.85)
        painter.setBrush(Qt.BrushStyle.NoBrush)
    elif key == "not_held":
        painter.setPen(_pen(style.ink, 1.6 * unit))
        painter.drawLine(QLineF(centre.x() - half, centre.y(), centre.x() + half, centre.y()))


def _paint_point(painter: QPainter, frame: _Frame, index: int, point: ChartPoint,
                 style: ChartStyle, metrics: QFontMetricsF) -> None:
    centre_x = frame.x(index)
    width = max(frame.slot * 0.62, frame.unit)
    base = frame.plot.bottom()
    if point.outcome in (Outcome.CANCELLED, Outcome.UNRECORDED, Outcome.NOT_HELD):
        size = min(frame.slot * 0.7, metrics.height() * 0.7)
        key = {Outcome.CANCELLED: "cancelled", Outcome.UNRECORDED: "unrecorded",
               Outcome.NOT_HELD: "not_held"}[point.outcome]
        _mark(painter, key, QPointF(centre_x, base - size / 2 - frame.unit * 2), size,
              style, frame.unit)
        return
    if point.present is None:
        return
    left = centre_x - width / 2
    if point.present.hidden:
        height = base - frame.y(point.present.threshold - 1 if point.present.shown
                                is Shown.SMALL else point.present.threshold)
        _hatched(painter, QRectF(left, base - height, width, height), style, frame.unit,
                 cross=True)
        return
    present = point.present.value or 0
    new = min(_exact(point.newcomers) or 0, present)
    if present - new:
        _bar(painter, QRectF(QPointF(left, frame.y(present - new)), QPointF(left + width, base)),
             style.bar, style, frame.unit)
    if new:
        _hatched(painter, QRectF(QPointF(left, frame.y(present)),
                                 QPointF(left + width, frame.y(present - new))),
                 style, frame.unit, cross=False)


def _paint_members(painter: QPainter, frame: _Frame, points: Sequence[ChartPoint],
                   style: ChartStyle) -> None:
    """The number of members as a step line: level across each slot, a riser between."""
    path = QPainterPath()
    previous: int | None = None
    for index, point in enumerate(points):
        members = _exact(point.members)
        if members is None:
            previous = None
            continue
        left = frame.plot.left() + frame.slot * index
        y = frame.y(members)
        if previous is None:
            path.moveTo(left, y)
        else:
            path.lineTo(left, y)
        path.lineTo(left + frame.slot, y)
        previous = members
    if not path.isEmpty():
        painter.setPen(_pen(style.ink, 1.6 * frame.unit, dashed=True))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)


def _number(value: int, language: str) -> str:
    """Grouped the language's way: "10 000" in Norwegian, "10,000" in English."""
    return str(format_decimal(value, "#,##0", locale=babel_locale(language)))


# dates --------------------------------------------------------------------------------
def _date_label(point: ChartPoint, with_year: bool, language: str) -> str:
    if point.outcome is not Outcome.PERIOD:
        pattern = "d MMM" if language == "en" else "d. MMM"
        return format_date(point.day, pattern + (" y" if with_year else ""), language)
    months = (point.last_day.year - point.day.year) * 12 + point.last_day.month \
        - point.day.month + 1
    if months > 3:
        return format_date(point.day, "y", language)
    if months > 1:
        return format_date(point.day, "QQQ y" if with_year else "QQQ", language)
    return format_date(point.day, "LLL y" if with_year else "LLL", language)


def _paint_dates(painter: QPainter, frame: _Frame, points: Sequence[ChartPoint],
                 language: str, style: ChartStyle, metrics: QFontMetricsF) -> None:
    """Dates under the axis, as many as fit: the year on the first and where it turns."""
    widest = max(metrics.horizontalAdvance(_date_label(p, True, language))
                 for p in (points[0], points[-1]))
    every = max(1, math.ceil((widest + metrics.height()) / frame.slot))
    baseline = frame.plot.bottom() + 0.4 * metrics.height() + metrics.ascent()
    last_year: int | None = None
    right_edge = frame.plot.left() - metrics.height()
    painter.setPen(style.ink)
    for index in range(0, len(points), every):
        point = points[index]
        label = _date_label(point, point.day.year != last_year, language)
        width = metrics.horizontalAdvance(label)
        x = min(max(frame.x(index) - width / 2, frame.plot.left() - 0.5 * metrics.height()),
                frame.plot.right() - width)
        if x < right_edge:
            continue
        painter.drawText(QPointF(x, baseline), label)
        painter.drawLine(QLineF(frame.x(index), frame.plot.bottom(), frame.x(index),
                                frame.plot.bottom() + 0.25 * metrics.height()))
        right_edge = x + width + 0.5 * metrics.height()
        last_year = point.day.year


def first_and_last(points: Sequence[ChartPoint]) -> tuple[date, date] | None:
    """The span the chart covers, for a caption."""
    return (points[0].day, points[-1].last_day) if points else None
