"""Meeting mode's calm look: soft colours for a light and a dark palette, and large type.

Nothing flashes and nothing is red: a turn that runs long turns a warm sand, then a soft
clay, so the initiator notices without the room being alarmed.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from initiator_desktop.core.speaking_round import TurnPhase
from initiator_desktop.ui.style import is_dark

# Meeting mode's type is this much larger than the app's, so it reads from a chair.
BASE_SCALE = 1.45
GAP = 20
MIN_LABEL_WIDTH = 120
WIDE_GAP = 32


@dataclass(frozen=True, slots=True)
class MeetingColours:
    background: str
    card: str
    text: str
    muted: str
    accent: str
    current: str  # the current step's row
    nearly_up: str
    over: str
    border: str


LIGHT = MeetingColours(
    background="#f4f2ec", card="#fbfaf6", text="#2d3431", muted="#5d6964",
    accent="#3f6e5c", current="#dde8e1", nearly_up="#f3e3b8", over="#ecd0c3",
    border="#d9d5cb")
DARK = MeetingColours(
    background="#1d2321", card="#252c29", text="#e5e8e3", muted="#a5afaa",
    accent="#8fc2ab", current="#30403a", nearly_up="#4b4228", over="#4e3731",
    border="#3a433f")


def colours() -> MeetingColours:
    """The set that suits the system's palette (dark mode gives the dark set)."""
    return DARK if is_dark(QApplication.palette()) else LIGHT


def phase_colour(phase: TurnPhase, scheme: MeetingColours) -> str:
    return {TurnPhase.CALM: scheme.card, TurnPhase.NEARLY_UP: scheme.nearly_up,
            TurnPhase.OVER: scheme.over}[phase]


def meeting_palette(scheme: MeetingColours) -> QPalette:
    palette = QPalette(QApplication.palette())
    roles = {
        QPalette.ColorRole.Window: scheme.background,
        QPalette.ColorRole.WindowText: scheme.text,
        QPalette.ColorRole.Base: scheme.card,
        QPalette.ColorRole.AlternateBase: scheme.background,
        QPalette.ColorRole.Text: scheme.text,
        QPalette.ColorRole.Button: scheme.card,
        QPalette.ColorRole.ButtonText: scheme.text,
        QPalette.ColorRole.Highlight: scheme.current,
        QPalette.ColorRole.HighlightedText: scheme.text,
        QPalette.ColorRole.PlaceholderText: scheme.muted,
    }
    for role, value in roles.items():
        palette.setColor(role, QColor(value))
    return palette


def style_sheet(scheme: MeetingColours) -> str:
    """Rounded cards and soft buttons; plain widgets keep the palette's colours."""
    s = scheme
    return f"""
QFrame#card {{ background: {s.card}; border: 1px solid {s.border}; border-radius: 14px; }}
QPushButton {{ background: {s.card}; color: {s.text}; border: 1px solid {s.border};
               border-radius: 10px; padding: 10px 18px; }}
QPushButton:hover {{ border-color: {s.accent}; }}
QPushButton:focus {{ border: 2px solid {s.accent}; }}
QPushButton:disabled {{ color: {s.muted}; }}
QPushButton#step {{ padding: 0px; border-radius: 22px; }}
QPushButton#primary {{ background: {s.accent}; color: {s.card}; border-color: {s.accent}; }}
QListView {{ background: {s.background}; border: none; outline: none; }}
QListView::item {{ padding: 8px 10px; border-radius: 8px; color: {s.muted}; }}
QListView::item:selected {{ background: {s.current}; color: {s.text}; }}
QCheckBox {{ spacing: 14px; }}
QCheckBox::indicator {{ width: 24px; height: 24px; }}
QScrollBar:vertical {{ width: 12px; background: transparent; margin: 0; }}
QScrollBar::handle:vertical {{ background: {s.border}; border-radius: 6px; min-height: 40px; }}
QScrollBar::add-line:vertical, QScrollBar::sub-line:vertical {{ height: 0; }}
QScrollBar::add-page:vertical, QScrollBar::sub-page:vertical {{ background: none; }}
QScrollArea, QScrollArea > QWidget > QWidget {{ background: transparent; }}
QSpinBox, QDoubleSpinBox {{ background: {s.card}; color: {s.text};
                            border: 1px solid {s.border}; border-radius: 8px; }}
"""


def meeting_font(scale: float = 1.0, *, bold: bool = False) -> QFont:
    """Meeting mode's type: the app's font made larger, times ``scale``.

    Always from the app's font, never a parent's: with a style sheet set, Qt does not
    pass fonts down, so a parent's font may not be what it seems.
    """
    font = QFont(QApplication.font())
    font.setPointSizeF(max(8.0, font.pointSizeF() * BASE_SCALE * scale))
    font.setBold(bold)
    return font


def big_label(parent: QWidget, scale: float, *, bold: bool = False, wrap: bool = True) -> QLabel:
    label = QLabel(parent)
    label.setFont(meeting_font(scale, bold=bold))
    label.setWordWrap(wrap)
    # A wrapping label would otherwise ask for a width that keeps long text in few lines,
    # which pushes the window wider than the screen once the text is longer (Norwegian).
    label.setMinimumWidth(MIN_LABEL_WIDTH)
    return label


def muted_label(parent: QWidget, scale: float = 1.0, *, wrap: bool = True) -> QLabel:
    label = big_label(parent, scale, wrap=wrap)
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


def settle_fonts_and_colours(root: QWidget) -> None:
    """Give every widget under ``root`` without a font or palette of its own the root's.

    With a style sheet set, Qt no longer hands fonts and palettes down to children, so
    meeting mode's larger type and calm colours would stop at the window; this hands them
    down once, explicitly.
    """
    font, palette = root.font(), root.palette()
    for widget in root.findChildren(QWidget):
        if not widget.testAttribute(Qt.WidgetAttribute.WA_SetFont):
            widget.setFont(font)
        if not widget.testAttribute(Qt.WidgetAttribute.WA_SetPalette):
            widget.setPalette(palette)
