"""Small pieces the page compositions share: a single text box set in place, moved or
aligned; rules; a footer line; and sections flowed each onto cards of their own.

Plain data in, plain data out (millimetres); measuring needs a QGuiApplication.
"""

from __future__ import annotations

from collections.abc import Sequence

from initiator_desktop.printing.card_language import SEPARATOR
from initiator_desktop.printing.page_geometry import Ink, Rect, Stroke, TextBox, TextLine
from initiator_desktop.printing.text_flow import (
    Area,
    Block,
    Flowed,
    SizeRange,
    Styles,
    Unit,
    balanced,
    fit,
    flow,
)
from initiator_desktop.printing.text_measure import text_width

RULE_PT = 0.6
_UNBOUNDED_MM = 10_000.0


def set_text(role: str, text: str, styles: Styles, x: float, y: float, width: float,
             body_pt: float = 0.0) -> TextBox:
    """One block of ``role`` set at (x, y) in ``width``, as tall as it needs."""
    area = Area(Rect(x, y, width, _UNBOUNDED_MM))
    (card,) = flow([Unit((Block(role, text),))], body_pt, styles, area)
    return card[0]


def moved(box: TextBox, dx: float, dy: float) -> TextBox:
    rect = Rect(box.rect.x + dx, box.rect.y + dy, box.rect.w, box.rect.h)
    lines = tuple(TextLine(line.text, line.x + dx, line.baseline + dy, line.width)
                  for line in box.lines)
    return TextBox(box.role, rect, box.size_pt, box.bold, box.ink, lines)


def bottom_aligned(box: TextBox, bottom: float) -> TextBox:
    return moved(box, 0.0, bottom - box.rect.bottom)


def right_aligned(box: TextBox) -> TextBox:
    lines = tuple(TextLine(line.text, box.rect.right - line.width, line.baseline, line.width)
                  for line in box.lines)
    return TextBox(box.role, box.rect, box.size_pt, box.bold, box.ink, lines)


def rule(x1: float, x2: float, y: float, ink: Ink = Ink.FAINT,
         width_pt: float = RULE_PT) -> Stroke:
    return Stroke(x1, y, x2, y, width_pt, ink)


def footer_box(parts: Sequence[str], styles: Styles, x: float, bottom: float,
               width: float) -> TextBox:
    """The parts on one line if they fit, else each on a line of its own (wrapping
    further if it must), resting on ``bottom``."""
    parts = [part for part in parts if part.strip()]
    style = styles["footer"]
    joined = SEPARATOR.join(parts)
    if text_width(joined, style.size(0.0), style.bold) > width:
        joined = "\n".join(parts)
    return bottom_aligned(set_text("footer", joined, styles, x, 0.0, width), bottom)


def shifted(area: Area, top: float) -> Area:
    """``area`` starting lower, at ``top``; its bottom stays."""
    rect = area.rect
    return Area(Rect(rect.x, top, rect.w, rect.bottom - top), area.columns, area.gutter)


def per_section(runs: Sequence[Sequence[Unit]], styles: Styles, first: Area, later: Area,
                sizes: SizeRange) -> list[Flowed]:
    """Each run (a section) on cards of its own, all at one body size (the largest every
    run can have), and spread evenly over its cards and columns."""
    size = min(fit(run, styles, first, sizes, later=later).body_pt for run in runs)
    return [balanced(run, size, styles, first, later=later) for run in runs]
