"""A slide drawn to fill its widget: large calm type, generous margins, good contrast.

The sizes follow the widget (so the speaker view's preview is the same slide, small), and
the body shrinks step by step until it fits. Section bodies go through the safe document
(pack images only); everything else is escaped plain text.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
    QTextDocument,
    QTextOption,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from initiator_desktop.ui.training.markdown_view import (
    ImageSource,
    SafeTextDocument,
    fit_images,
    no_images,
    set_safe_markdown,
    space_blocks,
    style_headings,
)
from initiator_desktop.ui.training.presenter.slide_content import (
    Palette,
    SlideContent,
    body_html,
)
from initiator_desktop.ui.training.presenter.timers import Phase

BACKGROUND = QColor("#faf8f4")
COLOURS = Palette()
TIMER_COLOURS = {  # background, text: calm, then a gentle amber, then a soft terracotta
    Phase.CALM: (QColor("#e6efee"), QColor("#24585b")),
    Phase.NEAR_END: (QColor("#f6e6c4"), QColor("#7a5514")),
    Phase.OVER: (QColor("#f3d9cf"), QColor("#8c3b22")),
}
MIN_BODY_SHARE = 0.45


@dataclass
class _Layout:
    unit: float
    margin_x: float
    top: float
    bottom: float
    kicker: QFont
    title: QTextDocument
    body: QTextDocument
    title_height: float
    body_top: float


def _font(family: str, px: float, bold: bool = False) -> QFont:
    font = QFont(family)
    font.setPixelSize(max(6, round(px)))
    font.setBold(bold)
    return font


def _draw(painter: QPainter, document: QTextDocument, at: QPointF) -> None:
    """Draw in the slide's own ink: the app palette may be dark, the slide is not."""
    context = QAbstractTextDocumentLayout.PaintContext()
    palette = QPalette(context.palette)
    palette.setColor(QPalette.ColorRole.Text, QColor(COLOURS.text))
    context.palette = palette
    painter.save()
    painter.translate(at)
    document.documentLayout().draw(painter, context)
    painter.restore()


class SlideView(QWidget):
    """Shows one ``SlideContent``; black while blank. Never takes the keyboard focus."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.content: SlideContent | None = None
        self.blank = False
        self.images: ImageSource = no_images
        self.timer_text = ""
        self.timer_phase = Phase.CALM
        self.note = ""  # a line for the speaker's preview only, e.g. "blank"
        self._layout: _Layout | None = None
        self.body_px = 0.0
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    def sizeHint(self) -> QSize:
        return QSize(640, 360)

    def show_slide(self, content: SlideContent | None, images: ImageSource = no_images, *,
                   blank: bool = False) -> None:
        self.content, self.images, self.blank = content, images, blank
        self._layout = None
        self.update()

    def set_timer(self, text: str, phase: Phase) -> None:
        if (text, phase) != (self.timer_text, self.timer_phase):
            self.timer_text, self.timer_phase = text, phase
            self.update()

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._layout = None
        super().resizeEvent(event)

    # layout -----------------------------------------------------------------------------
    def _family(self) -> str:
        return self.font().family()

    def _title_doc(self, text: str, px: float, width: float) -> QTextDocument:
        doc = QTextDocument()
        doc.setDocumentMargin(0)
        doc.setDefaultFont(_font(self._family(), px, bold=True))
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WordWrap)
        doc.setDefaultTextOption(option)
        doc.setPlainText(text)
        space_blocks(doc, 112)
        doc.setTextWidth(width)
        return doc

    def _body_doc(self, content: SlideContent, px: float, width: float,
                  height: float) -> QTextDocument:
        doc = SafeTextDocument(self.images)
        doc.setDocumentMargin(0)
        doc.setDefaultFont(_font(self._family(), px))
        doc.setDefaultStyleSheet(f"body {{ color: {COLOURS.text}; }}")
        if content.markdown:
            set_safe_markdown(doc, content.markdown)
            style_headings(doc)
            fit_images(doc, width * 0.6, max(height * 0.55, 1))
        else:
            doc.setHtml(body_html(content.blocks, px, COLOURS))
        space_blocks(doc, 130)
        doc.setTextWidth(width)
        return doc

    def _compute(self, content: SlideContent) -> _Layout:
        w, h = float(self.width()), float(self.height())
        unit = min(h, w * 9 / 16)
        margin_x, top, bottom = w * 0.075, h * 0.085, h * 0.1
        width = max(w - 2 * margin_x, 10)
        kicker = _font(self._family(), unit * 0.03, bold=True)
        kicker.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 108)
        kicker_h = unit * 0.03 * 1.9
        title_px = unit * (0.085 if content.centred else 0.062)
        title_width = width - (self._timer_width(unit) + unit * 0.04 if content.timer else 0)
        title = self._title_doc(content.title, title_px, title_width)
        while title.size().height() > h * 0.3 and title_px > unit * 0.035:
            title_px *= 0.92
            title = self._title_doc(content.title, title_px, title_width)
        title_h = title.size().height()
        body_top = top + kicker_h + title_h + unit * 0.06
        room = max(h - bottom - body_top, h * 0.2)
        body_px = unit * 0.042
        body = self._body_doc(content, body_px, width, room)
        while body.size().height() > room and body_px > unit * 0.018:
            body_px *= 0.93
            body = self._body_doc(content, body_px, width, room)
        self.body_px = body_px
        if content.centred:  # a title slide: the block sits a little above the middle
            used = body_top + body.size().height() - top
            shift = max(0.0, (h - used) / 2 - top - h * 0.04)
            top, body_top = top + shift, body_top + shift
        return _Layout(unit, margin_x, top, bottom, kicker, title, body, title_h, body_top)

    # painting ---------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        if self.blank or self.content is None:
            painter.fillRect(self.rect(), QColor("black"))
            self._paint_note(painter)
            painter.end()
            return
        painter.fillRect(self.rect(), BACKGROUND)
        if self._layout is None:
            self._layout = self._compute(self.content)
        self._paint_slide(painter, self.content, self._layout)
        self._paint_note(painter)
        painter.end()

    def _paint_slide(self, painter: QPainter, content: SlideContent, lay: _Layout) -> None:
        unit, x = lay.unit, lay.margin_x
        painter.setFont(lay.kicker)
        painter.setPen(QColor(COLOURS.accent))
        painter.drawText(QPointF(x, lay.top + unit * 0.03), content.kicker.upper())
        title_top = lay.top + unit * 0.03 * 1.9
        _draw(painter, lay.title, QPointF(x, title_top))
        rule_y = title_top + lay.title_height + unit * 0.028
        painter.setPen(QPen(QColor(COLOURS.accent), max(2.0, unit * 0.005)))
        painter.drawLine(QPointF(x, rule_y), QPointF(x + unit * 0.09, rule_y))
        _draw(painter, lay.body, QPointF(x, lay.body_top))
        self._paint_footer(painter, content, lay)
        if content.timer and self.timer_text:
            self._paint_timer(painter, lay)

    def _paint_footer(self, painter: QPainter, content: SlideContent, lay: _Layout) -> None:
        if not content.footer:
            return
        painter.setFont(_font(self._family(), lay.unit * 0.022))
        painter.setPen(QColor(COLOURS.muted))
        baseline = self.height() - lay.bottom * 0.45
        painter.drawText(QPointF(lay.margin_x, baseline), content.footer)

    def _timer_font(self, unit: float) -> QFont:
        return _font(self._family(), unit * 0.05, bold=True)

    def _timer_width(self, unit: float) -> float:
        # Room for the widest text the timer shows ("+10:00"), so the title never moves.
        metrics = QFontMetricsF(self._timer_font(unit))
        return metrics.horizontalAdvance("+00:00") + unit * 0.06

    def _paint_timer(self, painter: QPainter, lay: _Layout) -> None:
        fill, ink = TIMER_COLOURS[self.timer_phase]
        painter.setFont(self._timer_font(lay.unit))
        metrics = painter.fontMetrics()
        pad = lay.unit * 0.02
        width = metrics.horizontalAdvance(self.timer_text) + pad * 3
        height = metrics.height() + pad
        rect = QRectF(self.width() - lay.margin_x - width, lay.top - pad, width, height)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawRoundedRect(rect, height / 2, height / 2)
        painter.setPen(ink)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self.timer_text)

    def _paint_note(self, painter: QPainter) -> None:
        if not self.note:
            return
        painter.setFont(_font(self._family(), max(12.0, self.height() * 0.06)))
        painter.setPen(QColor("#d0d0d0") if self.blank else QColor(COLOURS.muted))
        painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.note)
