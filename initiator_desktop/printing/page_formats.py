"""The paper formats: sheet sizes, where the cards sit on a sheet, margins and font limits.

Millimetres throughout. Text keeps at least 11 mm from the edge of the paper, so home
printers (which leave 3-5 mm unprinted) lose nothing of it.
"""

from __future__ import annotations

from dataclasses import dataclass

from initiator_desktop.printing.card_content import CardFormat
from initiator_desktop.printing.page_geometry import Rect
from initiator_desktop.printing.text_flow import SizeRange

A4_W, A4_H = 210.0, 297.0
A5_W, A5_H = 148.0, 210.0

# Four cards to an A4 sheet, with room between and around them for the cut marks;
# each card is a little smaller than a true A6 (105 x 148 mm), which would leave none.
A6_CARD_W, A6_CARD_H = 92.0, 134.0
A6_GUTTER = 10.0
CUT_MARK_GAP, CUT_MARK_LENGTH = 1.5, 3.0


@dataclass(frozen=True, slots=True)
class Padding:
    left: float
    top: float
    right: float
    bottom: float


@dataclass(frozen=True, slots=True)
class FormatSpec:
    """One format's sheet, its card slots (``rotated`` per slot), padding and body sizes."""

    page_size: str
    landscape: bool
    sheet_w: float
    sheet_h: float
    slots: tuple[Rect, ...]
    rotated: tuple[bool, ...]
    padding: Padding
    sizes: SizeRange

    def content(self) -> Rect:
        """The area inside the padding, in the coordinates of a card."""
        slot = self.slots[0]
        p = self.padding
        return Rect(p.left, p.top, slot.w - p.left - p.right, slot.h - p.top - p.bottom)


def _a6_slots() -> tuple[Rect, ...]:
    margin_x = (A4_W - 2 * A6_CARD_W - A6_GUTTER) / 2
    margin_y = (A4_H - 2 * A6_CARD_H - A6_GUTTER) / 2
    return tuple(
        Rect(margin_x + col * (A6_CARD_W + A6_GUTTER), margin_y + row * (A6_CARD_H + A6_GUTTER),
             A6_CARD_W, A6_CARD_H)
        for row in range(2) for col in range(2)
    )


FORMATS: dict[CardFormat, FormatSpec] = {
    # The poster hangs on a wall: body text 14 pt, never below 12 pt.
    CardFormat.A4: FormatSpec("A4", False, A4_W, A4_H, (Rect(0, 0, A4_W, A4_H),), (False,),
                              Padding(22, 22, 22, 15), SizeRange(14.0, 12.0)),
    # A handout is read in the hand: 11 pt, never below 9 pt.
    CardFormat.A5: FormatSpec("A5", False, A5_W, A5_H, (Rect(0, 0, A5_W, A5_H),), (False,),
                              Padding(16, 16, 16, 11), SizeRange(11.0, 9.0)),
    # A card on the table: 13 pt, never below 9 pt.
    CardFormat.A6: FormatSpec("A4", False, A4_W, A4_H, _a6_slots(), (False,) * 4,
                              Padding(9, 9, 9, 7), SizeRange(13.0, 9.0)),
    # A tent is read across the table: titles at 18 pt, never below 12 pt. The far half
    # is upside down on the flat sheet so that both faces read upright once folded.
    CardFormat.TENT: FormatSpec("A4", True, A4_H, A4_W,
                                (Rect(0, 0, A4_H, A4_W / 2), Rect(0, A4_W / 2, A4_H, A4_W / 2)),
                                (True, False), Padding(20, 13, 20, 11), SizeRange(18.0, 12.0)),
}

DECLARATION = FormatSpec("A4", False, A4_W, A4_H, (Rect(0, 0, A4_W, A4_H),), (False,),
                         Padding(24, 22, 24, 18), SizeRange(12.0, 10.0))


def cut_marks(card: Rect) -> list[tuple[float, float, float, float]]:
    """Short lines outside each corner of ``card``, in line with its edges."""
    gap, length = CUT_MARK_GAP, CUT_MARK_LENGTH
    marks = []
    for x in (card.x, card.right):
        marks.append((x, card.y - gap - length, x, card.y - gap))
        marks.append((x, card.bottom + gap, x, card.bottom + gap + length))
    for y in (card.y, card.bottom):
        marks.append((card.x - gap - length, y, card.x - gap, y))
        marks.append((card.right + gap, y, card.right + gap + length, y))
    return marks
