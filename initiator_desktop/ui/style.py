"""Small building blocks for a calm, consistent look: spacing, hints, errors, headings.

Colours come from the palette (or are picked to suit a light or dark palette), so the
same widgets read well in dark mode. No widget-specific layout lives here.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGroupBox,
    QLabel,
    QLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

SPACING = 12
WIDE_SPACING = 16
MARGIN = 16
MIN_POINT_SIZE = 10.0
SHORT_FIELD_WIDTH = 170
CHOICE_FIELD_WIDTH = 380

_ERROR_ON_LIGHT = QColor("#a4262c")
_ERROR_ON_DARK = QColor("#f1a7a7")


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def hint_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """A discreet grey note under a field; grey comes from the palette's placeholder colour."""
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    return label


def heading_label(text: str = "", parent: QWidget | None = None, scale: float = 1.35) -> QLabel:
    label = QLabel(text, parent)
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    label.setFont(font)
    label.setWordWrap(True)
    return label


def section_box(parent: QWidget | None = None) -> QGroupBox:
    """A titled section of a page; the caller sets the title in its ``retranslate``."""
    box = QGroupBox(parent)
    font = QFont(box.font())
    font.setBold(True)
    box.setFont(font)
    return box


def plain_font(widget: QWidget) -> None:
    """Undo an inherited bold font (children of a bold section title inherit it)."""
    font = QFont(widget.font())
    font.setBold(False)
    widget.setFont(font)


class ErrorLabel(QLabel):
    """A short inline error in a red that suits the palette; hidden while empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._apply_colour()
        self.hide()

    def show_message(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))

    def clear_message(self) -> None:
        self.show_message("")

    def _apply_colour(self) -> None:
        palette = QPalette(self.palette())
        colour = _ERROR_ON_DARK if is_dark(palette) else _ERROR_ON_LIGHT
        palette.setColor(QPalette.ColorRole.WindowText, colour)
        self.setPalette(palette)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.ApplicationPaletteChange:
            self._apply_colour()
        super().changeEvent(event)


class NoteFrame(QFrame):
    """A softly shaded box for a note that must be seen, such as the demo passphrase."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACING, SPACING - 4, SPACING, SPACING - 4)
        layout.addWidget(self.label)


def field_block(label: QLabel, field: QWidget | QLayout, *below: QWidget) -> QVBoxLayout:
    """A label above its field, with notes below: reads calmer than labels to the left."""
    block = QVBoxLayout()
    block.setSpacing(4)
    block.addWidget(label)
    if isinstance(field, QLayout):
        block.addLayout(field)
    else:
        block.addWidget(field)
        label.setBuddy(field.focusProxy() or field)
    for widget in below:
        block.addWidget(widget)
    return block


def align_label_columns(forms: Iterable[QFormLayout]) -> None:
    """Give every form the same label width, so the sections of a page line up."""
    labels = []
    for form in forms:
        for row in range(form.rowCount()):
            item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            if item is not None and item.widget() is not None:
                labels.append(item.widget())
    width = max((label.sizeHint().width() for label in labels), default=0)
    for label in labels:
        label.setMinimumWidth(width)


def button_column(*groups: Iterable[QPushButton]) -> QVBoxLayout:
    """Buttons stacked beside a table, groups apart; none of them reacts to Enter."""
    column = QVBoxLayout()
    column.setSpacing(8)
    for index, group in enumerate(groups):
        if index:
            column.addSpacing(SPACING)
        for button in group:
            button.setAutoDefault(False)
            column.addWidget(button)
    column.addStretch(1)
    return column
