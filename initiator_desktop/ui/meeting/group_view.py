"""The group view: the screen turned toward the room, with the group's frames and nothing else.

It is built from frame texts alone (no group, no repository), so it cannot show a name,
a theme, a time or a contact. The type shrinks only as far as needed to fit the screen.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from initiator_desktop.core.models import FrameText
from initiator_desktop.i18n import _
from initiator_desktop.ui.meeting.meeting_style import GAP, WIDE_GAP, big_label, meeting_font

_SCALES = (1.0, 0.9, 0.8, 0.7, 0.62)
_TITLE, _BODY, _HEADING = 1.75, 1.3, 2.2


class GroupView(QWidget):
    """``back_requested`` when the initiator turns the screen back to the run sheet."""

    back_requested = Signal()

    def __init__(self, frames: Sequence[FrameText], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._scale = 1.0
        self.heading = big_label(self, _HEADING, bold=True)
        self.heading.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.inner = QWidget(self)
        self.grid = QGridLayout(self.inner)
        self.grid.setSpacing(WIDE_GAP)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.titles: list[QLabel] = []
        self.bodies: list[QLabel] = []
        self._card_layouts: list[QVBoxLayout] = []
        columns = 2 if len(frames) > 3 else 1
        for index, text in enumerate(frames):
            self.grid.addWidget(self._card(text), index // columns, index % columns)
        self.grid.setRowStretch(self.grid.rowCount(), 1)
        self.scroll = QScrollArea(self)
        self.scroll.setWidget(self.inner)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        # The list takes the room there is; its full length must not make the window grow.
        self.scroll.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        self.back_button = QPushButton(self)
        self.back_button.clicked.connect(self.back_requested)
        # The way back sits in the corner, out of the room's way; the heading stays centred.
        top = QHBoxLayout()
        top.addSpacing(self.back_button.sizeHint().width())
        top.addWidget(self.heading, 1)
        top.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignTop)
        column = QVBoxLayout(self)
        column.setContentsMargins(WIDE_GAP * 2, GAP, WIDE_GAP, WIDE_GAP)
        column.setSpacing(GAP)
        column.addLayout(top)
        column.addWidget(self.scroll, 1)
        self.retranslate()

    def _card(self, text: FrameText) -> QFrame:
        card = QFrame(self.inner)
        card.setObjectName("card")
        title = big_label(card, _TITLE, bold=True)
        title.setTextFormat(Qt.TextFormat.PlainText)
        title.setText(text.title)
        self.titles.append(title)
        column = QVBoxLayout(card)
        column.setSpacing(GAP // 2)
        self._card_layouts.append(column)
        column.addWidget(title)
        if text.body:
            body = big_label(card, _BODY)
            body.setTextFormat(Qt.TextFormat.PlainText)
            body.setText(text.body)
            self.bodies.append(body)
            column.addWidget(body)
        column.addStretch(1)
        return card

    def frame_texts(self) -> list[str]:
        return [label.text() for label in self.titles + self.bodies]

    def _apply_scale(self, scale: float) -> None:
        self._scale = scale
        for labels, size in ((self.titles, _TITLE), (self.bodies, _BODY)):
            for label in labels:
                label.setFont(meeting_font(size * scale, bold=size == _TITLE))

    def _room(self) -> tuple[int, int]:
        """The frames' width and height, from this widget's own size.

        Not from the scroll area: while this page is hidden its children are not resized.
        """
        layout = self.layout()
        margins = layout.contentsMargins()
        top = max(self.heading.sizeHint().height(), self.back_button.sizeHint().height())
        return (self.width() - margins.left() - margins.right(),
                self.height() - margins.top() - margins.bottom() - top - layout.spacing())

    def _fits(self) -> bool:
        width, height = self._room()
        if self.grid.hasHeightForWidth():
            needed = self.grid.totalHeightForWidth(width)
        else:
            needed = self.inner.sizeHint().height()
        return needed <= height

    def fit_to_screen(self) -> None:
        """The largest type at which all the frames fit without scrolling.

        When even the smallest size does not fit, the explanations give way and the
        titles stay large: across a room, a title read well helps more than small print.
        """
        for with_bodies in (True, False):
            self._set_compact(not with_bodies)
            for scale in _SCALES:
                self._apply_scale(scale)
                self.grid.invalidate()
                if self._fits():
                    return

    def _set_compact(self, compact: bool) -> None:
        """Titles alone, closer together; or each frame with its explanation."""
        for body in self.bodies:
            body.setVisible(not compact)
        self.grid.setSpacing(GAP // 2 if compact else WIDE_GAP)
        for column in self._card_layouts:
            if compact:
                column.setContentsMargins(GAP, GAP // 2, GAP, GAP // 2)
            else:
                column.setContentsMargins(GAP + 4, GAP, GAP + 4, GAP)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_to_screen()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.fit_to_screen()

    def retranslate(self) -> None:
        self.heading.setText(_("Our frames"))
        self.back_button.setText(_("&Back"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
