"""Which slides a module makes in presenter mode, and what of a section goes on its slide.

Pure Python (no Qt): the order is a title slide, one slide per section, the reflection
questions, one slide per role-play case and one per quiz question.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from initiator_desktop.core.course import Module, ModuleText

SLIDE_LINES = 10
_SUBHEADING = re.compile(r" {0,3}#{2,6}(?:\s|$)")
_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")


class SlideKind(StrEnum):
    TITLE = "title"
    SECTION = "section"
    REFLECTION = "reflection"
    CASE = "case"
    QUIZ = "quiz"


@dataclass(frozen=True, slots=True)
class Slide:
    """One slide: its kind and what it shows (a section key, or a case or question number)."""

    kind: SlideKind
    key: str = ""
    index: int = 0


def module_slides(module: Module, language: str) -> tuple[Slide, ...]:
    """The slides of ``module`` for a presenter who reads ``language`` (with fallback)."""
    text: ModuleText = module.text(language)
    slides = [Slide(SlideKind.TITLE)]
    slides += [Slide(SlideKind.SECTION, key=key) for key in module.section_keys]
    if text.reflection:
        slides.append(Slide(SlideKind.REFLECTION))
    slides += [Slide(SlideKind.CASE, index=i) for i in range(len(text.cases))]
    slides += [Slide(SlideKind.QUIZ, index=i) for i in range(len(text.quiz))]
    return tuple(slides)


def _trim(lines: list[str]) -> list[str]:
    while lines and not lines[-1].strip():
        lines.pop()
    while lines and not lines[0].strip():
        lines.pop(0)
    return lines


def slide_excerpt(body: str, max_lines: int = SLIDE_LINES) -> str:
    """The key points of a section for its slide.

    docs/content-packs.md asks authors to keep the part before the first ``##`` (or the
    first ten lines or so) slide-worthy: that part, cut at ``max_lines`` lines.
    """
    lines = body.splitlines()
    before: list[str] = []
    fence: str | None = None
    for line in lines:
        opening = _FENCE.match(line)
        if fence is None and opening:
            fence = opening.group(1)
        elif fence is not None and line.strip().startswith(fence):
            fence = None
        elif fence is None and _SUBHEADING.match(line):
            break
        before.append(line)
    chosen = _trim(before) or _trim(list(lines))
    return "\n".join(_trim(chosen[:max_lines]))


def has_more(body: str, max_lines: int = SLIDE_LINES) -> bool:
    """Whether the section has more than its slide shows (the speaker view says so)."""
    return slide_excerpt(body, max_lines).strip() != body.strip()
