"""Laid-out pages as plain data: rectangles, text lines and strokes, all in millimetres.

The layout code produces these and the painter only draws them, so tests can check
what lands where (and that nothing spills out of its box) without looking at pixels.
No Qt here.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

EPSILON_MM = 0.01  # rounding slack when comparing positions


class Ink(StrEnum):
    """The few colours a printed page uses; the painter maps them to real colours."""

    TEXT = "text"
    MUTED = "muted"
    ACCENT = "accent"
    MARK = "mark"
    FAINT = "faint"


@dataclass(frozen=True, slots=True)
class Rect:
    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h

    def contains(self, other: Rect) -> bool:
        return (other.x >= self.x - EPSILON_MM and other.y >= self.y - EPSILON_MM
                and other.right <= self.right + EPSILON_MM
                and other.bottom <= self.bottom + EPSILON_MM)

    def overlaps(self, other: Rect) -> bool:
        return (self.x < other.right - EPSILON_MM and other.x < self.right - EPSILON_MM
                and self.y < other.bottom - EPSILON_MM and other.y < self.bottom - EPSILON_MM)

    def inset(self, left: float, top: float, right: float, bottom: float) -> Rect:
        return Rect(self.x + left, self.y + top, self.w - left - right, self.h - top - bottom)


@dataclass(frozen=True, slots=True)
class TextLine:
    """One line of text: ``x`` and ``baseline`` are where it starts, ``width`` its measure."""

    text: str
    x: float
    baseline: float
    width: float


@dataclass(frozen=True, slots=True)
class TextBox:
    """A block of text broken into lines that all lie inside ``rect``."""

    role: str
    rect: Rect
    size_pt: float
    bold: bool
    ink: Ink
    lines: tuple[TextLine, ...]

    @property
    def text(self) -> str:
        return " ".join(line.text for line in self.lines)


@dataclass(frozen=True, slots=True)
class Stroke:
    """A straight line: a rule under a heading, a cut mark or a fold line."""

    x1: float
    y1: float
    x2: float
    y2: float
    width_pt: float
    ink: Ink
    dashed: bool = False


@dataclass(frozen=True, slots=True)
class Card:
    """One readable area of a sheet (a page, an A6 card, one face of a tent).

    ``boxes`` and ``strokes`` are in the card's own coordinates, as it is read;
    a ``rotated`` card is turned 180 degrees on the sheet (the far side of a tent).
    """

    rect: Rect
    content: Rect
    boxes: tuple[TextBox, ...]
    strokes: tuple[Stroke, ...] = ()
    rotated: bool = False


@dataclass(frozen=True, slots=True)
class Sheet:
    """One printed sheet; ``marks`` (cut and fold marks) are in sheet coordinates."""

    width: float
    height: float
    cards: tuple[Card, ...]
    marks: tuple[Stroke, ...] = ()


@dataclass(frozen=True, slots=True)
class PageSet:
    """Everything one print job puts on paper, sheet by sheet."""

    page_size: str  # "A4" or "A5"
    landscape: bool
    sheets: tuple[Sheet, ...]
    title: str = ""

    def boxes(self) -> list[tuple[Card, TextBox]]:
        return [(card, box) for sheet in self.sheets for card in sheet.cards for box in card.boxes]
