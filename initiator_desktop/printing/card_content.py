"""What a set of frame cards says, in the card language: the input of the card layout.

``card_job`` picks from the group only what may be printed: the neutral name, the
frames in order (practical, conversation, the group's own), and on request the meeting
line and the theme. Never members, notes, addresses or dial-in details.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from initiator_desktop.core.clock import oslo_now
from initiator_desktop.core.models import FrameItem, FrameKind, Group, Place, Schedule
from initiator_desktop.printing.card_language import CardLanguage, meeting_line


class CardFormat(StrEnum):
    A4 = "a4"  # poster
    A5 = "a5"  # handout
    A6 = "a6"  # cards, four to an A4 sheet
    TENT = "tent"  # folded table tent from an A4 sheet in landscape


@dataclass(frozen=True, slots=True)
class CardEntry:
    title: str
    body: str


@dataclass(frozen=True, slots=True)
class CardSection:
    kind: FrameKind
    heading: str
    intro: str
    entries: tuple[CardEntry, ...]


@dataclass(frozen=True, slots=True)
class CardJob:
    """One print of a group's frames: every text already in the card language."""

    card_format: CardFormat
    language: str
    group_name: str
    title: str
    cover_text: str
    continued: str  # "{heading}" placeholder for the section's heading
    sections: tuple[CardSection, ...]
    meeting: str = ""
    theme: str = ""

    @property
    def entries(self) -> tuple[CardEntry, ...]:
        return tuple(entry for section in self.sections for entry in section.entries)


_ORDER = (FrameKind.PRACTICAL, FrameKind.CONVERSATION, FrameKind.CUSTOM)


def _heading(kind: FrameKind, language: CardLanguage) -> tuple[str, str]:
    if kind is FrameKind.PRACTICAL:
        return (language.pgettext("printed frames", "Practical frames"),
                language.pgettext("printed frames",
                                  "The practical agreements that keep our meetings safe and "
                                  "steady."))
    if kind is FrameKind.CONVERSATION:
        return (language.pgettext("printed frames", "How we talk together"),
                language.pgettext("printed frames", "The principles we follow when we talk."))
    return (language.pgettext("printed frames", "Our own agreements"),
            language.pgettext("printed frames", "What we have added ourselves."))


def sections_for(items: Sequence[FrameItem], language: CardLanguage) -> tuple[CardSection, ...]:
    """The items by kind, each kind in the group's own order; empty kinds left out."""
    sections = []
    for kind in _ORDER:
        entries = tuple(CardEntry(item.text(language.code).title, item.text(language.code).body)
                        for item in items if item.kind is kind)
        if entries:
            heading, intro = _heading(kind, language)
            sections.append(CardSection(kind, heading, intro, entries))
    return tuple(sections)


def card_job(group: Group, items: Sequence[FrameItem], *, card_format: CardFormat | str,
             language: str, schedules: Sequence[Schedule] = (), place: Place | None = None,
             with_time: bool = False, with_theme: bool = False,
             now: datetime | None = None) -> CardJob:
    """The cards for ``group``; the meeting line and the theme only when asked for."""
    card_language = CardLanguage(language)
    meeting = ""
    if with_time:
        meeting = meeting_line(schedules, place, card_language, now or oslo_now())
    return CardJob(
        card_format=CardFormat(card_format),
        language=language,
        group_name=group.name,
        title=card_language.pgettext("printed frames", "Our frames"),
        cover_text=card_language.pgettext(
            "printed frames",
            "These are the frames and principles we have agreed on. The group has no "
            "leader: the frames guide us, and we all share the responsibility."),
        continued=card_language.pgettext("printed frames", "{heading}, continued"),
        sections=sections_for(items, card_language),
        meeting=meeting,
        theme=group.theme.strip() if with_theme else "",
    )
