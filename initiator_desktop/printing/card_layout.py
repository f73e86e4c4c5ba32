"""Frame cards laid out as data, one composition per format, for printer and PDF alike.

``layout_cards`` turns a ``CardJob`` into sheets of positioned text boxes and strokes.
The poster gives each section pages of its own unless everything fits on one; the
handout runs the sections on; the A6 deck has a cover card and one card per frame;
the tent lists the titles, section by section, on both faces of a folded sheet.
Needs a QGuiApplication (the text is measured in the bundled fonts).
"""

from __future__ import annotations

from collections.abc import Sequence

from initiator_desktop.core.models import FrameKind
from initiator_desktop.printing.card_content import CardEntry, CardFormat, CardJob, CardSection
from initiator_desktop.printing.layout_parts import (
    bottom_aligned,
    footer_box,
    per_section,
    right_aligned,
    rule,
    set_text,
    shifted,
)
from initiator_desktop.printing.page_formats import FORMATS, FormatSpec, cut_marks
from initiator_desktop.printing.page_geometry import (
    Card,
    Ink,
    PageSet,
    Rect,
    Sheet,
    Stroke,
    TextBox,
)
from initiator_desktop.printing.text_flow import Area, Block, Style, Styles, Unit, fit

MARK_PT = 0.3
FOLD_PT = 0.5
PAGE_NUMBER_W = 16.0
TENT_GUTTER = 14.0

_PAGE_STYLES: dict[CardFormat, Styles] = {
    CardFormat.A4: {
        "group": Style(2.0, bold=True, leading=1.15),
        "title": Style(1.1, ink=Ink.ACCENT, space_before=0.3, leading=1.2),
        "theme": Style(0.9, ink=Ink.MUTED, space_before=0.2),
        "section": Style(1.3, bold=True, ink=Ink.ACCENT, space_before=2.6, leading=1.2),
        "intro": Style(0.85, ink=Ink.MUTED, space_before=0.15),
        "item_title": Style(1.15, bold=True, space_before=1.2, leading=1.2),
        "item_body": Style(1.0, space_before=0.15, leading=1.35),
        "footer": Style(fixed_pt=9.0, ink=Ink.MUTED),
        "page_number": Style(fixed_pt=9.0, ink=Ink.MUTED),
        "running": Style(fixed_pt=9.0, bold=True, ink=Ink.ACCENT),
    },
    CardFormat.A5: {
        "group": Style(1.9, bold=True, leading=1.15),
        "title": Style(1.1, ink=Ink.ACCENT, space_before=0.3, leading=1.2),
        "theme": Style(0.9, ink=Ink.MUTED, space_before=0.2),
        "section": Style(1.3, bold=True, ink=Ink.ACCENT, space_before=2.4, leading=1.2),
        "intro": Style(0.9, ink=Ink.MUTED, space_before=0.15),
        "item_title": Style(1.0, bold=True, space_before=1.1, leading=1.25),
        "item_body": Style(1.0, space_before=0.1, leading=1.35),
        "footer": Style(fixed_pt=7.5, ink=Ink.MUTED),
        "page_number": Style(fixed_pt=7.5, ink=Ink.MUTED),
    },
}

_A6_STYLES: Styles = {
    "group": Style(1.75, bold=True, leading=1.15),
    "theme": Style(0.95, ink=Ink.MUTED, space_before=0.4),
    "cover": Style(1.0, space_before=1.6, leading=1.4),
    "item_title": Style(1.4, bold=True, leading=1.2),
    "item_body": Style(1.0, space_before=1.0, leading=1.4),
    "label": Style(fixed_pt=8.0, bold=True, ink=Ink.ACCENT, leading=1.2),
    "footer": Style(fixed_pt=7.0, ink=Ink.MUTED, leading=1.3),
}

_TENT_STYLES: Styles = {
    "section": Style(fixed_pt=15.0, bold=True, ink=Ink.ACCENT, leading=1.2),
    "entry": Style(1.0, bold=True, space_before=0.5, leading=1.2, indent=8.0),
    "group": Style(fixed_pt=11.0, bold=True),
    "title": Style(fixed_pt=11.0, ink=Ink.MUTED),
    "footer": Style(fixed_pt=10.0, ink=Ink.MUTED),
}

Face = tuple[TextBox, ...]


def layout_cards(job: CardJob) -> PageSet:
    """The job's sheets, ready for the painter (and for tests to measure)."""
    spec = FORMATS[job.card_format]
    if job.card_format is CardFormat.A6:
        sheets = _a6_sheets(job, spec)
    elif job.card_format is CardFormat.TENT:
        sheets = _tent_sheets(job, spec)
    else:
        sheets = _page_sheets(job, spec, _PAGE_STYLES[job.card_format])
    return PageSet(spec.page_size, spec.landscape, tuple(sheets), title=job.title)


def _entry_blocks(entry: CardEntry) -> list[Block]:
    blocks = [Block("item_title", entry.title)]
    if entry.body.strip():
        blocks.append(Block("item_body", entry.body))
    return blocks


def _section_units(section: CardSection) -> list[Unit]:
    """A unit per frame; the heading and intro stay with the first one."""
    head = [Block("section", section.heading)]
    if section.intro:
        head.append(Block("intro", section.intro))
    return [Unit(tuple((head if index == 0 else []) + _entry_blocks(entry)))
            for index, entry in enumerate(section.entries)]


# poster and handout ---------------------------------------------------------------------
def _page_sheets(job: CardJob, spec: FormatSpec, styles: Styles) -> list[Sheet]:
    content = spec.content()
    footer = footer_box((job.group_name, job.meeting), styles, content.x, content.bottom,
                        content.w - PAGE_NUMBER_W)
    rule_y = footer.rect.y - 3.0
    area = Area(Rect(content.x, content.y, content.w, rule_y - 4.0 - content.y))
    pages = _page_faces(job, spec, styles, area)
    sheets = []
    for index, boxes in enumerate(pages):
        extra = [footer]
        if len(pages) > 1:
            number = set_text("page_number", f"{index + 1}/{len(pages)}", styles,
                              content.right - PAGE_NUMBER_W, 0.0, PAGE_NUMBER_W)
            extra.append(right_aligned(bottom_aligned(number, footer.rect.bottom)))
        strokes = [rule(content.x, content.right, rule_y), *_header_rule(boxes, content)]
        card = Card(spec.slots[0], content, (*boxes, *extra), tuple(strokes))
        sheets.append(Sheet(spec.sheet_w, spec.sheet_h, (card,)))
    return sheets


def _page_faces(job: CardJob, spec: FormatSpec, styles: Styles, area: Area) -> list[Face]:
    header = [Block("group", job.group_name), Block("title", job.title)]
    if job.theme:
        header.append(Block("theme", job.theme))
    runs = [_section_units(section) for section in job.sections] or [[]]
    first = runs[0][0].blocks if runs[0] else ()
    runs[0] = [Unit((*header, *first)), *runs[0][1:]]
    single = fit([unit for run in runs for unit in run], styles, area, spec.sizes)
    if len(single.cards) == 1 or job.card_format is CardFormat.A5:
        return list(single.cards)
    # A poster gives each section pages of its own, so that each can hang by itself;
    # a section's later pages carry its name as a running head.
    heads = [set_text("running", job.continued.format(heading=section.heading), styles,
                      area.rect.x, area.rect.y, area.rect.w) for section in job.sections]
    later = shifted(area, max(head.rect.bottom for head in heads) + 6.0)
    pages: list[Face] = []
    for head, flowed in zip(heads, per_section(runs, styles, area, later, spec.sizes),
                            strict=True):
        pages += [boxes if index == 0 else (head, *boxes)
                  for index, boxes in enumerate(flowed.cards)]
    return pages


def _header_rule(boxes: Sequence[TextBox], content: Rect) -> list[Stroke]:
    """A thin accent rule between the page's header and its first section."""
    header = [b for b in boxes if b.role in ("group", "title", "theme")]
    after = [b for b in boxes if b.role == "section"]
    if not header or not after:
        return []
    y = (max(b.rect.bottom for b in header) + after[0].rect.y) / 2
    return [rule(content.x, content.right, y, Ink.ACCENT, 0.8)]


# A6 cards -------------------------------------------------------------------------------
def _a6_sheets(job: CardJob, spec: FormatSpec) -> list[Sheet]:
    content = spec.content()
    footer = footer_box((job.group_name, job.meeting), _A6_STYLES, content.x, content.bottom,
                        content.w)
    rule_y = footer.rect.y - 2.5
    cover = [Block("group", job.group_name)]
    if job.theme:
        cover.append(Block("theme", job.theme))
    cover.append(Block("cover", job.cover_text))
    cards = _a6_cards(job.title, job.title, Unit(tuple(cover)), spec, rule_y)
    for section in job.sections:
        continued = job.continued.format(heading=section.heading)
        for entry in section.entries:
            cards += _a6_cards(section.heading, continued, Unit(tuple(_entry_blocks(entry))),
                               spec, rule_y)
    strokes = (rule(content.x, content.right, rule_y),)
    sheets = []
    for start in range(0, len(cards), len(spec.slots)):
        batch = cards[start : start + len(spec.slots)]
        placed = tuple(Card(slot, content, (*boxes, footer), strokes + _label_rule(boxes))
                       for slot, boxes in zip(spec.slots, batch, strict=False))
        marks = tuple(Stroke(*mark, MARK_PT, Ink.MARK)
                      for card in placed for mark in cut_marks(card.rect))
        sheets.append(Sheet(spec.sheet_w, spec.sheet_h, placed, marks))
    return sheets


def _a6_cards(label: str, continued: str, unit: Unit, spec: FormatSpec,
              rule_y: float) -> list[Face]:
    """One frame (or the cover) on as many cards as it needs, each under its label."""
    content = spec.content()
    first = set_text("label", label, _A6_STYLES, content.x, content.y, content.w)
    later = set_text("label", continued, _A6_STYLES, content.x, content.y, content.w)
    top = max(first.rect.bottom, later.rect.bottom) + 7.0
    area = Area(Rect(content.x, top, content.w, rule_y - 4.0 - top))
    flowed = fit([unit], _A6_STYLES, area, spec.sizes)
    return [(first if index == 0 else later, *boxes)
            for index, boxes in enumerate(flowed.cards)]


def _label_rule(boxes: Sequence[TextBox]) -> tuple[Stroke, ...]:
    label = next(b for b in boxes if b.role == "label")
    y = label.rect.bottom + 2.5
    return (rule(label.rect.x, label.rect.x + 12.0, y, Ink.ACCENT, 1.2),)


# table tent -----------------------------------------------------------------------------
def _tent_sheets(job: CardJob, spec: FormatSpec) -> list[Sheet]:
    content = spec.content()
    fixed, top, bottom = _tent_frame(job, content)
    sections = job.sections or (CardSection(FrameKind.CUSTOM, job.title, "", ()),)
    heads = [(set_text("section", s.heading, _TENT_STYLES, content.x, top, content.w),
              set_text("section", job.continued.format(heading=s.heading), _TENT_STYLES,
                       content.x, top, content.w)) for s in sections]
    list_top = max(box.rect.bottom for pair in heads for box in pair) + 3.0
    area = Area(Rect(content.x, list_top, content.w, bottom - list_top), columns=2,
                gutter=TENT_GUTTER)
    runs = [[Unit((Block("entry", entry.title, marker="•"),)) for entry in s.entries]
            for s in sections]
    faces: list[Face] = []
    for (head, continued), flowed in zip(heads, per_section(runs, _TENT_STYLES, area, area,
                                                            spec.sizes), strict=True):
        faces += [(head if index == 0 else continued, *boxes)
                  for index, boxes in enumerate(flowed.cards)]
    strokes = (rule(content.x, content.right, top - 4.0),)
    fold_y = spec.slots[0].bottom
    fold = (Stroke(6.0, fold_y, spec.sheet_w - 6.0, fold_y, FOLD_PT, Ink.FAINT, dashed=True),)
    sheets = []
    for boxes in faces:
        # The same face on both halves: the group reads it from either side of the table.
        cards = tuple(Card(slot, content, (*fixed, *boxes), strokes, rotated)
                      for slot, rotated in zip(spec.slots, spec.rotated, strict=True))
        sheets.append(Sheet(spec.sheet_w, spec.sheet_h, cards, fold))
    return sheets


def _tent_frame(job: CardJob, content: Rect) -> tuple[list[TextBox], float, float]:
    """The group name and title along the fold, the meeting line along the table; and
    the top and bottom of the space left between them."""
    split = content.x + content.w * 0.6
    group = set_text("group", job.group_name, _TENT_STYLES, content.x, content.y,
                     split - content.x - 4.0)
    title = right_aligned(set_text("title", job.title, _TENT_STYLES, split, content.y,
                                   content.right - split))
    top = max(group.rect.bottom, title.rect.bottom) + 6.5
    if not job.meeting:
        return [group, title], top, content.bottom
    footer = footer_box((job.meeting,), _TENT_STYLES, content.x, content.bottom, content.w)
    return [group, title, footer], top, footer.rect.y - 4.0
