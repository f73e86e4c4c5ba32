"""Painting laid-out sheets onto a QPrinter or a QPdfWriter: the one drawing path.

Text is drawn as text in the bundled fonts (embedded in a PDF, selectable), line by
line exactly where the layout put it. The painter is scaled to the layout's 1/100 mm
grid, so the same sheets come out the same on any device resolution.
"""

from __future__ import annotations

from PySide6.QtCore import QMarginsF, QPointF, Qt
from PySide6.QtGui import QColor, QPagedPaintDevice, QPageLayout, QPageSize, QPainter, QPen
from PySide6.QtPrintSupport import QPrinter

from initiator_desktop.printing.page_geometry import Card, Ink, PageSet, Sheet, Stroke, TextBox
from initiator_desktop.printing.text_measure import MM_PER_PT, UNITS_PER_MM, make_font

# Near-black text and one muted blue-green accent: both stay dark enough to read when
# printed in black and white.
COLOURS = {
    Ink.TEXT: QColor("#1c1c1c"),
    Ink.MUTED: QColor("#585858"),
    Ink.ACCENT: QColor("#2c5d63"),
    Ink.MARK: QColor("#000000"),
    Ink.FAINT: QColor("#a0a0a0"),
}

_PAGE_SIZES = {"A4": QPageSize.PageSizeId.A4, "A5": QPageSize.PageSizeId.A5}


class PaintFailed(OSError):
    """The device refused to start painting (for a PDF: the file could not be opened)."""


def prepare_device(device: QPagedPaintDevice, pages: PageSet) -> None:
    """Paper size and orientation from the layout; the layout keeps its own margins."""
    device.setPageSize(QPageSize(_PAGE_SIZES[pages.page_size]))
    orientation = (QPageLayout.Orientation.Landscape if pages.landscape
                   else QPageLayout.Orientation.Portrait)
    device.setPageOrientation(orientation)
    if isinstance(device, QPrinter):
        # The painter's origin is then the paper's corner, whatever the printer's margins.
        device.setFullPage(True)
    else:
        device.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)


def paint_pages(device: QPagedPaintDevice, pages: PageSet) -> None:
    """Paint every sheet of ``pages`` onto ``device``, one sheet per page."""
    prepare_device(device, pages)
    painter = QPainter()
    if not painter.begin(device):
        raise PaintFailed("the printer or file could not be opened for painting")
    try:
        _paint_sheets(painter, device, pages)
    finally:
        painter.end()


def _paint_sheets(painter: QPainter, device: QPagedPaintDevice, pages: PageSet) -> None:
    scale_x = device.logicalDpiX() / 25.4 / UNITS_PER_MM
    scale_y = device.logicalDpiY() / 25.4 / UNITS_PER_MM
    for index, sheet in enumerate(pages.sheets):
        if index:
            device.newPage()
        painter.save()
        painter.scale(scale_x, scale_y)
        _paint_sheet(painter, sheet)
        painter.restore()


def _paint_sheet(painter: QPainter, sheet: Sheet) -> None:
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    for card in sheet.cards:
        _paint_card(painter, card)
    for stroke in sheet.marks:
        _paint_stroke(painter, stroke)


def _paint_card(painter: QPainter, card: Card) -> None:
    painter.save()
    u = UNITS_PER_MM
    if card.rotated:
        painter.translate(card.rect.right * u, card.rect.bottom * u)
        painter.rotate(180.0)
    else:
        painter.translate(card.rect.x * u, card.rect.y * u)
    for stroke in card.strokes:
        _paint_stroke(painter, stroke)
    for box in card.boxes:
        _paint_text(painter, box)
    painter.restore()


def _paint_text(painter: QPainter, box: TextBox) -> None:
    painter.setFont(make_font(box.size_pt, box.bold))
    painter.setPen(COLOURS[box.ink])
    u = UNITS_PER_MM
    for line in box.lines:
        if line.text:
            painter.drawText(QPointF(line.x * u, line.baseline * u), line.text)


def _paint_stroke(painter: QPainter, stroke: Stroke) -> None:
    u = UNITS_PER_MM
    pen = QPen(COLOURS[stroke.ink])
    pen.setWidthF(stroke.width_pt * MM_PER_PT * u)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    if stroke.dashed:
        pen.setDashPattern([6.0, 4.0])
    painter.setPen(pen)
    painter.drawLine(QPointF(stroke.x1 * u, stroke.y1 * u), QPointF(stroke.x2 * u, stroke.y2 * u))
