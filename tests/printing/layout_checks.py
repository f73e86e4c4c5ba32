"""Checks that a laid-out job keeps every line inside its box and its box inside its card."""

from __future__ import annotations

from initiator_desktop.printing.page_geometry import EPSILON_MM, PageSet, Rect, TextBox
from initiator_desktop.printing.text_measure import clean_text


def overflow_problems(pages: PageSet) -> list[str]:
    """Every way in which text leaves its box, a box its card, or boxes collide."""
    problems: list[str] = []
    for s_index, sheet in enumerate(pages.sheets):
        paper = Rect(0, 0, sheet.width, sheet.height)
        for c_index, card in enumerate(sheet.cards):
            where = f"sheet {s_index + 1}, card {c_index + 1}"
            if not paper.contains(card.rect):
                problems.append(f"{where}: card leaves the paper")
            local = Rect(0, 0, card.rect.w, card.rect.h)
            if not local.contains(card.content):
                problems.append(f"{where}: content area leaves the card")
            for box in card.boxes:
                problems += [f"{where}: {p}" for p in _box_problems(box, card.content)]
            problems += [f"{where}: {p}" for p in _collisions(card.boxes)]
        for first in range(len(sheet.cards)):
            for second in range(first + 1, len(sheet.cards)):
                if sheet.cards[first].rect.overlaps(sheet.cards[second].rect):
                    problems.append(f"sheet {s_index + 1}: cards overlap")
    return problems


def _box_problems(box: TextBox, content: Rect) -> list[str]:
    problems = []
    if not content.contains(box.rect):
        problems.append(f"{box.role} box {box.rect} leaves the content area {content}")
    for line in box.lines:
        if line.x < box.rect.x - EPSILON_MM or line.x + line.width > box.rect.right + EPSILON_MM:
            problems.append(f"{box.role} line too wide: {line.text!r}")
        if not box.rect.y < line.baseline <= box.rect.bottom + EPSILON_MM:
            problems.append(f"{box.role} line outside its box: {line.text!r}")
    return problems


def _collisions(boxes: tuple[TextBox, ...]) -> list[str]:
    return [f"{a.role} overlaps {b.role}"
            for index, a in enumerate(boxes) for b in boxes[index + 1:]
            if a.rect.overlaps(b.rect)]


def squeezed(text: str) -> str:
    """Text without any whitespace: lines broken inside a word still compare equal."""
    return "".join(clean_text(text).split())


def printed(pages: PageSet, role: str) -> str:
    """All text of ``role`` in reading order, whitespace removed; the far face of a tent
    (a copy of the near one) is left out."""
    text = "".join("".join(line.text for line in box.lines)
                   for card, box in pages.boxes() if box.role == role and not card.rotated)
    return "".join(text.split())


def expected(texts: list[str]) -> str:
    return "".join(squeezed(text) for text in texts)
