"""The pages of a module in the reader: its sections, then reflection, cases and the quiz.

Pure Python (no Qt). Speaker notes are not a page: in self-study they sit folded away
under each section.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from initiator_desktop.core.course import Module


class PageKind(StrEnum):
    SECTION = "section"
    REFLECTION = "reflection"
    CASE = "case"
    QUIZ = "quiz"


@dataclass(frozen=True, slots=True)
class ReaderPage:
    kind: PageKind
    key: str = ""
    index: int = 0


def module_pages(module: Module, language: str) -> tuple[ReaderPage, ...]:
    text = module.text(language)
    pages = [ReaderPage(PageKind.SECTION, key=key) for key in module.section_keys]
    if text.reflection:
        pages.append(ReaderPage(PageKind.REFLECTION))
    pages += [ReaderPage(PageKind.CASE, index=i) for i in range(len(text.cases))]
    if text.quiz:
        pages.append(ReaderPage(PageKind.QUIZ))
    return tuple(pages)


def neighbour_page(pages: tuple[ReaderPage, ...], page: ReaderPage,
                   step: int) -> ReaderPage | None:
    if page not in pages:
        return pages[0] if pages else None
    index = pages.index(page) + step
    return pages[index] if 0 <= index < len(pages) else None
