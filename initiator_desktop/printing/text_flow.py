"""Flowing blocks of text into the areas of successive cards, and finding the font size.

Text is never cut: a unit (a heading with its first item, an item's title with its
body) moves on to the next column or card when it does not fit, and a block taller
than a whole column is split between lines. ``fit`` picks the largest body size within
the format's readable range that needs the fewest cards; ``balanced`` evens out the
columns and cards.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from initiator_desktop.printing.page_geometry import EPSILON_MM, Ink, Rect, TextBox, TextLine
from initiator_desktop.printing.text_measure import MM_PER_PT, font_metrics, wrap

SIZE_STEP_PT = 0.5


class AreaTooSmall(ValueError):
    """Not even one line fits into an empty column: a bug in a format's geometry."""


@dataclass(frozen=True, slots=True)
class Style:
    """How a role is set. Sizes and spacing follow the body size, unless ``fixed_pt``."""

    scale: float = 1.0
    bold: bool = False
    ink: Ink = Ink.TEXT
    space_before: float = 0.0  # in multiples of the body size
    leading: float = 1.3  # line pitch in multiples of the font size
    indent: float = 0.0  # mm; a marker (bullet, number) is set inside it
    fixed_pt: float | None = None

    def size(self, body_pt: float) -> float:
        return self.fixed_pt if self.fixed_pt is not None else round(body_pt * self.scale, 2)


Styles = Mapping[str, Style]


@dataclass(frozen=True, slots=True)
class Block:
    role: str
    text: str
    marker: str = ""


@dataclass(frozen=True, slots=True)
class Unit:
    """Blocks that stay together in one column if they can (a heading with its first
    item, an item's title with its body)."""

    blocks: tuple[Block, ...]


@dataclass(frozen=True, slots=True)
class Area:
    """Where text flows on each card (card coordinates), in ``columns`` side by side."""

    rect: Rect
    columns: int = 1
    gutter: float = 0.0

    @property
    def column_width(self) -> float:
        return (self.rect.w - self.gutter * (self.columns - 1)) / self.columns


@dataclass(frozen=True, slots=True)
class SizeRange:
    """The body size to aim for and the smallest that is still comfortable to read."""

    preferred: float
    minimum: float

    def steps(self) -> list[float]:
        sizes = []
        size = self.preferred
        while size >= self.minimum - 1e-9:
            sizes.append(round(size, 2))
            size -= SIZE_STEP_PT
        return sizes


@dataclass(frozen=True, slots=True)
class Flowed:
    body_pt: float
    cards: tuple[tuple[TextBox, ...], ...]


@dataclass(frozen=True, slots=True)
class _Measured:
    block: Block
    style: Style
    size: float
    lines: tuple[tuple[str, float], ...]
    pitch: float
    first_baseline: float  # from the top of the box to the first baseline
    space: float

    @property
    def height(self) -> float:
        return len(self.lines) * self.pitch


def measure(block: Block, body_pt: float, styles: Styles, width: float) -> _Measured:
    style = styles[block.role]
    size = style.size(body_pt)
    metrics = font_metrics(size, style.bold)
    # Never closer than the font's own height, so lines can never touch.
    pitch = max(style.leading * size * MM_PER_PT, metrics.ascent + metrics.descent)
    lines = wrap(block.text, size, style.bold, width - style.indent)
    half_leading = (pitch - metrics.ascent - metrics.descent) / 2
    return _Measured(block, style, size, lines, pitch, half_leading + metrics.ascent,
                     style.space_before * body_pt * MM_PER_PT)


@dataclass
class _Placer:
    first: Area
    later: Area
    limit: float | None  # a lower bottom edge than the areas', to balance columns
    cards: list[list[TextBox]] = field(default_factory=lambda: [[]])
    column: int = 0
    y: float = 0.0
    empty: bool = True  # nothing placed in the current column yet

    @property
    def area(self) -> Area:
        return self.first if len(self.cards) == 1 else self.later

    @property
    def height(self) -> float:
        rect = self.area.rect
        bottom = rect.bottom if self.limit is None else min(rect.bottom, self.limit)
        return bottom - rect.y

    @property
    def remaining(self) -> float:
        return self.height - self.y

    def next_column(self) -> None:
        """On to the next column, or the next card after the last column."""
        self.column += 1
        if self.column == self.area.columns:
            self.cards.append([])
            self.column = 0
        self.y, self.empty = 0.0, True

    def unit(self, measured: Sequence[_Measured]) -> None:
        total = sum(m.space + m.height for m in measured)
        fresh = total - measured[0].space
        if not self.empty and total > self.remaining + EPSILON_MM and fresh <= self.height:
            self.next_column()
        for m in measured:
            self.block(m)

    def block(self, m: _Measured) -> None:
        lines, first = m.lines, True
        while lines:
            space = 0.0 if self.empty else m.space
            fit = int((self.remaining - space + EPSILON_MM) // m.pitch)
            if fit < len(lines) and not self.empty and len(lines) * m.pitch <= self.height:
                self.next_column()  # the whole block fits in a fresh column: keep it whole
                continue
            if fit < 1:
                if self.empty:
                    raise AreaTooSmall(m.block.role)
                self.next_column()
                continue
            self.put(m, lines[:fit], space, first)
            lines, first = lines[fit:], False
            if lines:
                self.next_column()

    def put(self, m: _Measured, lines: Sequence[tuple[str, float]], space: float,
            first: bool) -> None:
        area = self.area
        column_x = area.rect.x + self.column * (area.column_width + area.gutter)
        top = area.rect.y + self.y + space
        x = column_x + m.style.indent
        placed = tuple(
            TextLine(text, x, top + m.first_baseline + index * m.pitch, width)
            for index, (text, width) in enumerate(lines)
        )
        rect = Rect(x, top, area.column_width - m.style.indent, len(lines) * m.pitch)
        card = self.cards[-1]
        card.append(TextBox(m.block.role, rect, m.size, m.style.bold, m.style.ink, placed))
        if first and m.block.marker:
            marker_rect = Rect(column_x, top, m.style.indent, m.pitch)
            card.append(TextBox(m.block.role + "_marker", marker_rect, m.size, m.style.bold,
                                Ink.ACCENT, (TextLine(m.block.marker, column_x,
                                                      top + m.first_baseline, 0.0),)))
        self.y += space + rect.h
        self.empty = False


def _measure_units(units: Sequence[Unit], body_pt: float, styles: Styles,
                   width: float) -> list[list[_Measured]]:
    return [[measure(b, body_pt, styles, width) for b in unit.blocks] for unit in units]


def flow(units: Sequence[Unit], body_pt: float, styles: Styles, area: Area, *,
         later: Area | None = None, limit: float | None = None) -> list[list[TextBox]]:
    """The boxes of each card, with ``units`` flowed at ``body_pt``.

    ``later`` is the area on every card after the first (the same width), for a
    card that starts with a header; ``limit`` is an optional lower bottom edge.
    """
    later = later or area
    if abs(later.column_width - area.column_width) > EPSILON_MM:
        raise ValueError("the areas of a flow must have the same column width")
    placer = _Placer(area, later, limit)
    for measured in _measure_units(units, body_pt, styles, area.column_width):
        if measured:
            placer.unit(measured)
    return placer.cards


def fit(units: Sequence[Unit], styles: Styles, area: Area, sizes: SizeRange, *,
        later: Area | None = None) -> Flowed:
    """Flowed at the largest body size in ``sizes`` that needs no more cards than the
    smallest size does: shrink within the readable range first, then run on."""
    steps = sizes.steps()
    fewest = len(flow(units, steps[-1], styles, area, later=later))
    for size in steps:
        cards = flow(units, size, styles, area, later=later)
        if len(cards) <= fewest:
            return Flowed(size, tuple(tuple(card) for card in cards))
    raise AssertionError("the smallest size always reaches its own card count")


def balanced(units: Sequence[Unit], body_pt: float, styles: Styles, area: Area, *,
             later: Area | None = None) -> Flowed:
    """Flowed at ``body_pt`` onto as few cards as possible, spread evenly over the cards
    and columns: with the bottom edge raised as far as it goes without needing more."""
    count = len(flow(units, body_pt, styles, area, later=later))
    low = area.rect.y
    high = max(area.rect.bottom, (later or area).rect.bottom)
    for _step in range(16):
        middle = (low + high) / 2
        try:
            fits = len(flow(units, body_pt, styles, area, later=later, limit=middle)) <= count
        except AreaTooSmall:
            fits = False
        low, high = (low, middle) if fits else (middle, high)
    cards = flow(units, body_pt, styles, area, later=later, limit=high)
    return Flowed(body_pt, tuple(tuple(card) for card in cards))
