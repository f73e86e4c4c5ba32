"""Measuring and breaking text in the bundled fonts, exactly as the painter will draw it.

Fonts are sized in pixels of a fine device-independent grid (1/100 mm) rather than in
points, so a measurement does not depend on the screen's or the printer's resolution:
the painter scales the same grid onto the page. Needs a QGuiApplication.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from PySide6.QtGui import QFont, QFontMetricsF, QTextLayout, QTextOption

from initiator_desktop.printing.fonts import SANS, register_bundled_fonts

UNITS_PER_MM = 100.0
MM_PER_PT = 25.4 / 72.0
_BLANK_RUN = re.compile(r"\n[ \t]*(\n[ \t]*)+")


def pixel_size(size_pt: float) -> int:
    """The font's pixel size on the 1/100 mm grid."""
    return max(1, round(size_pt * MM_PER_PT * UNITS_PER_MM))


def make_font(size_pt: float, bold: bool = False) -> QFont:
    """DejaVu Sans at ``size_pt``, unhinted so that widths scale linearly to any device."""
    register_bundled_fonts()
    font = QFont(SANS)
    font.setPixelSize(pixel_size(size_pt))
    font.setBold(bold)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    font.setKerning(True)
    # Without ligatures a PDF viewer finds "fire" where "ﬁre" would not match a search.
    font.setFeature(QFont.Tag("liga"), 0)
    return font


def clean_text(text: str) -> str:
    """Text as it may be printed: no control characters, no runs of blank lines.

    User text can hold anything; tabs and other control characters become spaces,
    and several empty lines in a row become one paragraph break.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = "".join(
        ch if ch == "\n" or unicodedata.category(ch) not in ("Cc", "Zl", "Zp") else " "
        for ch in text
    )
    text = _BLANK_RUN.sub("\n\n", text)
    return "\n".join(line.rstrip() for line in text.strip().split("\n"))


@dataclass(frozen=True, slots=True)
class FontMetrics:
    ascent: float  # mm
    descent: float  # mm


@lru_cache(maxsize=256)
def font_metrics(size_pt: float, bold: bool = False) -> FontMetrics:
    metrics = QFontMetricsF(make_font(size_pt, bold))
    return FontMetrics(metrics.ascent() / UNITS_PER_MM, metrics.descent() / UNITS_PER_MM)


@lru_cache(maxsize=8192)
def wrap(text: str, size_pt: float, bold: bool, width_mm: float) -> tuple[tuple[str, float], ...]:
    """``text`` broken into lines no wider than ``width_mm``: (line text, width in mm).

    Lines break at word boundaries, or inside a word only when the word alone is
    wider than the line. A newline in ``text`` starts a new line; an empty line stays.
    """
    font = make_font(size_pt, bold)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    option.setUseDesignMetrics(True)
    width = width_mm * UNITS_PER_MM
    lines: list[tuple[str, float]] = []
    for paragraph in clean_text(text).split("\n"):
        if not paragraph:
            lines.append(("", 0.0))
            continue
        layout = QTextLayout(paragraph, font)
        layout.setTextOption(option)
        layout.beginLayout()
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            start, length = line.textStart(), line.textLength()
            lines.append((paragraph[start : start + length].rstrip(),
                          line.naturalTextWidth() / UNITS_PER_MM))
        layout.endLayout()
    return tuple(lines)


def text_width(text: str, size_pt: float, bold: bool = False) -> float:
    """The width of one unbroken line of ``text`` in mm."""
    return QFontMetricsF(make_font(size_pt, bold)).horizontalAdvance(text) / UNITS_PER_MM
