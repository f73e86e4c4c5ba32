"""A number with big minus and plus buttons either side, easy to hit in a hurry."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QHBoxLayout,
    QPushButton,
    QSpinBox,
    QWidget,
)

from initiator_desktop.core.models import MAX_COUNT
from initiator_desktop.ui.meeting.meeting_style import meeting_font


class Stepper(QWidget):
    """A spin box of ``kind`` (it keeps the value and can be typed in) between − and +."""

    def __init__(self, kind: type[QSpinBox] | type[QDoubleSpinBox], scale: float,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Made here with its parent: a widget made parentless and adopted later belongs to
        # Python, which can delete it under Qt's feet when the window is collected.
        self.spin = spin = kind(self)
        # WORKAROUND(qt-6.8): NoButtons together with a style-sheet border leaves the text
        # field one pixel wide; keep the buttons and give them no width instead.
        spin.setStyleSheet("QAbstractSpinBox::up-button, QAbstractSpinBox::down-button "
                           "{ width: 0px; border: none; }")
        spin.setAlignment(Qt.AlignmentFlag.AlignCenter)
        spin.setFont(meeting_font(scale, bold=True))
        self.fit_width()
        spin.setMinimumHeight(round(spin.fontMetrics().height() * 1.9))
        self.minus, self.plus = QPushButton("−", self), QPushButton("+", self)
        for button, step in ((self.minus, -1), (self.plus, 1)):
            button.setFont(meeting_font(scale, bold=True))
            button.setObjectName("step")
            side = round(button.fontMetrics().height() * 1.9)
            button.setFixedSize(side, side)
            button.setAutoRepeat(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _checked=False, s=step: self.spin.stepBy(s))
        self.setFocusProxy(spin)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        row.addWidget(self.minus)
        row.addWidget(spin)
        row.addWidget(self.plus)


    def fit_width(self) -> None:
        """Wide enough for the largest value (call again after changing the range)."""
        spin = self.spin
        widest = max(spin.textFromValue(spin.maximum()), "00", key=len)  # type: ignore[arg-type]
        spin.setFixedWidth(spin.fontMetrics().horizontalAdvance(widest) + 36)


class CountStepper(Stepper):
    """A whole number of people, 0 to the most a record allows."""

    def __init__(self, scale: float, parent: QWidget | None = None) -> None:
        super().__init__(QSpinBox, scale, parent)
        self.spin.setRange(0, MAX_COUNT)
        self.fit_width()

    def value(self) -> int:
        return int(self.spin.value())

    def set_value(self, value: int) -> None:
        self.spin.setValue(value)
