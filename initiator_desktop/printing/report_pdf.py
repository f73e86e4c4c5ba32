"""The report as a PDF: the laid-out pages painted with QPdfWriter, charts included.

Text is real text in the bundled DejaVu fonts (embedded, selectable, searchable); the
charts come from ``attendance_chart``, the code that paints the history on screen. The
document's title is neutral: never a group's name or theme.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QLineF, QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter, QPen

from initiator_desktop.atomic_files import write_atomically
from initiator_desktop.core.reports import Report
from initiator_desktop.i18n import current_language
from initiator_desktop.printing.attendance_chart import PRINT_STYLE, paint_attendance_chart
from initiator_desktop.printing.page_painter import COLOURS, PaintFailed
from initiator_desktop.printing.pdf_file import CREATOR, PDF_RESOLUTION
from initiator_desktop.printing.report_layout import (
    CHART_PT,
    ReportPage,
    ReportPages,
    layout_report,
)
from initiator_desktop.printing.text_measure import MM_PER_PT, UNITS_PER_MM, make_font


def report_pdf_bytes(report: Report, language: str | None = None) -> bytes:
    """The whole PDF for ``report``, in ``language`` (default: the current one)."""
    return pages_pdf_bytes(layout_report(report, language or current_language()), report)


def write_report_pdf(path: Path, report: Report, language: str | None = None) -> None:
    """Replace ``path`` with the report's PDF; an OSError says what went wrong."""
    write_atomically(Path(path), report_pdf_bytes(report, language))


def pages_pdf_bytes(pages: ReportPages, report: Report) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(PDF_RESOLUTION)
    writer.setTitle(pages.title)
    writer.setCreator(CREATOR)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageOrientation(QPageLayout.Orientation.Portrait)
    writer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
    painter = QPainter()
    if not painter.begin(writer):
        raise PaintFailed("the PDF could not be opened for painting")
    try:
        scale = writer.logicalDpiX() / 25.4 / UNITS_PER_MM
        for index, page in enumerate(pages.pages):
            if index:
                writer.newPage()
            painter.save()
            painter.scale(scale, writer.logicalDpiY() / 25.4 / UNITS_PER_MM)
            _paint_page(painter, page, pages, report)
            painter.restore()
    finally:
        painter.end()
    del writer  # the document is complete once the painter has ended
    buffer.close()
    return bytes(data.data())


def _paint_page(painter: QPainter, page: ReportPage, pages: ReportPages,
                report: Report) -> None:
    u = UNITS_PER_MM
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    for rule in page.rules:
        pen = QPen(COLOURS[rule.ink])
        pen.setWidthF(rule.width_pt * MM_PER_PT * u)
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        painter.setPen(pen)
        painter.drawLine(QLineF(rule.x1 * u, rule.y1 * u, rule.x2 * u, rule.y2 * u))
    for line in page.lines:
        painter.setFont(make_font(line.size_pt, line.bold))
        painter.setPen(COLOURS[line.ink])
        painter.drawText(QPointF(line.x * u, line.baseline * u), line.text)
    for box in page.charts:
        painter.setFont(make_font(CHART_PT))
        rect = QRectF(box.rect.x * u, box.rect.y * u, box.rect.w * u, box.rect.h * u)
        paint_attendance_chart(painter, rect, report.charts[box.index].series,
                               pages.chart_texts, PRINT_STYLE)
