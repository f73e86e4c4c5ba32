"""The confidentiality declaration: one page for a group's first meeting, signed by hand.

The promise in plain words, the group's own conventions for meeting outside the group
(its frames where it has them, the library's wording otherwise), a date line and eight
blank signature lines. Names exist only on paper: nothing here asks for or keeps one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtGui import QPagedPaintDevice

from initiator_desktop.core.frame_library import library_item
from initiator_desktop.core.models import FrameItem, Group
from initiator_desktop.printing.card_content import CardEntry
from initiator_desktop.printing.card_language import CardLanguage
from initiator_desktop.printing.layout_parts import set_text
from initiator_desktop.printing.page_formats import DECLARATION
from initiator_desktop.printing.page_geometry import (
    Card,
    Ink,
    PageSet,
    Rect,
    Sheet,
    Stroke,
    TextBox,
)
from initiator_desktop.printing.page_painter import paint_pages
from initiator_desktop.printing.pdf_file import pdf_bytes, write_pdf_file
from initiator_desktop.printing.text_flow import Area, Block, Style, Styles, Unit, fit, flow

SIGNATURE_LINES = 8
# Frames that say how members behave towards each other outside the group, in the
# order they are printed; the last one is always printed, from the library if need be.
OUTSIDE_KEYS = ("confidentiality_outside", "anonymity_outside", "meeting_in_public")
PUBLIC_KEY = "meeting_in_public"

_STYLES: Styles = {
    "title": Style(1.75, bold=True, leading=1.15),
    "group": Style(1.15, ink=Ink.ACCENT, space_before=0.3, leading=1.2),
    "intro": Style(1.0, space_before=2.0, leading=1.4),
    "promise": Style(1.0, space_before=0.7, leading=1.4, indent=8.0),
    "heading": Style(1.1, bold=True, ink=Ink.ACCENT, space_before=1.8, leading=1.2),
    "item_title": Style(1.0, bold=True, space_before=0.8, leading=1.3),
    "item_body": Style(1.0, space_before=0.1, leading=1.4),
    "note": Style(0.9, ink=Ink.MUTED, space_before=1.6, leading=1.35),
    "label": Style(fixed_pt=8.0, ink=Ink.MUTED),
    "date": Style(fixed_pt=11.0),
}
SIGNATURE_ROW_MM = 18.0
DATE_ROW_MM = 16.0
SIGNATURE_GAP_MM = 12.0


@dataclass(frozen=True, slots=True)
class DeclarationJob:
    """The declaration's texts, all in the chosen language."""

    language: str
    group_name: str
    title: str
    intro: str
    promises: tuple[str, ...]
    outside_heading: str
    conventions: tuple[CardEntry, ...]
    note: str
    date_label: str
    signature_label: str
    signature_lines: int = SIGNATURE_LINES


def conventions(items: Sequence[FrameItem], language: str) -> tuple[CardEntry, ...]:
    """The group's frames about life outside the group; the library's public convention
    when the group has none of its own."""
    chosen = [item for item in items if item.source_key in OUTSIDE_KEYS]
    chosen.sort(key=lambda item: OUTSIDE_KEYS.index(item.source_key))
    entries = [CardEntry(item.text(language).title, item.text(language).body) for item in chosen]
    if not any(item.source_key == PUBLIC_KEY for item in chosen):
        default = library_item(PUBLIC_KEY).texts[language]
        entries.append(CardEntry(default.title, default.body))
    return tuple(entries)


def declaration_job(group: Group, items: Sequence[FrameItem], *,
                    language: str) -> DeclarationJob:
    words = CardLanguage(language)
    return DeclarationJob(
        language=language,
        group_name=group.name,
        title=words.pgettext("printed declaration", "Confidentiality declaration"),
        intro=words.pgettext(
            "printed declaration",
            "We are starting a self-help group together. So that everyone can speak "
            "freely, each of us gives the others this promise:"),
        promises=(
            words.pgettext("printed declaration",
                           "What is said in the group stays in the group. I do not pass on "
                           "what others share here, not even to the people closest to me."),
            words.pgettext("printed declaration",
                           "I do not tell anyone who else is in the group."),
            words.pgettext("printed declaration",
                           "The promise holds for as long as I am in the group, and also "
                           "after I leave it or the group has ended."),
        ),
        outside_heading=words.pgettext("printed declaration",
                                       "When we meet outside the group"),
        conventions=conventions(items, language),
        note=words.pgettext("printed declaration",
                            "We sign by hand. Our names are on this sheet only and are not "
                            "written down anywhere else."),
        date_label=words.pgettext("printed declaration", "Date"),
        signature_label=words.pgettext("printed declaration", "Signature"),
    )


def _units(job: DeclarationJob) -> list[Unit]:
    units = [Unit((Block("title", job.title), Block("group", job.group_name),
                   Block("intro", job.intro)))]
    units += [Unit((Block("promise", text, marker=f"{index}."),))
              for index, text in enumerate(job.promises, start=1)]
    for index, entry in enumerate(job.conventions):
        blocks = [Block("item_title", entry.title), Block("item_body", entry.body)]
        if index == 0:
            blocks.insert(0, Block("heading", job.outside_heading))
        units.append(Unit(tuple(blocks)))
    units.append(Unit((Block("note", job.note),)))
    return units


def signature_height(job: DeclarationJob) -> float:
    rows = (job.signature_lines + 1) // 2
    return DATE_ROW_MM + rows * SIGNATURE_ROW_MM


def _signature_block(job: DeclarationJob, content: Rect) -> tuple[list[TextBox], list[Stroke]]:
    """The date line and the signature lines, two to a row, resting on the bottom margin."""
    top = content.bottom - signature_height(job)
    date = set_text("date", job.date_label, _STYLES, content.x, top, 40.0)
    boxes = [date]
    line_y = date.lines[0].baseline
    date_x = content.x + date.lines[0].width + 3.0
    strokes = [Stroke(date_x, line_y, date_x + 60.0, line_y, 0.6, Ink.TEXT)]
    column_w = (content.w - 14.0) / 2
    for index in range(job.signature_lines):
        row, column = divmod(index, 2)
        x = content.x + column * (column_w + 14.0)
        y = top + DATE_ROW_MM + (row + 1) * SIGNATURE_ROW_MM - 6.0
        strokes.append(Stroke(x, y, x + column_w, y, 0.6, Ink.TEXT))
        boxes.append(set_text("label", job.signature_label, _STYLES, x, y + 1.0, column_w))
    return boxes, strokes


def layout_declaration(job: DeclarationJob) -> PageSet:
    """One page if the text fits above the signatures at 10 pt or more; else the text runs
    on and the signatures follow it."""
    spec = DECLARATION
    content = spec.content()
    above = content.h - signature_height(job) - SIGNATURE_GAP_MM
    units = _units(job)
    flowed = fit(units, _STYLES, Area(Rect(content.x, content.y, content.w, above)), spec.sizes)
    pages: list[list[TextBox]] = [list(card) for card in flowed.cards]
    if len(pages) > 1:
        pages = flow(units, spec.sizes.minimum, _STYLES, Area(content))
        last_bottom = max(box.rect.bottom for box in pages[-1])
        if content.bottom - last_bottom < signature_height(job) + SIGNATURE_GAP_MM:
            pages.append([])
    boxes, strokes = _signature_block(job, content)
    cards = []
    for index, page in enumerate(pages):
        last = index == len(pages) - 1
        cards.append(Card(spec.slots[0], content, tuple(page + (boxes if last else [])),
                          tuple(strokes if last else ())))
    sheets = tuple(Sheet(spec.sheet_w, spec.sheet_h, (card,)) for card in cards)
    return PageSet(spec.page_size, spec.landscape, sheets, title=job.title)


def paint(device: QPagedPaintDevice, job: DeclarationJob) -> None:
    paint_pages(device, layout_declaration(job))


def pdf_bytes_for(job: DeclarationJob) -> bytes:
    return pdf_bytes(layout_declaration(job))


def write_pdf(path: Path, job: DeclarationJob) -> None:
    """Save the declaration as a PDF at ``path``, atomically."""
    write_pdf_file(path, layout_declaration(job))
