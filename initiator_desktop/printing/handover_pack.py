"""The handover pack: what a group keeps when its initiator withdraws, on A4 pages.

Its agreed frames, the principles for the conversation, when and where it meets, the
absence routine, the follow-up visit and how to ask the initiator back. In the pack's
own language (nb, nn or en, chosen per print). Never the theme, never anyone's name,
never the place's address or notes; a phone or video meeting's dial-in details only
when the initiator asks for them. The line on how to reach the initiator is typed at
print time and never stored. One layout feeds the printer and the PDF.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from PySide6.QtGui import QPagedPaintDevice

from initiator_desktop.core.clock import OSLO, oslo_now
from initiator_desktop.core.frame_library import Preset, default_frames, library_item
from initiator_desktop.core.handover import load_follow_up
from initiator_desktop.core.models import FrameItem, FrameKind, Group, Place, PlaceKind, Schedule
from initiator_desktop.core.repository import VaultRepository
from initiator_desktop.i18n.formatting import format_date
from initiator_desktop.printing.card_content import CardEntry
from initiator_desktop.printing.card_language import CardLanguage, meeting_line
from initiator_desktop.printing.layout_parts import (
    bottom_aligned,
    footer_box,
    right_aligned,
    rule,
    set_text,
)
from initiator_desktop.printing.page_formats import A4_H, A4_W, FormatSpec, Padding
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
from initiator_desktop.printing.text_flow import Area, Block, SizeRange, Style, Styles, Unit, fit
from initiator_desktop.printing.text_measure import clean_text

MAX_CONTACT_LINE = 120
ABSENCE_KEY = "notify_absence"
WRITE_IN_LINES = 2
PAGE_NUMBER_W = 16.0
# Read in the hand, like a handout: 11 pt, never below 10 pt; text at least 11 mm from
# the paper's edge, as on every printout.
PACK = FormatSpec("A4", False, A4_W, A4_H, (Rect(0, 0, A4_W, A4_H),), (False,),
                  Padding(20, 18, 20, 13), SizeRange(11.0, 10.0))

_STYLES: Styles = {
    "group": Style(2.0, bold=True, leading=1.15),
    "title": Style(1.15, ink=Ink.ACCENT, space_before=0.3, leading=1.2),
    "intro": Style(1.0, space_before=1.2, leading=1.4),
    "section": Style(1.3, bold=True, ink=Ink.ACCENT, space_before=2.2, leading=1.2),
    "section_intro": Style(0.9, ink=Ink.MUTED, space_before=0.15, leading=1.35),
    "item_title": Style(1.0, bold=True, space_before=0.9, leading=1.25),
    "item_body": Style(1.0, space_before=0.1, leading=1.4),
    "line": Style(1.0, space_before=0.6, leading=1.4),
    "text": Style(1.0, space_before=0.6, leading=1.4),
    "label": Style(0.9, ink=Ink.MUTED, space_before=1.0, leading=1.3),
    "contact": Style(1.1, bold=True, space_before=0.3, leading=1.3),
    "write_in": Style(1.0, space_before=0.6, leading=2.0),
    "footer": Style(fixed_pt=8.5, ink=Ink.MUTED),
    "page_number": Style(fixed_pt=8.5, ink=Ink.MUTED),
}


@dataclass(frozen=True, slots=True)
class PackSection:
    heading: str
    intro: str
    entries: tuple[CardEntry, ...]


@dataclass(frozen=True, slots=True)
class HandoverPackJob:
    """Every text of the pack, already in its language."""

    language: str
    group_name: str
    title: str
    intro: str
    frames: PackSection
    principles: PackSection
    meetings_heading: str
    meetings: tuple[str, ...]
    absence_heading: str
    absence: tuple[str, ...]
    absence_label: str
    follow_up_heading: str
    follow_up: tuple[str, ...]
    contact_label: str
    contact_line: str  # "" leaves lines to write on by hand


# what the pack says ---------------------------------------------------------------------
def _entries(items: Sequence[FrameItem], language: str) -> tuple[CardEntry, ...]:
    return tuple(CardEntry(i.text(language).title, i.text(language).body) for i in items)


def _principles(items: Sequence[FrameItem], language: str) -> tuple[CardEntry, ...]:
    """The group's principles for the conversation; the app's own when it has none."""
    own = [i for i in items if i.kind is FrameKind.CONVERSATION]
    if not own:
        own = [i for i in default_frames(Preset.SN) if i.kind is FrameKind.CONVERSATION]
    return _entries(own, language)


def _absence(items: Sequence[FrameItem], words: CardLanguage) -> tuple[str, ...]:
    """The routine; with the app's rule on notice first when the group's frames lack one
    (when they have it, it is printed among the frames)."""
    routine = words.pgettext(
        "handover pack",
        "Agree together how a message reaches the others. If someone stays away several "
        "times without notice, talk about it openly in the group.")
    if any(i.source_key == ABSENCE_KEY for i in items):
        return (routine,)
    text = library_item(ABSENCE_KEY).texts[words.code]
    return (text.body or text.title, routine)


def _running(schedules: Sequence[Schedule], today: date) -> list[Schedule]:
    return [s for s in schedules if s.last_date is None or s.last_date >= today]


def _meeting_lines(schedules: Sequence[Schedule], place: Place | None, words: CardLanguage,
                   now: datetime, with_dial_in: bool) -> tuple[str, ...]:
    lines = [meeting_line([s], place, words, now)
             for s in _running(schedules, now.astimezone(OSLO).date())]
    lines = [line for line in dict.fromkeys(lines) if line]
    if not lines:
        lines = [words.pgettext("handover pack",
                                "The group agrees on its meeting times itself.")]
    if with_dial_in and place is not None and place.kind is not PlaceKind.ROOM \
            and place.dial_in.strip():
        lines.append(words.pgettext("handover pack", "How to join: {details}").format(
            details=place.dial_in.strip()))
    return tuple(lines)


def _follow_up(visit: date | None, words: CardLanguage) -> tuple[str, ...]:
    if visit is not None:
        first = words.pgettext(
            "handover pack",
            "The initiator plans to visit the group on {date} to hear how it is going.",
        ).format(date=format_date(visit, "long", words.code))
    else:
        first = words.pgettext(
            "handover pack",
            "The initiator will visit the group again after a while to hear how it is going.")
    return (first, words.pgettext(
        "handover pack",
        "You can also ask the initiator to come back at any time, for example if the group "
        "feels stuck, if a conflict does not settle, or if you are thinking of taking in new "
        "members."))


def clean_contact_line(text: str) -> str:
    """The typed line as it may be printed: one line, no control characters, not too long."""
    return " ".join(clean_text(text).split())[:MAX_CONTACT_LINE]


def pack_job(group: Group, items: Sequence[FrameItem], *, language: str,
             schedules: Sequence[Schedule] = (), place: Place | None = None,
             follow_up_on: date | None = None, contact_line: str = "",
             with_dial_in: bool = False, now: datetime | None = None) -> HandoverPackJob:
    """The pack for ``group``; nothing of the group but its name, frames and meetings."""
    words = CardLanguage(language)
    practical = [i for i in items if i.kind is not FrameKind.CONVERSATION]
    return HandoverPackJob(
        language=language,
        group_name=group.name,
        title=words.pgettext("handover pack", "Handover pack"),
        intro=words.pgettext(
            "handover pack",
            "From now on the group runs itself. This sheet gathers what we have agreed, so "
            "that everyone can look it up. The group has no leader: the frames guide us, and "
            "we share the responsibility."),
        frames=PackSection(
            words.pgettext("handover pack", "Our frames"),
            words.pgettext("handover pack",
                           "The practical agreements that keep our meetings safe and steady."),
            _entries(practical, language)),
        principles=PackSection(
            words.pgettext("handover pack", "How we talk together"),
            words.pgettext("handover pack", "The principles we follow when we talk."),
            _principles(items, language)),
        meetings_heading=words.pgettext("handover pack", "When and where we meet"),
        meetings=_meeting_lines(schedules, place, words, now or oslo_now(), with_dial_in),
        absence_heading=words.pgettext("handover pack", "If you cannot come"),
        absence=_absence(items, words),
        absence_label=words.pgettext("handover pack", "This is how we let each other know:"),
        follow_up_heading=words.pgettext("handover pack", "Follow-up from the initiator"),
        follow_up=_follow_up(follow_up_on, words),
        contact_label=words.pgettext("handover pack", "How to reach the initiator:"),
        contact_line=clean_contact_line(contact_line),
    )


def job_for_group(repo: VaultRepository, group_id: str, *, language: str,
                  contact_line: str = "", with_dial_in: bool = False,
                  now: datetime | None = None) -> HandoverPackJob:
    """The pack for a group in the vault, with its planned follow-up date."""
    group = repo.group(group_id)
    if group is None:
        raise KeyError(group_id)
    place = next((p for p in repo.places() if p.id == group.place_id), None) \
        if group.place_id else None
    return pack_job(group, repo.frames(group_id), language=language,
                    schedules=repo.schedules(group_id), place=place,
                    follow_up_on=load_follow_up(repo, group_id).planned_for,
                    contact_line=contact_line, with_dial_in=with_dial_in, now=now)


# how it is laid out ---------------------------------------------------------------------
def _section_units(section: PackSection) -> list[Unit]:
    head = [Block("section", section.heading)]
    if section.intro:
        head.append(Block("section_intro", section.intro))
    units = []
    for index, entry in enumerate(section.entries):
        blocks = [Block("item_title", entry.title)]
        if entry.body.strip():
            blocks.append(Block("item_body", entry.body))
        units.append(Unit(tuple((head if index == 0 else []) + blocks)))
    return units or [Unit(tuple(head))]


def _units(job: HandoverPackJob) -> list[Unit]:
    """What the group needs between meetings first (when, absence, follow-up), then the
    frames and principles it agreed on."""
    units = [Unit((Block("group", job.group_name), Block("title", job.title),
                   Block("intro", job.intro)))]
    units.append(Unit((Block("section", job.meetings_heading),
                       *(Block("line", line) for line in job.meetings))))
    units.append(Unit((Block("section", job.absence_heading),
                       *(Block("text", text) for text in job.absence))))
    units.append(Unit((Block("label", job.absence_label),
                       *(Block("write_in", " ") for _ in range(WRITE_IN_LINES)))))
    units.append(Unit((Block("section", job.follow_up_heading),
                       *(Block("text", text) for text in job.follow_up))))
    contact = [Block("contact", job.contact_line)] if job.contact_line else \
        [Block("write_in", " ") for _ in range(WRITE_IN_LINES)]
    units.append(Unit((Block("label", job.contact_label), *contact)))
    units += _section_units(job.frames) if job.frames.entries else []
    units += _section_units(job.principles)
    return units


def _write_in_strokes(boxes: Sequence[TextBox]) -> list[Stroke]:
    """A line to write on under each empty "write_in" line."""
    return [Stroke(box.rect.x, line.baseline, box.rect.right, line.baseline, 0.5, Ink.MUTED)
            for box in boxes if box.role == "write_in" for line in box.lines]


def layout_handover_pack(job: HandoverPackJob) -> PageSet:
    """The pack's A4 pages as data, with the group's name and page numbers in the footer."""
    spec = PACK
    content = spec.content()
    footer = footer_box((job.group_name, job.title), _STYLES, content.x, content.bottom,
                        content.w - PAGE_NUMBER_W)
    rule_y = footer.rect.y - 3.0
    area = Area(Rect(content.x, content.y, content.w, rule_y - 4.0 - content.y))
    flowed = fit(_units(job), _STYLES, area, spec.sizes)
    sheets = []
    count = len(flowed.cards)
    for index, boxes in enumerate(flowed.cards):
        extra = [footer]
        if count > 1:
            number = set_text("page_number", f"{index + 1}/{count}", _STYLES,
                              content.right - PAGE_NUMBER_W, 0.0, PAGE_NUMBER_W)
            extra.append(right_aligned(bottom_aligned(number, footer.rect.bottom)))
        strokes = [rule(content.x, content.right, rule_y), *_write_in_strokes(boxes)]
        card = Card(spec.slots[0], content, (*boxes, *extra), tuple(strokes))
        sheets.append(Sheet(spec.sheet_w, spec.sheet_h, (card,)))
    return PageSet(spec.page_size, spec.landscape, tuple(sheets), title=job.title)


def paint(device: QPagedPaintDevice, job: HandoverPackJob) -> None:
    """Print the pack on a QPrinter (or any paged device)."""
    paint_pages(device, layout_handover_pack(job))


def pdf_bytes_for(job: HandoverPackJob) -> bytes:
    return pdf_bytes(layout_handover_pack(job))


def write_pdf(path: Path, job: HandoverPackJob) -> None:
    """Save the pack as a PDF at ``path``, atomically."""
    write_pdf_file(path, layout_handover_pack(job))

