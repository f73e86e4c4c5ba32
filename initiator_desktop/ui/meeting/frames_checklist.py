"""The frames item by item, each with an "agreed" tick, and the button that records it.

Recording the agreement belongs to the frames feature: this widget only calls the
function it was given (``on_agreed(count)``); without one the ticks are a reading aid.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from initiator_desktop.core.errors import DomainError
from initiator_desktop.core.models import FrameText
from initiator_desktop.i18n import _, ngettext
from initiator_desktop.ui.field_errors import error_text
from initiator_desktop.ui.meeting.meeting_style import GAP, meeting_font, muted_label


class FramesChecklist(QWidget):
    """``ticks_changed(count)`` whenever a tick is set or taken away."""

    ticks_changed = Signal(int)

    def __init__(self, frames: Sequence[FrameText], on_agreed: Callable[[int], None] | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._on_agreed = on_agreed
        self._saved_count: int | None = None
        self.boxes: list[QCheckBox] = []
        inner = QWidget(self)
        rows = QVBoxLayout(inner)
        rows.setSpacing(GAP // 2)
        rows.setContentsMargins(0, 0, GAP // 2, 0)
        for text in frames:
            rows.addLayout(self._row(inner, text))
        self.empty_note = muted_label(self)
        self.empty_note.setVisible(not frames)
        rows.addStretch(1)
        self.scroll = QScrollArea(self)
        self.scroll.setWidget(inner)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        # The list takes the room there is; its full length must not make the window grow.
        self.scroll.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        self.agreed_button = QPushButton(self)
        self.agreed_button.setObjectName("primary")
        self.agreed_button.setVisible(on_agreed is not None and bool(frames))
        self.agreed_button.clicked.connect(self._on_agreed_button_clicked)
        self.status = muted_label(self)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.agreed_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.empty_note)
        column.addWidget(self.scroll, 1)
        column.addLayout(bottom)
        self.retranslate()

    def _row(self, parent: QWidget, text: FrameText) -> QVBoxLayout:
        box = QCheckBox(text.title, parent)
        box.setFont(meeting_font(1.1, bold=True))
        box.toggled.connect(self._on_box_toggled)
        self.boxes.append(box)
        row = QVBoxLayout()
        row.setSpacing(2)
        row.addWidget(box)
        if text.body:
            body = QLabel(text.body, parent)
            body.setFont(meeting_font(0.9))
            body.setForegroundRole(QPalette.ColorRole.PlaceholderText)
            body.setWordWrap(True)
            body.setIndent(24 + 14)  # under the title: the tick (24 px) and its spacing (14 px)
            body.setTextFormat(Qt.TextFormat.PlainText)
            row.addWidget(body)
        return row

    def ticked(self) -> int:
        return sum(box.isChecked() for box in self.boxes)

    def _on_box_toggled(self, _checked: bool) -> None:
        self._saved_count = None
        self.retranslate()
        self.ticks_changed.emit(self.ticked())

    def _on_agreed_button_clicked(self) -> None:
        if self._on_agreed is None:
            return
        count = self.ticked()
        try:
            self._on_agreed(count)
        except DomainError as err:
            self.status.setText(error_text(err))
            return
        self._saved_count = count
        self.retranslate()

    def retranslate(self) -> None:
        count, total = self.ticked(), len(self.boxes)
        self.empty_note.setText(_("This group has no frames yet. They can be added on the "
                                  "group's page."))
        self.agreed_button.setText(_("The group agreed"))
        self.agreed_button.setEnabled(count > 0)
        if self._saved_count is not None:
            note = ngettext("Saved: the group agreed on {count} frame.",
                            "Saved: the group agreed on {count} frames.",
                            self._saved_count).format(count=self._saved_count)
        elif total:
            note = _("{count} of {total} agreed").format(count=count, total=total)
        else:
            note = ""
        self.status.setText(note)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
